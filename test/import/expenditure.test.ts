/**
 * 支出: the 部门支出总表's total row by column header (tabs and PDF columns,
 * where right-aligned figures drift from centred headers and blank cells
 * vanish), the 基本支出表's 人员经费/公用经费 split, narrative parts and changes.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readText } from "../../src/import/readers/text.ts";
import { extractExpenditure } from "../../src/import/sections/money/expenditure.ts";
import type { Diagnostic, Disclosure } from "../../src/model/disclosure.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { corpusDir } from "../support/paths.ts";
import { LAYOUTS, layOut } from "../support/layout.ts";
import { fixture } from "../render/fixture.ts";
import { standardTables } from "../../src/render/tables/standard.ts";
import { expenditureText } from "../../src/render/narrative.ts";
import type { TableModel } from "../../src/render/tables/model.ts";
import { renderDisclosure } from "../../src/render/index.ts";
import { importDisclosure } from "../../src/import/index.ts";
import type { Layout } from "../../src/import/source-document.ts";

function run(text: string): { disclosure: Disclosure; diagnostics: Diagnostic[] } {
  const { disclosure, diagnostics } = runExtractor(extractExpenditure, text);
  return { disclosure, diagnostics };
}

/** The 国家信访局 部门支出总表 as pdftotext prints it: total row at the end, blank columns missing. */
const COLUMNS_TABLE = `
                                  部门支出总表
                                                                                   单位：万元

科目编                                                                     事业单位经营   对附属单位
                   科目名称   合   计        基本支出        项目支出        上缴上级支出
  码                                                                       支出     补助支出

201       一般公共服务支出        47,179.30     7,736.44   39,442.86

2014001     行政运行          6,286.21      6,286.21

2014002     一般行政管理事务          737.29                  737.29

                合      计         50,616.94   11,056.07   39,560.87

                                                                         部门公开表 4
`;

test("支出总表 in PDF columns: the total row's figures go to 合计 / 基本支出 / 项目支出", () => {
  const e = run(COLUMNS_TABLE).disclosure.expenditure!;
  assert.equal(e.total, 50616.94);
  assert.equal(e.basic, 11056.07);
  assert.equal(e.project, 39560.87);
  assert.equal(e.otherItems, undefined);
});

/** A tab-separated 支出预算总表 whose only row has no label, with an extra column. */
const TABS_TABLE = [
  "公开03表",
  "支出预算总表",
  "部门名称：江苏省人大常委会办公厅\t单位：万元",
  "合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金",
  "15897.44\t7877.76\t6333.96\t1685.72\t",
  "公开04表",
  ...Array.from({ length: 10 }, (_, i) => `填充${i}\t${i}`),
].join("\n");

test("支出总表 in tabs: an unlabelled total row, extra columns become otherItems", () => {
  assert.equal(readText(TABS_TABLE).layout, "tabs");
  const { disclosure, diagnostics } = run(TABS_TABLE);
  const e = disclosure.expenditure!;
  assert.equal(e.total, 15897.44);
  assert.equal(e.basic, 7877.76);
  assert.equal(e.project, 6333.96);
  assert.deepEqual(e.otherItems, [{ label: "单位预留机动经费", amount: 1685.72 }]);
  assert.equal(
    diagnostics.filter((d) => d.level === "warning").length,
    0,
    "columns add up to the total",
  );
});

test("支出总表 whose columns do not add up is reported", () => {
  const broken = TABS_TABLE.replace("15897.44\t7877.76", "15897.44\t7000.00");
  const { diagnostics } = run(broken);
  assert.ok(diagnostics.some((d) => d.level === "warning" && /不一致/.test(d.message)));
});

