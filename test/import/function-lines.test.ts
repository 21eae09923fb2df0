/**
 * 支出功能分类表 → expenditureByFunction: the table found by its title and read
 * in each text layout (Word "cells", "tabs", pdftotext "columns"), codes printed
 * whole ("2010601") or split into 类/款/项 columns ("201 06 01"), tables in 元,
 * a table over two pages without page marks, and a document without the table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runExtractor } from "../support/run-extractor.ts";
import { extractFunctionLines } from "../../src/import/sections/classification/function-lines.ts";
import { corpusDir, sharedDir } from "../support/paths.ts";
import { importDisclosure } from "../../src/import/index.ts";
import type { FunctionLine } from "../../src/model/disclosure.ts";
import type { Layout } from "../../src/import/source-document.ts";

function lines(text: string, layout?: Layout): FunctionLine[] | undefined {
  return runExtractor(extractFunctionLines, text, layout).disclosure.expenditureByFunction;
}

/** A Word export: one tab-prefixed cell per line, a blank line after each row. */
const CELLS = [
  "表5 一般公共预算支出表",
  "单位：万元",
  "\t科目编码",
  "\t科目名称",
  "\t合计",
  "\t基本支出",
  "\t项目支出",
  "",
  "\t",
  "\t合计",
  "\t1,100.50",
  "\t800.25",
  "\t300.25",
  "",
  "\t201",
  "\t一般公共服务支出",
  "\t1,000.50",
  "\t700.25",
  "\t300.25",
  "",
  "\t2010401",
  "\t行政运行",
  "\t700.25",
  "\t700.25",
  "\t",
  "",
  "\t2010402",
  "\t一般行政管理事务",
  "\t300.25",
  "\t",
  "\t300.25",
  "",
  "\t208",
  "\t社会保障和就业支出",
  "\t100.00",
  "\t100.00",
  "\t",
  "",
  "表6 一般公共预算基本支出表",
  "",
].join("\n");

test("cells layout: whole codes, 合计/基本/项目 columns by header, blank cells stay blank", () => {
  const got = lines(CELLS, "cells");
  assert.deepEqual(got, [
    { code: "201", name: "一般公共服务支出", total: 1000.5, basic: 700.25, project: 300.25 },
    { code: "2010401", name: "行政运行", total: 700.25, basic: 700.25 },
    { code: "2010402", name: "一般行政管理事务", total: 300.25, project: 300.25 },
    { code: "208", name: "社会保障和就业支出", total: 100, basic: 100 },
  ]);
});

/** Tab-separated rows; the table prints 元 and an extra column that is none of the three. */
const TABS = [
  "一般公共预算支出情况表",
  "单位：元",
  "功能分类科目编码\t科目名称\t合计\t基本支出\t项目支出\t上年执行数",
  "\t合计\t12,345,678.90\t2,345,678.90\t10,000,000.00\t9,000,000.00",
  "201\t一般公共服务支出\t12,345,678.90\t2,345,678.90\t10,000,000.00\t9,000,000.00",
  "2013101\t行政运行\t2,345,678.90\t2,345,678.90\t0.00\t1,000,000.00",
  "2013102\t一般行政管理事务\t10,000,000.00\t0.00\t10,000,000.00\t8,000,000.00",
  "注：本表反映一般公共预算支出情况。",
  ...Array.from({ length: 8 }, (_, i) => `填充\t${i}`),
].join("\n");

test("tabs layout in 元: amounts converted exactly, a 上年执行数 column ignored", () => {
  const got = lines(TABS, "tabs");
  assert.deepEqual(got, [
    { code: "201", name: "一般公共服务支出", total: 1234.56789, basic: 234.56789, project: 1000 },
    { code: "2013101", name: "行政运行", total: 234.56789, basic: 234.56789, project: 0 },
    { code: "2013102", name: "一般行政管理事务", total: 1000, basic: 0, project: 1000 },
  ]);
});

/**
 * A pdftotext -layout line: text cells start at a column, figures end at one
 * (right-aligned), columns counted in characters as the reader counts them.
 */
function at(...cells: [number, string][]): string {
  let out = "";
  for (const [col, text] of cells) {
    const start = col < 0 ? -col - text.length : col;
    out = out.padEnd(start) + text;
  }
  return out;
}
// Figures end at these columns (negative: right-aligned).
const [T, B, P] = [-60, -76, -92];

