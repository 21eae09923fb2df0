/** The combined report as a workbook: sheet 汇总 (one row per file) and 审核意见 (one per finding). */
import ExcelJS from "exceljs";
import type { FileResult } from "../types.ts";
import { type Cell, FINDING_HEADERS, findingRows, SUMMARY_HEADERS, summaryRows } from "./rows.ts";

const FONT = { name: "宋体", size: 11 };

export async function batchXlsx(results: readonly FileResult[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "gongkai";
  addSheet(wb, "汇总", SUMMARY_HEADERS, summaryRows(results), [40, 28, 8, 8, 16, 16, 10, 8, 8, 60]);
  addSheet(wb, "审核意见", FINDING_HEADERS, findingRows(results), [40, 10, 10, 80, 20]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  rows: Cell[][],
  widths: number[],
): void {
  const sheet = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 12 }));
  sheet.getRow(1).font = { ...FONT, bold: true };
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.font = FONT;
    row.alignment = { wrapText: true, vertical: "top" };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}
