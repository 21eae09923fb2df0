/**
 * The combined report as CSV: one row per finding with its file (a file that
 * could not be read gets one row saying why, so none goes missing). UTF-8
 * with a byte-order mark and CRLF lines, as Excel needs to open Chinese text.
 */
import type { FileResult } from "../types.ts";
import { type Cell, FINDING_HEADERS, findingRows } from "./rows.ts";

export function batchCsv(results: readonly FileResult[]): Uint8Array {
  const failures: Cell[][] = results.flatMap((r) =>
    r.failure
      ? [[r.file, "读取失败", "无法读取", `${r.failure.message}（${r.failure.code}）`, ""]]
      : [],
  );
  const rows = [[...FINDING_HEADERS], ...findingRows(results), ...failures];
  const text = rows.map((row) => row.map(csvCell).join(",")).join("\r\n");
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: Cell): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