/** Codes split into 类 / 款 / 项 columns, the 款 printed without its 类, a note under the table. */
const COLUMNS_SPLIT = [
  at([30, "2026年一般公共预算支出情况表"]),
  at([80, "单位：万元"]),
  at([8, "科目编码"]),
  at([30, "功能科目"], [48, "总       计"], [66, "基本支出"], [84, "项目支出"]),
  at([2, "类"], [9, "款"], [15, "项"]),
  at([20, "合计"], [T, "1,935.36"], [B, "1,517.95"], [P, "417.41"]),
  at([1, "201"], [20, "一般公共服务支出"], [T, "1,935.36"], [B, "1,517.95"], [P, "417.41"]),
  at([9, "40"], [20, "信访事务"], [T, "1,935.36"], [B, "1,517.95"], [P, "417.41"]),
  at([2, "201"], [9, "40"], [15, "01"], [21, "行政运行"], [T, "1,517.95"], [B, "1,517.95"]),
  at([2, "201"], [9, "40"], [15, "04"], [21, "信访业务"], [T, "417.41"], [P, "417.41"]),
  "注：本表反映部门本年度一般公共预算支出情况。",
].join("\n\n");

test('columns layout: codes split as "201 40 01" are joined, a 款 alone takes its 类; a note ends the table', () => {
  const got = lines(COLUMNS_SPLIT, "columns");
  assert.deepEqual(got, [
    { code: "201", name: "一般公共服务支出", total: 1935.36, basic: 1517.95, project: 417.41 },
    { code: "20140", name: "信访事务", total: 1935.36, basic: 1517.95, project: 417.41 },
    { code: "2014001", name: "行政运行", total: 1517.95, basic: 1517.95 },
    { code: "2014004", name: "信访业务", total: 417.41, project: 417.41 },
  ]);
});

const [T2, PE, PU, SP] = [-48, -64, -80, -98];
const caption = (no: string, kind: string) => [
  no,
  at([1, `2021年部门综合预算一般公共预算支出明细表（按支出${kind}分类科`]),
  at([13, "目-不含上年结转）"]),
  at([90, "单位：元"]),
  at(
    [1, "功能科目编码"],
    [20, "功能科目名称"],
    [38, "合计"],
    [52, "人员经费支出"],
    [68, "公用经费支出"],
    [84, "专项业务经费支出"],
    [102, "备注"],
  ),
];

/**
 * The 西安 layout in 元: the 项 code on the line below its name and figures, names
 * wrapped around their figures, the table going on over a page that repeats its
 * number, title and header (no page marks in the text), then the next table (表6).
 */
const COLUMNS_TWO_PAGES = [
  ...caption("表5", "功能"),
  at(
    [14, "合计"],
    [T2, "30,000,000.00"],
    [PE, "2,000,000.00"],
    [PU, "1,000,000.00"],
    [SP, "27,000,000.00"],
  ),
  at(
    [0, "201"],
    [14, "一般公共服务支出"],
    [T2, "3,000,000.00"],
    [PE, "2,000,000.00"],
    [PU, "1,000,000.00"],
    [SP, "0.00"],
  ),
  at(
    [6, "20133"],
    [19, "宣传事务"],
    [T2, "3,000,000.00"],
    [PE, "2,000,000.00"],
    [PU, "1,000,000.00"],
    [SP, "0.00"],
  ),
  at(
    [21, "行政运行"],
    [T2, "3,000,000.00"],
    [PE, "2,000,000.00"],
    [PU, "1,000,000.00"],
    [SP, "0.00"],
  ),
  at([0, "2013301"]),
  at(
    [0, "207"],
    [14, "文化旅游体育与传媒支"],
    [T2, "27,000,000.00"],
    [PE, "0.00"],
    [PU, "0.00"],
    [SP, "27,000,000.00"],
  ),
  at([14, "出"]),
  ...caption("表5", "功能"),
  at(
    [6, "20799"],
    [16, "其他文化旅游体育"],
    [T2, "27,000,000.00"],
    [PE, "0.00"],
    [PU, "0.00"],
    [SP, "27,000,000.00"],
  ),
  at([14, "与传媒支出"]),
  at([19, "文化产业发展"]),
  at([T2, "27,000,000.00"], [PE, "0.00"], [PU, "0.00"], [SP, "27,000,000.00"]),
  at([0, "2079903"], [14, "专项支出"]),
  ...caption("表6", "经济"),
  at(
    [0, "301"],
    [14, "工资福利支出"],
    [T2, "2,000,000.00"],
    [PE, "2,000,000.00"],
    [PU, "0.00"],
    [SP, "0.00"],
  ),
].join("\n");

