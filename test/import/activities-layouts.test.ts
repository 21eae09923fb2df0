/**
 * The same real table in other layouts: the activity tables of seeds 001 and
 * 002, read from their Word export, are written out again as tab-separated
 * text and as PDF-style text (columns by position, cells wrapped, page
 * numbers between pages), and must read back to the same activities.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readText } from "../../src/import/readers/text.ts";
import {
  findActivityGrids,
  type ActivityGrid,
} from "../../src/import/sections/performance/grid.ts";
import { extractActivities } from "../../src/import/sections/performance/activities.ts";
import { FORMAT_ID, type Activity, type Disclosure } from "../../src/model/disclosure.ts";

function runActivities(text: string): { disclosure: Disclosure } {
  const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
  extractActivities.run({ doc: readText(text), disclosure, diagnose() {}, cite() {} });
  return { disclosure };
}

const shared = resolve(
  process.env.GONGKAI_SHARED ?? join(dirname(fileURLToPath(import.meta.url)), "../../../shared"),
);
const seedText = (name: string) => readFileSync(join(shared, "seeds", `${name}.txt`), "utf8");

function seedGrid(name: string): ActivityGrid {
  const grids = findActivityGrids(readText(seedText(name)));
  assert.equal(grids.length, 1);
  return grids[0]!;
}

const HEADER_1 = ["职责活动", "年度预算数", "内容描述", "绩效目标", "绩效指标", "评价标准"];
const GRADES = ["优", "良", "中", "差"];
const flat = (s: string) => s.replace(/\s+/g, "");

/** Compares two activity lists fact by fact; returns the share that agree and the first differences. */
function agreement(actual: Activity[], expected: Activity[]): { ratio: number; misses: string[] } {
  let facts = 0;
  let same = 0;
  const misses: string[] = [];
  const check = (path: string, a: unknown, b: unknown) => {
    facts++;
    if (flat(String(a ?? "")) === flat(String(b ?? ""))) same++;
    else if (misses.length < 10) misses.push(`${path}: ${String(a)} ≠ ${String(b)}`);
  };
  check("length", actual.length, expected.length);
  expected.forEach((e, i) => {
    const a = actual[i];
    for (const k of ["duty", "dutyBudget", "activity", "budget", "description", "goal"] as const)
      check(`${i}/${k}`, a?.[k], e[k]);
    e.indicators!.forEach((ind, j) => {
      const got = a?.indicators?.[j];
      check(`${i}/${j}/name`, got?.name, ind.name);
      for (const g of ["excellent", "good", "fair", "poor"] as const)
        check(`${i}/${j}/${g}`, got?.grades[g], ind.grades[g]);
    });
  });
  return { ratio: same / facts, misses };
}

test("seed 001's table as tab-separated text reads back the same (two-row header, duty budgets)", () => {
  const name = "001_aa68b1c0ad40feab";
  const grid = seedGrid(name);
  const lines = [
    "部门职责-工作活动绩效目标",
    "单位：万元",
    [...HEADER_1, "", "", ""].join("\t"),
    ["", "", "", "", "", ...GRADES].join("\t"),
    ...grid.rows.map((r) => r.cells.map((c) => c.text.replace(/\n/g, "")).join("\t")),
    "",
    "三、其他",
  ];
  const text = lines.join("\n");
  assert.equal(readText(text).layout, "tabs");
  const expected = runActivities(seedText(name)).disclosure.performance!.activities!;
  const actual = runActivities(text).disclosure.performance!.activities!;
  const { ratio, misses } = agreement(actual, expected);
  assert.equal(ratio, 1, misses.join("\n"));
});

/** Writes a grid as PDF text: each column a fixed number of characters, cells wrapped, top-aligned. */
function columnsText(grid: ActivityGrid, widths: number[], pageLines: number): string {
  const gap = 2;
  const xs = widths.map((_, k) => widths.slice(0, k).reduce((a, b) => a + b + gap, 0));
  const place = (pieces: string[]) => {
    let line = "";
    pieces.forEach((p, k) => {
      if (p) line = line.padEnd(xs[k]!, " ") + p;
    });
    return line;
  };
  const wrap = (s: string, w: number) => {
    const t = flat(s);
    const out: string[] = [];
    for (let i = 0; i < t.length; i += w) out.push(t.slice(i, i + w));
    return out;
  };
  const out = ["部门职责-工作活动绩效目标", "单位：万元", ""];
  out.push(place([...HEADER_1.slice(0, 5), HEADER_1[5]!]));
  out.push(place(["", "", "", "", "", ...GRADES]));
  let page = 1;
  let onPage = 0;
  for (const row of grid.rows) {
    const cells = row.cells.map((c, k) => wrap(c.text, widths[k]!));
    const height = Math.max(1, ...cells.map((c) => c.length));
    if (onPage + height > pageLines) {
      out.push("", `- ${page++} -`, "");
      onPage = 0;
    }
    for (let i = 0; i < height; i++) out.push(place(cells.map((c) => c[i] ?? "")));
    onPage += height;
  }
  out.push("", "", "", "", "七、名词解释");
  return out.join("\n");
}

