/** The engine: every rule ends in a status, crashes are isolated, findings carry source lines and rounding-aware tolerances. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { runChecks } from "../../src/check/engine.ts";
import { catalogue } from "../../src/check/catalogue.ts";
import { defineRule } from "../../src/check/rules/define.ts";
import { FORMAT_ID, type Disclosure } from "../../src/model/disclosure.ts";
import { printedPlaces, toleranceOf } from "../../src/check/tolerance.ts";

const base = (extra: Partial<Disclosure> = {}): Disclosure => ({
  format: FORMAT_ID,
  amountUnit: "万元",
  ...extra,
});

test("catalogue: at least 60 rules, unique stable IDs, complete metadata in Chinese", () => {
  assert.ok(catalogue.length >= 60, `${catalogue.length} rules`);
  const ids = catalogue.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of catalogue) {
    assert.match(r.id, /^(ARI|XPT|TXT|YOY|CMP|PRF|COD)-\d{3}$/);
    for (const field of [r.title, r.expects, r.tolerance, r.category])
      assert.match(field, /[\u4e00-\u9fa5]|无/, r.id);
    assert.ok(["error", "warning", "info"].includes(r.severity));
  }
  const families = new Set(catalogue.map((r) => r.family));
  assert.deepEqual([...families].sort(), [
    "arithmetic",
    "change",
    "codes",
    "completeness",
    "cross",
    "narrative",
    "performance",
  ]);
});

test("an empty disclosure: every rule reports a status, nothing crashes, arithmetic rules are not applicable", () => {
  const r = runChecks({ disclosure: base() });
  assert.equal(r.results.length, catalogue.length);
  assert.equal(r.coverage.crashed, 0);
  assert.equal(
    r.coverage.passed + r.coverage.failed + r.coverage.notApplicable + r.coverage.notEvaluable,
    catalogue.length,
  );
  for (const x of r.results.filter((x) => x.rule.family === "arithmetic"))
    assert.equal(x.status, "notApplicable", x.rule.id);
  assert.equal(r.coverage.findings.error, 0);
  // Completeness rules report what is missing.
  assert.ok(r.findings.some((f) => f.rule === "CMP-002" && f.path === "/expenditure"));
});

test("a crashing rule is reported as such and the others still run", () => {
  const boom = defineRule(
    {
      id: "TST-001",
      family: "arithmetic",
      severity: "error",
      category: "测试",
      title: "会崩溃的规则",
      expects: "无",
      tolerance: "无",
    },
    () => {
      throw new Error("坏了");
    },
  );
  const r = runChecks({ disclosure: base({ expenditure: { total: 10, basic: 4, project: 5 } }) }, [
    boom,
    ...catalogue,
  ]);
  assert.equal(r.results[0]!.status, "crashed");
  assert.match(r.results[0]!.reason!, /坏了/);
  assert.equal(r.coverage.crashed, 1);
  assert.ok(r.findings.some((f) => f.rule === "ARI-002"));
});

test("a broken equation cites both sides with their source lines, and the numbers and unit", () => {
  const d = base({
    expenditure: { total: 72899, basic: 10000, project: 62000 },
    sourceMap: {
      "/expenditure/total": { line: 40, text: "72899.00" },
      "/expenditure/basic": { line: 41, text: "10000.00" },
      "/expenditure/project": { line: 42, text: "62000.00" },
    },
  });
  const f = runChecks({ disclosure: d }).findings.find((x) => x.rule === "ARI-002")!;
  assert.equal(f.severity, "error");
  assert.equal(f.path, "/expenditure/total");
  assert.equal(f.line, 40);
  assert.deepEqual(f.lines, [40, 41, 42]);
  assert.equal(f.actual, 72899);
  assert.equal(f.expected, 72000);
  assert.equal(f.difference, 899);
  assert.equal(f.unit, "万元");
  assert.deepEqual(
    f.places?.map((p) => p.path),
    ["/expenditure/total", "/expenditure/basic", "/expenditure/project"],
  );
  assert.match(f.message, /72899/);
  assert.match(f.message, /899/);
});

test("a line is found on a descendant or an ancestor when the value itself is not cited", () => {
  const d = base({
    performance: {
      activities: [
        {
          duty: "职责",
          activity: "活动",
          indicators: [
            { name: "完成率", grades: {} },
            {
              name: "满意度",
              grades: { excellent: "≥95%", good: "≥90%", fair: "≥85%", poor: "<85%" },
            },
          ],
        },
      ],
    },
    sourceMap: { "/performance/activities/0/indicators/0/name": { line: 77, text: "完成率" } },
  });
  const f = runChecks({ disclosure: d }).findings.find((x) => x.rule === "PRF-006")!;
  assert.equal(f.path, "/performance/activities/0/indicators/0");
  assert.equal(f.line, 77);
});

test("tolerance: half a unit of the last printed digit, read from the printed text when known", () => {
  const d = base({
    sourceMap: {
      "/a": { line: 1, text: "12.30" },
      "/b": { line: 2, text: "873,617.00" },
      "/c": { line: 3, text: "72,899" },
    },
  });
  assert.equal(printedPlaces(d, "/a", 12.3), 2);
  assert.equal(toleranceOf(d, "/a", 12.3), 5000n);
  // Printed in 元 and converted: exact to the fen.
  assert.equal(printedPlaces(d, "/b", 87.3617), 6);
  assert.equal(toleranceOf(d, "/b", 87.3617), 0n);
  assert.equal(toleranceOf(d, "/c", 72899), 500000n);
  // Without a printed text: 2 decimals, or as many as the number carries.
  assert.equal(toleranceOf(d, undefined, 5), 5000n);
  assert.equal(toleranceOf(d, undefined, 52.606911), 0n);
});

test("a difference within rounding is a warning, beyond it an error", () => {
  const parts = [0, 198.37, 13.48, 0, 0, 32.46];
  const items = parts.map((v, i) => ({ category: `类别${i}`, depreciation: v }));
  const within = runChecks({
    disclosure: base({ assets: { total: { depreciation: 244.3 }, items } }),
  }).findings.find((f) => f.rule === "ARI-031")!;
  assert.equal(within.severity, "warning");
  assert.equal(within.difference, -0.01);
  const beyond = runChecks({
    disclosure: base({ assets: { total: { depreciation: 244.5 }, items } }),
  }).findings.find((f) => f.rule === "ARI-031")!;
  assert.equal(beyond.severity, "error");
});

test("seed 000's stated change: 基本支出 −3590 + 项目支出 +13600 ≠ +10000 is an error on /expenditure/change", () => {
  const d = base({ expenditure: { change: { total: 10000, basic: -3590, project: 13600 } } });
  const f = runChecks({ disclosure: d }).findings.find((x) => x.rule === "ARI-005")!;
  assert.equal(f.severity, "error");
  assert.equal(f.path, "/expenditure/change");
  assert.equal(f.difference, -10);
});

test("narrative: a comparison with the wrong year and a rate computed on this year are errors", () => {
  const d = base({ year: 2021, expenditure: { total: 1000, change: { total: 453.36 } } });
  const narrative = [
    { line: 124, text: "2021年部门预算较2010年增加453.36万元，其中：基本支出增加217.3万元。" },
    { line: 200, text: "六、“三公”经费等预算情况说明" },
    {
      line: 201,
      text: "2021 年本部门当年一般公共预算会议费 32 万元，较上年减少 14.2 万元（44.38%）。",
    },
  ];
  const r = runChecks({ disclosure: d, narrative });
  const year = r.findings.find((f) => f.rule === "TXT-001")!;
  assert.equal(year.line, 124);
  assert.equal(year.expected, 2020);
  assert.equal(year.actual, 2010);
  assert.ok(year.path!.startsWith("/expenditure/change"));
  const rate = r.findings.find((f) => f.rule === "TXT-002")!;
  assert.equal(rate.path, "/threePublic");
  assert.equal(rate.expected, -30.74);
  assert.match(rate.message, /本年数/);
});

test("two values read from the same printed token of one line make a broken equation a warning (a misread, not the document)", () => {
  const d = base({
    threePublic: { total: 112.61, overseas: 68.5, vehicle: { total: 38.6 }, reception: 38.6 },
    sourceMap: {
      "/threePublic/total": { line: 415, text: "112.61" },
      "/threePublic/overseas": { line: 415, text: "68.50" },
      "/threePublic/vehicle/total": { line: 415, text: "38.60" },
      "/threePublic/reception": { line: 415, text: "38.60" },
    },
  });
  const narrative = [{ line: 662, text: "公务接待费5.51万元。" }];
  const r = runChecks({ disclosure: d, narrative });
  const sum = r.findings.find((f) => f.rule === "ARI-010")!;
  assert.equal(sum.severity, "warning");
  assert.match(sum.message, /同一行的同一数字/);
  // The text cannot be called wrong while the table itself does not add up.
  assert.equal(r.findings.find((f) => f.rule === "TXT-004")!.severity, "warning");
  // Without the shared token the same numbers are an error.
  delete d.sourceMap;
  assert.equal(
    runChecks({ disclosure: d }).findings.find((f) => f.rule === "ARI-010")!.severity,
    "error",
  );
});

test("parts that may be incomplete: a total above them is a warning, below them an error", () => {
  const above = runChecks({
    disclosure: base({
      performance: {
        projects: [{ name: "信息化运行维护", budget: 2134.87, fiscalFunds: 1384.87 }],
      },
    }),
  });
  assert.equal(above.findings.find((f) => f.rule === "ARI-040")!.severity, "warning");
  const below = runChecks({
    disclosure: base({
      performance: { projects: [{ name: "项目", budget: 100, fiscalFunds: 90, otherFunds: 20 }] },
    }),
  });
  assert.equal(below.findings.find((f) => f.rule === "ARI-040")!.severity, "error");
});

test("a code shared by many projects (a 一级项目 code) is not a duplicate; two projects sharing one code are", () => {
  const projects = [
    "44194-法律援助办案补贴",
    "44210-法律援助值班补贴",
    "44216-案件卷宗档案数字化",
  ].map((name) => ({ name, code: "11000022T0000004" }));
  assert.equal(
    runChecks({ disclosure: base({ performance: { projects } }) }).findings.filter(
      (f) => f.rule === "COD-005",
    ).length,
    0,
  );
  const two = [
    { name: "项目规划编制、评审、监管等费用", code: "107-0401-YBN-OU62" },
    { name: "隐患排查经费", code: "107-0401-YBN-OU62" },
  ];
  const f = runChecks({ disclosure: base({ performance: { projects: two } }) }).findings.find(
    (x) => x.rule === "COD-005",
  )!;
  assert.equal(f.path, "/performance/projects/1/code");
  assert.equal(f.severity, "error");
});

test("a year stated earlier in the sentence (across ；) keeps later amounts out of this year's comparison", () => {
  const d = base({
    year: 2021,
    threePublic: {
      total: 8.48,
      overseas: 0,
      vehicle: { total: 7.92, purchase: 0, operation: 7.92 },
      reception: 0.56,
    },
  });
  const narrative = [
    {
      line: 132,
      text: "2020年“三公经费”预算总额为6.45万元，其中：因公出国（境）费0万元；公务用车运行费6.02万元，国内公务接待费0.43万元。",
    },
  ];
  assert.equal(
    runChecks({ disclosure: d, narrative }).findings.filter((f) => f.rule === "TXT-004").length,
    0,
  );
  const wrong = [
    {
      line: 130,
      text: "本部门2021年“三公经费”预算总额为8.48万元，其中：公务接待0.56万元；公务接待费0.65万元。",
    },
  ];
  assert.equal(
    runChecks({ disclosure: d, narrative: wrong }).findings.filter((f) => f.rule === "TXT-004")
      .length,
    1,
  );
});

test("a row the asset 合计 leaves out is reported once (ARI-036), the columns are compared without it (seed 003's table)", () => {
  const row = (
    category: string,
    originalValue: number,
    depreciation: number,
    netValue: number,
  ) => ({ category, originalValue, depreciation, netValue });
  const items = [
    row("土地、房屋及构筑物", 0, 0, 0),
    row("通用设备", 224.71, 198.37, 26.34),
    row("专用设备", 13.48, 13.48, 0),
    row("文物和陈列品", 0, 0, 0),
    row("图书、档案", 0, 0, 0),
    row("家具、用具、装具及动植物", 44.72, 32.46, 12.26),
    row("无形资产", 285.7, 91.72, 193.98),
  ];
  const r = runChecks({
    disclosure: base({
      assets: { total: { originalValue: 282.91, depreciation: 244.3, netValue: 38.61 }, items },
    }),
  });
  const of = (id: string) => r.findings.filter((f) => f.rule === id);
  assert.deepEqual(
    of("ARI-036").map((f) => f.path),
    ["/assets/items/6"],
  );
  assert.equal(of("ARI-030").length, 0, "282.91 is the sum of the rows it covers");
  // 244.31 and 38.60 against 244.30 and 38.61: rounding-level, reported as warnings to verify.
  assert.deepEqual(
    [...of("ARI-031"), ...of("ARI-032")].map((f) => [f.path, f.severity]),
    [
      ["/assets/total/depreciation", "warning"],
      ["/assets/total/netValue", "warning"],
    ],
  );
  // Without an omitted row the full sum is compared as before: an error.
  const r2 = runChecks({
    disclosure: base({ assets: { total: { originalValue: 282.91 + 100 }, items } }),
  });
  assert.equal(r2.findings.find((f) => f.rule === "ARI-030")?.severity, "error");
});

test("a functional row read as three values from two printed figures is a misread (warning), not a broken row (corpus 031 表七)", () => {
  const line = { code: "205", name: "教育支出", total: 182, basic: 182, project: 182 };
  const at = (text: string) =>
    runChecks({
      disclosure: base({
        expenditureByFunction: [line],
        sourceMap: { "/expenditureByFunction/0": { line: 635, text } },
      }),
    }).findings.find((f) => f.rule === "ARI-052")!;
  const misread = at(
    "205          教育支出                                  182.00                  182.00",
  );
  assert.equal(misread.severity, "warning");
  assert.match(misread.message, /只印有 2 个数字/);
  // Three figures printed that do not add up: the document's own error.
  assert.equal(at("205 教育支出 182.00 182.00 182.00").severity, "error");
});

test("PRF-006: an activity table without any grade has no 优良中差 columns (not applicable); with one graded indicator the blank ones are reported", () => {
  const graded = {
    name: "满意度",
    grades: { excellent: "≥95%", good: "≥90%", fair: "≥85%", poor: "<85%" },
  };
  const table = (indicators: { name: string; grades: Record<string, string> }[]) =>
    runChecks({
      disclosure: base({
        performance: { activities: [{ duty: "职责", activity: "活动", indicators }] },
      }),
    }).results.find((r) => r.rule.id === "PRF-006")!;
  assert.equal(
    table([
      { name: "完成率", grades: {} },
      { name: "次数", grades: {} },
    ]).status,
    "notApplicable",
  );
  const r = table([{ name: "完成率", grades: {} }, graded]);
  assert.equal(r.status, "failed");
  assert.deepEqual(
    r.findings.map((f) => f.path),
    ["/performance/activities/0/indicators/0"],
  );
});

test("YOY-004: a change and rate stated for another amount of the same sentence are not recomputed against 支出合计 (corpus 001's wording)", () => {
  const disclosure = base({
    expenditure: { total: 50616.94, change: { total: -21519.26 }, changeRate: -85.59 },
    sourceMap: {
      "/expenditure/change/total": { line: 3, text: "减少21,519.26万元，减少85.59%" },
      "/expenditure/changeRate": { line: 3, text: "减少21,519.26万元，减少85.59%" },
    },
  });
  const status = (text: string) =>
    runChecks({ disclosure, narrative: [{ line: 3, text }] }).results.find(
      (r) => r.rule.id === "YOY-004",
    )!;
  const other = status(
    "2026 年预算数 3,623.98 为万元，比 2025 年执行减少 21,519.26 万元，减少 85.59%，主要原因是年中追加投资。",
  );
  assert.equal(other.status, "notEvaluable");
  assert.match(other.reason!, /3623\.98/);
  // Without that amount the rate is recomputed from 支出合计 and reported.
  assert.equal(
    status("比 2025 年执行减少 21,519.26 万元，减少 85.59%，主要原因是年中追加投资。").status,
    "failed",
  );
});

test("PRF-001: 中 as the strict complement of 良 (优 ≥20 / 良 ≥12 / 中 <12, seed 000) is a partition; 良 ≤ the 优 threshold (seed 002) overlaps", () => {
  const run = (grades: Record<string, string>) =>
    runChecks({
      disclosure: base({
        performance: {
          activities: [
            {
              duty: "职责",
              activity: "活动",
              indicators: [{ name: "组织参展参会企业个数", grades }],
            },
          ],
        },
      }),
    }).findings.filter((f) => f.rule === "PRF-001");
  assert.equal(
    run({ excellent: "≥20家", good: "≥12家", fair: "＜12家", poor: "未执行" }).length,
    0,
  );
  assert.equal(run({ excellent: "≥20", good: "≤20", fair: "≤15", poor: "≤10" }).length, 1);
  // A reversed 中 with another threshold is still an overlap.
  assert.equal(
    run({ excellent: "≥20家", good: "≥12家", fair: "＜15家", poor: "未执行" }).length,
    1,
  );
});