test("columns layout over two pages without page marks: codes below names, wrapped names, ends at 表6", () => {
  const got = lines(COLUMNS_TWO_PAGES, "columns");
  assert.deepEqual(got, [
    { code: "201", name: "一般公共服务支出", total: 300, project: 0 },
    { code: "20133", name: "宣传事务", total: 300, project: 0 },
    { code: "2013301", name: "行政运行", total: 300, project: 0 },
    { code: "207", name: "文化旅游体育与传媒支出", total: 2700, project: 2700 },
    { code: "20799", name: "其他文化旅游体育与传媒支出", total: 2700, project: 2700 },
    { code: "2079903", name: "文化产业发展专项支出", total: 2700, project: 2700 },
  ]);
});

test("no such table: an info diagnostic, nothing set, no crash", () => {
  const text = "一、部门职责\n负责全区发展规划。\n二、机构设置\n本部门由1个单位组成。\n";
  const { disclosure, diagnostics } = runExtractor(extractFunctionLines, text);
  assert.equal(disclosure.expenditureByFunction, undefined);
  assert.ok(
    diagnostics.some((d) => d.section === "expenditureByFunction" && /未找到/.test(d.message)),
  );
});

test("a title whose columns cannot be told apart: a warning naming the line", () => {
  const text = [
    "一般公共预算支出表",
    "单位：万元",
    "科目\t名称\t甲\t乙",
    "201\t一般公共服务支出\t1.00\t2.00",
    ...Array.from({ length: 8 }, (_, i) => `填充\t${i}`),
  ].join("\n");
  const { disclosure, diagnostics } = runExtractor(extractFunctionLines, text, "tabs");
  assert.equal(disclosure.expenditureByFunction, undefined);
  assert.ok(
    diagnostics.some(
      (d) => d.level === "warning" && d.line === 1 && /金额列无法识别/.test(d.message),
    ),
  );
});

const classSum = (ls: FunctionLine[]) =>
  ls.filter((l) => l.code!.length === 3).reduce((s, l) => s + Math.round(l.total * 1e6), 0) / 1e6;

test("real document (西安 036): 表5 over two pages in 元, every 类 read, 类 add up to the table's 合计", () => {
  const got = lines(readFileSync(join(corpusDir, "036.txt"), "utf8"))!;
  assert.deepEqual(
    got.filter((l) => l.code!.length === 3).map((l) => l.code),
    ["201", "205", "207", "208", "210", "221"],
  );
  assert.equal(classSum(got), 25859.600179);
  assert.deepEqual(
    got.find((l) => l.code === "2013301"),
    { code: "2013301", name: "行政运行", total: 1765.179492, project: 0 },
  );
  assert.deepEqual(
    got.find((l) => l.code === "2080505"),
    { code: "2080505", name: "机关事业单位基本养老保险缴费支出", total: 144.997763, project: 0 },
  );
  assert.ok(
    got.every((l) => !l.code!.startsWith("3")),
    "the 经济分类 table that follows is not read",
  );
});

test("real document (重庆 031): the table ends at 表六, header words of the next page are no name", () => {
  const got = lines(readFileSync(join(corpusDir, "031.txt"), "utf8"))!;
  assert.equal(classSum(got), 128148.56);
  assert.equal(new Set(got.map((l) => l.code)).size, got.length);
  assert.equal(got.find((l) => l.code === "21011")?.name, "行政事业单位医疗");
  assert.equal(got[got.length - 1]!.name, "住房公积金");
});

test("codes in brackets before the name, indented by level (广州 P002, 珠海 P233, pool P012): read over a page break", () => {
  const wild = (name: string) => readFileSync(join(sharedDir, "wild", name), "utf8");
  const p002 = lines(wild("docs/P002.txt"))!;
  assert.deepEqual(
    p002.filter((l) => l.code!.length === 3).map((l) => l.code),
    ["201", "206", "208", "210", "212", "221"],
  );
  assert.equal(classSum(p002), 113077.44, "the 类 add up to the table's 合计");
  assert.deepEqual(
    p002.find((l) => l.code === "20132"),
    {
      code: "20132",
      name: "组织事务",
      total: 16.25,
      basic: 0,
      project: 16.25,
    },
  );
  // The row after the page break, under the repeated header.
  assert.deepEqual(
    p002.find((l) => l.code === "2120105"),
    {
      code: "2120105",
      name: "工程建设标准规范编制与监管",
      total: 1698.25,
      basic: 896.64,
      project: 801.61,
    },
  );
  assert.deepEqual(
    lines(wild("docs/P233.txt"))!.find((l) => l.code === "212"),
    {
      code: "212",
      name: "城乡社区支出",
      total: 736.81,
      basic: 0,
      project: 736.81,
    },
  );
  assert.equal(classSum(lines(wild("pool/P012.txt"))!), 15343.44);
});

