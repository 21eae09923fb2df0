/**
 * 一般公共预算基本支出表 → basicByEconomic: the table found by its title and
 * read in each layout (Word "cells", "tabs", pdftotext "columns"), codes whole
 * or split into 类/款, tables in 元, a table continued over a page break with
 * shifted columns, a second (政府经济分类) code system beside the department's,
 * a broken table flagged by its arithmetic, and documents without the table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runExtractor } from "../support/run-extractor.ts";
import { extractEconomicLines } from "../../src/import/sections/classification/economic-lines.ts";
import { importDisclosure } from "../../src/import/index.ts";
import { parseAmount, sumFen, wanToFen, type MoneyUnit } from "../../src/model/amount.ts";
import { corpusDir, sharedDir } from "../support/paths.ts";
import type { Layout } from "../../src/import/source-document.ts";
import { readText } from "../../src/import/readers/text.ts";
import { FORMAT_ID, type Diagnostic, type Disclosure } from "../../src/model/disclosure.ts";

function run(text: string, layout?: Layout) {
  return runExtractor(extractEconomicLines, text, layout);
}

/** The lines of a corpus text from a title to the line before `end`, as printed. */
function excerpt(file: string, title: RegExp, end: RegExp): string {
  const all = readFileSync(join(corpusDir, file), "utf8").split("\n");
  const from = all.findIndex((l) => title.test(l.trim()));
  assert.ok(from >= 0, `${file}: ${title} not found`);
  const to = all.findIndex((l, i) => i > from && end.test(l));
  return all.slice(from, to < 0 ? undefined : to).join("\n");
}

/** gongkai's own Word output (T6): one tab-prefixed cell per line, a 合计 row first. */
const CELLS = [
  "6．一般公共预算基本支出表",
  " 部门：示范市高新区发展和改革局 单位：万元",
  "\t部门预算支出经济分类科目",
  "\t本年一般公共预算基本支出",
  "",
  "\t科目编码",
  "\t科目名称",
  "\t合计",
  "\t人员经费",
  "\t公用经费",
  "",
  "\t",
  "\t合计",
  "\t700.25",
  "\t650.05",
  "\t50.20",
  "",
  "\t301",
  "\t工资福利支出",
  "\t650.05",
  "\t650.05",
  "\t",
  "",
  "\t30101",
  "\t基本工资",
  "\t400.00",
  "\t400.00",
  "\t",
  "",
  "\t30102",
  "\t津贴补贴",
  "\t250.05",
  "\t250.05",
  "\t",
  "",
  "\t302",
  "\t商品和服务支出",
  "\t50.20",
  "\t",
  "\t50.20",
  "",
  "\t30201",
  "\t办公费",
  "\t50.20",
  "\t",
  "\t50.20",
  "",
  "7．政府性基金预算支出表",
  "",
].join("\n");

test("cells layout: 类 and 款 lines with 合计/人员经费/公用经费 by header, blank cells left out, each line cited", () => {
  const { disclosure, diagnostics, cites } = run(CELLS, "cells");
  assert.deepEqual(disclosure.basicByEconomic, [
    { code: "301", name: "工资福利支出", total: 650.05, personnel: 650.05 },
    { code: "30101", name: "基本工资", total: 400, personnel: 400 },
    { code: "30102", name: "津贴补贴", total: 250.05, personnel: 250.05 },
    { code: "302", name: "商品和服务支出", total: 50.2, publicOperating: 50.2 },
    { code: "30201", name: "办公费", total: 50.2, publicOperating: 50.2 },
  ]);
  assert.deepEqual(diagnostics, []);
  // Each line's citation is the row that printed its code.
  const lines = CELLS.split("\n");
  for (const [i, l] of disclosure.basicByEconomic!.entries()) {
    const at = cites.get(`/basicByEconomic/${i}`);
    assert.ok(at, `line ${i} cited`);
    assert.equal(lines[at - 1], `\t${l.code}`);
  }
});

