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
  /** Absent on a 功能分类 line printed without its code. */
  code?: string;
  /** 1 = 类, 2 = 款, 3 = 项, on a line without code when the table shows it. */
  level?: 1 | 2 | 3;
  name: string;
  total: number;
}

const LEVEL_NAMES: Level[] = ["类", "款", "项"];

/**
 * Each line's names from its 类 down to itself ("公共安全支出/司法/行政运行"): by code (the
 * ancestors' names as this disclosure prints them), or by level in print order for lines
 * without code; undefined where an ancestor is not listed or the level is unknown.
 */
function namePaths(lines: CodedLine[]): (string | undefined)[] {
  const byCode = new Map<string, string>();
  for (const l of lines) if (l.code && !byCode.has(l.code)) byCode.set(l.code, l.name);
  const stack: string[] = [];
  return lines.map((l) => {
    if (l.code) {
      const names = [3, 5, 7]
        .filter((n) => n <= l.code!.length)
        .map((n) => byCode.get(l.code!.slice(0, n)));
      return names.every((n) => n !== undefined) ? names.join("/") : undefined;
    }
    if (!l.level || l.level > stack.length + 1) return undefined;
    stack.length = l.level - 1;
    stack.push(l.name);
    return stack.join("/");
  });
}

/**
 * Lines of every disclosure aligned by code, in code order (类 before its 款,
 * 款 before its 项). A code printed twice in one disclosure (a table of
 * several units without unit names) is added up; the name is the first one
 * printed, from the first disclosure that has the code. A line printed without
 * code (a table of names only) takes the code of the line with the same names
 * from its 类 down in another disclosure; otherwise it is aligned by those names
 * (a name like 行政运行 recurs under several 款), or by its name and how often it
 * came before when its level is unknown; such lines follow the coded ones, in
 * print order.
 */
export function alignByCode(columns: CodedLine[][]): ComparedLine[] {
  const paths = columns.map(namePaths);
  // Names from the 类 down → the code one disclosure prints for them (none when two disagree).
  const codeOfPath = new Map<string, string | undefined>();
  columns.forEach((lines, c) =>
    lines.forEach((l, i) => {
      const path = paths[c]![i];
      if (!l.code || !path) return;
      if (!codeOfPath.has(path)) codeOfPath.set(path, l.code);
      else if (codeOfPath.get(path) !== l.code) codeOfPath.set(path, undefined);
    }),
  );
  const names = new Map<string, { name: string; code?: string; level?: 1 | 2 | 3 }>();
  const sums = columns.map((lines, c) => {
    const byKey = new Map<string, number>();
    const seen = new Map<string, number>();
    lines.forEach((l, i) => {
      const path = paths[c]![i];
      let key: string;
      if (l.code) key = l.code;
      else if (path) key = codeOfPath.get(path) ?? `名称:${path}`;
      else {
        const n = seen.get(l.name) ?? 0;
        seen.set(l.name, n + 1);
        key = `名称?${l.name}#${n}`;
      }
      const code = /^\d+$/.test(key) ? key : undefined;
      if (!names.has(key))
        names.set(key, { name: l.name, ...(code ? { code } : l.level ? { level: l.level } : {}) });
      byKey.set(key, addWan([byKey.get(key), l.total])!);
    });
    return byKey;
  });
  const keys = [...names.keys()];
  const coded = keys.filter((k) => names.get(k)!.code).sort();
  const named = keys.filter((k) => !names.get(k)!.code);
  return [...coded, ...named].map((key) => {
    const n = names.get(key)!;
    const compared = line(
      key,
      n.name,
      sums.map((s) => s.get(key)),
      n.code,
    );
    if (!n.code && n.level) compared.level = LEVEL_NAMES[n.level - 1];
    return compared;
  });
}

export function compareDisclosures(ds: Disclosure[]): Comparison {
  return {
    totals: compareTotals(ds),
    functional: alignByCode(ds.map((d) => d.expenditureByFunction ?? [])),
    economic: alignByCode(ds.map((d) => d.basicByEconomic ?? [])),
  };
}
