/**
 * The tables of the document's text parts (not the nine standard tables):
 * 机构设置, 政府采购, 国有资产, 功能分类名词解释, 部门职责—工作活动 and one
 * 项目绩效目标表 per project.
 */
import type { Disclosure, Project } from "../model/disclosure.ts";
import { addWan, chineseNumber, printWan } from "./numbers.ts";
import { text, type Cell, type TableModel } from "./tables/model.ts";

const head = (t: string, extra: Partial<Cell> = {}): Cell => ({
  text: t,
  align: "center",
  bold: true,
  ...extra,
});
const amount = (v: number | undefined): Cell =>
  v === undefined ? text("") : { text: printWan(v), amount: v, align: "right" };

export function unitsTable(d: Disclosure): TableModel {
  const coded = (d.units ?? []).some((u) => u.code);
  return {
    id: "units",
    title: "机构设置",
    widths: [0.7, ...(coded ? [1.2] : []), 5, 1.2, 1.6, 2.6],
    header: [
      [
        head("序号"),
        ...(coded ? [head("单位编码")] : []),
        head("单位名称"),
        head("单位性质"),
        head("单位规格"),
        head("经费保障形式"),
      ],
    ],
    body: (d.units ?? []).map((u, i) => [
      text(String(i + 1), { align: "center" }),
      ...(coded ? [text(u.code, { align: "center" })] : []),
      text(u.name, { align: "left" }),
      text(u.nature, { align: "center" }),
      text(u.level, { align: "center" }),
      text(u.funding, { align: "center" }),
    ]),
  };
}

export function procurementTable(d: Disclosure): TableModel {
  const items = d.procurement?.items ?? [];
  // One column per fund source (一般公共预算拨款, 基金预算拨款 ...) that the total or an item names, in order of appearance.
  const funds = [
    ...new Set(
      [...(d.procurement?.fundSources ?? []), ...items.flatMap((i) => i.fundSources ?? [])].map(
        (f) => f.label,
      ),
    ),
  ];
  const fundCells = (sources: { label: string; amount: number }[] | undefined) =>
    funds.map((l) => amount(sources?.find((f) => f.label === l)?.amount));
  return {
    id: "procurement",
    title: `政府采购${d.kind === "final" ? "决算" : "预算"}表`,
    unit: "单位：万元",
    widths: [3, 2.5, 1.4, 1, 1, 1.2, 1.3, ...funds.map(() => 1.4)],
    landscape: true,
    header: [
      [
        head("项目名称"),
        head("采购物品名称"),
        head("政府采购目录序号"),
        head("计量单位"),
        head("数量"),
        head("单价"),
        head("金额"),
        ...funds.map((l) => head(l)),
      ],
    ],
    body: [
      [
        text("合计", { align: "center", bold: true }),
        text(""),
        text(""),
        text(""),
        text(""),
        text(""),
        amount(d.procurement?.total ?? addWan(items.map((i) => i.amount))),
        ...fundCells(d.procurement?.fundSources),
      ],
      ...items.map((i) => [
        text(i.project, { align: "left" }),
        text(i.item, { align: "left" }),
        text(i.catalogCode, { align: "center" }),
        text(i.measure, { align: "center" }),
        text(i.quantity === undefined ? "" : String(i.quantity), { align: "right" }),
        amount(i.unitPrice),
        amount(i.amount),
        ...fundCells(i.fundSources),
      ]),
    ],
  };
}

export function assetsTable(d: Disclosure): TableModel {
  const a = d.assets!;
  const items = a.items ?? [];
  const hasQuantity =
    items.some((i) => i.quantity !== undefined) || a.total?.quantity !== undefined;
  const row = (
    label: string,
    v: { quantity?: number; originalValue?: number; depreciation?: number; netValue?: number },
    bold = false,
  ): Cell[] => [
    text(label, { align: bold ? "center" : "left", bold }),
    ...(hasQuantity
      ? [text(v.quantity === undefined ? "" : String(v.quantity), { align: "right" })]
      : []),
    amount(v.originalValue),
    amount(v.depreciation),
    amount(v.netValue),
  ];
  return {
    id: "assets",
    title: "国有资产占用情况表",
    unit: "单位：万元",
    widths: [4, ...(hasQuantity ? [1] : []), 1.5, 1.5, 1.5],
    header: [
      [
        head("资产类别"),
        ...(hasQuantity ? [head("数量")] : []),
        head("原值"),
        head("累计折旧"),
        head("净值"),
      ],
    ],
    body: [
      ...(a.total ? [row("合计", a.total, true)] : []),
      ...items.map((i) => row(i.parent ? `其中：${i.category}` : i.category, i)),
    ],
  };
}

export function functionalTable(d: Disclosure): TableModel {
  return {
    id: "functional-classification",
    title: "功能分类名词解释",
    widths: [1.3, 3, 6],
    header: [[head("功能编码"), head("功能名称"), head("名词解释")]],
    body: (d.functionalClassification ?? []).map((f) => [
      text(f.code, { align: "center" }),
      text(f.name, { align: "left" }),
      text(f.description, { align: "left" }),
    ]),
  };
}

