/**
 * The checker's vocabulary: a rule is metadata plus one function, a finding is
 * what a failed rule reports (format.md, with optional extras), an outcome is
 * what the engine records for every rule so that nothing is silent.
 */
import type { Disclosure, SourceLocation } from "../model/disclosure.ts";
import type { DocumentOutline } from "../model/outline.ts";

export type Severity = "error" | "warning" | "info";

export const FAMILIES = {
  arithmetic: "表内勾稽（合计等于分项之和）",
  cross: "表间勾稽",
  narrative: "文字说明与数据一致",
  change: "年度增减",
  completeness: "公开内容完整性",
  performance: "绩效目标",
  codes: "科目与编码",
} as const;
export type Family = keyof typeof FAMILIES;

/**
 * Where a finding is in the original file, as a reviewer finds it: a PDF's
 * page and line on the page, a text file's line, a .docx paragraph or table
 * cell, an .xlsx sheet and cell; `text` is the wording printed there.
 */
export interface Location extends SourceLocation {
  text?: string;
}

/** One place a finding points at: a JSON Pointer and, when known, the source line, wording and location. */
export interface Place {
  path: string;
  line?: number;
  text?: string;
  location?: Location;
}

/**
 * A finding (format.md): `rule`, `severity`, `message`, `path?`, `expected?`,
 * `actual?`, `line?`; gongkai adds `difference` (actual − expected), `unit`,
 * `lines` (every source line involved), `places` (each side of a broken
 * equation, with its own pointer and line) and `location` (the first place
 * as a reviewer finds it in the original file, with its wording).
 */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  path?: string;
  expected?: number | string;
  actual?: number | string;
  difference?: number | string;
  unit?: string;
  line?: number;
  lines?: number[];
  places?: Place[];
  location?: Location;
}

/** What a rule hands back before the engine adds rule ID, severity default and source lines. */
export interface Draft {
  message: string;
  path?: string;
  severity?: Severity;
  expected?: number | string;
  actual?: number | string;
  difference?: number | string;
  unit?: string;
  /** Further pointers involved (the other side of the equation); their lines are looked up. */
  related?: string[];
  /** A source line known directly (narrative findings read from the document text). */
  line?: number;
  /** That line's place in the original file, when the rule knows it (an import diagnostic's). */
  location?: SourceLocation;
}

export type Status = "passed" | "failed" | "notApplicable" | "notEvaluable" | "crashed";

export const STATUS_LABEL: Record<Status, string> = {
  passed: "通过",
  failed: "未通过",
  notApplicable: "不适用",
  notEvaluable: "无法判断",
  crashed: "规则运行出错",
};

export type Outcome =
  | { status: "passed" }
  | { status: "failed"; drafts: Draft[] }
  | { status: "notApplicable" | "notEvaluable"; reason: string };

/** A paragraph of the original document's text, for rules that read the explanation. */
export interface NarrativeLine {
  line: number;
  text: string;
  /** Where the line sits in the original file (a PDF page and line …), when the reader knew. */
  location?: SourceLocation;
}

export interface CheckInput {
  disclosure: Disclosure;
  /** The document's running text (when the check started from an imported file). */
  narrative?: NarrativeLine[];
  /** The tables its 目录 lists and the titles its body prints (imported files with a 目录). */
  outline?: DocumentOutline;
}

export interface RuleMeta {
  /** Stable identifier, never reused: FAMILY-NNN. */
  id: string;
  family: Family;
  severity: Severity;
  /** The part of the disclosure the rule is about (收入, 支出, 三公经费 …). */
  category: string;
  title: string;
  /** What the rule expects, in plain Chinese. */
  expects: string;
  tolerance: string;
  basis?: string;
}

export interface Rule extends RuleMeta {
  check(ctx: import("./context.ts").CheckContext): Outcome;
}

export interface RuleResult {
  rule: RuleMeta;
  status: Status;
  reason?: string;
  findings: Finding[];
}

export interface Coverage {
  rules: number;
  passed: number;
  failed: number;
  notApplicable: number;
  notEvaluable: number;
  crashed: number;
  findings: { error: number; warning: number; info: number };
}

export interface CheckReport {
  findings: Finding[];
  coverage: Coverage;
  results: RuleResult[];
}

// Places named for a reviewer: model/location.ts (the importer names them too).
export { formatLocation, lineName } from "../model/location.ts";
