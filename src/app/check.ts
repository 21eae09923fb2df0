/**
 * Checking a loaded disclosure against the rule catalogue, and the report
 * files a reviewer opens (.xlsx, .html). The report modules are loaded only
 * when a report is asked for.
 */
import type { CheckInput, CheckReport } from "../check/types.ts";
import { UserError } from "./errors.ts";

/** Runs every rule of the catalogue; the input is a disclosure and, when imported, its narrative. */
export async function checkDisclosure(input: CheckInput): Promise<CheckReport> {
  const { runChecks } = await import("../check/engine.ts");
  return runChecks(input);
}

/** True when a finding of error severity exists: `check` then exits 1, whatever the output mode. */
export function hasErrors(report: CheckReport): boolean {
  return report.coverage.findings.error > 0;
}

/** Report file formats, chosen by the file name's extension. */
export type ReportFormat = "xlsx" | "html";

/** The report format a path asks for; a UserError for any other extension. */
export function reportFormatOf(path: string): ReportFormat {
  const ext = /\.[^./\\]+$/.exec(path.toLowerCase())?.[0];
  if (ext === ".xlsx") return "xlsx";
  if (ext === ".html" || ext === ".htm") return "html";
  throw new UserError(
    `不支持的报告格式：${path}，请使用 .xlsx 或 .html（unsupported report format）`,
    "unsupported-format",
  );
}

/** A report file's bytes. */
export async function renderReport(
  report: CheckReport,
  title: string,
  format: ReportFormat,
): Promise<Uint8Array> {
  if (format === "xlsx") {
    const { toXlsx } = await import("../check/report/xlsx.ts");
    return toXlsx(report, title);
  }
  const { toHtml } = await import("../check/report/html.ts");
  return new TextEncoder().encode(toHtml(report, title));
}
