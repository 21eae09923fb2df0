/**
 * .xlsx → SourceDocument, read with exceljs after office-zip.ts has checked
 * the package (sizes, ratio, no DOCTYPE in any XML part). Each sheet is
 * written as its name on a line (not the first sheet, nor a default name), then one tab-separated line per row (the
 * "tabs" layout of readers/text.ts), a blank line between sheets. A merged
 * range's text appears once, in its first (top-left) cell, as printed; empty
 * rows become one blank line, which keeps two tables apart as in text.
 * Each row's line keeps its sheet and row number (SourceLine.at).
 */
import ExcelJS from "exceljs";
import { ImportError } from "../errors.ts";
import type { SourceLocation } from "../../model/disclosure.ts";
import type { SourceDocument } from "../source-document.ts";
import { limits } from "./limits.ts";
import type { OfficeZip } from "./office-zip.ts";
import { readText } from "./text.ts";

export async function readXlsx(bytes: Uint8Array, zip: OfficeZip): Promise<SourceDocument> {
  // exceljs parses every XML part of the package: refuse entity declarations in any of them first.
  let declaredCells = 0;
  for (const name of zip.entries.keys()) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const xml = zip.readXml(name);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) declaredCells += countCells(xml);
  }
  // exceljs holds the whole workbook in memory while it loads: count the cells before it does.
  if (declaredCells > limits.maxSheetCells) throw tooManyCells();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (error) {
    throw new ImportError(
      `无法读取这个 .xlsx 文件：${(error as Error).message}（damaged workbook）`,
      "damaged",
    );
  }
  const out: string[] = [];
  // Line by line, the sheet and row each row's line was written from.
  const at: (SourceLocation | undefined)[] = [];
  let cells = 0;
  for (const sheet of workbook.worksheets) {
    if (sheet.state === "veryHidden") continue;
    // A later sheet's name (收支总表 …) can be the only title its table has; default names say
    // nothing, and the first sheet's own title rows begin the document, where a name would not belong.
    const name = sheet.name.replace(/\s+/g, " ").trim();
    if (out.length > 0 && !/^(sheet|工作表|表)\s*\d*$/i.test(name)) out.push(name, "");
    let last = 0;
    sheet.eachRow({ includeEmpty: false }, (row) => {
      // An empty row between two tables keeps them apart, as a blank line does in text.
      if (row.number > last + 1 && last > 0) out.push("");
      last = row.number;
      const texts: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        if (++cells > limits.maxSheetCells) throw tooManyCells();
        const cell = row.getCell(c);
        texts.push(cell.isMerged && cell.master !== cell ? "" : cellText(cell.value));
      }
      while (texts.length && !texts[texts.length - 1]) texts.pop();
      if (texts.length) at[out.push(texts.join("\t")) - 1] = { sheet: sheet.name, row: row.number };
      else if (out[out.length - 1] !== "") out.push("");
    });
    out.push("");
  }
  const doc = readText(out.join("\n") + "\n", "xlsx", "tabs");
  // A cell's text with a stray line break (\f) would shift the lines: then no places rather than wrong ones.
  if (doc.lines.length === out.length + 1)
    for (const [i, where] of at.entries()) if (where) doc.lines[i]!.at = where;
  return doc;
}

/** A cell's value as printed text; numbers with Excel's 15 significant digits (no binary noise). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number")
    return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : "";
  if (typeof value === "string") return clean(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return clean(value.richText.map((r) => r.text).join(""));
  if ("formula" in value || "sharedFormula" in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("hyperlink" in value) return clean(String((value as { text?: unknown }).text ?? ""));
  if ("error" in value) return String(value.error);
  return "";
}

/** Tabs and line breaks inside a cell would split it; a line break becomes a space. */
const clean = (s: string) => s.replace(/[\t\r\n]+/g, " ").trim();

function tooManyCells(): ImportError {
  return new ImportError(
    `工作簿单元格超过 ${limits.maxSheetCells} 个，不予读取（too many cells）`,
    "too-large",
  );
}

/** The `<c …>` cell elements of a worksheet's XML. */
function countCells(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf("<c"); i >= 0; i = xml.indexOf("<c", i + 2)) {
    const next = xml.charCodeAt(i + 2);
    if (next === 32 || next === 62 || next === 47) n++; // "<c " "<c>" "<c/"
  }
  return n;
}
