/**
 * Performance-target attachments uploaded apart from a disclosure (广州, wild pool):
 * the 部门整体预算绩效目标申报表's 预算整体情况 block (P170) gives the
 * department's expenditure and income; the 项目支出绩效目标表（含转移支付项目）
 * (P172) lists its projects a row each, under their units' rows, every project's
 * indicators run together in one cell. Excerpts of both, as the PDF reader draws
 * them and as pdftotext prints them, and the two whole files.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importDisclosure } from "../../src/import/index.ts";
import { extractIncome } from "../../src/import/sections/money/income.ts";
import { extractExpenditure } from "../../src/import/sections/money/expenditure.ts";
import { extractProjects } from "../../src/import/sections/projects/extract.ts";
import { readIndicators } from "../../src/import/sections/projects/fund-list.ts";
import type { PartExtractor } from "../../src/import/sections/context.ts";
import type { SourceDocument } from "../../src/import/source-document.ts";
import {
  FORMAT_ID,
  validateDisclosure,
  type Diagnostic,
  type Disclosure,
} from "../../src/model/disclosure.ts";
import { runExtractor } from "../support/run-extractor.ts";
import { sharedDir } from "../support/paths.ts";

const pool = join(sharedDir, "wild", "pool");
const skip = !existsSync(pool) && "no ../shared/wild/pool";

/** A PDF's drawn table, one row a line: each row's cells as the reader gives them ("^": the lower part of a merged cell). */
function drawnDocument(rows: string[][]): SourceDocument {
  return {
    layout: "columns",
    format: "pdf",
    blocks: [],
    lines: rows.map((cells, i) => ({
      no: i + 1,
      text: cells.filter((c) => c !== "^").join("    "),
      page: 1,
      drawnRow: {
        table: 0,
        cells: cells.map((text) => ({
          text: text === "^" ? "" : text,
          span: 1,
          continued: text === "^",
        })),
      },
    })),
  };
}

function run(
  doc: SourceDocument,
  ...extractors: PartExtractor[]
): { disclosure: Disclosure; diagnostics: Diagnostic[]; cites: Map<string, string | undefined> } {
  const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
  const diagnostics: Diagnostic[] = [];
  const cites = new Map<string, string | undefined>();
  for (const e of extractors)
    e.run({
      doc,
      disclosure,
      diagnose: (level, message, section, line) =>
        diagnostics.push({
          level,
          message,
          ...(section ? { section } : {}),
          ...(line ? { line } : {}),
        }),
      cite: (pointer, _line, text) => cites.set(pointer, text),
    });
  return { disclosure, diagnostics, cites };
}

// P170 (广州市政务服务和数据管理局), 预算整体情况 as the PDF reader draws it: the amount and
// the next label share a cell ("12,634.14 财政拨款"), the block's title a merged cell.
const P170_DRAWN = [
  ["部门名称", "广州市政务服务和数据管理局"],
  ["预算整体情况", "部门预算支出", "预算金额（万元）", "收入来源", "预算金额（万元）"],
  ["^", "基本支出", "12,634.14 财政拨款", "", "98,880.78"],
  ["^", "项目支出", "86,246.64 其他资金", "", "0.00"],
  ["^", "事业发展性支出", "预算金额（万元）", "按预算级次划分", "预算金额（万元）"],
  ["^", "财政专项资金", "0.00 市本级使用资金", "", "98,880.78"],
  ["^", "其他事业发展性支出", "0.00 拟用于对下转移支付资金", "", "0.00"],
];

// The same, as pdftotext -layout prints it (P170.txt lines 1-13).
const P170_TEXT = `                                  部门整体预算绩效目标申报表
部门名称        广州市政务服务和数据管理局

            部门预算支出       预算金额（万元）                 收入来源            预算金额（万元）

            基本支出                          12,634.14 财政拨款                                       98,880.78

            项目支出                          86,246.64 其他资金                                           0.00
预算整体情况
            事业发展性支出      预算金额（万元）                 按预算级次划分         预算金额（万元）

            财政专项资金                           0.00 市本级使用资金                                      98,880.78

            其他事业发展性支出                        0.00 拟用于对下转移支付资金                                      0.00
`;

