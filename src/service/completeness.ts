/**
 * @module Completeness as the checker judged it when a version was stored:
 * the completeness rules (presence of the required parts, CMP-0xx) read back
 * from the stored report's results. 空表说明 (CMP-016) is reported apart, and
 * the import diagnostics rule (CMP-017) is not a part of the document.
 */
import { type StoredReport, ruleById } from "./engine.ts";

const EMPTY_TABLES = "CMP-016";
const NOT_PARTS = new Set([EMPTY_TABLES, "CMP-017"]);

export interface Completeness {
  /** Required parts present (rules passed) out of those that apply. */
  present: number;
  required: number;
  /** What is missing, in the rules' words without their verb ("公开了收入情况" → "收入情况"). */
  missing: string[];
  /** Parts the checker could not judge (read but left out as doubtful). */
  unjudged: string[];
  /** 空表说明 where a fund's table is empty: explained, not explained, or no empty table. */
  emptyTables: "explained" | "unexplained" | "none";
}

export function completenessOf(report: StoredReport): Completeness {
  const out: Completeness = {
    present: 0,
    required: 0,
    missing: [],
    unjudged: [],
    emptyTables: "none",
  };
  for (const r of report.results) {
    if (r.rule === EMPTY_TABLES) {
      if (r.status === "passed") out.emptyTables = "explained";
      if (r.status === "failed") out.emptyTables = "unexplained";
      continue;
    }
    const rule = ruleById(r.rule);
    // Required parts: the completeness rules a missing part is a warning or error of.
    if (!rule || rule.family !== "completeness" || rule.severity === "info") continue;
    if (NOT_PARTS.has(rule.id)) continue;
    if (r.status === "notEvaluable") out.unjudged.push(rule.category);
    if (r.status !== "passed" && r.status !== "failed") continue;
    out.required++;
    if (r.status === "passed") out.present++;
    else out.missing.push(rule.title.replace(/^(公开了|说明了|写明了|列示了|解释了)/, ""));
  }
  return out;
}
