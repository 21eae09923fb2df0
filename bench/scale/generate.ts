/**
 * Generates a province-sized set of disclosures from the real samples (seeds
 * and corpus texts): each planned department × year × kind takes a real
 * document of its kind, multiplies its amounts by a whole number, gives it
 * the department's name and region, and writes its canonical JSON and its
 * rendered document (xlsx by default) side by side, plus manifest.json.
 *
 *   node --import tsx bench/scale/generate.ts --count 20000 --years 3 --out /tmp/gongkai-scale
 *
 * Options: --count N (300), --years N (3), --out DIR, --format xlsx|html (xlsx), --workers N (cores),
 * --resume (keep the documents already written, e.g. after an interrupted run).
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { loadDisclosure } from "../../src/app/load.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import type { RenderFormat } from "../../src/render/index.ts";
import type { GenerateTask } from "./generate-worker.ts";
import { type PlannedRegion, planDisclosures, planRegions } from "./province.ts";
import { argOf, hasFlag, SHARED } from "./args.ts";

export interface Manifest {
  count: number;
  years: number;
  format: RenderFormat;
  regions: PlannedRegion[];
  items: GenerateTask["items"];
  bases: string[];
}

/** The real documents the generated ones are made from: every seed and corpus text. */
async function loadBases(): Promise<{ names: string[]; docs: Disclosure[] }> {
  const names: string[] = [];
  const docs: Disclosure[] = [];
  for (const dir of ["seeds", "corpus"]) {
    const folder = join(SHARED, dir);
    for (const f of (await readdir(folder)).filter((n) => n.endsWith(".txt")).sort()) {
      const bytes = new Uint8Array(await readFile(join(folder, f)));
      docs.push((await loadDisclosure(bytes, { fileName: f })).disclosure);
      names.push(`${dir}/${f}`);
    }
  }
  return { names, docs };
}

const hashOf = (s: string) => createHash("sha256").update(s).digest().readUInt32BE(0);

/** Which base and factor each planned disclosure takes: a base of its kind, chosen by its name. */
export function assign(
  regions: PlannedRegion[],
  docs: Disclosure[],
  count: number,
  years: number,
): GenerateTask["items"] {
  const ofKind = (k: "budget" | "final") =>
    docs.flatMap((d, i) => ((d.kind ?? "budget") === k ? [i] : []));
  const bases = { budget: ofKind("budget"), final: ofKind("final") };
  return planDisclosures(regions, count, years).map((p) => {
    const h = hashOf(p.stem);
    const pool = bases[p.kind].length ? bases[p.kind] : bases.budget;
    const region = regions[p.region]!;
    return {
      stem: p.stem,
      base: pool[h % pool.length]!,
      factor: 1 + ((h >>> 8) % 4),
      year: p.year,
      kind: p.kind,
      region: { name: region.name, code: region.code },
      department: p.department,
    };
  });
}

function runWorkers(task: Omit<GenerateTask, "items">, items: GenerateTask["items"], n: number) {
  let done = 0;
  const started = performance.now();
  const shares = Array.from({ length: n }, (_, w) => items.filter((_, i) => i % n === w));
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), {
            workerData: {
              ...task,
              items: share,
              entry: new URL("./generate-worker.ts", import.meta.url).href,
            } satisfies GenerateTask & { entry: string },
          });
          worker.on("message", () => {
            if (++done % 500 === 0 || done === items.length) {
              const s = (performance.now() - started) / 1000;
              process.stderr.write(`${done}/${items.length} (${(done / s).toFixed(1)}/s)\n`);
            }
          });
          worker.on("error", reject);
          worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
        }),
    ),
  );
}

async function main(): Promise<void> {
  const count = Number(argOf("--count", "300"));
  const years = Number(argOf("--years", "3"));
  const out = argOf("--out", "/tmp/gongkai-scale");
  const format = argOf("--format", "xlsx") as RenderFormat;
  const workers = Number(argOf("--workers", String(availableParallelism())));
  await mkdir(join(out, "docs"), { recursive: true });
  const { names, docs } = await loadBases();
  const regions = planRegions();
  const items = assign(regions, docs, count, years);
  const manifest: Manifest = { count: items.length, years, format, regions, items, bases: names };
  await writeFile(join(out, "manifest.json"), JSON.stringify(manifest));
  const started = performance.now();
  const resume = hasFlag("--resume");
  await runWorkers({ out: join(out, "docs"), format, bases: docs, resume }, items, workers);
  const s = (performance.now() - started) / 1000;
  console.log(`generated ${items.length} disclosures in ${s.toFixed(1)} s into ${out}`);
}

if (process.argv[1]?.endsWith("generate.ts")) await main();
