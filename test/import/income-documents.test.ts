/**
 * The real documents: 收入 / 支出 / 机关运行经费 read from the five seeds and
 * the eleven corpus disclosures, compared fact by fact with their golden
 * files (the matcher follows format.md: decimals equal to one fen, strings
 * without whitespace, $contains, $absent).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readText } from "../../src/import/readers/text.ts";
import { decodeText } from "../../src/import/decode.ts";
import { extractIncome } from "../../src/import/sections/money/income.ts";
import { extractExpenditure } from "../../src/import/sections/money/expenditure.ts";
import { extractOperatingCosts } from "../../src/import/sections/money/operating-costs.ts";
import {
  validateDisclosure,
  FORMAT_ID,
  type Diagnostic,
  type Disclosure,
} from "../../src/model/disclosure.ts";
import { corpusDir, corpusGoldenDir, goldenDir, seedsDir } from "../support/paths.ts";

const PARTS = ["income", "expenditure", "operatingCosts"] as const;

function extract(file: string): {
  disclosure: Disclosure;
  diagnostics: Diagnostic[];
  cites: Map<string, number>;
} {
  const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
  const diagnostics: Diagnostic[] = [];
  const cites = new Map<string, number>();
  const ctx = {
    doc: readText(decodeText(readFileSync(file)).text),
    disclosure,
    diagnose: (level: Diagnostic["level"], message: string) => diagnostics.push({ level, message }),
    cite: (pointer: string, line: number) => cites.set(pointer, line),
  };
  for (const x of [extractIncome, extractExpenditure, extractOperatingCosts]) x.run(ctx);
  return { disclosure, diagnostics, cites };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Counts [facts, passed] of `expect` against `actual`; misses collects paths. */
function match(expect: unknown, actual: unknown, path: string, misses: string[]): [number, number] {
  if (isObj(expect) && "$absent" in expect)
    return actual === undefined ? [1, 1] : (misses.push(path), [1, 0]);
  if (isObj(expect) && "$contains" in expect) {
    let f = 0;
    let p = 0;
    for (const want of expect.$contains as unknown[]) {
      const best = Array.isArray(actual)
        ? Math.max(0, ...actual.map((a) => match(want, a, path, [])[1]))
        : 0;
      const [n] = match(want, undefined, path, []);
      f += n;
      p += best;
      if (best < n) misses.push(`${path} ∌ ${JSON.stringify(want)}`);
    }
    return [f, p];
  }
  if (Array.isArray(expect)) {
    let f = 1;
    let p = Array.isArray(actual) && actual.length === expect.length ? 1 : 0;
    if (!p) misses.push(`${path} length`);
    expect.forEach((e, i) => {
      const [a, b] = match(
        e,
        Array.isArray(actual) ? actual[i] : undefined,
        `${path}/${i}`,
        misses,
      );
      f += a;
      p += b;
    });
    return [f, p];
  }
  if (isObj(expect)) {
    let f = 0;
    let p = 0;
    for (const [k, v] of Object.entries(expect)) {
      const [a, b] = match(v, isObj(actual) ? actual[k] : undefined, `${path}/${k}`, misses);
      f += a;
      p += b;
    }
    return [f, p];
  }
  let ok: boolean;
  if (typeof expect === "number")
    ok =
      typeof actual === "number" &&
      Math.abs(actual - expect) < 5e-7 * Math.max(1, Math.abs(expect));
  else if (typeof expect === "string")
    ok = typeof actual === "string" && actual.replace(/\s+/g, "") === expect.replace(/\s+/g, "");
  else ok = actual === expect;
  if (!ok)
    misses.push(`${path}: expected ${JSON.stringify(expect)}, got ${JSON.stringify(actual)}`);
  return [1, ok ? 1 : 0];
}

function score(docs: string, golden: string): { facts: number; passed: number; misses: string[] } {
  let facts = 0;
  let passed = 0;
  const misses: string[] = [];
  for (const name of readdirSync(golden)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const g = JSON.parse(readFileSync(join(golden, name), "utf8")) as {
      source: string;
      expect: Record<string, unknown>;
    };
    const { disclosure, cites } = extract(join(docs, g.source));
    const problems = validateDisclosure(disclosure);
    assert.ok(problems.ok, `${g.source}: the parts validate against the schema`);
    for (const part of PARTS) {
      if (g.expect[part] === undefined) continue;
      const [f, p] = match(g.expect[part], disclosure[part], `${g.source}/${part}`, misses);
      facts += f;
      passed += p;
    }
    // Every value set is cited with its source line.
    for (const part of PARTS) {
      const value = disclosure[part] as Record<string, unknown> | undefined;
      for (const key of ["total", "amount"])
        if (value?.[key] !== undefined)
          assert.ok(cites.has(`/${part}/${key}`), `${g.source}: /${part}/${key} is cited`);
    }
  }
  return { facts, passed, misses };
}

test("seeds: every income/expenditure/operatingCosts fact of the golden files", () => {
  const { facts, passed, misses } = score(seedsDir, goldenDir);
  assert.ok(facts > 80);
  assert.deepEqual(misses, []);
  assert.equal(passed, facts);
});

test("corpus: at least 95% of the income/expenditure/operatingCosts facts", () => {
  const { facts, passed, misses } = score(corpusDir, corpusGoldenDir);
  assert.ok(facts > 150);
  assert.ok(passed / facts >= 0.95, `${passed}/${facts}; misses:\n${misses.join("\n")}`);
});

test("the truncated seed (004) reads without error and states no income it does not print", () => {
  const file = readdirSync(seedsDir).find((f) => f.startsWith("004_"))!;
  const { disclosure, diagnostics } = extract(join(seedsDir, file));
  assert.equal(disclosure.income, undefined);
  assert.equal(disclosure.expenditure, undefined);
  assert.ok(diagnostics.length >= 1, "what was not found is reported");
});
