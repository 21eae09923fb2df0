/** `--out report.html`: one self-contained page, printable, no scripts needed. */
import { FAMILIES, STATUS_LABEL, type CheckReport } from "../types.ts";
import { SEVERITY_LABEL, placesOf } from "./labels.ts";

import { escapeHtml } from "../../render/html-escape.ts";

const esc = (s: unknown) => escapeHtml(String(s ?? ""));

export function toHtml(report: CheckReport, title: string): string {
  const c = report.coverage;
  const titleOf = new Map(report.results.map((r) => [r.rule.id, r.rule.title]));
  const findings = report.findings
    .map(
      (f, i) =>
        `<tr class="${f.severity}"><td>${i + 1}</td><td>${SEVERITY_LABEL[f.severity]}</td><td>${esc(f.rule)}<br><small>${esc(titleOf.get(f.rule))}</small></td><td>${esc(f.message)}</td>` +
        `<td>${esc(f.actual)}</td><td>${esc(f.expected)}</td><td>${esc(f.difference)}</td><td>${placesOf(f).map(esc).join("<br>")}</td></tr>`,
    )
    .join("\n");
  const rules = report.results
    .map(
      (r) =>
        `<tr class="s-${r.status}"><td>${esc(r.rule.id)}</td><td>${esc(FAMILIES[r.rule.family])}</td><td>${esc(r.rule.title)}</td><td>${STATUS_LABEL[r.status]}</td><td>${r.findings.length}</td><td>${esc(r.reason)}</td><td>${esc(r.rule.basis)}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>审核报告：${esc(title)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:14px}
th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f0f0f0}
tr.error td:nth-child(2){color:#b00000;font-weight:bold}
tr.warning td:nth-child(2){color:#9c5700}
tr.info td:nth-child(2){color:#555}
.summary span{display:inline-block;margin-right:1.5em}
</style></head><body>
<h1>公开文件审核报告</h1>
<p>${esc(title)}</p>
<p class="summary"><span>规则 ${c.rules} 条</span><span>通过 ${c.passed}</span><span>未通过 ${c.failed}</span><span>不适用 ${c.notApplicable}</span><span>无法判断 ${c.notEvaluable}</span><span>运行出错 ${c.crashed}</span></p>
<p class="summary"><span>错误 ${c.findings.error}</span><span>警告 ${c.findings.warning}</span><span>提示 ${c.findings.info}</span></p>
<h2>问题清单</h2>
<table><thead><tr><th>序号</th><th>程度</th><th>规则</th><th>问题说明</th><th>填报值</th><th>期望值</th><th>差额</th><th>原文位置</th></tr></thead><tbody>
${findings || '<tr><td colspan="8">未发现问题</td></tr>'}
</tbody></table>
<h2>各规则结果</h2>
<table><thead><tr><th>规则</th><th>类别</th><th>名称</th><th>结果</th><th>问题数</th><th>说明</th><th>依据</th></tr></thead><tbody>
${rules}
</tbody></table>
</body></html>
`;
}
