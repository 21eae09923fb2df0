/**
 * The wild documents as `pdftotext -layout` printed them (issue 13): classes of layout the
 * text path misread where the PDF path did not, each on real excerpts of the wild .txt files.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readText } from "../../src/import/readers/text.ts";
import { extractIncome } from "../../src/import/sections/money/income.ts";
import { extractThreePublic } from "../../src/import/sections/three-public/extract.ts";
import { extractProjects } from "../../src/import/sections/projects/extract.ts";
import { extractFunctionLines } from "../../src/import/sections/classification/function-lines.ts";
import { runExtractor } from "../support/run-extractor.ts";

/** P162.txt, lines 201–236. */
const P162_SUMMARY = [
  "表一",
  "",
  "                     2026 年部门收支总体情况表",
  "单位名称:重庆市商务委员会                                                           单位:万元",
  "",
  "                收入                                        支出",
  "",
  "      项    目           预 算 数                     项    目        预 算 数",
  "",
  "       合   计                   174,900",
  "                                     .64         合    计                174,900",
  "                                                                             .64",
  "一、一般公共预算资金                     101,833",
  "                                     .84 一、一般公共服务支出                    23,103",
  "                                                                            .76",
  "二、政府性基金预算资金                    41,534",
  "                                    .73 二、教育支出                         55,670",
  "                                                                            .32",
  "三、国有资本经营预算资金                               三、社会保障和就业支出                  7,686",
  "                                                                            .68",
  "四、财政专户管理资金                     22,070",
  "                                    .82 四、卫生健康支出                        1,872",
  "                                                                            .52",
  "五、事业收入资金                        2,461",
  "                                    .25 五、资源勘探工业信息等支出                  41,772",
  "                                                                            .73",
  "六、上级补助收入资金                                 六、商业服务业等支出                  42,846",
  "                                                                            .68",
  "七、附属单位上缴收入资金                               七、住房保障支出                     1,947",
  "                                                                            .94",
  "八、事业单位经营收入资金                    6,282",
  "                                    .98",
  "九、其他收入资金                          717",
  "                                    .01",
  "",
  "注:由于四舍五入因素,部分分项加和与合计可能略有差异,下同。",
  "",
].join("\n");

/** P162.txt, lines 1310–1320: amounts cut after their thousands comma as well. */
const P162_PROJECT_BUDGET = [
  " 项目名称                    市商务发展专项                      主管部门                 重庆市商务委员会",
  "",
  "                                                      市级支出                  40,",
  "                                                                              624",
  "                                                                                .00",
  " 当年预算                     46,",
  "                            794",
  "                              .00",
  "                                                      补助区县                  6,",
  "                                                                             170",
  "                                                                               .00",
].join("\n");

/** P166.txt, lines 17–23. */
const P166_NARRATIVE = [
  "气办公室等2个地方气象事业机构以及社团组织重庆市气象学会。",
  "  二、部门收支总体情况",
  "  (一)收入预算:2026年年初预算数14,770",
  "                         .62万元,其中:一般公共预算拨款12,672",
  "                                               .73万元,政府性基金",
  "预算拨款579",
  "      .89万元,事业收入资金 388 万元,其他收入资金 1,130 万元。收入比 2025 年增加 2,515",
].join("\n");

/** P162.txt, lines 111–118. */
const P162_THREE_PUBLIC_TEXT = [
  "  四、“三公”经费情况说明",
  "  2026年 “三公”经费预算890             .22万元。其中:因公出国 (境)费用552万元,与",
  "                  .97万元,比2025年减少1",
  "上年持平;公务接待费121",
  "            .07万元,与上年持平;公务用车运行维护费 217",
  "                                    .9 万元,比 2025 年减少 1",
  "                                                     .22 万元,",
  "主要原因是坚持过紧日子、厉行节约;公务用车购置费0万元,与上年持平。",
].join("\n");

/** P162.txt, lines 1203–1217. */
const P162_THREE_PUBLIC = [
  "表八",
  "",
  "                        2026 年财政拨款 “三公 ” 经费支出情况表",
  "单位名称:重庆市商务委员会                                                               单位:万元",
  "",
  "                                               公务用车购置及运行费",
  "     合   计           因公出国 (境)费                                          公务接待费",
  "                                    小   计       公务用车购置费     公务用车运行费",
  "",
  "             890",
  "               .97          552",
  "                              .00       217",
  "                                          .90                   217",
  "                                                                  .90           121",
  "                                                                                  .07",
].join("\n");