/** A Word table with 类 and 款 in columns of their own, the 类 cell left blank on 款 rows. */
const CELLS_SPLIT = [
  "一般公共预算基本支出表",
  "单位：万元",
  ...["类", "款", "科目名称", "合计", "人员经费", "公用经费"].map((c) => `\t${c}`),
  "",
  ...["301", "", "工资福利支出", "300.00", "300.00", ""].map((c) => `\t${c}`),
  "",
  ...["", "01", "基本工资", "200.00", "200.00", ""].map((c) => `\t${c}`),
  "",
  ...["", "02", "津贴补贴", "100.00", "100.00", ""].map((c) => `\t${c}`),
  "",
  ...["302", "", "商品和服务支出", "20.00", "", "20.00"].map((c) => `\t${c}`),
  "",
  ...["", "01", "办公费", "20.00", "", "20.00"].map((c) => `\t${c}`),
  "",
  "\t\n\t\n\t合计\n\t320.00\n\t300.00\n\t20.00",
  "",
].join("\n");

test("cells layout with 类 and 款 columns: a 款 printed alone takes the 类 above (never a 项: 经济分类 has none)", () => {
  const { disclosure, diagnostics } = run(CELLS_SPLIT, "cells");
  assert.deepEqual(disclosure.basicByEconomic, [
    { code: "301", name: "工资福利支出", total: 300, personnel: 300 },
    { code: "30101", name: "基本工资", total: 200, personnel: 200 },
    { code: "30102", name: "津贴补贴", total: 100, personnel: 100 },
    { code: "302", name: "商品和服务支出", total: 20, publicOperating: 20 },
    { code: "30201", name: "办公费", total: 20, publicOperating: 20 },
  ]);
  assert.deepEqual(diagnostics, []);
});

/** Tab-separated rows in 元, the 类 left out of the 款 codes' own cell. */
const TABS = [
  "一般公共预算基本支出表",
  "单位：元",
  "经济分类科目编码\t科目名称\t合计\t人员经费\t公用经费",
  "301\t工资福利支出\t1,234,567.89\t1,234,567.89\t0.00",
  "30101\t基本工资\t1,000,000.00\t1,000,000.00\t0.00",
  "30199\t其他工资福利支出\t234,567.89\t234,567.89\t0.00",
  "\t合计\t1,234,567.89\t1,234,567.89\t0.00",
  "注：本表反映一般公共预算基本支出情况。",
  ...Array.from({ length: 8 }, (_, i) => `填充\t${i}`),
].join("\n");

test("tabs layout in 元: amounts converted exactly, printed zeros kept", () => {
  const { disclosure, diagnostics } = run(TABS, "tabs");
  assert.deepEqual(disclosure.basicByEconomic, [
    {
      code: "301",
      name: "工资福利支出",
      total: 123.456789,
      personnel: 123.456789,
      publicOperating: 0,
    },
    { code: "30101", name: "基本工资", total: 100, personnel: 100, publicOperating: 0 },
    {
      code: "30199",
      name: "其他工资福利支出",
      total: 23.456789,
      personnel: 23.456789,
      publicOperating: 0,
    },
  ]);
  assert.deepEqual(diagnostics, []);
});

test('a code joined to its name ("30101基本工资") is split; a row with a code of another classification is reported with its line', () => {
  const text = [
    "一般公共预算基本支出表",
    "单位：万元",
    "科目\t合计\t人员经费\t公用经费",
    "301工资福利支出\t100.00\t100.00\t",
    "30101基本工资\t100.00\t100.00\t",
    "2080505 机关事业单位基本养老保险缴费支出\t5.00\t5.00\t",
    "注：本表反映一般公共预算基本支出情况。",
    ...Array.from({ length: 8 }, (_, i) => `填充\t${i}`),
  ].join("\n");
  const { disclosure, diagnostics } = run(text, "tabs");
  assert.deepEqual(disclosure.basicByEconomic, [
    { code: "301", name: "工资福利支出", total: 100, personnel: 100 },
    { code: "30101", name: "基本工资", total: 100, personnel: 100 },
  ]);
  assert.deepEqual(
    diagnostics.map((d) => [d.level, d.line]),
    [["warning", 6]],
  );
  assert.match(diagnostics[0]!.message, /2080505/);
});

