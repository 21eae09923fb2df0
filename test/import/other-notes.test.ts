/**
 * 其他需要说明的事项: title variants, text wrapped over lines joined, the
 * notes ending at the next heading or an unnumbered part title, a container
 * heading that holds other parts, and an empty section diagnosed.
 */
import { runExtractor } from "../support/run-extractor.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractOtherNotes } from "../../src/import/sections/other-notes.ts";
import { seedsDir } from "../support/paths.ts";

const notes = (text: string) => runExtractor(extractOtherNotes, text);

for (const heading of [
  "七、其他需要说明的事项",
  "（七）其他重要事项的情况说明",
  "其它需要说明的事项：",
  "八、其他需要说明情况",
]) {
  test(`title "${heading}": the text under it, up to the next part`, () => {
    const text = [
      heading,
      "我部门2020年无国有资本经营收入，因此国有资本经营收支预算为0，",
      "将空表进行公开，特此说明。",
      "2021年度部门预算绩效信息",
      "一、总体绩效目标",
    ].join("\n");
    const { disclosure, cites } = notes(text);
    assert.equal(
      disclosure.otherNotes,
      "我部门2020年无国有资本经营收入，因此国有资本经营收支预算为0，将空表进行公开，特此说明。",
    );
    assert.equal(cites.get("/otherNotes"), 2);
  });
}

test("PDF text: the notes end at the next numbered heading", () => {
  const text = [
    "  九、其他需要说明的事项",
    "",
    "    本部门无其他需要说明的事项。",
    "",
    "  十、名词解释",
    "  1.基本支出：指人员支出和公用支出。",
  ].join("\n");
  assert.equal(notes(text).disclosure.otherNotes, "本部门无其他需要说明的事项。");
});

test("a heading that holds other parts (机关运行经费, 三公) is not notes", () => {
  const text = [
    "第三部分 其他说明情况",
    "（一）机关运行经费安排情况",
    "机关运行经费10万元。",
    "（二）“三公”经费情况",
    "三公经费5万元。",
  ].join("\n");
  const { disclosure, diagnostics } = notes(text);
  assert.equal(disclosure.otherNotes, undefined);
  assert.deepEqual(diagnostics, []);
});

test("broken input: a heading with no running text under it is diagnosed at its line", () => {
  // (A heading with nothing at all under it is a table of contents entry, skipped silently.)
  const { disclosure, diagnostics } = notes(
    [
      "收入支出说明",
      "六、其他需要说明的事项",
      "（一）有关情况",
      "七、名词解释",
      "1.基本支出：指人员支出。",
    ].join("\n"),
  );
  assert.equal(disclosure.otherNotes, undefined);
  assert.deepEqual(
    diagnostics.map((d) => [d.level, d.line]),
    [["warning", 2]],
  );
});

test("real seeds: the printed notes", () => {
  const read = (name: string) =>
    notes(readFileSync(join(seedsDir, name), "utf8")).disclosure.otherNotes;
  assert.equal(read("001_aa68b1c0ad40feab.txt"), "无其它需要说明的事项。");
  assert.equal(read("003_728ba56877c78465.txt"), "我部门无其他需要说明的事项。");
  assert.match(
    read("000_f6eb8ece6d8b211d.txt") ?? "",
    /^我部门2020年无国有资本经营收入.*特此说明。$/,
  );
  assert.equal(read("004_51b2d206ba941185.txt"), undefined);
});
