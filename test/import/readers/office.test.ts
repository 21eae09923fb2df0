/**
 * .docx, .xlsx and legacy .xls built from the real seed texts import to the
 * same disclosure as the texts themselves; merged cells read as printed
 * (text once, in the first position); the reader goes by content.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalMergeType,
} from "docx";
import ExcelJS from "exceljs";
import { importDisclosure } from "../../../src/import/index.ts";
import { readSource } from "../../../src/import/read.ts";
import { detectLayout } from "../../../src/import/readers/text.ts";
import type { TableBlock } from "../../../src/import/source-document.ts";
import { seedsDir } from "../../support/paths.ts";
import { buildDocx, buildXlsx, parseWordExport } from "./build-office.ts";

/** The disclosure without what depends on the file's bytes and line numbering. */
function comparable(d: object): object {
  const {
    source: _s,
    sourceMap: _m,
    ...rest
  } = d as {
    source?: unknown;
    sourceMap?: unknown;
    diagnostics?: { line?: number; message: string }[];
  };
  const diagnostics = (rest as { diagnostics?: { line?: number; message: string }[] }).diagnostics;
  if (diagnostics) {
    (rest as { diagnostics?: unknown }).diagnostics = diagnostics.map(
      ({
        line: _l,
        location: _at,
        ...x
      }: {
        line?: number;
        location?: unknown;
        message: string;
      }) => ({
        ...x,
        // Where a line is differs by format (第 12 行, 第 60 段, 表 1 第 3 行第 1 列, a sheet's row): one place.
        message: x.message.replace(
          /工作表「[^」]*」(?:[A-Z]+\d+|第 \d+ 行)|表 \d+(?: 第 \d+ 行)?(?:第 \d+ 列)?|第 \d+ 段|第\s*\d+\s*行/g,
          "第N行",
        ),
      }),
    );
  }
  return rest;
}

const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .sort();

for (const seed of seeds) {
  const text = readFileSync(join(seedsDir, seed), "utf8");
  const kind = detectLayout(text.split("\n")) === "cells" ? "docx" : "xlsx";
  test(`${seed} as a .${kind} imports to the same disclosure as its text`, async () => {
    const fromText = (await importDisclosure(Buffer.from(text))).disclosure;
    const file =
      kind === "docx" ? await buildDocx(parseWordExport(text)) : await buildXlsx(text, "Sheet1");
    const { disclosure, document } = await importDisclosure(file);
    assert.equal(document.format, kind);
    assert.equal(disclosure.source?.format, kind);
    assert.ok(Object.keys(disclosure).length > 5, "the disclosure has content");
    assert.deepEqual(comparable(disclosure), comparable(fromText));
    // Every value read from the file is placed where a reviewer finds it: a paragraph or cell, a sheet's row.
    const refs = Object.values(disclosure.sourceMap ?? {});
    assert.ok(refs.length > 10);
    for (const { location: at } of refs)
      if (kind === "docx") assert.ok(at?.paragraph || (at?.table && at.row && at.column));
      else assert.ok(at?.sheet === "Sheet1" && at.row);
  });
}

const cells = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text));

test(".docx merged cells (gridSpan, vMerge) read as printed: text once, in the first position", async () => {
  const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
    new TableCell({
      children: [new Paragraph({ text, alignment: AlignmentType.CENTER })],
      ...extra,
    });
  const table = new Table({
    rows: [
      new TableRow({
        children: [cell("项目", { rowSpan: 2 }), cell("本年预算", { columnSpan: 2 })],
      }),
      new TableRow({ children: [cell("基本支出"), cell("项目支出")] }),
      new TableRow({
        children: [
          cell("教育支出", { verticalMerge: VerticalMergeType.RESTART }),
          cell("52.61"),
          cell("10.00"),
        ],
      }),
      new TableRow({
        children: [
          cell("", { verticalMerge: VerticalMergeType.CONTINUE }),
          cell("1.00"),
          cell("2.00"),
        ],
      }),
    ],
  });
  const file = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "某局2026年部门预算支出表" }),
          table,
          new Paragraph({ text: "单位：万元" }),
        ],
      },
    ],
  });
  const doc = await readSource(new Uint8Array(await Packer.toBuffer(file)));
  assert.equal(doc.layout, "cells");
  const t = doc.blocks.find((b): b is TableBlock => b.kind === "table")!;
  assert.deepEqual(cells(t), [
    ["项目", "本年预算"],
    ["", "基本支出", "项目支出"],
    ["教育支出", "52.61", "10.00"],
    ["", "1.00", "2.00"],
  ]);
  assert.equal(t.rows[0]!.cells[1]!.span, 2);
  assert.equal(t.rows[0]!.cells[0]!.span, undefined);
  assert.deepEqual(
    doc.blocks.filter((b) => b.kind === "text").map((b) => (b as { text: string }).text),
    ["某局2026年部门预算支出表", "单位：万元"],
  );
});

