/**
 * Open data: the CSV zip (UTF-8 with BOM, one file per part), the canonical
 * JSON (which round-trips exactly, for every seed and corpus import), and the
 * Fiscal Data Package (classification columns typed, facts that add up).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { strFromU8, unzipSync } from "fflate";
import { sumFen, wanToFen } from "../../src/model/amount.ts";
import { validateDisclosure } from "../../src/model/disclosure.ts";
import { importDisclosure } from "../../src/import/index.ts";
import { renderDisclosure } from "../../src/render/index.ts";
import { fixture } from "./fixture.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";
import { parseCsv } from "../support/csv.ts";

test("csv: one UTF-8 file with BOM per part, exact amounts, quoted text", async () => {
  const zip = unzipSync(await renderDisclosure(fixture(), "csv"));
  const names = Object.keys(zip).sort();
  for (const part of [
    "disclosure.csv",
    "units.csv",
    "income.csv",
    "expenditure.csv",
    "expenditure-by-function.csv",
    "basic-by-economic.csv",
    "three-public.csv",
    "procurement.csv",
    "assets.csv",
    "projects.csv",
    "project-indicators.csv",
    "glossary.csv",
  ]) {
    assert.ok(names.includes(part), `missing ${part}`);
  }
  for (const [name, bytes] of Object.entries(zip)) {
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name} has no BOM`);
  }
  const income = parseCsv(strFromU8(zip["income.csv"]!).replace(/^\uFEFF/, ""));
  assert.deepEqual(income[0], ["source", "label", "amount"]);
  assert.deepEqual(
    income.find((r) => r[0] === "carryOver"),
    ["carryOver", "上年结转", "54.067891"],
  );
  assert.deepEqual(
    income.find((r) => r[0] === "total"),
    ["total", "收入总计", "1234.567891"],
  );
  const spending = parseCsv(strFromU8(zip["expenditure.csv"]!).replace(/^\uFEFF/, ""));
  assert.deepEqual(
    spending.find((r) => r[1] === "结转下年"),
    ["carriedForward", "结转下年", "54.067891", "", ""],
    '结转下年 is not an "other" spending item',
  );
  const activities = parseCsv(strFromU8(zip["activities.csv"]!).replace(/^\uFEFF/, ""));
  assert.equal(
    activities[1]![activities[0]!.indexOf("indicatorDescription")],
    "指标值：年度计划按时印发",
    "an indicator's own description is exported",
  );
  const goals = parseCsv(strFromU8(zip["projects.csv"]!).replace(/^\uFEFF/, ""));
  assert.equal(
    goals[1]![goals[0]!.indexOf("goals")],
    "按时完成年度计划编制；\n提高规划的科学性。",
    "multi-line text survives quoting",
  );
  const three = parseCsv(strFromU8(zip["three-public.csv"]!).replace(/^\uFEFF/, ""));
  assert.deepEqual(
    three.find((r) => r[0] === "total"),
    ["total", "合计", "12.5", "13.7", ""],
    "open data carries the stated values only (no change was stated)",
  );
});

test("fdp: datapackage.json types the classification columns and its facts add up", async () => {
  const zip = unzipSync(await renderDisclosure(fixture(), "fdp"));
  const pkg = JSON.parse(strFromU8(zip["datapackage.json"]!));
  assert.equal(pkg.profile, "fiscal-data-package");
  const fn = pkg.resources.find((r: { name: string }) => r.name === "expenditure-by-function");
  const types = fn.schema.fields.map((f: { columnType: string }) => f.columnType);
  for (const t of [
    "date:fiscal-year",
    "administrative-classification:generic:level1:code",
    "functional-classification:generic:level1:code",
    "functional-classification:generic:level3:label",
    "value",
  ]) {
    assert.ok(types.includes(t), `missing columnType ${t}`);
  }
  assert.equal(fn.model.measures.total.currency, "CNY");
  assert.equal(fn.model.measures.total.factor, 10000);
  assert.equal(fn.model.measures.total.phase, "proposed");
  const econ = pkg.resources.find(
    (r: { name: string }) => r.name === "basic-expenditure-by-economic",
  );
  assert.ok(
    econ.schema.fields.some(
      (f: { columnType: string }) => f.columnType === "economic-classification:generic:level2:code",
    ),
  );
  // Only leaf lines are facts: the 项 rows add up to the 类 totals of the disclosure.
  const rows = parseCsv(strFromU8(zip[fn.path]!));
  const header = rows[0]!;
  const facts = rows.slice(1);
  assert.deepEqual(
    facts.map((r) => r[header.indexOf("function_l3_code")]),
    ["2010401", "2010402", "2080505"],
  );
  assert.equal(facts[0]![header.indexOf("function_l2_label")], "发展与改革事务");
  const total = sumFen(facts.map((r) => wanToFen(Number(r[header.indexOf("total")]))));
  assert.equal(total, wanToFen(1100.5));
  // The 基本/项目 summary is the year's spending: 结转下年 (listed beside it) is not summed in.
  const summary = parseCsv(strFromU8(zip["expenditure-summary.csv"]!));
  const amountAt = summary[0]!.indexOf("amount");
  assert.equal(
    sumFen(summary.slice(1).map((r) => wanToFen(Number(r[amountAt])))),
    wanToFen(fixture().expenditure!.total!),
  );
  for (const r of pkg.resources) assert.ok(zip[r.path], `resource file ${r.path} in the zip`);
});

test("json: the canonical form round-trips exactly, for the fixture and every seed and corpus import", async () => {
  const round = async (d: ReturnType<typeof fixture>) => {
    const text = new TextDecoder().decode(await renderDisclosure(d, "json"));
    const back = validateDisclosure(JSON.parse(text));
    assert.ok(back.ok, "rendered JSON validates");
    assert.deepEqual(back.ok && back.disclosure, d);
  };
  await round(fixture());
  const docs = [
    ...readdirSync(seedsDir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(seedsDir, f)),
    ...readdirSync(corpusDir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(corpusDir, f)),
  ];
  assert.ok(docs.length >= 16);
  for (const path of docs) {
    const { disclosure } = await importDisclosure(new Uint8Array(readFileSync(path)));
    await round(disclosure);
  }
});
