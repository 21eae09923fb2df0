/**
 * Import throughput over the seeds and the corpus text: each document is read
 * and extracted in-process `runs` times after `warm` unmeasured runs; the
 * median per document and the aggregate MB/s are reported. Target (issue 2):
 * every document under 50 ms.
 *
 * The warm-up matters: code that only one document exercises (corpus 004's
 * project lists) is optimised by V8 only after several imports of that
 * document. Measured in bench order on the 2-core machine, 004's first imports
 * took 60–90 ms and later ones 32–60 ms, so one warm-up run and a median of 11
 * still counted the slow start.
 *
 *   npm run bench [-- --runs 21] [-- --warm 5] [-- --json]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { importDisclosure } from "../src/import/index.ts";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1] ?? 0) || 21;
const warm = Number(args[args.indexOf("--warm") + 1] ?? 0) || 5;
const shared = resolve(
  process.env.GONGKAI_SHARED ?? join(import.meta.dirname, "..", "..", "shared"),
);
const dirs = [join(shared, "seeds"), join(shared, "corpus")];
const files = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => join(d, f)),
);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const rows: { file: string; bytes: number; ms: number }[] = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  for (let i = 0; i < warm; i++) await importDisclosure(bytes); // warm-up: JIT and lazy module loading
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await importDisclosure(bytes);
    times.push(performance.now() - t0);
  }
  rows.push({ file: file.slice(shared.length + 1), bytes: bytes.length, ms: median(times) });
}

const totalBytes = rows.reduce((n, r) => n + r.bytes, 0);
const totalMs = rows.reduce((n, r) => n + r.ms, 0);
if (args.includes("--json")) {
  console.log(
    JSON.stringify(
      { runs, rows, totalBytes, totalMs, mbPerS: totalBytes / 1048576 / (totalMs / 1000) },
      null,
      2,
    ),
  );
} else {
  console.log(`导入基准（每个文件预热 ${warm} 次后 ${runs} 次取中位数，单线程）`);
  for (const r of rows)
    console.log(
      `${r.file.padEnd(36)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KB ${r.ms.toFixed(2).padStart(8)} ms ${(r.bytes / 1048576 / (r.ms / 1000)).toFixed(2).padStart(7)} MB/s`,
    );
  const worst = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(
    `合计 ${rows.length} 个文件 ${(totalBytes / 1048576).toFixed(2)} MB，${totalMs.toFixed(1)} ms，${(totalBytes / 1048576 / (totalMs / 1000)).toFixed(2)} MB/s；最慢 ${worst.file} ${worst.ms.toFixed(2)} ms（目标 < 50 ms）`,
  );
}
