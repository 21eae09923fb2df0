/**
 * @module Canonical-JSON snapshot of every shared document: proves a refactoring
 * changed no output. `snapshot.ts write DIR` imports every seed, corpus text and
 * corpus PDF (and the wild documents with --wild) and writes each canonical JSON
 * (with its checker findings) to DIR; `snapshot.ts compare DIR` imports them again
 * and names every document whose JSON or findings differ, exiting 1 if any does.
 *
 *   node --import tsx scripts/snapshot.ts write /tmp/before
 *   … refactor …
 *   node --import tsx scripts/snapshot.ts compare /tmp/before
 */
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { importDisclosure } from "../src/import/index.ts";
import { runChecks } from "../src/check/engine.ts";
import { narrativeOf } from "../src/app/index.ts";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const shared = resolve(process.env.GONGKAI_SHARED ?? join(root, "..", "shared"));

async function documents(wild: boolean): Promise<string[]> {
  const dirs: [string, RegExp][] = [
    [join(shared, "seeds"), /\.txt$/],
    [join(shared, "corpus"), /\.(txt|pdf)$/],
  ];
  if (wild)
    dirs.push([join(shared, "wild", "docs"), /\.pdf$/], [join(shared, "wild", "pool"), /\.pdf$/]);
  const files: string[] = [];
  for (const [dir, pattern] of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of (await readdir(dir)).sort())
      if (pattern.test(name)) files.push(join(dir, name));
  }
  return files;
}

async function snapshot(file: string): Promise<string> {
  try {
    const { disclosure, document } = await importDisclosure(new Uint8Array(await readFile(file)), {
      fileName: basename(file),
    });
    const report = runChecks({ disclosure, narrative: narrativeOf(document) });
    const findings = report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      line: f.line,
    }));
    return `${JSON.stringify({ disclosure, findings }, null, 1)}\n`;
  } catch (error) {
    return `${JSON.stringify({ error: (error as Error).message })}\n`;
  }
}

const [mode, dir, ...flags] = process.argv.slice(2);
if ((mode !== "write" && mode !== "compare") || !dir) {
  console.error("usage: snapshot.ts write|compare DIR [--wild]");
  process.exit(2);
}
const wild = flags.includes("--wild");
await mkdir(dir, { recursive: true });
let differ = 0;
const files = await documents(wild);
for (const file of files) {
  const key = `${basename(join(file, ".."))}-${basename(file)}.json`;
  const now = await snapshot(file);
  if (mode === "write") await writeFile(join(dir, key), now);
  else {
    const before = existsSync(join(dir, key))
      ? await readFile(join(dir, key), "utf8")
      : "(missing)";
    if (before !== now) {
      differ++;
      console.log(`differs: ${key}`);
      await writeFile(join(dir, `${key}.now`), now);
    }
  }
}
console.log(`${files.length} documents, ${mode === "write" ? "written" : `${differ} differ`}`);
process.exit(differ ? 1 : 0);
