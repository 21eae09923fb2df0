/**
 * Findings are located as a reviewer finds them in the original file: a PDF's
 * page and printed line (checked against pdftotext's own reading of that
 * page), a text file's line, a .docx paragraph or table cell and an .xlsx
 * sheet and cell (checked against the file's XML and exceljs), each with the
 * wording printed there; human reports show these places, never pointers.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { runChecks } from "../../src/check/engine.ts";
import { narrativeOf } from "../../src/app/load.ts";
import { placesOf } from "../../src/check/report/labels.ts";
import { toTerminal } from "../../src/check/report/terminal.ts";
import { toHtml } from "../../src/check/report/html.ts";
import { toJson } from "../../src/check/report/json.ts";
import { toXlsx } from "../../src/check/report/xlsx.ts";
import type { CheckReport, Finding, Location } from "../../src/check/types.ts";
import { importDisclosure } from "../../src/import/index.ts";
import { OfficeZip } from "../../src/import/readers/office-zip.ts";
import { renderDocx } from "../../src/render/docx.ts";
import { renderXlsx } from "../../src/render/xlsx.ts";
import { fixture } from "../render/fixture.ts";
import { cli, corpusDir, seedsDir } from "../support/paths.ts";

const squash = (s: string) => s.replace(/\s+/g, "");

async function checked(bytes: Uint8Array, fileName?: string): Promise<CheckReport> {
  const { disclosure, document } = await importDisclosure(bytes, fileName ? { fileName } : {});
  return runChecks({ disclosure, narrative: narrativeOf(document) });
}

/** Every located place of a finding that carries wording. */
function places(f: Finding): Location[] {
  return [f.location, ...(f.places ?? []).map((p) => p.location)].filter(
    (at): at is Location => !!at?.text,
  );
}

/** pdftotext's reading of each page: its non-blank lines, squashed. */
function pdftotextPages(file: string): string[][] {
  const text = execFileSync("pdftotext", ["-layout", file, "-"], {
    maxBuffer: 1 << 28,
    stdio: ["ignore", "pipe", "ignore"],
  }).toString();
  return text.split("\f").map((page) =>
    page
      .split("\n")
      .filter((l) => l.trim())
      .map(squash),
  );
}

test("corpus 001.pdf: TXT-009 is on page 18, line 6, as pdftotext prints the page", async () => {
  const file = join(corpusDir, "001.pdf");
  const report = await checked(new Uint8Array(readFileSync(file)));
  const f = report.findings.find((x) => x.rule === "TXT-009");
  assert.ok(f, "TXT-009 expected on 001.pdf");
  // Verified by hand: `pdftotext -layout -f 18 -l 18` prints the sentence on its sixth line.
  assert.equal(f.location?.page, 18);
  assert.equal(f.location?.line, 6);
  const page = pdftotextPages(file)[17]!;
  assert.ok(page[5]!.includes(squash(f.location!.text!).slice(0, 12)), page[5]);
  assert.match(
    toTerminal(report, "001"),
    /位置：第 18 页第 6 行「2026 年国家信访局财政拨款收支总预算/,
  );
});

for (const name of ["001.pdf", "007.pdf"]) {
  test(`corpus ${name}: every finding's place is on its page and within a line of pdftotext's count`, async () => {
    const file = join(corpusDir, name);
    const report = await checked(new Uint8Array(readFileSync(file)));
    const pages = pdftotextPages(file);
    let n = 0;
    for (const f of report.findings)
      for (const at of places(f)) {
        n++;
        const probe = squash(at.text!).slice(0, 8);
        const lines = pages[at.page! - 1] ?? [];
        const hit = [at.line! - 2, at.line! - 1, at.line!].some((i) => lines[i]?.includes(probe));
        assert.ok(hit, `${f.rule}: 「${at.text}」 not near page ${at.page} line ${at.line}`);
      }
    // A test that checks nothing proves nothing: 001 has findings with places; 007's cited values stand in.
    if (name === "001.pdf") assert.ok(n >= 8, `only ${n} places`);
    const { disclosure } = await importDisclosure(new Uint8Array(readFileSync(file)));
    const refs = Object.values(disclosure.sourceMap ?? {});
    assert.ok(refs.length > 50);
    assert.ok(
      refs.every((r) => r.location?.page && r.location.line),
      "a cited value without page",
    );
    const onPage = refs.filter((r) =>
      (pages[r.location!.page! - 1] ?? []).join("").includes(squash(r.text ?? "").slice(0, 6)),
    ).length;
    assert.ok(onPage / refs.length >= 0.97, `${onPage}/${refs.length} wordings on their page`);
  });
}

test("a text seed: a finding's location is the line of the text that prints its wording", async () => {
  const seed = readdirSync(seedsDir).find((f) => f.startsWith("000_"))!;
  const bytes = new Uint8Array(readFileSync(join(seedsDir, seed)));
  const lines = new TextDecoder().decode(bytes).split(/\r?\n/);
  const report = await checked(bytes);
  const located = report.findings.flatMap(places);
  assert.ok(located.length >= 3, `${located.length} located places`);
  for (const at of located) {
    assert.deepEqual(Object.keys(at).sort(), ["line", "text"]);
    assert.ok(squash(lines[at.line! - 1]!).includes(squash(at.text!).slice(0, 10)), at.text);
  }
});

/** A disclosure whose 支出总表 and 三公 table no longer add up, so that the checker has findings on tables. */
function broken() {
  const d = fixture();
  d.expenditure!.basic = 850.25;
  d.threePublic!.reception = d.threePublic!.reception! + 3;
  return d;
}

