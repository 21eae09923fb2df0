/**
 * The scale benchmark's generator (bench/scale/): the synthetic province has
 * unique region names and codes, the plan gives distinct disclosures, and a
 * perturbed real document is another department's, valid, with every amount
 * exactly multiplied and the checker finding what it found before.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { perturb } from "../../bench/scale/perturb.ts";
import { planDisclosures, planRegions } from "../../bench/scale/province.ts";
import { loadDisclosure } from "../../src/app/load.ts";
import { runChecks } from "../../src/check/engine.ts";
import { wanToFen } from "../../src/model/amount.ts";
import { validateDisclosure } from "../../src/model/disclosure.ts";
import { corpusDir } from "../support/paths.ts";

test("the province: 15 cities × 10 counties, names and codes unique; 20,000 distinct disclosures", () => {
  const regions = planRegions();
  assert.equal(regions.length, 1 + 15 + 150);
  assert.equal(new Set(regions.map((r) => r.name)).size, regions.length);
  assert.equal(new Set(regions.map((r) => r.code)).size, regions.length);
  const plan = planDisclosures(regions, 20000, 3);
  assert.equal(plan.length, 20000);
  assert.equal(new Set(plan.map((p) => `${p.department}|${p.year}|${p.kind}`)).size, 20000);
  assert.deepEqual([...new Set(plan.map((p) => p.year))].sort(), [2023, 2024, 2025]);
});

test("a perturbed document: another department's, amounts × factor exactly, same findings", async () => {
  const bytes = new Uint8Array(readFileSync(join(corpusDir, "007.txt")));
  const base = (await loadDisclosure(bytes, { fileName: "007.txt" })).disclosure;
  const region = { name: "东阳城关县", code: "900101" };
  const make = (factor: number) =>
    perturb(base, { year: 2025, kind: "budget", region, department: "东阳城关县财政局", factor });
  const once = make(1);
  const thrice = make(3);
  assert.equal(validateDisclosure(thrice).ok, true);
  assert.equal(thrice.department?.name, "东阳城关县财政局");
  assert.doesNotMatch(JSON.stringify(thrice), /上海市普陀区财政局/);
  assert.equal(thrice.sourceMap, undefined);
  const total = (d: typeof base) => wanToFen(d.expenditure!.total!);
  assert.equal(total(thrice), 3n * total(base));
  assert.equal(thrice.expenditureByFunction!.length, base.expenditureByFunction!.length);
  const counts = (d: typeof base) => runChecks({ disclosure: d, narrative: [] }).coverage.findings;
  assert.deepEqual(counts(thrice), counts(once));
});
