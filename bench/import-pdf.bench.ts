/**
 * Import speed of the corpus PDFs (issue 4, item 7: under 1 s median each).
 * Each PDF is imported in-process once to warm up (pdf.js loads once per
 * process, about a second, not counted), then `runs` times; the median of the
 * whole import and of the PDF reading alone (pdf.js + layout) is reported,
 * in wall-clock time and in CPU time of this process (which stays meaningful
 * when other processes share the cores).
 *
 *   node --import tsx bench/import-pdf.bench.ts [--runs 7] [--json]
 *
 * GONGKAI_PDFJS_AS_SHIPPED=1 measures pdf.js without the reader's text-only
 * edits (readers/pdfjs.ts), e.g. 012.pdf: ~1.2 s CPU as shipped, ~0.3 s edited.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { importDisclosure } from "../src/import/index.ts";
import { pdfToText } from "../src/import/readers/pdf.ts";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1] ?? 0) || 7;
const shared = resolve(
  process.env.GONGKAI_SHARED ?? join(import.meta.dirname, "..", "..", "shared"),
);
const dir = join(shared, "corpus");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".pdf"))
  .sort();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const rows: {
  file: string;
  bytes: number;
  pages: number;
  readMs: number;
  importMs: number;
  importCpuMs: number;
}[] = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  const { pages } = await pdfToText(bytes); // warm-up
  await importDisclosure(bytes);
  const read: number[] = [];
  const full: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await pdfToText(bytes);
    read.push(performance.now() - t0);
    t0 = performance.now();
    const c0 = cpuMs();
    await importDisclosure(bytes);
    full.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  rows.push({
    file,
    bytes: bytes.length,
    pages,
    readMs: median(read),
    importMs: median(full),
    importCpuMs: median(cpu),
  });
}

if (args.includes("--json")) {
  console.log(JSON.stringify({ runs, rows }, null, 2));
} else {
  console.log(`PDF 导入基准（每个文件 ${runs} 次取中位数，单线程，预热后）`);
  console.log(
    `${"文件".padEnd(10)} ${"大小".padStart(9)} ${"页数".padStart(4)} ${"读取 PDF".padStart(10)} ${"完整导入".padStart(10)} ${"其中 CPU".padStart(10)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(10)} ${(r.bytes / 1024).toFixed(0).padStart(6)} KB ${String(r.pages).padStart(5)} ${r.readMs.toFixed(0).padStart(8)} ms ${r.importMs.toFixed(0).padStart(8)} ms ${r.importCpuMs.toFixed(0).padStart(8)} ms`,
    );
  }
  const worst = rows.reduce((a, b) => (b.importMs > a.importMs ? b : a));
  const over = rows.filter((r) => r.importMs >= 1000).length;
  console.log(
    `最慢 ${worst.file} ${worst.importMs.toFixed(0)} ms；超过 1 秒的文件 ${over}/${rows.length}（目标：每个 < 1000 ms）`,
  );
}
