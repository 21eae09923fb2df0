/**
 * Precision on the wild documents (issue 13 item 5): rules that fired on unseen documents for
 * what was not a defect — a sum with a part the text never states, a misread the importer now
 * leaves out — run on the documents' own figures; each still fires once a stated figure is wrong.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { runChecks } from "../../src/check/engine.ts";
import { FORMAT_ID, type Disclosure } from "../../src/model/disclosure.ts";
import type { Finding } from "../../src/check/types.ts";

const base = (extra: Partial<Disclosure> = {}): Disclosure => ({
  format: FORMAT_ID,
  amountUnit: "万元",
  kind: "budget",
  year: 2019,
  ...extra,
});

const run = (d: Disclosure, rule: string) => {
  const r = runChecks({ disclosure: d }).results.find((x) => x.rule.id === rule)!;
  return { status: r.status, reason: r.reason, findings: r.findings as Finding[] };
};

test("ARI-014: pool P058 states no change for 因公出国 (0 万元, 预算未做安排): the changes' sum is not evaluable", () => {
  // "“三公”经费预算18.6万元…较上年减少24.5万元…因公出国（境）经费0万元，预算未做安排；公务接待费8.6万元，
  // 较上年增加1.5万元…公务用车运行维护费10万元，较上年减少1万元"
  const threePublic = {
    total: 18.6,
    overseas: 0,
    vehicle: { total: 10, operation: 10 },
    reception: 8.6,
    change: { total: -24.5, vehicle: { operation: -1 }, reception: 1.5 },
  };
  const r = run(base({ threePublic }), "ARI-014");
  assert.equal(r.status, "notEvaluable");
  assert.match(r.reason!, /因公出国（境）费/);
  // Every item's change stated: the sum is compared, and −1 + 1.5 + 0 is not −24.5.
  const stated = { ...threePublic, change: { ...threePublic.change, overseas: 0 } };
  const f = run(base({ threePublic: stated }), "ARI-014");
  assert.equal(f.status, "failed");
  assert.equal(f.findings[0]!.severity, "error");
  stated.change.total = 0.5;
  assert.equal(run(base({ threePublic: stated }), "ARI-014").status, "passed");
});

test("TXT-003: pool P064's malformed “1,541.50.00 万元，较上年增加 493.27 万元” is no 50.00 万元 that grew by 493.27", () => {
  const sentence = (amount: string) => [
    {
      line: 317,
      text: `人员经费 ${amount} 万元，较上年增加 493.27 万元，主要原因是原市殡葬管理处改革。`,
    },
  ];
  const status = (amount: string) =>
    runChecks({ disclosure: base(), narrative: sentence(amount) }).results.find(
      (x) => x.rule.id === "TXT-003",
    )!.status;
  assert.notEqual(status("1,541.50.00"), "failed");
  assert.equal(status("1,541.50"), "passed");
  assert.equal(status("50.00"), "failed");
});

const indicator = (level1: string, name: string) => ({
  level1,
  level2: "",
  name,
  target: { raw: "≥90%" },
});
const project = (name: string, kinds: string[]) => ({
  name,
  indicators: kinds.map((k, i) => indicator(k, `${name}指标${i}`)),
});

test("PRF-016: pool P127 leaves 满意度 out of project after project — one finding naming them; an indicator row read as a project is skipped", () => {
  const full = ["产出指标", "效益指标", "满意度指标"];
  const noSatisfaction = ["产出指标", "效益指标"];
  const projects = [
    project("《北京市人民政府公报》制作发行服务", noSatisfaction),
    project("大数据安全管控技术试点服务项目", noSatisfaction),
    project("政务服务资源许可服务", noSatisfaction),
    project("政务服务宣传解读与推广服务", noSatisfaction),
    project("“政民对话”节目制作服务", full),
    project("首都医学科技创新成果转化优促计划", ["产出指标"]),
    // pool P109: "成本指标 经济成本指标 …工作成本" read as a project of its own.
    project("成本指标经济成本指标医疗机构传染病监督工作成本", ["成本指标"]),
  ];
  const r = run(base({ performance: { projects } }), "PRF-016");
  assert.equal(r.status, "failed");
  assert.equal(r.findings.length, 2);
  assert.match(
    r.findings[0]!.message,
    /^4 个项目缺少一级指标：满意度指标（项目「《北京市人民政府公报》/,
  );
  assert.match(r.findings[0]!.message, /等）$/);
  assert.equal(r.findings[0]!.path, "/performance/projects/0/indicators");
  assert.equal(
    r.findings[1]!.message,
    "项目「首都医学科技创新成果转化优促计划」缺少一级指标：效益、满意度指标",
  );
  const complete = projects.slice(4, 5);
  assert.equal(run(base({ performance: { projects: complete } }), "PRF-016").status, "passed");
});

test("PRF-024: indicator rows the importer could not read (pool P121) make a project without indicators not evaluable", () => {
  const projects = [
    project("7994-北京市中小企业公共服务平台网络市级枢纽平台运营服务", ["产出指标"]),
    project("8069-安全等保测评", []),
    project("4233-北京市传统工艺美术保护发展资金（征集类）项目", ["产出指标"]),
  ];
  const without = run(base({ performance: { projects } }), "PRF-024");
  assert.equal(without.status, "failed");
  assert.match(without.findings[0]!.message, /8069-安全等保测评/);
  const diagnostics = [
    {
      level: "warning" as const,
      section: "performance.projects",
      line: 627,
      message:
        "项目“7994-…”：第 627 行的项目在合并单元格中跨多行，无法确定哪些指标行属于本项目，本页指标未导入（indicator rows cannot be assigned to the project）",
    },
  ];
  const r = run(base({ performance: { projects }, diagnostics }), "PRF-024");
  assert.equal(r.status, "notEvaluable");
  assert.match(r.reason!, /第 627 行/);
});

test("TXT-008: P047's “人大事务（款）一般行政管理事务（项）支出0万元” is not 发展与改革事务's 一般行政管理事务", () => {
  const expenditureByFunction = [
    { code: "201", name: "一般公共服务支出", total: 979.62 },
    { code: "20104", name: "发展与改革事务", total: 979.62 },
    { code: "2010402", name: "一般行政管理事务", total: 979.62 },
  ];
  const d = base({ year: 2026, expenditureByFunction });
  const status = (text: string) =>
    runChecks({ disclosure: d, narrative: [{ line: 733, text }] }).results.find(
      (x) => x.rule.id === "TXT-008",
    )!.status;
  assert.notEqual(
    status("1.人大事务（款）一般行政管理事务（项）支出0万元，与上年持平。"),
    "failed",
  );
  assert.equal(status("3.发展与改革事务（款）一般行政管理事务（项）支出979.62万元。"), "passed");
  assert.equal(status("3.发展与改革事务（款）一般行政管理事务（项）支出97.62万元。"), "failed");
});

test("TXT-008: a text on all spending (P175's 城乡社区支出（类）842,090.31万元) beside a 一般公共预算 table of less", () => {
  const expenditureByFunction = [
    { code: "212", name: "城乡社区支出", total: 137692.11, project: 137692.11 },
    { code: "214", name: "交通运输支出", total: 52383.76, basic: 2103.06, project: 50280.7 },
  ];
  const text = "（4）城乡社区支出（类）支出 842,090.31 万元，主要用于轨道交通成本规制补助。";
  const status = (total: number, t = text) =>
    runChecks({
      disclosure: base({ year: 2026, expenditure: { total }, expenditureByFunction }),
      narrative: [{ line: 758, text: t }],
    }).results.find((x) => x.rule.id === "TXT-008")!.status;
  // 支出合计 984,760.87 > the table's 190,075.87: the text's larger figure may count other funds.
  assert.notEqual(status(984760.87), "failed");
  // The table covers all spending: the text contradicts it.
  assert.equal(status(190075.87), "failed");
  // A smaller figure than the table's is a contradiction either way.
  assert.equal(status(984760.87, text.replace("842,090.31", "1,000.00")), "failed");
});

test("CMP-011: a 机构设置 heading over a paragraph whose first line has no punctuation (P013), 机构编制 (深圳 P157), a unit named in the heading (上海 P091)", () => {
  const status = (narrative: { line: number; text: string }[]) =>
    runChecks({ disclosure: base({ year: 2026 }), narrative }).results.find(
      (x) => x.rule.id === "CMP-011",
    )!.status;
  const p013 = [
    { line: 93, text: "二、部门机构设置" },
    { line: 95, text: "广州市政务服务和数据管理局本级设10个内设机构及机关党" },
    { line: 96, text: "委（人事人才处）。内设机构分别是：办公室（保密工作办公" },
  ];
  assert.equal(status(p013), "passed");
  // A table of contents: the heading is followed by the next heading, nothing under it.
  assert.equal(status([p013[0]!, { line: 94, text: "三、部门预算单位构成" }]), "failed");
  const p157 = [
    { line: 59, text: "二、机构编制" },
    { line: 61, text: "本部门无独立核算下属单位，部门预算为本级预算，本部" },
  ];
  assert.equal(status(p157), "passed");
  assert.equal(status(p157.slice(1)), "failed");
  // pool P091: the 上海 template names the unit in a heading longer than others.
  const p091 = [
    { line: 45, text: "上海市统计和大数据研究院（上海市统计数据管理中心）（单位）机构设置" },
    {
      line: 47,
      text: "上海市统计和大数据研究院（上海市统计数据管理中心）单位设8个内设机构，包括：行政管理部（财务部）。",
    },
  ];
  assert.equal(status(p091), "passed");
  assert.equal(status(p091.slice(1)), "failed");
});

test("XPT-001: pool P061's 上年实户资金余额 on the income side is matched by an expenditure line not imported: not evaluable", () => {
  const income = (balance: number) => ({
    total: 105946.471506,
    items: [
      { source: "generalBudget" as const, label: "一般公共预算拨款", amount: 105364.266743 },
      { source: "business" as const, label: "事业收入", amount: 243 },
      { source: "other" as const, label: "上年实户资金余额", amount: balance },
    ],
  });
  const expenditure = {
    total: 105590.766743,
    otherItems: [{ label: "结转下年", amount: 16.5 }],
  };
  const r = run(base({ year: 2026, income: income(339.204763), expenditure }), "XPT-001");
  assert.equal(r.status, "notEvaluable");
  assert.match(r.reason!, /上年实户资金余额/);
  // No balance brought in: the totals are compared, and 339.2 万元 is missing.
  const none = { ...income(0), total: 105607.266743 + 339.204763 };
  assert.equal(run(base({ year: 2026, income: none, expenditure }), "XPT-001").status, "failed");
});

test("YOY-012: P022 states the reason after its rate (“减少 11.45%。主要原因是部分项目已完成”); without it the warning stays", () => {
  const d = base({
    year: 2026,
    expenditure: {
      total: 7065.18,
      previous: { total: 7978.66 },
      change: { total: -913.48 },
      changeRate: -11.45,
    },
  });
  const status = (text: string) =>
    runChecks({ disclosure: d, narrative: [{ line: 711, text }] }).results.find(
      (x) => x.rule.id === "YOY-012",
    )!.status;
  assert.equal(
    status("支出预算与上年相比减少 913.48 万元，减少 11.45%。主要原因是部分项目已完成，不再列支。"),
    "passed",
  );
  assert.equal(status("支出预算与上年相比减少 913.48 万元，减少 11.45%。"), "failed");
});
