/**
 * .pdf → SourceDocument. pdf.js (legacy build, which runs on Node 20) gives
 * positioned text items and (readers/pdfjs.ts) the paths the page paints.
 * The items are rebuilt into lines like `pdftotext -layout` prints them
 * (cells apart by runs of 2+ spaces at columns proportional to x, a form
 * feed after each page), so the "columns" layout of readers/text.ts and every
 * part extractor apply unchanged. Where a table's borders are drawn, as Word,
 * WPS and Chromium print them, each row is one line with every cell whole
 * however its lines wrap, and the line also carries the row's exact cells
 * (SourceLine.drawnRow) for extractors that can use them.
 *
 * Chinese PDFs often use non-embedded fonts (STSong-Light, UniGB-UCS2-H):
 * without pdf.js's CMaps their text comes out empty, so the CMap and standard
 * font folders of the installed pdfjs-dist are always passed.
 */
import { ImportError } from "../errors.ts";
import type { LineBox, SourceDocument } from "../source-document.ts";
import { layoutBorderedPage, type BorderedPage } from "./pdf-ruled-page.ts";
import { limits } from "./limits.ts";
import { readText } from "./text.ts";
import type { LaidLine, PlacedItem } from "./pdf-layout.ts";
import { segmentsOf, type PathItem, type Segment } from "./pdf-rules.ts";
import { runningLines } from "./pdf-furniture.ts";
import { foldRadicals } from "./pdf-radicals.ts";
import { cMapUrl, loadPdfJs, standardFontDataUrl } from "./pdfjs.ts";

export interface PdfText {
  text: string;
  pages: number;
  /** How many lines of `text` (form feeds read as line ends) each page has. */
  pageLines: number[];
  /** 1-based numbers of the lines that are running headers or footers. */
  furniture: Set<number>;
}

/** One page's text items and drawn segments, in device space. */
interface PdfPage {
  items: PlacedItem[];
  segments: Segment[];
  width: number;
  height: number;
}

/** The PDF's text as pdftotext -layout-like lines (drawn tables a row a line), pages ended by form feeds. */
export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  return laidOut(await readPages(bytes)).text;
}

function laidOut(pages: readonly PdfPage[]): {
  text: PdfText;
  pages: (BorderedPage & { width: number; height: number })[];
} {
  const laid = pages.map((p) => ({
    ...layoutBorderedPage(p.items, p.segments),
    width: p.width,
    height: p.height,
  }));
  const pageTexts = laid.map((p) => p.lines.map((l) => l.text));
  return {
    text: {
      text: pageTexts.map((lines) => lines.join("\n") + "\n\f").join(""),
      pages: pageTexts.length,
      // An empty page is still one (empty) line before its form feed.
      pageLines: pageTexts.map((lines) => Math.max(lines.length, 1) + 1),
      furniture: runningLines(pageTexts),
    },
    pages: laid,
  };
}

type PdfJsModule = Awaited<ReturnType<typeof loadPdfJs>>;
type PdfDocument = Awaited<ReturnType<PdfJsModule["getDocument"]>["promise"]>;
type PdfPageProxy = Awaited<ReturnType<PdfDocument["getPage"]>>;
type TextContent = Awaited<ReturnType<PdfPageProxy["getTextContent"]>>;

