/**
 * CMP-018 on real documents: every table a 目录 lists is printed, under a
 * title of the same year. Corpus documents whose 目录 and printed titles word
 * the tables differently pass; the same documents with a table's title taken
 * out, or a title's year changed, fail at the right line; an explanation whose
 * tables are published apart is not judged; a document split into 说明 +
 * 报表 is judged whole once merged.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDisclosure, loadDisclosure, mergeLoaded, type Loaded } from "../../src/app/index.ts";
import { corpusDir } from "../support/paths.ts";

const RULE = "CMP-018";
const corpus = (name: string) => readFileSync(join(corpusDir, name), "utf8");
const load = (text: string, fileName: string) =>
  loadDisclosure(new TextEncoder().encode(text), { fileName });

async function judged(loaded: Loaded) {
  const report = await checkDisclosure(loaded);
  return {
    result: report.results.find((r) => r.rule.id === RULE)!,
    findings: report.findings.filter((f) => f.rule === RULE),
  };
}

/** The text with every line matching `pattern` changed by `edit`. */
const edited = (text: string, pattern: RegExp, edit: (line: string) => string) =>
  text
    .split("\n")
    .map((l) => (pattern.test(l) ? edit(l) : l))
    .join("\n");

test("documents whose every listed table is printed pass, however the titles are worded", async () => {
  // 017 prints 财政拨款支出预算表（功能科目）, 026 支出总表 as a running title, 034 部门收支总体情况表
  // for 目录's 部门收支总表, 036 has a second 目录 of 表1 … 表15 with the year.
  for (const name of ["017.txt", "026.txt", "034.txt", "036.txt", "007.txt", "012.txt"]) {
    const { result, findings } = await judged(await load(corpus(name), name));
    assert.equal(result.status, "passed", `${name}: ${JSON.stringify(findings)}`);
  }
});

test("a listed table that is not printed is named, at its 目录 line", async () => {
  // 017's 政府性基金预算财政拨款支出预算表 with its title taken out of the body.
  const text = edited(corpus("017.txt"), /^\s+政府性基金预算财政拨款支出预算表\s*$/, () => "");
  const { result, findings } = await judged(await load(text, "017.txt"));
  assert.equal(result.status, "failed");
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(findings[0]!.message, "目录列有「政府性基金财政拨款支出预算表」，但文件中未见该表");
  assert.equal(findings[0]!.line, 25);
  assert.equal(findings[0]!.severity, "warning");
});

test("a table's title whose year differs from the 目录's is named, at the printed title", async () => {
  // 007 lists "2. 2025年部门收入预算总表"; its printed title made 2024.
  const text = edited(corpus("007.txt"), /^\s+2025年部门收入预算总表\s*$/, (l) =>
    l.replace("2025", "2024"),
  );
  const { findings } = await judged(await load(text, "007.txt"));
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(
    findings[0]!.message,
    "表的标题「2024年部门收入预算总表」为 2024 年，而目录列为「2025年部门收入预算总表」（2025 年）",
  );
  assert.equal(findings[0]!.line, 154);
});

test("a title's year against the 目录 part it is listed under", async () => {
  // 022 lists 收入总表 under "第二部分 2026 年度部门预算表"; its printed title given the year 2025.
  const text = edited(corpus("022.txt"), /^\s+收入总表\s*$/, (l) =>
    l.replace("收入总表", "2025年收入总表"),
  );
  const { findings } = await judged(await load(text, "022.txt"));
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(
    findings[0]!.message,
    "表的标题「2025年收入总表」为 2025 年，而目录在 2026 年的部分下列出「收入总表」",
  );
  assert.equal(findings[0]!.line, 259);
});

test("an explanation whose 目录 lists tables published apart is not judged", async () => {
  // 003: Beijing's 情况说明, its 目录 listing the 13 tables of the separate 预算报表.
  const { result } = await judged(await load(corpus("003.txt"), "003.txt"));
  assert.equal(result.status, "notApplicable");
});

test("a document split into 说明 + 报表 is judged whole once the files are merged", async () => {
  // 017: the 目录 and the explanation apart from the tables (from 第二部分 on).
  const lines = corpus("017.txt").split("\n");
  const start = lines.findIndex((l, i) => i > 40 && /^\s*第二部分/.test(l));
  assert.ok(start > 40);
  const end = lines.findIndex((l, i) => i > start && /^\s*第三部分/.test(l));
  const tables = lines.slice(start, end < 0 ? undefined : end).join("\n");
  const rest = [...lines.slice(0, start), ...(end < 0 ? [] : lines.slice(end))].join("\n");
  const parts = [
    { loaded: await load(rest, "说明.txt"), file: "说明.txt" },
    { loaded: await load(tables, "报表.txt"), file: "报表.txt" },
  ];
  const merged = await judged(await mergeLoaded(parts));
  assert.equal(merged.result.status, "passed", JSON.stringify(merged.findings));
  const half = await judged(parts[0]!.loaded);
  assert.notEqual(half.result.status, "failed", JSON.stringify(half.findings));
});