test('columns layout (corpus 007): 类/款 printed apart ("301   01"), 元, the header repeated mid-table', () => {
  const text = excerpt("007.txt", /基本支出部门预算经济分类预算表$/, /三公.*经费.*预算表/);
  const { disclosure, diagnostics } = run(text, "columns");
  const got = disclosure.basicByEconomic!;
  assert.deepEqual(got.slice(0, 2), [
    {
      code: "301",
      name: "工资福利支出",
      total: 2210.9516,
      personnel: 2210.9516,
      publicOperating: 0,
    },
    { code: "30101", name: "基本工资", total: 264.2448, personnel: 264.2448, publicOperating: 0 },
  ]);
  // The rows after the repeated header ("302   11 差旅费") are read with the same columns.
  assert.deepEqual(
    got.find((l) => l.code === "30211"),
    { code: "30211", name: "差旅费", total: 2, personnel: 0, publicOperating: 2 },
  );
  assert.deepEqual(
    got.filter((l) => l.code.length === 3).map((l) => l.code),
    ["301", "302", "303", "310"],
  );
  assert.deepEqual(diagnostics, []);
});

test("columns layout (corpus 001): a table continued over a page break with the columns shifted", () => {
  const text = excerpt("001.txt", /^一般公共预算基本支出表$/, /部门公开表 7/);
  const { disclosure, diagnostics } = run(text, "columns");
  const got = disclosure.basicByEconomic!;
  // 30211 is the last line on the first page, 30212 the first on the next; 303 moves its figure to 人员经费.
  assert.deepEqual(
    got.find((l) => l.code === "30211"),
    { code: "30211", name: "差旅费", total: 84.03, publicOperating: 84.03 },
  );
  assert.deepEqual(
    got.find((l) => l.code === "30212"),
    { code: "30212", name: "因公出国（境）费用", total: 30.36, publicOperating: 30.36 },
  );
  assert.deepEqual(
    got.find((l) => l.code === "303"),
    { code: "303", name: "对个人和家庭的补助", total: 884.54, personnel: 884.54 },
  );
  assert.deepEqual(
    got.find((l) => l.code === "31099"),
    { code: "31099", name: "其他资本性支出", total: 15, publicOperating: 15 },
  );
  assert.deepEqual(diagnostics, [], "the 类 add up to the printed 合计 row under the second page");
});

test("columns layout (corpus 004): the 政府经济分类 code beside each row is dropped, a 款 printed twice is one line, a 7-digit item counts toward its 款", () => {
  const text = excerpt("004.txt", /预算06表 一般公共预算基本支出表$/, /预算07表/);
  const { disclosure, diagnostics } = run(text, "columns");
  const got = disclosure.basicByEconomic!;
  assert.ok(
    got.every((l) => /^3\d{4}$/.test(l.code)),
    "only 部门经济分类 款 codes",
  );
  assert.equal(new Set(got.map((l) => l.code)).size, got.length, "each code once");
  // 30101 is printed under 50101 (2,164.528800) and under 50501 (341.701200).
  assert.deepEqual(
    got.find((l) => l.code === "30101"),
    { code: "30101", name: "基本工资", total: 2506.23, personnel: 2506.23 },
  );
  // "3021101-差旅费" 72.86 and 15.32; no 30211 is printed.
  assert.deepEqual(
    got.find((l) => l.code === "30211"),
    { code: "30211", name: "差旅费", total: 88.18, publicOperating: 88.18 },
  );
  assert.deepEqual(diagnostics, [], "the 款 add up to the 合计 row");
});

test("7-digit items under a printed 款 (corpus 031) are its breakdown, not extra lines", () => {
  const text = excerpt("031.txt", /一般公共预算基本支出情况表$/, /^注|政府性基金/);
  const { disclosure, diagnostics } = run(text, "columns");
  const got = disclosure.basicByEconomic!;
  assert.ok(got.every((l) => l.code.length === 3 || l.code.length === 5));
  assert.deepEqual(
    got.find((l) => l.code === "30102"),
    { code: "30102", name: "津贴补贴", total: 1450.71, personnel: 1450.71 },
  );
  assert.deepEqual(diagnostics, []);
});

