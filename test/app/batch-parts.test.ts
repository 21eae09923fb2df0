/**
 * The batch's small parts on real folders: which files a folder gives, the
 * names extract writes, the progress line, the CSV cell quoting and the
 * exit status rule.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { expandInputs, BatchUsageError } from "../../src/app/batch/index.ts";
import { planOutputs } from "../../src/app/batch/outputs.ts";
import { clock, fitWidth, progressLine, renderLine } from "../../src/app/batch/progress.ts";
import { csvCell } from "../../src/app/batch/report/csv.ts";
import { exitStatusOf, summaryLine, tallyOf } from "../../src/app/batch/verdict.ts";
import type { FileResult } from "../../src/app/batch/types.ts";

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), "gongkai-batch-parts-"));
  for (const f of ["b.txt", "a.pdf", "c.docx", "d.XLSX", "notes.md", ".hidden.txt"])
    writeFileSync(join(root, f), "x");
  mkdirSync(join(root, "sub", "deeper"), { recursive: true });
  mkdirSync(join(root, ".git"));
  writeFileSync(join(root, ".git", "x.txt"), "x");
  writeFileSync(join(root, "sub", "e.json"), "{}");
  writeFileSync(join(root, "sub", "deeper", "f.xls"), "x");
  symlinkSync(join(root, "sub"), join(root, "sub", "deeper", "loop"));
  return root;
}

test("a folder gives its disclosure files recursively, sorted, without hidden ones or loops", async () => {
  const root = tree();
  const files = (await expandInputs([root])).map((f) => f.file.slice(root.length + 1));
  assert.deepEqual(files, ["a.pdf", "b.txt", "c.docx", "d.XLSX", "sub/deeper/f.xls", "sub/e.json"]);
});

test("named files are kept whatever their extension, in argument order, each once", async () => {
  const root = tree();
  const notes = join(root, "notes.md");
  const files = await expandInputs([notes, root, join(root, "b.txt")]);
  assert.equal(files[0]!.file, notes);
  assert.equal(files.filter((f) => f.path === resolve(root, "b.txt")).length, 1);
  assert.equal(files.length, 7);
});

test("a skipped folder (the batch's own output) is not entered", async () => {
  const root = tree();
  const files = await expandInputs([root], [join(root, "sub")]);
  assert.ok(files.every((f) => !f.file.includes("sub")));
});

test("a missing path or an empty folder is a usage error (exit 2) in Chinese", async () => {
  const root = tree();
  await assert.rejects(expandInputs([root, join(root, "nope.pdf")]), (e: BatchUsageError) => {
    assert.equal(e.exitCode, 2);
    assert.equal(e.code, "input-not-found");
    assert.match(e.message, /找不到文件或文件夹：.*nope\.pdf（file not found）/);
    return true;
  });
  const empty = mkdtempSync(join(tmpdir(), "gongkai-batch-empty-"));
  await assert.rejects(expandInputs([empty]), (e: BatchUsageError) => e.code === "no-inputs");
});

test("extract names: NAME.json, the extension kept when two names meet, never an input", async () => {
  const root = tree();
  writeFileSync(join(root, "a.txt"), "x");
  writeFileSync(join(root, "sub", "b.txt"), "x");
  const inputs = await expandInputs([root]);
  const plan = await planOutputs(inputs, join(root, "sub"));
  const name = (file: string) => plan[inputs.findIndex((i) => i.file.endsWith(file))]!;
  assert.equal(name("/a.pdf"), join(root, "sub", "a.pdf.json"));
  assert.equal(name("/a.txt"), join(root, "sub", "a.txt.json"));
  assert.equal(name("/c.docx"), join(root, "sub", "c.json"));
  // sub/e.json is an input: its output takes the next free name.
  assert.equal(name("/e.json"), join(root, "sub", "e-2.json"));
  assert.equal(name("/b.txt"), join(root, "sub", "b.txt.json"));
  assert.equal(new Set(plan).size, plan.length);
});

test("an output folder that cannot be made is refused before any work", async () => {
  const root = tree();
  const inputs = await expandInputs([join(root, "b.txt")]);
  await assert.rejects(
    planOutputs(inputs, join(root, "b.txt", "out")),
    (e: BatchUsageError) => e.code === "output-unwritable",
  );
});

test("the progress line shows count, rate, time left, and fits a terminal's width", () => {
  const line = renderLine({ label: "审核", done: 50, total: 200, seconds: 25, last: "x.pdf" });
  assert.equal(line, "审核 [#####---------------] 50/200  2.0 个/秒  剩余 1:15  x.pdf");
  assert.equal(clock(3725), "1:02:05");
  assert.equal(fitWidth("审核abc", 5), "审核a");
});

test("the progress line is drawn on a terminal only", () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    const stream = Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          chunks.push(String(chunk));
          done();
        },
      }),
      { isTTY, columns: 100 },
    );
    const p = progressLine(stream, 2, "审核");
    p.tick("a.txt");
    p.tick("b.txt");
    p.finish();
    return chunks.join("");
  };
  assert.equal(sink(false), "");
  const drawn = sink(true);
  assert.match(drawn, /\r审核 \[#+\] 2\/2 .*b\.txt\x1b\[K\n$/);
});

test("CSV cells are quoted as RFC 4180 says and never start a formula", () => {
  assert.equal(csvCell('说明，含"引号",逗号'), '"说明，含""引号"",逗号"');
  assert.equal(csvCell("两行\n文字"), '"两行\n文字"');
  assert.equal(csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  assert.equal(csvCell(12.5), "12.5");
});

test("exit status: 0 clean, 1 error findings, 3 unreadable (3 wins over 1)", () => {
  const r = (status: FileResult["status"], error = 0): FileResult => ({
    file: "x",
    status,
    findings: [],
    counts: { error, warning: 0, info: 0 },
    ms: 0,
  });
  assert.equal(exitStatusOf(tallyOf([r("passed"), r("passed")])), 0);
  assert.equal(exitStatusOf(tallyOf([r("passed"), r("errors", 2)])), 1);
  assert.equal(exitStatusOf(tallyOf([r("errors", 2), r("failed")])), 3);
  assert.match(
    summaryLine("check", tallyOf([r("passed"), r("errors", 2), r("failed")])),
    /^3 个文件：通过 1，有错误 1，无法读取 1；审核意见：错误 2/,
  );
});