/** P166.txt, lines 778–792. */
const P166_THREE_PUBLIC = [
  "表八",
  "",
  "                       2026 年财政拨款 “三公 ” 经费支出情况表",
  "单位名称:重庆市气象局                                                              单位:万元",
  "",
  "                                           公务用车购置及运行费",
  "     合   计          因公出国 (境)费                                        公务接待费",
  "                                小   计          公务用车购置费   公务用车运行费",
  "",
  "             13",
  "              .85                       13",
  "                                         .55                  13",
  "                                                               .55           0",
  "                                                                             .30",
  "",
].join("\n");

/** P157.txt, lines 1059–1092. */
const P157_FUNCTIONS = [
  "表7",
  "",
  "                                             一般公共预算支出表（按功能分类）",
  "部门名称：深圳市公安局交通管理局（本级）                                                                                     单位：万元",
  "",
  "",
  "         预算单位                    科目编码             科目名称          支出总计               基本支出               项目支出",
  "",
  "",
  "深圳市公安局交通管理局（本级）                                                    216,575.53         153,640.65             62,934.88",
  "",
  "                       204              公共安全支出                     158,600.33         102,255.38             56,344.95",
  "",
  "                       20402            公安                         158,600.33         102,255.38             56,344.95",
  "",
  "                       2040201          行政运行                       102,255.38         102,255.38                  0.00",
  "",
  "                       2040202          一般行政管理事务                       53,951.94               0.00          53,951.94",
  "",
  "                       2040220          执法办案                            2,393.01               0.00           2,393.01",
  "",
  "                       205              教育支出                            1,288.86               0.00           1,288.86",
  "",
  "                       20508            进修及培训                           1,288.86               0.00           1,288.86",
  "",
  "                       2050803          培训支出                            1,288.86               0.00           1,288.86",
  "",
  "                       208              社会保障和就业支出                      18,998.04          18,998.04               0.00",
  "",
  "                       20805            行政事业单位养老支出                     18,560.89          18,560.89               0.00",
  "",
  "                       2080501          行政单位离退休                         3,775.78           3,775.78               0.00",
  "",
  "                       2080505          机关事业单位基本养老保险缴费支出               11,185.11          11,185.11               0.00",
].join("\n");

/** pool P085.txt (上海, in 元), lines 267–319. */
const P085_FUNCTIONS = [
  "",
  "                            2026年预算单位一般公共预算支出功能分类预算表",
  "编制单位：上海科技大学附属学校                                                                 单位：元",
  "",
  "",
  "                       项目                                  一般公共预算支出",
  "",
  " 功能分类科目编码",
  "                            功能分类科目名称      合计                 基本支出           项目支出",
  " 类    款    项",
  "",
  "205             教育支出                       82,149,114          44,823,114     37,326,000",
  "",
  "205   02        普通教育                       32,634,494          31,311,994      1,322,500",
  "",
  "205   02   03   初中教育                       31,311,994          31,311,994",
  "",
  "205   02   99   其他普通教育支出                       1,322,500                       1,322,500",
  "",
  "205   09        教育费附加安排的支出                 49,514,620          13,511,120     36,003,500",
  "",
  "205   09   99   其他教育费附加安排的支出               49,514,620          13,511,120     36,003,500",
  "",
  "208             社会保障和就业支出                      6,811,000        6,811,000",
  "",
  "208   05        行政事业单位养老支出                     6,811,000        6,811,000",
  "",
  "208   05   05   机关事业单位基本养老保险缴费支出               4,540,700        4,540,700",
  "",
  "208   05   06   机关事业单位职业年金缴费支出                 2,270,300        2,270,300",
  "",
  "210             卫生健康支出                         2,837,900        2,837,900",
  "",
  "210   11        行政事业单位医疗                       2,837,900        2,837,900",
  "",
  "210   11   02   事业单位医疗                         2,837,900        2,837,900",
  "",
  "                    项目                               一般公共预算支出",
  "",
  "功能分类科目编码",
  "                         功能分类科目名称   合计                 基本支出           项目支出",
  "类     款    项",
  "",
  "221             住房保障支出                   1,986,500        1,986,500",
  "",
  "221   02        住房改革支出                   1,986,500        1,986,500",
  "",
  "221   02   01   住房公积金                    1,986,500        1,986,500",
  "",
  "                    合计               93,784,514          56,458,514     37,326,000",
  "",
  "              2026年预算单位政府性基金预算支出功能分类预算表",
  "编制单位：上海科技大学附属学校                                      单位：元",
].join("\n");

