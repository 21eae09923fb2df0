/**
 * The .xlsx and .docx are checked as a person would: LibreOffice (Debian's
 * package) must open and print them, and the printed text must carry the
 * standard headings and the disclosure's numbers. The workbook's layout
 * (merges, A4 setup, repeated header rows) is read back with exceljs.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { buildDocument } from "../../src/render/document.ts";
import { renderDocx } from "../../src/render/docx.ts";
import { renderXlsx } from "../../src/render/xlsx.ts";
import { fixture, sparseFixture } from "./fixture.ts";
import { tocProblems } from "./toc-pages.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "gongkai-office-"));
const printed: Record<string, string> = {};

/** soffice → PDF → pdftotext; each conversion with its own profile so parallel runs never share one. */
async function printWithLibreOffice(file: string, profile: string): Promise<string> {
  const outDir = join(dir, `out-${profile}`);
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${join(dir, `lo-${profile}`)}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      file,
    ],
    { timeout: 180_000 },
  );
  const pdf = join(
    outDir,
    file
      .split("/")
      .pop()!
      .replace(/\.[^.]+$/, ".pdf"),
  );
  assert.ok(existsSync(pdf), `LibreOffice could not print ${file}`);
  const { stdout } = await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 64 << 20 });
  return stdout;
}

before(async () => {
  writeFileSync(join(dir, "tables.xlsx"), await renderXlsx(fixture()));
  writeFileSync(join(dir, "document.docx"), await renderDocx(fixture()));
  writeFileSync(join(dir, "empty-tables.xlsx"), await renderXlsx(sparseFixture()));
  const [x, d, e] = await Promise.all([
    printWithLibreOffice(join(dir, "tables.xlsx"), "1"),
    printWithLibreOffice(join(dir, "document.docx"), "2"),
    printWithLibreOffice(join(dir, "empty-tables.xlsx"), "3"),
  ]);
  printed.xlsx = x;
  printed.docx = d;
  printed.empty = e;
});

after(() => rmSync(dir, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, "");

test("LibreOffice prints the workbook: nine tables with titles, units and amounts", () => {
  const text = squash(printed.xlsx!);
  for (const title of [
    "部门收支总表",
    "部门收入总表",
    "部门支出总表",
    "财政拨款收支总表",
    "一般公共预算支出表",
    "一般公共预算基本支出表",
    "政府性基金预算支出表",
    "国有资本经营预算支出表",
    "财政拨款“三公”经费支出表",
  ]) {
    assert.ok(text.includes(title), `printed workbook lacks ${title}`);
  }
  for (const s of [
    "单位：万元",
    "收入总计",
    "1,234.567891",
    "2010401",
    "行政运行",
    "30101",
    "基本工资",
    "公务用车运行费",
    "8.30",
  ]) {
    assert.ok(text.includes(s), `printed workbook lacks ${s}`);
  }
});

test("LibreOffice prints empty tables with their explanation", () => {
  const text = squash(printed.empty!);
  assert.ok(text.includes("本部门无政府性基金预算财政拨款收支，此表为空表。"));
  assert.ok(text.includes("本部门无国有资本经营预算财政拨款收支，此表为空表。"));
});

test("LibreOffice prints the Word document: outline, narrative, performance tables", () => {
  const text = squash(printed.docx!);
  for (const s of [
    "示范市高新区发展和改革局",
    "2023年部门预算公开",
    "第一部分部门概况",
    "三、财政拨款“三公”经费预算情况及增减变化原因",
    "比2022年预算数1200.00万元减少19.50万元，下降1.63%",
    "发展规划编制经费绩效目标表",
    "编制规划数量",
    "部门职责—工作活动绩效目标",
    "1．财政拨款收入：指区财政当年拨付的资金。",
    "9．财政拨款“三公”经费支出表",
  ]) {
    assert.ok(text.includes(squash(s)), `printed document lacks ${s}`);
  }
});

test("the Word document's contents carry the pages LibreOffice prints the headings on", () => {
  const toc = buildDocument(fixture()).blocks.find((b) => b.kind === "toc");
  const entries = toc?.kind === "toc" ? toc.entries.map((e) => e.text) : [];
  assert.ok(entries.length > 10);
  assert.deepEqual(tocProblems(printed.docx!, entries), []);
});

test("workbook layout: merged multi-level headers, A4, header rows repeated", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(dir, "tables.xlsx")) as unknown as ArrayBuffer);
  // A cover sheet names the department, the year and 预算/决算 (issue 10: a workbook reads back with them).
  assert.equal(wb.worksheets.length, 10);
  assert.equal(wb.worksheets[0]!.getCell(1, 1).value, "示范市高新区发展和改革局2023年部门预算");
  const three = wb.worksheets[9]!;
  assert.equal(
    three.getCell(1, 1).value,
    "9．示范市高新区发展和改革局2023年财政拨款“三公”经费支出表",
  );
  assert.ok(three.getCell(1, 7).isMerged, "title spans the table");
  assert.equal(three.pageSetup.paperSize, 9);
  assert.equal(three.pageSetup.orientation, "landscape");
  assert.equal(three.pageSetup.printTitlesRow, "3:4");
  // 公务用车购置及运行费 spans three columns over 小计 / 购置费 / 运行费.
  assert.equal(three.getCell(3, 4).value, "公务用车购置及运行费");
  assert.equal(three.getCell(3, 6).master.address, three.getCell(3, 4).address);
  assert.equal(three.getCell(4, 6).value, "公务用车运行费");
  // Amounts are numbers, exact to the 分, not text.
  const first = wb.worksheets[1]!;
  const totals: number[] = [];
  first.eachRow((row) => row.eachCell((c) => typeof c.value === "number" && totals.push(c.value)));
  assert.ok(totals.includes(1234.567891));
});
