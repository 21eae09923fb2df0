/**
 * The comparison and the scoreboard pages on the bundled samples (a real
 * PGlite store): aligned lines with blanks, rates, the chart, the CSV, the
 * limit message; scoreboard statuses from approval dates recorded through
 * the service, its summary line and its sorting.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Actor } from "../../src/service/actor.ts";
import { ANONYMOUS } from "../../src/service/actor.ts";
import { createApp } from "../../src/server/app.ts";
import { recordApprovalDate } from "../../src/service/approvals.ts";
import { beijingDate } from "../../src/service/deadline.ts";
import { type DisclosureItem, listDisclosures } from "../../src/service/reads.ts";
import { parseCsv } from "../support/csv.ts";
import { type PortalFixture, WITHDRAWN_DEPARTMENT, portalFixture } from "./app.ts";

let f: PortalFixture;
let items: DisclosureItem[];
before(async () => {
  f = await portalFixture();
  items = (await listDisclosures(f.store, ANONYMOUS, { limit: 500 })).items;
});
after(() => f?.close());

const byName = (name: string) => {
  const d = items.find((i) => i.departmentName === name);
  assert.ok(d, name);
  return d;
};

async function get(path: string, status = 200): Promise<string> {
  const res = await f.app.request(path);
  const body = await res.text();
  assert.equal(res.status, status, `${path}: ${body.slice(0, 300)}`);
  return body;
}

/** The cells of the table row whose first cells hold `code` (tags stripped). */
function rowCells(html: string, code: string): string[] {
  const row = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].find((m) =>
    m[1]!.includes(`<td class="code">${code}</td>`),
  );
  assert.ok(row, `row ${code}`);
  return [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, "").trim(),
  );
}

const compareQuery = () => `d=${byName("国家信访局").id}&d=${byName("长沙市信访局").id}`;

test("compare: 功能分类 aligned by code, a line one side lacks is blank, rates against the first", async () => {
  const html = await get(`/compare?${compareQuery()}`);
  assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
  // Two departments of one kind and year: the columns are named by department.
  assert.match(html, /<th scope="col">国家信访局<\/th>/);
  assert.deepEqual(rowCells(html, "2014001"), [
    "2014001",
    "行政运行",
    "5,826.21",
    "1,517.95",
    "-4,308.26",
    "-73.95%",
  ]);
  // 一般行政管理事务 is printed by 国家信访局 only: blank, not 0.00, and no change.
  assert.deepEqual(rowCells(html, "2014002"), [
    "2014002",
    "一般行政管理事务",
    "737.29",
    "",
    "",
    "",
  ]);
  assert.match(html, /id="economic"/);
  assert.match(html, /<svg role="img" aria-label="各文件收入、支出合计及基本、项目支出"/);
  assert.match(html, /href="\/compare\.csv\?d=\d+&amp;d=\d+"/);
});