test("seed 002's table as PDF text (wrapped cells, page breaks) reads back nearly the same", () => {
  const name = "002_30620b3058080950";
  const grid = seedGrid(name);
  assert.equal(grid.roles.length, 9);
  const text = columnsText(grid, [12, 8, 20, 20, 12, 9, 9, 9, 9], 45);
  assert.equal(readText(text).layout, "columns");
  const expected = runActivities(seedText(name)).disclosure.performance!.activities!;
  const actual = runActivities(text).disclosure.performance!.activities!;
  const { ratio, misses } = agreement(actual, expected);
  // A cell whose last line happens to fill its column exactly cannot be told from a wrapped
  // one (here 推进全县社会信用体系建设 fills its 12 characters), so the next indicator joins it.
  assert.ok(ratio >= 0.85, `${(ratio * 100).toFixed(1)}% agree\n${misses.join("\n")}`);
  assert.equal(actual.length, expected.length);
});

test("PDF text with blank lines between rows, a header split over lines and radical look-alikes", () => {
  // As our PDF reader writes a LibreOffice table: cells centred, a blank line between rows,
  // 评价标准 above the header line, 年度预算数 one character per line, ⽬ for 目.
  const at = (...parts: [number, string][]) =>
    parts.reduce((line, [x, t]) => line.padEnd(x, " ") + t, "");
  const text = [
    "部门职责-工作活动绩效目标",
    "",
    at([92, "评价标准"]),
    at([3, "职责活动"], [16, "年"], [30, "内容描述"], [52, "绩效⽬标"], [70, "绩效指标"]),
    at([16, "度"]),
    at([16, "预"], [84, "优"], [92, "良"], [99, "中"], [106, "差"]),
    at([16, "算"]),
    at([16, "数"]),
    "",
    at([28, "负责财政预算"]),
    at([0, "⼀、财政管理"], [16, "11.45"], [28, "管理，统筹财"], [48, "加强财政管理"]),
    at([28, "力。"]),
    "",
    at([28, "负责非税收入"], [48, "加强非税收入"]),
    at(
      [0, "1、非税收入"],
      [28, "管理。"],
      [48, "管理"],
      [66, "非税收入上缴"],
      [84, "95%以上"],
      [92, "85%"],
      [99, "70%"],
      [106, "60%"],
    ),
    at([0, "管理"], [66, "率"]),
    "",
    at([66, "票据使用率"], [84, "95%以上"], [92, "85%"], [99, "70%"], [106, "60%"]),
    "",
    "",
    "",
    "",
    "二、政府采购",
  ].join("\n");
  assert.equal(readText(text).layout, "columns");
  const acts = runActivities(text).disclosure.performance!.activities!;
  assert.deepEqual(acts, [
    {
      duty: "财政管理",
      dutyBudget: 11.45,
      activity: "非税收入管理",
      description: "负责非税收入管理。",
      goal: "加强非税收入管理",
      indicators: [
        {
          name: "非税收入上缴率",
          grades: { excellent: "95%以上", good: "85%", fair: "70%", poor: "60%" },
        },
        {
          name: "票据使用率",
          grades: { excellent: "95%以上", good: "85%", fair: "70%", poor: "60%" },
        },
      ],
    },
  ]);
});

test("seed 002's table as PDF text whose pages each place the columns anew, the header printed on every page", () => {
  const name = "002_30620b3058080950";
  const grid = seedGrid(name);
  // Each page of the PDF text laid out on its own (as pdftotext does): the columns wrap
  // alike, but start elsewhere, with other gaps between them.
  const widths = [12, 8, 20, 20, 12, 9, 9, 9, 9];
  const pages = [
    { indent: 0, gap: 2 },
    { indent: 14, gap: 6 },
    { indent: 4, gap: 3 },
  ];
  const wrap = (s: string, w: number) => {
    const t = flat(s);
    const out: string[] = [];
    for (let i = 0; i < t.length; i += w) out.push(t.slice(i, i + w));
    return out;
  };
  const out = ["部门职责-工作活动绩效目标", "单位：万元", ""];
  let page = 0;
  let onPage = 0;
  let xs: number[] = [];
  const place = (pieces: string[]) =>
    pieces.reduce((line, p, k) => (p ? line.padEnd(xs[k]!, " ") + p : line), "");
  const header = () => {
    const { indent, gap } = pages[page % pages.length]!;
    xs = widths.map((_, k) => indent + widths.slice(0, k).reduce((a, b) => a + b + gap, 0));
    out.push(
      place([...HEADER_1.slice(0, 5), HEADER_1[5]!]),
      place(["", "", "", "", "", ...GRADES]),
    );
  };
  header();
  for (const row of grid.rows) {
    const cells = row.cells.map((c, k) => wrap(c.text, widths[k]!));
    const height = Math.max(1, ...cells.map((c) => c.length));
    if (onPage + height > 45) {
      out.push("", `- ${++page} -`, "");
      onPage = 0;
      header();
    }
    for (let i = 0; i < height; i++) out.push(place(cells.map((c) => c[i] ?? "")));
    onPage += height;
  }
  out.push("", "", "", "", "七、名词解释");
  const text = out.join("\n");
  assert.ok(page >= 2, "the table runs over three pages");
  assert.equal(readText(text).layout, "columns");
  const expected = runActivities(seedText(name)).disclosure.performance!.activities!;
  const actual = runActivities(text).disclosure.performance!.activities!;
  const { ratio, misses } = agreement(actual, expected);
  assert.equal(actual.length, expected.length);
  // As on one layout (above): a cell whose last line fills its column joins the next indicator.
  assert.ok(ratio >= 0.85, `${(ratio * 100).toFixed(1)}% agree\n${misses.join("\n")}`);
});
