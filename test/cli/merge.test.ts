/**
 * `extract --merge` and `check --merge`: one disclosure published as several
 * files, read as one. A corpus document split at its tables (第二部分 预算表
 * apart from the 说明 around it) merges back into what the whole reads as; a
 * figure changed in one part is left unset and named with each file's line;
 * Beijing's real 情况说明 + 预算报表 pair (../shared/wild/pool P150 + P151) is
 * checked as one. Run as a user runs the command line.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { corpusDir, sharedDir } from "../support/paths.ts";
import { gongkai, STACK } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-merge-"));
after(() => rmSync(dir, { recursive: true, force: true }));

// Corpus 001 (国家信访局 2026): lines 92–421 are 第二部分 部门预算表, the rest 目录 and 情况说明.
const whole = readFileSync(join(corpusDir, "001.txt"), "utf8").split("\n");
const explanation = join(dir, "说明.txt");
const tables = join(dir, "报表.txt");
const changed = join(dir, "报表改.txt");
writeFileSync(explanation, [...whole.slice(0, 91), ...whole.slice(421)].join("\n"));
const tableLines = whole.slice(91, 421);
writeFileSync(tables, tableLines.join("\n"));
// The same tables with the 收入总计 misprinted: the files then disagree on income.total.
const total = tableLines.findIndex((l) => /收\s*入\s*总\s*计\s+50,616\.94/.test(l));
writeFileSync(
  changed,
  tableLines.map((l, i) => (i === total ? l.replace("50,616.94", "50,617.94") : l)).join("\n"),
);

/** A disclosure's parts, without what says where they came from. */
function parts(json: string): Record<string, unknown> {
  const { sourceMap: _m, diagnostics: _d, source: _s, ...rest } = JSON.parse(json);
  return rest;
}

test("a document split into 说明 + 报表 merges back into what the whole document reads as", async () => {
  const [merged, single] = await Promise.all([
    gongkai(["extract", "--merge", explanation, tables]),
    gongkai(["extract", join(corpusDir, "001.txt")]),
  ]);
  assert.equal(merged.code, 0, merged.stderr);
  assert.equal(single.code, 0, single.stderr);
  const m = parts(merged.stdout);
  assert.equal(m.year, 2026);
  assert.deepEqual(m.department, { name: "国家信访局", code: "292" });
  assert.deepEqual(m, parts(single.stdout));
  assert.equal(JSON.parse(merged.stdout).source.file, "说明.txt + 报表.txt");
  assert.match(merged.stderr, /由 2 个文件合并：说明\.txt、报表\.txt/);
  // Each file's own notes keep its name.
  assert.match(merged.stderr, /〔报表\.txt〕/);
});

test("parts that disagree: the figure is left unset, each file's value and line named", async () => {
  assert.ok(total > 0, "the 收入总计 line of the tables");
  const extracted = await gongkai(["extract", "--merge", explanation, changed]);
  assert.equal(extracted.code, 0, extracted.stderr);
  assert.equal(JSON.parse(extracted.stdout).income.total, undefined);
  const checked = await gongkai(["check", "--merge", "--json", explanation, changed]);
  assert.ok(checked.code === 0 || checked.code === 1, checked.stderr);
  assert.ok(Array.isArray(JSON.parse(checked.stdout).findings), "stdout stays JSON");
  const line = checked.stderr.split("\n").find((l) => l.includes("/income/total"));
  assert.ok(line, checked.stderr);
  assert.match(line, /^警告/);
  assert.match(line, /说明\.txt 第 \d+ 行 为 50616\.94/);
  assert.match(line, new RegExp(`报表改\\.txt 第 ${total + 1} 行 为 50617\\.94`));
  assert.doesNotMatch(checked.stderr, STACK);
});

test("check --merge reads Beijing's 情况说明 and 预算报表 (two PDFs) as one disclosure", async () => {
  const pool = join(sharedDir, "wild", "pool");
  const r = await gongkai(["check", "--merge", join(pool, "P150.pdf"), join(pool, "P151.pdf")]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.match(r.stdout, /北京市统计局 2026 年 预算/);
  assert.match(r.stdout, /P150\.pdf \+ P151\.pdf/);
  assert.match(r.stderr, /由 2 个文件合并：P150\.pdf、P151\.pdf/);
  // Neither half is reported as lacking the other's part: the whole holds both.
  assert.doesNotMatch(r.stdout, /只含预算报表|只含情况说明/);
});

test("--merge takes two or more files, and prints one JSON", async () => {
  const one = await gongkai(["extract", "--merge", explanation]);
  assert.equal(one.code, 2);
  assert.match(one.stderr, /--merge 需要至少两个文件/);
  const text = await gongkai(["extract", "--merge", "--text", explanation, tables]);
  assert.equal(text.code, 2);
  assert.match(text.stderr, /不能与 --text 或 --out-dir 同用/);
  const missing = await gongkai(["check", "--merge", explanation, join(dir, "无.pdf")]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /找不到文件：.*无\.pdf/);
});
