/**
 * The nine standard tables as one workbook (exceljs): a sheet per table in
 * the printed layout — title, unit line, merged multi-level header, amounts
 * as numbers — set up to print on A4 (fit to width, header rows repeated).
 */
import ExcelJS from "exceljs";
import type { Disclosure } from "../model/disclosure.ts";
import { documentTitle } from "./document.ts";
import { placeCells, type TableModel } from "./tables/model.ts";
import { standardTables } from "./tables/standard.ts";

const FONT = "宋体";
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Decimal places of a value as printed (2 at least, up to the 6 of one 分). */
function places(v: number): number {
  const frac = /\.(\d+)$/.exec(String(v))?.[1]?.length ?? 0;
  return Math.min(6, Math.max(2, frac));
}

/** Excel sheet names: ≤31 characters, none of []:*?/\ . */
function sheetName(title: string, used: Set<string>): string {
  let base = title.replace(/[[\]:*?/\\]/g, "").slice(0, 31) || "表";
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  used.add(name);
  return name;
}

/**
 * `prefix` goes before the printed title (a workbook has no cover: each sheet
 * names its department and year, as real workbooks do), not in the sheet name.
 */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  t: TableModel,
  used: Set<string>,
  number?: number,
  prefix = "",
): void {
  const title = `${number ? `${number}．` : ""}${prefix}${t.title}`;
  const ws = wb.addWorksheet(sheetName(number ? `${number}.${t.title}` : t.title, used), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: t.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "第 &P 页 / 共 &N 页" },
    views: [{ showGridLines: false }],
  });
  const width = t.widths.length;
  const total = t.widths.reduce((a, b) => a + b, 0);
  const chars = t.landscape ? 150 : 100;
  ws.columns = t.widths.map((w) => ({ width: Math.max(6, Math.round((chars * w) / total)) }));

  // Row 1: the title across the table; row 2: caption left, unit right.
  ws.mergeCells(1, 1, 1, width);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: FONT, size: 16, bold: true };
  titleCell.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 30;
  let row = 2;
  if (t.caption || t.unit) {
    const split = Math.max(1, width - Math.max(1, Math.floor(width / 3)));
    if (split > 1) ws.mergeCells(row, 1, row, split);
    ws.getCell(row, 1).value = t.caption ?? "";
    ws.getCell(row, 1).font = { name: FONT, size: 10 };
    if (width - split > 1) ws.mergeCells(row, split + 1, row, width);
    const unit = ws.getCell(row, split + 1);
    unit.value = t.unit ?? "";
    unit.font = { name: FONT, size: 10 };
    unit.alignment = { horizontal: "right" };
    row++;
  }

  const headerStart = row;
  const write = (rows: TableModel["header"], start: number, isHeader: boolean) => {
    const placed = placeCells(rows, width);
    for (const p of placed) {
      const r = start + p.row;
      const c = p.col + 1;
      if (p.rowSpan > 1 || p.colSpan > 1) ws.mergeCells(r, c, r + p.rowSpan - 1, c + p.colSpan - 1);
      const cell = ws.getCell(r, c);
      if (p.cell.amount !== undefined) {
        cell.value = p.cell.amount;
        cell.numFmt = `#,##0.${"0".repeat(places(p.cell.amount))}`;
      } else cell.value = p.cell.text;
      cell.font = { name: FONT, size: isHeader ? 10.5 : 10, bold: isHeader || !!p.cell.bold };
      cell.alignment = {
        horizontal: isHeader ? "center" : (p.cell.align ?? "left"),
        vertical: "middle",
        wrapText: true,
      };
    }
    // Borders on every grid position, merged or not, so the printed grid is whole.
    for (let r = 0; r < rows.length; r++)
      for (let c = 1; c <= width; c++) ws.getCell(start + r, c).border = BORDER;
    return start + rows.length;
  };
  row = write(t.header, row, true);
  if (t.header.length) ws.pageSetup.printTitlesRow = `${headerStart}:${row - 1}`;
  row = write(t.body, row, false);
  if (t.note) {
    ws.mergeCells(row, 1, row, width);
    const note = ws.getCell(row, 1);
    note.value = t.note;
    note.font = { name: FONT, size: 10 };
    note.alignment = { wrapText: true, vertical: "top" };
    ws.getRow(row).height = 30;
  }
}

/**
 * The workbook's first sheet, as official workbooks open: the title naming the department,
 * the year and 预算/决算 ("国家信访局2026年部门预算"), the region on its own line above
 * when the name does not carry it. A workbook read back finds its year, department and kind here.
 */
function addCoverSheet(wb: ExcelJS.Workbook, d: Disclosure, used: Set<string>): void {
  const ws = wb.addWorksheet(sheetName("封面", used), {
    pageSetup: { paperSize: 9, orientation: "portrait", horizontalCentered: true },
    views: [{ showGridLines: false }],
  });
  ws.columns = [{ width: 90 }];
  const region = d.region?.name;
  const dept = d.department?.name ?? "";
  const lines = [
    ...(region && !dept.startsWith(region) ? [region] : []),
    `${dept}${d.year ? `${d.year}年` : ""}部门${d.kind === "final" ? "决算" : "预算"}`,
  ];
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { name: FONT, size: 20, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle" };
    ws.getRow(i + 1).height = 40;
  });
}

export async function renderXlsx(d: Disclosure): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "gongkai";
  wb.title = documentTitle(d);
  const used = new Set<string>();
  addCoverSheet(wb, d, used);
  const prefix = `${d.department?.name ?? ""}${d.year ? `${d.year}年` : ""}`;
  standardTables(d).forEach((t, i) => addTableSheet(wb, t, used, i + 1, prefix));
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
