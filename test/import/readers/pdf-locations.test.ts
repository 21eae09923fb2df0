/**
 * The PDF reader keeps each line's page and its printed line on the page
 * (SourceLine.at), also after a page without text, which is one empty line
 * of the text form and once shifted every later page by a line.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readPdf } from "../../../src/import/readers/pdf.ts";
import { buildPdf } from "./build-pdf.ts";

test("PDF lines keep their page and printed line, after an empty page too", async () => {
  const pdf = buildPdf({
    pages: [
      [
        { x: 72, y: 760, size: 14, text: "部门预算公开" },
        { x: 72, y: 730, size: 12, text: "收入总计一百万元" },
      ],
      [],
      [
        { x: 72, y: 760, size: 12, text: "第三页第一行" },
        { x: 72, y: 600, size: 12, text: "第三页第二行" },
        { x: 300, y: 600, size: 12, text: "同一行右侧" },
      ],
    ],
  });
  const doc = await readPdf(pdf);
  const at = (text: string) => doc.lines.find((l) => l.text.includes(text))?.at;
  assert.deepEqual(at("部门预算公开"), { page: 1, line: 1 });
  assert.deepEqual(at("收入总计"), { page: 1, line: 2 });
  assert.deepEqual(at("第三页第一行"), { page: 3, line: 1 });
  // A gap on the page is not a line; two pieces of text on one baseline are one line.
  assert.deepEqual(at("第三页第二行"), { page: 3, line: 2 });
  assert.deepEqual(at("同一行右侧"), { page: 3, line: 2 });
  assert.ok(doc.lines.filter((l) => !l.text.trim()).every((l) => l.at === undefined));
});

test("PDF lines keep their box on the page, as fractions of the page (for marking a cited line)", async () => {
  // A4 (595 × 842 pt); PDF y grows upwards, the box's from the top.
  const pdf = buildPdf({
    pages: [
      [
        { x: 72, y: 760, size: 14, text: "部门预算公开" },
        { x: 72, y: 600, size: 12, text: "第二行" },
        { x: 300, y: 600, size: 12, text: "同一行右侧" },
        // The reader wants twenty characters or more before it believes a PDF has text.
        { x: 72, y: 500, size: 12, text: "收入总计一百万元，支出总计一百万元。" },
      ],
    ],
  });
  const doc = await readPdf(pdf);
  const box = (text: string) => doc.lines.find((l) => l.text.includes(text))?.box;
  const near = (actual: number | undefined, expected: number) =>
    assert.ok(Math.abs(actual! - expected) < 0.005, `${actual} ≈ ${expected}`);
  const title = box("部门预算公开");
  near(title?.x, 72 / 595);
  near(title?.y, (842 - 760 - 14) / 842);
  near(title?.width, (6 * 14) / 595);
  near(title?.height, (1.25 * 14) / 842);
  // Two pieces on one baseline: one box from the first's start to the second's end.
  const both = box("第二行");
  near(both?.x, 72 / 595);
  near(both?.width, (300 + 5 * 12 - 72) / 595);
  near(both?.y, (842 - 600 - 12) / 842);
});
