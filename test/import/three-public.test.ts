/**
 * “三公”经费: the table with one item per row and with one item per column
 * (years as rows, as our renderer prints it; years side by side as column
 * groups) in each text layout, a table in 元, the paragraph alone, and a
 * document with neither; then real documents and our own rendered files.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractThreePublic } from "../../src/import/sections/three-public/extract.ts";
import { importDisclosure } from "../../src/import/index.ts";
import { renderDisclosure } from "../../src/render/index.ts";
import type { Layout } from "../../src/import/source-document.ts";
import { FORMAT_ID, type Disclosure } from "../../src/model/disclosure.ts";
import { readText } from "../../src/import/readers/text.ts";
import { runExtractor } from "../support/run-extractor.ts";
import { corpusDir, seedsDir, sharedDir } from "../support/paths.ts";
import { layOut as layOutWith } from "../support/layout.ts";

const layOut = (rows: string[][], layout: Layout) => layOutWith(rows, layout, { numbers: "right" });

const threePublic = (text: string, layout?: Layout) =>
  runExtractor(extractThreePublic, text, layout);

const LAYOUTS: Layout[] = ["cells", "tabs", "columns"];

test("one item per row (项目 | 合计 | 同比): amounts, the rate and the cited lines, in every layout", () => {
  const rows = [
    ["项目", "合计", "同比增减%"],
    ["合计", "240.00", "-2.00"],
    ["因公出国（境）费", "40.00", ""],
    ["公务用车购置及运行费", "130.00", ""],
    ["其中：公务用车购置费", "60.00", ""],
    ["公务用车运行费", "70.00", ""],
    ["公务接待费", "70.00", ""],
  ];
  for (const layout of LAYOUTS) {
    const r = threePublic(
      ["9．财政拨款“三公”经费支出表", "单位：万元", ...layOut(rows, layout)].join("\n"),
      layout,
    );
    assert.deepEqual(
      r.disclosure.threePublic,
      {
        total: 240,
        overseas: 40,
        vehicle: { total: 130, purchase: 60, operation: 70 },
        reception: 70,
        changeRate: -2,
      },
      layout,
    );
    assert.ok(r.cites.has("/threePublic/reception"), layout);
  }
});

test("one item per column, years as rows (the layout our renderer writes): 上年, 本年 and 增减额 in every layout", () => {
  const spreadsheet = [
    ["项目", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
    ["", "", "", "小计", "公务用车购置费", "公务用车运行费", ""],
    ["2020年预算数", "240.00", "40.00", "130.00", "60.00", "70.00", "70.00"],
    ["2021年预算数", "235.00", "35.00", "130.00", "60.00", "70.00", "70.00"],
    ["增减额", "-5.00", "-5.00", "0.00", "0.00", "0.00", "0.00"],
  ];
  // A Word export prints a merged heading once: the vehicle heading spans three cells but is one.
  const word = [
    ["项目", "合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"],
    ...spreadsheet.slice(1),
  ];
  const expected = {
    total: 235,
    overseas: 35,
    vehicle: { total: 130, purchase: 60, operation: 70 },
    reception: 70,
    previous: {
      total: 240,
      overseas: 40,
      vehicle: { total: 130, purchase: 60, operation: 70 },
      reception: 70,
    },
    change: {
      total: -5,
      overseas: -5,
      vehicle: { total: 0, purchase: 0, operation: 0 },
      reception: 0,
    },
  };
  for (const layout of LAYOUTS) {
    const rows = layout === "cells" ? word : spreadsheet;
    const r = threePublic(
      ["9．财政拨款“三公”经费支出表", "单位：万元", ...layOut(rows, layout)].join("\n"),
      layout,
    );
    assert.deepEqual(r.disclosure.threePublic, expected, layout);
  }
});

test("a blank cell stays absent and does not shift the columns after it", () => {
  const rows = [
    ["项目", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
    ["", "", "", "小计", "公务用车购置费", "公务用车运行费", ""],
    ["2021年预算数", "0.95", "", "", "", "", "0.95"],
  ];
  for (const layout of ["cells", "tabs"] as const) {
    const r = threePublic(["“三公”经费支出预算表", ...layOut(rows, layout)].join("\n"), layout);
    assert.deepEqual(r.disclosure.threePublic, { total: 0.95, reception: 0.95 }, layout);
  }
});

test("a table in 元 is converted to 万元 exactly", () => {
  const rows = [
    ["项目", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
    ["", "", "", "小计", "公务用车购置费", "公务用车运行费", ""],
    ["2021年", "1,021,097.87", "482,370.00", "510,597.23", "154,200.00", "356,397.23", "28,130.64"],
  ];
  for (const layout of LAYOUTS) {
    const r = threePublic(
      ["“三公”经费支出预算表", "单位：元", ...layOut(rows, layout)].join("\n"),
      layout,
    );
    assert.deepEqual(
      r.disclosure.threePublic,
      {
        total: 102.109787,
        overseas: 48.237,
        vehicle: { total: 51.059723, purchase: 15.42, operation: 35.639723 },
        reception: 2.813064,
      },
      layout,
    );
  }
});

test("the paragraph alone: this year, last year, the change and its reason", () => {
  const r = threePublic(
    [
      "四、财政拨款“三公”经费预算情况",
      "2021年“三公”经费预算数为8.48万元，比2020年预算数6.45万元增加2.03万元，增长31.47%。其中：因公出国（境）费0万元；",
      "公务用车购置及运行费7.92万元，较上年增加1.9万元；公务接待费0.56万元，较上年增加0.13万元。增减变化原因：机构改革，增加2个单位。",
      "五、政府采购情况",
      "本部门无政府采购预算。",
    ].join("\n"),
  );
  assert.deepEqual(r.disclosure.threePublic, {
    total: 8.48,
    overseas: 0,
    vehicle: { total: 7.92 },
    reception: 0.56,
    previous: { total: 6.45 },
    change: { total: 2.03, vehicle: { total: 1.9 }, reception: 0.13 },
    changeRate: 31.47,
    explanation: "机构改革，增加2个单位。",
  });
  assert.equal(r.cites.get("/threePublic/vehicle/total"), 3);
});

test("a 三公 heading without figures is reported; a document with no 三公 part is noted, not an error", () => {
  const empty = threePublic(
    [
      "四、财政拨款“三公”经费预算情况",
      "本部门“三公”经费预算情况详见附表，相关说明另行公开，此处不再重复列示。",
      "五、政府采购情况",
      "无。",
    ].join("\n"),
  );
  assert.equal(empty.disclosure.threePublic, undefined);
  assert.deepEqual(
    empty.diagnostics.map((d) => [d.level, d.section, d.line]),
    [["warning", "threePublic", 1]],
  );
  assert.match(empty.diagnostics[0]!.message, /三公.*未能读出金额/);
  const none = threePublic(
    ["一、部门职责", "负责全区财政工作。", "二、收支预算情况", "收入预算100万元。"].join("\n"),
  );
  assert.equal(none.disclosure.threePublic, undefined);
  assert.deepEqual(
    none.diagnostics.map((d) => d.level),
    ["info"],
  );
});

const importFile = async (path: string) =>
  (await importDisclosure(new Uint8Array(readFileSync(path)))).disclosure;

test("corpus 036: 2020 | 2021 | 增减 side by side in 元, with 会议费/培训费 beside; the table's −9.49 wins over the text's 增加", async () => {
  // 表13 合计 row: 2020 三公 小计 160,000.00 (接待 80,000.00, 车 80,000.00), 2021 65,100.00, 增减 −94,900.00;
  // the paragraph says "较上年增加 9.49 万元" for what is a decrease.
  const d = await importFile(join(corpusDir, "036.txt"));
  assert.deepEqual(d.threePublic, {
    total: 6.51,
    overseas: 0,
    vehicle: { total: 0, purchase: 0, operation: 0 },
    reception: 6.51,
    previous: {
      total: 16,
      overseas: 0,
      vehicle: { total: 8, purchase: 0, operation: 8 },
      reception: 8,
    },
    change: {
      total: -9.49,
      overseas: 0,
      vehicle: { total: -8, purchase: 0, operation: -8 },
      reception: -1.49,
    },
    explanation: "2021年预算贯彻财政“过紧日子”要求压缩经费。",
  });
});

test("corpus 017: a 合计 that adds 会议费 and 培训费 is not the 三公 total; the PDF reads the same", async () => {
  // 公开09表: 合计 2542.60 | 小计 833.60 | 出国 222.50 | 车 183.60 | (购置 blank) | 运行 183.60 | 接待 427.50 | 会议费 1305.25 | 培训费 403.75
  for (const ext of ["txt", "pdf"]) {
    const d = await importFile(join(corpusDir, `017.${ext}`));
    assert.equal(d.threePublic?.total, 833.6, ext);
    assert.deepEqual(d.threePublic?.vehicle, { total: 183.6, purchase: 0, operation: 183.6 }, ext);
    assert.equal(d.threePublic?.reception, 427.5, ext);
  }
});

test("seed 003 (tab-separated, paragraph only): last year's figures and the change from the text", async () => {
  const d = await importFile(join(seedsDir, "003_728ba56877c78465.txt"));
  assert.equal(d.threePublic?.total, 8.48);
  assert.deepEqual(d.threePublic?.previous, {
    total: 6.45,
    overseas: 0,
    vehicle: { total: 6.02, purchase: 0, operation: 6.02 },
    reception: 0.43,
  });
  assert.equal(d.threePublic?.change?.total, 2.03);
});

test("our own .xlsx and .docx (items as columns, years as rows) read back what was rendered", async () => {
  const d = await importFile(join(corpusDir, "026.txt"));
  const t = d.threePublic!;
  assert.ok(
    t.previous?.total !== undefined && t.change?.total !== undefined,
    "026 states last year and the change",
  );
  for (const format of ["xlsx", "docx"] as const) {
    const back = (await importDisclosure(await renderDisclosure(d as Disclosure, format)))
      .disclosure.threePublic;
    assert.equal(back?.total, t.total, format);
    assert.deepEqual(back?.previous, t.previous, format);
    assert.deepEqual(back?.vehicle, t.vehicle, format);
    assert.equal(back?.change?.total, t.change?.total, format);
  }
});

test("PDF text: a figure nearer the label beside its own goes where the sums hold; the table ends before the next one", async () => {
  // corpus 007 (PDF): 合计 0.95 and 公务接待费 0.95 under a squeezed header whose 小计 is closer to the second figure.
  const d007 = await importFile(join(corpusDir, "007.pdf"));
  assert.deepEqual(d007.threePublic?.vehicle, { total: 0, purchase: 0, operation: 0 });
  assert.equal(d007.threePublic?.reception, 0.95);
  // corpus 001: the 三公 table prints no 购置费; a figure of the next table (50,616.94) is not it.
  const d001 = await importFile(join(corpusDir, "001.txt"));
  assert.deepEqual(d001.threePublic?.vehicle, { total: 38.6, operation: 38.6 });
});

test("PDF text: year headings at their group's left edge, not over its middle; each group repeats one header (corpus 036 .pdf)", async () => {
  const head = ["合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行费"];
  const rows = [
    ["", "2020年", "", "", "", "2021年", "", "", "", "增减变化情况", "", "", ""],
    ["项目", ...head, ...head, ...head],
    [
      "合计",
      "16.00",
      "0.00",
      "8.00",
      "8.00",
      "6.51",
      "0.00",
      "6.51",
      "0.00",
      "-9.49",
      "0.00",
      "-1.49",
      "-8.00",
    ],
  ];
  const r = threePublic(
    ["“三公”经费支出预算表", "单位：万元", ...layOut(rows, "columns")].join("\n"),
    "columns",
  );
  assert.deepEqual(r.disclosure.threePublic, {
    total: 6.51,
    overseas: 0,
    vehicle: { total: 0 },
    reception: 6.51,
    previous: { total: 16, overseas: 0, vehicle: { total: 8 }, reception: 8 },
    change: { total: -9.49, overseas: 0, vehicle: { total: -8 }, reception: -1.49 },
  });
  // 表13 of corpus 036 as the PDF prints it: 2020年 | 2021年 | 增减变化情况 each over 合计, 三公 (小计, 出国, 接待, 车 (小计, 购置, 运行)), 会议费, 培训费.
  const txt = await importFile(join(corpusDir, "036.txt"));
  const pdf = await importFile(join(corpusDir, "036.pdf"));
  assert.deepEqual(pdf.threePublic, txt.threePublic);
});

test("the paragraph: figures after 会议费 / 培训费 are none of the five; an unfilled 增加（减少）0万元 is a zero change", () => {
  const r = threePublic(
    [
      "九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明",
      "1．因公出国（境）费预算支出 222.5 万元，与上年度持平。",
      "2．公务用车购置及运行费预算支出 183.6 万元。其中：",
      "（1）公务用车购置预算支出 0 万元，比上年预算增加（减少）    0   万元，主要原因无此项预算。",
      "（2）公务用车运行维护费预算支出 183.6 万元，与上年度持平。",
      "3．公务接待费预算支出 427.5 万元，与上年度持平。",
      "本部门2018年度一般公共预算拨款安排的会议费预算支出 1305.25 万元，与上年度持平。",
      "本部门2018年度一般公共预算拨款安排的培训费预算支出 403.75 万元，比上年增加（减少）12 万元。",
      "十、政府性基金预算支出预算情况说明",
    ].join("\n"),
  );
  assert.deepEqual(r.disclosure.threePublic, {
    overseas: 222.5,
    vehicle: { total: 183.6, purchase: 0, operation: 183.6 },
    reception: 427.5,
    change: { overseas: 0, vehicle: { purchase: 0, operation: 0 }, reception: 0 },
  });
});

test("the reason stated with the total's change is the explanation; a reason after an item is that item's", () => {
  const total = threePublic(
    [
      "（二）“三公”经费预算：2026 年本局“三公”经费预算数为 8.00 万元，其中，公务接待费 3.00 万元。",
      "2026 年“三公”经费预算较 2025 年减少 1.75 万元，主要是厉行节约，压减预算。",
      "（三）一般性支出情况",
    ].join("\n"),
  );
  assert.equal(total.disclosure.threePublic?.change?.total, -1.75);
  assert.equal(total.disclosure.threePublic?.explanation, "厉行节约，压减预算。");
  const item = threePublic(
    [
      "四、“三公”经费情况说明",
      "2026 年“三公”经费预算 308.00 万元，比 2025 年减少 22.24 万元。其中：因公出国（境）费用 20.00 万元，比 2025 年减少 7.00 万元，主要原因是预计因公出国出境将减少。",
    ].join("\n"),
  );
  assert.equal(item.disclosure.threePublic?.change?.total, -22.24);
  assert.equal(item.disclosure.threePublic?.explanation, undefined);
});

test("one item per row with a column per year: the latest year is this year's, the earlier last year's, 增减额 the change; a 决算 beside its 预算 is this year's", () => {
  const years = [
    ["项目", "2025年预算数", "2026年预算数", "增减额", "增减率（%）"],
    ["合计", "10.00", "8.00", "-2.00", "-20.00"],
    ["因公出国（境）费", "0.00", "0.00", "0.00", "0.00"],
    ["公务用车购置及运行费", "6.00", "5.00", "-1.00", "-16.67"],
    ["其中：公务用车购置费", "0.00", "0.00", "0.00", ""],
    ["公务用车运行费", "6.00", "5.00", "-1.00", "-16.67"],
    ["公务接待费", "4.00", "3.00", "-1.00", "-25.00"],
  ];
  const final = [
    ["项目", "年初预算数", "决算数"],
    ["合计", "0.95", "0.50"],
    ["因公出国（境）费", "0.00", "0.00"],
    ["公务用车购置及运行费", "0.00", "0.00"],
    ["公务接待费", "0.95", "0.50"],
  ];
  for (const layout of LAYOUTS) {
    const r = threePublic(
      ["2026年财政拨款“三公”经费预算表", "单位：万元", ...layOut(years, layout)].join("\n"),
      layout,
    );
    assert.deepEqual(
      r.disclosure.threePublic,
      {
        total: 8,
        overseas: 0,
        vehicle: { total: 5, purchase: 0, operation: 5 },
        reception: 3,
        previous: {
          total: 10,
          overseas: 0,
          vehicle: { total: 6, purchase: 0, operation: 6 },
          reception: 4,
        },
        change: {
          total: -2,
          overseas: 0,
          vehicle: { total: -1, purchase: 0, operation: -1 },
          reception: -1,
        },
        changeRate: -20,
      },
      layout,
    );
    const f = threePublic(
      ["财政拨款“三公”经费支出决算表", "单位：万元", ...layOut(final, layout)].join("\n"),
      layout,
    );
    assert.deepEqual(
      f.disclosure.threePublic,
      { total: 0.5, overseas: 0, vehicle: { total: 0 }, reception: 0.5 },
      layout,
    );
  }
});

test("a 决算 table with 预算数 | 决算数 as two groups of the six columns (with or without a 栏次 row): the 决算 group is this year's", () => {
  const six = ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"];
  const sub = ["", "", "小计", "公务用车购置费", "公务用车运行费", ""];
  const figures = [
    "12.00",
    "2.00",
    "6.00",
    "0.00",
    "6.00",
    "4.00",
    "10.50",
    "1.50",
    "5.50",
    "0.00",
    "5.50",
    "3.50",
  ];
  const numbering = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
  const sheet = [
    ["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
    [...six, ...six],
    [...sub, ...sub],
  ];
  // Word prints each merged heading once.
  const word = [
    ["预算数", "决算数"],
    [...six, ...six].filter(Boolean),
    [...sub, ...sub].filter(Boolean),
  ];
  const expected = {
    total: 10.5,
    overseas: 1.5,
    vehicle: { total: 5.5, purchase: 0, operation: 5.5 },
    reception: 3.5,
  };
  for (const layout of LAYOUTS) {
    for (const body of [[figures], [numbering, figures]]) {
      const rows = [...(layout === "cells" ? word : sheet), ...body];
      const r = threePublic(
        ["财政拨款“三公”经费支出决算表", "单位：万元", ...layOut(rows, layout)].join("\n"),
        layout,
      );
      assert.deepEqual(
        r.disclosure.threePublic,
        expected,
        `${layout}, ${body.length === 2 ? "with" : "without"} 栏次`,
      );
    }
  }
});

const wild = (name: string) => join(sharedDir, "wild", name);

test("a list of the 公开表 titles (表1 … 表16, no dot leaders, 是否空表 columns) is never bound to the next table (西安 P055, P063, P199)", async () => {
  // P055's list names 表13's 三公 title right above 表1 收支总表: its 本年收入合计 is no 三公 total.
  const d = await importFile(wild("docs/P055.pdf"));
  // 表13 in 元: 2022 三公 小计 807,650.00 beside 会议费 165,500.00 and 培训费 1,920,800.00 (合计 2,893,950.00).
  assert.equal(d.threePublic?.total, 80.765);
  assert.deepEqual(d.threePublic?.vehicle, { total: 75, purchase: 0, operation: 75 });
  assert.equal(d.threePublic?.previous?.total, 5.794);
  for (const [name, total] of [
    ["docs/P063.pdf", 4.5],
    ["docs/P199.pdf", 3],
  ] as const)
    assert.equal((await importFile(wild(name))).threePublic?.total, total, name);
});

test("PDF text: a letter-spaced 合 计 / 小 计 heads its column; a blank 购置费 and 出国 cell shift nothing (重庆 P166)", async () => {
  // 表八: 合 计 | 因公出国 (境)费 | 小 计 · 公务用车购置费 · 公务用车运行费 | 公务接待费, printed "13.85  13.55  13.55  0.30".
  const d = await importFile(wild("docs/P166.pdf"));
  assert.equal(d.threePublic?.total, 13.85);
  assert.equal(d.threePublic?.overseas, 0);
  assert.deepEqual(d.threePublic?.vehicle, { total: 13.55, purchase: 0, operation: 13.55 });
  assert.equal(d.threePublic?.reception, 0.3);
});

test("the paragraph: a change after a parenthesis of sub-items is the item's before it; an item's own 比上年减少 is its change (广州 P002)", () => {
  const text = [
    "二、“三公”经费安排情况",
    "2026年本部门财政拨款安排“三公”经费238.4万元，比上年",
    "减少33.28万元，下降12.2%，主要原因是压减预算。其中：因公出国",
    "（境）费101.75万元，比上年增加0万元，增长0%，主要原因是与",
    "上年持平，无增减变化；公务用车购置及运行维护费112.08万元",
    "（公务用车购置费18.2万元，比上年减少18.1万元；公务用车运",
    "行维护费93.88万元，比上年减少1.79万元。）比上年减少19.89",
    "万元，下降15.1%，主要原因是2026年更新报废车辆较上年有所减",
    "少；公务接待费24.57万元，比上年减少13.39万元，下降35.3%，",
    "主要原因是进一步压减公务接待费预算。",
    "三、机关运行经费安排情况",
  ].join("\n");
  const got = threePublic(text).disclosure.threePublic;
  assert.equal(got?.reception, 24.57);
  assert.deepEqual(got?.change, {
    total: -33.28,
    overseas: 0,
    vehicle: { total: -19.89, purchase: -18.1, operation: -1.79 },
    reception: -13.39,
  });
});

test("a title wrapped before its 表 (“三公”经费、 / 会议费、培训费表), 序号 and 单位编码 columns, and a rate in brackets after the change (西安 P053)", async () => {
  const d = await importFile(wild("docs/P053.pdf"));
  // 表13's 合计 row: 2021 小计 117.49 (接待 40.49, 运行 77.00), 2022 248.84, 增减 131.35; 会议费/培训费 beside.
  assert.equal(d.threePublic?.total, 248.84);
  assert.deepEqual(d.threePublic?.previous, {
    total: 117.49,
    overseas: 0,
    vehicle: { total: 77, purchase: 0, operation: 77 },
    reception: 40.49,
  });
  assert.equal(d.threePublic?.change?.total, 131.35);
  // "较上年增加 131.35 万元（111.8%）"
  assert.equal(d.threePublic?.changeRate, 111.8);
  const text = "三、“三公”经费\n“三公”经费预算支出 5 万元，较上年减少 1 万元（16.67%）。";
  assert.equal(threePublic(text).disclosure.threePublic?.changeRate, -16.67);
});

test("the paragraph: a year compared with itself (重庆 P166 “2025年…13.85万元,比2025年减少5.45万元”) states this year's figures, not last year's", () => {
  const paragraph = (opening: string) => {
    const doc = readText(
      [
        "  四、“三公”经费情况说明",
        `  ${opening} “三公”经费预算13.85万元,比2025年减少5.45万元。其中:因公出国 (境)费用0万元,比2025`,
        "年减少5万元;公务接待费0.3万元,与上年持平。",
      ].join("\n"),
      "txt",
      "columns",
    );
    const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元", year: 2026 };
    extractThreePublic.run({ doc, disclosure, diagnose: () => {}, cite: () => {} });
    return disclosure.threePublic!;
  };
  const slip = paragraph("2025年");
  assert.equal(slip.previous, undefined);
  assert.equal(slip.total, 13.85);
  assert.equal(slip.change?.total, -5.45);
  // Compared with another year, an earlier year's figure is last year's.
  assert.equal(paragraph("2024年").previous?.total, 13.85);
});
