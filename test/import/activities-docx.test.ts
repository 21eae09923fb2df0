/**
 * The activity table of seed 000 typed into a real .docx (with the `docx`
 * package) the way offices lay it out: the 职责 cells merged down over the
 * rows of their activities, the 活动 cells over the rows of their indicators.
 * Read through the .docx reader, it must give the same activities as the
 * seed's Word text export.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from "docx";
import { readSource } from "../../src/import/read.ts";
import { readText } from "../../src/import/readers/text.ts";
import { extractActivities } from "../../src/import/sections/performance/activities.ts";
import { findActivityGrids } from "../../src/import/sections/performance/grid.ts";
import { FORMAT_ID, type Disclosure } from "../../src/model/disclosure.ts";
import type { SourceDocument } from "../../src/import/source-document.ts";

const shared = resolve(
  process.env.GONGKAI_SHARED ?? join(dirname(fileURLToPath(import.meta.url)), "../../../shared"),
);

function activitiesOf(doc: SourceDocument) {
  const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
  extractActivities.run({ doc, disclosure, diagnose() {}, cite() {} });
  return disclosure.performance?.activities;
}

test("seed 000's table as a .docx with merged 职责 and 活动 cells reads back the same", async () => {
  const seed = readText(readFileSync(join(shared, "seeds", "000_f6eb8ece6d8b211d.txt"), "utf8"));
  const grid = findActivityGrids(seed)[0]!;
  const header = [
    "职责名称",
    "职责描述",
    "职责目标",
    "活动名称",
    "活动描述",
    "绩效目标",
    "绩效指标",
    "指标描述",
    "优",
    "良",
    "中",
    "差",
  ];
  assert.equal(grid.roles.length, header.length);
  // Columns 0-2 (the duty) and 3-4 (the activity) merge down while the rows below leave them blank.
  const merged = [0, 1, 2, 3, 4];
  const rows = grid.rows.map(
    (row, r) =>
      new TableRow({
        children: row.cells.map((cell, k) => {
          const blank = !cell.text.trim();
          const group = k <= 2 ? 0 : 3;
          const continues =
            merged.includes(k) && blank && r > 0 && !grid.rows[r]!.cells[group]!.text.trim();
          const starts =
            merged.includes(k) &&
            !blank &&
            grid.rows[r + 1] !== undefined &&
            !grid.rows[r + 1]!.cells[group]!.text.trim();
          return new TableCell({
            children: cell.text.split("\n").map((t) => new Paragraph({ text: t })),
            ...(continues
              ? { verticalMerge: VerticalMergeType.CONTINUE }
              : starts
                ? { verticalMerge: VerticalMergeType.RESTART }
                : {}),
          });
        }),
      }),
  );
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "2020年部门预算信息公开" }),
          new Paragraph({ text: "职责分类绩效目标：" }),
          new Table({
            rows: [
              new TableRow({
                children: header.map(
                  (h) => new TableCell({ children: [new Paragraph({ text: h })] }),
                ),
              }),
              ...rows,
            ],
          }),
          new Paragraph({ text: "二、部门收支预算情况" }),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  const read = await readSource(bytes);
  assert.equal(read.format, "docx");
  assert.deepEqual(activitiesOf(read), activitiesOf(seed));
});
