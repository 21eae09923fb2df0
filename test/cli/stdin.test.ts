/** `-` reads standard input: extract, check and render give what they give for the file itself. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { corpusDir, seedsDir } from "../support/paths.ts";
import { gongkai } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-stdin-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const seed = join(seedsDir, "002_30620b3058080950.txt");

/** The canonical JSON without `source` (a file has a name there, standard input none). */
const facts = (json: string) => {
  const { source: _source, ...rest } = JSON.parse(json);
  return rest;
};

test("extract - reads a text and a PDF from standard input like the files themselves", async () => {
  const pdf = join(corpusDir, "017.pdf");
  const [fromFile, fromStdin, pdfFile, pdfStdin] = await Promise.all([
    gongkai(["extract", seed]),
    gongkai(["extract", "-"], { input: readFileSync(seed) }),
    gongkai(["extract", pdf]),
    gongkai(["extract", "-"], { input: readFileSync(pdf) }),
  ]);
  assert.equal(fromStdin.code, 0, fromStdin.stderr);
  assert.deepEqual(facts(fromStdin.stdout), facts(fromFile.stdout));
  assert.equal(JSON.parse(fromStdin.stdout).source.file, undefined);
  assert.equal(
    JSON.parse(fromStdin.stdout).source.sha256,
    JSON.parse(fromFile.stdout).source.sha256,
  );
  assert.equal(pdfStdin.code, 0, pdfStdin.stderr);
  assert.deepEqual(facts(pdfStdin.stdout), facts(pdfFile.stdout));
});

test("check - gives the file's findings and exit status", async () => {
  const [fromFile, fromStdin] = await Promise.all([
    gongkai(["check", "--json", seed]),
    gongkai(["check", "--json", "-"], { input: readFileSync(seed) }),
  ]);
  assert.equal(fromStdin.code, fromFile.code);
  assert.deepEqual(JSON.parse(fromStdin.stdout).findings, JSON.parse(fromFile.stdout).findings);
});

test("render - needs -o (a file, or - for standard output)", async () => {
  const input = readFileSync(seed);
  const noOutput = await gongkai(["render", "-", "--to", "html"], { input });
  assert.equal(noOutput.code, 2);
  assert.match(
    noOutput.stderr,
    /从标准输入读取时请用 -o 指定输出文件.*（use -o with standard input）/,
  );

  const toStdout = await gongkai(["render", "-", "--to", "json", "-o", "-"], { input });
  assert.equal(toStdout.code, 0, toStdout.stderr);
  assert.deepEqual(facts(toStdout.stdout), facts((await gongkai(["extract", seed])).stdout));

  const out = join(dir, "t.html");
  const toFile = await gongkai(["render", "-", "--to", "html", "-o", out], { input });
  assert.equal(toFile.code, 0, toFile.stderr);
  assert.match(readFileSync(out, "utf8"), /<html lang="zh-CN">/);
});
