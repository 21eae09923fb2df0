/**
 * fast-check generators of internally consistent disclosures: every total is
 * the exact sum of its parts (in 分), changes are this year − last year, rates
 * and shares are the rounded quotients, the narrative states the same numbers.
 * Tests break one relation at a time and expect its rule to fire.
 */
import fc from "fast-check";
import { fenToWan } from "../../../src/model/amount.ts";
import { FORMAT_ID, type Disclosure } from "../../../src/model/disclosure.ts";
import type { CheckInput, NarrativeLine } from "../../../src/check/types.ts";

/** Amounts are drawn in hundredths of 万元 (2 printed decimals), as most documents print them. */
const CENT = 10_000n;
const wan = (cents: bigint): number => fenToWan(cents * CENT);
const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Splits a total into n positive parts (in cents) that add up exactly. */
function split(total: bigint, weights: number[]): bigint[] {
  const w = sum(weights.map((x) => BigInt(x)));
  const parts = weights.map((x) => (total * BigInt(x)) / w);
  parts[0]! += total - sum(parts);
  return parts;
}

const CLASSES = [
  ["201", "一般公共服务支出", "20101", "人大事务", "2010101", "行政运行"],
  [
    "208",
    "社会保障和就业支出",
    "20805",
    "行政事业单位养老支出",
    "2080505",
    "机关事业单位基本养老保险缴费支出",
  ],
  ["210", "卫生健康支出", "21011", "行政事业单位医疗", "2101101", "行政单位医疗"],
  ["221", "住房保障支出", "22102", "住房改革支出", "2210201", "住房公积金"],
] as const;

export interface Generated {
  input: CheckInput;
}

const positive = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });

