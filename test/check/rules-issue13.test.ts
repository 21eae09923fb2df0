/**
 * Issue 13's narrative rules and corrected rules on real excerpts of 2026 budgets in
 * shared/wild (quoted as the importer hands them over): each passes on the document's own
 * wording and fails once one number or word of it is changed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { runChecks } from "../../src/check/engine.ts";
import { kindOfName } from "../../src/check/rules/performance/units.ts";
import { FORMAT_ID, type Disclosure } from "../../src/model/disclosure.ts";
import type { CheckInput, Finding } from "../../src/check/types.ts";

const base = (extra: Partial<Disclosure> = {}): Disclosure => ({
  format: FORMAT_ID,
  amountUnit: "万元",
  kind: "budget",
  year: 2026,
  ...extra,
});

const run = (input: CheckInput, rule: string) => {
  const r = runChecks(input).results.find((x) => x.rule.id === rule)!;
  return { status: r.status, findings: r.findings as Finding[] };
};

// wild/docs/P101 (北京市信访办公室), line 48.
const P101 =
  "2026年度收入预算9626.78万元，比2025年年初预算数9819.98万元减少193.20万元，下降1.97%。";

test("TXT-011: both years printed — P101's statement holds; a wrong change or rate is an error", () => {
  const d = base({ income: { total: 9626.78 } });
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 48, text: P101 }] }, "TXT-011").status,
    "passed",
  );
  const wrongChange = run(
    { disclosure: d, narrative: [{ line: 48, text: P101.replace("193.20", "193.02") }] },
    "TXT-011",
  );
  assert.equal(wrongChange.status, "failed");
  assert.equal(wrongChange.findings[0]!.severity, "error");
  assert.equal(wrongChange.findings[0]!.line, 48);
  assert.match(wrongChange.findings[0]!.message, /9626\.78 − 上年 9819\.98 = -193\.2/);
  const wrongRate = run(
    { disclosure: d, narrative: [{ line: 48, text: P101.replace("1.97%", "2.97%") }] },
    "TXT-011",
  );
  assert.match(wrongRate.findings[0]!.message, /增减率应为/);
});

test("TXT-011: the 上年执行数 X，本年安排 Y wording is read too", () => {
  const text = "上年执行数120万元，本年安排150万元，比上年增长25%。";
  assert.equal(
    run({ disclosure: base(), narrative: [{ line: 3, text }] }, "TXT-011").status,
    "passed",
  );
  const bad = run(
    { disclosure: base(), narrative: [{ line: 3, text: text.replace("25%", "20%") }] },
    "TXT-011",
  );
  assert.equal(bad.status, "failed");
});

test("rates the document cuts instead of rounding pass (6.919% printed 6.91%), a wrong one fails", () => {
  // wild/docs/P098: 134133.33 vs 125462.47 is +6.911%; printed 6.91%. The same sum cut: 8.1185 → 8.11.
  const text = (rate: string) =>
    `2026年支出预算32852.05万元，比2025年年初预算数30385.62万元增加2466.43万元，增长${rate}%。`;
  const d = base();
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 1, text: text("8.12") }] }, "TXT-011").status,
    "passed",
  );
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 1, text: text("8.11") }] }, "TXT-011").status,
    "passed",
  );
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 1, text: text("8.31") }] }, "TXT-011").status,
    "failed",
  );
});

test("TXT-012: a 2026 budget compared with 2026 itself is an error; with 2025 it is not", () => {
  const text = "2026年“三公”经费预算数为1.70万元，比2026年预算增加0.20万元。";
  const bad = run({ disclosure: base(), narrative: [{ line: 327, text }] }, "TXT-012");
  assert.equal(bad.status, "failed");
  assert.equal(bad.findings[0]!.expected, 2025);
  const ok = run(
    { disclosure: base(), narrative: [{ line: 327, text: text.replace("比2026年", "比2025年") }] },
    "TXT-012",
  );
  assert.equal(ok.status, "passed");
});

test("TXT-013: P007's 公务用车购置费0万元，比上年增加0万元 passes; a zero that grew fails", () => {
  // wild/docs/P007, line 650.
  const text =
    "公务用车购置及运行维护费9.73万元（公务用车购置费0万元，比上年增加0万元；公务用车运行维护费9.73万元，比上年减少0.05万元。";
  const d = base({
    threePublic: { total: 9.73, vehicle: { total: 9.73, purchase: 0, operation: 9.73 } },
  });
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 650, text }] }, "TXT-013").status,
    "passed",
  );
  const bad = run(
    {
      disclosure: d,
      narrative: [{ line: 650, text: text.replace("比上年增加0万元", "比上年增加3万元") }],
    },
    "TXT-013",
  );
  assert.equal(bad.status, "failed");
  assert.equal(bad.findings[0]!.severity, "error");
});

test("TXT-014/TXT-015: a title with another year and a placeholder left in a heading", () => {
  const narrative = [
    { line: 2, text: "2026 年部门预算情况说明" },
    { line: 294, text: "2026年一般公共预算支出情况表" },
    { line: 401, text: "2026年政府性基金预算支出情况表" },
  ];
  assert.equal(run({ disclosure: base(), narrative }, "TXT-014").status, "passed");
  const wrong = [...narrative, { line: 440, text: "2025年政府采购预算明细表" }];
  const f = run({ disclosure: base(), narrative: wrong }, "TXT-014");
  assert.equal(f.status, "failed");
  assert.equal(f.findings[0]!.line, 440);
  assert.equal(run({ disclosure: base(), narrative }, "TXT-015").status, "passed");
  const placeholder = run(
    { disclosure: base(), narrative: [...narrative, { line: 1, text: "XX局2026年部门预算" }] },
    "TXT-015",
  );
  assert.equal(placeholder.status, "failed");
});

test("TXT-016: as-of dates — a 2022 决算 as of 2022 year-end passes, a 2026 budget as of 2022 fails", () => {
  // wild/pool/P057 (西安市卫生健康委员会 2022 年度部门决算), line 866.
  const text = "截至2022年末，本部门共有车辆517辆，其中机要通信用车57辆。";
  const final = base({ kind: "final", year: 2022 });
  assert.equal(
    run({ disclosure: final, narrative: [{ line: 866, text }] }, "TXT-016").status,
    "passed",
  );
  const f = run({ disclosure: base(), narrative: [{ line: 866, text }] }, "TXT-016");
  assert.equal(f.status, "failed");
  assert.equal(f.findings[0]!.actual, 2022);
  // A target date is no as-of date.
  const target = "截至2026年底完成全部车辆更新。";
  assert.equal(
    run({ disclosure: base(), narrative: [{ line: 1, text: target }] }, "TXT-016").status,
    "notApplicable",
  );
});

test("TXT-017: P039's doubled 。。 is reported as a warning", () => {
  // wild/pool/P039, line 66.
  const text = "文明建设和环境保护工作，取得积极成效。。围绕上述任务，";
  const f = run({ disclosure: base(), narrative: [{ line: 66, text }] }, "TXT-017");
  assert.equal(f.findings[0]!.severity, "warning");
  assert.equal(
    run(
      { disclosure: base(), narrative: [{ line: 66, text: text.replace("。。", "。") }] },
      "TXT-017",
    ).status,
    "passed",
  );
});

test("TXT-018: corpus 017's 其他资金收入预算总计0万元 is a component; 收入预算总计0万元 against 15897.44 is an error", () => {
  const d = base({ year: 2018, income: { total: 15897.44 } });
  const component =
    "3．其他资金收入预算总计0万元。与上年相比增加（减少）0万元，增长（减少）0%。主要原因是本部门无此项收入。";
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 710, text: component }] }, "TXT-018").status,
    "passed",
  );
  const f = run(
    {
      disclosure: d,
      narrative: [{ line: 690, text: "江苏省人大常委会办公厅2018年度收入预算总计0万元。" }],
    },
    "TXT-018",
  );
  assert.equal(f.status, "failed");
  assert.equal(f.findings[0]!.severity, "error");
});

test("TXT-019: 机关运行经费 written in 元 with the table's 万元 figure", () => {
  const d = base({ operatingCosts: { amount: 474.89 } });
  const ok = "机关运行经费474.89万元，与上年相比减少7.67万元。";
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 727, text: ok }] }, "TXT-019").status,
    "passed",
  );
  const f = run(
    { disclosure: d, narrative: [{ line: 727, text: ok.replace("474.89万元", "474.89元") }] },
    "TXT-019",
  );
  assert.equal(f.status, "failed");
  assert.equal(f.findings[0]!.path, "/operatingCosts/amount");
});

test("TXT-020: P081's 科目…主要用于人员经费18万元 is a function line's part; a stated total 人员经费 is compared", () => {
  // wild/pool/P081, line 63.
  const d = base({ expenditure: { personnel: 21.234, publicOperating: 58.789 } });
  const partOfLine =
    "2.“农林水支出”科目83万元，主要用于主要用于人员经费18万元、公用经费58万元、项目支出7万元。";
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 63, text: partOfLine }] }, "TXT-020").status,
    "notApplicable",
  );
  // The table's figure cut to the text's decimals agrees (pool/P057: 96513.216042 → 96513.21).
  const own = "基本支出中，人员经费21.23万元，公用经费58.78万元。";
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 5, text: own }] }, "TXT-020").status,
    "passed",
  );
  const f = run(
    { disclosure: d, narrative: [{ line: 5, text: own.replace("21.23", "31.23") }] },
    "TXT-020",
  );
  assert.equal(f.status, "failed");
  assert.equal(f.findings[0]!.path, "/expenditure/personnel");
});

test("COD-003: a 2019 document printing 20805 行政事业单位离退休 is current; a 2021 one is not", () => {
  const lines = [{ code: "20805", name: "行政事业单位离退休", total: 10 }];
  assert.equal(
    run({ disclosure: base({ year: 2019, expenditureByFunction: lines }) }, "COD-003").status,
    "passed",
  );
  const f = run({ disclosure: base({ year: 2021, expenditureByFunction: lines }) }, "COD-003");
  assert.equal(f.status, "failed");
  assert.match(f.findings[0]!.message, /2020 年起为「行政事业单位养老支出」/);
});

test("XPT-006: since 2017 机关运行经费 may exceed 日常公用经费, not 支出合计", () => {
  const d = (year: number) =>
    base({
      year,
      operatingCosts: { amount: 120 },
      expenditure: { total: 1000, publicOperating: 100 },
    });
  assert.equal(run({ disclosure: d(2026) }, "XPT-006").status, "passed");
  assert.equal(run({ disclosure: d(2016) }, "XPT-006").status, "failed");
  const over = base({ operatingCosts: { amount: 1200 }, expenditure: { total: 1000 } });
  assert.equal(run({ disclosure: over }, "XPT-006").status, "failed");
});

test("PRF-024: a goals-only template is not applicable; a missing table among indicator tables is reported", () => {
  const p = (name: string, withIndicators: boolean) => ({
    name,
    budget: 10,
    goals: ["完成年度任务"],
    ...(withIndicators
      ? {
          indicators: [
            { level1: "产出指标", level2: "数量指标", name: "次数", target: { raw: "≥1次" } },
          ],
        }
      : {}),
  });
  const goalsOnly = base({ performance: { projects: [p("甲", false), p("乙", false)] } });
  assert.equal(run({ disclosure: goalsOnly }, "PRF-024").status, "notApplicable");
  const one = base({ performance: { projects: [p("甲", true), p("乙", true), p("丙", false)] } });
  assert.equal(run({ disclosure: one }, "PRF-024").status, "failed");
});

test("XPT-002: only some projects publish target tables unless the text says all spending is under targets (corpus 034)", () => {
  const d = base({
    expenditure: { project: 417.41 },
    performance: { projects: [{ name: "信访业务工作专项", budget: 138.11 }] },
  });
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 1, text: "说明。" }] }, "XPT-002").status,
    "passed",
  );
  const all = [{ line: 134, text: "（七）预算绩效目标说明：本单位所有支出实行绩效目标管理。" }];
  assert.equal(run({ disclosure: d, narrative: all }, "XPT-002").status, "failed");
});

test("completeness: a tables-only file (附件2 …预算报表) is not asked for the explanation's parts", () => {
  const tablesOnly = base({
    expenditureByFunction: [{ code: "201", name: "一般公共服务支出", total: 10 }],
  });
  const narrative = [{ line: 1, text: "中共北京市委军民融合发展委员会办公室2026年度部门预算报表" }];
  assert.equal(run({ disclosure: tablesOnly, narrative }, "CMP-004").status, "notApplicable");
  assert.equal(run({ disclosure: tablesOnly, narrative }, "CMP-008").status, "notApplicable");
  const full = [
    ...narrative,
    { line: 9, text: "一、部门职责" },
    { line: 10, text: "负责全市军民融合工作。" },
  ];
  assert.equal(run({ disclosure: tablesOnly, narrative: full }, "CMP-004").status, "failed");
});

test("completeness: an explanation that sends its tables to an attachment is not asked for 绩效目标 tables", () => {
  // wild/docs/P101, line 148.
  const narrative = [
    { line: 2, text: "北京市信访办公室2026年度部门预算情况说明" },
    { line: 148, text: "附件：北京市信访办公室部门 2026 年度部门预算报表" },
  ];
  assert.equal(
    run({ disclosure: base({ income: { total: 1 } }), narrative }, "CMP-009").status,
    "notApplicable",
  );
  assert.equal(
    run({ disclosure: base({ income: { total: 1 } }), narrative: narrative.slice(0, 1) }, "CMP-009")
      .status,
    "failed",
  );
});

test("completeness: a 决算 reporting 绩效评价 is not asked for targets", () => {
  const narrative = [
    { line: 1, text: "五、绩效评价情况说明" },
    { line: 2, text: "本部门开展了绩效自评。" },
  ];
  assert.notEqual(
    run({ disclosure: base({ kind: "final", year: 2022 }), narrative }, "CMP-009").status,
    "failed",
  );
});

test("TXT-022/TXT-023: P057's 决算 lines — the completion rate and 大于/小于 wording follow from the amounts", () => {
  // wild/pool/P057 (2022 年度部门决算), line 241.
  const text =
    "年初预算181.29万元，支出决算151.03万元，完成年初预算的83.31%，决算数小于预算数的主要原因是人员减少。";
  const d = base({ kind: "final", year: 2022 });
  const ok = { disclosure: d, narrative: [{ line: 241, text }] };
  assert.equal(run(ok, "TXT-022").status, "passed");
  assert.equal(run(ok, "TXT-023").status, "passed");
  const rate = run(
    { disclosure: d, narrative: [{ line: 241, text: text.replace("83.31%", "88.31%") }] },
    "TXT-022",
  );
  assert.equal(rate.findings[0]!.expected, 83.31);
  const word = run(
    { disclosure: d, narrative: [{ line: 241, text: text.replace("小于", "大于") }] },
    "TXT-023",
  );
  assert.equal(word.findings[0]!.expected, "小于");
  const zero = run(
    {
      disclosure: d,
      narrative: [{ line: 9, text: "年初预算0万元，支出决算12.5万元，完成年初预算的100%。" }],
    },
    "TXT-022",
  );
  assert.match(zero.findings[0]!.message, /年初预算为零/);
});

test("TXT-024: the same amount named the same way with two changes; different subjects are not compared (P175)", () => {
  // wild/docs/P175, lines 724 and 857: one amount, two subjects with different previous years.
  const legit = [
    {
      line: 724,
      text: "（2）政府性基金预算拨款收入143,999万元，与上年相比增加125,999万元，增长699.99%。",
    },
    {
      line: 857,
      text: "3.国有土地使用权出让收入安排的支出（款）城市建设支出（项）支出143,999万元，与上年相比增加31,183.05万元，增长27.64%。",
    },
  ];
  assert.notEqual(run({ disclosure: base(), narrative: legit }, "TXT-024").status, "failed");
  const twice = [
    { line: 10, text: "2026年支出预算2796.14万元，比上年增加129.07万元。" },
    { line: 40, text: "2026年支出预算2796.14万元，比上年增加166.68万元。" },
  ];
  const f = run({ disclosure: base(), narrative: twice }, "TXT-024");
  assert.equal(f.status, "failed");
  assert.equal(f.findings[0]!.line, 40);
});

test("TXT-025: P048's 商业服务业等支出 — a 类 may fall by more than its listed 项 (a 项 fell to zero), never rise by more", () => {
  // wild/pool/P048, lines 602–701.
  const lines = [
    { code: "216", name: "商业服务业等支出", total: 3275.38 },
    { code: "2160201", name: "行政运行", total: 2055.13 },
    { code: "2160202", name: "一般行政管理事务", total: 117.13 },
    { code: "2160299", name: "其他涉外发展服务支出", total: 1103.12 },
  ];
  const narrative = [
    {
      line: 602,
      text: "（4）商业服务业等支出（类）支出3,275.38万元，主要用于保障部门运转的基本支出。与上年相比减少22,614.28万元，减少87.35%",
    },
    {
      line: 689,
      text: "1.涉外发展服务支出（款）行政运行（项）支出2,055.13万元，与上年相比增加45.45万元，增长2.26%。",
    },
    {
      line: 693,
      text: "2.涉外发展服务支出（款）一般行政管理事务（项）支出117.13万元，与上年相比减少22.58万元，减少16.16%。",
    },
    {
      line: 701,
      text: "3.涉外发展服务支出（款）其他涉外发展服务支出（项）支出1,103.12万元，与上年相比减少12,637.15万元，减少91.97%。",
    },
  ];
  const d = base({ expenditureByFunction: lines });
  assert.equal(run({ disclosure: d, narrative }, "TXT-025").status, "passed");
  const rising = narrative.map((l) => ({
    ...l,
    text: l.text.replace("减少22,614.28万元", "增加1,000万元"),
  }));
  const f = run({ disclosure: d, narrative: rising }, "TXT-025");
  assert.equal(f.status, "failed");
  assert.equal(f.findings[0]!.path, "/expenditureByFunction/0");
});

test("TXT-008: wording with codes in brackets (（204类）…（06款）…（01项）) is compared with the table's line", () => {
  const d = base({
    expenditureByFunction: [
      { code: "204", name: "公共安全支出", total: 500 },
      { code: "20406", name: "司法", total: 500 },
      { code: "2040601", name: "行政运行", total: 321.5 },
    ],
  });
  const text =
    "（204类）公共安全支出（06款）司法（01项）行政运行支出321.50万元，主要用于机关运行。";
  assert.equal(run({ disclosure: d, narrative: [{ line: 5, text }] }, "TXT-008").status, "passed");
  const f = run(
    { disclosure: d, narrative: [{ line: 5, text: text.replace("321.50", "331.50") }] },
    "TXT-008",
  );
  assert.equal(f.findings[0]!.path, "/expenditureByFunction/2");
});

test("a document that notes 尾数误差 (P101, line 334) is not reported for a tail of one unit", () => {
  const d = base({ expenditure: { total: 100.02, basic: 60, project: 40 } });
  const plain = run({ disclosure: d, narrative: [{ line: 1, text: "说明。" }] }, "ARI-002");
  assert.equal(plain.findings[0]!.severity, "error");
  const noted = [{ line: 334, text: "本套报表金额单位转换时可能存在尾数误差。" }];
  assert.equal(run({ disclosure: d, narrative: noted }, "ARI-002").status, "passed");
  const far = base({ expenditure: { total: 100.5, basic: 60, project: 40 } });
  assert.equal(run({ disclosure: far, narrative: noted }, "ARI-002").status, "failed");
});

test("one misread (pool/P109: 支出合计 and 项目支出 read from one cell) is a warning in every rule it touches", () => {
  const d = base({
    income: { total: 935446.79 },
    expenditure: { total: 10070.4, project: 10070.4, basic: 207791.49 },
    sourceMap: {
      "/expenditure/total": { line: 45, text: "10,070.400000" },
      "/expenditure/project": { line: 45, text: "10,070.400000" },
      "/income/total": { line: 33, text: "935,446.794043" },
    },
  });
  const r = runChecks({ disclosure: d });
  const touching = r.findings.filter((f) => ["ARI-002", "XPT-001"].includes(f.rule));
  assert.ok(touching.length >= 2);
  for (const f of touching) {
    assert.equal(f.severity, "warning", f.message);
    assert.match(f.message, /可能是读取错位/);
  }
});

test("CMP-017 never reports a diagnostic that calls two equal figures different (wild P055)", () => {
  const d = base({
    diagnostics: [
      {
        level: "error",
        message:
          "收入总计：表格为227358.37万元，文字说明为227358.37万元，采用表格数（table and text disagree）",
      },
      {
        level: "error",
        message:
          "收入总计：表格为227358.37万元，文字说明为227123.37万元，采用表格数（table and text disagree）",
      },
    ],
  });
  const f = run({ disclosure: d }, "CMP-017");
  assert.equal(f.findings.length, 1);
  assert.match(f.findings[0]!.message, /227123\.37/);
});

test("ARI-062: the 人员经费 / 公用经费 columns of the 基本支出表 add up to the subtotals when the table covers 基本支出", () => {
  const lines = (personnel: number) => [
    { code: "301", name: "工资福利支出", total: personnel, personnel },
    { code: "302", name: "商品和服务支出", total: 40, publicOperating: 40 },
    { code: "303", name: "对个人和家庭的补助", total: 100 - personnel, personnel: 100 - personnel },
  ];
  const e = { basic: 140, personnel: 100, publicOperating: 40 };
  assert.equal(
    run({ disclosure: base({ expenditure: e, basicByEconomic: lines(90) }) }, "ARI-062").status,
    "passed",
  );
  const moved = lines(90).map((l) =>
    l.code === "302" ? { ...l, total: 45, publicOperating: 45 } : l,
  );
  moved[0] = { ...moved[0]!, total: 85, personnel: 85 };
  const f = run({ disclosure: base({ expenditure: e, basicByEconomic: moved }) }, "ARI-062");
  assert.equal(f.status, "failed");
  assert.ok(
    f.findings.some((x) => x.path === "/expenditure/publicOperating" && x.severity === "error"),
  );
  // A table of 一般公共预算 only, smaller than 基本支出, is another scope: not compared.
  const partial = base({ expenditure: { ...e, basic: 500 }, basicByEconomic: moved });
  assert.equal(run({ disclosure: partial }, "ARI-062").status, "notApplicable");
});

test("PRF-027: P037's 警务辅助人员经费 cost ceiling 3504.55 above its funds 3383.89; 13.2012 within funds printed 13.20", () => {
  // wild/docs/P037, lines 980–1003 and 880–901.
  const project = (name: string, budget: number, indicator: string, value: number) => ({
    name,
    budget,
    indicators: [
      {
        level1: "成本指标",
        level2: "经济成本指标",
        name: indicator,
        target: { raw: `≤${value} 万元`, op: "<=" as const, value, unit: "万元" },
      },
    ],
  });
  const d = base({
    performance: {
      projects: [
        project("交警展城中队租金及物业费", 13.2, "项目租金费用", 13.2012),
        project("警务辅助人员经费", 3383.89, "总支出成本控制情况", 3504.55),
      ],
    },
  });
  const f = run({ disclosure: d }, "PRF-027");
  assert.equal(f.findings.length, 1);
  assert.equal(f.findings[0]!.path, "/performance/projects/1/indicators/0/target");
});

test("TXT-012: P166's 2025年“三公”经费预算13.85万元,比2025年减少 compares a year with itself (wild golden)", () => {
  // wild/docs/P166, line 40 (a 2026 budget).
  const text =
    "2025年“三公”经费预算13.85万元,比2025年减少5.45万元。其中:因公出国(境)费用0万元,比2025年减少5万元。";
  const f = run(
    { disclosure: base({ threePublic: { total: 13.85 } }), narrative: [{ line: 40, text }] },
    "TXT-012",
  );
  assert.equal(f.findings.length, 1);
  assert.equal(f.findings[0]!.path, "/threePublic/total");
  const fixed = text.replace(/^2025年/, "2026年");
  assert.equal(
    run(
      {
        disclosure: base({ threePublic: { total: 13.85 } }),
        narrative: [{ line: 40, text: fixed }],
      },
      "TXT-012",
    ).status,
    "passed",
  );
});

test("TXT-024: P186 states the total 2796.14 rising by 129.07 and by 166.68 (wild golden)", () => {
  // wild/docs/P186, lines 425 and 434.
  const narrative = [
    {
      line: 425,
      text: "2026年,福州市公安局治安管理支队收入预算为2796.14万元，比上年增加129.07万元，增长4.84%，主要原因是一般公共预算拨款收入增加129.07万元。",
    },
    {
      line: 434,
      text: "2026年度一般公共预算拨款支出2796.14万元，比上年增加166.68万元，增长6.34%，主要原因是基本支出增加49.12万元，项目支出增加117.56万元。",
    },
  ];
  const d = base({ income: { total: 2796.14 }, expenditure: { total: 2796.14 } });
  const f = run({ disclosure: d, narrative }, "TXT-024");
  assert.equal(f.status, "failed");
  assert.equal(f.findings[0]!.line, 434);
  const agreeing = narrative.map((l) => ({ ...l, text: l.text.replace("166.68", "129.07") }));
  assert.equal(run({ disclosure: d, narrative: agreeing }, "TXT-024").status, "passed");
});

test("TXT-026: P053's 增加6915.49万元，其中基本支出减少了8627.56万元，项目支出增加15496.49万元 (wild golden)", () => {
  // wild/docs/P053, line 183; P186 line 434 adds up (49.12 + 117.56 = 166.68).
  const text =
    "2022年本部门预算支出较上年增加6915.49万元，其中基本支出减少了8627.56万元，项目支出增加15496.49万元。";
  const f = run({ disclosure: base({ year: 2022 }), narrative: [{ line: 183, text }] }, "TXT-026");
  assert.equal(f.findings[0]!.path, "/expenditure/change/total");
  assert.match(f.findings[0]!.message, /相差 46\.56 万元/);
  const ok =
    "2026年度一般公共预算拨款支出2796.14万元，比上年增加166.68万元，主要原因是基本支出增加49.12万元，项目支出增加117.56万元。";
  assert.equal(
    run({ disclosure: base(), narrative: [{ line: 434, text: ok }] }, "TXT-026").status,
    "passed",
  );
});

test("TXT-027: 其中 items above their total — P037's procurement and vehicles, P031's equipment; P031's nested 三公 list is fine", () => {
  const cases: [string, boolean][] = [
    // wild/docs/P037, line 740.
    [
      "2026年，福州市公安局交通管理支队政府采购预算总额0万元，其中：政府采购货物预算3456.6万元、政府采购工程预算0万元、政府采购服务预算4683.6万元。",
      true,
    ],
    // wild/docs/P031, line 137.
    ["单位价值50万元以上设备8台，其中，单位价值100万元以上设备15台。", true],
    // wild/docs/P031, line 122: a nested （其中…） list details one item.
    [
      "2025年“三公”经费预算数为458.50万元，其中，公务接待费28.50万元，公务用车购置及运行费400.00万元（其中，公务用车购置费150.00万元，公务用车运行费250.00万元），因公出国（境）费30.00万元。",
      false,
    ],
    // A corpus wording: "包括…" details 基本支出, it adds nothing to the list.
    [
      "2021年部门预算支出为1750.52万元，其中：基本支出1026.72万元，包括人员经费910.32万元和日常公用经费116.40万元；项目支出723.80万元。",
      false,
    ],
    // wild/pool/P065, line 222: a change is no whole.
    ["预算支出0.27万元，较上年增加0.0万元，其中会议费0.24万元，较上年无变化。", false],
  ];
  for (const [text, fails] of cases) {
    const r = run({ disclosure: base(), narrative: [{ line: 1, text }] }, "TXT-027");
    assert.equal(r.status === "failed", fails, text);
  }
});

test("PRF-028: P022's wording 共6个项目纳入绩效目标管理，涉及财政性资金合计… against the target tables", () => {
  // wild/docs/P022 wording, line 1012; the tables here are six projects adding up to 2,993.18.
  const budgets = [1000, 900, 500, 300, 200, 93.18];
  const d = base({
    performance: { projects: budgets.map((budget, i) => ({ name: `项目${i + 1}`, budget })) },
  });
  const text = (n: number, total: string) =>
    `本部门共${n}个项目纳入绩效目标管理，涉及财政性资金合计${total}万元，占财政性资金的42.38%。`;
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 1012, text: text(6, "2,993.18") }] }, "PRF-028")
      .status,
    "passed",
  );
  const total = run(
    { disclosure: d, narrative: [{ line: 1012, text: text(6, "2,999.18") }] },
    "PRF-028",
  );
  assert.match(total.findings[0]!.message, /2993\.18/);
  // More projects under management than tables published: only some publish tables.
  assert.equal(
    run({ disclosure: d, narrative: [{ line: 1012, text: text(9, "4,000") }] }, "PRF-028").status,
    "passed",
  );
  const fewer = run(
    { disclosure: d, narrative: [{ line: 1012, text: text(4, "2,000") }] },
    "PRF-028",
  );
  assert.equal(fewer.findings[0]!.expected, 6);
});

test("PRF-029: P061's goal 发布各类信息1400期 against its indicator 发布各类信息 60 期; an unrelated count is not paired", () => {
  // wild/pool/P061, project 中小企业、民营经济综合服务信息费.
  const indicator = (name: string, raw: string, value: number, unit: string, op?: ">=") => ({
    level1: "产出指标",
    level2: "数量指标",
    name,
    target: { raw, value, unit, ...(op ? { op } : {}) },
  });
  const project = (goals: string[]) =>
    base({
      performance: {
        projects: [
          {
            name: "中小企业、民营经济综合服务信息费",
            goals,
            indicators: [
              indicator("指标 1：发布各类信息", "60 期，2800 条", 60, "期"),
              indicator("指标 6：完成全国中小企业服务大数据平台月报", "12 次", 12, "次"),
              indicator("阅读量", "≥80万次", 80, "次", ">="),
            ],
          },
        ],
      },
    });
  const goals = [
    "目标1：发布各类信息1400期，总阅读量破300万次。目标2：完成全国中小企业服务大数据平台月报，完成中小企业网上调查问卷8次",
  ];
  const f = run({ disclosure: project(goals) }, "PRF-029");
  assert.equal(f.findings.length, 1);
  assert.equal(f.findings[0]!.path, "/performance/projects/0/indicators/0/target");
  assert.equal(
    run({ disclosure: project([goals[0]!.replace("1400期", "60期")]) }, "PRF-029").status,
    "passed",
  );
});

test("TXT-024: the same change printed to other decimals (16.627 and 16.62, a corpus wording) is one change", () => {
  const narrative = [
    { line: 99, text: "一般公共服务支出99.45万元，较上年增加16.627万元。" },
    { line: 102, text: "一般公共服务支出99.45万元，较上年增加16.62万元。" },
  ];
  assert.equal(run({ disclosure: base(), narrative }, "TXT-024").status, "passed");
});

test("CMP-004: P073's heading 二、机关运行经费预算 with 本单位无机关运行经费 explains it in words", () => {
  // wild/docs/P073, lines 332–333.
  const narrative = [
    { line: 58, text: "一、部门职责" },
    { line: 332, text: "二、机关运行经费预算" },
    { line: 333, text: "本单位无机关运行经费。" },
  ];
  assert.equal(run({ disclosure: base(), narrative }, "CMP-004").status, "passed");
  assert.equal(
    run({ disclosure: base(), narrative: narrative.slice(0, 1) }, "CMP-004").status,
    "failed",
  );
});

test("PRF-022: 效率 and 频率 are not rates, nor 及时性 (北京 pool: ≤15分钟, ≥12次, ≤7天); a 率 with a count still is", () => {
  for (const name of ["档案查询效率", "处室大数据分析使用频率", "报道及时性"])
    assert.equal(kindOfName(name), undefined, name);
  for (const name of ["车辆故障率", "项目完成率", "资金使用率（%）", "覆盖比例"])
    assert.equal(kindOfName(name), "rate", name);
  assert.equal(kindOfName("完成合同等档案整理数（件）"), "count");
});
