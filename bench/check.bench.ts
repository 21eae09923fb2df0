/**
 * Benchmark: the whole rule catalogue on one disclosure (import excluded).
 * Run: node --import tsx bench/check.bench.ts [FILE...]   (default: every seed, corpus text and corpus PDF)
 * Prints the median, p90 and minimum wall time of RUNS runs per document and the median CPU time
 * (less disturbed when other processes share the cores); the target is a median under 20 ms.
 */
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadDisclosure } from "../src/app/index.ts";
import { runChecks } from "../src/check/engine.ts";
import { catalogue } from "../src/check/catalogue.ts";
import { corpusDir, seedsDir } from "../test/support/paths.ts";

const RUNS = 200;
const WARMUP = 20;

const inDir = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [...inDir(seedsDir, ".txt"), ...inDir(corpusDir, ".txt"), ...inDir(corpusDir, ".pdf")];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

console.log(
  `rules: ${catalogue.length}, runs per document: ${RUNS} (after ${WARMUP} warm-up runs)`,
);
const medians: number[] = [];
const cpuMedians: number[] = [];
for (const file of files) {
  const input = await loadDisclosure(new Uint8Array(readFileSync(file)), {
    fileName: basename(file),
  });
  for (let i = 0; i < WARMUP; i++) runChecks(input);
  const times: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = runChecks(input);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    findings = r.findings.length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  medians.push(quantile(times, 0.5));
  cpuMedians.push(quantile(cpu, 0.5));
  const d = input.disclosure;
  const size = `${d.performance?.activities?.length ?? 0} activities, ${d.performance?.projects?.length ?? 0} projects, ${d.expenditureByFunction?.length ?? 0} function lines, ${input.narrative?.length ?? 0} paragraphs`;
  console.log(
    `${basename(file)}: median ${quantile(times, 0.5).toFixed(2)} ms, p90 ${quantile(times, 0.9).toFixed(2)} ms, min ${times[0]!.toFixed(2)} ms; CPU median ${quantile(cpu, 0.5).toFixed(2)} ms; ${findings} findings; ${size}`,
  );
}
medians.sort((a, b) => a - b);
cpuMedians.sort((a, b) => a - b);
console.log(
  `${files.length} documents; median of medians: wall ${quantile(medians, 0.5).toFixed(2)} ms, CPU ${quantile(cpuMedians, 0.5).toFixed(2)} ms; slowest document median: wall ${medians[medians.length - 1]!.toFixed(2)} ms, CPU ${cpuMedians[cpuMedians.length - 1]!.toFixed(2)} ms (target < 20 ms)`,
);
