/**
 * The 项目绩效目标表 extractor on the real seeds and corpus (against the golden
 * files) and on small tables written in each text layout.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readText } from "../../src/import/readers/text.ts";
import { extractProjects } from "../../src/import/sections/projects/extract.ts";
import { splitGoals } from "../../src/import/sections/projects/table.ts";
import { spreadLabels } from "../../src/import/sections/projects/columns.ts";
import {
  FORMAT_ID,
  validateDisclosure,
  type Diagnostic,
  type Disclosure,
  type Project,
} from "../../src/model/disclosure.ts";
import { corpusDir, corpusGoldenDir, goldenDir, seedsDir, sharedDir } from "../support/paths.ts";
import { importDisclosure } from "../../src/import/index.ts";

function runProjects(text: string): {
  projects: Project[] | undefined;
  diagnostics: Diagnostic[];
  cites: Map<string, number>;
} {
  const { disclosure, diagnostics, cites } = runExtractor(extractProjects, text);
  return { projects: disclosure.performance?.projects, diagnostics, cites };
}

/** The golden files' matching rules (format.md): named keys, exact arrays, $length, $absent, whitespace-free strings. */
function mismatches(expect: unknown, actual: unknown, path: string, out: string[]): void {
  const isObj = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObj(expect) && "$absent" in expect) {
    if (actual !== undefined) out.push(`${path}: should be absent`);
  } else if (isObj(expect) && "$length" in expect) {
    if (!Array.isArray(actual) || actual.length !== expect.$length)
      out.push(`${path}: length ${String(expect.$length)} expected`);
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
  } else if (typeof expect === "string") {
    if (typeof actual !== "string" || actual.replace(/\s+/g, "") !== expect.replace(/\s+/g, ""))
      out.push(`${path}: "${expect}" expected, got ${JSON.stringify(actual)}`);
  } else if (expect !== actual)
    out.push(`${path}: ${String(expect)} expected, got ${String(actual)}`);
}

function goldenCases(
  golden: string,
  docs: string,
): { name: string; doc: string; projects: unknown }[] {
  return readdirSync(golden)
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const g = JSON.parse(readFileSync(join(golden, f), "utf8")) as {
        source: string;
        expect: { performance?: { projects?: unknown } };
      };
      return { name: f, doc: join(docs, g.source), projects: g.expect.performance?.projects };
    })
    .filter((c) => c.projects !== undefined);
}

for (const c of [...goldenCases(goldenDir, seedsDir), ...goldenCases(corpusGoldenDir, corpusDir)]) {
  test(`projects match the golden facts: ${c.name}`, () => {
    const { projects } = runProjects(readFileSync(c.doc, "utf8"));
    const out: string[] = [];
    mismatches(c.projects, projects, "/performance/projects", out);
    assert.deepEqual(out, []);
  });
}

test("documents without project tables get no projects (corpus 003, 007, 012, 017, 022)", () => {
  for (const name of ["003", "007", "012", "017", "022"]) {
    const { projects } = runProjects(readFileSync(join(corpusDir, `${name}.txt`), "utf8"));
    assert.equal(projects, undefined, name);
  }
});

test("seed 004: the garbled end yields what is readable plus diagnostics", () => {
  const file = readdirSync(seedsDir).find((f) => f.startsWith("004_"))!;
  const { projects, diagnostics } = runProjects(readFileSync(join(seedsDir, file), "utf8"));
  assert.equal(projects?.length, 7);
  assert.equal(projects![5]!.indicators, undefined);
  assert.equal(projects![6]!.indicators, undefined);
  assert.equal(projects![6]!.goals, undefined);
  const lines = diagnostics.map((d) => d.line);
  assert.ok(lines.includes(565), "the cut-off indicator row is reported");
  assert.ok(lines.includes(600), "the garbled 绩效目标 cell is reported");
  assert.ok(
    diagnostics.every((d) => d.section === "项目绩效目标表" && /[\u4e00-\u9fff]/.test(d.message)),
  );
});

