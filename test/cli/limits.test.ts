/**
 * Input size is bounded before reading: a text (or JSON) over MAX_TEXT_BYTES
 * and any file over MAX_FILE_BYTES are refused with their size and the limit,
 * from a path or from standard input, so no input drives memory towards 1 GiB.
 */
import assert from "node:assert/strict";
import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { MAX_FILE_BYTES, MAX_TEXT_BYTES } from "../../src/app/index.ts";
import { gongkai, STACK } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-limits-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const MB = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** Budget-like text a little over the text limit. */
function bigText(): Buffer {
  const line = "部门预算收入总计 1234.56 万元，支出合计 1234.56 万元，绩效目标如下。\n";
  return Buffer.from(
    line.repeat(Math.ceil((MAX_TEXT_BYTES + 300 * 1024) / Buffer.byteLength(line))),
  );
}

test("a text over the limit is refused with its size, from a file and from standard input", async () => {
  const text = bigText();
  assert.notEqual(MB(text.length), MB(MAX_TEXT_BYTES));
  const path = join(dir, "big.txt");
  writeFileSync(path, text);
  const [fromFile, fromStdin, asCheck] = await Promise.all([
    gongkai(["extract", path]),
    gongkai(["extract", "-"], { input: text }),
    gongkai(["check", "--json", path]),
  ]);
  assert.equal(fromFile.code, 2);
  assert.match(
    fromFile.stderr,
    new RegExp(
      `文本过大（${MB(text.length)}，上限 ${MB(MAX_TEXT_BYTES)}），不予读取.*（input too large）`,
    ),
  );
  assert.equal(fromStdin.code, 2);
  assert.match(
    fromStdin.stderr,
    new RegExp(`文本过大（超过 [\\d.]+ (MB|字节)，上限 ${MB(MAX_TEXT_BYTES)}）`),
  );
  assert.equal(asCheck.code, 2);
  assert.equal(JSON.parse(asCheck.stdout).error.code, "too-large");
  for (const r of [fromFile, fromStdin]) assert.doesNotMatch(r.stderr, STACK);
});

test("a PDF over the file limit is refused before it is read", async () => {
  const path = join(dir, "huge.pdf");
  const fd = openSync(path, "w");
  writeSync(fd, "%PDF-1.7\n");
  ftruncateSync(fd, MAX_FILE_BYTES + 1048576); // sparse: costs no disk
  closeSync(fd);
  const r = await gongkai(["extract", path]);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    new RegExp(`文件过大（${MB(MAX_FILE_BYTES + 1048576)}，上限 ${MB(MAX_FILE_BYTES)}）`),
  );
  assert.ok(r.millis < 5000, `${r.millis} ms`);
});

test("a PDF below the file limit may be larger than the text limit: only texts have the lower bound", async () => {
  const path = join(dir, "large.pdf");
  const fd = openSync(path, "w");
  writeSync(fd, "%PDF-1.7\n");
  ftruncateSync(fd, MAX_TEXT_BYTES + 1048576);
  closeSync(fd);
  const r = await gongkai(["extract", path]);
  assert.equal(r.code, 3, r.stderr); // read, and found damaged: not refused for its size
  assert.doesNotMatch(r.stderr, /过大/);
});
