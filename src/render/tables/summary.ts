/**
 * Tables 1–3, of all the department's funds: 部门收支总表 (收入支出决算总表),
 * 部门收入总表 (收入决算表), 部门支出总表 (支出决算表). Functional lines enter
 * them only when they are the whole department's (scope.ts).
 */
import {
  functionLevel,
  isCarriedForward,
  type Disclosure,
  type IncomeSource,
} from "../../model/disclosure.ts";
import { addWan, chineseNumber } from "../numbers.ts";
import {
  amountCell,
  amountOrUndisclosed,
  partCells,
  emptyNote,
  head,
  SOURCE_LABELS,
  sideBySide,
  totalLabel,
  undisclosedLinesRow,
  type TableContext,
} from "./cells.ts";
import { text, type Cell, type TableModel } from "./model.ts";
import { agrees, amountOf, functionLines, linesAreDepartment, topLines } from "./scope.ts";

/** "一、label | amount" rows of a half-table. */
function numberedRows(rows: { label: string; amount?: number }[]): Cell[][] {
  return rows.map((r, n) => [
    text(`${chineseNumber(n + 1)}、${r.label}`, { align: "left" }),
    amountOrUndisclosed(r.amount),
  ]);
}

/**
 * The expenditure side of the 收支总表 when the functional lines are not the department's:
 * 基本支出, 项目支出 and the other parts of 本年支出合计; a part the disclosure does not state
 * is listed as 未公开 when the stated ones fall short of the total.
 */
function expenditureByKind(d: Disclosure): { label: string; amount?: number }[] {
  const e = d.expenditure;
  if (!e) return [];
  const others = (e.otherItems ?? []).filter((o) => !isCarriedForward(o));
  const stated = addWan([e.basic, e.project, ...others.map((o) => o.amount)]);
  const complete = e.total === undefined || agrees(stated, e.total);
  return [
    ...(e.basic !== undefined || !complete ? [{ label: "基本支出", amount: e.basic }] : []),
    ...(e.project !== undefined || !complete ? [{ label: "项目支出", amount: e.project }] : []),
    ...others,
  ];
}

function incomeExpenditureBody(ctx: TableContext): Cell[][] {
  const { d } = ctx;
  const items = d.income?.items ?? [];
  const current = items.filter((i) => i.source !== "carryOver");
  const carry = items.filter((i) => i.source === "carryOver");
  const e = d.expenditure;
  // 结转下年 / 年末结转和结余 sit below 本年支出合计 and add up to 支出总计; 上缴上级支出 … are part of 本年支出合计.
  const carried = (e?.otherItems ?? []).filter(isCarriedForward);
  const classes = linesAreDepartment(d) ? topLines(functionLines(d)) : [];
  const right = classes.length
    ? numberedRows(classes.map((l) => ({ label: l.name, amount: l.total })))
    : numberedRows(expenditureByKind(d));
  const plain = (rows: { label: string; amount: number }[]) =>
    rows.map((r) => [text(r.label, { align: "left" }), amountCell(r.amount)]);
  const bold = { bold: true };
  return [
    ...sideBySide(numberedRows(current), right),
    [
      totalLabel("本年收入合计"),
      amountOrUndisclosed(addWan(current.map((i) => i.amount)), bold),
      totalLabel("本年支出合计"),
      amountOrUndisclosed(e?.total, bold),
    ],
    ...sideBySide(plain(carry), plain(carried)),
    [
      totalLabel("收入总计"),
      amountOrUndisclosed(d.income?.total ?? addWan(items.map((i) => i.amount)), bold),
      totalLabel("支出总计"),
      amountOrUndisclosed(
        e?.total === undefined ? undefined : addWan([e.total, ...carried.map((o) => o.amount)]),
        bold,
      ),
    ],
  ];
}

/** Table 1: 部门收支总表 / 收入支出决算总表. */
export function incomeExpenditureSummary(ctx: TableContext): TableModel {
  const { d, amountWord, final } = ctx;
  const empty = !d.income?.items?.length && !d.expenditure;
  return {
    id: "t1-income-expenditure",
    title: final ? "收入支出决算总表" : "部门收支总表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [3, 1.4, 3, 1.4],
    header: [
      [head("收入", { colSpan: 2 }), head("支出", { colSpan: 2 })],
      [head("项目"), head(amountWord), head("项目"), head(amountWord)],
    ],
    body: empty ? [] : incomeExpenditureBody(ctx),
    ...(empty ? { empty: true, note: emptyNote("收支数据", final) } : {}),
  };
}

