/**
 * 名词解释: numbered and unnumbered "term：definition" entries, definitions
 * wrapped over lines (also before a number), a wrapped term, and the end of
 * the section: a title after the last definition (功能分类名词解释 over its
 * table, the tables part) is never swallowed.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractGlossary } from "../../src/import/sections/glossary.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";

const glossary = (text: string) => runExtractor(extractGlossary, text);

test("numbered entries; the last definition stops at the title after it", () => {
  const text = [
    "第四部分 名词解释",
    "1．财政拨款收入：指区财政当年拨付的资金。",
    "2．基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
    "功能分类名词解释",
    "\t功能编码",
    "\t功能名称",
    "\t名词解释",
    "",
    "\t2010401",
    "\t行政运行",
    "\t反映行政单位的基本支出。",
    "",
    "第五部分 部门预算公开表格",
  ].join("\n");
  const { disclosure, cites } = runExtractor(extractGlossary, text, "cells");
  assert.deepEqual(disclosure.glossary, [
    { term: "财政拨款收入", definition: "指区财政当年拨付的资金。" },
    {
      term: "基本支出",
      definition: "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
    },
  ]);
  assert.equal(cites.get("/glossary/1"), 3);
});

test("PDF text: unnumbered entries wrapped over lines, a line wrapped before a number", () => {
  const text = [
    "                              名词解释",
    "",
    "  一般公共预算拨款收入：指中央财政当年拨付的资金。",
    "  购房补贴（项）：指根据有关规定，从 1998 年下半年停止实物分房后，房价收入比超过",
    "4 倍以上地区对无房和住房未达标职工发放的住房货币化改",
    "革补贴资金。",
    "  上年结转：指以前年度尚未完成、结转到本年仍按原规定用",
    "途继续使用的资金。",
  ].join("\n");
  const entries = glossary(text).disclosure.glossary!;
  assert.deepEqual(
    entries.map((e) => e.term),
    ["一般公共预算拨款收入", "购房补贴（项）", "上年结转"],
  );
  assert.match(entries[1]!.definition, /房价收入比超过4 倍以上地区.*革补贴资金。$/);
  assert.equal(
    entries[2]!.definition,
    "指以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金。",
  );
});

test("the tables part after the glossary is not a term", () => {
  const text = [
    "第九部分 名词解释",
    "  一、财政拨款收入：指预算单位从本级财政部门取得的财政预算资金收入。",
    "  二、“三公”经费：指因公出国（境）费用、公务用车购置及运行维护费和公务接待费。",
    "",
    "                    二、表格部分",
    "表1",
    "                           收支总表",
    "部门名称：深圳市统计局（本级）                          单位：万元",
  ].join("\n");
  assert.deepEqual(
    glossary(text).disclosure.glossary!.map((e) => e.term),
    ["财政拨款收入", "“三公”经费"],
  );
});

test("a term wrapped over two lines joins up", () => {
  const text = [
    "第五部分 名词解释",
    "四、一般公共服务（类）政府办公厅（室）及相关机构",
    "事务（款）：指用于保障机构正常运行的支出。",
  ].join("\n");
  assert.deepEqual(glossary(text).disclosure.glossary, [
    {
      term: "一般公共服务（类）政府办公厅（室）及相关机构事务（款）",
      definition: "指用于保障机构正常运行的支出。",
    },
  ]);
});

test("broken input: a glossary heading with nothing readable under it is diagnosed at its line", () => {
  const { disclosure, diagnostics } = glossary(
    ["收入支出", "", "七、名词解释", "详见财政部网站。", "", "八、附表"].join("\n"),
  );
  assert.equal(disclosure.glossary, undefined);
  assert.deepEqual(
    diagnostics.map((d) => [d.level, d.line]),
    [["warning", 3]],
  );
});

test("real documents: seed 003's last definition, corpus 001 in full", () => {
  const seed = glossary(readFileSync(join(seedsDir, "003_728ba56877c78465.txt"), "utf8")).disclosure
    .glossary!;
  assert.equal(seed.length, 5);
  assert.equal(seed[4]!.definition, "反映其他用于行政事业单位离退休方面的支出。");
  const corpus = glossary(readFileSync(join(corpusDir, "001.txt"), "utf8")).disclosure.glossary!;
  assert.equal(corpus.length, 29);
  assert.ok(corpus.every((e) => e.term.length <= 40 && e.definition.length > 0));
  assert.match(corpus.find((e) => e.term === "购房补贴（项）")!.definition, /和标准执行。$/);
});
