/**
 * CMP-019 and the printed tables it reads: a table printed without a figure
 * and without a note, while the explanation states an amount for it, is named
 * at its title. Real documents' empty tables (政府性基金, 国有资本经营 with 注：
 * …没有…, 本表本年无发生额, a 目录 marking 不涉及) are read as empty and noted, and
 * pass; the same documents with a table's figures taken out, or its note taken
 * out and the text given an amount, fail at the table's title.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDisclosure, loadDisclosure, type Loaded } from "../../src/app/index.ts";
import { corpusDir, sharedDir } from "../support/paths.ts";

const RULE = "CMP-019";
const read = (path: string) => readFileSync(path, "utf8");
const corpus = (name: string) => read(join(corpusDir, name));
const wild = (name: string) => read(join(sharedDir, "wild", "docs", name));
const load = (text: string, fileName: string) =>
  loadDisclosure(new TextEncoder().encode(text), { fileName });

async function judged(loaded: Loaded) {
  const report = await checkDisclosure(loaded);
  return {
    result: report.results.find((r) => r.rule.id === RULE)!,
    findings: report.findings.filter((f) => f.rule === RULE),
  };
}

/** The text with the lines `from`…`to` (1-based, inclusive) changed by `edit`. */
function edited(text: string, from: number, to: number, edit: (line: string) => string): string {
  const lines = text.split("\n");
  for (let i = from - 1; i < to; i++) lines[i] = edit(lines[i]!);
  return lines.join("\n");
}

test("printed tables are read with their figures and the note that explains an empty one", async () => {
  const loaded = await load(corpus("001.txt"), "001.txt");
  const tables = loaded.outline!.tables!;
  const at = (line: number) => tables.find((t) => t.line === line);
  // 部门公开表 7 and 8: header and 合计 only, under （注：…没有使用…拨款安排的支出。）.
  assert.deepEqual(
    [at(359)?.text, at(359)?.figures, at(359)?.note],
    ["政府性基金预算支出表", 0, "没有"],
  );
  assert.equal(at(381)?.figures, 0);
  assert.ok(at(381)?.note);
  // 部门公开表 9: 112.61 68.50 38.60 38.60 5.51 (the 栏次 and page numbers are no figures).
  assert.deepEqual(
    [at(401)?.text, at(401)?.figures, at(401)?.note],
    ["财政拨款预算“三公”经费支出表", 5, undefined],
  );

  // 珠海 (P233) 表6: 合计 0.00 and 注：本表本年无发生额。
  const p233 = await load(wild("P233.txt"), "P233.txt");
  const basic = p233.outline!.tables!.find(
    (t) => t.text === "一般公共预算基本支出情况表（按经济分类科目）",
  );
  assert.equal(basic?.figures, 0);
  assert.match(basic?.note ?? "", /本表本年无/);

  // 西安 (P063) lists 表9 …政府性基金收支表 as 是 | 不涉及 in its 目录.
  const p063 = await load(wild("P063.txt"), "P063.txt");
  const fund = p063.outline!.tables!.find((t) => t.text === "部门综合预算政府性基金收支表");
  assert.equal(fund?.note, "不涉及");
});

test("real documents with empty tables pass: their text states no amount, or a note explains", async () => {
  for (const [name, text] of [
    ["001.txt", corpus("001.txt")],
    ["004.txt", corpus("004.txt")],
    ["022.txt", corpus("022.txt")],
    ["026.txt", corpus("026.txt")],
    ["P133.txt", wild("P133.txt")],
    ["P233.txt", wild("P233.txt")],
  ] as const) {
    const { result, findings } = await judged(await load(text, name));
    assert.ok(
      ["passed", "notApplicable"].includes(result.status),
      `${name}: ${result.status} ${JSON.stringify(findings)}`,
    );
  }
});

test("a table whose figures were left out, while the text states them, is named at its title", async () => {
  // 001's 部门公开表 9 with its one row of figures blanked; the text says 112.61 万元.
  const text = edited(corpus("001.txt"), 415, 415, () => "");
  const { result, findings } = await judged(await load(text, "001.txt"));
  assert.equal(result.status, "failed");
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(findings[0]!.line, 401);
  assert.equal(findings[0]!.severity, "warning");
  assert.equal(
    findings[0]!.message,
    "「财政拨款预算“三公”经费支出表」印为空表且未说明原因，而说明文字（第 662 行）写有“三公”经费 112.61万元",
  );
});

test("an empty table's note is what makes it pass: without it, a stated amount is a finding", async () => {
  // 001 with 政府性基金 money stated in 四、 and the note under 部门公开表 7 taken out.
  const stated = edited(corpus("001.txt"), 464, 464, (l) =>
    l.replace(
      "收入全部为一般公共预算拨款（无政府性基金及国有资",
      "收入含政府性基金预算拨款 30.00 万元（国有资",
    ),
  );
  const noted = await judged(await load(stated, "001.txt"));
  assert.equal(noted.findings.length, 0, JSON.stringify(noted.findings));
  const { findings } = await judged(
    await load(
      edited(stated, 373, 373, () => ""),
      "001.txt",
    ),
  );
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(findings[0]!.line, 359);
  assert.match(
    findings[0]!.message,
    /^「政府性基金预算支出表」印为空表且未说明原因，.*政府性基金预算 30\.00万元$/,
  );
});
