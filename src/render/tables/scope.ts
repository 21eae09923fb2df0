/**
 * Which money a figure covers. The nine tables each have a scope: all of the
 * department's funds (tables 1–3), 财政拨款 (table 4), 一般公共预算 (tables 5–6),
 * one fund (7, 8). The format does not say which table `expenditureByFunction`
 * came from, so its scope is read from the totals its 类 add up to; a table
 * takes only figures of its own scope, and says 未公开 where the disclosure
 * has none (never another scope's numbers).
 */
import {
  functionLevel,
  hasCode,
  type Disclosure,
  type FunctionLine,
  type IncomeSource,
} from "../../model/disclosure.ts";
import { wanToFen } from "../../model/amount.ts";
import { addWan } from "../numbers.ts";

/** What a cell says when the disclosure does not state the figure of the table's scope. */
export const UNDISCLOSED = "未公开";

/** The exact sum of the income items of one source (undefined when none is stated). */
export function amountOf(d: Disclosure, source: IncomeSource): number | undefined {
  const items = d.income?.items?.filter((i) => i.source === source) ?? [];
  return addWan(items.map((i) => i.amount));
}

export function isZeroOrAbsent(v: number | undefined): boolean {
  return v === undefined || v === 0;
}

/** Printed lines are rounded to 0.01 万元: a sum of them may differ from the printed total by that much. */
const TOLERANCE_FEN = wanToFen(0.01);

export function agrees(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const diff = wanToFen(a) - wanToFen(b);
  return (diff < 0n ? -diff : diff) <= TOLERANCE_FEN;
}

/**
 * Functional classification lines in code order. A list whose codes repeat holds several
 * units' rows one after another (a table without unit names), and a list printed without
 * codes has only its order: both keep the printed order.
 */
export function functionLines(d: Disclosure): FunctionLine[] {
  const lines = d.expenditureByFunction ?? [];
  if (!lines.every(hasCode) || new Set(lines.map((l) => l.code)).size < lines.length)
    return [...lines];
  return [...lines].sort((a, b) =>
    a.code! < b.code! ? -1 : a.code! > b.code! ? 1 : a.code!.length - b.code!.length,
  );
}

/** The lines' total, exactly: their 类 (or their 款, or their 项, when no higher level is listed). */
export function classTotal(d: Disclosure): number | undefined {
  return addWan(topLines(d.expenditureByFunction ?? []).map((l) => l.total));
}

/** The lines of the highest level listed (类, else 款, else 项): what a 合计 adds up. */
export function topLines(lines: FunctionLine[]): FunctionLine[] {
  // Lines of unknown level (no code, no indentation) make no top: their sum may count a 类 and its 款.
  if (lines.some((l) => functionLevel(l) === undefined)) return [];
  for (const level of [1, 2, 3]) {
    const top = lines.filter((l) => functionLevel(l) === level);
    if (top.length) return top;
  }
  return [];
}

/** The 一般公共预算 money: stated as such, or 财政拨款 stated without a split when there is no other fund. */
export function generalBudgetMoney(d: Disclosure): number | undefined {
  const general = amountOf(d, "generalBudget");
  if (general !== undefined) return general;
  return otherFundsAbsent(d) ? amountOf(d, "fiscalUnsplit") : undefined;
}

/** No 政府性基金 and no 国有资本经营 money. */
export function otherFundsAbsent(d: Disclosure): boolean {
  return (
    isZeroOrAbsent(amountOf(d, "governmentFund")) && isZeroOrAbsent(amountOf(d, "stateCapital"))
  );
}

const GENERAL_SOURCES: IncomeSource[] = ["generalBudget", "fiscalUnsplit"];

/**
 * Every yuan the department has is 一般公共预算 money (no other fund, no 事业收入, no
 * carry-over): only then are its all-funds figures also the 一般公共预算's.
 */
export function allMoneyIsGeneralBudget(d: Disclosure): boolean {
  const items = (d.income?.items ?? []).filter((i) => i.amount !== 0);
  return (
    items.length > 0 &&
    items.every((i) => GENERAL_SOURCES.includes(i.source)) &&
    otherFundsAbsent(d)
  );
}

/** The functional lines are the whole department's when their 类 add up to its 本年支出合计. */
export function linesAreDepartment(d: Disclosure): boolean {
  if (!d.expenditureByFunction?.length) return false;
  const total = d.expenditure?.total;
  if (total !== undefined) return agrees(classTotal(d), total);
  return allMoneyIsGeneralBudget(d) && agrees(classTotal(d), generalBudgetMoney(d));
}

/** …and the 一般公共预算's when their 类 add up to the 一般公共预算 money. */
export function linesAreGeneralBudget(d: Disclosure): boolean {
  if (!d.expenditureByFunction?.length) return false;
  const general = generalBudgetMoney(d);
  if (general !== undefined) return agrees(classTotal(d), general);
  return linesAreDepartment(d) && allMoneyIsGeneralBudget(d);
}