test("基本支出表 split is taken only when it adds up to the department's basic expenditure", () => {
  const basic = (personnel: string, pub: string, total: string) =>
    [
      "一般公共预算基本支出表",
      "单位：万元",
      "科目编码\t科目名称\t合计\t人员经费\t公用经费",
      `合计\t\t${total}\t${personnel}\t${pub}`,
      "301\t工资福利支出\t6620.08\t6620.08\t",
      "部门公开表 7",
    ].join("\n");
  const whole = TABS_TABLE + "\n" + basic("6298.38", "1579.38", "7877.76");
  const e = run(whole).disclosure.expenditure!;
  assert.equal(e.personnel, 6298.38);
  assert.equal(e.publicOperating, 1579.38);
  // A split of the 一般公共预算 part only (9,880.88 of 11,056.07) is not the department's.
  const department = TABS_TABLE.replace(
    "15897.44\t7877.76\t6333.96\t1685.72",
    "50616.94\t11056.07\t39560.87\t",
  );
  const part = run(department + "\n" + basic("7504.62", "2376.26", "9880.88")).disclosure
    .expenditure!;
  assert.equal(part.basic, 11056.07);
  assert.equal(part.personnel, undefined);
  assert.equal(part.publicOperating, undefined);
});

test("narrative: total with 其中 parts, and the changes of total, basic and project", () => {
  const text = [
    "2、支出说明",
    "支出总计72899万元，其中：基本支出16356万元，项目支出56543万元。",
    "3、比上年增减情况",
    " 2020年部门预算收支安排72899万元，较2019年预算增加10000万元，其中：基本支出减少3590万元，项目支出增加13600万元。基本支出的减少主要是落实中央关于压减一般性支出的精神。",
  ].join("\n");
  const e = run(text).disclosure.expenditure!;
  assert.equal(e.total, 72899);
  assert.equal(e.basic, 16356);
  assert.equal(e.project, 56543);
  assert.deepEqual(e.change, { total: 10000, basic: -3590, project: 13600 });
});

test("narrative: personnel and 日常公用经费 without a basic total; a rate in the next sentence", () => {
  const text =
    "发改局（部门）2021年支出预算：人员经费580.17万元，日常公用经费29.41万元，项目支出768.34万元，合计总支出1377.92万元。与2020年相比增加27.82%，原因：项目支出经费增加和人员增加。";
  const e = run(text).disclosure.expenditure!;
  assert.equal(e.total, 1377.92);
  assert.equal(e.personnel, 580.17);
  assert.equal(e.publicOperating, 29.41);
  assert.equal(e.project, 768.34);
  assert.equal(e.basic, undefined);
  assert.equal(e.changeRate, 27.82);
  assert.equal(e.changeReason, "项目支出经费增加和人员增加");
});

test("narrative: previous year's amount, change and rate of the department's expenditure", () => {
  const text = [
    "三、支出预算情况说明",
    "2026 年支出预算 29956.27 万元，比 2025 年年初预算数",
    "28479.84 万元增加 1476.73 万元，增长 5.18%。主要原因是人员增加。",
    "(一)基本支出。基本支出预算 19170.50 万元，占本年支出预算 63.99%。",
    "（二）项目支出。项目支出预算 10785.77 万元，占本年支出预算 36.01%。",
  ].join("\n");
  const e = run(text).disclosure.expenditure!;
  assert.equal(e.total, 29956.27);
  assert.equal(e.basic, 19170.5);
  assert.equal(e.project, 10785.77);
  assert.deepEqual(e.previous, { total: 28479.84 });
  assert.equal(e.change?.total, 1476.73);
  assert.equal(e.changeRate, 5.18);
});

test("a function class's description before a change is not the department's project expenditure", () => {
  const text = [
    "1．一般公共服务（类）支出12706.28万元，主要用于单位完成日常和特定工作任务的发展项目支出。与上年相比增加 2177.95 万元。",
    "项目支出预算数为 6333.96 万元。与上年相比增加480万元，增长8.2 %。",
  ].join("\n");
  assert.equal(run(text).disclosure.expenditure!.change?.project, 480);
});

