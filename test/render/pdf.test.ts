/**
 * The PDF, printed by headless Chromium from the HTML: its text layer must
 * carry the headings and numbers (read with pdftotext, as a checker would),
 * its pages must be A4, and a page rendered to an image must not be blank.
 * One browser serves the whole file.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { renderHtml } from "../../src/render/html.ts";
import { PdfPrinter } from "../../src/render/pdf.ts";
import { fixture } from "./fixture.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "gongkai-pdf-"));
let printer: PdfPrinter;
let pdfPath: string;
let text: string;

before(async () => {
  printer = await PdfPrinter.open();
  pdfPath = join(dir, "disclosure.pdf");
  writeFileSync(pdfPath, await printer.render(fixture()));
  text = (await run("pdftotext", ["-layout", pdfPath, "-"], { maxBuffer: 64 << 20 })).stdout;
});

after(async () => {
  await printer?.close();
  rmSync(dir, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, "");

test("the PDF's text layer carries the headings, the tables and the generated sentences", () => {
  const t = squash(text);
  for (const s of [
    "2023年部门预算公开",
    "目录",
    "第二部分部门预算情况说明",
    "一、收支预算总体情况",
    "2023年收入预算总计1234.567891万元",
    "比2022年预算数13.70万元减少1.20万元，下降8.76%",
    "部门收支总表",
    "单位：万元",
    "1234.567891",
    "2010401",
    "公务用车购置及运行费",
    "发展规划编制经费绩效目标表",
    "第1页/共",
  ]) {
    assert.ok(t.includes(squash(s)), `PDF text lacks ${s}`);
  }
});

test("pages are A4, portrait for text and landscape for wide tables", async () => {
  const { stdout } = await run("pdfinfo", ["-f", "1", "-l", "999", pdfPath]);
  const sizes = [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  assert.ok(sizes.length >= 10, `${sizes.length} pages`);
  assert.ok(
    sizes.some(([w, h]) => w === 595 && h === 842),
    "A4 portrait pages",
  );
  assert.ok(
    sizes.some(([w, h]) => w === 842 && h === 595),
    "A4 landscape pages for wide tables",
  );
  assert.ok(
    sizes.every(([w, h]) => (w === 595 && h === 842) || (w === 842 && h === 595)),
    "every page A4",
  );
});

test("a rendered page is not blank: the 三公 table page has ink where the table is", async () => {
  const lines = text.split("\f");
  const page = lines.findIndex((p) => squash(p).includes("9．财政拨款“三公”经费支出表")) + 1;
  assert.ok(page > 0);
  // PNG, as a reader of the docs sees it, and a greyscale PGM to count the ink.
  await run("pdftoppm", [
    "-png",
    "-r",
    "50",
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdfPath,
    join(dir, "page"),
  ]);
  assert.ok(statSync(join(dir, "page.png")).size > 5000, "PNG written");
  await run("pdftoppm", [
    "-gray",
    "-r",
    "50",
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdfPath,
    join(dir, "page"),
  ]);
  const pgm = readFileSync(join(dir, "page.pgm"));
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString("latin1"))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  assert.equal(pixels.length, width * height);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  const share = dark / pixels.length;
  assert.ok(share > 0.005 && share < 0.5, `dark share ${share.toFixed(4)}: blank or black page`);
  // The ink is spread over the page's upper part (title, header, rows), not one speck.
  const rowsWithInk = Array.from({ length: height }, (_, y) =>
    pixels.subarray(y * width, (y + 1) * width).some((p) => p < 128),
  ).filter(Boolean).length;
  assert.ok(rowsWithInk > height * 0.1, `${rowsWithInk} of ${height} pixel rows have ink`);
});

test("the HTML the PDF is printed from is one self-contained page", () => {
  const html = renderHtml(fixture());
  assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
  assert.ok(!/<script|<link|src="http/.test(html), "no external resources or scripts");
  assert.match(html, /@page \{ size: A4 portrait/);
  assert.match(html, /<th colspan="3">公务用车购置及运行费<\/th>/);
  assert.match(html, /<th rowspan="2">因公出国（境）费<\/th>/);
});

test("one printer prints documents asked for at once, each whole, with its own title in the page footer", async () => {
  const a = fixture();
  // A name with quotes and markup must stay text in the CSS footer, not end the style sheet.
  const b = { ...fixture(), department: { name: '示范"区"</style>统计局', code: "304" } };
  const [pa, pb] = await Promise.all([printer.render(a), printer.render(b)]);
  const footers: string[] = [];
  for (const [name, pdf] of [
    ["a", pa],
    ["b", pb],
  ] as const) {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, pdf);
    const pages = (await run("pdftotext", ["-layout", path, "-"], { maxBuffer: 64 << 20 })).stdout
      .split("\f")
      .filter((p) => p.trim());
    const last = squash(pages.at(-1)!);
    assert.ok(
      last.includes(`第${pages.length}页/共${pages.length}页`),
      `${name}: last page footer numbers its page of ${pages.length}`,
    );
    footers.push(last);
  }
  assert.ok(
    footers[0]!.includes("示范市高新区发展和改革局2023年部门预算第"),
    "the footer carries the document's title",
  );
  assert.ok(
    footers[1]!.includes('示范"区"</style>统计局2023年部门预算第'),
    "a title with quotes and markup prints as written",
  );
});
