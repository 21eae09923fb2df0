/**
 * 功能分类科目说明 (功能分类名词解释) → functionalClassification: the table found
 * by its header (编码 / 名称 / 解释 in their variants) in each text layout, codes
 * printed whole or split, descriptions that run on over lines and pages, rows
 * whose code cannot be read, and documents without the table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runExtractor } from "../support/run-extractor.ts";
import { extractFunctionalClassification } from "../../src/import/sections/classification/functional.ts";
import { seedsDir } from "../support/paths.ts";
import type { Layout } from "../../src/import/source-document.ts";

function run(text: string, layout?: Layout) {
  return runExtractor(extractFunctionalClassification, text, layout);
}

/** Tab-separated, over two pages: the header repeats and a description's tail starts the next page. */
const TABS = [
  "6. 功能分类名词解释：",
  "",
  "发展和改革委员会功能分类名词解释",
  "",
  "功能编码\t功能名称\t名词解释",
  "201\t一般公共服务支出\t反映政府提供一般公共服务的支出。",
  "20104\t发展与改革事务\t反映发展与改革事务方面的支出。",
  "2010401\t行政运行\t反映行政单位（包括实行公务员管理的事业单位）的基本支",
  "",
  "发展和改革委员会功能分类名词解释",
  "",
  "功能编码\t功能名称\t名词解释",
  "\t\t出。",
  "2010402\t一般行政管理事务\t反映行政单位未单独设置项级科目的其他项目支出。",
].join("\n");

test("tabs layout: every row read, a description continued on the next page is joined", () => {
  const { disclosure, cites } = run(TABS, "tabs");
  assert.deepEqual(disclosure.functionalClassification, [
    { code: "201", name: "一般公共服务支出", description: "反映政府提供一般公共服务的支出。" },
    { code: "20104", name: "发展与改革事务", description: "反映发展与改革事务方面的支出。" },
    {
      code: "2010401",
      name: "行政运行",
      description: "反映行政单位（包括实行公务员管理的事业单位）的基本支出。",
    },
    {
      code: "2010402",
      name: "一般行政管理事务",
      description: "反映行政单位未单独设置项级科目的其他项目支出。",
    },
  ]);
  assert.equal(cites.get("/functionalClassification/3"), 14);
});

/** A Word export: tab-prefixed cells, a blank line after each row, untabbed lines continuing a cell. */
const CELLS = [
  "功能分类科目说明",
  "\t科目编码",
  "\t科目名称",
  "\t说明",
  "",
  "\t208 05 05",
  "\t机关事业单位基本养老保险缴费支出",
  "\t反映机关事业单位实施养老保险制度",
  "由单位缴纳的基本养老保险费支出。",
  "",
  "\t2101101",
  "\t行政单位医疗",
  "\t反映财政部门集中安排的行政单位基本医疗保险缴费经费。",
  "",
].join("\n");

test('cells layout: 科目编码/科目名称/说明 header, a code printed "208 05 05", a description over two lines', () => {
  const { disclosure } = run(CELLS, "cells");
  assert.deepEqual(disclosure.functionalClassification, [
    {
      code: "2080505",
      name: "机关事业单位基本养老保险缴费支出",
      description: "反映机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。",
    },
    {
      code: "2101101",
      name: "行政单位医疗",
      description: "反映财政部门集中安排的行政单位基本医疗保险缴费经费。",
    },
  ]);
});

/** pdftotext -layout: cells split at runs of spaces. */
const COLUMNS = [
  "                  功能分类科目说明",
  "功能科目编码      功能科目名称            名词解释",
  "2050803           培训支出                反映各部门安排的培训支出。",
  "2080505           机关事业单位基本养老    反映机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。",
  "2210201           住房公积金              反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。",
].join("\n");

test("columns layout: the header read by its words, one entry per code row", () => {
  const { disclosure } = run(COLUMNS, "columns");
  const got = disclosure.functionalClassification!;
  assert.deepEqual(
    got.map((e) => e.code),
    ["2050803", "2080505", "2210201"],
  );
  assert.equal(got[0]!.name, "培训支出");
  assert.equal(
    got[2]!.description,
    "反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。",
  );
});

test("a row whose code is not a 3/5/7-digit code: a warning with its line, the other rows kept", () => {
  const text = [
    "科目编码\t科目名称\t说明",
    "2O1\t一般公共服务支出\t反映一般公共服务的支出。",
    "20104\t发展与改革事务\t反映发展与改革事务方面的支出。",
  ].join("\n");
  const { disclosure, diagnostics } = run(text, "tabs");
  assert.deepEqual(
    disclosure.functionalClassification?.map((e) => e.code),
    ["20104"],
  );
  assert.ok(
    diagnostics.some((d) => d.level === "warning" && d.line === 2 && /2O1/.test(d.message)),
  );
});

test("no explanation table (a 支出表 has 编码 and 名称 but no 解释 column): nothing set, an info diagnostic", () => {
  const text = [
    "科目编码\t科目名称\t合计\t基本支出",
    "201\t一般公共服务支出\t100.00\t80.00",
    "20104\t发展与改革事务\t100.00\t80.00",
  ].join("\n");
  const { disclosure, diagnostics } = run(text, "tabs");
  assert.equal(disclosure.functionalClassification, undefined);
  assert.ok(diagnostics.some((d) => d.level === "info" && /未找到/.test(d.message)));
});

test("real document (seed 003): the whole 功能分类名词解释 over its pages", () => {
  const text = readFileSync(join(seedsDir, "003_728ba56877c78465.txt"), "utf8");
  const got = run(text).disclosure.functionalClassification!;
  assert.equal(got.length, 33);
  assert.equal(new Set(got.map((e) => e.code)).size, 33);
  assert.ok(got.every((e) => /^\d{3}(?:\d{2}){0,2}$/.test(e.code) && e.name && e.description));
  assert.equal(
    got.find((e) => e.code === "2010401")?.description,
    "反映行政单位（包括实行公务员管理的事业单位）的基本支出。",
  );
});
