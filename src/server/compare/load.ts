/**
 * @module A comparison as the page, the CSV and the API serve it: the
 * disclosures asked for (their versions in force), a label for each column
 * and the aligned rows.
 */
import {
  type ComparedDisclosure,
  comparableIds,
  publishedForComparison,
} from "../../service/comparison.ts";
import type { Store } from "../../store/index.ts";
import { KIND_LABEL } from "../views/format.ts";
import { type Comparison, MAX_COMPARED, MIN_COMPARED, compareDisclosures } from "./align.ts";

export interface LoadedComparison {
  columns: ComparedDisclosure[];
  /** A short heading per column: what differs between the columns (year, department or both). */
  labels: string[];
  comparison: Comparison;
}

export async function loadComparison(store: Store, ids: number[]): Promise<LoadedComparison> {
  const columns = await publishedForComparison(
    store,
    comparableIds(ids, MIN_COMPARED, MAX_COMPARED),
  );
  return {
    columns,
    labels: columnLabels(columns),
    comparison: compareDisclosures(columns.map((c) => c.disclosure)),
  };
}

/** One department over years: "2024年部门预算"; one year across departments: the names; else both. */
export function columnLabels(columns: ComparedDisclosure[]): string[] {
  const one = <T>(f: (c: ComparedDisclosure) => T) => new Set(columns.map(f)).size === 1;
  const period = (c: ComparedDisclosure) => `${c.year}年${KIND_LABEL[c.kind]}`;
  const labels = columns.map((c) =>
    one((x) => x.departmentId)
      ? period(c)
      : one((x) => `${x.year}${x.kind}`)
        ? c.departmentName
        : `${c.departmentName}${period(c)}`,
  );
  // Two columns of one label (the same disclosure cannot be asked twice, but names can repeat).
  return labels.map((l, i) => (labels.indexOf(l) === i ? l : `${l}（${columns[i]!.regionName}）`));
}
