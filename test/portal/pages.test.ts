/**
 * The portal's public pages on the bundled samples (PGlite): every page
 * answers with real content, numbers printed as 万元 with separators, one h1,
 * tables with caption and header cells, inline SVG charts, nothing from
 * another host, and a Chinese 404 for what does not exist.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ANONYMOUS } from "../../src/service/actor.ts";
import { listDepartments } from "../../src/service/catalogue.ts";
import {
  getCanonical,
  getDisclosure,
  getVersion,
  listDisclosures,
} from "../../src/service/reads.ts";
import { DOWNLOAD_URLS } from "../../src/server/pages/index.ts";
import { CSS_PATH } from "../../src/server/views/assets.ts";
import { wan } from "../../src/server/views/format.ts";
import { goldenDir } from "../support/paths.ts";
import {
  CORRECTED_TO,
  CORRECTION_NOTE,
  type PortalFixture,
  WITHDRAWN_REASON,
  portalFixture,
} from "./app.ts";

let f: PortalFixture;
before(async () => {
  f = await portalFixture();
});
after(() => f?.close());

async function get(path: string, status = 200): Promise<string> {
  const res = await f.app.request(path);
  const body = await res.text();
  assert.equal(res.status, status, `${path}: ${body.slice(0, 300)}`);
  if (status === 200 || status === 404) {
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    assert.ok(body.startsWith("<!DOCTYPE html>"), `${path} has a doctype`);
  }
  return body;
}

const golden = (name: string) =>
  JSON.parse(readFileSync(join(goldenDir, name), "utf8")).expect as {
    department: { name: string };
    income: { total: number };
    expenditure: { total: number; basic: number; project: number };
    threePublic: { total: number };
  };

/** Text content with tags removed (entities of the few characters JSX escapes decoded). */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

