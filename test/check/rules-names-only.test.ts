/**
 * Rules on 功能分类 lines printed without 科目编码 (杭州 P030's names-only tables,
 * level by indentation): the sums of 类 = Σ款 and 款 = Σ项 are checked by level in
 * print order, a wrong figure is found at its line, and the rules that need codes say
 * so instead of finding anything. A table of 一般公共预算 with its 上年结转 is not compared
 * with 支出合计.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDisclosure, loadDisclosure } from "../../src/app/index.ts";
import { sharedDir } from "../support/paths.ts";

const text = readFileSync(join(sharedDir, "wild", "docs", "P030.txt"), "utf8");

async function report(t: string) {
  return checkDisclosure(
    await loadDisclosure(new TextEncoder().encode(t), { fileName: "P030.txt" }),
  );
}

test("P030: 类/款/项 sums evaluated by level and pass; code rules not applicable, with the reason", async () => {
  const r = await report(text);
  const status = (id: string) => r.results.find((x) => x.rule.id === id)!;
  assert.equal(status("ARI-050").status, "passed");
  assert.equal(status("ARI-051").status, "passed");
  assert.equal(status("CMP-015").status, "passed");
  for (const id of ["COD-001", "COD-002", "COD-007"]) {
    const s = status(id);
    assert.ok(s.status === "notApplicable" || s.status === "notEvaluable", id);
    assert.match((s as { reason: string }).reason, /未印科目编码/);
  }
  assert.deepEqual(
    r.findings.filter((f) => /^(COD|ARI-05)/.test(f.rule)),
    [],
  );
  // 表5's 类 add up to 一般公共预算 91,495.48 + 上年结转 347.32, not to 支出合计 99,230.46 (其他收入
  // 7,387.66 is not in it): a table of some funds, not a contradiction.
  assert.equal(status("XPT-004").status, "notApplicable");
  assert.match((status("XPT-004") as { reason: string }).reason, /上年结转/);
});

test("P030 with one 项 changed (其他司法支出 669.61 → 769.61): ARI-051 finds 司法 ≠ Σ项 at that 款", async () => {
  const changed = text.replace(
    /(其他司法支出\s+)669\.61(\s+)669\.61/,
    (_m, a: string, b: string) => `${a}769.61${b}769.61`,
  );
  assert.notEqual(changed, text);
  const r = await report(changed);
  const found = r.findings.filter((f) => f.rule === "ARI-051");
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /司法/);
});
