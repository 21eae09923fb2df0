/**
 * The plausibility checks run after every extractor (src/import/plausibility.ts): on
 * disclosures built here with the misreadings met in ../shared/wild (a 序号 read as an
 * amount, 人员经费 taken for 基本支出, a "三公" total in 元 read as 万元), and over the
 * seeds and corpus, where every figure is right and nothing may be removed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readText } from "../../src/import/readers/text.ts";
import { decodeText } from "../../src/import/decode.ts";
import { extractDisclosure } from "../../src/import/index.ts";
import { agree, checkPlausibility, unitSlip, witness } from "../../src/import/plausibility.ts";
import { wanToFen } from "../../src/model/amount.ts";
import { FORMAT_ID, type Diagnostic, type Disclosure } from "../../src/model/disclosure.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";

function check(
  parts: Omit<Disclosure, "format" | "amountUnit">,
  texts: [Parameters<typeof witness>[1], number][] = [],
): { d: Disclosure; diagnostics: Diagnostic[]; map: Record<string, { line: number }> } {
  const d: Disclosure = { format: FORMAT_ID, amountUnit: "万元", ...structuredClone(parts) };
  for (const [pointer, wan] of texts) witness(d, pointer, wanToFen(wan), 7);
  const diagnostics: Diagnostic[] = [];
  const map: Record<string, { line: number }> = {
    "/income/total": { line: 20 },
    "/expenditure/total": { line: 21 },
    "/expenditure/basic": { line: 22 },
    "/threePublic/total": { line: 30 },
  };
  checkPlausibility(
    d,
    (level, message, section, line) =>
      diagnostics.push({
        level,
        message,
        ...(section ? { section } : {}),
        ...(line ? { line } : {}),
      }),
    map,
  );
  return { d, diagnostics, map };
}

test("equal to the printed cent is equal: no diagnostic, nothing removed", () => {
  const parts = {
    income: {
      total: 105946.471506,
      items: [
        { source: "generalBudget" as const, label: "一般公共预算", amount: 105364.266743 },
        { source: "business" as const, label: "事业收入", amount: 582.204763 },
      ],
    },
    expenditure: { total: 105946.47, basic: 19443.34, project: 86503.14 },
  };
  const { d, diagnostics } = check(parts, [
    ["/income/total", 105946.48],
    ["/expenditure/total", 105946.47],
  ]);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(d.income, parts.income);
  assert.deepEqual(d.expenditure, parts.expenditure);
  assert.ok(agree(wanToFen(74868.33), wanToFen(74868.34)));
  assert.ok(!agree(wanToFen(74868.3), wanToFen(74868.34)));
});

test("a 收支总表 that does not balance: the total nothing vouches for is removed, and said where", () => {
  // P149-like: a 科目 row's 63.00 taken for the expenditure total of a 105,556.81万元 budget.
  const { d, diagnostics, map } = check({
    income: {
      total: 105556.81,
      items: [{ source: "generalBudget", label: "一般公共预算资金", amount: 105556.81 }],
    },
    expenditure: { total: 63 },
  });
  assert.equal(d.expenditure, undefined);
  assert.equal(d.income?.total, 105556.81);
  assert.equal(map["/expenditure/total"], undefined);
  const [message] = diagnostics;
  assert.equal(diagnostics.length, 1);
  assert.equal(message?.level, "warning");
  assert.match(
    message!.message,
    /收支平衡.*收入总计（第20行）为105556\.81万元.*63\.00万元.*未导入支出合计/,
  );
});

test("a small gap (a carry-over not read) is said, not acted on", () => {
  const { d, diagnostics } = check({
    income: { total: 105946.47 },
    expenditure: { total: 105590.77, otherItems: [{ label: "结转下年", amount: 16.5 }] },
  });
  assert.equal(d.expenditure?.total, 105590.77);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.level, "info");
});

test("基本 + 项目 ≠ 合计 while the total balances: 基本 and 项目 are left out (P030's 人员经费 read as 基本)", () => {
  const { d, diagnostics } = check({
    income: { total: 99230.46 },
    expenditure: { total: 99230.46, basic: 58486.35, project: 12237.94 },
  });
  assert.deepEqual(d.expenditure, { total: 99230.46 });
  assert.match(
    diagnostics[0]!.message,
    /基本支出 \+ 项目支出 = 支出合计不成立.*未导入基本支出、项目支出/,
  );
});

test("the text's figure replaces a table's that fits nothing when it fits (a 序号 read as 1)", () => {
  const { d, diagnostics } = check(
    { income: { total: 74868.34 }, expenditure: { total: 1, basic: 19443.34, project: 55424.99 } },
    [["/expenditure/total", 74868.34]],
  );
  assert.equal(d.expenditure?.total, 74868.34);
  assert.match(
    diagnostics[0]!.message,
    /支出合计：表格（第21行）为1\.00万元，文字说明（第7行）为74868\.34万元.*采用文字说明数/,
  );
  assert.equal(diagnostics.length, 1);
});

test("table and text disagree and nothing tells which is right: the figure is left out", () => {
  const { d, diagnostics } = check({ expenditure: { basic: 5000 } }, [
    ["/expenditure/basic", 4000],
  ]);
  assert.equal(d.expenditure, undefined);
  assert.match(diagnostics[0]!.message, /基本支出.*5000\.00万元.*4000\.00万元.*无法判断/);
});

test("a part larger than its whole: the part is left out when the whole is vouched for", () => {
  // P055-like: a "三公" total read from a 元 table as 万元.
  const { d, diagnostics } = check({
    income: { total: 5093.76 },
    expenditure: { total: 5093.76 },
    threePublic: { total: 227358.374003 },
  });
  assert.equal(d.threePublic, undefined);
  assert.equal(d.expenditure?.total, 5093.76);
  assert.match(diagnostics[0]!.message, /“三公”经费合计（第30行）227358\.37万元大于支出合计/);
});

test("totals 10,000 times apart are named a unit slip", () => {
  assert.ok(unitSlip(wanToFen(1899.9), wanToFen(0.18999)));
  assert.ok(!unitSlip(wanToFen(1899.9), wanToFen(189.99)));
  const { d, diagnostics } = check({
    income: {
      total: 1899.9,
      items: [{ source: "generalBudget", label: "一般公共预算", amount: 1899.9 }],
    },
    expenditure: { total: 0.18999 },
  });
  assert.equal(d.expenditure, undefined);
  assert.match(diagnostics[0]!.message, /相差一万倍，应是金额单位（元\/万元）用错/);
});

/** Every seed and corpus text through all extractors and the checks. */
function realDocuments(): { name: string; d: Disclosure }[] {
  const files = [
    ...readdirSync(seedsDir).map((f) => join(seedsDir, f)),
    ...readdirSync(corpusDir).map((f) => join(corpusDir, f)),
  ].filter((f) => f.endsWith(".txt"));
  return files.map((f) => ({
    name: f,
    d: extractDisclosure(readText(decodeText(readFileSync(f)).text)),
  }));
}