/** The body's top-level tables as Word holds them: rows of cells with their grid column and text. */
function wordTables(xml: string): { column: number; text: string }[][][] {
  const body = xml;
  assert.ok(!/<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*<w:tbl>/.test(body), "nested tables");
  const text = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
  return [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => {
      let column = 1;
      return [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
        const cell = { column, text: text(c[1]!).join("") };
        column += Number(/<w:gridSpan w:val="(\d+)"/.exec(c[1]!)?.[1] ?? 1);
        return cell;
      });
    }),
  );
}

/** The body's non-empty paragraphs outside tables, in order. */
function wordParagraphs(xml: string): string[] {
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return [...outside.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)]
    .map((p) => [...p[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((t) => t.trim());
}

test("a rendered .docx: findings name the table cell or paragraph that prints their wording", async () => {
  const bytes = await renderDocx(broken());
  const report = await checked(bytes);
  const xml = new OfficeZip(bytes).readXml("word/document.xml");
  const tables = wordTables(xml);
  const paragraphs = wordParagraphs(xml);
  const total = report.findings.find((f) => f.rule === "ARI-002");
  assert.ok(total?.location?.table, "ARI-002 in a table cell");
  let cells = 0;
  let paras = 0;
  for (const at of report.findings.flatMap(places)) {
    if (at.table) {
      const row = tables[at.table - 1]?.[at.row! - 1] ?? [];
      const cell = row.find((c) => c.column === at.column);
      assert.ok(squash(cell?.text ?? "").includes(squash(at.text!)), JSON.stringify(at));
      cells++;
    } else {
      assert.ok(at.paragraph, JSON.stringify(at));
      assert.ok(squash(paragraphs[at.paragraph - 1]!).includes(squash(at.text!)), at.text);
      paras++;
    }
  }
  assert.ok(cells >= 5 && paras >= 1, `${cells} cells, ${paras} paragraphs`);
  assert.match(toTerminal(report, "docx"), /位置：表 \d+ 第 \d+ 行第 \d+ 列「1180.50」/);
});

test("a rendered .xlsx: findings name the sheet and the cell that holds their wording", async () => {
  const bytes = await renderXlsx(broken());
  const report = await checked(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  // The broken 基本支出: ARI-002, or the importer's 核对 note when it left the doubtful figures out.
  const f = report.findings.find(
    (x) => x.rule === "ARI-002" || (x.rule === "CMP-017" && x.message.includes("基本支出")),
  );
  assert.equal(f?.location?.sheet, "3.部门支出总表");
  let cells = 0;
  for (const at of report.findings.flatMap(places)) {
    const sheet = wb.getWorksheet(at.sheet!);
    assert.ok(sheet, `no sheet ${at.sheet}`);
    if (!at.cell) continue; // wording printed in several cells of the row ("0"): the row only
    assert.equal(String(sheet.getCell(at.cell).value), at.text, `${at.sheet}!${at.cell}`);
    assert.equal(Number(/\d+$/.exec(at.cell)![0]), at.row);
    cells++;
  }
  // Fewer since the importer leaves a broken sum's doubtful figures out (its 核对 note names the row).
  assert.ok(cells >= 1, `${cells} cells`);
  assert.match(toTerminal(report, "xlsx"), /位置：工作表「3\.部门支出总表」/);
});

test("human reports show places and wording, never JSON Pointers; JSON keeps the pointers", async () => {
  const report = await checked(new Uint8Array(readFileSync(join(corpusDir, "001.pdf"))));
  const pointer = /\/(?:income|expenditure|threePublic|performance|basicByEconomic)\b/;
  const terminal = toTerminal(report, "001");
  const html = toHtml(report, "001");
  assert.doesNotMatch(terminal, pointer);
  assert.doesNotMatch(html, pointer);
  assert.match(html, /第 30 页第 7 行「2,134.87」/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsx(report, "001")) as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet("问题清单")!;
  const cells: string[] = [];
  sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
  assert.ok(!cells.some((c) => pointer.test(c)), "a pointer in the workbook");
  assert.ok(cells.includes("原文位置"));
  assert.ok(cells.some((c) => c.includes("第 18 页第 6 行")));
  const json = JSON.parse(toJson(report));
  assert.ok(json.findings.every((f: Finding) => f.path?.startsWith("/")));
  assert.ok(json.findings.some((f: Finding) => f.location?.page === 30));
  for (const f of report.findings) assert.ok(placesOf(f).length >= 1, f.rule);
});

test("extract's warnings name parts in Chinese and PDF places by page and line", async () => {
  const run = (file: string) =>
    spawnSync(cli, ["extract", file], { encoding: "utf8", maxBuffer: 1 << 28 }).stderr;
  const seed = readdirSync(seedsDir).find((f) => f.startsWith("004_"))!;
  const text = run(join(seedsDir, seed));
  assert.match(text, /（“三公”经费）/);
  assert.match(text, /（一般公共预算基本支出表）/);
  // No JSON names (threePublic, basicByEconomic …) anywhere in the Chinese warnings.
  assert.doesNotMatch(text, /[a-z]+[A-Z][a-z]+/);
  const pdf = run(join(corpusDir, "001.pdf"));
  assert.match(pdf, /（其他需要说明的事项，第 \d+ 页第 \d+ 行）/);
  assert.doesNotMatch(pdf, /[a-z]+[A-Z][a-z]+/);
});