test("cells layout: blank plan cells stay blank, merged 一级指标 carries down, split rows join", () => {
  const t = (cells: string[]) => cells.map((c) => `\t${c}`).join("\n") + "\n\n";
  const text =
    "部门预算 收入 支出\n\n1、测试项目绩效目标表\n" +
    t(["单位：元"]) +
    t(["项目编码", "107-0601-ABC", "项目名称", "测试项目"]) +
    t([
      "预算规模及资金用途",
      "预算数",
      "123,456.78",
      "其中：财政资金",
      "100,000.00",
      "其他资金",
      "",
    ]) +
    t(["", "用于测试"]) +
    t(["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"]) +
    t(["", "", "40", "", "100"]) +
    "\t绩效目标\n\t1、第一项\n2、第二项\n\n" +
    t(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]) +
    t(["产出指标", "数量指标", "场次", "举办场次", "≥5场", "计划"]) +
    t(["", "质量指标", "合格率"]) +
    t(["合格数占比", "100%", "标准"]) +
    t(["", "", "时效", "按时完成", "12月底前完成", ""]) +
    "后记\n";
  const { projects, cites } = runProjects(text);
  assert.equal(projects?.length, 1);
  const p = projects![0]!;
  assert.equal(p.code, "107-0601-ABC");
  assert.equal(p.name, "测试项目");
  assert.equal(p.budget, 12.345678); // 元 → 万元, exactly
  assert.equal(p.fiscalFunds, 10);
  assert.equal(p.otherFunds, undefined);
  assert.equal(p.purpose, "用于测试");
  assert.deepEqual(p.spendingPlan, { jun: 40, dec: 100 });
  assert.deepEqual(p.goals, ["第一项", "第二项"]);
  assert.equal(p.indicators?.length, 3);
  assert.deepEqual(p.indicators![1], {
    level1: "产出指标",
    level2: "质量指标",
    name: "合格率",
    description: "合格数占比",
    target: { raw: "100%", op: "=", value: 100, unit: "%" },
    basis: "标准",
  });
  assert.deepEqual(p.indicators![2]!.target, { raw: "12月底前完成", qualitative: true });
  assert.equal(p.indicators![2]!.level2, "质量指标");
  assert.equal(p.indicators![2]!.basis, undefined);
  assert.ok(cites.has("/performance/projects/0/budget"));
});

test("tabs layout: unit line above the table, 12月底 on its own row, header repeated on a new page", () => {
  const text = [
    "部门预算 收入 支出",
    "1. 测试经费绩效目标表",
    "",
    "303001 某某局（本级）",
    "",
    "单位：万元",
    "",
    "项目编码\t1303ABC 1\t\t项目名称\t测试经费",
    "预算规模及资金用途\t预算数\t8.00\t其中：财政资金\t8.00\t其他资金\t0",
    "\t预算数 8 万元。主要用于测试。",
    "资金支出计划（%）\t3 月底\t\t6 月底\t\t10 月底\t",
    "\t0\t\t50.00%\t\t75.00%\t",
    "12 月底\t100.00%\t\t\t\t\t",
    "绩效目标\t1. 保障运行； 2. 提高效率",
    "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据",
    "产出指标\t数量指标\t项数\t完成项数\t≥2 项\t工作要求",
    "\t质量指标\t合格率\t合格数占比\t100%\t工作要求",
    "\t时效指标\t及时率\t按时完成\t≥90%\t工作要求",
    "\t成本指标\t预算执行\t执行数占比\t≤100%\t工作要求",
    "效益指标\t社会效益指标\t效率\t提升效率\t≥98%按计划完成\t工作要求",
    "",
    "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据",
    "\t可持续影响指标\t持续\t持续运行\t2021 年底之前\t工作要求",
    "满意度指标\t服务对象满意度指标\t满意度\t受益对象满意\t≥90%\t问卷",
    "",
    "第三部分 名词解释",
  ].join("\n");
  const { projects } = runProjects(text);
  assert.equal(projects?.length, 1);
  const p = projects![0]!;
  assert.deepEqual(p.unit, { code: "303001", name: "某某局（本级）" });
  assert.equal(p.code, "1303ABC1");
  assert.equal(p.otherFunds, 0);
  assert.deepEqual(p.spendingPlan, { mar: 0, jun: 50, oct: 75, dec: 100 });
  assert.deepEqual(p.goals, ["保障运行；", "提高效率"]);
  assert.equal(p.indicators?.length, 7);
  assert.equal(p.indicators![3]!.level1, "产出指标");
  assert.equal(p.indicators![5]!.level1, "效益指标");
  assert.deepEqual(p.indicators![4]!.target, {
    raw: "≥98%按计划完成",
    op: ">=",
    value: 98,
    unit: "%",
  });
  assert.deepEqual(p.indicators![5]!.target, { raw: "2021 年底之前", qualitative: true });
});

