/**
 * The printed contents (issue 10): in the PDF every 目录 line carries the page
 * number where its heading is actually printed (read back per page with
 * pdftotext), for the fixture and every seed and corpus document.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { promisify } from "node:util";
import { importDisclosure } from "../../src/import/index.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { buildDocument } from "../../src/render/document.ts";
import { PdfPrinter } from "../../src/render/pdf.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";
import { fixture } from "./fixture.ts";
import { tocProblems } from "./toc-pages.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "gongkai-contents-"));
let printing: Promise<PdfPrinter> | undefined;
const printer = () => (printing ??= PdfPrinter.open());
after(async () => {
  await (await printing)?.close();
  rmSync(dir, { recursive: true, force: true });
});

const documents = [seedsDir, corpusDir].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join(d, f)),
);

async function contentsProblems(name: string, d: Disclosure): Promise<string[]> {
  const path = join(dir, `${name.replace(/\W/g, "_")}.pdf`);
  writeFileSync(path, await (await printer()).render(d));
  const { stdout } = await run("pdftotext", ["-layout", path, "-"], { maxBuffer: 64 << 20 });
  const toc = buildDocument(d).blocks.find((b) => b.kind === "toc");
  const expected = toc?.kind === "toc" ? toc.entries.map((e) => e.text) : [];
  assert.ok(expected.length >= 10, `${name}: contents too short`);
  return tocProblems(stdout, expected).map((p) => `${name}: ${p}`);
}

test("PDF contents: each line's page number is the page its heading is printed on", async () => {
  const problems = await contentsProblems("fixture", fixture());
  for (const path of documents) {
    const { disclosure } = await importDisclosure(new Uint8Array(readFileSync(path)));
    problems.push(...(await contentsProblems(path.split("/").slice(-2).join("/"), disclosure)));
  }
  assert.deepEqual(problems, []);
});
