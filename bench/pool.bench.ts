/**
 * Import time over ../shared/wild/pool (issue 13, item 6: p90 ≤ 1 s): every PDF
 * imported in-process `runs` times after one warm-up import (pdf.js loads once
 * per process, not counted); a file's time is its median run, refusals
 * included (a refusal costs the reading too). Reports median, p90 and max of
 * the files' times, wall-clock and CPU of this process (CPU stays meaningful
 * when other processes share the cores), and the slowest files.
 *
 *   node --import tsx bench/pool.bench.ts [--runs 1] [--json]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { importDisclosure } from "../src/import/index.ts";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1] ?? 0) || 1;
const shared = resolve(
  process.env.GONGKAI_SHARED ?? join(import.meta.dirname, "..", "..", "shared"),
);
const dir = join(shared, "wild", "pool");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".pdf"))
  .sort();

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

/** One import: wall and CPU milliseconds, and how it ended (imported or the refusal's code). */
async function timeImport(
  bytes: Uint8Array,
): Promise<{ wall: number; cpu: number; outcome: string }> {
  const t0 = performance.now();
  const c0 = cpuMs();
  let outcome = "imported";
  try {
    await importDisclosure(bytes);
  } catch (error) {
    outcome = (error as { code?: string }).code ?? "crashed";
  }
  return { wall: performance.now() - t0, cpu: cpuMs() - c0, outcome };
}

await timeImport(new Uint8Array(readFileSync(join(dir, files[0]!)))); // warm-up
const rows: { file: string; wallMs: number; cpuMs: number; outcome: string }[] = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await timeImport(bytes));
  rows.push({
    file,
    wallMs: Math.round(
      quantile(
        times.map((t) => t.wall),
        0.5,
      ),
    ),
    cpuMs: Math.round(
      quantile(
        times.map((t) => t.cpu),
        0.5,
      ),
    ),
    outcome: times[0]!.outcome,
  });
}

const summary = (key: "wallMs" | "cpuMs") => {
  const xs = rows.map((r) => r[key]);
  return { median: quantile(xs, 0.5), p90: quantile(xs, 0.9), max: Math.max(...xs) };
};
const result = { files: rows.length, runs, wall: summary("wallMs"), cpu: summary("cpuMs"), rows };
if (args.includes("--json")) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const line = (name: string, s: ReturnType<typeof summary>) =>
    `${name}: median ${s.median} ms, p90 ${s.p90} ms, max ${s.max} ms`;
  console.log(`pool: ${rows.length} PDFs, ${runs} run(s) each`);
  console.log(line("wall", result.wall));
  console.log(line("cpu ", result.cpu));
  console.log(`p90 target 1000 ms: ${result.wall.p90 <= 1000 ? "met" : "NOT met"} (wall)`);
  console.log("slowest:");
  for (const r of [...rows].sort((a, b) => b.wallMs - a.wallMs).slice(0, 8))
    console.log(`  ${r.file}  ${r.wallMs} ms wall, ${r.cpuMs} ms cpu  (${r.outcome})`);
}
