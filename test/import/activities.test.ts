/**
 * The 部门职责—工作活动绩效目标 extractor on the real seeds (checked against
 * the golden files) and on small tables written in each text layout.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readText } from "../../src/import/readers/text.ts";
import { extractActivities } from "../../src/import/sections/performance/activities.ts";
import type { Diagnostic, Disclosure } from "../../src/model/disclosure.ts";

const shared = resolve(
  process.env.GONGKAI_SHARED ?? join(dirname(fileURLToPath(import.meta.url)), "../../../shared"),
);

export function runActivities(text: string): {
  disclosure: Disclosure;
  diagnostics: Diagnostic[];
  cites: Map<string, number>;
} {
  return runExtractor(extractActivities, text);
}

/** The golden files' matching rules (format.md): named keys, exact arrays, whitespace-free strings. */
function mismatches(expect: unknown, actual: unknown, path: string, out: string[]): void {
  const isObj = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObj(expect) && "$absent" in expect) {
    if (actual !== undefined) out.push(`${path}: should be absent`);
  } else if (Array.isArray(expect)) {
    if (!Array.isArray(actual) || actual.length !== expect.length)
      out.push(
        `${path}: length ${expect.length} expected, got ${Array.isArray(actual) ? actual.length : typeof actual}`,
      );
    else expect.forEach((e, i) => mismatches(e, actual[i], `${path}/${i}`, out));
  } else if (isObj(expect)) {
    if (!isObj(actual)) out.push(`${path}: object expected`);
    else for (const [k, v] of Object.entries(expect)) mismatches(v, actual[k], `${path}/${k}`, out);
  } else if (typeof expect === "number") {
    if (
      typeof actual !== "number" ||
      Math.abs(actual - expect) > 5e-7 * Math.max(1, Math.abs(expect))
    )
      out.push(`${path}: ${expect} expected, got ${String(actual)}`);
  } else if (String(expect).replace(/\s+/g, "") !== String(actual ?? "").replace(/\s+/g, "")) {
    out.push(`${path}: "${String(expect)}" expected, got "${String(actual)}"`);
  }
}

for (const seed of ["000_f6eb8ece6d8b211d", "001_aa68b1c0ad40feab", "002_30620b3058080950"]) {
  test(`seed ${seed}: activities match the golden file`, () => {
    const golden = JSON.parse(readFileSync(join(shared, "golden", `${seed}.json`), "utf8"));
    const expected = golden.expect.performance.activities;
    const { disclosure, cites } = runActivities(
      readFileSync(join(shared, "seeds", `${seed}.txt`), "utf8"),
    );
    const out: string[] = [];
    mismatches(expected, disclosure.performance?.activities, "/performance/activities", out);
    assert.deepEqual(out, []);
    // Every activity name points at the source line it was read from.
    const lines = readFileSync(join(shared, "seeds", `${seed}.txt`), "utf8").split("\n");
    disclosure.performance!.activities!.forEach((a, i) => {
      const line = cites.get(`/performance/activities/${i}/activity`);
      assert.ok(
        line && lines[line - 1]!.includes(a.activity.slice(0, 6)),
        `activity ${i} cited at line ${line}`,
      );
    });
  });
}

test("rows split by a page break or blank line are joined and reported (golden notes: 001 line 2928, 002 element 5)", () => {
  const joined = (seed: string) =>
    runActivities(readFileSync(join(shared, "seeds", `${seed}.txt`), "utf8"))
      .diagnostics.filter((d) => /拆开/.test(d.message))
      .map((d) => d.line);
  assert.deepEqual(joined("001_aa68b1c0ad40feab"), [2928]);
  const lines = readFileSync(join(shared, "seeds", "002_30620b3058080950.txt"), "utf8").split("\n");
  const at = joined("002_30620b3058080950");
  assert.equal(at.length, 1);
  assert.match(lines[at[0]! - 1]!, /支持工业技术改造/);
});

test("seeds without the table yield no activities and no complaint", () => {
  for (const seed of ["003_728ba56877c78465", "004_51b2d206ba941185"]) {
    const { disclosure, diagnostics } = runActivities(
      readFileSync(join(shared, "seeds", `${seed}.txt`), "utf8"),
    );
    assert.equal(disclosure.performance?.activities, undefined);
    assert.deepEqual(diagnostics, []);
  }
});

