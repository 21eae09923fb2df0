/**
 * Round-trip comparison: does a re-import give back what was rendered?
 * `within(a, b)` is the golden files' rule (format.md): every field `a`
 * states, `b` states the same (numbers as decimals, text without
 * whitespace, arrays element by element). Fields the re-import adds — a
 * rate the generated text computed from stated amounts — are not a loss.
 */
import type { Disclosure } from "../../src/model/disclosure.ts";
import {
  allMoneyIsGeneralBudget,
  linesAreDepartment,
  linesAreGeneralBudget,
} from "../../src/render/tables/scope.ts";

/**
 * What a rendering can carry: functional lines whose 类 add up to neither the department's
 * total nor its 一般公共预算 money are of no known scope, so no standard table prints them
 * (corpus 004's 项 lines); they stay in the JSON, CSV and FDP.
 */
export function printable(d: Disclosure): Disclosure {
  if (!d.expenditureByFunction || linesAreDepartment(d) || linesAreGeneralBudget(d)) return d;
  const { expenditureByFunction: _, ...rest } = d;
  return rest;
}

export function within(a: unknown, b: unknown): boolean {
  if (typeof a === "number")
    return typeof b === "number" && Math.abs(a - b) < 5e-7 * Math.max(1, Math.abs(a));
  if (typeof a === "string")
    return typeof b === "string" && a.replace(/\s+/g, "") === b.replace(/\s+/g, "");
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => within(x, b[i]));
  if (a && typeof a === "object") {
    if (!b || typeof b !== "object") return false;
    return Object.entries(a).every(
      ([k, v]) => v === undefined || within(v, (b as Record<string, unknown>)[k]),
    );
  }
  return a === b;
}

/**
 * What the nine tables carry (all an .xlsx holds): amounts, not the narrative's changes and reasons.
 * The department's 人员经费 / 公用经费 are in a table only as the 一般公共预算基本支出表's 合计,
 * so only when they are the 一般公共预算's: the table has its own lines, or all the money is
 * 一般公共预算 (an all-funds split is not printed under a one-fund title), and only as a pair:
 * a 公用经费 the text states alone (no 人员经费) has no column of its own to go back into.
 */
export function tableFacts(whole: Disclosure): Partial<Disclosure> {
  const d = printable(whole);
  const e = d.expenditure;
  const basicSplit =
    (!!d.basicByEconomic?.length || allMoneyIsGeneralBudget(d)) &&
    e?.personnel !== undefined &&
    e?.publicOperating !== undefined;
  const t = d.threePublic;
  const amounts = (x: typeof t) =>
    x && { total: x.total, overseas: x.overseas, vehicle: x.vehicle, reception: x.reception };
  return {
    ...(d.income ? { income: { total: d.income.total, items: d.income.items } } : {}),
    ...(e
      ? {
          expenditure: {
            total: e.total,
            basic: e.basic,
            project: e.project,
            ...(basicSplit ? { personnel: e.personnel, publicOperating: e.publicOperating } : {}),
          },
        }
      : {}),
    ...(t ? { threePublic: { ...amounts(t), previous: amounts(t.previous) } } : {}),
    ...(d.expenditureByFunction ? { expenditureByFunction: d.expenditureByFunction } : {}),
    ...(d.basicByEconomic ? { basicByEconomic: d.basicByEconomic } : {}),
  };
}

export const DOCUMENT_PARTS = [
  "kind",
  "year",
  "region",
  "department",
  "units",
  "duties",
  "income",
  "expenditure",
  "operatingCosts",
  "threePublic",
  "procurement",
  "assets",
  "performance",
  "expenditureByFunction",
  "basicByEconomic",
  "functionalClassification",
  "glossary",
  "otherNotes",
] as const;