test("columns layout: a multi-project list, wrapped names, a project repeated across a page break", () => {
  const text = [
    "部门预算 收入 支出",
    "                    2026年项目支出绩效目标表",
    "部门名称：某某局                                   单位：万元",
    "单位编码     单位（项目）名称       资金总额       绩效目标       一级指标   二级指标",
    "",
    "126001       某某局                 300.00",
    "",
    "126001       第一专项经费           100.00         完成第一项     产出指标   数量指标",
    "             （运行）                              工作",
    "",
    "126001       第二专项经费           200.00         完成第二项     产出指标   数量指标",
    "",
    "                    2026年项目支出绩效目标表",
    "单位编码     单位（项目）名称       资金总额       绩效目标       一级指标   二级指标",
    "126001       第二专项经费           200.00         完成第二项     效益指标   社会效益指标",
    "",
    "                    2026年部门整体支出绩效目标表",
    "126001       某某局                 300.00         整体目标       产出指标   数量指标",
  ].join("\n");
  const { projects } = runProjects(text);
  assert.deepEqual(
    projects?.map((p) => [p.name, p.budget, p.unit?.code]),
    [
      ["第一专项经费（运行）", 100, "126001"],
      ["第二专项经费", 200, "126001"],
    ],
  );
});

test("goals split at their numbering only", () => {
  assert.deepEqual(splitGoals("1、按时发放\n2、发放完成"), ["按时发放", "发放完成"]);
  assert.deepEqual(splitGoals("1. 优化现有 OA 系统； 2. 提高系统安全性"), [
    "优化现有 OA 系统；",
    "提高系统安全性",
  ]);
  assert.deepEqual(splitGoals("1.2021年完成3.5万元支出"), ["2021年完成3.5万元支出"]);
  assert.deepEqual(splitGoals("保障机关正常运转"), ["保障机关正常运转"]);
  assert.deepEqual(splitGoals("1.完成 2.5 项任务 2.验收"), ["完成 2.5 项任务", "验收"]);
});

