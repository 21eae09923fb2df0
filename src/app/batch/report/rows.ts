/**
 * The two tables every combined report prints, as plain rows of text and
 * numbers: 汇总 (one row per file) and 审核意见 (one row per finding). The
 * xlsx, html and csv writers only lay these out.
 */
import type { FileResult } from "../types.ts";
import { STATUS_LABEL } from "../verdict.ts";

export const SUMMARY_HEADERS = [
  "文件",
  "部门",
  "年度",
  "类型",
  "收入总计（万元）",
  "支出总计（万元）",
  "状态",
  "错误数",
  "警告数",
  "读取问题",
] as const;

export const FINDING_HEADERS = ["文件", "规则", "严重程度", "说明", "位置"] as const;

export type Cell = string | number;

const KIND = { budget: "预算", final: "决算" } as const;
const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;
/** Import notes shown per file; the rest are counted. */
const NOTES_SHOWN = 10;

export function summaryRows(results: readonly FileResult[]): Cell[][] {
  return results.map((r) => {
    const s = r.summary;
    return [
      r.file,
      s?.department ?? "",
      s?.year ?? "",
      s?.kind ? KIND[s.kind] : "",
      s?.incomeTotal ?? "",
      s?.expenditureTotal ?? "",
      STATUS_LABEL[r.status],
      r.counts.error,
      r.counts.warning,
      readingProblems(r),
    ];
  });
}

export function findingRows(results: readonly FileResult[]): Cell[][] {
  return results.flatMap((r) =>
    r.findings.map((f) => [r.file, f.rule, SEVERITY[f.severity], f.message, f.location]),
  );
}

/** Why a file could not be read, or the importer's notes on the parts it could not. */
export function readingProblems(r: FileResult): string {
  if (r.failure) return `${r.failure.message}（${r.failure.code}）`;
  const notes = r.summary?.diagnostics ?? [];
  const more = notes.length > NOTES_SHOWN ? [`……共 ${notes.length} 条`] : [];
  return [...notes.slice(0, NOTES_SHOWN), ...more].join("\n");
}