const P170_EXPECTED = {
  expenditure: { basic: 12634.14, project: 86246.64, total: 98880.78 },
  income: {
    items: [
      { source: "fiscalUnsplit", label: "财政拨款", amount: 98880.78 },
      { source: "other", label: "其他资金", amount: 0 },
    ],
    total: 98880.78,
  },
};

test("部门整体预算绩效目标申报表: 预算整体情况 gives 基本支出, 项目支出 and the 收入来源 as printed, the totals said to be sums (P170, drawn)", () => {
  const { disclosure, diagnostics, cites } = run(
    drawnDocument(P170_DRAWN),
    extractIncome,
    extractExpenditure,
  );
  assert.deepEqual(
    { expenditure: disclosure.expenditure, income: disclosure.income },
    P170_EXPECTED,
  );
  assert.equal(cites.get("/expenditure/basic"), "12,634.14");
  assert.equal(cites.get("/income/items/0/amount"), "98,880.78");
  const said = diagnostics.map((d) => d.message).join("\n");
  assert.match(said, /支出合计按两项之和计为98880\.78万元/);
  assert.match(said, /收入来源各项之和98880\.78万元等于基本支出与项目支出之和/);
  assert.doesNotMatch(said, /未找到收入总表|未找到支出总表/);
});

test("部门整体预算绩效目标申报表: the pdftotext layout reads alike (P170.txt)", () => {
  const { disclosure } = runExtractor(extractIncome, P170_TEXT, "columns");
  assert.deepEqual(disclosure.income, P170_EXPECTED.income);
  const { disclosure: d2 } = runExtractor(extractExpenditure, P170_TEXT, "columns");
  assert.deepEqual(d2.expenditure, P170_EXPECTED.expenditure);
});

test("预算整体情况 listing more than 基本支出 and 项目支出 and no total: the parts are read, no total is made up", () => {
  const rows = P170_DRAWN.slice(0, 4).concat([["^", "其他支出", "5.00", "", ""]]);
  const { disclosure, diagnostics } = run(drawnDocument(rows), extractIncome, extractExpenditure);
  assert.equal(disclosure.expenditure?.total, undefined);
  assert.equal(disclosure.expenditure?.basic, 12634.14);
  // The income side no longer balances a known whole: its total is left absent too.
  assert.equal(disclosure.income?.total, undefined);
  assert.ok(diagnostics.some((d) => /支出合计未导入/.test(d.message)));
});

test("P170.pdf: the department's money from the form, no year guessed", { skip }, async () => {
  const { disclosure } = await importDisclosure(
    new Uint8Array(readFileSync(join(pool, "P170.pdf"))),
  );
  assert.equal(disclosure.year, undefined);
  assert.equal(disclosure.department?.name, "广州市政务服务和数据管理局");
  assert.deepEqual(
    { expenditure: disclosure.expenditure, income: disclosure.income },
    P170_EXPECTED,
  );
  assert.deepEqual(disclosure.sourceMap?.["/expenditure/project"]?.location, { page: 1, line: 5 });
});