/** P040.txt, lines 576–705. */
const P040_PROJECTS = [
  "   1.项目支出绩效目标表",
  "",
  "",
  "",
  "",
  "                   22",
  "",
  "301007_泉州市公安局晋江国际机场分局_机场公安综",
  "           合修缮改造项目绩效目标表",
  "        资金总额：                      57.00",
  "专项资金情",
  "        财政拨款：                      57.00",
  "况（万元）",
  "        其他资金：                      0.00",
  "",
  "        1、分局巡特警反恐大队部已于 2025 年 9 月底搬迁至新址，需要对新的值班备勤场",
  "        所进行符合应急处突、反恐防范等要求的改造装修。同时，旧队部拟改造成备勤宿",
  "项目实施期",
  "        舍，解决巡特大队宿舍床位紧缺的问题。 2、经晋江市政府批复，决定将深航办公",
  " 目标",
  "        楼前的空地（约 700 ㎡）划拨给机场交警大队作为违章车辆停车场，经勘查，该用",
  "        地需要进一步硬化、铺设沥青及区域划线。",
  "",
  "         一级指标    二级指标             三级指标         目标值",
  "",
  "                经济成本指",
  "         成本指标                     预算执行率        100%",
  "                   标",
  "",
  "                 时效指标          备勤宿舍改造完成及时率     100%",
  "",
  "                 数量指标         完成违章车辆停车场建设面积    100%",
  "绩效目标指    产出指标",
  "  标                          应急处突、反恐防范指标验收通过",
  "                 质量指标                          100%",
  "                                    率",
  "",
  "                社会效益指        强化违章车辆管理水平，提升机场",
  "         效益指标                                  1次",
  "                   标           辖区社会治理创新能力",
  "",
  "                服务对象满",
  "        满意度指标                 民辅警、违章车辆车主满意度    100%",
  "                 意度指标",
  "",
  "",
  "",
  "",
  "                        23",
  "",
  "301007_泉州市公安局晋江国际机场分局_全国民航反",
  "          电诈中心建设项目绩效目标表",
  "        资金总额：                      47.50",
  "专项资金情",
  "        财政拨款：                      47.50",
  "况（万元）",
  "        其他资金：                      0.00",
  "",
  "项目实施期   持续开发反诈平台并购置更新专项设备，进一步提高全国民航公安反电诈中心数据",
  " 目标     运行水平；充分使用安全可替代国产电脑，进一步提高分局数据信息安全水平。",
  "",
  "         一级指标   二级指标              三级指标         目标值",
  "",
  "                经济成本指",
  "         成本指标                     预算执行率         100%",
  "                  标",
  "",
  "                时效指标              核查及时率         100%",
  "",
  "绩效目标指    产出指标   数量指标           公民个人隐私泄露次数       1次",
  "  标",
  "                质量指标               出错率           0%",
  "",
  "                社会效益指        方便平台各用户查询使用航班旅客",
  "         效益指标                                  3000 次",
  "                  标                信息",
  "",
  "                服务对象满",
  "        满意度指标                    服务对象满意率        100%",
  "                意度指标",
  "",
  "",
  "",
  "",
  "                        24",
  "",
  "301008_泉州市公安局台商投资区分局_科技兴警绩效",
  "                      目标表",
  "        资金总额：                     237.50",
  "专项资金情",
  "        财政拨款：                     237.50",
  "况（万元）",
  "        其他资金：                      0.00",
  "",
  "项目实施期",
  "        深化科技兴警战略，提升公安机关新质战斗力。",
  " 目标",
  "",
  "         一级指标   二级指标              三级指标         目标值",
  "",
  "                经济成本指",
  "         成本指标                     资金使用率        100%",
  "                  标",
  "",
  "                时效指标             项目完成时效性       1年",
  "",
  "         产出指标   数量指标           执法执勤车辆采购数量      3辆",
  "",
  "绩效目标指",
  "                质量指标             提高办案效能         5%",
  "  标",
  "                经济效益指",
  "                             特定类型案件预警劝阻成功率提升    5%",
  "                  标",
  "         效益指标",
  "                社会效益指",
  "                               重点区域管控效能提升率      5%",
  "                  标",
  "",
  "                服务对象满    一线民警对装备/系统易用性、实用",
  "        满意度指标                                  95%",
  "                意度指标              性满意度",
  "",
  "",
  "",
  "",
  "                        25",
  "",
  "301008_泉州市公安局台商投资区分局_台商公安办案",
  "         业务及其他经费补助绩效目标表",
].join("\n");

