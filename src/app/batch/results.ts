/**
 * Building results without the engine: the main thread uses these for files
 * a worker never finished, so it never loads the importer or the checker.
 */
import type { BatchFinding, BatchTask, FileFailure, FileResult, Severity } from "./types.ts";

/** A result for a file the worker never finished (timeout, crash). */
export function failedResult(task: BatchTask, failure: FileFailure, ms: number): FileResult {
  return { file: task.file, status: "failed", failure, findings: [], counts: countOf([]), ms };
}

export function countOf(findings: readonly BatchFinding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