// A Word export ("cells"): a two-row header with 评价标准 over 优/良/中/差, duty rows
// numbered 一、 with their budget, activities numbered 1、, empty cells as lone tabs,
// continuation rows, and a row cut by a page break (a blank line mid-row).
const CELLS = [
  "部门职责-工作活动绩效目标",
  "",
  "\t单位：元",
  "",
  "\t职责活动\n\t年度预算数\n\t内容描述\n\t绩效目标\n\t绩效指标\n\t评价标准",
  "",
  "\t\n\t\n\t\n\t\n\t\n\t优\n\t良\n\t中\n\t差",
  "",
  "\t一、财政管理\n\t1,234,500\n\t管好财政\n\t财政目标\n\t\n\t\n\t\n\t\n\t",
  "",
  "\t　　1、预算编制\n\t50000\n\t编制预算\n\t按时编制\n\t编制及时率\n\t≥95%\n\t≥90%\n\t≥85%\n\t<85%",
  "",
  "\t\n\t\n\t\n\t\n\t预算公开率\n\t100%\n\t\n\t\n\t未公开",
  "",
  "\t　　2、决算管理\n\t\n\t编制决算，",
  "报送审批\n\t及时准确\n\t决算及时率",
  "",
  "\t≥95%\n\t≥90%\n\t≥85%\n\t<85%",
  "",
  "\t二、统计调查\n\t\n\t统计\n\t数据准确\n\t\n\t\n\t\n\t\n\t",
  "",
  "\t　　1、数据采集\n\t\n\t采集数据\n\t按期上报\n\t上报率\n\t办结率达\n95%以上\n\t≥90%\n\t≥80%\n\t<80%",
  "",
  "六、政府采购预算情况",
  "本部门无政府采购。",
].join("\n");

test("cells layout: two-row header, duty rows, blank cells, split rows, 元 → 万元", () => {
  const { disclosure, diagnostics } = runActivities(CELLS);
  const acts = disclosure.performance!.activities!;
  assert.deepEqual(
    acts.map((a) => [a.duty, a.dutyBudget, a.activity, a.budget]),
    [
      ["财政管理", 123.45, "预算编制", 5],
      ["财政管理", 123.45, "决算管理", undefined],
      ["统计调查", undefined, "数据采集", undefined],
    ],
  );
  assert.deepEqual(acts[0]!.indicators, [
    { name: "编制及时率", grades: { excellent: "≥95%", good: "≥90%", fair: "≥85%", poor: "<85%" } },
    { name: "预算公开率", grades: { excellent: "100%", poor: "未公开" } },
  ]);
  assert.equal(acts[0]!.description, "编制预算");
  assert.equal(acts[0]!.goal, "按时编制");
  // The row cut by the page break keeps its grades in their columns.
  assert.equal(acts[1]!.description, "编制决算，报送审批");
  assert.deepEqual(acts[1]!.indicators, [
    { name: "决算及时率", grades: { excellent: "≥95%", good: "≥90%", fair: "≥85%", poor: "<85%" } },
  ]);
  assert.equal(acts[2]!.indicators![0]!.grades.excellent, "办结率达95%以上");
  const splitLine = CELLS.split("\n").findIndex((l) => l.includes("决算管理")) + 1;
  assert.deepEqual(
    diagnostics.map((d) => [d.level, d.line]),
    [["info", splitLine]],
  );
});

