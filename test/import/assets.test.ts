/**
 * 国有资产: the date figures are stated at, the 资产 table's 合计 and items
 * with their 其中 parents (also numbered parents with unnumbered children),
 * tables in 元 and in each text layout, a long Word table read to its end,
 * and a table that cannot be read diagnosed at its header.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractAssets } from "../../src/import/sections/assets.ts";
import type { Layout } from "../../src/import/source-document.ts";
import { seedsDir, sharedDir } from "../support/paths.ts";
import { importDisclosure } from "../../src/import/index.ts";
import { layOut } from "../support/layout.ts";

const assets = (text: string, layout?: Layout) => runExtractor(extractAssets, text, layout);

const ROWS = [
  ["资产类别", "数量", "原值", "累计折旧", "净值"],
  ["合计", "647", "526,069.11", "100,000.00", "426,069.11"],
  ["通用设备", "314", "356,671.06", "80,000.00", "276,671.06"],
  ["其中：汽车", "1", "70,216.27", "20,000.00", "50,216.27"],
  ["家具、用具、装具及动植物", "333", "169,398.05", "20,000.00", "149,398.05"],
];

for (const layout of ["cells", "tabs", "columns"] as const) {
  test(`asset table in the ${layout} layout, in 元, with 其中 rows and the date above`, () => {
    const text = [
      "五、国有资产占用情况",
      "截至2020年12月31日，本部门共有车辆1辆。",
      "国有资产占用情况表",
      "单位：元",
      ...layOut(ROWS, layout),
      "",
      "六、其他需要说明的事项",
    ].join("\n");
    const { disclosure, diagnostics } = assets(text, layout);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(disclosure.assets, {
      asOf: "2020-12-31",
      total: { quantity: 647, originalValue: 52.606911, depreciation: 10, netValue: 42.606911 },
      items: [
        {
          category: "通用设备",
          quantity: 314,
          originalValue: 35.667106,
          depreciation: 8,
          netValue: 27.667106,
        },
        {
          category: "汽车",
          parent: "通用设备",
          quantity: 1,
          originalValue: 7.021627,
          depreciation: 2,
          netValue: 5.021627,
        },
        {
          category: "家具、用具、装具及动植物",
          quantity: 333,
          originalValue: 16.939805,
          depreciation: 2,
          netValue: 14.939805,
        },
      ],
    });
  });
}

test("numbered categories, 其中 and the unnumbered rows after it as children; 年末 as the date", () => {
  const rows = [
    ["资产名称", "原值"],
    ["一、房屋（平方米）", "3491.22"],
    ["其中：办公用房（平方米）", "1659.40"],
    ["业务用房（平方米）", "1000.00"],
    ["二、车辆（台、辆）", "513.03"],
  ];
  const text = [
    "国有资产信息",
    "2018年末国有资产情况如下：",
    "单位：万元",
    ...layOut(rows, "cells"),
  ].join("\n");
  assert.deepEqual(assets(text, "cells").disclosure.assets, {
    asOf: "2018-12-31",
    items: [
      { category: "房屋（平方米）", originalValue: 3491.22 },
      { category: "办公用房（平方米）", parent: "房屋（平方米）", originalValue: 1659.4 },
      // Unnumbered rows after a 其中 row stay children until the next numbered category.
      { category: "业务用房（平方米）", parent: "房屋（平方米）", originalValue: 1000 },
      { category: "车辆（台、辆）", originalValue: 513.03 },
    ],
  });
});

test("PDF text: blank value cells and categories with no figures at all", () => {
  const text = [
    "                   国有资产占用情况表",
    "                                                     单位：万元",
    "         资产类别             数量          原值        累计折旧  净值",
    "          合计                         52.606911",
    "土地房屋及构筑物",
    "其中：房屋",
    "通用设备                        314      35.667106",
    "其中：汽车                         1        7.021627",
    "",
    "六、其他需要说明的事项",
  ].join("\n");
  const { disclosure, diagnostics } = assets(text, "columns");
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(disclosure.assets, {
    total: { originalValue: 52.606911 },
    items: [
      { category: "土地房屋及构筑物" },
      { category: "房屋", parent: "土地房屋及构筑物" },
      { category: "通用设备", quantity: 314, originalValue: 35.667106 },
      { category: "汽车", parent: "通用设备", quantity: 1, originalValue: 7.021627 },
    ],
  });
});

test("a Word table longer than the first window is read to its last row", () => {
  const rows = [
    ["资产类别", "数量", "原值", "累计折旧", "净值"],
    ...Array.from({ length: 20 }, (_, i) => [`类别${i + 1}`, `${i + 1}`, `${i + 1}.00`, "", ""]),
  ];
  const text = [
    "国有资产占用情况表",
    "单位：万元",
    ...layOut(rows, "cells"),
    "六、其他需要说明的事项",
  ].join("\n");
  const items = assets(text, "cells").disclosure.assets?.items ?? [];
  assert.equal(items.length, 20);
  assert.deepEqual(items[19], { category: "类别20", quantity: 20, originalValue: 20 });
});

test("broken input: a header with no readable rows is diagnosed at its line", () => {
  const text = [
    "国有资产占用情况表",
    ...layOut(
      [
        ["资产类别", "原值"],
        ["", "见附件"],
      ],
      "cells",
    ),
    "六、其他需要说明的事项",
  ].join("\n");
  const { disclosure, diagnostics } = assets(text, "cells");
  assert.equal(disclosure.assets, undefined);
  assert.deepEqual(
    diagnostics.map((d) => [d.level, d.line]),
    [["warning", 2]],
  );
});

test("real seeds: 002's Word table to its last 其中 row, 003's 资产信息表 with 累计折旧/摊销", () => {
  const read = (name: string) =>
    assets(readFileSync(join(seedsDir, name), "utf8")).disclosure.assets!;
  const s002 = read("002_30620b3058080950.txt");
  assert.equal(s002.asOf, "2020-12-31");
  assert.equal(s002.total?.originalValue, 52.606911);
  assert.deepEqual(s002.items?.at(-1), {
    category: "家具用具",
    parent: "家具、用具、装具及动植物",
    quantity: 333,
    originalValue: 8.86386,
  });
  const s003 = read("003_728ba56877c78465.txt");
  assert.deepEqual(s003.total, { originalValue: 282.91, depreciation: 244.3, netValue: 38.61 });
  assert.deepEqual(s003.items?.at(-1), {
    category: "无形资产",
    originalValue: 285.7,
    depreciation: 91.72,
    netValue: 193.98,
  });
});

/** Real excerpts of budgets that state their holdings in a sentence instead of a table. */
const wildDoc = (name: string) => readFileSync(join(sharedDir, "wild", name), "utf8");

