/**
 * The batch engine on real documents: every seed, every corpus text and a
 * corpus PDF, plus files made broken on purpose. Each file's result must be
 * what the single-file path (loadCheckInput + runChecks, importDisclosure)
 * gives; the combined reports must open and hold every row; a hang, a crash
 * and a bad file each fail alone.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import { corpusDir, seedsDir } from "../support/paths.ts";
import { checkDisclosure, loadDisclosure } from "../../src/app/index.ts";
import { placesOf } from "../../src/check/report/labels.ts";
import { importDisclosure } from "../../src/import/index.ts";
import { runBatch, type BatchRun, BatchUsageError } from "../../src/app/batch/index.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-batch-"));
const broken = join(dir, "broken.pdf");
const notDisclosure = join(dir, "notes.txt");
// A name that would break a page if it were not escaped.
const oddName = join(dir, `a<b>&"c'.txt`);
writeFileSync(broken, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ngarbage");
writeFileSync(
  notDisclosure,
  "会议纪要：下周二下午三点在三楼会议室讨论办公室搬迁事宜。\n".repeat(5),
);
copyFileSync(join(seedsDir, "004_51b2d206ba941185.txt"), oddName);

const corpusTexts = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => join(corpusDir, f));
const inputs = [seedsDir, ...corpusTexts, join(corpusDir, "003.pdf"), dir];
const readable = [
  ...readdirSync(seedsDir)
    .sort()
    .map((f) => join(seedsDir, f)),
  ...corpusTexts,
  join(corpusDir, "003.pdf"),
  oddName,
];

let run: BatchRun;
const report = (ext: string) => join(dir, "out", `report${ext}`);
before(async () => {
  writeFileSync(join(dir, ".hidden.txt"), "hidden files are skipped");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(join(dir, "out"));
  run = await runBatch({ mode: "check", inputs, report: report(".xlsx") });
});

test("every file is checked once, in argument order, folders sorted, hidden files skipped", () => {
  const expected = [...readable.slice(0, -1), ...[broken, notDisclosure, oddName].sort()];
  assert.deepEqual(
    run.results.map((r) => r.file),
    expected.sort((a, b) => expected.indexOf(a) - expected.indexOf(b)),
  );
  assert.ok(!run.results.some((r) => r.file.includes(".hidden")));
});

test("each file's findings and summary are exactly the single-file check's", async () => {
  for (const path of readable) {
    const result = run.results.find((r) => r.file === path);
    assert.ok(result, path);
    const input = await loadDisclosure(new Uint8Array(readFileSync(path)), {
      fileName: basename(path),
    });
    const single = await checkDisclosure(input);
    const d = input.disclosure;
    assert.equal(result.status, single.coverage.findings.error ? "errors" : "passed", path);
    assert.deepEqual(result.counts, single.coverage.findings, path);
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.severity, f.message]),
      single.findings.map((f) => [f.rule, f.severity, f.message]),
      path,
    );
    // The location is where the single-file report places the finding, as a reviewer reads it.
    single.findings.forEach((f, i) => {
      assert.equal(result.findings[i]!.location, placesOf(f).join("；"), `${path} ${f.rule}`);
    });
    assert.equal(result.summary?.department, d.department?.name, path);
    assert.equal(result.summary?.year, d.year, path);
    assert.equal(result.summary?.kind, d.kind, path);
    assert.equal(result.summary?.expenditureTotal, d.expenditure?.total, path);
    assert.equal(result.summary?.diagnostics.length, d.diagnostics?.length ?? 0, path);
  }
});

test("unreadable files fail alone with the importer's code and a Chinese message; exit 3", () => {
  const failed = run.results.filter((r) => r.status === "failed");
  assert.deepEqual(
    failed.map((r) => [basename(r.file), r.failure?.code]),
    [
      ["broken.pdf", "damaged"],
      ["notes.txt", "not-disclosure"],
    ],
  );
  for (const r of failed) assert.match(r.failure!.message, /[\u4e00-\u9fff]/);
  assert.equal(run.tally.failed, 2);
  assert.equal(run.tally.files, readable.length + 2);
  // Seeds 000, 002 and 003 have error findings, so 1 would apply too: an unreadable file wins.
  assert.ok(run.tally.errors > 0);
  assert.equal(run.exitStatus, 3);
});

test("the xlsx report opens with 汇总 (one row per file) and 审核意见 (one row per finding)", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(report(".xlsx"));
  const summary = wb.getWorksheet("汇总")!;
  const findings = wb.getWorksheet("审核意见")!;
  assert.deepEqual((summary.getRow(1).values as unknown[]).slice(1, 4), ["文件", "部门", "年度"]);
  assert.equal(summary.rowCount, run.results.length + 1);
  const total = run.results.reduce((n, r) => n + r.findings.length, 0);
  assert.ok(total > 50);
  assert.equal(findings.rowCount, total + 1);
  run.results.forEach((r, i) => {
    const row = summary.getRow(i + 2);
    assert.equal(row.getCell(1).value, r.file);
    assert.equal(
      row.getCell(7).value,
      { passed: "通过", errors: "有错误", failed: "无法读取" }[r.status],
    );
    assert.equal(row.getCell(8).value, r.counts.error);
  });
  const brokenRow = summary.getRow(run.results.findIndex((r) => r.file === broken) + 2);
  assert.match(String(brokenRow.getCell(10).value), /damaged/);
  const first = run.results.find((r) => r.findings.length)!;
  const row = findings.getRow(2);
  assert.deepEqual(
    [row.getCell(1).value, row.getCell(2).value, row.getCell(4).value],
    [first.file, first.findings[0]!.rule, first.findings[0]!.message],
  );
});

test("the html and csv reports hold the same rows, with every text escaped", async () => {
  const { writeBatchReport } = await import("../../src/app/batch/index.ts");
  await writeBatchReport(report(".html"), run.results);
  await writeBatchReport(report(".csv"), run.results);
  const html = readFileSync(report(".html"), "utf8");
  assert.ok(!html.includes("<b>"), "a file name is escaped");
  assert.ok(html.includes("a&lt;b&gt;&amp;&quot;c&#39;.txt"));
  const total = run.results.reduce((n, r) => n + r.findings.length, 0);
  assert.equal(html.match(/<tr>/g)?.length, 2 + run.results.length + total);

  const bytes = readFileSync(report(".csv"));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  const wb = new ExcelJS.Workbook();
  const sheet = await wb.csv.readFile(report(".csv"));
  // One row per finding plus one per unreadable file, under a header.
  assert.equal(sheet.rowCount, 1 + total + run.tally.failed);
  assert.equal(sheet.getRow(2).getCell(1).value, run.results.find((r) => r.findings.length)!.file);
  assert.equal(String(sheet.getRow(1).getCell(2).value), "规则");
});

test("extract writes each file's canonical JSON, byte for byte the single-file output", async () => {
  const out = join(dir, "json");
  const files = [seedsDir, join(corpusDir, "003.txt"), join(corpusDir, "003.pdf"), broken];
  const ex = await runBatch({ mode: "extract", inputs: files, outDir: out });
  assert.equal(ex.exitStatus, 3);
  assert.equal(ex.tally.passed, 7);
  const names = readdirSync(out).sort();
  // 003.txt and 003.pdf would both be 003.json: each keeps its extension instead.
  assert.ok(names.includes("003.txt.json") && names.includes("003.pdf.json"), names.join());
  for (const r of ex.results.filter((x) => x.status === "passed")) {
    const bytes = new Uint8Array(readFileSync(r.file));
    const { disclosure } = await importDisclosure(bytes, { fileName: basename(r.file) });
    assert.equal(readFileSync(r.output!, "utf8"), `${JSON.stringify(disclosure, null, 2)}\n`);
  }
  // A second run refuses to replace the outputs before doing any work; --force replaces them.
  await assert.rejects(
    runBatch({ mode: "extract", inputs: [seedsDir], outDir: out }),
    (e: BatchUsageError) => e.code === "output-exists" && e.exitCode === 2,
  );
  const again = await runBatch({ mode: "extract", inputs: [seedsDir], outDir: out, force: true });
  assert.equal(again.exitStatus, 0);
});

test("extract never writes over an input, even when the input is a JSON in the output folder", async () => {
  const out = mkdtempSync(join(tmpdir(), "gongkai-batch-json-"));
  const seed = join(seedsDir, "000_f6eb8ece6d8b211d.txt");
  const { disclosure } = await importDisclosure(new Uint8Array(readFileSync(seed)), {
    fileName: basename(seed),
  });
  const input = join(out, "000_f6eb8ece6d8b211d.json");
  writeFileSync(input, JSON.stringify(disclosure));
  const before = readFileSync(input, "utf8");
  const ex = await runBatch({ mode: "extract", inputs: [input], outDir: out, force: true });
  assert.equal(ex.exitStatus, 0);
  assert.equal(readFileSync(input, "utf8"), before);
  assert.equal(basename(ex.results[0]!.output!), "000_f6eb8ece6d8b211d-2.json");
  // What the single-file extract prints for a canonical JSON: the validated disclosure.
  const single = (await loadDisclosure(new Uint8Array(readFileSync(input)))).disclosure;
  assert.equal(
    readFileSync(ex.results[0]!.output!, "utf8"),
    `${JSON.stringify(single, null, 2)}\n`,
  );
});

test("a file over its time limit fails alone and the pool goes on with the next", async () => {
  const files = [
    join(seedsDir, "001_aa68b1c0ad40feab.txt"),
    join(seedsDir, "004_51b2d206ba941185.txt"),
  ];
  const slow = await runBatch({ mode: "check", inputs: files, jobs: 1, timeoutMs: 1 });
  assert.deepEqual(
    slow.results.map((r) => r.failure?.code),
    ["timeout", "timeout"],
  );
  assert.match(slow.results[0]!.failure!.message, /处理超过/);
  assert.equal(slow.exitStatus, 3);
});

test("a file that exhausts its worker's memory fails alone; the next file is checked", async () => {
  const big = join(dir, "big", "big.txt");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(join(dir, "big"));
  // Budget-dense text (every line a part word and an amount) of 2 MB: its import needs ~340 MiB.
  const words = ["部门预算", "收入总计", "支出合计", "基本支出", "项目支出", "三公经费"];
  const lines = Array.from(
    { length: 40_000 },
    (_, i) =>
      `${words[i % 6]}　${((i * 37.13) % 10000).toFixed(2)}　${words[(i * 7) % 6]}说明第${i}项`,
  );
  writeFileSync(big, `${lines.join("\n")}\n`);
  const seed = join(seedsDir, "004_51b2d206ba941185.txt");
  const r = await runBatch({ mode: "check", inputs: [big, seed], jobs: 1, memoryLimitMb: 64 });
  assert.equal(r.results[0]!.failure?.code, "crashed");
  assert.match(r.results[0]!.failure!.message, /内存/);
  assert.equal(r.results[1]!.status, "passed");
});
