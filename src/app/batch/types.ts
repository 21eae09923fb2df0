/**
 * The batch engine's vocabulary: one compact result per file, small enough to
 * keep for a few thousand files (no disclosure, no document, only what the
 * combined report and the terminal summary print).
 */

export type BatchMode = "check" | "extract";

export type Severity = "error" | "warning" | "info";

/** One finding of one file, already worded for a reviewer. */
export interface BatchFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** Where a reviewer finds it in the source ("第 12、40 行"); empty when unknown. */
  location: string;
}

/** What the file says it is: the header of the per-file summary row. */
export interface FileSummary {
  department?: string;
  year?: number;
  kind?: "budget" | "final";
  /** 收入总计 and 支出合计 in 万元, as the disclosure prints them. */
  incomeTotal?: number;
  expenditureTotal?: number;
  /** The importer's own notes on parts it could not read ("导入提示"), worded in Chinese. */
  diagnostics: string[];
}

/** Why a file has no result: a stable code a UI can act on and a Chinese message. */
export interface FileFailure {
  code: string;
  message: string;
}

/** passed: no error finding; errors: at least one; failed: unreadable, crashed or timed out. */
export type FileStatus = "passed" | "errors" | "failed";

export interface FileResult {
  /** The path as the user's arguments named it (a folder joined with the relative name). */
  file: string;
  status: FileStatus;
  failure?: FileFailure;
  summary?: FileSummary;
  /** Check only; empty for extract. */
  findings: BatchFinding[];
  counts: Record<Severity, number>;
  /** Extract only: where the canonical JSON was written. */
  output?: string;
  /** Wall time spent on this file in its worker. */
  ms: number;
}

/** One unit of work handed to a worker. */
export interface BatchTask {
  id: number;
  mode: BatchMode;
  /** Absolute path read by the worker. */
  path: string;
  /** The name shown to the user and kept in the disclosure's source.file (the base name). */
  file: string;
  /** Extract: absolute output path (planned in the main thread so that no two collide). */
  outPath?: string;
  compact?: boolean;
}