test("seeds and corpus: the checks remove nothing and never report equal values", () => {
  const docs = realDocuments();
  assert.ok(docs.length >= 15);
  for (const { name, d } of docs) {
    for (const diag of d.diagnostics ?? []) {
      if (diag.section !== "核对") continue;
      assert.doesNotMatch(diag.message, /未导入|采用文字说明数/, `${name}: ${diag.message}`);
      const amounts = [...diag.message.matchAll(/([\d.]+)万元/g)].map((m) => m[1]);
      assert.ok(new Set(amounts).size > 1, `${name}: equal values reported: ${diag.message}`);
    }
  }
});

test("the 三公: a 运行维护费 above its 公务用车 total goes (P030), a 三公 total equal to the whole expenditure goes (P063)", () => {
  const p030 = check({
    threePublic: {
      total: 413.68,
      vehicle: { total: 339.68, purchase: 151.68, operation: 3901.76 },
      reception: 74,
    },
  });
  assert.deepEqual(p030.d.threePublic, {
    total: 413.68,
    vehicle: { total: 339.68, purchase: 151.68 },
    reception: 74,
  });
  assert.match(
    p030.diagnostics[0]!.message,
    /公务用车运行维护费3901\.76万元大于公务用车购置及运行维护费339\.68万元/,
  );
  const p063 = check({
    income: { total: 5093.760835 },
    expenditure: { total: 5093.760835 },
    threePublic: { total: 5093.760835, overseas: 0, reception: 2 },
  });
  assert.deepEqual(p063.d.threePublic, { overseas: 0, reception: 2 });
  assert.match(p063.diagnostics[0]!.message, /“三公”经费合计（第30行）5093\.76万元等于支出合计/);
});
