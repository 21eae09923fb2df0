/**
 * A complete disclosure built by hand for the render tests: every part the
 * format has, with amounts that add up (as a real department's would) and
 * six-decimal amounts where a real table prints them, so the tests can check
 * exact sums, changes and rates in every output.
 */
import { validateDisclosure, type Disclosure } from "../../src/model/disclosure.ts";

const raw = {
  format: "gongkai.disclosure/1",
  kind: "budget",
  year: 2023,
  region: { name: "示范市高新区" },
  department: { name: "示范市高新区发展和改革局", code: "303" },
  amountUnit: "万元",
  units: [
    {
      code: "303001",
      name: "示范市高新区发展和改革局（本级）",
      nature: "行政",
      level: "正处级",
      funding: "财政拨款",
    },
    {
      code: "303002",
      name: "示范市高新区节能监察中心",
      nature: "事业",
      level: "正科级",
      funding: "财政性资金基本保证",
    },
  ],
  duties:
    "贯彻执行国家和省市国民经济和社会发展的方针政策，拟订并组织实施全区国民经济和社会发展规划。",
  income: {
    total: 1234.567891,
    items: [
      { source: "generalBudget", label: "一般公共预算拨款收入", amount: 1100.5 },
      { source: "governmentFund", label: "政府性基金预算拨款收入", amount: 80 },
      { source: "carryOver", label: "上年结转", amount: 54.067891 },
    ],
    previousTotal: 1150.25,
  },
  expenditure: {
    total: 1180.5,
    basic: 800.25,
    personnel: 700.05,
    publicOperating: 100.2,
    project: 380.25,
    otherItems: [{ label: "结转下年", amount: 54.067891 }],
    previous: { total: 1200, basic: 780.25, project: 419.75 },
    changeReason: "人员增加，专项业务经费压减。",
  },
  expenditureByFunction: [
    { code: "201", name: "一般公共服务支出", total: 1000.5, basic: 700.25, project: 300.25 },
    { code: "20104", name: "发展与改革事务", total: 1000.5, basic: 700.25, project: 300.25 },
    { code: "2010401", name: "行政运行", total: 700.25, basic: 700.25 },
    { code: "2010402", name: "一般行政管理事务", total: 300.25, project: 300.25 },
    { code: "208", name: "社会保障和就业支出", total: 100, basic: 100 },
    { code: "20805", name: "行政事业单位养老支出", total: 100, basic: 100 },
    { code: "2080505", name: "机关事业单位基本养老保险缴费支出", total: 100, basic: 100 },
  ],
  basicByEconomic: [
    { code: "301", name: "工资福利支出", total: 650.05, personnel: 650.05 },
    { code: "30101", name: "基本工资", total: 400, personnel: 400 },
    { code: "30102", name: "津贴补贴", total: 250.05, personnel: 250.05 },
    { code: "302", name: "商品和服务支出", total: 100.2, publicOperating: 100.2 },
    { code: "30201", name: "办公费", total: 60.2, publicOperating: 60.2 },
    { code: "30211", name: "差旅费", total: 40, publicOperating: 40 },
    { code: "303", name: "对个人和家庭的补助", total: 50, personnel: 50 },
    { code: "30302", name: "退休费", total: 50, personnel: 50 },
  ],
  operatingCosts: {
    amount: 100.2,
    previous: 95.5,
    items: [
      { name: "办公费", amount: 60.2 },
      { name: "差旅费", amount: 40 },
    ],
  },
  threePublic: {
    total: 12.5,
    overseas: 0,
    vehicle: { total: 8.3, purchase: 0, operation: 8.3 },
    reception: 4.2,
    previous: {
      total: 13.7,
      overseas: 0,
      vehicle: { total: 9.5, purchase: 0, operation: 9.5 },
      reception: 4.2,
    },
    explanation: "严格执行公务用车管理规定，压减公务用车运行费。",
  },
  procurement: {
    total: 35.6,
    items: [
      {
        project: "办公设备购置",
        item: "台式计算机",
        catalogCode: "A02010104",
        category: "货物",
        measure: "台",
        quantity: 10,
        unitPrice: 0.56,
        amount: 5.6,
      },
      {
        project: "信息系统运维",
        item: "运行维护服务",
        catalogCode: "C16070000",
        category: "服务",
        measure: "项",
        quantity: 1,
        unitPrice: 30,
        amount: 30,
      },
    ],
  },
  assets: {
    asOf: "2022-12-31",
    total: { originalValue: 282.91, depreciation: 244.3, netValue: 38.61 },
    items: [
      { category: "通用设备", originalValue: 224.71, depreciation: 198.37, netValue: 26.34 },
      {
        category: "家具、用具、装具及动植物",
        originalValue: 58.2,
        depreciation: 45.93,
        netValue: 12.27,
      },
    ],
  },
  performance: {
    overallGoal: "围绕全区经济社会发展目标，统筹推进发展改革各项工作。",
    goals: [{ title: "综合事务管理", goal: "保障机关正常运转。", indicatorText: "经费保障率≥95%" }],
    activities: [
      {
        duty: "推进经济社会发展",
        dutyBudget: 300.25,
        activity: "编制发展规划",
        budget: 300.25,
        description: "编制全区年度计划。",
        goal: "按时完成年度计划编制。",
        indicators: [
          {
            name: "计划按时完成率",
            description: "指标值：年度计划按时印发",
            grades: { excellent: "≥100%", good: "≥95%", fair: "≥90%", poor: "<90%" },
          },
          { name: "规划质量", grades: { excellent: "优", good: "良", fair: "中", poor: "差" } },
        ],
      },
    ],
    projects: [
      {
        unit: { code: "303001", name: "示范市高新区发展和改革局（本级）" },
        code: "13031123P00874710001B",
        name: "发展规划编制经费",
        budget: 300.25,
        fiscalFunds: 300.25,
        otherFunds: 0,
        purpose: "用于编制全区国民经济和社会发展年度计划。",
        spendingPlan: { mar: 20, jun: 50, oct: 80, dec: 100 },
        goals: ["按时完成年度计划编制；", "提高规划的科学性。"],
        indicators: [
          {
            level1: "产出指标",
            level2: "数量指标",
            name: "编制规划数量",
            description: "年度编制规划数量",
            target: { raw: "≥2项", op: ">=", value: 2, unit: "项" },
            basis: "工作安排需要",
          },
          {
            level1: "产出指标",
            level2: "时效指标",
            name: "完成时间",
            description: "规划完成时间",
            target: { raw: "12月底前完成", qualitative: true },
            basis: "上级工作要求",
          },
          {
            level1: "满意度指标",
            level2: "服务对象满意度指标",
            name: "社会满意度",
            description: "调查满意度",
            target: { raw: "≥95%", op: ">=", value: 95, unit: "%" },
            basis: "调查问卷",
          },
        ],
      },
    ],
  },
  functionalClassification: [
    { code: "2010401", name: "行政运行", description: "反映行政单位的基本支出。" },
  ],
  glossary: [
    { term: "财政拨款收入", definition: "指区财政当年拨付的资金。" },
    {
      term: "基本支出",
      definition: "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
    },
  ],
  otherNotes: "本部门无其他需要说明的事项。",
};

export function fixture(): Disclosure {
  const checked = validateDisclosure(structuredClone(raw));
  if (!checked.ok) throw new Error(`fixture invalid: ${JSON.stringify(checked.problems)}`);
  return checked.disclosure;
}

/** The same department with no government funds, no state capital and no 三公 data: tables published empty. */
export function sparseFixture(): Disclosure {
  const d = fixture();
  d.income = {
    total: 500,
    items: [{ source: "generalBudget", label: "一般公共预算拨款收入", amount: 500 }],
  };
  d.expenditure = { total: 500, basic: 500 };
  delete d.threePublic;
  delete d.expenditureByFunction;
  delete d.basicByEconomic;
  return d;
}