test("columns layout: a one-project table from PDF text, its indicator grid aligned by position (corpus 001)", () => {
  const { projects, diagnostics } = runProjects(readFileSync(join(corpusDir, "001.txt"), "utf8"));
  const p = projects![0]!;
  assert.equal(p.name, "信息化运行维护");
  assert.equal(p.budget, 2134.87);
  assert.equal(p.fiscalFunds, 1384.87);
  assert.deepEqual(p.unit, { name: "国家信访局本级" });
  // As printed: 产出指标 spans five rows, 数量指标 one and 质量指标 four, labels centred in their merged cells.
  assert.deepEqual(
    p.indicators?.map((i) => [i.level1, i.level2, i.name, i.target.raw.replace(/\s+/g, "")]),
    [
      ["成本指标", "经济成本指标", "项目总成本", "≤2134.87万元"],
      ["产出指标", "数量指标", "数据中心设备维护量", "≥330台（套）"],
      ["产出指标", "质量指标", "设备完好率", "≥96%"],
      ["产出指标", "质量指标", "前端运维问题响应时间", "≤10分钟"],
      ["产出指标", "质量指标", "设备/系统故障恢复时间", "≤4小时"],
      ["产出指标", "质量指标", "系统软件反应速度", "≤4秒"],
      ["效益指标", "社会效益指标", "网络安全事件发生率", "≤0.5%"],
      ["效益指标", "生态效益指标", "绿色节能产品购置率", "≥95%"],
      ["满意度指标", "服务对象满意度指标", "使用部门满意率", "≥85%"],
    ],
  );
  // Table 2: the target and the score drift into one column, the 三级指标 into the 二级指标 column.
  assert.deepEqual(
    projects![1]!.indicators?.map((i) => [
      i.level1,
      i.level2,
      i.name,
      i.target.raw.replace(/\s+/g, ""),
    ]),
    [
      ["成本指标", "经济成本指标", "项目成本控制", "≤2706.79万元"],
      ["产出指标", "数量指标", "指导出台信访业务规范性文件", "≥1本"],
      ["产出指标", "数量指标", "舆情报告报送量", "≥55期"],
      ["产出指标", "数量指标", "《人民信访》发行量", "720000册"],
      ["产出指标", "数量指标", "形成的研究成果数", "≥38个"],
      ["产出指标", "质量指标", "购买货物一次性验收通过率", "≥95%"],
      ["产出指标", "质量指标", "接访和办公运行事故次数", "≤1次"],
      ["效益指标", "社会效益指标", "接访环境", "明显改善"],
      ["效益指标", "社会效益指标", "信访工作法治化水平", "持续提升"],
      ["效益指标", "生态效益指标", "绿色节能环保产品购置率", "≥100%"],
      ["满意度指标", "服务对象满意度指标", "舆情对信访正面中性评价占比", "≥85%"],
    ],
  );
  // Table 3: a name wrapped around its row, label pieces one character a line.
  assert.deepEqual(
    projects![2]!.indicators?.map((i) => [i.level2, i.name]),
    [
      ["经济成本指标", "项目成本控制"],
      ["数量指标", "信访业务主体培训班次"],
      ["数量指标", "培养实践锻炼、跟班学习干部人数"],
      ["数量指标", "信访业务主体培训人数"],
      ["质量指标", "培训合格率"],
      ["质量指标", "培训参与度"],
      ["时效指标", "培训计划按期完成率"],
      ["社会效益指标", "信访系统干部整体素质和业务能力"],
      ["服务对象满意度指标", "受训学员满意率"],
    ],
  );
  // Grids that cannot be aligned are left out with a warning, never imported askew.
  for (const q of projects!.slice(1)) {
    if (q.indicators) continue;
    assert.ok(
      diagnostics.some((d) => d.level === "warning" && d.message.includes(q.name)),
      q.name,
    );
  }
});

test("merged labels are spread over the rows around them", () => {
  // Labels centred at lines 10, 15 and 20; rows at 9..21.
  assert.deepEqual(spreadLabels([10, 15, 20], [9, 11, 13, 15, 17, 19, 21]), [0, 0, 1, 1, 1, 2, 2]);
  assert.deepEqual(spreadLabels([5], [1, 2, 3]), [0, 0, 0]);
  assert.deepEqual(spreadLabels([1, 2, 9], [1, 8]), [0, 2]);
});

test("a project table without a 项目名称 cell takes its name from the title", () => {
  const t = (cells: string[]) => cells.map((c) => `\t${c}`).join("\n") + "\n\n";
  const text =
    "部门预算 收入 支出\n\n2、2022年某某运行经费绩效目标表\n" +
    t(["单位：万元"]) +
    t(["预算规模及资金用途", "预算数", "5.00", "其中：财政资金", "5.00", "其他资金", "0"]) +
    t(["", "保障运行"]) +
    t(["绩效目标", "1、保障运行"]) +
    t(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]) +
    t(["产出指标", "数量指标", "保障天数", "保障天数", "≥250天", "工作计划"]) +
    "后记\n";
  const { projects, diagnostics } = runProjects(text);
  assert.equal(projects?.length, 1);
  assert.equal(projects![0]!.name, "2022年某某运行经费");
  assert.equal(projects![0]!.budget, 5);
  assert.equal(projects![0]!.purpose, "保障运行");
  assert.deepEqual(projects![0]!.indicators![0]!.target, {
    raw: "≥250天",
    op: ">=",
    value: 250,
    unit: "天",
  });
  assert.ok(diagnostics.some((d) => d.level === "info" && d.line === 3));
});

