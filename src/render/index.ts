/**
 * Rendering: a Disclosure → the files a department publishes. One table
 * model (tables/) and one document outline (document.ts) drive xlsx, docx
 * and html; the PDF is printed from the html; csv/json/fdp are open data.
 */
import type { Disclosure } from "../model/disclosure.ts";
import { renderCsvZip } from "./csv.ts";
import { renderDocx } from "./docx.ts";
import { renderFdpZip } from "./fdp.ts";
import { renderHtml } from "./html.ts";
import { renderPdf, type PdfPrinter } from "./pdf.ts";
import { renderXlsx } from "./xlsx.ts";

export const RENDER_FORMATS = ["xlsx", "docx", "pdf", "html", "csv", "json", "fdp"] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** The file extension each format is written with by default. */
export const DEFAULT_EXTENSION: Record<RenderFormat, string> = {
  xlsx: ".xlsx",
  docx: ".docx",
  pdf: ".pdf",
  html: ".html",
  csv: ".csv.zip",
  json: ".json",
  fdp: ".fdp.zip",
};

/** The canonical JSON form (format.md), two-space indented. */
export function renderJson(d: Disclosure): string {
  return JSON.stringify(d, null, 2) + "\n";
}

export async function renderDisclosure(
  d: Disclosure,
  format: RenderFormat,
  options: { printer?: PdfPrinter } = {},
): Promise<Uint8Array> {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  switch (format) {
    case "xlsx":
      return renderXlsx(d);
    case "docx":
      return renderDocx(d);
    case "pdf":
      return options.printer ? options.printer.render(d) : renderPdf(d);
    case "html":
      return utf8(renderHtml(d));
    case "csv":
      return renderCsvZip(d);
    case "json":
      return utf8(renderJson(d));
    case "fdp":
      return renderFdpZip(d);
  }
}

export { renderCsvZip, renderDocx, renderFdpZip, renderHtml, renderPdf, renderXlsx };
export { PdfPrinter } from "./pdf.ts";
export { dataPackage } from "./fdp.ts";
export { buildDocument } from "./document.ts";
export { standardTables } from "./tables/standard.ts";
