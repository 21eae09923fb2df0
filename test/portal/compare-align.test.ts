/**
 * The comparison's alignment, on real documents: 国家信访局 (corpus 001) and
 * 长沙市信访局 (corpus 034) share some 功能分类 codes and not others; copies
 * of them with one amount changed pin blanks against zeros, exact rates and
 * a rate against zero.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { loadDisclosure } from "../../src/app/load.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import {
  alignByCode,
  changesAgainstFirst,
  compareDisclosures,
} from "../../src/server/compare/align.ts";
import { comparisonCsv } from "../../src/server/compare/csv.ts";
import { corpusDir } from "../support/paths.ts";
import { parseCsv } from "../support/csv.ts";

let national: Disclosure;
let changsha: Disclosure;

const load = async (name: string) =>
  (await loadDisclosure(new Uint8Array(readFileSync(join(corpusDir, name))), { fileName: name }))
    .disclosure;

before(async () => {
  national = await load("001.txt");
  changsha = await load("034.txt");
});

const byKey = (lines: { key: string }[], key: string) => {
  const l = lines.find((x) => x.key === key);
  assert.ok(l, `line ${key}`);
  return l as ReturnType<typeof compareDisclosures>["functional"][number];
};

test("功能分类 aligned by code: 类 before its 款 before its 项, a line one side lacks is blank", () => {
  const c = compareDisclosures([national, changsha]);
  const codes = c.functional.map((l) => l.code);
  assert.deepEqual(codes, [...codes].sort(), "code order");
  assert.deepEqual(codes.slice(0, 4), ["201", "20140", "2014001", "2014002"]);
  assert.deepEqual(
    c.functional.slice(0, 3).map((l) => l.level),
    ["类", "款", "项"],
  );
  const shared = byKey(c.functional, "2014001");
  assert.deepEqual(shared.amounts, [5826.21, 1517.95]);
  assert.deepEqual(shared.changes[1], { difference: -4308.26, rate: -73.95 });
  // 2014002 一般行政管理事务: 国家信访局 only; 长沙 prints no such line (blank, not 0).
  const onlyFirst = byKey(c.functional, "2014002");
  assert.deepEqual(onlyFirst.amounts, [737.29, undefined]);
  assert.equal(onlyFirst.changes[1], undefined);
  // Union of both sides' codes, each once.
  const all = new Set(
    [...national.expenditureByFunction!, ...changsha.expenditureByFunction!].map((l) => l.code),
  );
  assert.equal(c.functional.length, all.size);
  // 经济分类 likewise: 30106 is 长沙's only.
  assert.deepEqual(byKey(c.economic, "30106").amounts, [undefined, 27.46]);
  assert.equal(byKey(c.economic, "302").level, "类");
});

test("totals: 收入/支出, 基本/项目, 三公 by item, 机关运行经费, each exact", () => {
  const c = compareDisclosures([national, changsha]);
  const keys = c.totals.map((l) => l.key);
  for (const k of ["income", "expenditure", "basic", "project", "threePublic", "operatingCosts"])
    assert.ok(keys.includes(k), k);
  const total = byKey(c.totals, "expenditure");
  assert.equal(total.amounts[0], national.expenditure!.total);
  assert.equal(total.amounts[1], changsha.expenditure!.total);
});

test("a zero stays a zero (and a rate against it is undefined), a missing line stays blank", () => {
  const zeroed = structuredClone(changsha);
  const line = zeroed.expenditureByFunction!.find((l) => l.code === "2014004")!;
  line.total = 0;
  const c = compareDisclosures([zeroed, changsha]);
  const l = byKey(c.functional, "2014004");
  assert.deepEqual(l.amounts, [0, 417.41]);
  assert.deepEqual(l.changes[1], { difference: 417.41 });
  assert.deepEqual(changesAgainstFirst([undefined, 5]), [undefined, undefined]);
  assert.deepEqual(changesAgainstFirst([5, undefined, 0]), [
    undefined,
    undefined,
    { difference: -5, rate: -100 },
  ]);
});

test("rates and differences are exact decimals (no binary float drift)", () => {
  assert.deepEqual(changesAgainstFirst([0.1, 0.3])[1], { difference: 0.2, rate: 200 });
  assert.deepEqual(changesAgainstFirst([100.01, 110.02])[1], { difference: 10.01, rate: 10.01 });
  // A code printed twice in one document (units without names) is added exactly: 0.1 + 0.2.
  const [line] = alignByCode([
    [
      { code: "201", name: "一般公共服务支出", total: 0.1 },
      { code: "201", name: "一般公共服务支出", total: 0.2 },
    ],
    [{ code: "201", name: "一般公共服务支出", total: 0.3 }],
  ]);
  assert.deepEqual(line!.amounts, [0.3, 0.3]);
  assert.deepEqual(line!.changes[1], { difference: 0, rate: 0 });
});

test("CSV: BOM, one header per column with 增减 and 增减率, blanks stay blank, codes as printed", () => {
  const text = comparisonCsv(
    ["国家信访局", "长沙市信访局"],
    compareDisclosures([national, changsha]),
  );
  assert.ok(text.startsWith("\uFEFF"));
  const rows = parseCsv(text.slice(1));
  assert.deepEqual(rows[0], [
    "部分",
    "科目编码",
    "级次",
    "项目",
    "国家信访局（万元）",
    "长沙市信访局（万元）",
    "长沙市信访局比国家信访局增减（万元）",
    "长沙市信访局比国家信访局增减率（%）",
  ]);
  assert.deepEqual(
    rows.find((r) => r[1] === "2014001"),
    ["功能分类", "2014001", "项", "行政运行", "5826.21", "1517.95", "-4308.26", "-73.95"],
  );
  assert.deepEqual(rows.find((r) => r[1] === "2014002")?.slice(4), ["737.29", "", "", ""]);
  assert.ok(rows.some((r) => r[0] === "经济分类" && r[1] === "30106"));
});

test("lines printed without codes (杭州 P030's names-only table): a recurring name stays under its own 款, and takes the code the other year prints for the same names", () => {
  const named = [
    { level: 1 as const, name: "公共安全支出", total: 100 },
    { level: 2 as const, name: "司法", total: 60 },
    { level: 3 as const, name: "行政运行", total: 60 },
    { level: 2 as const, name: "监狱", total: 40 },
    { level: 3 as const, name: "行政运行", total: 40 },
  ];
  const coded = [
    { code: "204", name: "公共安全支出", total: 90 },
    { code: "20406", name: "司法", total: 90 },
    { code: "2040601", name: "行政运行", total: 90 },
  ];
  const got = alignByCode([coded, named]);
  assert.deepEqual(
    got.map((l) => [l.key, l.level, l.amounts]),
    [
      ["204", "类", [90, 100]],
      ["20406", "款", [90, 60]],
      ["2040601", "项", [90, 60]],
      ["名称:公共安全支出/监狱", "款", [undefined, 40]],
      ["名称:公共安全支出/监狱/行政运行", "项", [undefined, 40]],
    ],
  );
});
