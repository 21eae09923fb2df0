/** `--json`: {findings, coverage} as format.md describes, plus every rule's status. */
import type { CheckReport } from "../types.ts";

export function toJson(report: CheckReport): string {
  return JSON.stringify(
    {
      findings: report.findings,
      coverage: report.coverage,
      rules: report.results.map((r) => ({
        rule: r.rule.id,
        status: r.status,
        ...(r.reason ? { reason: r.reason } : {}),
        findings: r.findings.length,
      })),
    },
    null,
    2,
  );
}
