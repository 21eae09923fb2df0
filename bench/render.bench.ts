/**
 * Render speed (issue 4, item 7: xlsx + docx under 500 ms, PDF under 2 s).
 * Each seed and corpus text is imported once (not timed); then its xlsx,
 * docx and PDF are rendered `runs` times after one warm-up, and the median
 * of each is reported. The PDF figure uses one browser kept open (how a
 * batch or the server prints); the browser launch is reported separately.
 *
 *   node --import tsx bench/render.bench.ts [--runs 5] [--json]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { importDisclosure } from "../src/import/index.ts";
import { renderDocx } from "../src/render/docx.ts";
import { renderHtml } from "../src/render/html.ts";
import { PdfPrinter } from "../src/render/pdf.ts";
import { renderXlsx } from "../src/render/xlsx.ts";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1] ?? 0) || 5;
const shared = resolve(process.env.GONGKAI_SHARED ?? join(import.meta.dirname, "..", "..", "shared"));
const inputs = [
  ...readdirSync(join(shared, "seeds")).filter((f) => f.endsWith(".txt")).map((f) => join(shared, "seeds", f)),
  ...readdirSync(join(shared, "corpus")).filter((f) => f.endsWith(".txt")).map((f) => join(shared, "corpus", f)),
].sort();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

let t0 = performance.now();
const printer = await PdfPrinter.open();
const launchMs = performance.now() - t0;
const rows: { file: string; xlsxMs: number; docxMs: number; officeMs: number; htmlMs: number; pdfMs: number; pdfPages: number }[] = [];
try {
  for (const path of inputs) {
    const { disclosure } = await importDisclosure(new Uint8Array(readFileSync(path)));
    const xlsxMs = await time(() => renderXlsx(disclosure));
    const docxMs = await time(() => renderDocx(disclosure));
    const htmlMs = await time(async () => renderHtml(disclosure));
    const pdfMs = await time(() => printer.render(disclosure));
    const pdf = Buffer.from(await printer.render(disclosure)).toString("latin1");
    const pdfPages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    rows.push({ file: path.split("/").slice(-2).join("/"), xlsxMs, docxMs, officeMs: xlsxMs + docxMs, htmlMs, pdfMs, pdfPages });
  }
} finally {
  await printer.close();
}
t0 = performance.now();

if (args.includes("--json")) {
  console.log(JSON.stringify({ runs, launchMs, rows }, null, 2));
} else {
  console.log(`生成基准（每个文件 ${runs} 次取中位数，预热后；浏览器启动 ${launchMs.toFixed(0)} ms 另计）`);
  console.log(`${"文件".padEnd(30)} ${"xlsx".padStart(7)} ${"docx".padStart(7)} ${"合计".padStart(7)} ${"html".padStart(6)} ${"PDF".padStart(7)} ${"页数".padStart(4)}`);
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(30)} ${r.xlsxMs.toFixed(0).padStart(5)}ms ${r.docxMs.toFixed(0).padStart(5)}ms ${r.officeMs.toFixed(0).padStart(5)}ms ${r.htmlMs.toFixed(0).padStart(4)}ms ${r.pdfMs.toFixed(0).padStart(5)}ms ${String(r.pdfPages).padStart(5)}`,
    );
  }
  const office = median(rows.map((r) => r.officeMs));
  const pdf = median(rows.map((r) => r.pdfMs));
  const worstOffice = rows.reduce((a, b) => (b.officeMs > a.officeMs ? b : a));
  const worstPdf = rows.reduce((a, b) => (b.pdfMs > a.pdfMs ? b : a));
  console.log(`xlsx+docx 中位数 ${office.toFixed(0)} ms（最慢 ${worstOffice.file} ${worstOffice.officeMs.toFixed(0)} ms；目标 < 500 ms）`);
  console.log(`PDF 中位数 ${pdf.toFixed(0)} ms（最慢 ${worstPdf.file} ${worstPdf.pdfMs.toFixed(0)} ms；目标 < 2000 ms）`);
}
