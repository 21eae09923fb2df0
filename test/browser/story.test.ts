/**
 * The portal in a real browser (Debian's Chromium through playwright-core),
 * on one real server and one browser for the whole file:
 * - every public page kind passes axe-core (no serious or critical violation),
 *   does not scroll sideways on a 375×812 phone, prints amounts as 1,234.56
 *   with 万元 stated, prints without navigation and with download addresses;
 * - the whole story: an officer uploads a real PDF (corpus 007), answers the
 *   warnings and submits; a reviewer returns it, then approves; the finance
 *   bureau publishes; the public opens it and downloads the xlsx and the FDP;
 *   a correction is published and its 更正说明 and changes are shown.
 * No page may ask another host for anything (the harness's guard).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, afterEach, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { wan } from "../../src/server/views/format.ts";
import { ANONYMOUS } from "../../src/service/actor.ts";
import { listDisclosures } from "../../src/service/reads.ts";
import { corpusGoldenDir } from "../support/paths.ts";
import { AMOUNT, tableAmounts } from "./checks.ts";
import {
  type BrowserHarness,
  STORY_DEPARTMENT,
  STORY_SAMPLE,
  assertNoForeignRequests,
  startHarness,
} from "./harness.ts";
import {
  CORRECTION,
  answerWarnings,
  approveAndPublish,
  download,
  inspect,
  press,
  publishCorrection,
  signIn,
  upload,
} from "./steps.ts";

const golden = (file: string) =>
  JSON.parse(readFileSync(join(corpusGoldenDir, file), "utf8")).expect as {
    income: { total: number };
  };
/** 上海市普陀区财政局 2025 预算's total income (万元), as the golden file states it. */
const STORY_TOTAL = golden("007.json").income.total;

let h: BrowserHarness;
/** The public reader's page, reused for every public page. */
let reader: Page;
const ids = { seed: 0, corpus: 0 };

before(async () => {
  h = await startHarness();
  reader = await (await h.context()).newPage();
  const list = await listDisclosures(h.store, ANONYMOUS, { limit: 500 });
  const id = (name: string) => list.items.find((d) => d.departmentName === name)?.id ?? 0;
  ids.seed = id("沧州经济开发区管理委员会");
  ids.corpus = id("苏州市审计局");
  assert.ok(ids.seed && ids.corpus, "sample disclosures loaded");
});
after(() => h?.close());
afterEach(() => assertNoForeignRequests(h));

async function open(path: string): Promise<void> {
  const res = await reader.goto(path);
  assert.ok(res, path);
}

describe("every public page kind", () => {
  const kinds: [what: string, path: () => string, status?: number][] = [
    ["首页", () => "/"],
    ["地区列表", () => "/regions"],
    ["地区", () => `/regions/${h.regionId}`],
    ["部门", () => `/departments/${h.departmentId}`],
    ["公开文件（河北样例）", () => `/disclosures/${ids.seed}`],
    ["公开文件（语料）", () => `/disclosures/${ids.corpus}`],
    ["版本页", () => `/disclosures/${ids.corpus}/versions/1`],
    ["404", () => "/no-such-page", 404],
    ["登录", () => "/signin"],
    ["搜索", () => `/search?q=${encodeURIComponent("三公经费")}`],
    ["比较", () => `/compare?d=${ids.seed}&d=${ids.corpus}`],
    ["公开考核表", () => `/regions/${h.regionId}/scoreboard`],
    ["数据接口说明", () => "/api/v1/docs"],
  ];
  for (const [what, path, status] of kinds) {
    test(`${what}: accessible, fits a phone`, async () => {
      const res = await reader.goto(path());
      assert.equal(res?.status(), status ?? 200);
      assert.equal(await reader.getAttribute("html", "lang"), "zh-CN");
      assert.match(await reader.title(), /\p{Script=Han}/u, "a Chinese title");
      assert.match(await reader.locator("h1").innerText(), /\p{Script=Han}/u, "a Chinese heading");
      await inspect(reader, what);
    });
  }

  test("API 调试页 (Swagger UI, served by us): accessible once drawn", async () => {
    await open("/api/v1/docs/swagger");
    await reader.locator(".opblock-summary").first().waitFor();
    await inspect(reader, "API 文档");
  });
});

