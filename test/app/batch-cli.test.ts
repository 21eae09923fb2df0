/**
 * Batch mode as a user runs it: `gongkai check` and `extract` with several
 * files or a folder, their output, report and exit status.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, repoRoot, seedsDir } from "../support/paths.ts";

const run = promisify(execFile);

async function gongkai(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(cli, args, { cwd: repoRoot, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const seed = (n: string) => readdirSync(seedsDir).find((f) => f.startsWith(n))!;
const dir = mkdtempSync(join(tmpdir(), "gongkai-batch-cli-"));
// Seeds 001 and 004 have no error finding; 000 has one.
const clean = join(dir, "clean");
mkdirSync(clean);
for (const n of ["001", "004"]) copyFileSync(join(seedsDir, seed(n)), join(clean, seed(n)));

test("check FOLDER: one line per file and a Chinese summary; exit 0 when no file has errors", async () => {
  const r = await gongkai(["check", clean]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /通过.*001_aa68b1c0ad40feab\.txt/);
  assert.match(r.stdout, /2 个文件：通过 2，有错误 0，无法读取 0/);
});

test("check A B --json --out x.csv: JSON of every file, the report written, exit 1 on errors", async () => {
  const out = join(dir, "report.csv");
  const r = await gongkai([
    "check",
    join(seedsDir, seed("000")),
    join(seedsDir, seed("004")),
    "--json",
    "--out",
    out,
  ]);
  assert.equal(r.code, 1, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(
    json.files.map((f: { status: string }) => f.status),
    ["errors", "passed"],
  );
  assert.equal(json.exitStatus, 1);
  assert.ok(readFileSync(out, "utf8").startsWith("\uFEFF文件,规则,严重程度,说明,位置"));
  // The same report again is refused before any work; the error says how to replace it.
  const again = await gongkai(["check", clean, "--out", out]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /已存在.*--force/);
});

test("a missing input is a usage error: Chinese message, exit 2, nothing run", async () => {
  const r = await gongkai(["check", clean, join(dir, "nope.pdf")]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /找不到文件或文件夹：.*nope\.pdf（file not found）/);
  assert.equal(r.stdout, "");
});

test("extract of several inputs needs --out-dir (exit 2)", async () => {
  const r = await gongkai(["extract", clean, join(seedsDir, seed("000"))]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--out-dir/);
});

test("extract FOLDER --out-dir: one JSON per file; an unreadable file makes the exit status 3", async () => {
  const input = join(dir, "mixed");
  mkdirSync(input);
  copyFileSync(join(seedsDir, seed("004")), join(input, "a.txt"));
  writeFileSync(join(input, "b.pdf"), "%PDF-1.4\nnot really a pdf");
  const out = join(dir, "json");
  const r = await gongkai(["extract", input, "--out-dir", out]);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stdout, /2 个文件：已导出 1，无法读取 1/);
  assert.match(r.stdout, /无法读取.*b\.pdf：/);
  assert.deepEqual(readdirSync(out), ["a.json"]);
  assert.equal(JSON.parse(readFileSync(join(out, "a.json"), "utf8")).source.file, "a.txt");
  assert.ok(!existsSync(join(out, "b.json")));
});