// P172 (广州市生态环境局), page 1 and page 62 of the list: the header, 合计, unit rows, projects.
const HEADER = [
  "项目名称（资金使用单位）",
  "总计：",
  "财政拨款",
  "财政专户拨款",
  "其他资金",
  "绩效目标",
  "绩效指标",
];
const P172_ROWS = [
  HEADER,
  ["合计：", "37,367.86", "35,790.09", "", "1,577.77", "", ""],
  ["广州市生态环境局", "12,887.86", "12,887.86", "", "", "", ""],
  [
    "广州市镇（街）园区环保监督检查员经费（越秀区）",
    "238.00",
    "238.00",
    "",
    "",
    "通过开展广州市建立镇（街）园区环境保护监督检查员队伍，有利于强化落实镇（街）环境保护属地责任，健全完善环保监管责任体制，全面提升基层环保工作水平。",
    "1.1－产出指标，11－数量指标，项目专职环保员数量；实施周期指标值：≦核定人数，年度指标值：≦核定人数；2、1－产出指标，12－质量指标，环境应急事件响应率；实施周期指标值：100%，年度指标值：100%;3、1－产出指标，12－质量指标，专职环保员队伍管理规范化；实施周期指标值：考察是否符合规范，合规得满分，不合规不得分。年度指标值：是；1、1－产出指标，13－时效指标，项目资金支付及时率；实施周期指标值：100%，年度指标值：100%;2、2－效益指标，22－社会效益，环保信访投诉办结率；实施周期指标值：≥90%，年度指标值：≥90%;3、2－效益指标，22－社会效益，辖区内污染源巡查率；实施周期指标值：≥80%，年度指标值：≥80%;",
  ],
  HEADER,
  ["广州市生态环境局天河分局", "1,292.42", "1,178.82", "", "113.60", "", ""],
  [
    "区财政安排经费项目",
    "113.60",
    "0.00",
    "",
    "113.60",
    "1.通过开展天河区生态环境保护“十四五”规划终期评估与“十五五”规划研究编制工作，达到系统总结过往成效与不足的效果。\n2.通过开展美丽天河建设规划(2025-2035年)编制及美丽单元策划项目，达到统筹生态环境保护的效果。",
    "1.4－成本指标，41－经济成本指标，不超过预算（万元）；实施周期指标值：实际支出不超过预算，年度指标值：实际支出不超过预算；2、1－产出指标，11－数量指标，编制任务；实施周期指标值：3份，年度指标值：3份；3、1－产出指标，13－时效指标，完成时限；实施周期指标值：2026年完成“十五五”规划编制，年度指标值：2026年年底完成“十五五”规划编制；",
  ],
];

test("项目支出绩效目标表（含转移支付项目）: each project once under its unit, 总计 split into 财政拨款 + 其他资金, goals and one-cell indicators (P172, drawn)", () => {
  const { disclosure, diagnostics } = run(drawnDocument(P172_ROWS), extractProjects);
  const projects = disclosure.performance?.projects ?? [];
  assert.deepEqual(
    projects.map((p) => [p.unit?.name, p.name, p.budget, p.fiscalFunds, p.otherFunds]),
    [
      ["广州市生态环境局", "广州市镇（街）园区环保监督检查员经费（越秀区）", 238, 238, undefined],
      ["广州市生态环境局天河分局", "区财政安排经费项目", 113.6, 0, 113.6],
    ],
  );
  const [first, second] = projects;
  assert.equal(first!.goals?.length, 1);
  assert.equal(second!.goals?.length, 2);
  assert.deepEqual(
    first!.indicators?.map((i) => [i.level1, i.level2, i.name, i.target.raw]),
    [
      ["产出指标", "数量指标", "项目专职环保员数量", "≦核定人数"],
      ["产出指标", "质量指标", "环境应急事件响应率", "100%"],
      ["产出指标", "质量指标", "专职环保员队伍管理规范化", "是"],
      ["产出指标", "时效指标", "项目资金支付及时率", "100%"],
      ["效益指标", "社会效益", "环保信访投诉办结率", "≥90%"],
      ["效益指标", "社会效益", "辖区内污染源巡查率", "≥80%"],
    ],
  );
  assert.deepEqual(first!.indicators?.[4]?.target, { raw: "≥90%", op: ">=", value: 90, unit: "%" });
  // The year's value, not the period's.
  assert.equal(second!.indicators?.[2]?.target.raw, "2026年年底完成“十五五”规划编制");
  // An excerpt: the list's 合计 is not what its two projects add up to, and says so.
  assert.ok(diagnostics.some((d) => /项目表合计为37,367\.86万元/.test(d.message)));
  assert.equal(validateDisclosure(disclosure).ok, true);
});

