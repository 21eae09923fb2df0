/**
 * The combined report of a batch, in the format its name says (.xlsx, .html
 * or .csv), and the check of its path made before any work starts.
 */
import { access, constants, stat, writeFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { BatchUsageError } from "../errors.ts";
import type { InputFile } from "../inputs.ts";
import type { FileResult } from "../types.ts";
import { batchCsv } from "./csv.ts";
import { batchHtml } from "./html.ts";

export const REPORT_EXTENSIONS = [".xlsx", ".html", ".htm", ".csv"];

/** Refuses an unknown format, an unwritable folder, an input as target, an existing file unless forced. */
export async function checkReportPath(
  path: string,
  inputs: readonly InputFile[],
  force = false,
): Promise<void> {
  if (!REPORT_EXTENSIONS.includes(extname(path).toLowerCase())) {
    throw new BatchUsageError(
      "report-format",
      `不支持的报告格式：${path}，请使用 .xlsx、.html 或 .csv（unsupported report format）`,
    );
  }
  const target = resolve(path);
  if (inputs.some((i) => i.path === target)) {
    throw new BatchUsageError(
      "output-is-input",
      `报告不能写到输入文件上：${path}（report would overwrite an input）`,
    );
  }
  try {
    await access(dirname(target), constants.W_OK);
  } catch {
    throw new BatchUsageError(
      "output-unwritable",
      `无法写入报告：${path}（report path not writable）`,
    );
  }
  if (!force && (await stat(target).catch(() => undefined))) {
    throw new BatchUsageError(
      "output-exists",
      `报告文件已存在：${path}；如需覆盖请加 --force（report exists, use --force to replace）`,
    );
  }
}

export async function writeBatchReport(
  path: string,
  results: readonly FileResult[],
): Promise<void> {
  const ext = extname(path).toLowerCase();
  let bytes: Uint8Array;
  if (ext === ".xlsx") {
    // exceljs is loaded only when a workbook is asked for.
    const { batchXlsx } = await import("./xlsx.ts");
    bytes = await batchXlsx(results);
  } else if (ext === ".csv") bytes = batchCsv(results);
  else bytes = new TextEncoder().encode(batchHtml(results));
  await writeFile(path, bytes);
}