export const consistentInput: fc.Arbitrary<CheckInput> = fc
  .record({
    year: fc.integer({ min: 2019, max: 2026 }),
    classCount: fc.integer({ min: 2, max: 4 }),
    basics: fc.array(positive(50_000, 5_000_000), { minLength: 4, maxLength: 4 }),
    projects: fc.array(positive(10_000, 3_000_000), { minLength: 4, maxLength: 4 }),
    personnelShare: fc.integer({ min: 50, max: 90 }),
    prevFactor: fc.integer({ min: 60, max: 140 }),
    projectWeights: fc.array(positive(1, 20), { minLength: 1, maxLength: 5 }),
    dutyWeights: fc.array(positive(1, 20), { minLength: 1, maxLength: 4 }),
    incomeWeights: fc.array(positive(1, 20), { minLength: 1, maxLength: 3 }),
    overseas: positive(0, 500),
    purchase: positive(0, 3000),
    operation: positive(100, 3000),
    reception: positive(100, 2000),
    tpPrevFactor: fc.integer({ min: 50, max: 150 }),
    opItems: fc.array(positive(100, 5000), { minLength: 2, maxLength: 5 }),
    procurement: fc.array(fc.record({ q: positive(1, 20), price: positive(10, 500) }), {
      minLength: 1,
      maxLength: 4,
    }),
    assets: fc.array(fc.record({ orig: positive(1000, 100_000), depPct: positive(0, 100) }), {
      minLength: 2,
      maxLength: 5,
    }),
    plan: fc.array(positive(0, 100), { minLength: 3, maxLength: 3 }),
  })
  .map((g): CheckInput => {
    const classes = CLASSES.slice(0, g.classCount);
    // Function lines: one 款 and one 项 per 类, so 类 = 款 = 项.
    const basic = g.basics.slice(0, g.classCount).map(BigInt);
    const project = g.projects.slice(0, g.classCount).map(BigInt);
    const lines: Disclosure["expenditureByFunction"] = [];
    classes.forEach(([c, cn, k, kn, x, xn], i) => {
      for (const [code, name] of [
        [c, cn],
        [k, kn],
        [x, xn],
      ] as const) {
        lines.push({
          code,
          name,
          total: wan(basic[i]! + project[i]!),
          basic: wan(basic[i]!),
          project: wan(project[i]!),
        });
      }
    });
    const B = sum(basic),
      P = sum(project),
      T = B + P;
    const personnel = (B * BigInt(g.personnelShare)) / 100n;
    const publicOperating = B - personnel;
    // 基本支出 by economic classification: 301 is 人员经费, 302 公用经费, each split over two 款.
    const [wages, allowances] = split(personnel, [3, 1]);
    const [office, travel] = split(publicOperating, [2, 1]);
    const basicByEconomic: Disclosure["basicByEconomic"] = [
      { code: "301", name: "工资福利支出", total: wan(personnel), personnel: wan(personnel) },
      { code: "30101", name: "基本工资", total: wan(wages!), personnel: wan(wages!) },
      { code: "30102", name: "津贴补贴", total: wan(allowances!), personnel: wan(allowances!) },
      {
        code: "302",
        name: "商品和服务支出",
        total: wan(publicOperating),
        publicOperating: wan(publicOperating),
      },
      { code: "30201", name: "办公费", total: wan(office!), publicOperating: wan(office!) },
      { code: "30211", name: "差旅费", total: wan(travel!), publicOperating: wan(travel!) },
    ];
    const prevB = (B * BigInt(g.prevFactor)) / 100n,
      prevP = (P * BigInt(200 - g.prevFactor)) / 100n;
    const prevT = prevB + prevP;
    const incomeParts = split(T, g.incomeWeights);
    const sources = ["generalBudget", "business", "other"] as const;
    const labels = {
      generalBudget: "一般公共预算拨款收入",
      business: "事业收入",
      other: "其他收入",
    } as const;

    const vehicle = BigInt(g.purchase + g.operation);
    const tpTotal = BigInt(g.overseas) + vehicle + BigInt(g.reception);
    const f = (x: bigint) => (x * BigInt(g.tpPrevFactor)) / 100n;
    const prev = {
      overseas: f(BigInt(g.overseas)),
      purchase: f(BigInt(g.purchase)),
      operation: f(BigInt(g.operation)),
      reception: f(BigInt(g.reception)),
    };
    const prevVehicle = prev.purchase + prev.operation;
    const prevTp = prev.overseas + prevVehicle + prev.reception;

    const opTotal = sum(g.opItems.map(BigInt));
    // 机关运行经费 stays within 日常公用经费.
    const opScale = opTotal > publicOperating ? 0n : 1n;
    const opItems = g.opItems.map((x) => BigInt(x) * opScale);
    const opAmount = sum(opItems);
    const opPrev = (opAmount * 9n) / 10n;

    const procItems = g.procurement.map(({ q, price }) => ({
      q,
      price: BigInt(price),
      amount: BigInt(price) * BigInt(q),
    }));
    const procTotal = sum(procItems.map((p) => p.amount));

    const assetItems = g.assets.map(({ orig, depPct }, i) => {
      const o = BigInt(orig),
        d = (o * BigInt(depPct)) / 100n;
      return {
        category: ["房屋及构筑物", "通用设备", "专用设备", "家具、用具、装具及动植物", "无形资产"][
          i
        ]!,
        o,
        d,
        n: o - d,
      };
    });

    const projParts = split(P, g.projectWeights);
    const dutyParts = split(P, g.dutyWeights);
    const [mar, jun, oct] = [...g.plan].sort((a, b) => a - b);

    const d: Disclosure = {
      format: FORMAT_ID,
      kind: "budget",
      year: g.year,
      region: { name: "示例开发区" },
      department: { name: "示例局", code: "303" },
      amountUnit: "万元",
      units: [{ code: "303001", name: "示例局本级", nature: "行政" }],
      duties: "负责全区经济发展规划。",
      income: {
        total: wan(T),
        items: incomeParts.map((a, i) => ({
          source: sources[i]!,
          label: labels[sources[i]!],
          amount: wan(a),
        })),
        previousTotal: wan(prevT),
        change: wan(T - prevT),
        changeRate: round2((Number(T - prevT) / Number(prevT)) * 100),
      },
      expenditure: {
        total: wan(T),
        basic: wan(B),
        personnel: wan(personnel),
        publicOperating: wan(publicOperating),
        project: wan(P),
        previous: { total: wan(prevT), basic: wan(prevB), project: wan(prevP) },
        change: { total: wan(T - prevT), basic: wan(B - prevB), project: wan(P - prevP) },
        changeRate: round2((Number(T - prevT) / Number(prevT)) * 100),
        changeReason: "人员增加及项目调整。",
      },
      operatingCosts: {
        amount: wan(opAmount),
        previous: wan(opPrev),
        change: wan(opAmount - opPrev),
        ...(opPrev > 0n
          ? { changeRate: round2((Number(opAmount - opPrev) / Number(opPrev)) * 100) }
          : {}),
        items: opItems.map((a, i) => ({
          name: ["办公费", "印刷费", "水电费", "邮电费", "差旅费"][i]!,
          amount: wan(a),
        })),
        explanation: "主要用于办公、水电等日常运转。",
      },
      threePublic: {
        total: wan(tpTotal),
        overseas: wan(BigInt(g.overseas)),
        vehicle: {
          total: wan(vehicle),
          purchase: wan(BigInt(g.purchase)),
          operation: wan(BigInt(g.operation)),
        },
        reception: wan(BigInt(g.reception)),
        previous: {
          total: wan(prevTp),
          overseas: wan(prev.overseas),
          vehicle: {
            total: wan(prevVehicle),
            purchase: wan(prev.purchase),
            operation: wan(prev.operation),
          },
          reception: wan(prev.reception),
        },
        change: {
          total: wan(tpTotal - prevTp),
          overseas: wan(BigInt(g.overseas) - prev.overseas),
          vehicle: {
            total: wan(vehicle - prevVehicle),
            purchase: wan(BigInt(g.purchase) - prev.purchase),
            operation: wan(BigInt(g.operation) - prev.operation),
          },
          reception: wan(BigInt(g.reception) - prev.reception),
        },
        ...(prevTp > 0n
          ? { changeRate: round2((Number(tpTotal - prevTp) / Number(prevTp)) * 100) }
          : {}),
        fundSources: [{ label: "一般公共预算", amount: wan(tpTotal) }],
        explanation: "严格执行厉行节约规定。",
      },
      procurement: {
        total: wan(procTotal),
        fundSources: [{ label: "一般公共预算拨款", amount: wan(procTotal) }],
        items: procItems.map((p, i) => ({
          item: `采购品目${i + 1}`,
          catalogCode: "A02010104",
          category: "货物",
          measure: "台",
          quantity: p.q,
          unitPrice: wan(p.price),
          amount: wan(p.amount),
          fundSources: [{ label: "一般公共预算拨款", amount: wan(p.amount) }],
        })),
      },
      assets: {
        asOf: `${g.year - 1}-12-31`,
        total: {
          originalValue: wan(sum(assetItems.map((a) => a.o))),
          depreciation: wan(sum(assetItems.map((a) => a.d))),
          netValue: wan(sum(assetItems.map((a) => a.n))),
        },
        items: assetItems.map((a) => ({
          category: a.category,
          originalValue: wan(a.o),
          depreciation: wan(a.d),
          netValue: wan(a.n),
        })),
      },
      performance: {
        overallGoal: "完成年度重点工作任务。",
        activities: dutyParts.flatMap((amount, i) => [
          {
            duty: `职责${i + 1}`,
            dutyBudget: wan(amount),
            activity: `活动${i + 1}甲`,
            budget: wan(amount),
            indicators: [
              {
                name: "工作任务完成率",
                grades: { excellent: "≥95%", good: "≥90%", fair: "≥85%", poor: "<85%" },
              },
              {
                name: "组织培训次数（次）",
                grades: { excellent: "≥10次", good: "≥8次", fair: "≥6次", poor: "<6次" },
              },
            ],
          },
        ]),
        projects: projParts.map((amount, i) => ({
          code: `13031121${String(i).padStart(13, "A")}`,
          name: `重点项目${i + 1}`,
          budget: wan(amount),
          fiscalFunds: wan(amount),
          otherFunds: 0,
          purpose: `用于重点项目${i + 1}的实施。`,
          spendingPlan: { mar, jun, oct, dec: 100 },
          goals: [`完成重点项目${i + 1}年度任务${i + 1}项`, "全年培训人数50人"],
          indicators: [
            {
              level1: "产出指标",
              level2: "数量指标",
              name: "培训人数（人）",
              target: { raw: "≥50人", op: ">=" as const, value: 50, unit: "人" },
              basis: "工作计划",
            },
            {
              level1: "产出指标",
              level2: "质量指标",
              name: "验收合格率",
              target: { raw: "≥95%", op: ">=" as const, value: 95, unit: "%" },
              basis: "行业标准",
            },
            {
              level1: "效益指标",
              level2: "社会效益指标",
              name: "群众知晓率",
              target: { raw: "≥90%", op: ">=" as const, value: 90, unit: "%" },
              basis: "历史标准",
            },
            {
              level1: "满意度指标",
              level2: "服务对象满意度指标",
              name: "服务对象满意度",
              target: { raw: "≥90%", op: ">=" as const, value: 90, unit: "%" },
              basis: "调查问卷",
            },
            // Projects after the first also state their total cost (a 成本指标 in 万元).
            ...(i > 0
              ? [
                  {
                    level1: "产出指标",
                    level2: "成本指标",
                    name: "项目总成本（万元）",
                    target: {
                      raw: `≤${wan(amount)}万元`,
                      op: "<=" as const,
                      value: wan(amount),
                      unit: "万元",
                    },
                    basis: "预算批复",
                  },
                ]
              : []),
          ],
        })),
      },
      expenditureByFunction: lines,
      basicByEconomic,
      functionalClassification: lines.map((l) => ({ code: l.code, name: l.name })),
      glossary: [{ term: "基本支出", definition: "保障机构正常运转的支出。" }],
      otherNotes: "无其他需要说明的事项。",
    };

    const narrative: NarrativeLine[] = [];
    const say = (text: string) => narrative.push({ line: narrative.length + 1, text });
    const fmt = (c: bigint) => (Number(c) / 100).toFixed(2);
    const dir = (c: bigint, up: string, down: string) => (c >= 0n ? up : down);
    const abs = (c: bigint) => (c < 0n ? -c : c);
    say("一、部门预算安排的总体情况");
    say(`${g.year}年收入总计${fmt(T)}万元，支出总计${fmt(T)}万元。`);
    say(
      `${g.year}年部门预算较${g.year - 1}年${dir(T - prevT, "增加", "减少")}${fmt(abs(T - prevT))}万元。`,
    );
    say(`${g.year}年财政拨款收支总预算${fmt(incomeParts[0]!)}万元。`);
    say(`支出合计${fmt(T)}万元，主要用于：`);
    classes.forEach(([, cn], i) =>
      say(
        `${cn}（类）${fmt(basic[i]! + project[i]!)}万元，占${((Number(basic[i]! + project[i]!) / Number(T)) * 100).toFixed(2)}%。`,
      ),
    );
    classes.forEach(([, , , , x, xn], i) =>
      say(`${xn}（项）${fmt(basic[i]! + project[i]!)}万元，科目编码${xn}（${x}）。`),
    );
    say(`二、"三公"经费预算情况说明`);
    if (prevTp > 0n) {
      const rate = ((Number(abs(tpTotal - prevTp)) / Number(prevTp)) * 100).toFixed(2);
      say(
        `"三公"经费预算${fmt(tpTotal)}万元，比上年${dir(tpTotal - prevTp, "增加", "减少")}${fmt(abs(tpTotal - prevTp))}万元，${dir(tpTotal - prevTp, "增长", "下降")}${rate}%。`,
      );
    }
    say(
      `其中：因公出国（境）费${fmt(BigInt(g.overseas))}万元，公务用车购置及运行费${fmt(vehicle)}万元，公务接待费${fmt(BigInt(g.reception))}万元。`,
    );
    say("三、机关运行经费");
    say(`机关运行经费${fmt(opAmount)}万元。`);
    // Wording the narrative rules of issue 13 read: both years printed, 基本支出's parts,
    // a project's amount, the count of published targets, an as-of date, a dated title.
    say("四、其他需要说明的情况");
    say(
      `${g.year}年支出预算${fmt(T)}万元，比${g.year - 1}年年初预算数${fmt(prevT)}万元${dir(T - prevT, "增加", "减少")}${fmt(abs(T - prevT))}万元。`,
    );
    say(`基本支出中，人员经费${fmt(personnel)}万元，公用经费${fmt(publicOperating)}万元。`);
    say(`重点项目1${fmt(projParts[0]!)}万元。`);
    say(`本部门公开${projParts.length}个项目绩效目标，涉及资金合计${fmt(P)}万元。`);
    say(`截至${g.year - 1}年12月31日，本部门共有车辆2辆。`);
    say(
      `${g.year}年支出较上年${dir(T - prevT, "增加", "减少")}${fmt(abs(T - prevT))}万元，其中基本支出${dir(B - prevB, "增加", "减少")}${fmt(abs(B - prevB))}万元，项目支出${dir(P - prevP, "增加", "减少")}${fmt(abs(P - prevP))}万元。`,
    );
    say(`支出安排${fmt(T)}万元，其中：基本支出${fmt(B)}万元、项目支出${fmt(P)}万元。`);
    classes.forEach(([, cn, , kn, , xn], i) => {
      const amount = fmt(basic[i]! + project[i]!);
      say(`${cn}（类）支出${amount}万元，与上年相比增加1.00万元。`);
      say(`${kn}（款）${xn}（项）支出${amount}万元，与上年相比增加1.00万元。`);
    });
    if (prevTp > 0n)
      say(
        `重申："三公"经费预算${fmt(tpTotal)}万元，比上年${dir(tpTotal - prevTp, "增加", "减少")}${fmt(abs(tpTotal - prevTp))}万元。`,
      );
    say(
      `${g.year - 2}年年初预算${fmt(prevT)}万元，支出决算${fmt(prevT)}万元，完成年初预算的100.00%，决算数等于预算数。`,
    );
    say(`${g.year}年部门预算公开表`);
    return { disclosure: d, narrative };
  });