const importPdf = async (name: string) =>
  (await importDisclosure(new Uint8Array(readFileSync(join(sharedDir, "wild", name))))).disclosure
    .expenditureByFunction!;

test("一般公共预算拨款支出预算表 is the 一般公共预算 table, read before the 支出预算总表 (福州 P037)", async () => {
  const got = await importPdf("docs/P037.pdf");
  // 五、: 204 公共安全支出 40,200.88 = 22,431.07 + 17,769.81; the 支出总表 adds 8,000.00 of other funds.
  assert.deepEqual(got[0], {
    code: "204",
    name: "公共安全支出",
    total: 40200.88,
    basic: 22431.07,
    project: 17769.81,
  });
  assert.equal(classSum(got), 48764.88);
});

test("PDF text: 基本支出 centred over 小计 | 人员经费 | 公用经费 — the 小计 column is told by 合计 = 基本 + 项目 (重庆 P163)", async () => {
  const got = await importPdf("docs/P163.pdf");
  assert.deepEqual(got[0], {
    code: "201",
    name: "一般公共服务支出",
    total: 22006.16,
    basic: 3956.94,
    project: 18049.22,
  });
  // 2013304 宣传管理 121.56 = 2.54 + 119.03 (rounded apart by one cent): still the 小计 column.
  assert.equal(got.find((l) => l.code === "2013304")?.basic, 2.54);
  assert.equal(got.find((l) => l.code === "2013302")?.basic, undefined, "a blank stays blank");
});

test("a page whose 公用经费 column is blank all down: the columns it prints are placed by the sums, not by count (无锡 P175)", async () => {
  const got = await importPdf("docs/P175.pdf");
  // Page 24 prints "公路建设 43,882.00 … 43,882.00": 合计 and 项目支出, not 基本支出.
  assert.deepEqual(
    got.find((l) => l.code === "2140104"),
    {
      code: "2140104",
      name: "公路建设",
      total: 43882,
      project: 43882,
    },
  );
  assert.deepEqual(
    got.find((l) => l.code === "2210201"),
    {
      code: "2210201",
      name: "住房公积金",
      total: 224.43,
      basic: 224.43,
    },
  );
});

test("a 序号 column left of the codes: row numbers are neither codes nor amounts (西安 P053)", async () => {
  const got = await importPdf("docs/P053.pdf");
  assert.deepEqual(
    got.find((l) => l.code === "208"),
    {
      code: "208",
      name: "社会保障和就业支出",
      total: 1983.46,
      project: 82,
    },
  );
  // Row 10's number is no 款 code: 2080506 keeps its own code.
  assert.equal(got.find((l) => l.code === "2080506")?.total, 628.67);
  assert.equal(classSum(got), 74868.33);
});

test("PDF: an earlier year's 预算数 column before 总计 (pool P165.pdf: 2025年预算数 | 2026年预算数 总计 …) is not the 合计", async () => {
  const file = join(sharedDir, "wild", "pool", "P165.pdf");
  const { disclosure } = await importDisclosure(new Uint8Array(readFileSync(file)), {
    fileName: file,
  });
  const got = disclosure.expenditureByFunction!;
  assert.deepEqual(got[0], {
    code: "201",
    name: "一般公共服务支出",
    total: 15146.48,
    basic: 6420.41,
    project: 8726.06,
  });
  assert.deepEqual(
    got.find((l) => l.code === "2010302"),
    { code: "2010302", name: "一般行政管理事务", total: 8220.69, project: 8220.69 },
  );
});

/** Lines `from`..`to` of a wild document's text, as an excerpt. */
const excerpt = (name: string, from: number, to: number) =>
  readFileSync(join(sharedDir, "wild", name), "utf8")
    .split("\n")
    .slice(from - 1, to)
    .join("\n");

