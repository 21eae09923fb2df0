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

/** The random choices a disclosure is built from; every amount follows from them. */
const draws = fc.record({
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
});

type Draw = typeof draws extends fc.Arbitrary<infer T> ? T : never;

export const consistentInput: fc.Arbitrary<CheckInput> = draws.map((g): CheckInput => {
  const a = amountsOf(g);
  return { disclosure: disclosureOf(g, a), narrative: narrativeOf(g, a) };
});

/** Every amount of the disclosure, in cents, derived from the draws so that all relations hold. */
function amountsOf(g: Draw) {
  const classes = CLASSES.slice(0, g.classCount);
  const basic = g.basics.slice(0, g.classCount).map(BigInt);
  const project = g.projects.slice(0, g.classCount).map(BigInt);
  const B = sum(basic),
    P = sum(project),
    T = B + P;
  const personnel = (B * BigInt(g.personnelShare)) / 100n;
  const prevB = (B * BigInt(g.prevFactor)) / 100n,
    prevP = (P * BigInt(200 - g.prevFactor)) / 100n;
  return {
    classes,
    basic,
    project,
    B,
    P,
    T,
    personnel,
    publicOperating: B - personnel,
    prevB,
    prevP,
    prevT: prevB + prevP,
    incomeParts: split(T, g.incomeWeights),
    ...threePublicAmounts(g),
    ...operatingCostAmounts(g, B - personnel),
    projParts: split(P, g.projectWeights),
    dutyParts: split(P, g.dutyWeights),
  };
}

type Amounts = ReturnType<typeof amountsOf>;

function threePublicAmounts(g: Draw) {
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
  return { vehicle, tpTotal, prev, prevVehicle, prevTp };
}

function operatingCostAmounts(g: Draw, publicOperating: bigint) {
  const opTotal = sum(g.opItems.map(BigInt));
  // 机关运行经费 stays within 日常公用经费.
  const opScale = opTotal > publicOperating ? 0n : 1n;
  const opItems = g.opItems.map((x) => BigInt(x) * opScale);
  const opAmount = sum(opItems);
  return { opItems, opAmount, opPrev: (opAmount * 9n) / 10n };
}

function disclosureOf(g: Draw, a: Amounts): Disclosure {
  const lines = functionLines(a);
  return {
    format: FORMAT_ID,
    kind: "budget",
    year: g.year,
    region: { name: "示例开发区" },
    department: { name: "示例局", code: "303" },
    amountUnit: "万元",
    units: [{ code: "303001", name: "示例局本级", nature: "行政" }],
    duties: "负责全区经济发展规划。",
    income: incomeOf(a),
    expenditure: expenditureOf(a),
    operatingCosts: operatingCostsOf(a),
    threePublic: threePublicOf(g, a),
    procurement: procurementOf(g),
    assets: assetsOf(g),
    performance: {
      overallGoal: "完成年度重点工作任务。",
      activities: a.dutyParts.map((amount, i) => activityOf(amount, i)),
      projects: a.projParts.map((amount, i) => projectOf(g, amount, i)),
    },
    expenditureByFunction: lines,
    basicByEconomic: basicByEconomicOf(a),
    functionalClassification: lines.map((l) => ({ code: l.code!, name: l.name })),
    glossary: [{ term: "基本支出", definition: "保障机构正常运转的支出。" }],
    otherNotes: "无其他需要说明的事项。",
  };
}

/** Function lines: one 款 and one 项 per 类, so 类 = 款 = 项. */
function functionLines(a: Amounts): NonNullable<Disclosure["expenditureByFunction"]> {
  const lines: NonNullable<Disclosure["expenditureByFunction"]> = [];
  a.classes.forEach(([c, cn, k, kn, x, xn], i) => {
    for (const [code, name] of [
      [c, cn],
      [k, kn],
      [x, xn],
    ] as const) {
      lines.push({
        code,
        name,
        total: wan(a.basic[i]! + a.project[i]!),
        basic: wan(a.basic[i]!),
        project: wan(a.project[i]!),
      });
    }
  });
  return lines;
}

