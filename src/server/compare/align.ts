/**
 * @module Two or more disclosures side by side: their headline totals, and
 * their 功能分类 (类/款/项) and 经济分类 lines aligned by classification code.
 * Pure (disclosures in, rows out), shared by the comparison page, its CSV and
 * the JSON API. A line a disclosure does not print stays blank (undefined),
 * never zero; each later column carries its difference from the first and the
 * rate of that difference, computed exactly on bigint 分.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { addWan, ratePercent, subtractWan } from "../../render/numbers.ts";
import { figures, vehicleTotal } from "../views/figures.ts";

/** At most this many disclosures side by side (a wider table is unreadable, and it bounds the work). */
export const MAX_COMPARED = 8;
export const MIN_COMPARED = 2;

export type Level = "类" | "款" | "项";
const LEVEL_BY_LENGTH: Record<number, Level> = { 3: "类", 5: "款", 7: "项" };

/** A later column against the first: undefined where either amount is blank. */
export interface Change {
  difference: number;
  /** Percent, two decimals; undefined when the first amount is zero (shown "—"). */
  rate?: number;
}

export interface ComparedLine {
  /** A total's key ("income") or the classification code. */
  key: string;
  code?: string;
  level?: Level;
  name: string;
  /** One per disclosure, in the order given; undefined where it prints no such line. */
  amounts: (number | undefined)[];
  /** One per disclosure; the first is always undefined (it is the base). */
  changes: (Change | undefined)[];
}

export interface Comparison {
  totals: ComparedLine[];
  functional: ComparedLine[];
  economic: ComparedLine[];
}

/** The differences and rates of each column against the first. */
export function changesAgainstFirst(amounts: (number | undefined)[]): (Change | undefined)[] {
  const base = amounts[0];
  return amounts.map((a, i) => {
    if (i === 0) return undefined;
    const difference = subtractWan(a, base);
    if (difference === undefined) return undefined;
    const rate = ratePercent(difference, base);
    return rate === undefined ? { difference } : { difference, rate };
  });
}

const line = (
  key: string,
  name: string,
  amounts: (number | undefined)[],
  code?: string,
): ComparedLine => ({
  key,
  ...(code ? { code, level: LEVEL_BY_LENGTH[code.length] } : {}),
  name,
  amounts,
  changes: changesAgainstFirst(amounts),
});

type TotalOf = (d: Disclosure) => number | undefined;

/** The headline totals, in the order a reader asks about them. */
export const TOTALS: { key: string; name: string; of: TotalOf }[] = [
  { key: "income", name: "收入合计", of: (d) => figures(d).income },
  { key: "expenditure", name: "支出合计", of: (d) => figures(d).expenditure },
  { key: "basic", name: "基本支出", of: (d) => d.expenditure?.basic },
  { key: "project", name: "项目支出", of: (d) => d.expenditure?.project },
  { key: "threePublic", name: "“三公”经费合计", of: (d) => figures(d).threePublic },
  { key: "overseas", name: "因公出国（境）费", of: (d) => d.threePublic?.overseas },
  {
    key: "vehicle",
    name: "公务用车购置及运行费",
    of: (d) => vehicleTotal(d.threePublic?.vehicle),
  },
  { key: "vehiclePurchase", name: "公务用车购置费", of: (d) => d.threePublic?.vehicle?.purchase },
  {
    key: "vehicleOperation",
    name: "公务用车运行费",
    of: (d) => d.threePublic?.vehicle?.operation,
  },
  { key: "reception", name: "公务接待费", of: (d) => d.threePublic?.reception },
  { key: "operatingCosts", name: "机关运行经费", of: (d) => d.operatingCosts?.amount },
];

function compareTotals(ds: Disclosure[]): ComparedLine[] {
  return TOTALS.map((t) => line(t.key, t.name, ds.map(t.of))).filter((l) =>
    l.amounts.some((a) => a !== undefined),
  );
}

interface CodedLine {
  code: string;
  name: string;
  total: number;
}

/**
 * Lines of every disclosure aligned by code, in code order (类 before its 款,
 * 款 before its 项). A code printed twice in one disclosure (a table of
 * several units without unit names) is added up; the name is the first one
 * printed, from the first disclosure that has the code.
 */
export function alignByCode(columns: CodedLine[][]): ComparedLine[] {
  const names = new Map<string, string>();
  const sums = columns.map((lines) => {
    const byCode = new Map<string, number>();
    for (const l of lines) {
      if (!names.has(l.code)) names.set(l.code, l.name);
      byCode.set(l.code, addWan([byCode.get(l.code), l.total])!);
    }
    return byCode;
  });
  return [...names.keys()].sort().map((code) =>
    line(
      code,
      names.get(code)!,
      sums.map((s) => s.get(code)),
      code,
    ),
  );
}

export function compareDisclosures(ds: Disclosure[]): Comparison {
  return {
    totals: compareTotals(ds),
    functional: alignByCode(ds.map((d) => d.expenditureByFunction ?? [])),
    economic: alignByCode(ds.map((d) => d.basicByEconomic ?? [])),
  };
}
