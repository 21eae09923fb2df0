/**
 * PDF printed from the HTML by headless Chromium (Debian's package) through
 * playwright-core. A PdfPrinter keeps one browser open, so a batch of
 * documents pays the launch once (~0.2 s) and each PDF costs ~0.3 s.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import type { Disclosure } from "../model/disclosure.ts";
import { buildDocument } from "./document.ts";
import { documentHtml } from "./html.ts";

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
    throw new RenderError("未找到 Chromium 浏览器，无法生成 PDF；请安装 chromium 或设置 GONGKAI_CHROMIUM（Chromium not found）");
  }
  return path;
}

export class PdfPrinter {
  private constructor(private readonly browser: Browser) {}

  static async open(): Promise<PdfPrinter> {
    const browser = await chromium.launch({ executablePath: findChromium(), args: ARGS });
    return new PdfPrinter(browser);
  }

  async print(html: string, footerTitle = ""): Promise<Uint8Array> {
    const page = await this.browser.newPage();
    try {
      await page.setContent(html, { waitUntil: "load" });
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        format: "A4",
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="width:100%;font-size:8pt;text-align:center;font-family:'Noto Serif CJK SC',serif;color:#333">${footerTitle.replace(/[<>&]/g, "")}　第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`,
        margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" },
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }

  async render(d: Disclosure): Promise<Uint8Array> {
    const doc = buildDocument(d);
    return this.print(documentHtml(doc), doc.title);
  }

  async close(): Promise<void> {
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
