/** The combined report as one self-contained page: a summary line, 汇总 and 审核意见 tables. */
import type { FileResult } from "../types.ts";
import { tallyOf, summaryLine } from "../verdict.ts";
import { type Cell, FINDING_HEADERS, findingRows, SUMMARY_HEADERS, summaryRows } from "./rows.ts";

import { escapeHtml as escapeText } from "../../../render/html-escape.ts";

/** Any cell value as escaped HTML text (the one escaping helper, render/html-escape.ts). */
export function escapeHtml(value: unknown): string {
  return escapeText(String(value ?? ""));
}

export function batchHtml(results: readonly FileResult[], title = "批量审核报告"): string {
  const findings = findingRows(results);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:14px}
th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left;white-space:pre-wrap}
th{background:#f0f0f0;position:sticky;top:0}
td.错误{color:#b00000;font-weight:bold}
td.警告{color:#9c5700}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(summaryLine("check", tallyOf(results)))}</p>
<h2>汇总</h2>
${table(SUMMARY_HEADERS, summaryRows(results))}
<h2>审核意见</h2>
${findings.length ? table(FINDING_HEADERS, findings, 2) : "<p>未发现问题</p>"}
</body></html>
`;
}

/** A table; `classColumn` names the column whose text also becomes the cell's class (severity). */
function table(headers: readonly string[], rows: Cell[][], classColumn?: number): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map((row) => {
      const cells = row.map((v, i) =>
        i === classColumn
          ? `<td class="${escapeHtml(v)}">${escapeHtml(v)}</td>`
          : `<td>${escapeHtml(v)}</td>`,
      );
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