async function readPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const { getDocument, Util } = await loadPdfJs();
  const started = Date.now();
  const doc = await openDocument(getDocument, bytes);
  try {
    if (doc.numPages > limits.maxPdfPages) {
      throw new ImportError(
        `PDF 共 ${doc.numPages} 页，超过上限 ${limits.maxPdfPages} 页，不予读取（too many pages: ${doc.numPages} > ${limits.maxPdfPages}）`,
        "too-large",
      );
    }
    const ahead = new PagesAhead(doc);
    const pages: PdfPage[] = [];
    let chars = 0;
    let imagePages = 0;
    let textless = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() - started > limits.maxPdfMillis) {
        throw new ImportError(
          `PDF 读取超时：第 ${n} 页起超过 ${limits.maxPdfMillis / 1000} 秒（reading the PDF took too long）`,
          "too-large",
        );
      }
      const { page, content } = await ahead.page(n);
      const viewport = page.getViewport({ scale: 1 });
      const { items, paths, printed } = placedContent(content, Util, viewport.transform);
      chars += printed;
      // Only the first few textless pages are probed: enough to tell a scan, and bounded.
      if (items.length === 0 && ++textless <= 3 && (await hasImages(page))) imagePages++;
      pages.push({
        items,
        segments: segmentsOf(paths, viewport.transform),
        width: viewport.width,
        height: viewport.height,
      });
      page.cleanup();
    }
    if (chars < 20) throw noText(imagePages, doc.numPages);
    return pages;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Opens the document; pdf.js takes ownership of (and detaches) the buffer it is given, so it gets a copy. */
async function openDocument(
  getDocument: PdfJsModule["getDocument"],
  bytes: Uint8Array,
): Promise<PdfDocument> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw loadFailure(error);
  }
}

/**
 * Pages and their text, requested a few ahead of the one read: pdf.js then
 * parses one page while it waits on another's reads.
 */
class PagesAhead {
  private readonly ahead = new Map<number, Promise<{ page: PdfPageProxy; content: TextContent }>>();

  constructor(private readonly doc: PdfDocument) {}

  async page(n: number): Promise<{ page: PdfPageProxy; content: TextContent }> {
    for (let k = n; k <= Math.min(this.doc.numPages, n + 3); k++)
      if (!this.ahead.has(k)) this.ahead.set(k, this.fetch(k));
    const fetched = await this.ahead.get(n)!.catch((error: unknown) => {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        `PDF 文件已损坏：第 ${n} 页无法读取（${(error as Error)?.message ?? error}）（damaged PDF page）`,
        "damaged",
      );
    });
    this.ahead.delete(n);
    return fetched;
  }

  private fetch(n: number): Promise<{ page: PdfPageProxy; content: TextContent }> {
    const p = this.doc
      .getPage(n)
      .then(async (page) => ({ page, content: await page.getTextContent() }));
    p.catch(() => undefined); // awaited in order; a page not reached must not be an unhandled rejection
    return p;
  }
}

/**
 * A page's text items in device space, the painted paths reported among them
 * (readers/pdfjs.ts), and how many non-blank characters the text has.
 */
function placedContent(
  content: TextContent,
  util: PdfJsModule["Util"],
  viewport: number[],
): { items: PlacedItem[]; paths: PathItem[]; printed: number } {
  const items: PlacedItem[] = [];
  const paths: PathItem[] = [];
  let printed = 0;
  for (const item of content.items) {
    if ((item as unknown as PathItem).type === "gongkaiPath")
      paths.push(item as unknown as PathItem);
    if (!("str" in item) || !item.str) continue;
    const [a, b, c, d, x, y] = util.transform(viewport, item.transform) as number[];
    // Radicals read for ideographs (部⻔ for 部门): see pdf-radicals.ts.
    items.push({
      str: foldRadicals(item.str),
      a: a!,
      b: b!,
      c: c!,
      d: d!,
      x: x!,
      y: y!,
      width: item.width,
    });
    printed += item.str.replace(/\s/g, "").length;
  }
  return { items, paths, printed };
}

/** Why a PDF with (next to) no text is refused: a scan needing OCR, or simply empty. */
function noText(imagePages: number, pageCount: number): ImportError {
  return new ImportError(
    imagePages > 0
      ? `PDF 没有文字层，是扫描件或图片（共 ${pageCount} 页，只有图像），需要先做文字识别（OCR）（image-only PDF: needs OCR）`
      : "PDF 中没有可读的文字（the PDF has no readable text）",
    imagePages > 0 ? "needs-ocr" : "empty",
  );
}

