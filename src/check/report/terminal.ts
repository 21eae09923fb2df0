/** The default report: readable Chinese on the terminal, worst findings first. */
import { FAMILIES, STATUS_LABEL, type CheckReport, type Finding } from "../types.ts";
import { SEVERITY_LABEL, placesOf } from "./labels.ts";

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function toTerminal(report: CheckReport, title: string, color = false): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sevColor = { error: "31", warning: "33", info: "36" } as const;
  const out: string[] = [];
  const c = report.coverage;
  out.push(paint("1", `审核报告：${title}`));
  out.push(
    `规则 ${c.rules} 条：通过 ${c.passed}，未通过 ${c.failed}，不适用 ${c.notApplicable}，无法判断 ${c.notEvaluable}${c.crashed ? `，运行出错 ${c.crashed}` : ""}`,
  );
  out.push(
    `发现问题 ${report.findings.length} 个：错误 ${c.findings.error}，警告 ${c.findings.warning}，提示 ${c.findings.info}`,
  );
  out.push("");
  const sorted = [...report.findings].sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.line ?? 1e9) - (b.line ?? 1e9),
  );
  for (const f of sorted) out.push(formatFinding(f, (s) => paint(sevColor[f.severity], s)));
  const notEvaluated = report.results.filter(
    (r) => r.status === "notEvaluable" || r.status === "crashed",
  );
  if (notEvaluated.length) {
    out.push("");
    out.push(paint("1", "无法判断或运行出错的规则："));
    for (const r of notEvaluated)
      out.push(`  ${r.rule.id} ${r.rule.title}（${STATUS_LABEL[r.status]}：${r.reason ?? ""}）`);
  }
  out.push("");
  out.push("按规则类别：");
  for (const [family, label] of Object.entries(FAMILIES)) {
    const rs = report.results.filter((r) => r.rule.family === family);
    const n = (s: string) => rs.filter((r) => r.status === s).length;
    out.push(
      `  ${label}：${rs.length} 条，通过 ${n("passed")}，未通过 ${n("failed")}，不适用 ${n("notApplicable")}，无法判断 ${n("notEvaluable") + n("crashed")}`,
    );
  }
  return out.join("\n") + "\n";
}

function formatFinding(f: Finding, paint: (s: string) => string): string {
  const where = placesOf(f).join("；");
  return `${paint(`[${SEVERITY_LABEL[f.severity]}]`)} ${f.rule} ${f.message}${where ? `\n    位置：${where}` : ""}`;
}
