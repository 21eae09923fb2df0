/**
 * @module Scores the importer against a golden set in one process: imports every
 * document the golden files name (in-process, so a run costs the imports and not
 * a CLI start per file), then hands the JSON to `golden-check.mjs` unchanged.
 *
 *   node --import tsx scripts/score.ts seeds|corpus|corpus-pdf|wild [golden-check options…]
 *   node --import tsx scripts/score.ts wild --verbose --only P002
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { importDisclosure } from "../src/import/index.ts";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const shared = resolve(process.env.GONGKAI_SHARED ?? join(root, "..", "shared"));

const SETS: Record<string, { golden: string; docs: string; ext?: string }> = {
  seeds: { golden: "golden", docs: "seeds" },
  corpus: { golden: "corpus-golden", docs: "corpus" },
  "corpus-pdf": { golden: "corpus-golden", docs: "corpus", ext: "pdf" },
  wild: { golden: "wild/golden", docs: "wild/docs", ext: "pdf" },
  "wild-txt": { golden: "wild/golden", docs: "wild/docs" },
};

const [setName, ...rest] = process.argv.slice(2);
const set = setName ? SETS[setName] : undefined;
if (!set) {
  console.error(`usage: score.ts ${Object.keys(SETS).join("|")} [golden-check options]`);
  process.exit(2);
}
const goldenDir = join(shared, set.golden);
const docsDir = join(shared, set.docs);
const out = await mkdtemp(join(tmpdir(), "gongkai-score-"));
await mkdir(out, { recursive: true });
const only = rest.includes("--only") ? rest[rest.indexOf("--only") + 1] : undefined;

for (const name of (await readdir(goldenDir)).sort()) {
  if (!name.endsWith(".json")) continue;
  const golden = JSON.parse(await readFile(join(goldenDir, name), "utf8")) as { source: string };
  let file = join(docsDir, golden.source);
  if (set.ext) file = file.replace(/\.[^.]+$/, `.${set.ext}`);
  if (only && !basename(file).includes(only)) continue;
  if (!existsSync(file)) continue;
  let json: string;
  try {
    const { disclosure } = await importDisclosure(new Uint8Array(await readFile(file)), {
      fileName: basename(file),
    });
    json = JSON.stringify(disclosure);
  } catch (error) {
    json = JSON.stringify({ error: (error as Error).message });
  }
  await writeFile(join(out, `${basename(file)}.json`), json);
}

const args = [join(shared, "tools", "golden-check.mjs"), "--golden", goldenDir, "--docs", docsDir];
if (set.ext) args.push("--ext", set.ext);
args.push("--extract", `cat ${out}/$(basename {file}).json`, ...rest);
const result = spawnSync(process.execPath, args, { stdio: "inherit", cwd: root });
process.exit(result.status ?? 1);
