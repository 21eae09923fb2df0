/**
 * 收入: the 收支总表 read in each text layout (built here from the same rows),
 * the narrative statement, table/text disagreements, and the source vocabulary.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readText } from "../../src/import/readers/text.ts";
import { extractIncome, incomeSource } from "../../src/import/sections/money/income.ts";
import type { Diagnostic, Disclosure } from "../../src/model/disclosure.ts";

function run(text: string): {
  disclosure: Disclosure;
  diagnostics: Diagnostic[];
  cites: Map<string, number>;
} {
  return runExtractor(extractIncome, text);
}

/** A two-sided 收支总表: income label | amount | expenditure label | amount ("" = blank cell). */
const ROWS: string[][] = [
  ["项目", "预算数", "项目", "预算数"],
  ["一、财政拨款收入", "31,214,205.80", "一、一般公共服务支出", "22,186,440.80"],
  ["1. 一般公共预算资金", "31,214,205.80", "二、社会保障和就业支出", "3,508,644.00"],
  ["2. 政府性基金", "", "三、卫生健康支出", "782,164.00"],
  ["3. 国有资本经营预算", "", "四、住房保障支出", "4,736,957.00"],
  ["二、事业收入", "120,000.00", "", ""],
  ["三、事业单位经营收入", "", "", ""],
  ["四、其他收入", "", "", ""],
  ["本年收入合计", "31,334,205.80", "本年支出合计", "31,214,205.80"],
  ["上年结转", "500,000.00", "结转下年", "620,000.00"],
  ["收入总计", "31,834,205.80", "支出总计", "31,834,205.80"],
];
const TITLE = ["2025年部门财务收支预算总表", "编制部门：某某局    单位：元", ""];
const AFTER = ["", "2025年部门收入预算总表", "单位：元"];

function cellsLayout(): string {
  const out = [...TITLE];
  for (const r of ROWS) {
    for (const c of r) out.push(`\t${c}`);
    out.push("");
  }
  return [...out, ...AFTER].join("\n");
}

function tabsLayout(): string {
  return [...TITLE, ...ROWS.map((r) => r.join("\t")), ...AFTER].join("\n");
}

/** PDF text: cells placed at fixed columns, blank cells are just spaces, numbers right-aligned. */
function columnsLayout(): string {
  const width = (s: string) =>
    [...s].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  const pad = (s: string, w: number, right = false) =>
    right ? " ".repeat(Math.max(1, w - width(s))) + s : s + " ".repeat(Math.max(2, w - width(s)));
  const lines = ROWS.map((r) =>
    (pad(r[0]!, 28) + pad(r[1]!, 16, true) + "   " + pad(r[2]!, 28) + pad(r[3]!, 16, true)).replace(
      /\s+$/,
      "",
    ),
  );
  return [
    "                         2025年部门财务收支预算总表",
    "编制部门：某某局                                          单位：元",
    "",
    ...lines,
    "",
    "                                 - 3 -",
    ...AFTER,
  ].join("\n");
}

for (const [name, text] of [
  ["cells", cellsLayout()],
  ["tabs", tabsLayout()],
  ["columns", columnsLayout()],
] as const) {
  test(`收支总表 in the ${name} layout: 元 converted exactly, sub-rows as items, blanks left out`, () => {
    assert.equal(readText(text).layout, name);
    const { disclosure, cites } = run(text);
    const income = disclosure.income!;
    assert.equal(income.total, 3183.42058);
    assert.deepEqual(income.items, [
      { source: "generalBudget", label: "一般公共预算资金", amount: 3121.42058 },
      { source: "business", label: "事业收入", amount: 12 },
      { source: "carryOver", label: "上年结转", amount: 50 },
    ]);
    assert.ok(cites.get("/income/total")! > 3, "the total cites its source line");
  });
}