test("compare.csv: UTF-8 with BOM, the page's alignment, exact amounts", async () => {
  const res = await f.app.request(`/compare.csv?${compareQuery()}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/csv; charset=utf-8/);
  assert.match(res.headers.get("content-disposition") ?? "", /attachment/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
  assert.equal(rows[0]![4], "国家信访局（万元）");
  assert.deepEqual(
    rows.find((r) => r[1] === "2014002"),
    ["功能分类", "2014002", "项", "一般行政管理事务", "737.29", "", "", ""],
  );
  assert.deepEqual(rows.find((r) => r[3] === "收入合计")?.slice(0, 4), [
    "主要数字",
    "",
    "",
    "收入合计",
  ]);
});

test("compare: one department over years is labelled by year; limits and refusals in Chinese", async () => {
  const putuo = items.filter((i) => i.departmentName === "上海市普陀区财政局");
  assert.equal(putuo.length, 2);
  const html = await get(`/compare?${putuo.map((d) => `d=${d.id}`).join("&")}`);
  assert.match(html, /<th scope="col">2025年部门预算<\/th>/);
  assert.match(html, /<th scope="col">2024年部门决算<\/th>/);

  const nine = items
    .slice(0, 9)
    .map((d) => `d=${d.id}`)
    .join("&");
  assert.match(await get(`/compare?${nine}`, 400), /一次最多比较 8 份公开文件，您选择了 9 份/);
  assert.match(await get(`/compare?d=${putuo[0]!.id}`, 400), /请至少选择 2 份公开文件进行比较/);
  assert.match(await get("/compare", 400), /请至少选择 2 份/);
  assert.match(await get("/compare?d=abc&d=1", 400), /比较对象的编号无效：abc/);
  const withdrawn = byName(WITHDRAWN_DEPARTMENT);
  assert.match(
    await get(`/compare?d=${withdrawn.id}&d=${putuo[0]!.id}`, 404),
    new RegExp(`找不到已公开的文件：${withdrawn.id}`),
  );
});

test("GET /api/v1/compare: the same alignment as JSON, a blank as null; the limit as a Chinese 400", async () => {
  const app = createApp({ store: f.store });
  const res = await app.request(`/api/v1/compare?${compareQuery()}`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    columns: { id: number; label: string; versionNumber: number }[];
    functional: { code: string; amounts: (number | null)[]; changes: unknown[] }[];
  };
  assert.deepEqual(
    body.columns.map((c) => [c.id, c.label]),
    [
      [byName("国家信访局").id, "国家信访局"],
      [byName("长沙市信访局").id, "长沙市信访局"],
    ],
  );
  const only = body.functional.find((l) => l.code === "2014002")!;
  assert.deepEqual(only.amounts, [737.29, null]);
  assert.deepEqual(only.changes, [null, null]);
  assert.deepEqual(body.functional.find((l) => l.code === "2014001")!.changes[1], {
    difference: -4308.26,
    rate: -73.95,
  });
  const one = await app.request(`/api/v1/compare?d=${byName("国家信访局").id}`);
  assert.equal(one.status, 400);
  assert.match(
    ((await one.json()) as { error: { message: string } }).error.message,
    /请至少选择 2 份/,
  );
});

test("links: the department page picks years, the region page picks departments and links its scoreboard", async () => {
  const putuo = byName("上海市普陀区财政局");
  const dep = await get(`/departments/${putuo.departmentId}`);
  assert.match(dep, /<form method="get" action="\/compare" id="compare-years">/);
  assert.equal(dep.match(/name="d" value="\d+" form="compare-years"/g)?.length, 2);
  // No budget a year after a budget here: the two newest are offered instead, oldest first.
  const [older, newer] = items
    .filter((i) => i.departmentName === "上海市普陀区财政局")
    .sort((a, b) => a.year - b.year);
  assert.match(
    dep,
    new RegExp(
      `href="/compare\\?d=${older!.id}&amp;d=${newer!.id}">比较最近两份：2024年部门决算与2025年部门预算`,
    ),
  );
  const region = await get(`/regions/${putuo.regionId}?year=2025`);
  assert.match(region, /form="compare-departments"/);
  assert.match(
    region,
    new RegExp(`href="/regions/${putuo.regionId}/scoreboard\\?year=2025&amp;kind=budget"`),
  );
});

const DAY = 86_400_000;
const daysAgo = (n: number) => beijingDate(new Date(Date.now() - n * DAY));
const reviewerOf = (regionId: number): Actor => ({
  kind: "user",
  id: 9100,
  name: "portal-reviewer",
  roles: ["reviewer"],
  scope: { regionId },
});

/** The text of the scoreboard row of a department. */
function boardRow(html: string, department: string): string {
  const row = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].find((m) =>
    m[1]!.includes(`>${department}</a>`),
  );
  assert.ok(row, department);
  return row[1]!
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

test("scoreboard: on time, late, overdue and missing from recorded approval dates; summary; corrections; sorting", async () => {
  const hebei = byName("发改局").regionId;
  const cangzhouZone = byName("沧州经济开发区管理委员会").regionId;
  const qinhuangdao = byName("秦皇岛经济技术开发区发展和改革委员会").regionId;
  const hebeiBoard = `/regions/${hebei}/scoreboard?year=2021&kind=budget`;
  const before = await get(hebeiBoard);
  assert.match(before, /未登记批复日期/);
  assert.match(before, /按时公开 0 \/ 逾期 0 \/ 未公开 2/);
  assert.doesNotMatch(before, /name="_csrf"/, "no form for the public");

  const key = { year: 2021, kind: "budget" as const };
  await recordApprovalDate(f.store, reviewerOf(hebei), {
    ...key,
    regionId: hebei,
    date: daysAgo(3),
  });
  await recordApprovalDate(f.store, reviewerOf(hebei), {
    ...key,
    regionId: qinhuangdao,
    date: daysAgo(45),
  });
  await recordApprovalDate(f.store, reviewerOf(hebei), {
    ...key,
    regionId: cangzhouZone,
    date: daysAgo(30),
  });
  const html = await get(hebeiBoard);
  assert.match(boardRow(html, "发改局"), /按时（批复后第 3 天）/);
  assert.match(
    boardRow(html, "秦皇岛经济技术开发区发展和改革委员会"),
    /逾期 25 天（批复后第 45 天）/,
  );
  assert.match(boardRow(html, "沧州经济开发区管理委员会"), /未公开，已逾期 10 天/);
  assert.match(boardRow(html, "燕郊高新技术产业开发区管理委员会"), /未登记 未公开/);
  assert.match(html, /按时公开 1 \/ 逾期 1 \/ 未公开 2（其中已超过期限 1）/);
  assert.match(html, /本级财政批复日期：/);
  // The region page's badges follow the same dates.
  const region = await get(`/regions/${hebei}?year=2021`);
  assert.match(boardRow(region, "发改局"), /已按时公开/);
  assert.match(boardRow(region, "秦皇岛经济技术开发区发展和改革委员会"), /逾期公开/);
  // Completeness and the checker's counts of the first publication.
  assert.match(boardRow(html, "发改局"), /12\/12 不涉及 2 17 0$/);

  const sorted = await get(`${hebeiBoard}&sort=status`);
  const order = [
    ...sorted.matchAll(/<th scope="row" class="left"><a href="\/departments\/\d+">([^<]+)</g),
  ].map((m) => m[1]);
  assert.deepEqual(order.slice(0, 2), [
    "沧州经济开发区管理委员会",
    "秦皇岛经济技术开发区发展和改革委员会",
  ]);
  assert.match(sorted, /aria-sort="descending">公开时效/);

  // 苏州市审计局 published a correction through the workflow: counted on its scoreboard.
  const suzhou = byName("苏州市审计局");
  assert.match(
    boardRow(await get(`/regions/${suzhou.regionId}/scoreboard?year=2026`), "苏州市审计局"),
    / 1$/,
  );
});
