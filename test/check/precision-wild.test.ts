/**
 * Precision on the wild documents (issue 13 item 5): rules that fired on unseen documents for
 * what was not a defect — a sum with a part the text never states, a misread the importer now
 * leaves out — run on the documents' own figures; each still fires once a stated figure is wrong.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { runChecks } from "../../src/check/engine.ts";
import { FORMAT_ID, type Disclosure } from "../../src/model/disclosure.ts";
import type { Finding } from "../../src/check/types.ts";

const base = (extra: Partial<Disclosure> = {}): Disclosure => ({
  format: FORMAT_ID,
  amountUnit: "万元",
  kind: "budget",
  year: 2019,
  ...extra,
});

const run = (d: Disclosure, rule: string) => {
  const r = runChecks({ disclosure: d }).results.find((x) => x.rule.id === rule)!;
  return { status: r.status, reason: r.reason, findings: r.findings as Finding[] };
};

test("ARI-014: pool P058 states no change for 因公出国 (0 万元, 预算未做安排): the changes' sum is not evaluable", () => {
  // "“三公”经费预算18.6万元…较上年减少24.5万元…因公出国（境）经费0万元，预算未做安排；公务接待费8.6万元，
  // 较上年增加1.5万元…公务用车运行维护费10万元，较上年减少1万元"
  const threePublic = {
    total: 18.6,
    overseas: 0,
    vehicle: { total: 10, operation: 10 },
    reception: 8.6,
    change: { total: -24.5, vehicle: { operation: -1 }, reception: 1.5 },
  };
  const r = run(base({ threePublic }), "ARI-014");
  assert.equal(r.status, "notEvaluable");
  assert.match(r.reason!, /因公出国（境）费/);
  // Every item's change stated: the sum is compared, and −1 + 1.5 + 0 is not −24.5.
  const stated = { ...threePublic, change: { ...threePublic.change, overseas: 0 } };
  const f = run(base({ threePublic: stated }), "ARI-014");
  assert.equal(f.status, "failed");
  assert.equal(f.findings[0]!.severity, "error");
  stated.change.total = 0.5;
  assert.equal(run(base({ threePublic: stated }), "ARI-014").status, "passed");
});

test("TXT-003: pool P064's malformed “1,541.50.00 万元，较上年增加 493.27 万元” is no 50.00 万元 that grew by 493.27", () => {
  const sentence = (amount: string) => [
    {
      line: 317,
      text: `人员经费 ${amount} 万元，较上年增加 493.27 万元，主要原因是原市殡葬管理处改革。`,
    },
  ];
  const status = (amount: string) =>
    runChecks({ disclosure: base(), narrative: sentence(amount) }).results.find(
      (x) => x.rule.id === "TXT-003",
    )!.status;
  assert.notEqual(status("1,541.50.00"), "failed");
  assert.equal(status("1,541.50"), "passed");
  assert.equal(status("50.00"), "failed");
});
