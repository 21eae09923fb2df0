/**
 * What every standard table is built from: the context (the disclosure, 预算
 * or 决算, the 部门 caption) and the few kinds of cell the tables print.
 */
import type { Disclosure, IncomeSource } from "../../model/disclosure.ts";
import { addWan, printWan } from "../numbers.ts";
import { text, type Cell } from "./model.ts";
import { agrees, UNDISCLOSED } from "./scope.ts";

/** Standard wording of each income source, used when a table row has no document label. */
export const SOURCE_LABELS: Record<IncomeSource, string> = {
  generalBudget: "一般公共预算拨款收入",
  governmentFund: "政府性基金预算拨款收入",
  stateCapital: "国有资本经营预算拨款收入",
  fiscalSpecial: "财政专户管理资金收入",
  fiscalUnsplit: "财政拨款收入",
  business: "事业收入",
  operating: "事业单位经营收入",
  superiorSubsidy: "上级补助收入",
  subordinateRemit: "附属单位上缴收入",
  carryOver: "上年结转结余",
  other: "其他收入",
};

export interface TableContext {
  d: Disclosure;
  final: boolean;
  /** 预算数 / 决算数 */
  amountWord: string;
  caption: string;
}

export function tableContext(d: Disclosure): TableContext {
  const final = d.kind === "final";
  const name = d.department?.name ?? d.units?.[0]?.name;
  return {
    d,
    final,
    amountWord: final ? "决算数" : "预算数",
    caption: name ? `部门：${name}` : "",
  };
}

/** An amount, or a blank cell when the figure is not part of the table (a fund the department lacks). */
export const amountCell = (wan: number | undefined, extra: Partial<Cell> = {}): Cell =>
  wan === undefined
    ? text("", extra)
    : { text: printWan(wan), amount: wan, align: "right", ...extra };

/** A figure the table's scope needs but the disclosure does not state. */
export const undisclosed = (extra: Partial<Cell> = {}): Cell => ({
  text: UNDISCLOSED,
  align: "center",
  ...extra,
});

/** An amount, or 未公开 when it is not stated. */
export const amountOrUndisclosed = (wan: number | undefined, extra: Partial<Cell> = {}): Cell =>
  wan === undefined ? undisclosed(extra) : amountCell(wan, extra);

export const head = (t: string, extra: Partial<Cell> = {}): Cell => ({
  text: t,
  align: "center",
  bold: true,
  ...extra,
});

export const totalLabel = head;

export const emptyNote = (what: string, final: boolean) =>
  `本部门${final ? "本年度" : ""}无${what}，此表为空表。`;

/** Two half-tables (收入 | 支出) side by side, the shorter padded with blank cells. */
export function sideBySide(left: Cell[][], right: Cell[][], rightWidth = 2): Cell[][] {
  const n = Math.max(left.length, right.length);
  const blanks = (k: number) => Array.from({ length: k }, () => text(""));
  return Array.from({ length: n }, (_, k) => [
    ...(left[k] ?? blanks(2)),
    ...(right[k] ?? blanks(rightWidth)),
  ]);
}

/** A row saying the functional breakdown of this scope is not disclosed. */
export function undisclosedLinesRow(width: number): Cell[] {
  return [
    text(""),
    text("按支出功能分类科目的明细", { align: "left" }),
    ...Array.from({ length: width - 2 }, () => undisclosed()),
  ];
}

/**
 * The cells of the parts of a stated total (基本 | 项目, 人员 | 公用, the 三公 items): a part
 * the disclosure does not state is blank when the stated parts already make the total, and
 * 未公开 when they fall short of it (the row would not add up otherwise).
 */
export function partCells(
  total: number | undefined,
  parts: (number | undefined)[],
  extra: Partial<Cell> = {},
): Cell[] {
  const complete =
    total === undefined ||
    parts.every((p) => p !== undefined) ||
    agrees(addWan(parts.map((p) => p ?? 0)), total);
  return parts.map((p) =>
    p === undefined && !complete ? undisclosed(extra) : amountCell(p, extra),
  );
}