/** 基本支出 by economic classification: 301 is 人员经费, 302 公用经费, each split over two 款. */
function basicByEconomicOf({ personnel, publicOperating }: Amounts): Disclosure["basicByEconomic"] {
  const [wages, allowances] = split(personnel, [3, 1]);
  const [office, travel] = split(publicOperating, [2, 1]);
  return [
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
}

function incomeOf({ T, prevT, incomeParts }: Amounts): Disclosure["income"] {
  const sources = ["generalBudget", "business", "other"] as const;
  const labels = {
    generalBudget: "一般公共预算拨款收入",
    business: "事业收入",
    other: "其他收入",
  } as const;
  return {
    total: wan(T),
    items: incomeParts.map((amount, i) => ({
      source: sources[i]!,
      label: labels[sources[i]!],
      amount: wan(amount),
    })),
    previousTotal: wan(prevT),
    change: wan(T - prevT),
    changeRate: round2((Number(T - prevT) / Number(prevT)) * 100),
  };
}

function expenditureOf(a: Amounts): Disclosure["expenditure"] {
  const { T, B, P, prevT, prevB, prevP } = a;
  return {
    total: wan(T),
    basic: wan(B),
    personnel: wan(a.personnel),
    publicOperating: wan(a.publicOperating),
    project: wan(P),
    previous: { total: wan(prevT), basic: wan(prevB), project: wan(prevP) },
    change: { total: wan(T - prevT), basic: wan(B - prevB), project: wan(P - prevP) },
    changeRate: round2((Number(T - prevT) / Number(prevT)) * 100),
    changeReason: "人员增加及项目调整。",
  };
}

function operatingCostsOf({ opAmount, opPrev, opItems }: Amounts): Disclosure["operatingCosts"] {
  return {
    amount: wan(opAmount),
    previous: wan(opPrev),
    change: wan(opAmount - opPrev),
    ...(opPrev > 0n
      ? { changeRate: round2((Number(opAmount - opPrev) / Number(opPrev)) * 100) }
      : {}),
    items: opItems.map((amount, i) => ({
      name: ["办公费", "印刷费", "水电费", "邮电费", "差旅费"][i]!,
      amount: wan(amount),
    })),
    explanation: "主要用于办公、水电等日常运转。",
  };
}

function threePublicOf(g: Draw, a: Amounts): Disclosure["threePublic"] {
  const { vehicle, tpTotal, prev, prevVehicle, prevTp } = a;
  return {
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
  };
}

function procurementOf(g: Draw): Disclosure["procurement"] {
  const items = g.procurement.map(({ q, price }) => ({
    q,
    price: BigInt(price),
    amount: BigInt(price) * BigInt(q),
  }));
  const total = sum(items.map((p) => p.amount));
  return {
    total: wan(total),
    fundSources: [{ label: "一般公共预算拨款", amount: wan(total) }],
    items: items.map((p, i) => ({
      item: `采购品目${i + 1}`,
      catalogCode: "A02010104",
      category: "货物",
      measure: "台",
      quantity: p.q,
      unitPrice: wan(p.price),
      amount: wan(p.amount),
      fundSources: [{ label: "一般公共预算拨款", amount: wan(p.amount) }],
    })),
  };
}

function assetsOf(g: Draw): Disclosure["assets"] {
  const items = g.assets.map(({ orig, depPct }, i) => {
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
  return {
    asOf: `${g.year - 1}-12-31`,
    total: {
      originalValue: wan(sum(items.map((a) => a.o))),
      depreciation: wan(sum(items.map((a) => a.d))),
      netValue: wan(sum(items.map((a) => a.n))),
    },
    items: items.map((a) => ({
      category: a.category,
      originalValue: wan(a.o),
      depreciation: wan(a.d),
      netValue: wan(a.n),
    })),
  };
}

type Performance = NonNullable<Disclosure["performance"]>;

function activityOf(amount: bigint, i: number): NonNullable<Performance["activities"]>[number] {
  return {
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
  };
}

function projectOf(
  g: Draw,
  amount: bigint,
  i: number,
): NonNullable<Performance["projects"]>[number] {
  const [mar, jun, oct] = [...g.plan].sort((a, b) => a - b);
  return {
    code: `13031121${String(i).padStart(13, "A")}`,
    name: `重点项目${i + 1}`,
    budget: wan(amount),
    fiscalFunds: wan(amount),
    otherFunds: 0,
    purpose: `用于重点项目${i + 1}的实施。`,
    spendingPlan: { mar, jun, oct, dec: 100 },
    goals: [`完成重点项目${i + 1}年度任务${i + 1}项`, "全年培训人数50人"],
    indicators: [
      ...projectIndicators(),
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
  };
}

/** The four targets every project publishes (fresh objects: tests break one project's targets at a time). */
function projectIndicators() {
  return [
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
  ];
}

const fmt = (c: bigint) => (Number(c) / 100).toFixed(2);
const dir = (c: bigint, up: string, down: string) => (c >= 0n ? up : down);
const abs = (c: bigint) => (c < 0n ? -c : c);

/** The explanation, stating the same numbers as the tables; lines numbered from 1. */
function narrativeOf(g: Draw, a: Amounts): NarrativeLine[] {
  const narrative: NarrativeLine[] = [];
  const say = (text: string) => narrative.push({ line: narrative.length + 1, text });
  overviewNarrative(g, a, say);
  // Wording the narrative rules of issue 13 read: both years printed, 基本支出's parts,
  // a project's amount, the count of published targets, an as-of date, a dated title.
  otherNotesNarrative(g, a, say);
  return narrative;
}

type Say = (text: string) => void;

/** Parts 一 to 三: the totals, the classes and 项, 三公 and 机关运行经费. */
function overviewNarrative(g: Draw, a: Amounts, say: Say): void {
  const { T, prevT, basic, project, tpTotal, prevTp } = a;
  say("一、部门预算安排的总体情况");
  say(`${g.year}年收入总计${fmt(T)}万元，支出总计${fmt(T)}万元。`);
  say(
    `${g.year}年部门预算较${g.year - 1}年${dir(T - prevT, "增加", "减少")}${fmt(abs(T - prevT))}万元。`,
  );
  say(`${g.year}年财政拨款收支总预算${fmt(a.incomeParts[0]!)}万元。`);
  say(`支出合计${fmt(T)}万元，主要用于：`);
  a.classes.forEach(([, cn], i) =>
    say(
      `${cn}（类）${fmt(basic[i]! + project[i]!)}万元，占${((Number(basic[i]! + project[i]!) / Number(T)) * 100).toFixed(2)}%。`,
    ),
  );
  a.classes.forEach(([, , , , x, xn], i) =>
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
    `其中：因公出国（境）费${fmt(BigInt(g.overseas))}万元，公务用车购置及运行费${fmt(a.vehicle)}万元，公务接待费${fmt(BigInt(g.reception))}万元。`,
  );
  say("三、机关运行经费");
  say(`机关运行经费${fmt(a.opAmount)}万元。`);
}

/** Part 四, other notes: the sentences the narrative-consistency rules read. */
function otherNotesNarrative(g: Draw, a: Amounts, say: Say): void {
  const { T, B, P, prevT, prevB, prevP, tpTotal, prevTp } = a;
  say("四、其他需要说明的情况");
  say(
    `${g.year}年支出预算${fmt(T)}万元，比${g.year - 1}年年初预算数${fmt(prevT)}万元${dir(T - prevT, "增加", "减少")}${fmt(abs(T - prevT))}万元。`,
  );
  say(`基本支出中，人员经费${fmt(a.personnel)}万元，公用经费${fmt(a.publicOperating)}万元。`);
  say(`重点项目1${fmt(a.projParts[0]!)}万元。`);
  say(`本部门公开${a.projParts.length}个项目绩效目标，涉及资金合计${fmt(P)}万元。`);
  say(`截至${g.year - 1}年12月31日，本部门共有车辆2辆。`);
  say(
    `${g.year}年支出较上年${dir(T - prevT, "增加", "减少")}${fmt(abs(T - prevT))}万元，其中基本支出${dir(B - prevB, "增加", "减少")}${fmt(abs(B - prevB))}万元，项目支出${dir(P - prevP, "增加", "减少")}${fmt(abs(P - prevP))}万元。`,
  );
  say(`支出安排${fmt(T)}万元，其中：基本支出${fmt(B)}万元、项目支出${fmt(P)}万元。`);
  a.classes.forEach(([, cn, , kn, , xn], i) => {
    const amount = fmt(a.basic[i]! + a.project[i]!);
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
}