test("tables from a reader that keeps merged cells (span) read by column", () => {
  let line = 1;
  const row = (...cells: (string | [string, number])[]) => {
    const no = line++;
    return {
      line: no,
      cells: cells.map((c) =>
        typeof c === "string" ? { text: c, line: no } : { text: c[0], line: no, span: c[1] },
      ),
    };
  };
  const rows = [
    row("项目编码", "X-1", "项目名称", ["合并项目", 3]),
    row("预算规模及资金用途", "预算数", "10", ["其中：财政资金", 2], "8", "其他资金", "2"),
    row("", ["用于合并单元格测试", 6]),
    row(["资金支出计划（%）", 2], "3月底", "6月底", "10月底", "12月底"),
    row(["", 2], "", "50", "", "100"),
    row("绩效目标", ["1、读对列", 5]),
    row("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"),
    row("产出指标", "数量指标", "列数", "列数", "=6个", "设计"),
  ];
  const doc = {
    layout: "cells" as const,
    format: "docx",
    lines: rows.map((r) => ({ no: r.line, text: r.cells.map((c) => c.text).join("\t") })),
    blocks: [{ kind: "table" as const, line: 1, rows }],
  };
  const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
  extractProjects.run({ doc, disclosure, diagnose: () => {}, cite: () => {} });
  const p = disclosure.performance?.projects?.[0];
  assert.equal(p?.name, "合并项目");
  assert.equal(p?.fiscalFunds, 8);
  assert.equal(p?.otherFunds, 2);
  assert.equal(p?.purpose, "用于合并单元格测试");
  assert.deepEqual(p?.spendingPlan, { jun: 50, dec: 100 });
  assert.deepEqual(p?.indicators?.[0]?.target, { raw: "=6个", op: "=", value: 6, unit: "个" });
});

test("a disclosure cut off anywhere yields valid projects or none, never a crash", () => {
  for (const file of readdirSync(seedsDir).filter((f) => /^00[234]_/.test(f))) {
    const lines = readFileSync(join(seedsDir, file), "utf8").split("\n");
    for (let k = 1; k < 8; k++) {
      const text = lines.slice(0, Math.floor((lines.length * k) / 8)).join("\n");
      const doc = readText(text);
      const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
      extractProjects.run({ doc, disclosure, diagnose: () => {}, cite: () => {} });
      const checked = validateDisclosure(disclosure);
      assert.ok(
        checked.ok,
        `${file} cut at ${k}/8: ${checked.ok ? "" : JSON.stringify(checked.problems.slice(0, 2))}`,
      );
    }
  }
});

test("a project list printed one row a line: indicators read by their wording, each beside its project, a code run into a name cut off (corpus 004 .pdf text)", () => {
  const text = [
    "预算12表 项目支出绩效目标表",
    "                                                               金额单位：万元",
    "项目名称         项目总额     其中：       绩效目标       一级指标  二级指标     三级指标    绩效指标性质  本年绩效指标值  绩效度量单位",
    "                              财政资金",
    "11000022T000000444194-法律援助  560.000000  560.000000  维护受援人权益  产出指标  质量指标   符合相关办法要求  定性      符合要求",
    "                                                              效益指标  社会效益指标  挽回经济损失   ≥       3000     万元",
    "",
    "44210-值班补贴  1,582.550000  1,582.550000  提供咨询  满意度指标  服务对象满意度指标       咨询人员满意度      ≥   97    %",
    "                                                                    效益指标  可持续影响指标 案卷存放安全性  定性  良好",
    "                                                                    产出指标   数量指标            人民监督员履职人数 ＝    287     人",
    // The project's code on a line of its own after its rows (a merged cell of the list's first column).
    "11000022T0000004",
  ].join("\n");
  const { projects } = runProjects(text);
  assert.deepEqual(
    projects?.map((p) => [
      p.code,
      p.name,
      p.indicators?.map((i) => [i.level1, i.level2, i.name, i.target.raw]),
    ]),
    [
      // The code run into the name is cut at the length of the list's other codes.
      [
        "11000022T0000004",
        "44194-法律援助",
        [
          ["产出指标", "质量指标", "符合相关办法要求", "符合要求"],
          ["效益指标", "社会效益指标", "挽回经济损失", "≥3000万元"],
        ],
      ],
      [
        "11000022T0000004",
        "44210-值班补贴",
        [
          ["满意度指标", "服务对象满意度指标", "咨询人员满意度", "≥97%"],
          ["效益指标", "可持续影响指标", "案卷存放安全性", "良好"],
          ["产出指标", "数量指标", "人民监督员履职人数", "＝287人"],
        ],
      ],
    ],
  );
});

