/**
 * Each finding is reported once: no report on a seed or corpus document holds
 * two findings a reviewer could not tell apart (same rule, message and
 * places), PRF-026 no longer reads seed 002's numbered goal twice, and the
 * engine drops a rule's repeated finding.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CheckContext } from "../../src/check/context.ts";
import { runChecks } from "../../src/check/engine.ts";
import { narrativeOf } from "../../src/app/load.ts";
import { placesOf } from "../../src/check/report/labels.ts";
import { goalArithmetic } from "../../src/check/rules/performance/projects.ts";
import { defineRule } from "../../src/check/rules/define.ts";
import type { CheckInput } from "../../src/check/types.ts";
import { importDisclosure } from "../../src/import/index.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";

async function inputOf(file: string): Promise<CheckInput> {
  const { disclosure, document } = await importDisclosure(new Uint8Array(readFileSync(file)));
  return { disclosure, narrative: narrativeOf(document) };
}

const documents = [
  ...readdirSync(seedsDir).map((f) => join(seedsDir, f)),
  ...readdirSync(corpusDir)
    .filter((f) => /\.(txt|pdf)$/.test(f))
    .map((f) => join(corpusDir, f)),
].filter((f) => /\.(txt|pdf)$/.test(f));

test("no report on a seed or corpus document holds the same finding twice", async () => {
  let findings = 0;
  for (const file of documents) {
    const report = runChecks(await inputOf(file));
    const seen = new Map<string, string>();
    for (const f of report.findings) {
      // What a reviewer reads: the rule, the message and the places with their wording.
      const key = [f.rule, f.message, ...placesOf(f)].join("|");
      assert.ok(!seen.has(key), `${file}: reported twice: ${key}`);
      seen.set(key, f.rule);
      findings++;
    }
  }
  assert.ok(findings > 50, `only ${findings} findings over ${documents.length} documents`);
});

test("PRF-026 on seed 002: the numbered goal sentence 「（二）洁净煤推广…」 is compared once", async () => {
  const seed = readdirSync(seedsDir).find((f) => f.startsWith("002_"))!;
  const ctx = new CheckContext(await inputOf(join(seedsDir, seed)));
  const out = goalArithmetic.check(ctx);
  assert.equal(out.status, "failed");
  const drafts = out.status === "failed" ? out.drafts : [];
  const coal = drafts.filter((d) => d.message.includes("3118.5吨"));
  assert.equal(coal.length, 1, JSON.stringify(coal));
  assert.equal(coal[0]!.path, "/performance/goals/1");
});

test("the engine reports a rule's identical findings once and keeps different ones", async () => {
  const seed = readdirSync(seedsDir).find((f) => f.startsWith("000_"))!;
  const input = await inputOf(join(seedsDir, seed));
  const twice = defineRule(
    {
      id: "TST-001",
      family: "arithmetic",
      severity: "warning",
      category: "支出",
      title: "同一问题两次",
      expects: "—",
      tolerance: "—",
    },
    () => ({
      status: "failed",
      drafts: [
        { message: "支出合计有误", path: "/expenditure/total" },
        { message: "支出合计有误", path: "/expenditure/total" },
        { message: "支出合计有误", path: "/expenditure/basic" },
      ],
    }),
  );
  const report = runChecks(input, [twice]);
  assert.deepEqual(
    report.findings.map((f) => f.path),
    ["/expenditure/total", "/expenditure/basic"],
  );
  assert.equal(report.coverage.findings.warning, 2);
});
