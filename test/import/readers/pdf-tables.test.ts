/**
 * Tables whose borders a PDF draws: a cell's wrapped lines come back as one
 * text, each row as one line, and the line carries the row's exact cells
 * (empty ones, spans, the lower parts of vertical merges). The PDFs are
 * printed by Chromium from HTML, as the renderer prints them, and one real
 * corpus PDF (Word's borders) is read the same way.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { readPdf } from "../../../src/import/readers/pdf.ts";
import { Grid, segmentsOf, type PathItem } from "../../../src/import/readers/pdf-rules.ts";
import { PdfPrinter } from "../../../src/render/index.ts";
import { corpusDir } from "../../support/paths.ts";

let opened: Promise<PdfPrinter> | undefined;
const printer = () => (opened ??= PdfPrinter.open());
after(async () => (await opened)?.close());

const page = (
  body: string,
) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  body { font-family: "Noto Serif CJK SC", serif; font-size: 11pt; }
  table { border-collapse: collapse; width: 100%; }
  td, th { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; }
</style></head><body>${body}</body></html>`;

const TABLE = `<p>表一 职责活动绩效目标</p>
<table>
  <tr><th rowspan="2">活动</th><th rowspan="2">绩效指标</th><th colspan="2">评价标准</th></tr>
  <tr><th>优</th><th>良</th></tr>
  <tr><td rowspan="2">信访业务办理（办理人民群众来信、来访、网上信访，协助处理群众进京上访）</td><td>信访事项按期结案率</td><td>≥80%</td><td>≥75%</td></tr>
  <tr><td>非正常信访事项受理及时率</td><td></td><td>≥90%</td></tr>
  <tr><td>合计</td><td colspan="3">四项指标，按年度考核，结果在下一年度的部门预算中公开说明</td></tr>
</table>
<p>以上目标按年度考核。</p>`;

test("a drawn table reads a row a line, wrapped cells whole, with the row's exact cells", async () => {
  const doc = await readPdf(await (await printer()).print(page(TABLE)));
  const rows = doc.lines.filter((l) => l.drawnRow);
  assert.equal(rows.length, 5, rows.map((l) => l.text).join("\n"));
  // The wrapped activity is one cell, on the row where it starts, beside its first indicator.
  const activity = rows[2]!;
  assert.match(
    activity.text,
    /信访业务办理（办理人民群众来信、来访、网上信访，协助处理群众进京上访）\s{2,}信访事项按期结案率\s{2,}≥80%\s{2,}≥75%/,
  );
  assert.deepEqual(
    activity.drawnRow!.cells.map((c) => c.text),
    [
      "信访业务办理（办理人民群众来信、来访、网上信访，协助处理群众进京上访）",
      "信访事项按期结案率",
      "≥80%",
      "≥75%",
    ],
  );
  // The next row: the merged activity continues, the 优 cell is empty and kept.
  // (Each cell with text also names the printed line it starts on: checked in pdf-locations.)
  const shape = ({
    text,
    span,
    continued,
  }: {
    text: string;
    span: number;
    continued: boolean;
  }) => ({
    text,
    span,
    continued,
  });
  assert.deepEqual(rows[3]!.drawnRow!.cells.map(shape), [
    { text: "", span: 1, continued: true },
    { text: "非正常信访事项受理及时率", span: 1, continued: false },
    { text: "", span: 1, continued: false },
    { text: "≥90%", span: 1, continued: false },
  ]);
  // Header: 评价标准 spans two columns; the second header row continues the two merged headers.
  assert.deepEqual(
    rows[0]!.drawnRow!.cells.map((c) => [c.text, c.span]),
    [
      ["活动", 1],
      ["绩效指标", 1],
      ["评价标准", 2],
    ],
  );
  assert.deepEqual(
    rows[1]!.drawnRow!.cells.map((c) => c.continued),
    [true, true, false, false],
  );
  assert.equal(
    rows[4]!.drawnRow!.cells[1]!.text,
    "四项指标，按年度考核，结果在下一年度的部门预算中公开说明",
  );
  assert.equal(new Set(rows.map((l) => l.drawnRow!.table)).size, 1, "one table");
  // Text outside the table stays as lines of its own.
  assert.ok(doc.lines.some((l) => !l.drawnRow && l.text.trim() === "表一 职责活动绩效目标"));
  assert.ok(doc.lines.some((l) => !l.drawnRow && l.text.trim() === "以上目标按年度考核。"));
});

test("a table carried over a page break keeps its number; a box around a paragraph is not a table", async () => {
  const many = Array.from(
    { length: 70 },
    (_, i) => `<tr><td>项目${i + 1}</td><td>${(i + 1) * 10}.00</td></tr>`,
  ).join("");
  const html = `<div style="border:1pt solid #000;padding:4pt;margin-bottom:12pt">说明：本表为示例，金额单位为万元，框内文字不是表格。</div><table>${many}</table>`;
  const doc = await readPdf(await (await printer()).print(page(html)));
  const rows = doc.lines.filter((l) => l.drawnRow);
  assert.equal(rows.length, 70);
  assert.ok(new Set(rows.map((l) => l.page)).size >= 2, "the table runs over two pages");
  assert.equal(
    new Set(rows.map((l) => l.drawnRow!.table)).size,
    1,
    "one table across the page break",
  );
  assert.deepEqual(
    rows[69]!.drawnRow!.cells.map((c) => c.text),
    ["项目70", "700.00"],
  );
  const box = doc.lines.find((l) => l.text.includes("说明："));
  assert.ok(box && !box.drawnRow, "the framed paragraph is a line of text");
});

test("thin filled rectangles and stroked lines are rules; shaded areas are not", () => {
  const paths: PathItem[] = [
    { type: "gongkaiPath", paint: "fill", subpaths: [[0, 0, 100, 0, 100, 0.7, 0, 0.7, 0, 0]] },
    { type: "gongkaiPath", paint: "stroke", subpaths: [[0, 50, 100, 50]] },
    { type: "gongkaiPath", paint: "fill", subpaths: [[0, 0, 40, 0, 40, 50, 0, 50, 0, 0]] },
  ];
  const segs = segmentsOf(paths, [1, 0, 0, 1, 0, 0]);
  assert.equal(segs.length, 2);
  assert.ok(segs.every((s) => Math.abs(s.y0 - s.y1) < 0.01 && s.x1 - s.x0 === 100));
  assert.ok(new Grid(segs).empty, "two horizontal rules alone make no cell");
});

test("a corpus PDF with Word's borders: its tables come as drawn rows, wrapped cells joined", {
  skip: !existsSync(join(corpusDir, "036.pdf")) && "corpus not found",
}, async () => {
  const doc = await readPdf(new Uint8Array(readFileSync(join(corpusDir, "036.pdf"))));
  const rows = doc.lines.filter((l) => l.drawnRow);
  assert.ok(rows.length > 200, `${rows.length} drawn rows`);
  // 表10's project descriptions wrap over three to five lines in the PDF; each is one cell here.
  const row = rows.find((l) => l.text.includes("新时代文明实践中心建设"));
  assert.ok(row, "the project row is found");
  assert.match(
    row.drawnRow!.cells.map((c) => c.text).join("|"),
    /新时代文明实践中心建设\|500,000\.00\|深入贯彻落实习近平总书记关于精神文明建设的重要论述.*试点工作/,
  );
});