test("budgets without an asset table (广州 P002, pool P012): date, 固定资产 total, vehicles and equipment from the sentence", () => {
  for (const [name, asOf, value, vehicles, equipment] of [
    ["docs/P002.txt", "2026-01-31", 29407.22, 32, 2],
    ["pool/P012.txt", "2026-01-31", 29312.21, 15, 39],
  ] as const) {
    const got = assets(wildDoc(name)).disclosure.assets;
    assert.deepEqual(got, {
      asOf,
      total: { originalValue: value },
      items: [
        { category: "车辆", quantity: vehicles },
        { category: "单位价值100万元以上设备", quantity: equipment },
      ],
    });
  }
});

test("the sentence's plans (本年度拟购置固定资产…) are not holdings", () => {
  const text = [
    "五、国有资产占有使用情况",
    "截至2026年1月30日，本部门固定资产金额51.28万元，分布",
    "构成情况为：房屋0平方米，车辆0辆，单价在100万元以上的设备",
    "0台等。本年度拟购置固定资产1万元，主要是按需采购办公家具。",
    "六、委托业务费安排情况",
  ].join("\n");
  assert.deepEqual(assets(text).disclosure.assets?.total, { originalValue: 51.28 });
});

test("上海 (P073) and 北京 (P098, P104) wording: 截至…8月31日 / 截至 2025 年底, 公务用车保有量", () => {
  const shanghai = assets(wildDoc("docs/P073.txt")).disclosure.assets;
  assert.equal(shanghai?.asOf, "2025-08-31");
  assert.deepEqual(shanghai?.items, [
    { category: "车辆", quantity: 0 },
    { category: "单位价值100万元以上设备", quantity: 20 },
  ]);
  const beijing = assets(wildDoc("docs/P098.txt")).disclosure.assets;
  assert.equal(beijing?.asOf, "2025-12-31");
  assert.equal(beijing?.total, undefined, "no 固定资产 total is stated");
  assert.deepEqual(beijing?.items?.[0], { category: "车辆", quantity: 47 });
  const traffic = assets(wildDoc("docs/P104.txt")).disclosure.assets;
  assert.deepEqual(traffic?.items, [
    { category: "车辆", quantity: 1924 },
    { category: "单位价值100万元以上设备", quantity: 61 },
  ]);
});