export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  const { text, pages } = laidOut(await readPages(bytes));
  const doc = readText(text.text, "pdf", "columns", text.furniture);
  // The true page of every line, rather than the guess from printed page numbers, and the drawn rows.
  let first = 0;
  let tables = 0;
  let open: { table: number; columns: number[] } | undefined;
  pages.forEach((page, i) => {
    const numbers = page.tables.map(() => -1);
    const grids: number[][] = [];
    for (const [k, laid] of page.lines.entries()) {
      const line = doc.lines[first + k];
      if (!line) break;
      if (!laid.row) {
        // Only furniture and blank lines may stand between a table and its continuation on the next page.
        if (line.text.trim() && !line.furniture) open = undefined;
        continue;
      }
      const [t, r] = laid.row.split(":").map(Number) as [number, number];
      const table = page.tables[t]!;
      if (numbers[t] === -1) {
        // A table continued from the page before keeps its number and that page's columns (which may be more).
        if (open && continues(open.columns, table.columns)) numbers[t] = open.table;
        else (numbers[t] = tables++), (open = { table: numbers[t]!, columns: table.columns });
        grids[t] = open.columns;
      }
      const columns = grids[t]!;
      open = { table: numbers[t]!, columns };
      line.drawnRow = {
        table: numbers[t]!,
        cells: table.rows[r]!.map((c) => ({
          text: c.text,
          span: spanIn(columns, c.left, c.right),
          continued: c.continued,
          ...(c.printedLine ? { printedLine: c.printedLine } : {}),
        })),
      };
    }
    // Where a reviewer finds the line: the page, and the printed line on it counted from the top.
    for (let k = 0; k < text.pageLines[i]! && first + k < doc.lines.length; k++) {
      const line = doc.lines[first + k]!;
      line.page = i + 1;
      const printed = page.printedLine[k];
      if (line.text.trim() && printed) line.at = { page: i + 1, line: printed };
      const box = boxOf(page, page.lines[k]);
      if (line.text.trim() && box) line.box = box;
    }
    first += text.pageLines[i]!;
  });
  return doc;
}

/** An upright page's laid line as a box in fractions of the page (for marking it on the page image). */
function boxOf(
  page: BorderedPage & { width: number; height: number },
  laid: LaidLine | undefined,
): LineBox | undefined {
  if (!laid || page.rotation !== 0 || !laid.size || !(laid.x1 > laid.x0)) return undefined;
  const top = laid.y - laid.size;
  return {
    x: laid.x0 / page.width,
    y: top / page.height,
    width: (laid.x1 - laid.x0) / page.width,
    height: (1.25 * laid.size) / page.height,
  };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 3;

/** A table part whose borders are all borders of the table above, outer ones included, continues it. */
function continues(columns: readonly number[], next: readonly number[]): boolean {
  return (
    near(columns[0]!, next[0]!) &&
    near(columns[columns.length - 1]!, next[next.length - 1]!) &&
    next.every((x) => columns.some((c) => near(c, x)))
  );
}

/** How many of the table's columns lie between two borders. */
function spanIn(columns: readonly number[], left: number, right: number): number {
  const at = (x: number) => columns.findIndex((c) => near(c, x));
  const from = at(left);
  const to = at(right);
  return from >= 0 && to > from ? to - from : 1;
}

/** Whether a page paints an image (a scanned page), without decoding it. */
async function hasImages(
  page: import("pdfjs-dist/legacy/build/pdf.mjs").PDFPageProxy,
): Promise<boolean> {
  const { OPS } = await loadPdfJs();
  const ops = await page.getOperatorList({ intent: "display" });
  const imageOps = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
  ]);
  return ops.fnArray.some((fn) => imageOps.has(fn));
}

function loadFailure(error: unknown): ImportError {
  const name = (error as { name?: string })?.name ?? "";
  const message = (error as Error)?.message ?? String(error);
  if (name === "PasswordException") {
    return new ImportError(
      "PDF 已加密，需要密码才能打开，请提供未加密的文件（the PDF is encrypted / password-protected）",
      "encrypted",
    );
  }
  return new ImportError(`PDF 文件已损坏，无法读取：${message}（damaged PDF）`, "damaged");
}