/** The 上海 支出决算表 as pdftotext prints it: header words and the 合计 row's figures stacked over lines. */
const STACKED = [
  "                                支出决算表",
  "                                                                             单位：万元",
  "                项目                                                           对附属单位",
  "                                本年支出合                 项目支      上缴上级支   经营支",
  "   支出功能分类                                  基本支出                                补",
  "                       科目名称       计                    出         出      出",
  "    科目编码                                                                      助支出",
  "                                           2,336.91   603.14",
  "                                2,940.05",
  " 类    款   项",
  "                        合计",
  "                                           1,503.52   603.14",
  "201             一般公共服务支出        2,106.66",
  "                                           1,503.52   603.14",
  "201   06        财政事务            2,106.66",
  "",
  "                       财政拨款收入支出决算总表",
].join("\n");

test("支出决算表 with stacked header words and figures: 合计 / 基本支出 / 项目支出 of the total row", () => {
  const e = runExtractor(extractExpenditure, STACKED, "columns").disclosure.expenditure!;
  assert.equal(e.total, 2940.05);
  assert.equal(e.basic, 2336.91);
  assert.equal(e.project, 603.14);
  assert.equal(e.otherItems, undefined);
});

test("real document (上海 012): 项目支出 from the stacked 支出决算表", () => {
  const text = readFileSync(join(corpusDir, "012.txt"), "utf8");
  const e = run(text).disclosure.expenditure!;
  assert.deepEqual([e.total, e.basic, e.project], [2940.05, 2336.91, 603.14]);
});

test("narrative: the earlier year's 基本支出 / 项目支出 stated with their changes", () => {
  const text =
    "一、收支预算总体情况\n2023年支出预算总计1180.50万元，比2022年预算数1200.00万元减少19.50万元，下降1.63%。其中：基本支出800.25万元，比2022年预算数780.25万元增加20.00万元，增长2.56%；项目支出380.25万元，比2022年预算数419.75万元减少39.50万元，下降9.41%。\n";
  const e = run(text).disclosure.expenditure!;
  assert.deepEqual(e.previous, { total: 1200, basic: 780.25, project: 419.75 });
  assert.deepEqual(e.change, { total: -19.5, basic: 20, project: -39.5 });
});

/** Our own 支出总表 printed to PDF: an extra column's header wraps, its tail alone on a line. */
const WRAPPED_HEADER = [
  "                       3．部门支出总表",
  "部门：江苏省人大常委会办公厅                                                   单位：万元",
  "                                                                单位预留机",
  " 科目编码           科目名称              合计         基本支出      项目支出",
  "                                                                 动经费",
  "                 合计              15897.44      7877.76  6333.96   1685.72",
  "201     一般公共服务支出                 12706.28",
  "20101   人大事务                     12706.28",
  "",
  "                       4．财政拨款收支总表",
].join("\n");

test("支出总表 whose extra column's header wraps onto a line of its own: the column becomes an other item", () => {
  const e = runExtractor(extractExpenditure, WRAPPED_HEADER, "columns").disclosure.expenditure!;
  assert.deepEqual([e.total, e.basic, e.project], [15897.44, 7877.76, 6333.96]);
  assert.deepEqual(e.otherItems, [{ label: "单位预留机动经费", amount: 1685.72 }]);
});

// ── 结转下年 / 年末结转和结余: otherItems, not part of 本年支出合计 (format.md) ────────────

/** A 收支总表 with an amount carried forward below 本年支出合计. */
const CARRY_ROWS: string[][] = [
  ["项目", "预算数", "项目", "预算数"],
  ["一、一般公共预算拨款收入", "1,100.50", "一、基本支出", "800.25"],
  ["二、政府性基金预算拨款收入", "80.00", "二、项目支出", "380.25"],
  ["本年收入合计", "1,180.50", "本年支出合计", "1,180.50"],
  ["上年结转", "54.07", "结转下年", "54.07"],
  ["收入总计", "1,234.57", "支出总计", "1,234.57"],
];
const carryTable = (rows: string[][], layout: Layout) =>
  [
    "部门收支总表",
    "单位：万元",
    "",
    ...layOut(rows, layout, { numbers: "right" }),
    "",
    "部门收入总表",
    "单位：万元",
  ].join("\n");

