/**
 * Tables 4–8, of 财政拨款 money: 财政拨款收支总表 (all fiscal funds), 一般公共预算
 * 支出表 and 基本支出表 (the 一般公共预算 only), and one table per other fund.
 * A figure of another scope never stands in: what is not stated is 未公开.
 */
import {
  functionLevel,
  type EconomicLine,
  type FunctionLine,
  type IncomeSource,
} from "../../model/disclosure.ts";
import { addWan, chineseNumber, printWan } from "../numbers.ts";
import {
  amountCell,
  amountOrUndisclosed,
  partCells,
  emptyNote,
  head,
  SOURCE_LABELS,
  sideBySide,
  totalLabel,
  undisclosed,
  undisclosedLinesRow,
  type TableContext,
} from "./cells.ts";
import { text, type Cell, type TableModel } from "./model.ts";
import {
  allMoneyIsGeneralBudget,
  amountOf,
  functionLines,
  generalBudgetMoney,
  isZeroOrAbsent,
  linesAreDepartment,
  linesAreGeneralBudget,
  topLines,
} from "./scope.ts";

/** Unit, widths and header of a table by 功能分类 line: code, name, 合计, 基本, 项目. */
const byFunctionLayout = () => ({
  unit: "单位：万元",
  widths: [1.3, 4, 1.4, 1.4, 1.4],
  header: [[head("科目编码"), head("科目名称"), head("合计"), head("基本支出"), head("项目支出")]],
});

/** A 功能分类 line's row in that layout, its 类 in bold. */
function functionLineRow(l: FunctionLine): Cell[] {
  const b = { bold: functionLevel(l) === 1 };
  return [
    text(l.code ?? ""),
    text(l.name, { align: "left", ...b }),
    amountCell(l.total, b),
    ...partCells(l.total, [l.basic, l.project], b),
  ];
}

const FISCAL_SOURCES: IncomeSource[] = [
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "fiscalUnsplit",
];

/**
 * The four amount cells (合计 · 一般公共预算 · 政府性基金 · 国有资本经营) of an expenditure row
 * whose 一般公共预算 figure is known: a fund the department has is 未公开 (its lines are not
 * in the disclosure), and so is 合计 then; a fund it lacks is blank.
 */
function fiscalColumns(general: number | undefined, ctx: TableContext, bold: boolean): Cell[] {
  const fund = !isZeroOrAbsent(amountOf(ctx.d, "governmentFund"));
  const capital = !isZeroOrAbsent(amountOf(ctx.d, "stateCapital"));
  const b = { bold };
  return [
    fund || capital ? undisclosed(b) : amountOrUndisclosed(general, b),
    amountOrUndisclosed(general, b),
    fund ? undisclosed(b) : text(""),
    capital ? undisclosed(b) : text(""),
  ];
}

/** Table 4: 财政拨款收支总表 / 财政拨款收入支出决算总表. */
export function fiscalAppropriationSummary(ctx: TableContext): TableModel {
  const { d, amountWord, final } = ctx;
  const rows = FISCAL_SOURCES.map((s) => ({
    amount: amountOf(d, s),
    label: d.income?.items?.find((i) => i.source === s)?.label ?? SOURCE_LABELS[s],
  })).filter((r) => r.amount !== undefined);
  const classes = linesAreGeneralBudget(d) ? topLines(functionLines(d)) : [];
  const left: Cell[][] = rows.map((r, n) => [
    text(`${chineseNumber(n + 1)}、${r.label}`, { align: "left" }),
    amountCell(r.amount),
  ]);
  const right: Cell[][] = classes.length
    ? classes.map((l, n) => [
        text(`${chineseNumber(n + 1)}、${l.name}`, { align: "left" }),
        ...fiscalColumns(l.total, ctx, false),
      ])
    : [
        [
          text("按支出功能分类科目的明细", { align: "left" }),
          ...fiscalColumns(undefined, ctx, false),
        ],
      ];
  const empty = !rows.length;
  // Without lines, the department's total is the 一般公共预算's when all its money is.
  const spent = classes.length
    ? addWan(classes.map((l) => l.total))
    : allMoneyIsGeneralBudget(d)
      ? d.expenditure?.total
      : undefined;
  const body: Cell[][] = empty
    ? []
    : [
        ...sideBySide(left, right, 5),
        [
          totalLabel("收入总计"),
          amountCell(addWan(rows.map((r) => r.amount)), { bold: true }),
          totalLabel("支出总计"),
          ...fiscalColumns(spent, ctx, true),
        ],
      ];
  return {
    id: "t4-fiscal",
    title: final ? "财政拨款收入支出决算总表" : "财政拨款收支总表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [3, 1.3, 3, 1.3, 1.3, 1.3, 1.3],
    landscape: true,
    header: [
      [head("收入", { colSpan: 2 }), head("支出", { colSpan: 5 })],
      [
        head("项目", { rowSpan: 2 }),
        head(amountWord, { rowSpan: 2 }),
        head("项目", { rowSpan: 2 }),
        head(amountWord, { colSpan: 4 }),
      ],
      [head("合计"), head("一般公共预算"), head("政府性基金预算"), head("国有资本经营预算")],
    ],
    body,
    ...(empty ? { empty: true, note: emptyNote("财政拨款收支", final) } : {}),
  };
}