test("narrative income: total, items after 其中 (stated zeros kept), change from a 收支 statement", () => {
  const text = [
    "二、部门预算安排的总体情况",
    "1、收入说明",
    "2019年预算收入95531.43万元，其中：一般公共预算收入 45756.38 万元，政府性基金收入 49775.05 万元，国有资本经营收入 0万元，事业收入 0万元。",
    "3、比上年增减变化情况",
    "2019年预算收支安排95531.43万元，较2018年预算增加25588.14万元，其中：基本支出增加1047.99 万元。",
  ].join("\n");
  const income = run(text).disclosure.income!;
  assert.equal(income.total, 95531.43);
  assert.deepEqual(
    income.items!.map((i) => [i.source, i.label, i.amount]),
    [
      ["generalBudget", "一般公共预算收入", 45756.38],
      ["governmentFund", "政府性基金收入", 49775.05],
      ["stateCapital", "国有资本经营收入", 0],
      ["business", "事业收入", 0],
    ],
  );
  assert.equal(income.change, 25588.14);
});

test("narrative income: previous total, change and rate; a numbered list after the total", () => {
  const text = [
    "二、收入预算情况说明",
    "2026 年度收入预算 29956.27 万元，比 2025 年年初预算",
    "数 28479.84 万元增加 1476.43 万元，增长 5.18%。主要原因为人员增加。",
    "（一）本年财政拨款收入 29569.52 万元",
    "1.一般公共预算拨款收入 29569.52 万元。",
    "2.其他收入 7.49 万元。",
    "3.上年结转结余 379.26 万元。",
    "三、支出预算情况说明",
  ].join("\n");
  const income = run(text).disclosure.income!;
  assert.equal(income.total, 29956.27);
  assert.equal(income.previousTotal, 28479.84);
  assert.equal(income.change, 1476.43);
  assert.equal(income.changeRate, 5.18);
  assert.deepEqual(
    income.items!.map((i) => i.source),
    ["generalBudget", "other", "carryOver"],
  );
});

test("a decrease is negative; a fund-level change (财政拨款收入) is not the department's", () => {
  const text = [
    "本部门2021年财政拨款收入较上年增加500万元。",
    "2026年本单位收入预算1935.36万元，其中，一般公共预算拨款1935.36万元。收入较去年减少54.13万元，下降2.88%。",
  ].join("\n");
  const income = run(text).disclosure.income!;
  assert.equal(income.change, -54.13);
  assert.equal(income.changeRate, -2.88);
});

test("table and text disagree: the table's total is kept and a warning names the text's line", () => {
  const text =
    tabsLayout() +
    "\n\n一、收入说明\n2025年部门收入预算3,180.00万元，其中：财政拨款收入3,180.00万元。\n";
  const { disclosure, diagnostics } = run(text);
  assert.equal(disclosure.income!.total, 3183.42058);
  const warning = diagnostics.find((d) => d.level === "warning");
  assert.ok(warning, "a warning is reported");
  assert.match(warning.message, /表格.*文字说明/);
  assert.equal(warning.line, text.split("\n").findIndex((l) => l.includes("3,180.00万元")) + 1);
});

test("a document without income statements yields no income and says so", () => {
  const { disclosure, diagnostics } = run("部门职责\n负责全区发展改革工作。\n");
  assert.equal(disclosure.income, undefined);
  assert.equal(diagnostics.length, 1);
});

test("a summary table cut off before its totals does not crash and keeps the rows it has", () => {
  const cut = tabsLayout().split("\n").slice(0, 8).join("\n");
  const income = run(cut).disclosure.income;
  assert.deepEqual(income?.items?.[0], {
    source: "generalBudget",
    label: "一般公共预算资金",
    amount: 3121.42058,
  });
  assert.equal(income?.total, undefined);
});

test("source vocabulary from printed labels", () => {
  const cases: [string, string][] = [
    ["一般公共预算拨款收入", "generalBudget"],
    ["公共财政拨款（补助）资金", "generalBudget"],
    ["政府性基金预算财政拨款", "governmentFund"],
    ["国有资本经营收入", "stateCapital"],
    ["财政专户管理资金收入", "fiscalSpecial"],
    ["财政专户管理事业收入", "fiscalSpecial"],
    ["本级财政拨款收入", "fiscalUnsplit"],
    ["事业收入", "business"],
    ["事业单位经营收入资金", "operating"],
    ["上级补助收入", "superiorSubsidy"],
    ["附属单位上缴收入", "subordinateRemit"],
    ["年初结转和结余", "carryOver"],
    ["上年结转", "carryOver"],
    ["非限额补助", "other"],
    ["其他收入", "other"],
  ];
  for (const [label, source] of cases) assert.equal(incomeSource(label), source, label);
});
