/**
 * Screenshots of the portal's main pages for the README, desktop (1280 wide)
 * and phone (390 wide), with Debian's Chromium on the browser tests' harness
 * (the real server on the samples). Run by hand, not by the test suite:
 *   node --import tsx test/browser/screenshots.ts [name…]
 * It walks the story as the browser test does (an officer uploads corpus 007's
 * PDF, answers, submits; it is approved, published and corrected) so that the
 * working pages and a correction have something to show. Writes
 * docs/images/portal-<name>.png; refuses to finish if a page asked another host.
 */
import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { ANONYMOUS } from "../../src/service/actor.ts";
import { listDisclosures } from "../../src/service/reads.ts";
import { type BrowserHarness, STORY_SAMPLE, startHarness } from "./harness.ts";
import {
  answerWarnings,
  approveAndPublish,
  press,
  publishCorrection,
  signIn,
  upload,
} from "./steps.ts";

const OUT = resolve(import.meta.dirname, "../../docs/images");
const only = process.argv.slice(2);

interface Shot {
  name: string;
  /** Whole page, not only the first screen. */
  full?: boolean;
  phone?: boolean;
  print?: boolean;
}

/** Screenshots the page as it is (its current address), at the shot's width. */
async function shoot(page: Page, shot: Shot): Promise<void> {
  if (only.length && !only.includes(shot.name)) return;
  const size = page.viewportSize();
  if (shot.phone) await page.setViewportSize({ width: 390, height: 844 });
  if (shot.print) await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: `${OUT}/portal-${shot.name}.png`, fullPage: !!shot.full });
  if (shot.print) await page.emulateMedia({ media: null });
  if (shot.phone && size) await page.setViewportSize(size);
  console.log(`portal-${shot.name}.png  ${page.url()}`);
}

/** Goes to a page and takes its shots; a page that does not exist (yet) is skipped, said so. */
async function visit(page: Page, path: string, shots: Shot[]): Promise<void> {
  const res = await page.goto(path);
  if (res?.status() === 404) {
    console.log(`skipped (404): ${path} — ${shots.map((s) => s.name).join(", ")}`);
    return;
  }
  for (const s of shots) await shoot(page, s);
}

/** The staff half of the story, shot along the way; returns the ids the public half needs. */
async function staffStory(h: BrowserHarness) {
  const anonymous = await (await h.context()).newPage();
  await visit(anonymous, "/signin", [{ name: "signin" }]);
  const officer = await signIn(h, h.users.officer);
  await officer.goto("/work/upload");
  const versionId = await upload(officer, {
    year: 2025,
    kind: "部门预算",
    files: [{ name: "普陀区财政局2025年部门预算.pdf", bytes: readFileSync(STORY_SAMPLE.pdf) }],
  });
  await shoot(officer, { name: "work-version" });
  await shoot(officer, { name: "work-version-phone", phone: true });
  await answerWarnings(officer, "系数口径不同，已核对原表");
  await press(officer, "提交审核");
  const reviewer = await signIn(h, h.users.reviewer);
  await shoot(reviewer, { name: "work-queue" });
  await reviewer.goto(`/work/versions/${versionId}`);
  await shoot(reviewer, { name: "work-review", full: true });
  const disclosureId = await approveAndPublish(h, reviewer, versionId);
  await publishCorrection(h, { officer, reviewer }, versionId);
  return { disclosureId };
}

async function main(): Promise<void> {
  const h = await startHarness();
  try {
    const { disclosureId } = await staffStory(h);
    const list = await listDisclosures(h.store, ANONYMOUS, { limit: 500 });
    const previous = list.items.find((d) => d.departmentId === h.departmentId && d.year === 2024);
    const suzhou = list.items.find((d) => d.departmentName === "苏州市审计局");
    const page = await (await h.context()).newPage();
    await visit(page, "/", [
      { name: "home", full: true },
      { name: "home-phone", phone: true },
    ]);
    await visit(page, `/regions/${h.regionId}`, [{ name: "region", full: true }]);
    await visit(page, `/departments/${h.departmentId}`, [{ name: "department", full: true }]);
    await visit(page, `/disclosures/${suzhou?.id}`, [
      { name: "disclosure" },
      { name: "disclosure-phone", phone: true },
      { name: "disclosure-print", print: true },
    ]);
    await visit(page, `/disclosures/${disclosureId}#history`, [{ name: "correction" }]);
    await visit(page, `/compare?d=${previous?.id}&d=${disclosureId}`, [
      { name: "compare", full: true },
      { name: "compare-phone", phone: true },
    ]);
    await visit(page, `/search?q=${encodeURIComponent("财政局")}`, [
      { name: "search" },
      { name: "search-phone", phone: true },
    ]);
    await visit(page, `/regions/${h.regionId}/scoreboard`, [{ name: "scoreboard", full: true }]);
    if (h.foreign.length) throw new Error(`requests to other hosts: ${h.foreign.join(" ")}`);
  } finally {
    await h.close();
  }
}

await main();