test("a project list whose indicator rows cannot be placed says so, naming the project and line (corpus 004 .txt, 034 .txt)", () => {
  for (const file of ["004.txt", "034.txt"]) {
    const { projects, diagnostics } = runProjects(readFileSync(join(corpusDir, file), "utf8"));
    // No indicator is guessed into a project; each project without indicators has a warning naming it.
    for (const p of projects!) {
      if (p.indicators?.length) continue;
      assert.ok(
        diagnostics.some(
          (d) => d.level === "warning" && d.message.includes(p.name) && d.line !== undefined,
        ),
        `${file}: ${p.name}`,
      );
    }
  }
});

test("a project list with merged 一级/二级指标 printed once: labels carried down, cells placed around the 指标性质, a project reprinted on a new page (corpus 034 .pdf text)", () => {
  const pad = (n: number) => " ".repeat(n);
  const text = [
    `${pad(40)}2026年项目支出绩效目标表`,
    "部门名称：某某局                                                                                      单位：万元",
    "单位编码   单位（项目）名称   资金总额   绩效目标       绩效指标",
    `${pad(48)}一级指标  二级指标      三级指标      指标值  指标值内容    评（扣）分标准    度量单位  指标值类型  备注`,
    "合计                         45.78",
    "126001  第一专项     35.78   完成调拨工作   成本指标  经济成本指标  总成本        35.78   不超过预算    偏离目标不得分    万元      ≤          20",
    `${pad(56)}社会成本指标  无            无      无            无                          定性`,
    `${pad(48)}产出指标  数量指标      调拨单位数    10      调拨单位数量  少1个减1分        个        ≥          10`,
    `${pad(58)}时效指标  调拨及时性    按时    确保及时调拨  未按时不得分                定性       5`,
    `${pad(58)}${pad(14)}受理及时率    95      受理率达95%   每低1个百分点减0.2分  %   ≥          5`,
    "",
    `${pad(40)}2026年项目支出绩效目标表`,
    "部门名称：某某局                                                                                      单位：万元",
    "单位编码   单位（项目）名称   资金总额   绩效目标       绩效指标",
    `${pad(48)}一级指标  二级指标      三级指标      指标值  指标值内容    评（扣）分标准    度量单位  指标值类型  备注`,
    "126001  第一专项     35.78   完成调拨工作   满意度指标  服务对象满意度指标  群众满意度  90  群众评价满意率  大于90%得满分   %   ≥   10",
    "        第二专项     10.00   保障运行       产出指标  质量指标      设备正常运行率  95  设备维修保障  每低1个百分点减0.5分  %  ≥  10",
    `${pad(56)}时效指标  不适用时效指标  无  不适用  不适用  定性`,
  ].join("\n");
  const { projects, diagnostics } = runProjects(text);
  assert.deepEqual(
    projects?.map((p) => [
      p.name,
      p.indicators?.map((i) => [i.level1, i.level2, i.name, i.target.raw, i.description ?? ""]),
    ]),
    [
      [
        "第一专项",
        [
          ["成本指标", "经济成本指标", "总成本", "≤35.78万元", "不超过预算"],
          ["成本指标", "社会成本指标", "无", "无", "无"],
          ["产出指标", "数量指标", "调拨单位数", "≥10个", "调拨单位数量"],
          ["产出指标", "时效指标", "调拨及时性", "按时", "确保及时调拨"],
          ["产出指标", "时效指标", "受理及时率", "≥95%", "受理率达95%"],
          ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "群众评价满意率"],
        ],
      ],
      [
        "第二专项",
        [
          ["产出指标", "质量指标", "设备正常运行率", "≥95%", "设备维修保障"],
          ["产出指标", "时效指标", "不适用时效指标", "无", "不适用"],
        ],
      ],
    ],
  );
  assert.deepEqual(
    diagnostics.filter((d) => d.level === "warning"),
    [],
  );
});

