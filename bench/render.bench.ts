/**
 * Render speed (issue 4: xlsx + docx under 500 ms, PDF under 2 s per document).
 * Each seed and corpus text is imported once (not timed); then its xlsx,
 * docx and PDF are rendered `runs` times after one warm-up, and the median
 * of each is reported, as wall time and as CPU time. The machine is shared,
 * so wall time swings with its load; CPU time says what the work costs.
 * For the PDF the CPU is this process's plus Chromium's (its processes are
 * our descendants; read from /proc, absent elsewhere). The PDF figure uses
 * one browser kept open (how a batch or the server prints); the browser
 * launch is reported separately.
 *
 *   node --import tsx bench/render.bench.ts [--runs 5] [--only NAME] [--json]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { importDisclosure } from "../src/import/index.ts";
import { renderDocx } from "../src/render/docx.ts";
import { PdfPrinter } from "../src/render/pdf.ts";
import { renderXlsx } from "../src/render/xlsx.ts";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option("--runs")) || 5;
const only = option("--only");
const shared = resolve(
  process.env.GONGKAI_SHARED ?? join(import.meta.dirname, "..", "..", "shared"),
);
const inputs = [
  ...readdirSync(join(shared, "seeds"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join(shared, "seeds", f)),
  ...readdirSync(join(shared, "corpus"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join(shared, "corpus", f)),
]
  .filter((p) => !only || p.includes(only))
  .sort();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU ms of this process's descendants (Chromium), dead ones included through their parent's cutime; undefined without /proc. */
function descendantsCpu(): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  const procs = new Map<number, { ppid: number; ms: number }>();
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, cutime, cstime in clock ticks (100 per second on Linux).
      procs.set(Number(pid), {
        ppid: Number(f[1]),
        ms: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10,
      });
    } catch {
      // The process ended while we looked.
    }
  }
  let sum = 0;
  for (const { ppid, ms } of procs.values()) {
    let p = ppid;
    for (let hops = 0; p && p !== process.pid && hops < 50; hops++) p = procs.get(p)?.ppid ?? 0;
    if (p === process.pid) sum += ms;
  }
  return sum;
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

async function time(fn: () => Promise<unknown>, children = false): Promise<Timing> {
  await fn(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const k0 = children ? descendantsCpu() : 0;
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    const k1 = children ? descendantsCpu() : 0;
    cpu.push((c.user + c.system) / 1000 + (k0 !== undefined && k1 !== undefined ? k1 - k0 : 0));
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

const t0 = performance.now();
const printer = await PdfPrinter.open();
const launchMs = performance.now() - t0;
const rows: {
  file: string;
  xlsx: Timing;
  docx: Timing;
  office: Timing;
  pdf: Timing;
  pdfPages: number;
}[] = [];
try {
  for (const path of inputs) {
    const { disclosure } = await importDisclosure(new Uint8Array(readFileSync(path)));
    const xlsx = await time(() => renderXlsx(disclosure));
    const docx = await time(() => renderDocx(disclosure));
    const office = await time(() => Promise.all([renderXlsx(disclosure), renderDocx(disclosure)]));
    const pdf = await time(() => printer.render(disclosure), true);
    const bytes = Buffer.from(await printer.render(disclosure)).toString("latin1");
    const pdfPages = (bytes.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    rows.push({ file: path.split("/").slice(-2).join("/"), xlsx, docx, office, pdf, pdfPages });
  }
} finally {
  await printer.close();
}

if (args.includes("--json")) {
  console.log(JSON.stringify({ runs, launchMs, rows }, null, 2));
} else {
  const ms = (t: Timing) => `${t.wallMs.toFixed(0).padStart(5)}/${t.cpuMs.toFixed(0).padEnd(5)}`;
  console.log(
    `生成基准（每个文件 ${runs} 次取中位数，预热后；时间为 墙钟/CPU 毫秒；PDF 的 CPU 含 Chromium；浏览器启动 ${launchMs.toFixed(0)} ms 另计）`,
  );
  console.log(
    `${"文件".padEnd(29)} ${"xlsx".padEnd(11)} ${"docx".padEnd(11)} ${"xlsx+docx".padEnd(11)} ${"PDF".padEnd(11)} 页数`,
  );
  for (const r of rows)
    console.log(
      `${r.file.padEnd(31)} ${ms(r.xlsx)} ${ms(r.docx)} ${ms(r.office)} ${ms(r.pdf)} ${String(r.pdfPages).padStart(4)}`,
    );
  const summary = (label: string, pick: (r: (typeof rows)[number]) => Timing, target: number) => {
    const worst = rows.reduce((a, b) => (pick(b).cpuMs > pick(a).cpuMs ? b : a));
    console.log(
      `${label} 中位数：墙钟 ${median(rows.map((r) => pick(r).wallMs)).toFixed(0)} ms，CPU ${median(rows.map((r) => pick(r).cpuMs)).toFixed(0)} ms` +
        `（CPU 最多 ${worst.file} ${pick(worst).cpuMs.toFixed(0)} ms；目标 < ${target} ms）`,
    );
  };
  summary("xlsx     ", (r) => r.xlsx, 500);
  summary("docx     ", (r) => r.docx, 500);
  summary("xlsx+docx", (r) => r.office, 500);
  summary("PDF      ", (r) => r.pdf, 2000);
}
