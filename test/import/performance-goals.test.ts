/**
 * 总体绩效目标 and 分项绩效目标: the overall goal under its heading or inline,
 * goals as numbered paragraphs in three forms (labelled 绩效目标/绩效指标
 * lines, text under a short heading, one paragraph whose first sentence is
 * the title), and diagnostics for sections that cannot be read.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractPerformanceGoals } from "../../src/import/sections/performance/goals.ts";
import { seedsDir } from "../support/paths.ts";

const goals = (text: string) => runExtractor(extractPerformanceGoals, text);

test("overall goal over wrapped lines; labelled goals with 绩效目标 and 绩效指标", () => {
  const text = [
    "第三部分 预算绩效信息",
    "（一）总体绩效目标",
    "2021年是“十四五”规划的开局之年，做好预算编制工作",
    "是确保高质量发展的重要保障。",
    "（二）分项绩效目标",
    "1．突出贡献企业表彰：计划奖励30家企业。",
    "绩效目标：1.推动高质量发展。2.表彰先进。",
    "绩效指标：1.获奖企业获得上级奖励资金500万元以上。",
    "2．洁净煤推广区级补贴：合计220万元。",
    "绩效目标：确保农户温暖过冬。",
  ].join("\n");
  const { disclosure, cites } = goals(text);
  const perf = disclosure.performance!;
  assert.equal(
    perf.overallGoal,
    "2021年是“十四五”规划的开局之年，做好预算编制工作是确保高质量发展的重要保障。",
  );
  assert.deepEqual(perf.goals, [
    {
      title: "突出贡献企业表彰：计划奖励30家企业。",
      goal: "1.推动高质量发展。2.表彰先进。",
      indicatorText: "1.获奖企业获得上级奖励资金500万元以上。",
    },
    { title: "洁净煤推广区级补贴：合计220万元。", goal: "确保农户温暖过冬。" },
  ]);
  assert.equal(cites.get("/performance/overallGoal"), 3);
  assert.equal(cites.get("/performance/goals/1"), 9);
});

test("a numbered goal wrapped over lines (PDF text) is one title up to its sentence end", () => {
  const text = [
    "（二）分项绩效目标",
    "   1．2020年全区突出贡献企业、人才表彰：2021年计划奖励30家企业、10名人才。奖励为",
    "纳税做出突出贡献的企业5家，每家奖励20万元，小计100万元；合计450",
    "万元。",
    "   绩效目标：1.推动高新区高质量发展。2.表彰先进，树立榜样，推动高新区工作再上新台",
    "阶。",
    "   绩效指标：1.获奖企业在2021年获得上级奖励资金500万元以上。",
    "   2．第七次全国人口普查：普查人员绩效费及保险50万元，办公费及印刷费10万元，合计",
    "60万元。",
    "   绩效目标：1.全面普查我区人口总量、结构。",
  ].join("\n");
  assert.deepEqual(goals(text).disclosure.performance?.goals, [
    {
      title:
        "2020年全区突出贡献企业、人才表彰：2021年计划奖励30家企业、10名人才。奖励为纳税做出突出贡献的企业5家，每家奖励20万元，小计100万元；合计450万元。",
      goal: "1.推动高新区高质量发展。2.表彰先进，树立榜样，推动高新区工作再上新台阶。",
      indicatorText: "1.获奖企业在2021年获得上级奖励资金500万元以上。",
    },
    {
      title: "第七次全国人口普查：普查人员绩效费及保险50万元，办公费及印刷费10万元，合计60万元。",
      goal: "1.全面普查我区人口总量、结构。",
    },
  ]);
});

test("one paragraph per goal: the first sentence is the title", () => {
  const text = [
    "总体绩效目标：围绕中心工作，扎实做好每项具体工作。",
    "职责分类绩效目标",
    "（1） 政务服务。突出政务、加强事务、提升服务。",
    "（2） 应急管理。建设运行维护好市政府应急平台。",
  ].join("\n");
  const perf = goals(text).disclosure.performance!;
  assert.equal(perf.overallGoal, "围绕中心工作，扎实做好每项具体工作。");
  assert.deepEqual(perf.goals, [
    { title: "政务服务", goal: "突出政务、加强事务、提升服务。" },
    { title: "应急管理", goal: "建设运行维护好市政府应急平台。" },
  ]);
});

test("goals as short headings with their text below", () => {
  const text = [
    "五、分项绩效目标",
    "1、推进产业结构调整",
    "贯彻落实工业政策法规，推进产业结构调整。",
    "2、政务管理",
    "负责应急管理工作。",
  ].join("\n");
  assert.deepEqual(goals(text).disclosure.performance?.goals, [
    { title: "推进产业结构调整", goal: "贯彻落实工业政策法规，推进产业结构调整。" },
    { title: "政务管理", goal: "负责应急管理工作。" },
  ]);
});

test("broken input: empty overall goal, goals without numbering — diagnosed with lines", () => {
  const text = [
    "一、总体绩效目标",
    "（一）年度目标",
    "二、分项绩效目标",
    "本年度绩效目标详见附表，此处不再列示。",
    "三、其他",
  ].join("\n");
  const { disclosure, diagnostics } = goals(text);
  assert.equal(disclosure.performance, undefined);
  assert.deepEqual(
    diagnostics.map((d) => [d.level, d.line]),
    [
      ["warning", 1],
      ["warning", 3],
    ],
  );
});

test("real seeds: seed 000's eleven (n) goals, seed 002's labelled goals", () => {
  const read = (name: string) =>
    goals(readFileSync(join(seedsDir, name), "utf8")).disclosure.performance!;
  const s000 = read("000_f6eb8ece6d8b211d.txt");
  assert.equal(s000.goals?.length, 11);
  assert.deepEqual(s000.goals?.[0], {
    title: "政务服务",
    goal: "突出政务、加强事务、提升服务，力求重点工作出精品，难点工作求突破，基础工作有创新，常规工作见特色。",
  });
  const s002 = read("002_30620b3058080950.txt");
  assert.equal(s002.goals?.length, 3);
  assert.equal(
    s002.goals?.[2]?.indicatorText,
    "1.全面完成高新区第七次全国人口普查工作任务。2.落实高新区人口相关数据。",
  );
  assert.match(s002.overallGoal ?? "", /^2021年是高新区“十四五”规划的开局之年/);
});
