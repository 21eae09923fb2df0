/**
 * Where the contents' entries landed in a printed PDF: the first pass prints
 * an invisible 1 px link (html.ts PAGE_MARKER + anchor id) at each heading
 * and table, and this reads each page's link annotations to find them.
 * Chromium cannot report the page an element prints on, so the PDF itself is
 * asked; annotations are read without the pages' fonts and text, which
 * would cost as much as the print.
 */
import { cMapUrl, loadPdfJs, standardFontDataUrl } from "../import/readers/pdfjs.ts";
import { PAGE_MARKER } from "./html.ts";

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
      for (const a of (await page.getAnnotations()) as { url?: string }[]) {
        if (!a.url?.startsWith(PAGE_MARKER)) continue;
        const id = decodeURIComponent(a.url.slice(PAGE_MARKER.length));
        if (!pages.has(id)) pages.set(id, n);
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