for (const layout of LAYOUTS) {
  test(`收支总表 (${layout}): 结转下年 is an other item with its printed label and line, outside 本年支出合计`, () => {
    const text = carryTable(CARRY_ROWS, layout);
    const { disclosure, cites } = runExtractor(extractExpenditure, text, layout);
    const e = disclosure.expenditure!;
    assert.equal(e.total, 1180.5);
    assert.deepEqual([e.basic, e.project], [800.25, 380.25]);
    assert.deepEqual(e.otherItems, [{ label: "结转下年", amount: 54.07 }]);
    // The figure's line: the label's, or the next one where each cell has its own line.
    const lines = text.split("\n");
    const label = lines.findIndex((l) => /结转下年/.test(l));
    assert.equal(
      cites.get("/expenditure/otherItems/0/amount"),
      lines.findIndex((l, i) => i >= label && /54\.07/.test(l)) + 1,
    );
  });
}

test("收支总表 without a 本年支出合计 row: this year's expenditure is 支出总计 less 结转下年, said in a diagnostic", () => {
  const rows = CARRY_ROWS.filter((r) => r[2] !== "本年支出合计");
  const { disclosure, diagnostics } = runExtractor(
    extractExpenditure,
    carryTable(rows, "tabs"),
    "tabs",
  );
  assert.equal(disclosure.expenditure!.total, 1180.5);
  assert.deepEqual(disclosure.expenditure!.otherItems, [{ label: "结转下年", amount: 54.07 }]);
  assert.ok(diagnostics.some((d) => d.level === "info" && /减去结转/.test(d.message)));
});

test("a 结转下年 of 0 is not an item", () => {
  const rows = CARRY_ROWS.map((r) => (r[2] === "结转下年" ? [r[0]!, "0.00", r[2], "0.00"] : r));
  assert.equal(
    runExtractor(extractExpenditure, carryTable(rows, "tabs"), "tabs").disclosure.expenditure!
      .otherItems,
    undefined,
  );
});

test("支出总表's 结转下年 column: outside 合计 it is an item; counted in 合计, 本年支出合计 is the rest", () => {
  const outside = TABS_TABLE.replace("1685.72\t", "1685.72\t100.00");
  const a = run(outside);
  assert.equal(a.disclosure.expenditure!.total, 15897.44);
  assert.deepEqual(a.disclosure.expenditure!.otherItems, [
    { label: "单位预留机动经费", amount: 1685.72 },
    { label: "结转下年", amount: 100 },
  ]);
  assert.equal(a.diagnostics.filter((d) => d.level === "warning").length, 0);
  const inside = outside.replace("15897.44\t", "15997.44\t");
  const b = run(inside);
  assert.equal(b.disclosure.expenditure!.total, 15897.44);
  assert.ok(b.diagnostics.some((d) => d.level === "info" && /含结转下年/.test(d.message)));
});

test("real document (上海 012, 决算): 年末结转和结余 55.34 is an item; 本年支出合计 stays 2,940.05", () => {
  const { disclosure, cites } = runExtractor(
    extractExpenditure,
    readFileSync(join(corpusDir, "012.txt"), "utf8"),
  );
  const e = disclosure.expenditure!;
  assert.equal(e.total, 2940.05);
  assert.deepEqual(e.otherItems, [{ label: "年末结转和结余", amount: 55.34 }]);
  assert.equal(cites.get("/expenditure/otherItems/0/amount"), 169);
});

// ── A change belongs to the total only when its sentence is about the total ──────────

