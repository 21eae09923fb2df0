/**
 * 政府采购: the stated total or that there is none, the 合计 of a total-only
 * table, the items grid (project, item, 目录序号, measure, quantity, price,
 * amount, fund columns) in each text layout, units in 元, and diagnostics for
 * rows and headers that cannot be read.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractProcurement } from "../../src/import/sections/procurement.ts";
import type { Layout } from "../../src/import/source-document.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";
import { layOut as layOutWith } from "../support/layout.ts";

const layOut = (rows: string[][], layout: Layout) => layOutWith(rows, layout, { numbers: "right" });

const procurement = (text: string, layout?: Layout) =>
  runExtractor(extractProcurement, text, layout);

test("the narrative total, and none when the document says there is none", () => {
  const stated = procurement(
    ["四、政府采购预算情况", "2021年政府采购预算总额4,308.39万元，其中：货物类100万元。"].join(
      "\n",
    ),
  );
  assert.deepEqual(stated.disclosure.procurement, { total: 4308.39 });
  assert.equal(stated.cites.get("/procurement/total"), 2);
  const none = procurement(["七、政府采购情况", "本部门2021年无政府采购预算。"].join("\n"));
  assert.deepEqual(none.disclosure.procurement, { none: true });
  const zero = procurement(["七、政府采购情况", "2021年本部门政府采购预算为0万元。"].join("\n"));
  assert.deepEqual(zero.disclosure.procurement, { none: true });
});

test("a total-only table (PDF template): its 合计; a different narrative figure is reported", () => {
  const text = [
    "八、政府采购预算情况",
    "2026年本部门政府采购预算总额190万元。",
    "",
    "                      政府采购预算表",
    "部门：苏州市审计局                                         单位：万元",
    "  项目              货物         服务         工程        合计",
    "  合计              10.00        178.50       0.00        188.50",
  ].join("\n");
  const { disclosure, diagnostics } = procurement(text, "columns");
  assert.deepEqual(disclosure.procurement, { total: 188.5 });
  assert.ok(diagnostics.some((d) => d.level === "warning" && d.line === 2));
});

const GRID = [
  [
    "项目名称",
    "采购物品名称",
    "政府采购目录序号",
    "计量单位",
    "数量",
    "单价",
    "金额",
    "一般公共预算拨款",
    "基金预算拨款",
  ],
  ["合计", "-", "-", "-", "-", "-", "3,200.00", "2,200.00", "1,000.00"],
  ["日常公用经费", "桌", "A060206", "张", "2", "1,100.00", "2,200.00", "2,200.00", "0"],
  ["城市绿化管理费", "服务", "C", "次", "1", "1,000.00", "1,000.00", "0", "1,000.00"],
];

for (const layout of ["cells", "tabs", "columns"] as const) {
  test(`the items grid in the ${layout} layout, printed in 元`, () => {
    const text = [
      "六、政府采购预算情况",
      "具体情况详见下表：",
      "",
      "部门政府采购预算表",
      "单位：元",
      ...layOut(GRID, layout),
      "",
      "七、国有资产信息",
    ].join("\n");
    const { disclosure, diagnostics } = procurement(text, layout);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(disclosure.procurement, {
      total: 0.32,
      fundSources: [
        { label: "一般公共预算拨款", amount: 0.22 },
        { label: "基金预算拨款", amount: 0.1 },
      ],
      items: [
        {
          item: "桌",
          amount: 0.22,
          project: "日常公用经费",
          catalogCode: "A060206",
          category: "货物",
          measure: "张",
          quantity: 2,
          unitPrice: 0.11,
          fundSources: [
            { label: "一般公共预算拨款", amount: 0.22 },
            { label: "基金预算拨款", amount: 0 },
          ],
        },
        {
          item: "服务",
          amount: 0.1,
          project: "城市绿化管理费",
          catalogCode: "C",
          category: "服务",
          measure: "次",
          quantity: 1,
          unitPrice: 0.1,
          fundSources: [
            { label: "一般公共预算拨款", amount: 0 },
            { label: "基金预算拨款", amount: 0.1 },
          ],
        },
      ],
    });
  });
}

test("PDF text with blank cells: each cell is read under the header column above it", () => {
  const rows = GRID.map((r) => r.map((c) => (c === "-" || c === "0" ? "" : c)));
  const { disclosure, diagnostics } = procurement(
    ["部门政府采购预算表", "单位：元", ...layOut(rows, "columns")].join("\n"),
    "columns",
  );
  assert.deepEqual(diagnostics, []);
  const p = disclosure.procurement!;
  assert.equal(p.total, 0.32);
  assert.deepEqual(
    p.items?.map((i) => [
      i.project,
      i.item,
      i.catalogCode,
      i.measure,
      i.quantity,
      i.unitPrice,
      i.amount,
      i.fundSources,
    ]),
    [
      [
        "日常公用经费",
        "桌",
        "A060206",
        "张",
        2,
        0.11,
        0.22,
        [{ label: "一般公共预算拨款", amount: 0.22 }],
      ],
      ["城市绿化管理费", "服务", "C", "次", 1, 0.1, 0.1, [{ label: "基金预算拨款", amount: 0.1 }]],
    ],
  );
});

test("PDF text: a header wrapped over three lines, names wrapped above and below their row", () => {
  // As the PDF reader prints the rendered 政府采购预算表 of seed 001 (pdf.js text, columns by character).
  const text = [
    "                                  政府采购预算表",
    "                                                                                              单位：万元",
    "                              政府采购目录                                             一般公共预算",
    "     项目名称          采购物品名称              计量单位       数量           单价       金额                  基金预算拨款",
    "                                 序号                                                拨款",
    "      合计                                                                  980.00      780.00     200.00",
    "蓝天小学           货物                 A       套             1        580.00   580.00     580.00",
    "实验小学新建体育教学活动中心",
    "               货物                 A       套             1        200.00   200.00     200.00",
    "工程",
    "城市节点设计（京秦高速燕顺路",
    "节点和迎宾路节点、对接徐尹路  货物                A       次             1        200.00   200.00                200.00",
    "潮白河大桥节点）",
    "",
    "五、国有资产信息",
  ].join("\n");
  const { disclosure, diagnostics } = procurement(text, "columns");
  assert.deepEqual(diagnostics, []);
  const p = disclosure.procurement!;
  assert.deepEqual(p.fundSources, [
    { label: "一般公共预算拨款", amount: 780 },
    { label: "基金预算拨款", amount: 200 },
  ]);
  assert.deepEqual(
    p.items?.map((i) => [
      i.project,
      i.item,
      i.catalogCode,
      i.measure,
      i.amount,
      i.fundSources?.map((f) => f.label),
    ]),
    [
      ["蓝天小学", "货物", "A", "套", 580, ["一般公共预算拨款"]],
      ["实验小学新建体育教学活动中心工程", "货物", "A", "套", 200, ["一般公共预算拨款"]],
      [
        "城市节点设计（京秦高速燕顺路节点和迎宾路节点、对接徐尹路潮白河大桥节点）",
        "货物",
        "A",
        "次",
        200,
        ["基金预算拨款"],
      ],
    ],
  );
});

test("broken input: an item row without an amount, a header without an amount column", () => {
  const rows = [
    GRID[0]!,
    GRID[1]!,
    ["日常公用经费", "桌", "A060206", "张", "2", "1,100.00", "见附件", "", ""],
  ];
  const bad = procurement(
    ["部门政府采购预算表", "单位：元", ...layOut(rows, "cells")].join("\n"),
    "cells",
  );
  assert.equal(bad.disclosure.procurement?.total, 0.32);
  assert.deepEqual(bad.disclosure.procurement?.items, undefined);
  assert.deepEqual(
    bad.diagnostics.map((d) => [d.level, d.line]),
    [["warning", 23]],
  );
  const header = procurement(
    [
      "部门政府采购预算表",
      ...layOut(
        [
          ["采购物品名称", "政府采购目录序号", "说明"],
          ["桌", "A060206", "办公用"],
        ],
        "cells",
      ),
    ].join("\n"),
    "cells",
  );
  assert.equal(header.disclosure.procurement, undefined);
  assert.deepEqual(
    header.diagnostics.map((d) => [d.level, d.line]),
    [["warning", 2]],
  );
});

test("real documents: seed 002's grid, seed 003's none, corpus 001's stated total", () => {
  const read = (path: string) => procurement(readFileSync(path, "utf8")).disclosure.procurement;
  const s002 = read(join(seedsDir, "002_30620b3058080950.txt"))!;
  assert.equal(s002.total, 0.32);
  assert.deepEqual(
    s002.items?.map((i) => [i.item, i.catalogCode, i.measure, i.quantity, i.unitPrice, i.amount]),
    [
      ["桌", "A060206", "张", 2, 0.11, 0.22],
      ["椅", "A060303", "把", 2, 0.05, 0.1],
    ],
  );
  assert.deepEqual(read(join(seedsDir, "003_728ba56877c78465.txt")), { none: true });
  assert.equal(read(join(corpusDir, "001.txt"))?.total, 4308.39);
});
