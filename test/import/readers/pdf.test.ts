/**
 * The PDF reader: Chinese text in a non-embedded font (needs pdf.js's CMaps),
 * rotated pages, and the real corpus PDFs, whose text must split into the
 * same cells as `pdftotext -layout` gives for them (the corpus .txt files).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importDisclosure } from "../../../src/import/index.ts";
import { pdfToText } from "../../../src/import/readers/pdf.ts";
import { readText } from "../../../src/import/readers/text.ts";
import { squash } from "../../../src/import/source-document.ts";
import { corpusDir } from "../../support/paths.ts";
import { buildPdf, type PdfText } from "./build-pdf.ts";

const page: PdfText[] = [
  { x: 72, y: 760, size: 16, text: "某某局2026年部门预算公开" },
  { x: 72, y: 720, size: 10, text: "项目" },
  { x: 300, y: 720, size: 10, text: "预算数" },
  { x: 72, y: 700, size: 10, text: "一般公共预算拨款收入" },
  { x: 300, y: 700, size: 10, text: "52.61" },
  { x: 72, y: 680, size: 10, text: "政府性基金" },
  { x: 123, y: 680, size: 10, text: "预算拨款收入" },
  { x: 300, y: 680, size: 10, text: "0.00" },
];

test("Chinese in a non-embedded font (STSong-Light, UniGB-UCS2-H) is read, in lines and columns, page by page", async () => {
  const { text, pages } = await pdfToText(buildPdf({ pages: [page, page] }));
  assert.equal(pages, 2);
  const lines = text.split("\f")[0]!.split("\n").filter(Boolean);
  assert.equal(lines[0], "某某局2026年部门预算公开");
  // Cells apart by two or more spaces, at the same column on every row; touching pieces joined.
  assert.match(lines[1]!, /^项目 {2,}预算数$/);
  assert.match(lines[2]!, /^一般公共预算拨款收入 {2,}52\.61$/);
  assert.match(lines[3]!, /^政府性基金预算拨款收入 {2,}0\.00$/);
  assert.equal(lines[1]!.indexOf("预算数"), lines[2]!.indexOf("52.61"));
  assert.equal(text.split("\f").length, 3, "a form feed ends each page");
});

test("pages turned by /Rotate read the same as upright ones", async () => {
  const upright = (await pdfToText(buildPdf({ pages: [page] }))).text;
  for (const rotate of [90, 180, 270] as const) {
    assert.equal(
      (await pdfToText(buildPdf({ pages: [page], rotate }))).text,
      upright,
      `rotate ${rotate}`,
    );
  }
});

/** Every cell and paragraph of a text, squashed, as a multiset. */
function cellBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const b of readText(text).blocks) {
    for (const t of b.kind === "text"
      ? [b.text]
      : b.rows.flatMap((r) => r.cells.map((c) => c.text))) {
      const k = squash(t);
      if (k) bag.set(k, (bag.get(k) ?? 0) + 1);
    }
  }
  return bag;
}

const corpus = existsSync(corpusDir)
  ? ["001", "012", "031", "036"].filter((n) => existsSync(join(corpusDir, `${n}.pdf`)))
  : [];

test("corpus PDFs: every cell pdftotext -layout prints is in one of ours, wrapped cells joined", {
  skip: corpus.length === 0 && "corpus not found",
}, async () => {
  for (const n of corpus) {
    const { text } = await pdfToText(new Uint8Array(readFileSync(join(corpusDir, `${n}.pdf`))));
    const mine = cellBag(text);
    const ref = cellBag(readFileSync(join(corpusDir, `${n}.txt`), "utf8"));
    // Our cells, one string: a pdftotext cell is found whole in one of ours (a wrapped cell's line in the joined cell).
    const ours = "|" + [...mine.keys()].join("|") + "|";
    let hits = 0;
    let total = 0;
    let exact = 0;
    for (const [k, c] of ref) {
      total += c;
      if (ours.includes(k)) hits += c;
      exact += Math.min(c, mine.get(k) ?? 0);
    }
    // Where they differ, pdftotext has mostly run two cells together ("0.00一、人员经费"), which we keep apart.
    assert.ok(
      hits / total > 0.94,
      `${n}: ${((100 * hits) / total).toFixed(1)}% of pdftotext's cells found`,
    );
    // Most cells do not wrap: they are the same; the rest are pdftotext's lines of one cell, joined.
    assert.ok(
      exact / total > 0.55,
      `${n}: ${((100 * exact) / total).toFixed(1)}% of pdftotext's cells are ours exactly`,
    );
    assert.ok(exact < total, `${n}: no wrapped cell was joined`);
  }
});

test("a corpus PDF imports to the same department, year and kind as its text", {
  skip: corpus.length === 0 && "corpus not found",
}, async () => {
  const n = corpus[0]!;
  const fromPdf = (
    await importDisclosure(new Uint8Array(readFileSync(join(corpusDir, `${n}.pdf`))))
  ).disclosure;
  const fromText = (await importDisclosure(readFileSync(join(corpusDir, `${n}.txt`)))).disclosure;
  assert.equal(fromPdf.source?.format, "pdf");
  assert.ok(fromPdf.department?.name, "a department was found");
  assert.deepEqual(
    [fromPdf.department, fromPdf.year, fromPdf.kind],
    [fromText.department, fromText.year, fromText.kind],
  );
});
