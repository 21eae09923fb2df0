/**
 * What the importer does with input that is not a clean UTF-8 disclosure:
 * other encodings are detected, and anything that is not a disclosure gets a
 * clear message and a non-zero exit status, never a stack trace.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importDisclosure } from "../src/import/index.ts";
import { ImportError } from "../src/import/errors.ts";
import { detectEncoding } from "../src/import/decode.ts";
import { cli, seedsDir } from "./support/paths.ts";

const seed = join(seedsDir, "000_f6eb8ece6d8b211d.txt");
const utf8 = readFileSync(seed);
const tmp = mkdtempSync(join(tmpdir(), "gongkai-input-"));

function withoutSource(d: object): object {
  const { source: _source, ...rest } = d as { source?: unknown };
  return rest;
}

test("GB18030/GBK and BOM-prefixed text import the same as UTF-8", async () => {
  const gb = execFileSync("iconv", ["-f", "utf-8", "-t", "gb18030", seed]);
  assert.equal(detectEncoding(gb), "gb18030");
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
  const crlf = Buffer.from(utf8.toString("utf8").replace(/\n/g, "\r\n"));
  const plain = (await importDisclosure(utf8)).disclosure;
  for (const variant of [gb, bom, crlf]) {
    const got = (await importDisclosure(variant)).disclosure;
    assert.deepEqual(withoutSource(got), withoutSource(plain));
  }
});

test("empty, binary and unrelated text are refused with a reason", async () => {
  const cases: [Uint8Array, ImportError["code"]][] = [
    [new Uint8Array(), "empty"],
    [new Uint8Array([0, 1, 2, 3, 0, 0, 0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]), "binary"],
    [Buffer.from("今天天气很好，我们去公园散步。".repeat(20)), "not-disclosure"],
    [Buffer.from("   \n\n  \t \n"), "empty"],
  ];
  for (const [bytes, code] of cases) {
    await assert.rejects(
      importDisclosure(bytes),
      (e: unknown) => e instanceof ImportError && e.code === code,
    );
  }
});

test("the CLI says what is wrong in Chinese and English and exits non-zero", () => {
  const files: Record<string, Buffer> = {
    "empty.txt": Buffer.alloc(0),
    "random.bin": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    "story.txt": Buffer.from("从前有座山，山里有座庙。".repeat(30)),
  };
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(tmp, name);
    writeFileSync(path, bytes);
    const r = spawnSync(cli, ["extract", path], { encoding: "utf8" });
    assert.notEqual(r.status, 0, name);
    assert.equal(r.stdout, "", name);
    assert.match(
      r.stderr,
      /[\u4e00-\u9fa5].*\([^)]*[a-z]{3,}[^)]*\)|（[^）]*[a-z]{3,}[^）]*）/,
      `${name}: ${r.stderr}`,
    );
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, `${name}: stack trace leaked`);
  }
  const missing = spawnSync(cli, ["extract", join(tmp, "nope.txt")], { encoding: "utf8" });
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /找不到文件/);
});

test("a truncated document yields what is readable, never a crash", async () => {
  const text = utf8.toString("utf8");
  for (const cut of [0.3, 0.5, 0.8]) {
    const part = Buffer.from(text.slice(0, Math.floor(text.length * cut)));
    const { disclosure } = await importDisclosure(part);
    assert.equal(disclosure.format, "gongkai.disclosure/1");
  }
});

test("extract takes canonical JSON: valid data comes back unchanged, broken data is refused with the field named", async () => {
  const { disclosure } = await importDisclosure(utf8);
  const good = join(tmp, "disclosure.json");
  writeFileSync(good, JSON.stringify(disclosure));
  const r = spawnSync(cli, ["extract", good], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(disclosure)));

  const broken = join(tmp, "broken.json");
  writeFileSync(broken, JSON.stringify({ ...disclosure, year: "明年" }));
  const b = spawnSync(cli, ["extract", broken], { encoding: "utf8" });
  assert.equal(b.status, 2);
  assert.equal(b.stdout, "");
  assert.match(b.stderr, /year/);

  const other = join(tmp, "other.json");
  writeFileSync(other, JSON.stringify({ hello: "world" }));
  const o = spawnSync(cli, ["extract", other], { encoding: "utf8" });
  assert.notEqual(o.status, 0);
  assert.match(o.stderr, /不是 gongkai 公开数据 JSON/);
});