describe("numbers and paper", () => {
  test("amounts in tables: 1,234.56 with 万元 stated for the table", async () => {
    const paths = [
      `/disclosures/${ids.corpus}`,
      `/disclosures/${ids.seed}`,
      `/departments/${h.departmentId}`,
    ];
    for (const path of paths) {
      await open(path);
      const tables = (await tableAmounts(reader)).filter((t) => t.amounts.length);
      assert.ok(tables.length >= 2, `${path}: tables with amounts`);
      for (const t of tables) {
        assert.ok(t.statesUnit, `${path}: ${t.caption} states 万元`);
        for (const a of t.amounts) assert.match(a, AMOUNT, `${path}: ${t.caption}`);
      }
    }
    await open(`/disclosures/${ids.corpus}`);
    const total = wan(golden("022.json").income.total);
    assert.match(total, /^\d,\d{3}\.\d{2}$/);
    assert.ok(await reader.locator("td", { hasText: total }).count(), `total ${total} shown`);
  });

  test("print: no navigation or forms, downloads show their addresses", async () => {
    await open(`/disclosures/${ids.corpus}`);
    await reader.emulateMedia({ media: "print" });
    try {
      for (const nav of await reader.locator("nav, form").all()) {
        assert.equal(await nav.isVisible(), false, "nav and forms hidden on paper");
      }
      const link = reader.locator("ul.downloads a").first();
      assert.ok(await link.isVisible(), "downloads listed on paper");
      const after = await link.evaluate((a) => getComputedStyle(a, "::after").content);
      assert.match(after, /\/api\/v1\/versions\/\d+\//);
    } finally {
      await reader.emulateMedia({ media: null });
    }
  });
});

describe("charts", () => {
  test("drawn on the server; where JavaScript runs, pointing at a mark shows its amount", async () => {
    await open(`/disclosures/${ids.corpus}`);
    const charts = reader.locator("figure.chart .chart-svg svg");
    assert.ok((await charts.count()) >= 3, "the 一图读懂 charts are in the page as SVG");
    const tip = reader.locator("p.chart-tip").first();
    assert.equal(await tip.isVisible(), false, "no amount shown before pointing");
    const mark = reader.locator('figure.chart svg [ecmeta_ssr_type="chart"]').first();
    // A ring's mark has its hole at its centre, where a pointer would meet the <svg>: the
    // mouseover is dispatched on the mark itself, as a pointer on its edge would.
    await mark.dispatchEvent("mouseover");
    await reader.locator("p.chart-tip:not([hidden])").first().waitFor();
    const shown = await reader.locator("p.chart-tip:not([hidden])").first().textContent();
    assert.match(shown ?? "", /：\d{1,3}(,\d{3})*\.\d{2} 万元$/);
  });
});

/** What the story carries from one step to the next. */
const story = {
  versionId: 0,
  disclosureId: 0,
  officer: {} as Page,
  reviewer: {} as Page,
  broken: false,
};

/**
 * A step of the staff's half: skipped, saying why, once an earlier one failed.
 * The public's steps need only the published disclosure.
 */
function step(name: string, fn: () => Promise<void>, forPublic = false): void {
  test(name, async (t) => {
    if (forPublic ? !story.disclosureId : story.broken) {
      return t.skip("an earlier step of the story failed");
    }
    try {
      await fn();
    } catch (error) {
      story.broken = true;
      throw error;
    }
  });
}

describe("the story, staff: upload, answer, submit, return, approve, publish", () => {
  step("a department officer signs in and uploads a real PDF", async () => {
    story.officer = await signIn(h, h.users.officer);
    const page = story.officer;
    await inspect(page, "工作台（经办人）");
    await page.goto("/work/upload");
    await inspect(page, "上传");
    story.versionId = await upload(page, {
      year: 2025,
      kind: "部门预算",
      files: [{ name: "普陀区财政局2025年部门预算.pdf", bytes: readFileSync(STORY_SAMPLE.pdf) }],
    });
    await inspect(page, "版本工作页（草稿）");
    assert.ok(await page.locator("form.response-form").count(), "warnings to answer");
  });

  step("the officer answers the warnings and submits", async () => {
    const page = story.officer;
    assert.ok((await answerWarnings(page, "系数口径不同，已核对原表")) >= 1);
    await press(page, "提交审核");
    assert.match(await page.locator("main").innerText(), /已提交待审核/);
  });

  step("a reviewer returns it; the officer submits it again", async () => {
    story.reviewer = await signIn(h, h.users.reviewer);
    const page = story.reviewer;
    await inspect(page, "工作台（审核员）");
    await page.locator(`a[href="/work/versions/${story.versionId}"]`).first().click();
    await page.waitForURL(`**/work/versions/${story.versionId}`);
    await inspect(page, "版本工作页（待审核）");
    await page.getByLabel(/^退回意见/).fill("请补充“三公”经费变动原因");
    await press(page, "退回修改");
    assert.match(await page.locator("main").innerText(), /已退回/);
    await story.officer.reload();
    assert.match(await story.officer.locator("main").innerText(), /请补充“三公”经费变动原因/);
    await press(story.officer, "提交审核");
  });

  step("the reviewer approves and the finance bureau publishes", async () => {
    story.disclosureId = await approveAndPublish(h, story.reviewer, story.versionId);
  });
});

describe("the story, public: find, read, compare, download; a correction", () => {
  step(
    "the public finds it by pinyin initials and by a Chinese search",
    async () => {
      await open("/");
      const disclosure = reader.locator(`main a[href="/disclosures/${story.disclosureId}"]`);
      const department = reader.locator(`main a[href="/departments/${h.departmentId}"]`);
      for (const words of ["shsptqczj", "普陀区财政局"]) {
        const box = reader.locator("header.site").getByRole("searchbox");
        await box.fill(words);
        await Promise.all([reader.waitForURL("**/search?**"), box.press("Enter")]);
        const found = (await disclosure.count()) + (await department.count());
        assert.ok(found, `${words}: the disclosure or its department found`);
        await inspect(reader, `搜索：${words}`);
      }
      await disclosure.first().click();
      await reader.waitForURL(`**/disclosures/${story.disclosureId}`);
    },
    true,
  );

  step(
    "the public opens it: amounts in 万元 as the document states them",
    async () => {
      await open(`/disclosures/${story.disclosureId}`);
      assert.match(await reader.locator("h1").innerText(), new RegExp(STORY_DEPARTMENT));
      assert.ok(await reader.locator("td", { hasText: wan(STORY_TOTAL) }).count());
      await inspect(reader, "公开文件（上传的 PDF）");
    },
    true,
  );

  step(
    "the public compares it with the previous year (2024 决算)",
    async () => {
      const list = await listDisclosures(h.store, ANONYMOUS, { limit: 500 });
      const previous = list.items.find((d) => d.departmentId === h.departmentId && d.year === 2024);
      assert.ok(previous, "the department's 2024 disclosure");
      // The department page offers the comparison of its two newest disclosures.
      await open(`/departments/${h.departmentId}`);
      const offer = `/compare?d=${previous.id}&d=${story.disclosureId}`;
      await reader.locator(`a[href="${offer}"]`).click();
      await reader.waitForURL(`**${offer}`);
      const text = await reader.locator("main").innerText();
      assert.match(text, /2024年部门决算/);
      assert.match(text, /2025年部门预算/);
      assert.ok(await reader.locator("td", { hasText: wan(STORY_TOTAL) }).count());
      for (const t of await tableAmounts(reader)) {
        for (const a of t.amounts) assert.match(a, AMOUNT, t.caption);
      }
      await inspect(reader, "比较");
    },
    true,
  );

  step(
    "the public downloads the xlsx (read with exceljs) and the FDP",
    async () => {
      await open(`/disclosures/${story.disclosureId}`);
      const xlsx = await download(reader, `/api/v1/versions/${story.versionId}/download/xlsx`);
      assert.match(xlsx.name, /\.xlsx$/);
      await assertWorkbookHolds(xlsx.bytes, STORY_TOTAL);
      const fdp = await download(reader, `/api/v1/versions/${story.versionId}/download/fdp`);
      assertDataPackage(fdp.bytes);
    },
    true,
  );

  step(
    "a correction is published: its 更正说明 and the changes are shown",
    async () => {
      await publishCorrection(h, story, story.versionId);
      await open(`/disclosures/${story.disclosureId}`);
      const text = await reader.locator("main").innerText();
      assert.ok(text.includes(CORRECTION.note), "the 更正说明 on the public page");
      const diff = reader.locator("table.diff");
      assert.match(await diff.first().innerText(), new RegExp(CORRECTION.to));
      await inspect(reader, "公开文件（已更正）");
      await open(`/disclosures/${story.disclosureId}/versions/1`);
      assert.match(await reader.locator("main").innerText(), /已被更正版本取代/);
      await inspect(reader, "被更正的版本");
    },
    true,
  );
});

/** The xlsx opens with exceljs and holds the amount as a number (万元). */
async function assertWorkbookHolds(bytes: Buffer, amount: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const values = wb.worksheets.flatMap((ws) =>
    ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])),
  );
  assert.ok(
    values.some((v) => typeof v === "number" && Math.abs(v - amount) < 0.005),
    `the total ${amount} 万元 is a number in the workbook`,
  );
}

/** The FDP zip holds a datapackage.json that parses, names its resources and has their files. */
function assertDataPackage(bytes: Buffer): void {
  const zip = unzipSync(new Uint8Array(bytes));
  const pkg = JSON.parse(strFromU8(zip["datapackage.json"]!));
  const names = (pkg.resources as { name: string; path: string }[]).map((r) => r.name);
  assert.ok(names.includes("expenditure-by-function"), `resources: ${names}`);
  for (const r of pkg.resources) assert.ok(zip[r.path], `${r.path} in the package`);
}