export function activitiesTable(d: Disclosure): TableModel {
  const activities = d.performance?.activities ?? [];
  // 指标描述 is a column only when some indicator has one (seed layouts with and without it both exist).
  const described = activities.some((a) => a.indicators?.some((i) => i.description));
  const width = described ? 10 : 9;
  const body: Cell[][] = [];
  let duty: string | undefined;
  let dutyNo = 0;
  let activityNo = 0;
  for (const a of activities) {
    if (a.duty !== duty) {
      duty = a.duty;
      activityNo = 0;
      body.push([
        text(`${chineseNumber(++dutyNo)}、${a.duty}`, { align: "left", bold: true }),
        amount(a.dutyBudget),
        text("", { colSpan: width - 2 }),
      ]);
    }
    const indicators = a.indicators?.length ? a.indicators : [undefined];
    // An indicator with its own goal needs the goal column cell by cell (the importer reads a differing goal as the indicator's).
    const ownGoals = indicators.some((i) => i?.goal);
    indicators.forEach((ind, k) => {
      const span = { rowSpan: indicators.length };
      const lead: Cell[] =
        k === 0
          ? [
              text(`${++activityNo}、${a.activity}`, { align: "left", ...span }),
              { ...amount(a.budget), ...span },
              text(a.description, { align: "left", ...span }),
              ...(ownGoals ? [] : [text(a.goal, { align: "left", ...span })]),
            ]
          : [];
      body.push([
        ...lead,
        ...(ownGoals ? [text(k === 0 ? a.goal : ind?.goal, { align: "left" })] : []),
        text(ind?.name, { align: "left" }),
        ...(described ? [text(ind?.description, { align: "left" })] : []),
        text(ind?.grades.excellent, { align: "center" }),
        text(ind?.grades.good, { align: "center" }),
        text(ind?.grades.fair, { align: "center" }),
        text(ind?.grades.poor, { align: "center" }),
      ]);
    });
  }
  const rows2 = { rowSpan: 2 };
  return {
    id: "activities",
    title: "部门职责—工作活动绩效目标",
    unit: "单位：万元",
    widths: [2.6, 1.1, 2.6, 2.6, 2.4, ...(described ? [2.4] : []), 0.9, 0.9, 0.9, 0.9],
    landscape: true,
    header: [
      [
        head("职责活动", rows2),
        head("年度预算数", rows2),
        head("内容描述", rows2),
        head("绩效目标", rows2),
        head("绩效指标", rows2),
        ...(described ? [head("指标描述", rows2)] : []),
        head("评价标准", { colSpan: 4 }),
      ],
      [head("优"), head("良"), head("中"), head("差")],
    ],
    body,
  };
}

/** Consecutive equal values merge into one cell (the printed 一级/二级指标 columns). */
function runLengths(values: string[]): number[] {
  const spans = values.map(() => 0);
  for (let i = 0; i < values.length; ) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i]) j++;
    spans[i] = j - i;
    i = j;
  }
  return spans;
}

/** The anchor of a project's 绩效目标表 on a page (the search links to it). */
export const projectAnchor = (pj: Pick<Project, "code" | "name">): string =>
  `project-${pj.code ?? pj.name}`;

export function projectTable(pj: Project): TableModel {
  const pct = (v: number | undefined) => (v === undefined ? "" : `${v}%`);
  const plan = pj.spendingPlan;
  const inds = pj.indicators ?? [];
  const l1 = runLengths(inds.map((i) => i.level1));
  const l2 = runLengths(inds.map((i) => `${i.level1}\u0000${i.level2}`));
  // The unit as a row of the table (实施单位, as national and provincial forms print it): a caption line above
  // the table could carry only a coded unit, and a name alone would read as any line of text.
  const unit = [pj.unit?.code, pj.unit?.name].filter(Boolean).join(" ");
  const body: Cell[][] = [
    [
      head("项目编码"),
      text(pj.code, { colSpan: 2 }),
      head("项目名称"),
      text(pj.name, { colSpan: 3 }),
    ],
    ...(unit ? [[head("实施单位"), text(unit, { colSpan: 6, align: "left" })]] : []),
    [
      head("预算规模及资金用途", { rowSpan: 2 }),
      head("预算数"),
      amount(pj.budget),
      head("其中：财政资金"),
      amount(pj.fiscalFunds),
      head("其他资金"),
      amount(pj.otherFunds),
    ],
    [text(pj.purpose, { colSpan: 6, align: "left" })],
    [
      head("资金支出计划（%）", { rowSpan: 2 }),
      head("3月底"),
      head("6月底"),
      head("10月底", { colSpan: 2 }),
      head("12月底", { colSpan: 2 }),
    ],
    [
      text(pct(plan?.mar), { align: "center" }),
      text(pct(plan?.jun), { align: "center" }),
      text(pct(plan?.oct), { align: "center", colSpan: 2 }),
      text(pct(plan?.dec), { align: "center", colSpan: 2 }),
    ],
    [
      head("绩效目标"),
      text((pj.goals ?? []).map((g, i) => `${i + 1}.${g}`).join("\n"), {
        colSpan: 6,
        align: "left",
      }),
    ],
    [
      head("一级指标"),
      head("二级指标"),
      head("三级指标"),
      head("绩效指标描述", { colSpan: 2 }),
      head("指标值"),
      head("指标值确定依据"),
    ],
    ...inds.map((ind, k) => [
      ...(l1[k] ? [text(ind.level1, { align: "center", rowSpan: l1[k] })] : []),
      ...(l2[k] ? [text(ind.level2, { align: "center", rowSpan: l2[k] })] : []),
      text(ind.name, { align: "left" }),
      text(ind.description, { align: "left", colSpan: 2 }),
      text(ind.target.raw, { align: "center" }),
      text(ind.basis, { align: "left" }),
    ]),
  ];
  return {
    id: projectAnchor(pj),
    title: `${pj.name}绩效目标表`,
    unit: "单位：万元",
    // Wide enough for 其中：财政资金 and 社会效益指标 on one line, and for 指标值确定依据's document numbers.
    widths: [1.5, 1.9, 2.1, 2.0, 1.1, 1.4, 2.2],
    header: [],
    body,
  };
}