/** Table 5: 一般公共预算支出表, the functional lines to 项 when they are the 一般公共预算's. */
export function generalBudgetExpenditure(ctx: TableContext): TableModel {
  const { d, final } = ctx;
  const general = generalBudgetMoney(d);
  const lines = linesAreGeneralBudget(d) ? functionLines(d) : [];
  const classes = topLines(lines);
  const total = classes.length ? addWan(classes.map((l) => l.total)) : general;
  const empty = total === undefined || (!classes.length && total === 0);
  const column = (key: "basic" | "project") =>
    classes.length ? addWan(classes.map((l) => l[key])) : undefined;
  const bold = { bold: true };
  const lineRows = lines.map(functionLineRow);
  return {
    id: "t5-general-budget",
    title: final ? "一般公共预算财政拨款支出决算表" : "一般公共预算支出表",
    caption: ctx.caption,
    ...byFunctionLayout(),
    body: empty
      ? []
      : [
          [
            text(""),
            totalLabel("合计"),
            amountCell(total, bold),
            ...(classes.length
              ? partCells(total, [column("basic"), column("project")], bold)
              : allMoneyIsGeneralBudget(d)
                ? partCells(total, [d.expenditure?.basic, d.expenditure?.project], bold)
                : [undisclosed(bold), undisclosed(bold)]),
          ],
          ...(lineRows.length ? lineRows : [undisclosedLinesRow(5)]),
        ],
    ...(empty ? { empty: true, note: emptyNote("一般公共预算财政拨款支出", final) } : {}),
  };
}

/**
 * The 功能分类 lines as the document prints them, when their 类 add up to neither the
 * department's expenditure nor its 一般公共预算 money (杭州 P030: 一般公共预算 plus 上年结转):
 * tables 3 and 5 cannot take them (another scope's numbers), yet they were published and are
 * shown, under a note saying what they add up to. Undefined when a standard table holds them.
 */
export function functionLinesAsPrinted(ctx: TableContext): TableModel | undefined {
  const { d } = ctx;
  if (!d.expenditureByFunction?.length || linesAreDepartment(d) || linesAreGeneralBudget(d))
    return undefined;
  const lines = functionLines(d);
  const classes = topLines(lines);
  const sum = classes.length ? addWan(classes.map((l) => l.total)) : undefined;
  const compared = [
    d.expenditure?.total !== undefined ? `支出合计 ${printWan(d.expenditure.total)} 万元` : "",
    generalBudgetMoney(d) !== undefined
      ? `一般公共预算 ${printWan(generalBudgetMoney(d)!)} 万元`
      : "",
  ].filter(Boolean);
  return {
    id: "t10-function-lines",
    title: "按支出功能分类科目的支出（原文件所列）",
    caption: ctx.caption,
    ...byFunctionLayout(),
    body: lines.map(functionLineRow),
    note:
      (sum !== undefined ? `各类合计 ${printWan(sum)} 万元，` : "") +
      `与${compared.length ? compared.join("、") : "本文件的支出总额"}均不一致（可能含上年结转等其他资金），故未列入上述标准表；口径以原文件为准。`,
  };
}

