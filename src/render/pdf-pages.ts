/**
 * Where the contents' entries landed in a printed PDF: the first pass prints
 * an invisible marker (html.ts PAGE_MARKER + anchor id) at each heading and
 * table, and this reads the PDF's text page by page to find them. Chromium
 * cannot report the page an element prints on, so the PDF itself is asked.
 */
import { cMapUrl, loadPdfJs, standardFontDataUrl } from "../import/readers/pdfjs.ts";
import { PAGE_MARKER } from "./html.ts";

const MARKER = new RegExp(`${PAGE_MARKER}([\\w-]+):`, "g");

/** anchor id → 1-based page number of its first appearance. */
export async function anchorPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const { getDocument } = await loadPdfJs();
  const doc = await getDocument({
    data: pdf.slice(),
    cMapUrl,
    standardFontDataUrl,
    isEvalSupported: false,
  }).promise;
  const pages = new Map<string, number>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((i) => ("str" in i ? i.str : "")).join("");
      for (const m of text.replace(/\s+/g, "").matchAll(MARKER))
        if (!pages.has(m[1]!)) pages.set(m[1]!, n);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
