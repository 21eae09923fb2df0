/**
 * PDF printed from the HTML by headless Chromium (Debian's package) through
 * playwright-core. A PdfPrinter keeps one browser and one tab open, so a
 * batch pays the launch once and each PDF only lays out and prints its HTML.
 * Page size, margins and the 第 N 页 footer are the HTML's CSS @page rules.
 * Most of the print time is the CJK glyphs: Skia embeds Noto CJK (CFF
 * outlines) as Type 3 fonts, ~60 % of the CPU of a long document.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import type { Disclosure } from "../model/disclosure.ts";
import { buildDocument, type RenderedDocument } from "./document.ts";
import { documentHtml } from "./html.ts";
import { anchorPages } from "./pdf-pages.ts";

/** The document with each contents entry's page filled in. */
function withPageNumbers(doc: RenderedDocument, pages: Map<string, number>): RenderedDocument {
  return {
    ...doc,
    blocks: doc.blocks.map((b) =>
      b.kind === "toc"
        ? { ...b, entries: b.entries.map((e) => ({ ...e, page: pages.get(e.target) })) }
        : b,
    ),
  };
}

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The flags the machine notes require: no sandbox (containers), no network chatter. */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export class RenderError extends Error {}

function findChromium(): string {
  const fromEnv = process.env.GONGKAI_CHROMIUM;
  const path = [fromEnv, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!path) {
    throw new RenderError(
      "未找到 Chromium 浏览器，无法生成 PDF；请安装 chromium 或设置 GONGKAI_CHROMIUM（Chromium not found）",
    );
  }
  return path;
}

/** Debian's Chromium (or GONGKAI_CHROMIUM) with those flags; the browser tests drive it too. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: ARGS });
}

export class PdfPrinter {
  /** One tab reused for every document: a new page costs a renderer process start (~0.1–0.5 s). */
  private page: Page | undefined;
  /** Documents print one after another on that tab. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly browser: Browser) {}

  static async open(): Promise<PdfPrinter> {
    return new PdfPrinter(await launchChromium());
  }

  /** Prints self-contained HTML; page size, margins and the footer come from its CSS @page rules. */
  print(html: string): Promise<Uint8Array> {
    const job = this.queue.then(() => this.printNow(html));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async printNow(html: string): Promise<Uint8Array> {
    this.page ??= await this.browser.newPage();
    try {
      // Fonts are local and nothing else is fetched, so "load" is reached without network waits.
      await this.page.setContent(html, { waitUntil: "load" });
      const pdf = await this.page.pdf({
        preferCSSPageSize: true,
        format: "A4",
        printBackground: true,
        tagged: false,
        outline: false,
      });
      return new Uint8Array(pdf);
    } catch (e) {
      // A tab that failed once is not trusted again.
      await this.page.close().catch(() => undefined);
      this.page = undefined;
      throw e;
    }
  }

  /**
   * Two passes: the first prints with invisible markers to learn each contents entry's page,
   * the second prints the contents with those numbers. The numbers' column is reserved in both
   * passes and the markers are out of the flow, so the layout, and the pages, stay the same.
   */
  async render(d: Disclosure): Promise<Uint8Array> {
    const doc = buildDocument(d);
    const pages = await anchorPages(await this.print(documentHtml(doc, { markers: true })));
    return this.print(documentHtml(withPageNumbers(doc, pages)));
  }

  async close(): Promise<void> {
    await this.queue;
    await this.browser.close();
  }
}

/** One PDF with its own browser (the CLI); batches should hold a PdfPrinter. */
export async function renderPdf(d: Disclosure): Promise<Uint8Array> {
  const printer = await PdfPrinter.open();
  try {
    return await printer.render(d);
  } finally {
    await printer.close();
  }
}