/** P203.txt, lines 465–505. */
const P203_PROJECT = [
  "  （二）绩效目标表及说明",
  "  1.项目支出绩效目标表",
  "",
  "",
  "",
  "",
  "                  19",
  "",
  "知创大厦泉州知识产权馆建设费用项目绩效目标表",
  "        资金总额：                      230.38",
  "专项资金情",
  "        财政拨款：                      230.38",
  "况（万元）",
  "        其他资金：                       0.00",
  "",
  "项目实施期",
  "        2026 年",
  " 目标",
  "",
  "         一级指标    二级指标             三级指标        目标值",
  "",
  "                 经济成本指",
  "         成本指标                     预算控制率       ≤50%",
  "                   标",
  "",
  "                 时效指标            项目建设时间       =1 年",
  "",
  "绩效目标指    产出指标    数量指标            设计方案达标数      =1 个",
  "  标",
  "                 质量指标            项目工程质量       =0 起",
  "",
  "                 生态效益指",
  "         效益指标                 项目采用材料应符合环保要求   =100%",
  "                   标",
  "",
  "                 服务对象满",
  "        满意度指标                 对项目建设情况的满意度     ≥90%",
  "                 意度指标",
  "",
  "",
  "",
].join("\n");

/** P053.txt, lines 2206–2232. */
const P053_THREE_PUBLIC = [
  "表13",
  "",
  "                        2022年部门综合预算一般公共预算拨款“三公”经费、",
  "                              会议费、培训费表（不含上年结转）",
  "预算单位：西安市交通运输局                                                                                                                                                                                                               金额单位：万元",
  "",
  "                                                      2021年                                                                     2022年                                                                增减变化情况",
  "",
  "                               一般公共预算拨款安排的“三                                                            一般公共预算拨款安排的“三公”                                                            一般公共预算拨款安排的“三公”",
  "                                  公”经费预算                                                                     经费预算                                                                        经费预算",
  "",
  "                                       因               公务用车购置                                                    因              公务用车购置及                                                     因              公务用车购置及",
  "                                       公               及运行维护费                                                    公               运行维护费                                                      公               运行维护费",
  "      单位编                                                                      会                                                                          会",
  "序号           单位名称                      出       公                                      培训                         出       公                                       培训                         出       公                               会议 培训",
  "       码              合计                                       公       公       议         合计                                              公                议         合计                                              公",
  "                                       国       务               务       务               费                         国       务               务                        费                         国       务               务               费   费",
  "                               小计      （       接                               费                        小计       （       接                      公务        费                        小计       （       接                      公务",
  "                                                               用       用                                                                 用                                                                          用",
  "                                       境       待        小                                                        境       待                      用车                                          境       待                      用车",
  "                                                               车       车                                                        小计       车                                                                 小计       车",
  "                                       ）       费        计                                                        ）       费                      运行                                          ）       费                      运行",
  "                                                               购       运                                                                 购                                                                          购",
  "                                       费                                                                         费                               费                                          费                               费",
  "                                                               置       行                                                                 置                                                                          置",
  "                                       用                       费       费                                         用                       费                                                  用                       费",
  " 1          合计        346.73 117.49    0.00   40.49    77.00   0.00   77.00   85.46   143.76   472.89   248.84   0.00   38.84   210.00   0.00   210.00   44.89   179.18   126.16   131.35   0.00   -1.65   133.00   0.00   133.00   -40.58   35.40",
].join("\n");