/** Structural checks every page must pass. */
function assertWellFormed(path: string, html: string): void {
  assert.equal(html.match(/<h1[\s>]/g)?.length ?? 0, 1, `${path}: exactly one h1`);
  assert.match(html, /<html lang="zh-CN">/, `${path}: declared Chinese`);
  for (const table of html.match(/<table[\s>][\s\S]*?<\/table>/g) ?? []) {
    assert.match(table, /<caption>[^<]+/, `${path}: table with a caption`);
    assert.match(table, /<th[\s>]/, `${path}: table with header cells`);
  }
  for (const [, attr, url] of html.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
    assert.ok(!/^(https?:)?\/\//i.test(url!), `${path}: ${attr}="${url}" points to another host`);
  }
}

/** Internal page links of a page (not downloads, not anchors, not a table's other orders). */
const pageLinks = (html: string) =>
  [...html.matchAll(/href="(\/[^"#]*)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, "&"))
    .filter((u) => !u.startsWith("/api/") && !u.startsWith("/static/"))
    .filter((u) => !/\.csv(\?|$)/.test(u) && !/[?&]sort=/.test(u));

test("every page reachable from the home page answers 200 and is well formed", async () => {
  const seen = new Set<string>();
  const queue = ["/"];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const html = await get(path);
    assertWellFormed(path, html);
    queue.push(...pageLinks(html).filter((u) => !seen.has(u)));
  }
  const all = await listDisclosures(f.store, ANONYMOUS, { limit: 500 });
  for (const d of all.items)
    assert.ok(seen.has(`/disclosures/${d.id}`), `disclosure ${d.id} linked`);
  assert.ok([...seen].some((p) => p.startsWith("/departments/")));
  assert.ok(
    [...seen].some((p) => /^\/regions\/\d+\?year=/.test(p)),
    "year links on region pages",
  );
});

test("home: coverage by region and year, counted from the store, and the latest publications", async () => {
  const html = await get("/");
  const text = textOf(html);
  const hebei = (
    await f.store.db
      .selectFrom("region")
      .select("id")
      .where("name", "=", "河北省")
      .executeTakeFirstOrThrow()
  ).id;
  const deps = await listDepartments(f.store, { regionId: hebei, subtree: true, limit: 500 });
  const in2021 = await listDisclosures(f.store, ANONYMOUS, {
    regionId: hebei,
    subtree: true,
    year: 2021,
    kind: "budget",
  });
  assert.ok(deps.total > 1 && in2021.total > 1);
  assert.match(
    text,
    new RegExp(`2021年部门预算\\s+已公开 ${in2021.total} / 应公开 ${deps.total} 个部门`),
  );
  // The correction is the latest publication, named as such.
  assert.match(text, /最新发布[\s\S]*苏州市审计局 2026年部门预算[\s\S]*第 2 版，更正/);
});

test("region: its departments with their status for the year", async () => {
  const hebei = (
    await f.store.db
      .selectFrom("region")
      .select("id")
      .where("name", "=", "河北省")
      .executeTakeFirstOrThrow()
  ).id;
  const text = textOf(await get(`/regions/${hebei}?year=2021`));
  const deps = await listDepartments(f.store, { regionId: hebei, subtree: true, limit: 500 });
  for (const d of deps.items) assert.ok(text.includes(d.name), `lists ${d.name}`);
  assert.match(text, /2021年各部门公开情况/);
  // 发改局 published its 2021 budget; 沧州经济开发区管理委员会 published 2020's only.
  assert.match(text, /发改局\s+河北省\s+已公开/);
  assert.match(text, /沧州经济开发区管理委员会\s+沧州经济开发区\s+未公开/);
  const suzhou = (
    await f.store.db
      .selectFrom("region")
      .select("id")
      .where("name", "=", "苏州市")
      .executeTakeFirstOrThrow()
  ).id;
  assert.match(textOf(await get(`/regions/${suzhou}`)), /苏州市审计局\s+苏州市\s+已公开（有更正）/);
});

test("department: every year and kind, with its trend charts and figures", async () => {
  const putuo = await listDisclosures(f.store, ANONYMOUS, { limit: 500 });
  const items = putuo.items.filter((d) => d.departmentName === "上海市普陀区财政局");
  assert.equal(items.length, 2);
  const html = await get(`/departments/${items[0]!.departmentId}`);
  const text = textOf(html);
  assert.match(text, /2024年部门决算[\s\S]*2025年部门预算/, "oldest first");
  for (const d of items) {
    const c = JSON.parse(await getCanonical(f.store, ANONYMOUS, d.latest!.id));
    assert.ok(
      text.includes(wan(c.income.total)),
      `income ${d.year} printed as ${wan(c.income.total)}`,
    );
    assert.ok(text.includes(wan(c.expenditure.total)));
  }
  assert.ok((html.match(/<svg role="img"/g)?.length ?? 0) >= 2, "trend charts as inline SVG");
  assert.match(html, /aria-label="收入与支出合计的变化"/);
});

test("disclosure: seed 000 with the golden numbers, nine tables, explanation, targets, findings, downloads", async () => {
  const g = golden("000_f6eb8ece6d8b211d.json");
  const all = await listDisclosures(f.store, ANONYMOUS, { limit: 500 });
  const d = all.items.find((i) => i.departmentName === g.department.name)!;
  const html = await get(`/disclosures/${d.id}`);
  const text = textOf(html);
  assert.match(html, new RegExp(`<h1>${g.department.name}2020年部门预算</h1>`));
  assert.equal(wan(g.income.total), "72,899.00");
  assert.ok(
    text.includes(`收入预算 ${wan(g.income.total)} 万元`),
    "一图读懂 sentence with the total",
  );
  assert.ok(text.includes(`“三公”经费 ${wan(g.threePublic.total)} 万元`));
  for (const amount of [g.expenditure.basic, g.expenditure.project])
    assert.ok(text.includes(wan(amount)));
  assert.equal(
    html.match(/<section class="data-table" id="t\d[-a-z]*"/g)?.length,
    9,
    "nine standard tables",
  );
  for (const title of ["部门收支总表", "一般公共预算基本支出表", "财政拨款“三公”经费支出表"]) {
    assert.match(html, new RegExp(`<caption>\\d．${title}</caption>`));
  }
  assert.match(text, /部门整体绩效目标/);
  assert.match(text, /部门职责—工作活动绩效目标[\s\S]*优\s+良\s+中\s+差/);
  const v = await getVersion(f.store, ANONYMOUS, d.latest!.id);
  assert.match(text, new RegExp(`${v.counts.error} 个错误、\\s*${v.counts.warning} 个警告`));
  assert.ok(text.includes(v.findings[0]!.finding.message), "a finding's message");
  assert.match(text, /原文第 \d+ 行：“/, "findings point to the printed line");
  assert.ok((html.match(/<svg role="img"/g)?.length ?? 0) >= 2, "一图读懂 charts as inline SVG");
  assert.ok(html.includes(`href="${DOWNLOAD_URLS.rendered(v.id, "xlsx")}"`));
  assert.ok(html.includes(`href="${DOWNLOAD_URLS.original(v.id, 0)}"`));
  for (const format of ["pdf", "docx", "csv", "json", "fdp"] as const) {
    assert.ok(html.includes(DOWNLOAD_URLS.rendered(v.id, format)), format);
  }
});

test("disclosure: amounts of the standard tables carry thousands separators", async () => {
  const all = await listDisclosures(f.store, ANONYMOUS, { limit: 500 });
  const d = all.items.find((i) => i.departmentName === "重庆市水利局")!;
  const c = JSON.parse(await getCanonical(f.store, ANONYMOUS, d.latest!.id));
  const html = await get(`/disclosures/${d.id}`);
  assert.ok(c.income.total > 1000);
  assert.match(html, new RegExp(`<td class="right b">${wan(c.income.total)}</td>`));
  assert.doesNotMatch(
    html,
    /<td class="right[^"]*">\d{4,}\.\d\d<\/td>/,
    "no amount without separators",
  );
});

test("correction: the version history shows the 更正说明 and what changed; the old version stays readable", async () => {
  const id = f.correctedDisclosureId;
  const info = await getDisclosure(f.store, ANONYMOUS, id);
  assert.deepEqual(
    info.versions.map((v) => v.state),
    ["superseded", "published"],
  );
  const text = textOf(await get(`/disclosures/${id}`));
  assert.match(text, /第 2 版 · 已发布/);
  assert.ok(text.includes(CORRECTION_NOTE));
  assert.match(text, /第 2 版与被更正版本相比的变化\s+共 1 处变化/);
  assert.ok(text.includes(CORRECTED_TO), "the corrected words in the diff");
  assert.match(text, /部门职责\s+\/duties/);
  const old = textOf(await get(`/disclosures/${id}/versions/1`));
  assert.match(old, /第 1 版 · 已被更正版本取代/);
  assert.doesNotMatch(old, new RegExp(CORRECTED_TO));
});

test("withdrawn: the page keeps the history and the reason, not the content", async () => {
  const html = await get(`/disclosures/${f.withdrawnDisclosureId}`);
  const text = textOf(html);
  assertWellFormed("withdrawn", html);
  assert.match(text, /该版本已撤回/);
  assert.ok(text.includes(WITHDRAWN_REASON));
  assert.match(text, /第 1 版（本页）\s+已撤回/);
  assert.doesNotMatch(html, /id="check"/, "findings quote the content: not shown");
  assert.doesNotMatch(html, /id="tables"|id="downloads"/, "no tables or downloads");
  const dep = await listDisclosures(f.store, ANONYMOUS, { limit: 500 });
  const item = dep.items.find((d) => d.id === f.withdrawnDisclosureId)!;
  assert.match(
    textOf(await get(`/regions/${item.regionId}?year=2018`)),
    /江苏省人大常委会办公厅\s+江苏省\s+已撤回/,
  );
});

test("unknown addresses and ids get the Chinese 404 page", async () => {
  for (const path of [
    "/disclosures/99999",
    "/disclosures/abc",
    "/disclosures/1/versions/9",
    "/regions/99999",
    "/departments/0",
    "/no-such-page",
  ]) {
    const html = await get(path, 404);
    assertWellFormed(path, html);
    assert.match(html, /<h1>页面不存在<\/h1>/, path);
  }
  assert.match(textOf(await get("/departments/99999", 404)), /找不到部门：99999/);
});

test("the stylesheet is served by the portal, cached for a year under its hashed name", async () => {
  const home = await get("/");
  assert.ok(home.includes(`<link rel="stylesheet" href="${CSS_PATH}"/>`));
  const res = await f.app.request(CSS_PATH);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/css/);
  assert.match(res.headers.get("cache-control") ?? "", /immutable/);
  assert.match(await res.text(), /@media print/);
  assert.equal((await f.app.request("/static/portal.0000.css")).status, 404);
  const first = await f.app.request("/");
  assert.match(first.headers.get("cache-control") ?? "", /public, max-age=60/);
  const tag = first.headers.get("etag");
  assert.ok(tag, "pages carry an ETag");
  const again = await f.app.request("/", { headers: { "If-None-Match": tag } });
  assert.equal(again.status, 304);
});
