/** Query parsing, synonyms and pinyin initials (pure; the store tests run the real search). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseQuery } from "../../src/search/query.ts";
import { displaySegments, SEGMENT_SEPARATOR } from "../../src/search/segment.ts";
import { initials, nameInitials, termLexemes } from "../../src/search/terms.ts";

test("quoted and unquoted 三公经费 and its initials ask for the same group", () => {
  for (const q of ["三公经费", '"三公"经费', "“三公”经费", "三公费用"]) {
    assert.equal(parseQuery(q).match, "'三公经费'", q);
  }
  assert.equal(parseQuery("sgjf").match, "'sgjf':*");
  assert.match(parseQuery("sgjf").highlight!, /'三公' \| '经费'/);
  assert.deepEqual(termLexemes("财政拨款“三公”经费预算"), ["三公经费", "sgjf", "czbk"]);
  assert.ok(termLexemes("因公出国（境）费用").includes("因公出国境费用"));
  assert.ok(parseQuery("因公出国费用").terms.includes("因公出国境费用"));
});

test("pinyin initials follow the reading in context", () => {
  assert.equal(initials("三公经费"), "sgjf");
  assert.equal(initials("重庆市银行"), "cqsyh");
  // The whole name's, and each word's (沧州市 · 审计局).
  assert.deepEqual(nameInitials("沧州市审计局"), ["czssjj", "czs", "sjj"]);
});

test("codes and Chinese words: words ANDed, codes and Latin letters as prefixes", () => {
  assert.equal(parseQuery("2010401").match, "'2010401':*");
  assert.equal(parseQuery("行政运行").match, "'行政' & '运行'");
  assert.equal(parseQuery("  沧州 审计局 ").match, "'沧州' & '审计局'");
});

test("operators, quotes and markup never reach tsquery as syntax", () => {
  for (const q of ["&|!():*", "'", "\\", "<->", "a:*B & !c", "<script>", "'; drop table x; --"]) {
    const { match } = parseQuery(q);
    if (match === undefined) continue;
    // Only quoted lexemes of letters and digits, joined by " & ", with :* after Latin words.
    assert.match(match, /^'[\p{L}\p{N}]+'(:\*)?( & '[\p{L}\p{N}]+'(:\*)?)*$/u, q);
  }
  assert.equal(parseQuery("&|!():*").match, undefined);
  assert.equal(parseQuery("三".repeat(5000)).text.length, 100);
});

test("display segments give the text back exactly", () => {
  const text = "一、部门职责：贯彻执行“三公”经费（2010401行政运行）<b>";
  assert.equal(displaySegments(text).replaceAll(SEGMENT_SEPARATOR, ""), text);
});