/** Corpus 022's table with 30102 misprinted (1,300.77 → 1,310.77): its 类 no longer adds up. */
test("a broken table: a 类 that is not the sum of its 款 gets a warning with its line", () => {
  const text = excerpt("022.txt", /^一般公共预算基本支出表$/, /公开 09 表/).replace(
    /(30102\s+津贴补贴\s+)1,300\.77(\s+)1,300\.77/,
    "$11,310.77$21,310.77",
  );
  const { disclosure, diagnostics } = run(text, "columns");
  assert.equal(disclosure.basicByEconomic?.find((l) => l.code === "30102")?.total, 1310.77);
  const lines = text.split("\n");
  const line301 = lines.findIndex((l) => /^301\s+工资福利支出/.test(l)) + 1;
  const warned = diagnostics.filter((d) => d.level === "warning");
  assert.ok(
    warned.some(
      (d) =>
        d.line === line301 && /301 工资福利支出/.test(d.message) && d.section === "basicByEconomic",
    ),
    JSON.stringify(warned),
  );
});

test("without a 合计 row the lines are set beside the stated 基本支出: a difference is a note", () => {
  const text = TABS.split("\n")
    .filter((l) => !l.startsWith("\t合计"))
    .join("\n");
  const disclosure: Disclosure = {
    format: FORMAT_ID,
    amountUnit: "万元",
    expenditure: { total: 200, basic: 150 },
  };
  const diagnostics: Diagnostic[] = [];
  extractEconomicLines.run({
    doc: readText(text, "txt", "tabs"),
    disclosure,
    diagnose: (level, message) => diagnostics.push({ level, message }),
    cite() {},
  });
  assert.equal(disclosure.basicByEconomic?.length, 3);
  assert.deepEqual(
    diagnostics.map((d) => d.level),
    ["info"],
  );
  assert.match(diagnostics[0]!.message, /123\.456789 万元与基本支出 150 万元/);
});

test("a side-by-side table with codes and names on separate lines (corpus 012) is reported, not misread", () => {
  const text = excerpt("012.txt", /^一般公共预算财政拨款基本支出决算表$/, /政府性基金预算财政拨款/);
  const { disclosure, diagnostics } = run(text, "columns");
  assert.equal(disclosure.basicByEconomic, undefined);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.level, "warning");
  assert.equal(diagnostics[0]!.line, 1);
  assert.match(diagnostics[0]!.message, /未能读取/);
});

test("the same side-by-side table through the PDF reader (corpus 012.pdf) is read: left half 人员经费, right half 公用经费", async () => {
  const { disclosure: d, document } = await importDisclosure(
    new Uint8Array(readFileSync(join(corpusDir, "012.pdf"))),
  );
  const got = d.basicByEconomic!;
  assert.deepEqual(
    (d.diagnostics ?? []).filter((x) => x.section === "basicByEconomic"),
    [],
  );
  assert.deepEqual(
    got.filter((l) => l.code.length === 3).map((l) => l.code),
    ["301", "302", "303", "310"],
  );
  // Each half's 类 add up to the 合计 printed under it ("人员经费合计 2,152.26  公用经费合计 184.65").
  const footer = document.lines.find(
    (l) => /人员经费合计/.test(l.text) && /公用经费合计/.test(l.text),
  )!;
  const [personnel, publicOperating] = footer.text
    .split(/\s{2,}/)
    .map((t) => parseAmount(t.trim()))
    .filter((v) => v !== undefined);
  const sum = (role: "personnel" | "publicOperating") =>
    sumFen(got.filter((l) => l.code.length === 3).map((l) => wanToFen(l[role] ?? 0)));
  assert.equal(sum("personnel"), personnel);
  assert.equal(sum("publicOperating"), publicOperating);
  assert.deepEqual(
    got.find((l) => l.code === "30201"),
    { code: "30201", name: "办公费", total: 21.21, publicOperating: 21.21 },
  );
  // A 科目 printed without a figure (30103 奖金) is no line.
  assert.equal(
    got.find((l) => l.code === "30103"),
    undefined,
  );
});