test("decimals dropped a line (staircase rows): each fraction, or the group after a thousands comma, completes the integer above it, the row is one line again (重庆 P162, P166)", () => {
  const doc = readText(P162_SUMMARY);
  const row = doc.blocks
    .flatMap((b) => (b.kind === "table" ? b.rows : []))
    .find((r) => r.cells[0]?.text === "一、一般公共预算资金");
  assert.deepEqual(
    row?.cells.map((c) => c.text),
    ["一、一般公共预算资金", "101,833.84", "一、一般公共服务支出", "23,103.76"],
  );
  // The row keeps its source line; the lines its fractions stood on are no content now.
  assert.equal(row?.line, 13);
  assert.equal(doc.lines[13]!.text, "");
  assert.ok(doc.lines[13]!.furniture);
  const income = runExtractor(extractIncome, P162_SUMMARY).disclosure.income;
  assert.equal(income?.total, 174900.64);
  assert.deepEqual(
    income?.items?.slice(0, 4).map((i) => i.amount),
    [101833.84, 41534.73, 22070.82, 2461.25],
  );
  // In a sentence the fraction joins its integer and the words after it follow on.
  const text = readText(P166_NARRATIVE)
    .lines.map((l) => l.text)
    .join("");
  assert.match(text, /年初预算数14,770\.62万元,其中:一般公共预算拨款12,672\.73万元,政府性基金/);
  assert.match(text, /预算拨款579\.89万元,事业收入资金 388 万元/);
  // "46," / "794" / ".00": the integer's last group drops a line too, then its fraction.
  const budget = readText(P162_PROJECT_BUDGET).lines.map((l) => l.text.trim());
  assert.deepEqual(
    budget.filter((t) => /\d\.\d/.test(t)),
    [
      "市级支出                  40,624.00",
      "当年预算                     46,794.00",
      "补助区县                  6,170.00",
    ],
  );
});

test("a fraction standing wide of a number or alone at a line's start is read as nothing, not as a wrong amount (重庆 P162)", () => {
  // "890             .22万元": the .22 is 1.22's (a line lower), 890's own .97 two lines lower.
  const paragraph = runExtractor(extractThreePublic, P162_THREE_PUBLIC_TEXT).disclosure.threePublic;
  assert.equal(paragraph?.total, undefined);
  assert.equal(paragraph?.overseas, 552);
  // With the table the figures are the table's: nothing disagrees with them any more.
  const both = runExtractor(
    extractThreePublic,
    `${P162_THREE_PUBLIC_TEXT}\n\n${P162_THREE_PUBLIC}`,
  );
  assert.equal(both.disclosure.threePublic?.total, 890.97);
  assert.equal(both.disclosure.threePublic?.reception, 121.07);
});

test("三公 table: 合   计 / 小   计 letter-spaced wider than two columns head their columns; blank cells shift nothing (重庆 P162, P166)", () => {
  const p162 = runExtractor(extractThreePublic, P162_THREE_PUBLIC).disclosure.threePublic;
  assert.deepEqual(
    {
      total: p162?.total,
      overseas: p162?.overseas,
      vehicle: p162?.vehicle,
      reception: p162?.reception,
    },
    {
      total: 890.97,
      overseas: 552,
      vehicle: { total: 217.9, operation: 217.9 },
      reception: 121.07,
    },
  );
  // "13.85  (出国 blank)  13.55  (购置费 blank)  13.55  0.30"
  const p166 = runExtractor(extractThreePublic, P166_THREE_PUBLIC).disclosure.threePublic;
  assert.equal(p166?.total, 13.85);
  assert.equal(p166?.overseas ?? 0, 0);
  assert.equal(p166?.vehicle?.total, 13.55);
  assert.equal(p166?.vehicle?.operation, 13.55);
  assert.equal(p166?.vehicle?.purchase ?? 0, 0);
  assert.equal(p166?.reception, 0.3);
});