test(".xlsx merged ranges read as printed, numbers without binary noise, one line per row", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("收支总表");
  sheet.getCell("A1").value = "某局2026年部门收支总表";
  sheet.mergeCells("A1:D1");
  sheet.getCell("A3").value = "收入";
  sheet.mergeCells("A3:B3");
  sheet.getCell("C3").value = "支出";
  sheet.mergeCells("C3:D3");
  sheet.addRow(["项目", "预算数", "项目", "预算数"]);
  sheet.addRow([
    "一般公共预算拨款收入",
    52.606911,
    "教育支出",
    { formula: "B5", result: 0.1 + 0.2 },
  ]);
  const second = workbook.addWorksheet("支出总表");
  second.addRow(["合计", 1234567.891]);
  const doc = await readSource(new Uint8Array(await workbook.xlsx.writeBuffer()));
  assert.equal(doc.format, "xlsx");
  assert.equal(doc.layout, "tabs");
  const lines = doc.lines.map((l) => l.text);
  assert.deepEqual(lines.slice(0, 6), [
    "某局2026年部门收支总表",
    "",
    "收入\t\t支出",
    "项目\t预算数\t项目\t预算数",
    "一般公共预算拨款收入\t52.606911\t教育支出\t0.3",
    "",
  ]);
  assert.deepEqual(lines.slice(6, 9), ["支出总表", "", "合计\t1234567.891"]);
});

test("a legacy .xls (converted by LibreOffice) imports like the workbook it came from", async () => {
  // LibreOffice is part of the set-up (scripts/setup.sh): without it this test fails, never skips.
  assert.ok(hasSoffice(), "soffice (LibreOffice) is not installed: run scripts/setup.sh");
  const seed = seeds.find(
    (s) => detectLayout(readFileSync(join(seedsDir, s), "utf8").split("\n")) === "tabs",
  )!;
  const text = readFileSync(join(seedsDir, seed), "utf8");
  const dir = mkdtempSync(join(tmpdir(), "gongkai-xls-"));
  writeFileSync(join(dir, "seed.xlsx"), await buildXlsx(text));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "xls",
      "--outdir",
      dir,
      join(dir, "seed.xlsx"),
    ],
    {
      timeout: 120_000,
      stdio: "ignore",
    },
  );
  const xls = readFileSync(join(dir, "seed.xls"));
  assert.deepEqual([...xls.subarray(0, 4)], [0xd0, 0xcf, 0x11, 0xe0], "an OLE file");
  const { disclosure, document } = await importDisclosure(xls);
  assert.equal(document.format, "xls");
  assert.deepEqual(
    comparable(disclosure),
    comparable((await importDisclosure(Buffer.from(text))).disclosure),
  );
});

function hasSoffice(): boolean {
  return spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 }).status === 0;
}

test("Word's automatic numbering (一、 （一） 1.) is printed before the paragraph, and counts on across lists", async () => {
  const file = new Document({
    numbering: {
      config: [
        {
          reference: "parts",
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、" },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）" },
            { level: 2, format: LevelFormat.DECIMAL, text: "%3." },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "部门职责", numbering: { reference: "parts", level: 0 } }),
          new Paragraph({ text: "主要职责", numbering: { reference: "parts", level: 1 } }),
          new Paragraph({ text: "机构设置", numbering: { reference: "parts", level: 1 } }),
          new Paragraph({ text: "本级", numbering: { reference: "parts", level: 2 } }),
          new Paragraph({ text: "不编号的段落" }),
          new Paragraph({ text: "收支预算", numbering: { reference: "parts", level: 0 } }),
          new Paragraph({ text: "收入预算", numbering: { reference: "parts", level: 1 } }),
        ],
      },
    ],
  });
  const doc = await readSource(new Uint8Array(await Packer.toBuffer(file)));
  assert.deepEqual(
    doc.blocks.map((b) => (b as { text: string }).text),
    [
      "一、部门职责",
      "（一）主要职责",
      "（二）机构设置",
      "1.本级",
      "不编号的段落",
      "二、收支预算",
      "（一）收入预算",
    ],
  );
});
