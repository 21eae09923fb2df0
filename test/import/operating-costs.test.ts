/**
 * 机关运行经费: the narrative statement (definitions and table titles skipped),
 * its change and rate, the stated item list, and the 机关运行经费 table.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { extractOperatingCosts } from "../../src/import/sections/money/operating-costs.ts";
import type { Diagnostic, Disclosure } from "../../src/model/disclosure.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importDisclosure } from "../../src/import/index.ts";
import { corpusDir } from "../support/paths.ts";
import { LAYOUTS } from "../support/layout.ts";

function run(text: string): { disclosure: Disclosure; diagnostics: Diagnostic[] } {
  const { disclosure, diagnostics } = runExtractor(extractOperatingCosts, text);
  return { disclosure, diagnostics };
}

test("the heading names it, the next sentence states the amount", () => {
  const text = [
    "三、机关运行经费安排情况",
    "",
    "2020年开发区各部门公用经费支出1059万元。主要包括办公费、印刷费。",
  ].join("\n");
  assert.deepEqual(run(text).disclosure.operatingCosts, { amount: 1059 });
});

test("a definition (机关运行经费：指…) is not a statement; amount, decrease and rate over wrapped PDF lines", () => {
  const text = [
    "  （四）机关运行经费：指行政单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出，共10项。",
    "  2026 年本单位机关运行经费财政拨款预算 742.77 万元，",
    "",
    "较 2025 年年初预算减少 0.52 万元，下降 0.07%。主要是单位",
    "",
    "落实过紧日子要求，压减一般性支出。",
  ].join("\n");
  const oc = run(text).disclosure.operatingCosts!;
  assert.equal(oc.amount, 742.77);
  assert.equal(oc.change, -0.52);
  assert.equal(oc.changeRate, -0.07);
  assert.match(oc.explanation ?? "", /过紧日子/);
});

test("items listed in brackets, one without a unit; a rate-only change in the next sentence", () => {
  const text = [
    "三、机关运行经费情况说明",
    "为保障发改局正常运行，2021年安排机关运行经费29.41万元。对比2020年增加9.57%，主要原因：人员增加。具体情况如下：",
    "发改局2021年安排机关运行经费29.41万元（其中办公费5.4万元、邮电费4.6万元、公务用车运行维护费4.5、印刷费2万元），对比2020年增加9.57%。",
  ].join("\n");
  const oc = run(text).disclosure.operatingCosts!;
  assert.equal(oc.amount, 29.41);
  assert.equal(oc.changeRate, 9.57);
  assert.equal(oc.change, undefined);
  assert.deepEqual(oc.items, [
    { name: "办公费", amount: 5.4 },
    { name: "邮电费", amount: 4.6 },
    { name: "公务用车运行维护费", amount: 4.5 },
    { name: "印刷费", amount: 2 },
  ]);
});

test("the 机关运行经费 table's 合计 is preferred; a different narrative figure is reported", () => {
  const text = [
    "一般公共预算机关运行经费支出预算表",
    "部门：苏州市审计局                                                 单位：万元",
    "          科目编码                 科目名称            机关运行经费支出",
    "                     合计                                     395.60",
    "302                     商品和服务支出                             395.60",
    "  30201                 办公费                                  29.00",
    "  30202                 印刷费                                   5.00",
    "公开13表",
    "十二、一般公共预算机关运行经费支出预算情况说明",
    "2026 年本部门一般公共预算机关运行经费预算支出 395.0 万元，与上年相比减少 3.61 万元，减少 0.9%。",
  ].join("\n");
  const { disclosure, diagnostics } = run(text);
  const oc = disclosure.operatingCosts!;
  assert.equal(oc.amount, 395.6);
  assert.equal(oc.change, -3.61);
  assert.equal(oc.changeRate, -0.9);
  assert.deepEqual(oc.items, [
    { name: "办公费", amount: 29 },
    { name: "印刷费", amount: 5 },
  ]);
  assert.ok(diagnostics.some((d) => d.level === "warning" && d.line === 10));
});

test("no statement: nothing set, one diagnostic", () => {
  const { disclosure, diagnostics } = run("名词解释\n机关运行经费：是指各部门的公用经费。\n");
  assert.equal(disclosure.operatingCosts, undefined);
  assert.equal(diagnostics.length, 1);
});

test("items listed after 其中： in the next sentence, up to its end", () => {
  const text =
    "二、机关运行经费\n2023年机关运行经费预算100.20万元，比2022年预算数95.50万元增加4.70万元，增长4.92%。其中：办公费60.20万元、差旅费40.00万元。\n三、其他\n";
  const oc = run(text).disclosure.operatingCosts!;
  assert.deepEqual(oc.items, [
    { name: "办公费", amount: 60.2 },
    { name: "差旅费", amount: 40 },
  ]);
  assert.equal(oc.previous, 95.5);
});

test("a 其中 clause that is not a list of items is not read as one", () => {
  const text =
    "二、机关运行经费\n2023年机关运行经费预算100.20万元。其中：财政拨款安排的部分按规定使用，主要用于办公和差旅。\n";
  assert.equal(run(text).disclosure.operatingCosts!.items, undefined);
});

test("a bracketed list in the next part (the 三公 paragraph) is not the 机关运行经费's, in every layout", () => {
  // corpus 034: "（一）机关运行经费：…122.98 万元…" then "（二）“三公”经费预算：…5.00 万元（其中，公务用车购置费 0.00 万元，…）".
  const text = [
    "  （一）机关运行经费：2026 年长沙市信访局机关运行经费",
    "122.98 万元，比上年预算增加 7.20 万元，上升 6.22%。主要是",
    "人员增加，经费较上年增加。",
    "  （二）“三公”经费预算：2026 年长沙市信访局“三公”",
    "经费预算数为 8.00 万元，其中，公务接待费 3.00 万元，公务",
    "用车购置及运行费 5.00 万元（其中，公务用车购置费 0.00 万",
    "元，公务用车运行费 5.00 万元），因公出国（境）费 0.00 万",
    "元。",
  ].join("\n");
  for (const layout of LAYOUTS) {
    const oc = runExtractor(extractOperatingCosts, text, layout).disclosure.operatingCosts!;
    assert.deepEqual(
      oc,
      { amount: 122.98, change: 7.2, changeRate: 6.22, explanation: "人员增加，经费较上年增加" },
      layout,
    );
  }
  // A numbered line of a lower rank inside the part does not end it.
  const nested = [
    "（一）机关运行经费",
    "2026年机关运行经费 10.00 万元。具体如下：",
    "1.日常运转：10.00万元（其中办公费6.00万元、邮电费4.00万元）。",
    "（二）“三公”经费",
  ].join("\n");
  assert.deepEqual(run(nested).disclosure.operatingCosts!.items, [
    { name: "办公费", amount: 6 },
    { name: "邮电费", amount: 4 },
  ]);
});

test("corpus 034 (.txt and .pdf): 机关运行经费 stated without items; the 三公 vehicle split stays with 三公", async () => {
  for (const ext of ["txt", "pdf"]) {
    const { disclosure: d } = await importDisclosure(
      new Uint8Array(readFileSync(join(corpusDir, `034.${ext}`))),
    );
    assert.equal(d.operatingCosts?.amount, 122.98, ext);
    assert.equal(d.operatingCosts?.items, undefined, ext);
    assert.deepEqual(d.threePublic?.vehicle, { total: 5, purchase: 0, operation: 5 }, ext);
  }
});

test("a 其中： list in the amount's own sentence ends with that sentence, in every layout", () => {
  const text = [
    "五、机关运行经费情况说明",
    "2026年机关运行经费安排30万元，其中：办公费10万元，印刷费5万元，差旅费15万元。",
    "六、政府采购情况",
    "本部门无政府采购预算。",
  ].join("\n");
  for (const layout of LAYOUTS) {
    assert.deepEqual(
      runExtractor(extractOperatingCosts, text, layout).disclosure.operatingCosts,
      {
        amount: 30,
        items: [
          { name: "办公费", amount: 10 },
          { name: "印刷费", amount: 5 },
          { name: "差旅费", amount: 15 },
        ],
      },
      layout,
    );
  }
});

test("公务用车运行经费 in an earlier 三公 part and a bare 运行经费 elsewhere are not the 机关运行经费", () => {
  const text = [
    "四、“三公”经费",
    "2026年“三公”经费12万元，其中公务用车购置及运行经费8万元，公务接待费4万元。信息系统运行经费20万元列入项目支出。",
    "五、机关运行经费",
    "2026年机关运行经费预算30万元。",
  ].join("\n");
  assert.deepEqual(run(text).disclosure.operatingCosts, { amount: 30 });
  // Without the full name, a bare 运行经费 that is no vehicle's is the statement (corpus 031: "财政拨款运行经费 2115.63 万元").
  const bare = [
    "四、“三公”经费",
    "其中车辆运行经费8万元。",
    "五、其他",
    "2026年一般公共预算财政拨款运行经费 2115.63 万元，比 2025 年增加 1.05 万元。",
  ].join("\n");
  assert.equal(run(bare).disclosure.operatingCosts?.amount, 2115.63);
});

test("zero stated in words is a disclosed zero: 本单位无机关运行经费 (上海), 按照上述定义，无机关运行经费 (珠海)", () => {
  // 上海 P073 其他相关情况说明: the heading, then the one sentence; the definition above names it too.
  const shanghai = [
    "  （八）机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。",
    "二、机关运行经费预算",
    "    本单位无机关运行经费。",
  ].join("\n");
  const oc = runExtractor(extractOperatingCosts, shanghai);
  assert.deepEqual(oc.disclosure.operatingCosts, { amount: 0 });
  assert.equal(oc.cites.get("/operatingCosts/amount"), 3);
  // 珠海 P233: the reason wrapped over a page break, no amount printed.
  const zhuhai = [
    "元，增长0%，主要原因是本单位为非参照公务员法管理的事业单",
    "",
    "位，按照上述定义，无机关运行经费。",
  ].join("\n");
  assert.equal(run(zhuhai).disclosure.operatingCosts?.amount, 0);
  // A definition alone states nothing.
  assert.equal(run(shanghai.split("\n")[0]!).disclosure.operatingCosts, undefined);
});