test("real document (国家信访局 001): the change of one 项 line (2014099 其他信访事务支出) is not the department's", () => {
  const text = readFileSync(join(corpusDir, "001.txt"), "utf8");
  assert.match(text, /减少 21,519\.26/, "the line's sentence is in the document (line 484)");
  const e = run(text).disclosure.expenditure!;
  assert.equal(e.total, 50616.94);
  assert.equal(e.change?.total, undefined);
  assert.equal(e.changeRate, undefined);
  assert.equal(e.changeReason, undefined);
});

test("real document (上海 012): the change of 收入支出总计 2,995.39 is not that of 支出合计 2,940.05", () => {
  const text = readFileSync(join(corpusDir, "012.txt"), "utf8");
  assert.match(text, /收入\s*支出总计减少56\.95万元，下降1\.87%/);
  const e = run(text).disclosure.expenditure!;
  assert.equal(e.change?.total, undefined);
  assert.equal(e.changeRate, undefined);
  assert.equal(e.changeReason, undefined);
});

test("real documents: a change stated for the total is attached (003: 支出预算 29956.27; 017: 收、支预算总计 = 支出合计)", () => {
  const r003 = runExtractor(extractExpenditure, readFileSync(join(corpusDir, "003.txt"), "utf8"));
  const e = r003.disclosure.expenditure!;
  assert.deepEqual([e.change?.total, e.changeRate, e.previous?.total], [1476.73, 5.18, 28479.84]);
  assert.equal(r003.cites.get("/expenditure/change/total"), 139);
  // Its reason is a sentence of its own: kept whole, with its full stop.
  assert.equal(e.changeReason, "人员增加，社保基数调整，人员经费增加；新增信息化建设项目。");
  const e017 = run(readFileSync(join(corpusDir, "017.txt"), "utf8")).disclosure.expenditure!;
  assert.deepEqual([e017.total, e017.change?.total, e017.changeRate], [15897.44, 2248.37, 16.47]);
});

test("收支总计 with an amount carried forward is not 本年支出合计: its change is not the total's", () => {
  const text = [
    carryTable(CARRY_ROWS, "tabs"),
    "一、收支预算总体情况",
    "2023年收支预算总计1,234.57万元，比上年增加34.57万元，增长2.88%。",
  ].join("\n");
  const e = runExtractor(extractExpenditure, text, "tabs").disclosure.expenditure!;
  assert.equal(e.change?.total, undefined);
  // Stated for 支出预算 itself, it is.
  const own = text.replace("收支预算总计1,234.57万元", "支出预算1,180.50万元");
  assert.equal(
    runExtractor(extractExpenditure, own, "tabs").disclosure.expenditure!.change?.total,
    34.57,
  );
});

test("a comparison with this year's own budget (决算数与预算数持平) is not a change on the year before", () => {
  const text = "2024年度支出合计1,180.50万元，完成年初预算的100%，决算数与预算数基本持平。";
  const e = run(text).disclosure.expenditure!;
  assert.equal(e.total, 1180.5);
  assert.equal(e.change, undefined);
});

test("a reason in the change's own sentence is read without the sentence's full stop", () => {
  const e = run(
    "2023年支出预算总计1180.50万元，比上年减少19.50万元，主要原因是人员减少。其中：基本支出800.25万元。",
  ).disclosure.expenditure!;
  assert.equal(e.changeReason, "人员减少");
});

test("a part's change measured from another amount (one fund's 基本支出) is not the department's", () => {
  const text =
    "2023年支出预算总计1180.50万元，其中：基本支出800.25万元，项目支出380.25万元。一般公共预算拨款支出中，基本支出700.00万元，比上年增加20.00万元；项目支出380.25万元，比上年减少39.50万元。";
  const e = run(text).disclosure.expenditure!;
  assert.equal(e.basic, 800.25);
  assert.equal(e.change?.basic, undefined);
  assert.equal(e.change?.project, -39.5);
});