test("one-cell indicators: items run on after 。 or an empty 年度指标值 are split, a blank year's target left out (P172 cells)", () => {
  // P172 row 433: item 3 ends with 。 and no ；.
  const a = readIndicators(
    "2、1－产出指标，13－时效指标，按时办结率；实施周期指标值：≥80%，年度指标值：≥80%;3、2－效益指标，23－生态效益，地块土壤环境质量达到管控要求。实施周期指标值：符合《土壤污染状况调查技术导则》等技术规范要求，地块土壤环境质量达到管控要求。年度指标值：符合《土壤污染状况调查技术导则》等技术规范要求，地块土壤环境质量达到管控要求。4、3－满意度指标，31－服务对象满意度，建设项目环评审批申请人满意率；实施周期指标值：≥80%，年度指标值：≥80%;",
  );
  assert.deepEqual(
    a.indicators.map((x) => [x.indicator.level1, x.indicator.name, x.yearly]),
    [
      ["产出指标", "按时办结率", "≥80%"],
      [
        "效益指标",
        "地块土壤环境质量达到管控要求",
        "符合《土壤污染状况调查技术导则》等技术规范要求，地块土壤环境质量达到管控要求",
      ],
      ["满意度指标", "建设项目环评审批申请人满意率", "≥80%"],
    ],
  );
  // P172 row 686: item 6's 年度指标值 is blank, item 7 follows at once.
  const b = readIndicators(
    "6、1－产出指标，12－质量指标，总结报告通过专家评审；实施周期指标值：通过验收，年度指标值：7、2－效益指标，23－生态效益，PM2.5年均浓度；实施周期指标值：≤30微克/立方米，年度指标值：≤30微克/立方米；",
  );
  assert.deepEqual(b.noYearly, ["总结报告通过专家评审"]);
  assert.deepEqual(
    b.indicators.map((x) => [x.indicator.level2, x.indicator.name, x.yearly]),
    [["生态效益", "PM2.5年均浓度", "≤30微克/立方米"]],
  );
  // A name holding its own ； and a value's label misprinted (》for ：): kept as printed.
  const c = readIndicators(
    "3、1－产出指标，12－质量指标，系统维护；数据整合、对接；实施周期指标值：正常，年度指标值：正常；3、1－产出指标，13－时效指标，合同进度执行率；实施周期指标值》90%，年度指标值》90%;",
  );
  assert.deepEqual(
    c.indicators.map((x) => [x.indicator.name, x.yearly]),
    [
      ["系统维护；数据整合、对接", "正常"],
      ["合同进度执行率", "》90%"],
    ],
  );
  assert.deepEqual([a.unread, b.unread, c.unread], [[], [], []]);
});

test("P172.pdf: 300 projects under their 35 units, each indicator item read, the units' rows and 合计 agree", {
  skip,
}, async () => {
  const { disclosure } = await importDisclosure(
    new Uint8Array(readFileSync(join(pool, "P172.pdf"))),
  );
  const projects = disclosure.performance?.projects ?? [];
  assert.equal(projects.length, 300);
  assert.ok(projects.every((p) => p.unit?.name && p.budget !== undefined && p.indicators?.length));
  assert.equal(new Set(projects.map((p) => p.unit?.name)).size, 35);
  assert.ok(!projects.some((p) => /^合计|^广州市生态环境局$/.test(p.name)));
  // 1,771 items printed, one without a 年度指标值.
  assert.equal(
    projects.reduce((n, p) => n + (p.indicators?.length ?? 0), 0),
    1770,
  );
  const problems = (disclosure.diagnostics ?? []).filter((d) => d.section === "项目绩效目标表");
  assert.deepEqual(
    problems.map((d) => d.message),
    [
      "项目“大气污染防治专项经费”：绩效指标「总结报告通过专家评审」未填年度指标值，未导入（no 年度指标值 printed）",
    ],
  );
});