test("a title over a column header but no readable 科目 row: a warning with the title's line; an empty table noted as such is info", () => {
  const header = [
    "2026年一般公共预算基本支出表",
    "单位：万元",
    "科目编码\t科目名称\t合计\t人员经费\t公用经费",
  ];
  const unreadable = run(
    [...header, "工资福利支出 见附件", "2026年政府性基金预算支出表"].join("\n"),
    "tabs",
  );
  assert.equal(unreadable.disclosure.basicByEconomic, undefined);
  assert.deepEqual(
    unreadable.diagnostics.map((d) => [d.level, d.line]),
    [["warning", 1]],
  );
  assert.match(unreadable.diagnostics[0]!.message, /未能读出/);
  const empty = run(
    [...header, "\t合计", "注：本部门无一般公共预算基本支出，本表无数据。"].join("\n"),
    "tabs",
  );
  assert.deepEqual(
    empty.diagnostics.map((d) => [d.level, d.line]),
    [["info", 1]],
  );
});

test("a side-by-side table in tab-separated rows: halves split at the second 类 column, blank cells skipped", () => {
  const text = [
    "一般公共预算财政拨款基本支出决算表",
    "单位：万元",
    "科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数",
    "301\t工资福利支出\t30.00\t302\t商品和服务支出\t5.00",
    "30101\t基本工资\t30.00\t30201\t办公费\t5.00",
    "\t\t\t30202\t印刷费\t",
    "人员经费合计\t\t30.00\t公用经费合计\t\t5.00",
    ...Array.from({ length: 8 }, (_, i) => `填充\t${i}`),
  ].join("\n");
  const { disclosure, diagnostics } = run(text, "tabs");
  assert.deepEqual(disclosure.basicByEconomic, [
    { code: "301", name: "工资福利支出", total: 30, personnel: 30 },
    { code: "30101", name: "基本工资", total: 30, personnel: 30 },
    { code: "302", name: "商品和服务支出", total: 5, publicOperating: 5 },
    { code: "30201", name: "办公费", total: 5, publicOperating: 5 },
  ]);
  assert.deepEqual(diagnostics, []);
});

test("a document without the table gets an info diagnostic", () => {
  const { disclosure, diagnostics } = run(
    [
      "一般公共预算支出表",
      "单位：万元",
      "科目编码\t科目名称\t合计",
      "201\t一般公共服务支出\t10.00",
    ].join("\n"),
    "tabs",
  );
  assert.equal(disclosure.basicByEconomic, undefined);
  assert.deepEqual(
    diagnostics.map((d) => d.level),
    ["info"],
  );
});

/** The printed 合计 row under a document's table: its figures in 万元 (合计, 人员经费, 公用经费). */
function printedTotal(text: string, titleLine: number, unit: MoneyUnit): bigint[] {
  const lines = text.split("\n");
  const row = lines.slice(titleLine, titleLine + 200).find((l) => /^\s*合\s*计\s+[\d,]/.test(l));
  assert.ok(row, "a 合计 row");
  return row
    .trim()
    .split(/\s{2,}/)
    .slice(1)
    .map((t) => parseAmount(t, unit)!);
}