const INCOME_TABLE_SOURCES: IncomeSource[] = [
  "carryOver",
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "fiscalSpecial",
  "fiscalUnsplit",
  "business",
  "operating",
  "superiorSubsidy",
  "subordinateRemit",
  "other",
];

/** Table 2: 部门收入总表 / 收入决算表, one column per stated source. */
export function incomeSummary(ctx: TableContext): TableModel {
  const { d, final } = ctx;
  const items = d.income?.items ?? [];
  // Only the sources the document states get a column: a column of blanks says nothing.
  const sources = INCOME_TABLE_SOURCES.filter((s) => items.some((i) => i.source === s));
  const labelOf = (s: IncomeSource) =>
    (s === "other" ? items.find((i) => i.source === s)?.label : undefined) ?? SOURCE_LABELS[s];
  const total = d.income?.total ?? addWan(items.map((i) => i.amount));
  const empty = !items.length && total === undefined;
  const code = d.department?.code;
  const row = (first: Cell[], bold: boolean): Cell[] => [
    ...first,
    amountCell(total, { bold }),
    ...sources.map((s) => amountCell(amountOf(d, s), { bold })),
  ];
  return {
    id: "t2-income",
    title: final ? "收入决算表" : "部门收入总表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [1.2, 3, 1.4, ...sources.map(() => 1.4)],
    header: [
      [
        head(code ? "单位编码" : "科目编码"),
        head(code ? "单位名称" : "科目名称"),
        head("合计"),
        ...sources.map((s) => head(labelOf(s))),
      ],
    ],
    body: empty
      ? []
      : [
          row([text(""), totalLabel("合计")], true),
          // The department as a whole, under its code (the 单位编码 | 单位名称 rows of real tables).
          ...(code ? [row([text(code), text(d.department!.name, { align: "left" })], false)] : []),
        ],
    landscape: sources.length > 4,
    ...(empty ? { empty: true, note: emptyNote("收入数据", final) } : {}),
  };
}

/** Table 3: 部门支出总表 / 支出决算表, 合计 and the functional lines 类→款→项. */
export function expenditureSummary(ctx: TableContext): TableModel {
  const { d, final } = ctx;
  const e = d.expenditure;
  const lines = linesAreDepartment(d) ? functionLines(d) : [];
  const empty = !e && !lines.length;
  // Other items that are parts of the total (单位预留机动经费, 上缴上级支出 …) get their own column, as printed;
  // what is carried forward is not this year's expenditure.
  const others = (e?.otherItems ?? []).filter((o) => !isCarriedForward(o));
  const parts =
    others.length &&
    e?.total !== undefined &&
    addWan([e.basic ?? 0, e.project ?? 0, ...others.map((o) => o.amount)]) === e.total
      ? others
      : [];
  const width = 5 + parts.length;
  const lineRows = lines.map((l) => {
    const bold = { bold: functionLevel(l) === 1 };
    return [
      text(l.code ?? ""),
      text(l.name, { align: "left", ...bold }),
      amountCell(l.total, bold),
      ...partCells(l.total, [l.basic, l.project], bold),
      ...parts.map(() => text("")),
    ];
  });
  return {
    id: "t3-expenditure",
    title: final ? "支出决算表" : "部门支出总表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [1.3, 4, 1.4, 1.4, 1.4, ...parts.map(() => 1.4)],
    header: [
      [
        head("科目编码"),
        head("科目名称"),
        head("合计"),
        head("基本支出"),
        head("项目支出"),
        ...parts.map((o) => head(o.label)),
      ],
    ],
    body: empty
      ? []
      : [
          [
            text(""),
            totalLabel("合计"),
            amountOrUndisclosed(e?.total, { bold: true }),
            ...partCells(e?.total, [e?.basic, e?.project, ...parts.map((o) => o.amount)], {
              bold: true,
            }),
          ],
          ...(lineRows.length ? lineRows : [undisclosedLinesRow(width)]),
        ],
    ...(empty ? { empty: true, note: emptyNote("支出数据", final) } : {}),
  };
}