test("截至上年底 (西安 P063, pool P200): the end of the year before the budget year", async () => {
  for (const [name, year, vehicles, equipment] of [
    ["docs/P063.txt", 2025, 1, 22],
    ["pool/P200.txt", 2026, 3, 0],
  ] as const) {
    const bytes = new Uint8Array(readFileSync(join(sharedDir, "wild", name)));
    const { disclosure } = await importDisclosure(bytes);
    assert.equal(disclosure.year, year);
    assert.equal(disclosure.assets?.asOf, `${year - 1}-12-31`);
    assert.deepEqual(disclosure.assets?.items, [
      { category: "车辆", quantity: vehicles },
      { category: "单位价值20万元以上设备", quantity: equipment },
    ]);
  }
});

test("截止 2021 年底 (pool P056): a year printed with spaces", () => {
  assert.equal(assets(wildDoc("pool/P056.txt")).disclosure.assets?.asOf, "2021-12-31");
});

test("holdings stated without 截至: vehicles and equipment, dated only by a stated year's end; plans are not holdings", () => {
  // 西安 P053 七、: "2021 年末共有车辆 242 辆，单价 20 万元以上的设备 9 台（套）".
  const xian = assets(
    [
      "  七、部门国有资产占有使用及资产购置情况说明",
      "  本部门所属预算单位 2021 年末共有车辆 242 辆，单价 20 万元以上的设备 9 台（套）。2022 年",
      "部门预算中未安排车辆购置。",
    ].join("\n"),
  ).disclosure.assets;
  assert.deepEqual(xian, {
    asOf: "2021-12-31",
    items: [
      { category: "车辆", quantity: 242 },
      { category: "单位价值20万元以上设备", quantity: 9 },
    ],
  });
  // 苏州 P022 十四、: no date at all — the count without an asOf.
  const suzhou = assets(
    [
      "       十四、国有资产占用情况说明",
      "       本部门共有车辆 8 辆，其中，副部（省）级及以上领导用车 0",
      "  辆、主要负责人用车 0 辆、执法执勤用车 8 辆。",
    ].join("\n"),
  ).disclosure.assets;
  assert.deepEqual(suzhou, { items: [{ category: "车辆", quantity: 8 }] });
  // A plan to buy (计划购置车辆 30 辆) is not what is held.
  const plan = assets(
    [
      "  十、国有资产占用情况",
      "  2026 年计划购置车辆 30 辆、511.25 万元，主要是购置警用车辆。",
    ].join("\n"),
  ).disclosure.assets;
  assert.equal(plan, undefined);
});
