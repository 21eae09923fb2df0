/**
 * `bin/gongkai render`: a canonical JSON or an importable file in, the asked
 * format out; bad input gets a Chinese message (English in parentheses) and
 * a non-zero exit, never a stack trace.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { cli, seedsDir } from "../support/paths.ts";
import { fixture } from "./fixture.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "gongkai-render-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function gongkai(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(cli, args, { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

test("renders a canonical JSON disclosure to csv, and a seed text straight to xlsx", async () => {
  const json = join(dir, "d.json");
  writeFileSync(json, JSON.stringify(fixture()));
  const csv = join(dir, "d.csv.zip");
  const [a, b] = await Promise.all([
    gongkai("render", json, "--to", "csv", "-o", csv),
    gongkai(
      "render",
      join(seedsDir, "003_728ba56877c78465.txt"),
      "--to",
      "xlsx",
      "-o",
      join(dir, "seed.xlsx"),
    ),
  ]);
  assert.equal(a.code, 0, a.stderr);
  assert.match(a.stderr, /已生成/);
  assert.ok(strFromU8(unzipSync(readFileSync(csv))["income.csv"]!).includes("1234.567891"));
  assert.equal(b.code, 0, b.stderr);
  assert.deepEqual(
    [...readFileSync(join(dir, "seed.xlsx")).subarray(0, 2)],
    [0x50, 0x4b],
    "an xlsx is a zip",
  );
});

test("bad input: unknown format, invalid disclosure JSON — clear messages", async () => {
  const json = join(dir, "bad.json");
  writeFileSync(
    json,
    JSON.stringify({
      format: "gongkai.disclosure/1",
      amountUnit: "万元",
      income: { total: "many" },
    }),
  );
  const [unknown, invalid] = await Promise.all([
    gongkai("render", json, "--to", "odt", "-o", join(dir, "x.odt")),
    gongkai("render", json, "--to", "xlsx", "-o", join(dir, "x.xlsx")),
  ]);
  assert.notEqual(unknown.code, 0);
  assert.match(
    unknown.stderr,
    /不支持的输出格式：odt.*\(unknown format\)|不支持的输出格式：odt.*（unknown format）/,
  );
  assert.notEqual(invalid.code, 0);
  assert.match(invalid.stderr, /数据不符合公开数据格式/);
  assert.match(invalid.stderr, /\/income\/total/);
  assert.ok(!/\n\s+at /.test(invalid.stderr), "no stack trace");
  assert.ok(!existsSync(join(dir, "x.xlsx")));
});