/** The 合计 row of table 6: its own lines' sums, else the department's figures when they are the 一般公共预算's. */
function basicTotals(ctx: TableContext, lines: EconomicLine[]): (number | undefined)[] {
  const e = ctx.d.expenditure;
  // The 合计 row adds up the table's own lines (its 类, or its 款 when no 类 is listed), so the
  // table is consistent by construction; the department's 基本支出 may cover other funds too.
  const classes = lines.filter((l) => l.code.length === 3);
  const top = classes.length ? classes : lines.filter((l) => l.code.length === 5);
  if (!top.length) {
    return [
      e?.basic ?? addWan([e?.personnel, e?.publicOperating]),
      e?.personnel,
      e?.publicOperating,
    ];
  }
  const column = (key: "personnel" | "publicOperating") =>
    top.some((l) => l[key] !== undefined) ? addWan(top.map((l) => l[key])) : undefined;
  const total = addWan(top.map((l) => l.total));
  // Lines printed with 合计 only (corpus 017) still show the department's split when it adds up to their total.
  const split =
    !top.some((l) => l.personnel !== undefined || l.publicOperating !== undefined) &&
    addWan([e?.personnel, e?.publicOperating]) === total;
  return split
    ? [total, e?.personnel, e?.publicOperating]
    : [total, column("personnel"), column("publicOperating")];
}

/** Table 6: 一般公共预算基本支出表, `basicByEconomic` to 款 with 人员经费 / 公用经费. */
export function generalBudgetBasicExpenditure(ctx: TableContext): TableModel {
  const { d, final } = ctx;
  const e = d.expenditure;
  const lines = [...(d.basicByEconomic ?? [])].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  const hasTotals =
    e?.basic !== undefined || e?.personnel !== undefined || e?.publicOperating !== undefined;
  const empty = !hasTotals && !lines.length;
  // Without lines the department's figures are the 一般公共预算's only when all its money is.
  const own = lines.length || allMoneyIsGeneralBudget(d);
  const bold = { bold: true };
  const [total, personnel, publicOperating] = basicTotals(ctx, lines);
  const totals = own
    ? [amountCell(total, bold), ...partCells(total, [personnel, publicOperating], bold)]
    : [undisclosed(bold), undisclosed(bold), undisclosed(bold)];
  return {
    id: "t6-general-budget-basic",
    title: final ? "一般公共预算财政拨款基本支出决算表" : "一般公共预算基本支出表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [1.3, 4, 1.4, 1.4, 1.4],
    header: [
      [
        head("部门预算支出经济分类科目", { colSpan: 2 }),
        head("本年一般公共预算基本支出", { colSpan: 3 }),
      ],
      [head("科目编码"), head("科目名称"), head("合计"), head("人员经费"), head("公用经费")],
    ],
    body: empty
      ? []
      : [
          [text(""), totalLabel("合计"), ...totals],
          ...lines.map((l) => {
            const b = { bold: l.code.length === 3 };
            return [
              text(l.code),
              text(l.name, { align: "left", ...b }),
              amountCell(l.total, b),
              ...partCells(l.total, [l.personnel, l.publicOperating], b),
            ];
          }),
        ],
    ...(empty ? { empty: true, note: emptyNote("一般公共预算基本支出", final) } : {}),
  };
}

/**
 * Tables 7 and 8: one fund's expenditure. The disclosure states the fund's money
 * (its income), which a budget spends in full; its split and its lines are 未公开,
 * and a 决算's actual spending is not the money received, so its 合计 is too.
 */
export function fundExpenditure(
  ctx: TableContext,
  source: "governmentFund" | "stateCapital",
): TableModel {
  const { d, final } = ctx;
  const amount = amountOf(d, source);
  const fund = source === "governmentFund";
  const what = fund ? "政府性基金预算财政拨款收支" : "国有资本经营预算财政拨款收支";
  const empty = isZeroOrAbsent(amount);
  const bold = { bold: true };
  return {
    id: fund ? "t7-government-fund" : "t8-state-capital",
    title: fund
      ? final
        ? "政府性基金预算财政拨款收入支出决算表"
        : "政府性基金预算支出表"
      : final
        ? "国有资本经营预算财政拨款支出决算表"
        : "国有资本经营预算支出表",
    caption: ctx.caption,
    ...byFunctionLayout(),
    body: empty
      ? []
      : [
          [
            text(""),
            totalLabel("合计"),
            final ? undisclosed(bold) : amountCell(amount, bold),
            undisclosed(bold),
            undisclosed(bold),
          ],
          undisclosedLinesRow(5),
        ],
    ...(empty ? { empty: true, note: emptyNote(what, final) } : {}),
  };
}
