/**
 * The command line as whole processes, as a user meets it: `bin/gongkai`
 * spawned, wall time by process.hrtime, CPU and peak memory (maximum RSS) by
 * GNU time. Targets (issue 10): `--help` ≤ 0.3 s wall, `extract` of a seed
 * ≤ 0.5 s wall, `extract` of the largest corpus PDF ≤ 300 MiB; any input
 * below 1 GiB (a text over the limit is refused before it is read).
 *
 * The compiled code (dist/, `npm run build`) is what bin/gongkai runs when it
 * is up to date; `--sources` measures the TypeScript sources through tsx.
 * On a shared machine wall time includes waiting for a core: CPU time is the
 * steadier figure, and both are printed.
 *
 *   node --import tsx bench/cli.bench.ts [--runs 11] [--sources] [--near-limit]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MAX_TEXT_BYTES } from "../src/app/index.ts";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1] ?? 0) || 11;
const fromSources = args.includes("--sources");
const root = resolve(import.meta.dirname, "..");
const cli = join(root, "bin", "gongkai");
const shared = resolve(process.env.GONGKAI_SHARED ?? join(root, "..", "shared"));
const scratch = mkdtempSync(join(tmpdir(), "gongkai-cli-bench-"));
const env = { ...process.env, ...(fromSources ? { GONGKAI_FROM_SOURCE: "1" } : {}) };

interface Sample {
  wall: number;
  cpu: number;
  rssMiB: number;
  code: number;
}

/** One process: wall seconds, user+system CPU seconds and peak RSS in MiB (GNU time). */
function measure(argv: string[]): Promise<Sample> {
  const report = join(scratch, "time.txt");
  const started = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const child = spawn("/usr/bin/time", ["-o", report, "-f", "%U %S %M", cli, ...argv], {
      env,
      stdio: ["ignore", "ignore", "ignore"],
    });
    child.on("error", fail);
    child.on("close", (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const last = readFileSync(report, "utf8").trim().split("\n").pop()!;
      const [user, system, rss] = last.split(" ").map(Number) as [number, number, number];
      done({ wall, cpu: user + system, rssMiB: rss / 1024, code: code ?? -1 });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function series(label: string, argv: string[], n = runs): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < n; i++) samples.push(await measure(argv));
  const row = {
    wall: median(samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    rssMiB: Math.max(...samples.map((s) => s.rssMiB)),
    code: samples[0]!.code,
  };
  console.log(
    `${label.padEnd(44)} wall ${row.wall.toFixed(3)} s  cpu ${row.cpu.toFixed(3)} s  peak ${row.rssMiB.toFixed(0)} MiB  exit ${row.code}  (median of ${n})`,
  );
  return row;
}

function verdict(name: string, value: number, limit: number, unit: string): void {
  console.log(
    `  ${value <= limit ? "meets" : "MISSES"} ${name}: ${value.toFixed(3)} ${unit} (target ≤ ${limit})`,
  );
}

/** Budget-dense text: every line a budget word and an amount (the importer's hardest text). */
function saltedText(bytes: number): Buffer {
  const words = [
    "部门预算",
    "收入总计",
    "支出合计",
    "基本支出",
    "项目支出",
    "三公经费",
    "政府采购",
    "绩效目标",
  ];
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `${words[i % 8]}　${((i * 37.13) % 10000).toFixed(2)}　${words[(i * 7) % 8]}说明第${i}项\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return Buffer.from(lines.join(""));
}

console.log(
  `bin/gongkai from ${fromSources ? "sources (tsx)" : "dist/ when current"}; ${runs} runs each\n`,
);
const help = await series("gongkai --help", ["--help"]);
verdict("--help wall", help.wall, 0.3, "s");

const seeds = readdirSync(join(shared, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort();
const seedRows: Sample[] = [];
for (const seed of seeds)
  seedRows.push(await series(`extract ${seed}`, ["extract", join(shared, "seeds", seed)]));
verdict(
  "extract of a seed, median wall over the seeds",
  median(seedRows.map((r) => r.wall)),
  0.5,
  "s",
);

const pdf = join(shared, "corpus", "004.pdf"); // 50 pages, the corpus's longest
const big = await series("extract corpus/004.pdf (50 pages)", ["extract", pdf], Math.min(runs, 5));
verdict("extract of the largest corpus PDF, peak", big.rssMiB, 300, "MiB");

const over = join(scratch, "salted-50mb.txt");
writeFileSync(over, saltedText(50 * 1048576));
const refused = await series("extract 50 MB salted text (refused)", ["extract", over], 3);
verdict("50 MB text peak", refused.rssMiB, 1024, "MiB");

if (args.includes("--near-limit")) {
  // Slow (minutes): the largest text accepted, in its hardest form.
  const near = join(scratch, "salted-near-limit.txt");
  writeFileSync(near, saltedText(MAX_TEXT_BYTES - 4096));
  const r = await series(
    `extract ${(MAX_TEXT_BYTES / 1048576).toFixed(0)} MB salted text`,
    ["extract", near],
    1,
  );
  verdict("largest accepted text peak", r.rssMiB, 1024, "MiB");
}
rmSync(scratch, { recursive: true, force: true });
