/**
 * The few headline figures of a disclosure a citizen asks about first, taken
 * from the canonical JSON exactly (sums through the renderer's bigint 分
 * arithmetic): totals, 基本 / 项目, "三公"经费 and its items, 机关运行经费,
 * income by source and spending by 功能分类 类.
 */
import { functionLevel, type Disclosure } from "../../model/disclosure.ts";
import { addWan } from "../../render/numbers.ts";
import { SOURCE_LABELS } from "../../render/tables/standard.ts";
import type { Item } from "./charts.tsx";

export interface Figures {
  income?: number;
  expenditure?: number;
  basic?: number;
  project?: number;
  threePublic?: number;
  threePublicPrevious?: number;
  operatingCosts?: number;
  operatingCostsPrevious?: number;
}

export function vehicleTotal(
  v: { total?: number; purchase?: number; operation?: number } | undefined,
) {
  return v?.total ?? addWan([v?.purchase, v?.operation]);
}

export function threePublicTotal(
  t:
    | {
        total?: number;
        overseas?: number;
        vehicle?: { total?: number; purchase?: number; operation?: number };
        reception?: number;
      }
    | undefined,
): number | undefined {
  if (!t) return undefined;
  return t.total ?? addWan([t.overseas, vehicleTotal(t.vehicle), t.reception]);
}

export function figures(d: Disclosure): Figures {
  const e = d.expenditure;
  return {
    income: d.income?.total ?? addWan((d.income?.items ?? []).map((i) => i.amount)),
    expenditure: e?.total ?? addWan([e?.basic, e?.project]),
    basic: e?.basic,
    project: e?.project,
    threePublic: threePublicTotal(d.threePublic),
    threePublicPrevious: threePublicTotal(d.threePublic?.previous),
    operatingCosts: d.operatingCosts?.amount,
    operatingCostsPrevious: d.operatingCosts?.previous,
  };
}

/** Income by source, the current year's money only (上年结转 kept as its own part), positive parts. */
export function incomeBySource(d: Disclosure): Item[] {
  const out = new Map<string, number>();
  for (const i of d.income?.items ?? []) {
    const name = i.label || SOURCE_LABELS[i.source];
    out.set(name, addWan([out.get(name), i.amount])!);
  }
  return [...out].map(([name, value]) => ({ name, value })).filter((i) => i.value > 0);
}

/**
 * Spending by 功能分类 类 (three-digit codes, or the 类 level a table without codes shows).
 * Several units' lines of one code (a table without unit names repeats codes) are added together.
 */
export function spendingByFunction(d: Disclosure): Item[] {
  const out = new Map<string, { name: string; value: number }>();
  for (const l of d.expenditureByFunction ?? []) {
    if (functionLevel(l) !== 1) continue;
    const key = l.code ?? l.name;
    const prev = out.get(key);
    out.set(key, { name: prev?.name ?? l.name, value: addWan([prev?.value, l.total])! });
  }
  return [...out.values()].filter((i) => i.value > 0).sort((a, b) => b.value - a.value);
}

/** "三公"经费 by item. */
export function threePublicItems(d: Disclosure): Item[] {
  const t = d.threePublic;
  if (!t) return [];
  const items: [string, number | undefined][] = [
    ["因公出国（境）费", t.overseas],
    ["公务用车购置费", t.vehicle?.purchase],
    ["公务用车运行费", t.vehicle?.operation],
    ["公务接待费", t.reception],
  ];
  // Without the split of the vehicle money, its total stands for both.
  if (t.vehicle?.purchase === undefined && t.vehicle?.operation === undefined) {
    items.splice(1, 2, ["公务用车购置及运行费", t.vehicle?.total]);
  }
  return items.flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }]));
}