// The same kind of table as tab-separated rows, with separate 职责名称/活动名称 columns
// and a one-row header whose grade columns are printed 优/良/中/差.
const TABS = [
  "部门职责—工作活动绩效目标表",
  "职责名称\t职责描述\t职责目标\t活动名称\t活动描述\t绩效目标\t绩效指标\t指标描述\t优\t良\t中\t差",
  "一、信访问题处理\t负责信访\t维护稳定\t1.信访业务办理\t办理来信来访\t提高办理质量\t按期结案率\t按期办结占比\t≥80%\t≥75%\t≥70%\t＜70%",
  "\t\t\t\t\t提高办理质量\t受理及时率\t及时受理占比\t\t\t\t",
  "\t\t\t2.督查督办\t督办案件\t推动解决\t督办案件数\t年度督办数量\t≥8次\t7次\t6次\t＜6次",
  "宣传工作\t宣传\t思想建设\t理论学习\t组织学习\t提升素养\t\t\t\t\t\t",
  "",
  "三、其他说明",
  "收支总表",
  ...Array.from(
    { length: 10 },
    (_, i) => `支出项目${i + 1}\t${(i + 1) * 10}.00\t${(i + 1) * 5}.00`,
  ),
].join("\n");

test("tabs layout: separate duty and activity columns, continuation rows, blank grades absent", () => {
  assert.equal(readText(TABS).layout, "tabs");
  const { disclosure } = runActivities(TABS);
  const acts = disclosure.performance!.activities!;
  assert.deepEqual(
    acts.map((a) => [a.duty, a.activity, a.description, a.goal, a.indicators!.length]),
    [
      ["信访问题处理", "信访业务办理", "办理来信来访", "提高办理质量", 2],
      ["信访问题处理", "督查督办", "督办案件", "推动解决", 1],
      ["宣传工作", "理论学习", "组织学习", "提升素养", 0],
    ],
  );
  assert.deepEqual(acts[0]!.indicators![1], {
    name: "受理及时率",
    description: "及时受理占比",
    grades: {},
  });
  assert.deepEqual(acts[1]!.indicators![0]!.grades, {
    excellent: "≥8次",
    good: "7次",
    fair: "6次",
    poor: "＜6次",
  });
});

// PDF text (pdftotext -layout): columns by character position, cells wrapped over
// lines, a page number between pages, grades one space apart.
/** One line of PDF text: each text starts at its character column. */
function at(...parts: [number, string][]): string {
  let line = "";
  for (const [x, text] of parts) line = line.padEnd(x, " ") + text;
  return line;
}
const COLUMNS = [
  at([20, "部门职责-工作活动绩效目标"]),
  "",
  at(
    [0, "职责名称"],
    [10, "活动名称"],
    [20, "活动描述"],
    [36, "绩效指标"],
    [46, "优"],
    [54, "良"],
    [62, "中"],
    [70, "差"],
  ),
  at(
    [0, "一、信访问题"],
    [10, "1、信访业务"],
    [20, "办理人民群众来信、来访、"],
    [36, "信访事项按期"],
    [46, "≥80%"],
    [54, "≥75%"],
    [62, "≥70%"],
    [70, "＜70%"],
  ),
  at([0, "处理"], [10, "办理"], [20, "网上信访"], [36, "结案率"]),
  at([36, "受理及时率"], [46, "≥90%"], [54, "≥85%"], [62, "≥80%"], [70, "＜80%"]),
  at(
    [10, "2、督查督办"],
    [20, "负责指导全区信访督查、复"],
    [36, "督办信访案件"],
    [46, "≥8次及"],
    [54, "7次"],
    [62, "6次"],
    [70, "＜6次"],
  ),
  at([20, "查复核、听证等工作"], [36, "数"], [46, "以上"]),
  "",
  at([40, "- 3 -"]),
  "",
  at(
    [0, "二、宣传思想"],
    [10, "3、思想理论"],
    [20, "理论学习"],
    [36, "学习次数"],
    [46, "≥12次 ≥10次"],
    [62, "≥8次 ＜8次"],
  ),
  at([0, "工作"], [10, "建设"]),
  "",
  "",
  "",
  "",
  "七、名词解释",
].join("\n");