test("a project list where one merged cell wraps around its middle: its rows and its neighbour's are reported, not guessed (corpus 004 .pdf text)", () => {
  const text = [
    "预算12表 项目支出绩效目标表",
    "项目名称         项目总额     其中：       绩效目标       一级指标  二级指标     三级指标    绩效指标性质  本年绩效指标值  绩效度量单位",
    "                              财政资金",
    "44222-法援保障  6.957500  6.957500  保障法律援助  效益指标  社会效益指标  保障工作顺利开展  定性  良好",
    "                                                  效益指标  社会效益指标  宣传覆盖单位范围  ≥  800  家",
    "                              起草编纂《北京",
    "44951-法治研究  95.949000  95.949000  编纂法规汇编  产出指标  质量指标  印刷合格率  ≥  95  %",
    "46029-律师培训  103.000000  103.000000  举办培训  产出指标  数量指标  培训天数  ＝  1.5  天",
  ].join("\n");
  const { projects, diagnostics } = runProjects(text);
  assert.deepEqual(
    projects?.map((p) => [p.name, p.indicators?.map((i) => i.name)]),
    [
      ["44222-法援保障", undefined],
      ["44951-法治研究", undefined],
      ["46029-律师培训", ["培训天数"]],
    ],
  );
  for (const name of ["44222-法援保障", "44951-法治研究"]) {
    assert.ok(
      diagnostics.some(
        (d) =>
          d.level === "warning" && d.message.includes(name) && /cannot be assigned/.test(d.message),
      ),
      name,
    );
  }
});

const wildProjects = async (name: string) =>
  (await importDisclosure(new Uint8Array(readFileSync(join(sharedDir, "wild", name))))).disclosure
    .performance?.projects ?? [];

test("a list's header (单位名称 | 项目名称 | 金额 | 绩效目标): 金额 is no project (杭州 P030)", async () => {
  const got = await wildProjects("docs/P030.pdf");
  // 表11 has 31 rows, as the text says ("共计 31 个一级项目").
  assert.equal(got.length, 31);
  assert.ok(got.every((p) => p.name !== "金额" && p.budget !== undefined));
  assert.deepEqual(
    { name: got[0]!.name, budget: got[0]!.budget },
    { name: "法治杭州建设", budget: 69 },
  );
});

test("the unit's own row under 单位名称：… (its code, its name, the list's total) is no project (长沙 P031)", async () => {
  const got = await wildProjects("docs/P031.pdf");
  assert.equal(got.length, 14);
  assert.ok(got.every((p) => p.name !== "长沙市公安局"));
  assert.equal(got[0]!.name, "大型警保卫及基础设施安全保护工作经费");
});

/** 北京 预算表12: one project per 17-character code + "NNNN-" name, however often the table prints it. */
const projectKey = (p: Project) => `${p.code ?? ""}${/^\d{4}-/.exec(p.name)?.[0] ?? p.name}`;

test("北京 预算表12 with drawn rules: each project once, its code split off, budget 财政资金 + 其他资金, indicators from its band, over page breaks (P105 .pdf)", async () => {
  const got = await wildProjects("pool/P105.pdf");
  // 61 distinct code + number pairs in the table (18 distinct 17-character codes, shared by projects).
  assert.equal(got.length, 61);
  assert.equal(new Set(got.map(projectKey)).size, 61);
  assert.ok(got.every((p) => !/项目名称|项目总额|财政资金|其他资金|^\d{8}[A-Z]/.test(p.name)));
  const by = (name: string) => got.find((p) => p.name === name)!;
  assert.deepEqual(
    {
      code: by("2127-购买考试服务支出项目").code,
      budget: by("2127-购买考试服务支出项目").budget,
      fiscal: by("2127-购买考试服务支出项目").fiscalFunds,
      indicators: by("2127-购买考试服务支出项目").indicators?.length,
    },
    { code: "11000021T00000012", budget: 3109.488, fiscal: 3109.488, indicators: 6 },
  );
  // Printed again over the next page's header: one project, its indicators on both pages.
  assert.equal(by("2413-绩效审计购买服务").budget, 34.27);
  assert.equal(by("2413-绩效审计购买服务").indicators?.length, 6);
  assert.equal(by("2745-城市标线维护项目").budget, 4742.94);
  // A name wrapped over a page break, its amount printed only on the second page.
  assert.equal(by("2938-道路交通信号灯专用设备采购项目（第四期）").budget, 1228);
  // One name over eleven amounts (its units' parts): no 项目总额 is taken for the project's, and the
  // parts' indicators are not run together into one list that repeats itself.
  assert.equal(by("2892-执法办案经费").budget, undefined);
  assert.equal(by("2892-执法办案经费").indicators, undefined);
  assert.equal(got.filter((p) => p.name === "2892-执法办案经费").length, 1);
});

