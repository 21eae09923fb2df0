/**
 * The outputs' rules as the face states them (the command line's tests run
 * the same rules end to end): names beside the input, where each render
 * format goes, and what checkOutput refuses.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, test } from "node:test";
import {
  besideInput,
  checkOutput,
  MAX_TEXT_BYTES,
  readInputFile,
  readStdin,
  renderTarget,
  UserError,
} from "../../src/app/index.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-app-outputs-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof UserError ? e.code : `unexpected ${e}`),
  );

test("beside the input: its stem with the new extension, a marker when that is the input", () => {
  assert.equal(besideInput("a/003.txt", ".pdf"), "a/003.pdf");
  assert.equal(besideInput("a/003.pdf", ".pdf"), "a/003.rendered.pdf");
  assert.equal(besideInput("x.json", ".json", ".gongkai"), "x.gongkai.json");
  assert.deepEqual(renderTarget("json", { input: "d/x.json" }), {
    kind: "file",
    path: "d/x.gongkai.json",
  });
  assert.deepEqual(renderTarget("pdf", { input: "003.pdf" }), {
    kind: "file",
    path: "003.rendered.pdf",
  });
  assert.deepEqual(renderTarget("csv", { input: "003.txt" }), {
    kind: "file",
    path: "003.csv.zip",
  });
});

test("where -o sends each format: a folder for fdp and csv without an extension, - for stdout", () => {
  assert.deepEqual(renderTarget("fdp", { output: "pkg" }), { kind: "folder", path: "pkg" });
  assert.deepEqual(renderTarget("fdp", { output: "pkg.zip" }), { kind: "file", path: "pkg.zip" });
  assert.deepEqual(renderTarget("csv", { output: "out/" }), { kind: "folder", path: "out/" });
  assert.deepEqual(renderTarget("csv", { output: "t.csv" }), { kind: "file", path: "t.csv" });
  assert.deepEqual(renderTarget("html", { output: "-" }), { kind: "stdout" });
  assert.throws(() => renderTarget("csv", { output: "t.xlsx" }), /\.csv.*\.zip.*目录/);
  assert.throws(() => renderTarget("fdp", { output: "-" }), UserError);
  assert.throws(() => renderTarget("html", {}), /从标准输入读取时请用 -o/);
});

test("checkOutput refuses an input (even through a link), an existing file without force, a missing folder", async () => {
  const input = join(dir, "in.txt");
  writeFileSync(input, "x");
  symlinkSync(input, join(dir, "link.txt"));
  mkdirSync(join(dir, "full"));
  writeFileSync(join(dir, "full", "a.csv"), "a");
  assert.equal(
    await codeOf(checkOutput(join(dir, "link.txt"), { inputs: [input], force: true })),
    "output-is-input",
  );
  assert.equal(await codeOf(checkOutput(input)), "output-exists");
  assert.equal(await codeOf(checkOutput(input, { force: true })), "ok");
  assert.equal(await codeOf(checkOutput(join(dir, "nope", "x.pdf"))), "output-unwritable");
  assert.equal(await codeOf(checkOutput(join(dir, "full"), { folder: true })), "output-exists");
  assert.equal(await codeOf(checkOutput(join(dir, "full"), { folder: true, force: true })), "ok");
  assert.equal(await codeOf(checkOutput(join(dir, "new-folder"), { folder: true })), "ok");
  assert.equal(await codeOf(checkOutput(join(dir, "full"))), "output-unwritable");
});

test("inputs over the text limit are refused by size, from a file and from a stream", async () => {
  const big = Buffer.alloc(MAX_TEXT_BYTES + 1, "预");
  writeFileSync(join(dir, "big.txt"), big);
  assert.equal(await codeOf(readInputFile(join(dir, "big.txt"))), "too-large");
  assert.equal(
    await codeOf(readStdin(Readable.from([big.subarray(0, 1 << 20), big]))),
    "too-large",
  );
  assert.equal(await codeOf(readInputFile(join(dir, "missing.txt"))), "file-not-found");
  assert.equal(await codeOf(readInputFile(dir)), "not-a-file");
  const small = await readStdin(Readable.from([Buffer.from("预算"), Buffer.from("收入")]));
  assert.equal(new TextDecoder().decode(small.bytes), "预算收入");
  assert.equal(small.fileName, undefined);
});
