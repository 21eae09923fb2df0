/**
 * 基本信息: kind (预算/决算), year, region and department from cover titles in
 * the forms real disclosures print them, labelled lines, coded names, and the
 * real seeds and corpus; what is missing is diagnosed, never guessed.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractMeta, readTitle } from "../../src/import/sections/meta/extract.ts";
import { isBarePlace, regionOf } from "../../src/import/sections/meta/names.ts";
import { readText } from "../../src/import/readers/text.ts";
import { contentLines } from "../../src/import/toolkit/find.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";

const meta = (text: string) => runExtractor(extractMeta, text);
const title = (text: string) => readTitle(contentLines(readText(text)));

test("titles: organ and year before or after, 年度, split over lines, 决算", () => {
  assert.deepEqual(
    { ...title("北京市司法局 2026 年度部门预算信息公开\n\n目 录\n一、部门职责") },
    {
      name: "北京市司法局",
      year: 2026,
      kind: "budget",
      text: "北京市司法局2026年度部门预算",
      line: 1,
    },
  );
  const suzhou = title("2026 年度苏州市审计局部门预算公开\n一、部门基本情况");
  assert.equal(suzhou?.name, "苏州市审计局");
  assert.equal(suzhou?.year, 2026);
  const split = title("  上海市普陀区财政局\n\n      2024年度部门决算\n\n目录");
  assert.equal(split?.name, "上海市普陀区财政局");
  assert.equal(split?.kind, "final");
  assert.equal(split?.year, 2024);
  const noYear = title("发改局部门预算情况说明\n一、部门职责");
  assert.equal(noYear?.name, "发改局");
  assert.equal(noYear?.year, undefined);
  // A sentence is not a title: a name with a comma in it is rejected.
  assert.equal(title("按照规定，本部门公开2021年部门预算如下。")?.name, undefined);
});

test("a place printed alone above the title is the region; the title names the organ", () => {
  const { disclosure: d, cites } = meta(
    "示范市高新区\n示范市高新区发展和改革局\n2023年部门预算公开\n\n目录\n第一部分 部门概况",
  );
  assert.deepEqual(d.region, { name: "示范市高新区" });
  assert.deepEqual(d.department, { name: "示范市高新区发展和改革局" });
  assert.equal(d.year, 2023);
  assert.equal(cites.get("/region/name"), 1);
  assert.equal(cites.get("/department/name"), 2);
  // The same organ with no place line: 示范市 and 高新区 compete, so no region, and it says so.
  const alone = meta("示范市高新区发展和改革局\n2023年部门预算公开\n\n目录");
  assert.equal(alone.disclosure.region, undefined);
  assert.ok(
    alone.diagnostics.some(
      (x) => x.level === "info" && /地区不明确/.test(x.message) && x.line === 1,
    ),
  );
});

test("region names: administrative chains, zones, 中共 prefixes; bare places", () => {
  assert.deepEqual(regionOf("上海市普陀区财政局"), { name: "上海市普陀区" });
  assert.deepEqual(regionOf("中共西安市委宣传部"), { name: "西安市" });
  assert.deepEqual(regionOf("秦皇岛经济技术开发区发展和改革委员会"), {
    name: "秦皇岛经济技术开发区",
  });
  assert.deepEqual(regionOf("三河市燕郊高新技术产业开发区管理委员会"), {
    ambiguous: ["三河市", "燕郊高新技术产业开发区"],
  });
  assert.equal(regionOf("国家信访局"), undefined);
  assert.ok(isBarePlace("沧州经济开发区"));
  assert.ok(!isBarePlace("沧州经济开发区管理委员会"));
});

test("department from a 预算主管部门 label, its code printed beside the name in a table", () => {
  const text = [
    "2025年部门预算公开",
    "预算主管部门：燕郊高新技术产业开发区管理委员会",
    "",
    "收支总表",
    "\t979燕郊高新技术产业开发区管理委员会",
    "\t单位：万元",
    "",
  ].join("\n");
  const { disclosure: d, cites } = meta(text);
  assert.deepEqual(d.department, { name: "燕郊高新技术产业开发区管理委员会", code: "979" });
  assert.equal(cites.get("/department/code"), 5);
  assert.equal(d.kind, "budget");
  assert.equal(d.year, 2025);
});

test("a code in its own cell before the name (tab-separated row)", () => {
  const rows = [
    "苏州市审计局2026年度部门预算",
    "",
    "部门收支总表",
    ...Array.from({ length: 10 }, (_, i) => `项目${i}\t${i}.00\t${i}.00`),
    "024\t苏州市审计局\t395.60",
  ];
  const { disclosure: d } = runExtractor(extractMeta, rows.join("\n"), "tabs");
  assert.deepEqual(d.department, { name: "苏州市审计局", code: "024" });
  assert.deepEqual(d.region, { name: "苏州市" });
});

test("no title: year from a sentence naming the budget year, kind from word counts (diagnosed)", () => {
  const text = [
    "预算01表 收支总表",
    "",
    "本部门2021年部门预算收入100万元，支出100万元。预算安排如下。",
  ].join("\n");
  const { disclosure: d, diagnostics } = meta(text);
  assert.equal(d.year, 2021);
  assert.equal(d.kind, "budget");
  assert.ok(diagnostics.some((x) => x.level === "info" && /推断/.test(x.message)));
});

test("broken input: nothing to read gives warnings, not a crash or a guess", () => {
  const { disclosure: d, diagnostics } = meta("收入支出\n\n表格见附件。");
  assert.equal(d.year, undefined);
  assert.equal(d.department, undefined);
  assert.ok(diagnostics.some((x) => x.level === "warning" && /年度/.test(x.message)));
  assert.ok(diagnostics.some((x) => x.level === "warning" && /部门名称/.test(x.message)));
});

test("real documents: seeds and corpus header facts", () => {
  const read = (path: string) => runExtractor(extractMeta, readFileSync(path, "utf8")).disclosure;
  const seed000 = read(join(seedsDir, "000_f6eb8ece6d8b211d.txt"));
  assert.deepEqual(
    [seed000.kind, seed000.year, seed000.region?.name, seed000.department?.name],
    ["budget", 2020, "沧州经济开发区", "沧州经济开发区管理委员会"],
  );
  const seed001 = read(join(seedsDir, "001_aa68b1c0ad40feab.txt"));
  assert.deepEqual(seed001.department, { name: "燕郊高新技术产业开发区管理委员会", code: "979" });
  assert.equal(seed001.region, undefined);
  const seed004 = read(join(seedsDir, "004_51b2d206ba941185.txt"));
  assert.equal(seed004.year, undefined, "no budget year is printed in seed 004");
  assert.equal(seed004.department?.name, "丰润区经济开发区管理委员会");
  const c012 = read(join(corpusDir, "012.txt"));
  assert.deepEqual(
    [c012.kind, c012.year, c012.region?.name, c012.department?.name],
    ["final", 2024, "上海市普陀区", "上海市普陀区财政局"],
  );
  const c036 = read(join(corpusDir, "036.txt"));
  assert.deepEqual([c036.region?.name, c036.department?.code], ["西安市", "201"]);
});