test("功能分类 columns whose numbers end up to three columns apart (wider numbers printed further left) are one column each (深圳 P157, 上海 P085)", () => {
  const lines = runExtractor(extractFunctionLines, P157_FUNCTIONS).disclosure.expenditureByFunction;
  const byCode = new Map(lines?.map((l) => [l.code, l]));
  // "158,600.33" ends three columns left of "53,951.94" under it; both are 支出总计.
  assert.deepEqual(
    [byCode.get("204"), byCode.get("2040202"), byCode.get("2080505")].map((l) => [
      l?.total,
      l?.basic,
      l?.project,
    ]),
    [
      [158600.33, 102255.38, 56344.95],
      [53951.94, 0, 53951.94],
      [11185.11, 11185.11, 0],
    ],
  );
  assert.equal(lines?.length, 12);
  // The same in 元: "82,149,114" ends three columns left of "1,322,500" under it.
  const p085 = runExtractor(extractFunctionLines, P085_FUNCTIONS).disclosure.expenditureByFunction;
  const other = p085?.find((l) => l.code === "2050299");
  assert.deepEqual([other?.total, other?.basic, other?.project], [132.25, undefined, 132.25]);
  const pensions = p085?.find((l) => l.code === "208");
  assert.deepEqual(
    [pensions?.total, pensions?.basic, pensions?.project],
    [681.1, 681.1, undefined],
  );
});

test("三公 years side by side under headers printed a letter a line, and vehicle headings broken at 及: every group read (西安 P053)", () => {
  const got = runExtractor(extractThreePublic, P053_THREE_PUBLIC).disclosure.threePublic;
  assert.deepEqual(flatten(got ?? {}), Object.fromEntries(TRUE_P053));
});

test("三公 years side by side: a group whose header is not read whole is left out, not read by another group's roles that do not add up (西安 P053)", () => {
  // The 2021 group's 因/公/出/国 column with its 出 and 国 erased: that group's figures cannot be placed.
  const erased = P053_THREE_PUBLIC.split("\n")
    .map((l) => (/[出国]/.test(l[39] ?? "") ? `${l.slice(0, 39)} ${l.slice(40)}` : l))
    .join("\n");
  const got = runExtractor(extractThreePublic, erased).disclosure.threePublic;
  assert.equal(got?.previous, undefined);
  // 2021: 小计 117.49 | 出国 0.00 | 接待 40.49 | 车 77.00 (购置 0.00, 运行 77.00): nothing else is read.
  for (const [path, value] of Object.entries(flatten(got ?? {})))
    assert.ok(
      TRUE_P053.get(path) === undefined || TRUE_P053.get(path) === value,
      `${path}: ${value}`,
    );
});

/** P053's 三公 figures as its PDF reads them. */
const TRUE_P053 = new Map<string, number>(
  Object.entries({
    total: 248.84,
    overseas: 0,
    "vehicle.total": 210,
    "vehicle.purchase": 0,
    "vehicle.operation": 210,
    reception: 38.84,
    "previous.total": 117.49,
    "previous.overseas": 0,
    "previous.vehicle.total": 77,
    "previous.vehicle.purchase": 0,
    "previous.vehicle.operation": 77,
    "previous.reception": 40.49,
    "change.total": 131.35,
    "change.overseas": 0,
    "change.vehicle.total": 133,
    "change.vehicle.purchase": 0,
    "change.vehicle.operation": 133,
    "change.reception": -1.65,
  }),
);

function flatten(o: object, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === "object") Object.assign(out, flatten(v, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

test("project tables named only in their title, wrapped anywhere above their 资金总额 row, unit prefix left out (泉州 P040, P203)", () => {
  const r = runExtractor(extractProjects, P040_PROJECTS);
  const p040 = r.disclosure.performance?.projects;
  assert.deepEqual(
    p040?.map((p) => [p.name, p.budget]),
    [
      ["机场公安综合修缮改造", 57],
      ["全国民航反电诈中心建设", 47.5],
      ["科技兴警", 237.5],
    ],
  );
  // Level labels wrapped over three lines ("经济成本指" / "标") would put indicators under the
  // wrong levels: they are left out, each table with a warning (the PDF reads them whole).
  assert.ok(p040?.every((p) => p.indicators === undefined));
  assert.equal(r.diagnostics.filter((d) => /指标折行错位/.test(d.message)).length, 3);
  const p203 = runExtractor(extractProjects, P203_PROJECT).disclosure.performance?.projects;
  assert.deepEqual(
    p203?.map((p) => [p.name, p.budget]),
    [["知创大厦泉州知识产权馆建设费用", 230.38]],
  );
  // The heading "1.项目支出绩效目标表" over the list is no project.
  assert.ok(!p040?.some((p) => /项目支出/.test(p.name)));
});