/** Our own 收支总表, 支出总表 and explanation with a part of the total (上缴上级支出) and an amount carried forward. */
function withOthers(): Disclosure {
  const d = fixture();
  d.expenditure = {
    total: 1180.5,
    basic: 700.25,
    project: 380.25,
    otherItems: [
      { label: "上缴上级支出", amount: 100 },
      { label: "结转下年", amount: 54.067891 },
    ],
  };
  delete d.expenditureByFunction;
  return d;
}

test("rendered tables and text: 结转下年 below 本年支出合计 and in 支出总计 only; 上缴上级支出 a part of the total", () => {
  const tables = standardTables(withOthers());
  const cells = (t: TableModel) => t.body.map((r) => r.map((c) => c.text));
  const t1 = cells(tables[0]!);
  const row = (label: string) => t1.findIndex((r) => r.includes(label));
  assert.ok(
    row("三、上缴上级支出") < row("本年支出合计") &&
      row("本年支出合计") < row("结转下年") &&
      row("结转下年") < row("支出总计"),
  );
  assert.equal(t1[row("本年支出合计")]![3], "1180.50");
  assert.equal(t1[row("支出总计")]![3], "1234.567891");
  const t3 = tables[2]!;
  assert.deepEqual(
    t3.header
      .flat()
      .map((c) => c.text)
      .slice(-2),
    ["项目支出", "上缴上级支出"],
  );
  const text = expenditureText(withOthers()).join("");
  assert.match(
    text,
    /其中：基本支出700\.25万元[^。]*；项目支出380\.25万元；上缴上级支出100\.00万元。此外，结转下年54\.067891万元。/,
  );
});

test("rendered to .docx and read back: 上缴上级支出 and 结转下年 come back as they went in", async () => {
  const d = withOthers();
  const back = (await importDisclosure(await renderDisclosure(d, "docx"))).disclosure.expenditure!;
  assert.equal(back.total, 1180.5);
  assert.deepEqual(back.otherItems, d.expenditure!.otherItems);
});

test("table and text disagree only beyond the text's rounding; 收入支出总计 is not the text's 支出总计", () => {
  const warnings = (text: string) =>
    run(text).diagnostics.filter((d) => d.level === "warning" && /表格为/.test(d.message));
  assert.equal(
    warnings(`${TABS_TABLE}\n支出总计15897.4万元，其中：基本支出7877.76万元。`).length,
    0,
    "15897.4 is 15897.44 printed to one place",
  );
  assert.equal(
    warnings(`${TABS_TABLE}\n支出总计15800.00万元，其中：基本支出7877.76万元。`).length,
    1,
  );
  // Corpus 012 (line 550): "收入支出总计2995.39万元" is 本年支出合计 2,940.05 plus 年末结转和结余 55.34.
  const r012 = run(readFileSync(join(corpusDir, "012.txt"), "utf8"));
  assert.equal(r012.diagnostics.filter((d) => /表格为/.test(d.message)).length, 0);
});

test("a change stated after an enumeration of function classes is the total's, not the last class's (重庆 P163)", () => {
  // 重庆 P163 二、(二): the total, the classes in a sentence of their own, then "比 2025 年增加…".
  const chongqing = [
    "   （二）支出预算：2026 年年初预算数 45,369.18 万元。按支出功能分类，包括一般公共服务支",
    "出 22,022.92 万元，教育支出 9.30 万元，文化旅游体育与传媒支出 19527.61 万元，社会保障和就",
    "业支出 2,164.46 万元，卫生健康支出 610.90 万元，资源勘探工业信息等支出 371.13 万元，住房保",
    "障支出 662.86 万元。比 2025 年增加 2,734.52 万元，主要是基本支出增加 659.75 万元，项目支出",
    "增加 2,074.77 万元。",
  ].join("\n");
  const e = run(chongqing).disclosure.expenditure!;
  assert.equal(e.total, 45369.18);
  assert.equal(e.change?.total, 2734.52);
  assert.equal(e.change?.basic, 659.75);
  assert.equal(e.change?.project, 2074.77);
});
