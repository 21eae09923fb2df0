/**
 * What a batch comes to: counts per status, the exit status, and the lines
 * the terminal prints (Chinese, one per file and a closing summary).
 *
 * Exit status: 0 every file read (and, for check, no error finding); 1 some
 * file has an error-severity finding; 3 some file could not be read, crashed
 * or timed out. When both happen, 3 wins: the report is incomplete, and that
 * is what a script must notice first.
 */
import type { BatchMode, FileResult, Severity } from "./types.ts";

export interface Tally {
  files: number;
  passed: number;
  errors: number;
  failed: number;
  findings: Record<Severity, number>;
}

export function tallyOf(results: readonly FileResult[]): Tally {
  const t: Tally = {
    files: results.length,
    passed: 0,
    errors: 0,
    failed: 0,
    findings: { error: 0, warning: 0, info: 0 },
  };
  for (const r of results) {
    t[r.status === "errors" ? "errors" : r.status]++;
    for (const s of ["error", "warning", "info"] as const) t.findings[s] += r.counts[s];
  }
  return t;
}

export function exitStatusOf(tally: Tally): 0 | 1 | 3 {
  if (tally.failed) return 3;
  return tally.errors ? 1 : 0;
}

/** "27 个文件：通过 20，有错误 5，无法读取 2" (extract: 已导出 … 无法读取 …). */
export function summaryLine(mode: BatchMode, tally: Tally, seconds?: number): string {
  const time = seconds === undefined ? "" : `（用时 ${seconds.toFixed(1)} 秒）`;
  if (mode === "extract") {
    return `${tally.files} 个文件：已导出 ${tally.passed}，无法读取 ${tally.failed}${time}`;
  }
  const f = tally.findings;
  return (
    `${tally.files} 个文件：通过 ${tally.passed}，有错误 ${tally.errors}，无法读取 ${tally.failed}${time}` +
    `；审核意见：错误 ${f.error}，警告 ${f.warning}，提示 ${f.info}`
  );
}

export const STATUS_LABEL = { passed: "通过", errors: "有错误", failed: "无法读取" } as const;

/** One line per file for the terminal. */
export function fileLine(mode: BatchMode, r: FileResult): string {
  if (r.status === "failed") return `无法读取  ${r.file}：${r.failure?.message ?? ""}`;
  if (mode === "extract") return `已导出    ${r.file} → ${r.output ?? ""}`;
  const c = r.counts;
  return `${STATUS_LABEL[r.status].padEnd(4, "　")}  ${r.file}：错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`;
}