for (const [file, unit] of [
  ["022.txt", "万元"],
  ["007.txt", "元"],
  ["001.pdf", "万元"],
] as const) {
  test(`end to end (corpus ${file}): the 类 lines add up to the printed 合计, the 款 to their 类, no warning`, async () => {
    const bytes = new Uint8Array(readFileSync(join(corpusDir, file)));
    const { disclosure: d, document } = await importDisclosure(bytes);
    const got = d.basicByEconomic!;
    assert.ok(got.length > 10);
    const classes = got.filter((l) => l.code.length === 3);
    assert.ok(classes.length >= 3);
    const text = document.lines.map((l) => l.text).join("\n");
    const title = document.lines.find(
      (l) => /一般公共预算基本支出/.test(l.text) && /表\s*$/.test(l.text) && !/、/.test(l.text),
    )!;
    const [total, personnel, publicOperating] = printedTotal(text, title.no, unit);
    const sum = (role: "total" | "personnel" | "publicOperating") =>
      sumFen(classes.map((l) => wanToFen(l[role] ?? 0)));
    assert.equal(sum("total"), total);
    assert.equal(sum("personnel"), personnel);
    assert.equal(sum("publicOperating"), publicOperating);
    for (const c of classes) {
      const items = got.filter((l) => l.code.length === 5 && l.code.startsWith(c.code));
      assert.equal(sumFen(items.map((l) => wanToFen(l.total))), wanToFen(c.total), c.code);
    }
    assert.deepEqual(
      (d.diagnostics ?? []).filter((x) => x.section === "basicByEconomic"),
      [],
    );
    // Every line is cited to a line of the table printing its name.
    for (const [i, l] of got.entries()) {
      const at = d.sourceMap?.[`/basicByEconomic/${i}`];
      assert.ok(at && at.line > title.no, `line ${i} cited after the title`);
      assert.ok(
        at.text?.replace(/\s+/g, "").includes(l.name.slice(0, 2)),
        `${l.code} cited as ${at.text}`,
      );
    }
  });
}

test("end to end: a 按经济分类 table of all spending (corpus 026: 支出总计/基本支出/项目支出) is not read as 基本支出", async () => {
  const { disclosure: d } = await importDisclosure(
    new Uint8Array(readFileSync(join(corpusDir, "026.txt"))),
  );
  assert.equal(d.basicByEconomic, undefined);
  assert.ok(d.diagnostics?.some((x) => x.section === "basicByEconomic" && x.level === "info"));
});

test("end to end: corpus 017 prefers its 一般公共预算 table over the 财政拨款 one above it", async () => {
  const { disclosure: d, document } = await importDisclosure(
    new Uint8Array(readFileSync(join(corpusDir, "017.txt"))),
  );
  const title = document.lines.find((l) => /^\s*一般公共预算基本支出预算表/.test(l.text))!;
  const at = d.sourceMap?.["/basicByEconomic/0"];
  assert.ok(at && at.line > title.no, "cited under the 一般公共预算 title");
  assert.deepEqual(d.basicByEconomic![0], { code: "301", name: "工资福利支出", total: 5469.17 });
});

test("a page printing one of 人员经费/公用经费 (wild P086.pdf, page 2 all 公用经费) leaves both out of its lines, with a warning", async () => {
  const file = join(sharedDir, "wild", "docs", "P086.pdf");
  const { disclosure: d } = await importDisclosure(new Uint8Array(readFileSync(file)), {
    fileName: file,
  });
  const line = (code: string) => d.basicByEconomic!.find((l) => l.code === code);
  // Page 1 prints both columns: its lines keep the split read from them.
  assert.deepEqual(line("30101"), {
    code: "30101",
    name: "基本工资",
    total: 450.8,
    personnel: 450.8,
  });
  // Page 2 prints "302 02 印刷费 20,000 20,000": the one column under both labels is neither.
  assert.deepEqual(line("30202"), { code: "30202", name: "印刷费", total: 2 });
  const note = d.diagnostics!.find((x) => x.section === "basicByEconomic" && x.level === "warning");
  assert.match(note!.message, /30202 印刷费.*只印人员经费、公用经费中的一栏/);
});

test("a side-by-side table whose figure runs into the next half's code (pool P057.pdf: “92,835.98 302”) is reported, not read as 92835.98302", async () => {
  const file = join(sharedDir, "wild", "pool", "P057.pdf");
  const { disclosure: d } = await importDisclosure(new Uint8Array(readFileSync(file)), {
    fileName: file,
  });
  assert.equal(d.basicByEconomic, undefined);
  const note = d.diagnostics!.find((x) => x.section === "basicByEconomic" && x.level === "warning");
  assert.match(note!.message, /左右并排.*未能读取/);
});
