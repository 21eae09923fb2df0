/**
 * 部门职责 and 机构设置: the duties text ends where the next part starts (also
 * when the outline nests that part under the duties, or prints its title
 * without numbering); unit tables in each text layout, the sentence form, and
 * the real seeds.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractUnits, unitFromSentence } from "../../src/import/sections/units.ts";
import type { Layout } from "../../src/import/source-document.ts";
import { seedsDir } from "../support/paths.ts";
import { layOut } from "../support/layout.ts";

const UNIT_ROWS = [
  ["单位名称", "单位性质", "单位规格", "经费保障形式"],
  ["1.开发区管委会", "行政", "正处级", "财政性资金基本保证"],
  ["开发区节能监察中心", "事业", "正科级", "财政性资金定额或定项补助"],
  ["合计", "", "", ""],
];

for (const layout of ["cells", "tabs", "columns"] as const) {
  test(`unit table in the ${layout} layout: numbering dropped, 合计 skipped, each unit cited`, () => {
    // Enough rows for each layout to be told apart as the reader would; forced anyway for the snippet.
    const text = [
      "一、部门职责及机构设置",
      "机构设置情况：",
      "",
      ...layOut(UNIT_ROWS, layout),
      "",
      "二、部门预算安排总体情况",
    ].join("\n");
    const { disclosure, cites } = runExtractor(extractUnits, text, layout);
    assert.deepEqual(disclosure.units, [
      { name: "开发区管委会", nature: "行政", level: "正处级", funding: "财政性资金基本保证" },
      {
        name: "开发区节能监察中心",
        nature: "事业",
        level: "正科级",
        funding: "财政性资金定额或定项补助",
      },
    ]);
    assert.ok((cites.get("/units/1/name") ?? 0) > (cites.get("/units/0/name") ?? 0));
  });
}

test("PDF text: header cells wrapped over three lines, a cell wrapped above and below its row", () => {
  // As the PDF reader prints rendered 机构设置 tables (pdf.js text, columns by character).
  const text = [
    "                             机构设置",
    "      单位编                              单位性",
    " 序号                  单位名称                          单位规格    经费保障形式",
    "        码                                 质",
    "  1   303001  示范市高新区发展和改革局（本级）           行政         正处级     财政拨款",
    "                                                                  财政性资金定额或定项",
    "  2   303002  示范市高新区节能监察中心               事业         正科级",
    "                                                                      补助",
    "",
    "                     第二部分 部门预算情况说明",
  ].join("\n");
  assert.deepEqual(runExtractor(extractUnits, text, "columns").disclosure.units, [
    {
      name: "示范市高新区发展和改革局（本级）",
      code: "303001",
      nature: "行政",
      level: "正处级",
      funding: "财政拨款",
    },
    {
      name: "示范市高新区节能监察中心",
      code: "303002",
      nature: "事业",
      level: "正科级",
      funding: "财政性资金定额或定项补助",
    },
  ]);
});

test("the sentence form of a single unit", () => {
  assert.deepEqual(
    unitFromSentence(
      "高新区发改局为副县级单位，单位性质是“行政”，经费形式是“财政拨款”，根据工作需要，下设综合处。",
    ),
    {
      name: "高新区发改局",
      nature: "行政",
      level: "副县级",
      funding: "财政拨款",
    },
  );
  assert.equal(unitFromSentence("本部门负责全区的发展规划。"), undefined);
});

test("a unit table with a header and no unit rows is diagnosed with its line", () => {
  const text = [
    "机构设置",
    "",
    ...layOut(
      [
        ["单位名称", "单位性质", "经费形式"],
        ["合计", "", ""],
      ],
      "cells",
    ),
    "说明：无。",
  ].join("\n");
  const { disclosure, diagnostics } = runExtractor(extractUnits, text, "cells");
  assert.equal(disclosure.units, undefined);
  assert.deepEqual(
    diagnostics.map((d) => [d.level, d.line]),
    [["warning", 3]],
  );
});

test("duties end at the next part even when it is numbered as their child", () => {
  const text = [
    "一、部门职责",
    "负责全区发展规划的编制和实施。",
    "负责招商引资工作。",
    // The next parts numbered one level down: the outline makes them children of 一、.
    "（一）收支预算总体情况",
    "2021年部门预算收入100万元，支出100万元。",
    "（二）机关运行经费安排情况",
    "机关运行经费10万元。",
  ].join("\n");
  const duties = runExtractor(extractUnits, text).disclosure.duties ?? "";
  assert.match(duties, /负责招商引资工作。$/);
  assert.doesNotMatch(duties, /收入|机关运行/);
});

test("duties end at an unnumbered part title on a line of its own", () => {
  const text = [
    "部门职责",
    "",
    "负责全区发展规划的编制和实施。",
    "",
    "部门预算安排总体情况",
    "",
    "按照预算管理有关规定，收入100万元。",
  ].join("\n");
  assert.equal(
    runExtractor(extractUnits, text).disclosure.duties,
    "负责全区发展规划的编制和实施。",
  );
});

test("duties that mention 国有资产 and 预算 in wrapped lines are not cut there", () => {
  const text = [
    "二、主要职能",
    "（一）负责本区财政预算编制工作。",
    "（二）拟订和组织实施本区行政事业单位国有资产管理",
    "规章制度，规范管理和处置。",
    "三、收支预算总体情况",
    "收入100万元。",
  ].join("\n");
  const duties = runExtractor(extractUnits, text).disclosure.duties ?? "";
  assert.match(duties, /规范管理和处置。$/);
});

test("seed 000: duties stop before 部门预算安排总体情况; its unit table is read", () => {
  const { disclosure } = runExtractor(
    extractUnits,
    readFileSync(join(seedsDir, "000_f6eb8ece6d8b211d.txt"), "utf8"),
  );
  const duties = disclosure.duties ?? "";
  assert.match(duties, /^沧州经济开发区部门预算由/);
  assert.match(duties, /完成市政府交办的其他事项。$/);
  assert.doesNotMatch(duties, /部门预算安排总体情况|综合预算制度|单位名称/);
  assert.deepEqual(disclosure.units, [
    { name: "开发区管委会", nature: "行政", level: "正处级", funding: "财政性资金基本保证" },
  ]);
});

test("seed 003: three units with 副处（县）级 and the 职责 of each unit", () => {
  const { disclosure } = runExtractor(
    extractUnits,
    readFileSync(join(seedsDir, "003_728ba56877c78465.txt"), "utf8"),
  );
  assert.equal(disclosure.units?.[0]?.level, "副处（县）级");
  assert.ok((disclosure.units?.length ?? 0) >= 3);
  assert.match(disclosure.duties ?? "", /^秦皇岛经济技术开发区经济发展局：/);
});
