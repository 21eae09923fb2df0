/**
 * Benchmark: batch check of 200 corpus-sized documents (the 16 seed and
 * corpus texts and the 11 corpus PDFs, copied round-robin into a temporary
 * folder), the "200 documents in a few minutes".
 * Run: node --import tsx bench/batch.bench.ts [--count 200] [--jobs N] [--mode check|extract]
 *      [--baseline K]   also time K one-process-per-file runs of bin/gongkai and extrapolate
 * Prints wall time, files/s, the process's CPU time (all threads) and peak RSS, and the load
 * average: on a shared machine the wall time says as much about the neighbours as about gongkai.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { runBatch } from "../src/app/batch/index.ts";
import { cli, corpusDir, seedsDir } from "../test/support/paths.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "200" },
    jobs: { type: "string" },
    mode: { type: "string", default: "check" },
    baseline: { type: "string", default: "0" },
  },
});
const count = Number(values.count);
const mode = values.mode === "extract" ? "extract" : "check";

const inDir = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
const sources = [
  ...inDir(seedsDir, ".txt"),
  ...inDir(corpusDir, ".txt"),
  ...inDir(corpusDir, ".pdf"),
];
const work = mkdtempSync(join(tmpdir(), "gongkai-batch-bench-"));
const files: string[] = [];
for (let i = 0; i < count; i++) {
  const src = sources[i % sources.length]!;
  const copy = join(work, "in", `${String(i).padStart(3, "0")}-${basename(src)}`);
  if (i === 0) execFileSync("mkdir", ["-p", join(work, "in")]);
  copyFileSync(src, copy);
  files.push(copy);
}
const pdfs = files.filter((f) => f.endsWith(".pdf")).length;
console.log(
  `${count} files (${count - pdfs} text, ${pdfs} PDF) from ${sources.length} documents; ` +
    `${availableParallelism()} cores; load average before: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
);

const cpu0 = process.cpuUsage();
const run = await runBatch({
  mode,
  inputs: [join(work, "in")],
  ...(mode === "extract" ? { outDir: join(work, "out") } : {}),
  ...(values.jobs ? { jobs: Number(values.jobs) } : {}),
  progress: process.stderr,
});
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const slowest = [...run.results].sort((a, b) => b.ms - a.ms)[0]!;
console.log(
  `batch ${mode}, ${run.jobs} workers: wall ${run.seconds.toFixed(1)} s, ${(count / run.seconds).toFixed(2)} files/s; ` +
    `CPU ${cpuSeconds.toFixed(1)} s (all threads); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; ` +
    `slowest file ${basename(slowest.file)} ${(slowest.ms / 1000).toFixed(1)} s`,
);
console.log(
  `results: passed ${run.tally.passed}, errors ${run.tally.errors}, failed ${run.tally.failed}; ` +
    `load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
);

const k = Number(values.baseline);
if (k > 0) {
  // The way a script does it today: one whole process per file, one after the other.
  const sample = files.slice(0, Math.min(k, files.length));
  const t0 = performance.now();
  for (const f of sample) {
    try {
      execFileSync(cli, [mode, ...(mode === "check" ? ["--json"] : []), f], { stdio: "ignore" });
    } catch {
      // check exits 1 on error findings; the time is what counts here
    }
  }
  const each = (performance.now() - t0) / 1000 / sample.length;
  console.log(
    `one process per file: ${each.toFixed(2)} s per file over ${sample.length} files, ` +
      `about ${((each * count) / 60).toFixed(1)} min for ${count} (extrapolated; the sample's mix of text and PDF applies)`,
  );
}
rmSync(work, { recursive: true, force: true });