test("columns layout: cells placed by position, wrapped lines joined, page furniture skipped", () => {
  assert.equal(readText(COLUMNS).layout, "columns");
  const { disclosure } = runActivities(COLUMNS);
  const acts = disclosure.performance!.activities!;
  assert.deepEqual(
    acts.map((a) => [a.duty, a.activity, a.description]),
    [
      ["信访问题处理", "信访业务办理", "办理人民群众来信、来访、网上信访"],
      ["信访问题处理", "督查督办", "负责指导全区信访督查、复查复核、听证等工作"],
      ["宣传思想工作", "思想理论建设", "理论学习"],
    ],
  );
  assert.deepEqual(
    acts.map((a) => a.indicators!.map((i) => [i.name, i.grades.excellent, i.grades.poor])),
    [
      [
        ["信访事项按期结案率", "≥80%", "＜70%"],
        ["受理及时率", "≥90%", "＜80%"],
      ],
      [["督办信访案件数", "≥8次及以上", "＜6次"]],
      [["学习次数", "≥12次", "＜8次"]],
    ],
  );
});

test("a title without a recognisable table is reported, not skipped silently", () => {
  const text = [
    "一、部门职责",
    "",
    "部门职责-工作活动绩效目标",
    "",
    "（本部门未编制工作活动绩效目标）",
    "",
    "二、收支预算",
  ].join("\n");
  const { disclosure, diagnostics } = runActivities(text);
  assert.equal(disclosure.performance?.activities, undefined);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.line, 3);
  assert.match(diagnostics[0]!.message, /未识别出表头/);
});

test("a table cut off mid-row keeps what is readable and does not crash", () => {
  const cut = CELLS.slice(0, CELLS.lastIndexOf("\t≥95%\n\t≥90%"));
  const { disclosure, diagnostics } = runActivities(cut);
  const acts = disclosure.performance!.activities!;
  assert.deepEqual(
    acts.map((a) => a.activity),
    ["预算编制", "决算管理"],
  );
  const cutLine = cut.split("\n").findIndex((l) => l.includes("决算管理")) + 1;
  assert.ok(
    diagnostics.some(
      (d) => d.level === "warning" && d.line === cutLine && /少于表头列数/.test(d.message),
    ),
    JSON.stringify(diagnostics),
  );
  assert.equal(acts[1]!.indicators![0]!.name, "决算及时率");
  assert.deepEqual(acts[1]!.indicators![0]!.grades, {});
});

test("combined 职责活动 column with unnumbered duties; budget unit from the header cell", () => {
  const text = [
    "部门职责-工作活动绩效目标",
    "职责活动\t年度预算数（元）\t内容描述\t绩效目标\t绩效指标\t评价标准\t\t\t",
    "\t\t\t\t\t优\t良\t中\t差",
    "财政管理\t200000\t管好财政\t\t\t\t\t\t",
    "1.预算编制\t150000\t编制预算\t按时编制\t编制及时率\t≥95%\t≥90%\t≥85%\t<85%",
    "\t\t\t\t预算公开率\t100%\t\t\t未公开",
    "2.决算管理\t50000\t编制决算\t及时准确\t决算及时率\t≥95%\t≥90%\t≥85%\t<85%",
    "统计调查\t\t统计\t\t\t\t\t\t",
    "1.数据采集\t\t采集数据\t按期上报\t上报率\t≥90%\t≥80%\t≥70%\t<70%",
    "",
    ...Array.from({ length: 6 }, (_, i) => `收入项目${i + 1}\t${i + 1}.00\t${i + 1}.00`),
  ].join("\n");
  assert.equal(readText(text).layout, "tabs");
  const acts = runActivities(text).disclosure.performance!.activities!;
  assert.deepEqual(
    acts.map((a) => [a.duty, a.dutyBudget, a.activity, a.budget, a.indicators!.length]),
    [
      ["财政管理", 20, "预算编制", 15, 2],
      ["财政管理", 20, "决算管理", 5, 1],
      ["统计调查", undefined, "数据采集", undefined, 1],
    ],
  );
});

test("two activity tables (a department and its unit) are both read, in order", () => {
  const second = CELLS.replace("财政管理", "教育管理").replace("预算编制", "课程建设");
  const acts = runActivities(`${CELLS}\n\n${second}`).disclosure.performance!.activities!;
  assert.deepEqual(
    acts.map((a) => `${a.duty}/${a.activity}`),
    [
      "财政管理/预算编制",
      "财政管理/决算管理",
      "统计调查/数据采集",
      "教育管理/课程建设",
      "教育管理/决算管理",
      "统计调查/数据采集",
    ],
  );
});
