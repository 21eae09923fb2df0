/**
 * The README's first command (`npm start` → `gongkai demo`): the bundled
 * samples are the seeds, each imported and summarised with the golden file's
 * department and totals; a broken sample is reported and the others still run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, goldenDir, repoRoot, seedsDir } from "../support/paths.ts";

const demo = (...args: string[]) =>
  spawnSync(cli, ["demo", ...args], { encoding: "utf8", timeout: 120_000 });

test("demo: every bundled sample is a seed, summarised with its department and totals", () => {
  const samples = readdirSync(join(repoRoot, "samples")).sort();
  assert.deepEqual(
    samples,
    readdirSync(seedsDir)
      .filter((f) => f.endsWith(".txt"))
      .sort(),
  );
  const r = demo();
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`${samples.length} 份部门预算公开文件`));
  let compared = 0;
  for (const file of samples) {
    const { expect } = JSON.parse(
      readFileSync(join(goldenDir, file.replace(/\.txt$/, ".json")), "utf8"),
    );
    const block = r.stdout.slice(r.stdout.indexOf(file)).split("\n\n")[0]!;
    if (expect.department?.name) {
      assert.ok(block.includes(`部门：${expect.department.name}`), `${file}: ${block}`);
      compared++;
    }
    if (expect.income?.total !== undefined) {
      const printed = /收入总计 ([\d,.]+) 万元/.exec(block)?.[1];
      assert.equal(Number(printed?.replace(/,/g, "")), expect.income.total, `${file}: ${block}`);
      compared++;
    }
  }
  assert.ok(compared >= 6, `only ${compared} golden facts compared`);
});

test("demo: a broken file among the samples is named with its reason; the rest are still summarised", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-demo-"));
  const seed = readdirSync(seedsDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()[0]!;
  copyFileSync(join(seedsDir, seed), join(dir, seed));
  writeFileSync(join(dir, "broken.docx"), Buffer.from("PK\u0003\u0004 not really a zip"));
  const r = demo("--dir", dir);
  assert.match(r.stdout + r.stderr, /broken\.docx[\s\S]*(损坏|无法|不是)/);
  assert.match(r.stdout, new RegExp(seed));
  assert.doesNotMatch(r.stdout + r.stderr, /at .*\.ts:\d+/, "no stack trace");
});