test("北京 预算表12 with drawn rules: 其他资金 read beside 财政资金, a code cut over a page break joined (P151, P111 .pdf)", async () => {
  const p151 = await wildProjects("pool/P151.pdf");
  assert.equal(p151.length, 21);
  assert.equal(new Set(p151.map(projectKey)).size, 21);
  const survey = p151.find((p) => p.name === "6100-北京市法人单位经营情况调查项目")!;
  assert.deepEqual(
    [survey.code, survey.budget, survey.fiscalFunds, survey.otherFunds],
    ["11000022T00000044", 238.33, 235.585, 2.745],
  );
  const p111 = await wildProjects("pool/P111.pdf");
  assert.equal(new Set(p111.map(projectKey)).size, p111.length);
  const audit = p111.find((p) => p.name === "6102-成本监审工作经费")!;
  assert.deepEqual([audit.code, audit.budget], ["11000022T00000045", 142]);
  assert.ok(p111.every((p) => !/^[0-9A-Z]+$/.test(p.name)));
});

test("北京 预算表12 on pages that draw only the indicator columns: the name and amounts printed there as plain text name the rows' project (P096, P141 .pdf)", async () => {
  const p096 = await wildProjects("pool/P096.pdf");
  // 83 distinct code + number pairs in the table; from p48 on, pages draw only the indicator columns.
  assert.equal(p096.length, 83);
  assert.equal(new Set(p096.map(projectKey)).size, 83);
  assert.ok(
    p096.every(
      (p) =>
        /^\d{4}-/.test(p.name) && !/项目名称|项目总额|财政资金|其他资金|^\d{8}[A-Z]/.test(p.name),
    ),
  );
  const site = p096.find((p) => p.name === "3869-北京版权资源信息平台运维项目")!;
  // Its band starts on p47's last row, goes over p48 (indicators only, the name printed there) and p49's first rows.
  assert.deepEqual(
    [site.code, site.budget, site.fiscalFunds, site.indicators?.length],
    ["11000025Y00000333", 374.403, 374.403, 20],
  );
  const p141 = await wildProjects("pool/P141.pdf");
  assert.equal(p141.length, 228);
  assert.equal(new Set(p141.map(projectKey)).size, 228);
  // "11000022T0000004" | "93828-世界旅游城…": the code's last digit printed with the number.
  const forum = p141.find((p) => p.name === "3828-世界旅游城市联合会政府定额资助")!;
  assert.deepEqual([forum.code, forum.budget], ["11000022T00000049", 1968.28]);
  const festival = p141.find((p) => p.name === "4055-北京国际音乐节")!;
  assert.deepEqual([festival.code, festival.budget], ["11000022T00000049", 1140]);
});

test("北京 预算表12: a name printed as plain text over rows whose name cells are drawn empty (P109 p40), and past pages that draw only the indicators (P109 .pdf)", async () => {
  const got = await wildProjects("pool/P109.pdf");
  // 233 distinct code + number pairs (3 with the code on a line of its own, counted by hand).
  assert.equal(got.length, 233);
  assert.equal(new Set(got.map(projectKey)).size, 233);
  assert.ok(
    got.every(
      (p) =>
        /^\d{4}-/.test(p.name) && !/项目名称|项目总额|财政资金|其他资金|^\d{8}[A-Z]/.test(p.name),
    ),
  );
  const by = (name: string) => got.find((p) => p.name === name)!;
  assert.deepEqual(
    [by("3717-卫生科教综合管理").budget, by("3717-卫生科教综合管理").indicators?.length],
    [567.1, 7],
  );
  assert.equal(by("3774-医学教育培训工作").budget, 1556.04);
  assert.equal(by("8891-传染病防治项目").budget, 691.786392);
  // 项目总额 1,735.31 beside 财政资金 1,735.306746: no budget is read.
  assert.equal(by("8913-公共卫生危害因素监测与干预项目").budget, undefined);
});