test("names only, level by indentation (杭州 P030 表5): amounts wrapped over and under their row are joined, 合计 is no line", () => {
  const d = runExtractor(extractFunctionLines, excerpt("docs/P030.txt", 780, 845)).disclosure;
  const got = d.expenditureByFunction!;
  assert.equal(got.length, 39);
  assert.ok(got.every((l) => l.code === undefined));
  // "12,868.1" above the row and "9" below it are one amount.
  assert.deepEqual(got[0], {
    level: 1,
    name: "一般公共服务支出",
    total: 12868.19,
    project: 12868.19,
  });
  assert.deepEqual(got[5], {
    level: 1,
    name: "公共安全支出",
    total: 69081.15,
    basic: 60830.83,
    project: 8250.32,
  });
  // 行政运行 recurs under 司法, 监狱 and 强制隔离戒毒: three 项 lines.
  assert.deepEqual(
    got.filter((l) => l.name === "行政运行").map((l) => [l.level, l.total]),
    [
      [3, 8553.8],
      [3, 48375.27],
      [3, 3901.76],
    ],
  );
  // The next page prints three of the five columns, elsewhere: 合计 and 基本支出 still.
  assert.deepEqual(
    got.find((l) => l.name === "机关事业单位基本养老保险缴费支出"),
    {
      level: 3,
      name: "机关事业单位基本养老保险缴费支出",
      total: 4100.96,
      basic: 4100.96,
    },
  );
  assert.deepEqual(got[got.length - 1], {
    level: 3,
    name: "行政单位医疗",
    total: 2434.95,
    basic: 2434.95,
  });
  assert.deepEqual(got.map((l) => l.level).filter((l) => l === 1).length, 4);
});

test("names only (杭州 P030 表3 支出预算总表: 总计 | 人员支出 | 日常公用支出 | 项目支出): read with levels, no 基本 column invented", () => {
  const got = lines(excerpt("docs/P030.txt", 672, 700))!;
  const safety = got.find((l) => l.name === "公共安全支出")!;
  assert.deepEqual(safety, { level: 1, name: "公共安全支出", total: 76468.81, project: 15637.98 });
  assert.equal(got.find((l) => l.name === "其他司法支出")?.project, 1666.01);
});

test("names only, PDF (杭州 P030.pdf 表5): 项 indented by 3 spaces on one page and 2 on the next, levels still right", async () => {
  const got = await importPdf("docs/P030.pdf");
  assert.equal(got.length, 39);
  assert.deepEqual(got[0], {
    level: 1,
    name: "一般公共服务支出",
    total: 12868.19,
    project: 12868.19,
  });
  assert.deepEqual(
    got
      .filter((l) => l.name.startsWith("机关事业单位") || l.name === "卫生健康支出")
      .map((l) => l.level),
    [3, 3, 1],
  );
  assert.deepEqual(
    got.find((l) => l.name === "其他司法支出"),
    {
      level: 3,
      name: "其他司法支出",
      total: 669.61,
      project: 669.61,
    },
  );
});

/** A names-only table in the P030 layout, built to vary what the real one does not show. */
const NAMED = (rows: string[]) =>
  [
    "      表5：2026年市级部门一般公共预算支出预算表",
    "部门名称：某局                                         单位：万元",
    "          功能分类科目名称    合       计     基本支出     项目支出",
    "             **           1             2           3",
    "合计                      300.00        200.00      100.00",
    ...rows,
    "",
    "     表6：2026年市级部门一般公共预算基本支出预算表",
  ].join("\n");

test("names only without indentation: lines read, level not set (never guessed)", () => {
  const d = runExtractor(
    extractFunctionLines,
    NAMED([
      "教育支出                   300.00        200.00      100.00",
      "普通教育                   300.00        200.00      100.00",
      "小学教育                   300.00        200.00      100.00",
    ]),
  ).disclosure;
  assert.deepEqual(d.expenditureByFunction, [
    { name: "教育支出", total: 300, basic: 200, project: 100 },
    { name: "普通教育", total: 300, basic: 200, project: 100 },
    { name: "小学教育", total: 300, basic: 200, project: 100 },
  ]);
});

test("names only: halves of a wrapped amount that make no amount leave the cell absent, with a warning", () => {
  const r = runExtractor(
    extractFunctionLines,
    NAMED([
      "                                                     1,00",
      "教育支出                   300.00        200.00",
      "                                                     0.0,0",
      " 普通教育                  300.00        200.00      100.00",
    ]),
  );
  const got = r.disclosure.expenditureByFunction!;
  assert.deepEqual(got[0], { level: 1, name: "教育支出", total: 300, basic: 200 });
  assert.ok(r.diagnostics.some((x) => /折行/.test(x.message)));
});

test("a table of names that starts with no 类 name is not read as 功能分类 lines", () => {
  const d = runExtractor(
    extractFunctionLines,
    NAMED(["某某项目                   300.00        200.00      100.00"]),
  ).disclosure;
  assert.equal(d.expenditureByFunction, undefined);
});
