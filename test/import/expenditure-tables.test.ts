/**
 * 支出 read from the wild documents (../shared/wild, docs and pool), one test per class of
 * layout or wording, each over several documents: a nested 基本支出 header, a stated 支出
 * total that counts the 年终结转结余, 公用经费 stated alone, spaced-out header words, and an
 * itemised 支出总表 (北京 预算03表) whose 合计 row is printed after hundreds of 科目 rows.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { moneyOf, wildMoney } from "../support/wild-money.ts";
import { sharedDir } from "../support/paths.ts";
import { importDisclosure } from "../../src/import/index.ts";
import { wanToFen } from "../../src/model/amount.ts";

const cents = (n: number | undefined) => Math.round((n ?? Number.NaN) * 100);

test("基本支出 over 人员支出 | 日常公用支出: 基本 is their sum, 项目 the column beside (杭州 表3)", () => {
  const e = wildMoney("P030").disclosure.expenditure;
  assert.equal(cents(e?.basic), cents(70724.29));
  assert.equal(cents(e?.personnel), cents(58486.35));
  assert.equal(cents(e?.publicOperating), cents(12237.94));
  assert.equal(cents(e?.project), cents(28506.17));
  assert.equal(e?.otherItems, undefined);
});

test("a stated 支出预算 that counts 年终结转结余资金: the total is 基本 + 项目, the carry-over an other item (北京)", () => {
  for (const [name, basic, project, carried] of [
    ["P104", 376567.92, 138255.42, 14437],
    ["P110", 46714.52, 50254.78, 882.21],
    ["P098", 70692.09, 61213.81, 2227.42],
    ["P146", 186874.72, 837932.45, 23668.55],
  ] as const) {
    const { disclosure, diagnostics } = wildMoney(name);
    const e = disclosure.expenditure;
    assert.equal(cents(e?.basic), cents(basic), name);
    assert.equal(cents(e?.project), cents(project), name);
    assert.equal(cents(e?.total), cents(basic) + cents(project), name);
    assert.deepEqual(
      e?.otherItems?.map((o) => cents(o.amount)),
      [cents(carried)],
      name,
    );
    assert.ok(
      diagnostics.some((d) => /含年终结转结余/.test(d.message)),
      name,
    );
  }
});

test("公用经费 stated whole while 人员 is given in parts (深圳): 公用经费 alone", () => {
  for (const [name, pub] of [
    ["P157", 21169.43],
    ["P161", 425.88],
  ] as const) {
    const e = wildMoney(name).disclosure.expenditure;
    assert.equal(cents(e?.publicOperating), cents(pub), name);
    assert.equal(e?.personnel, undefined, name);
  }
});

test("an itemised 支出总表 (北京 预算03表) whose 合计 row lies past 160 rows: 基本 / 项目 read once verified, 其中 columns not parts", () => {
  // Rows of 功能 × 政府经济 × 部门经济 分类, the header repeated on each page, 合计 printed last.
  for (const [name, total, basic, project] of [
    ["P096", 132946.634356, 25249.839114, 107696.795242],
    ["P109", 862282.85999, 295485.107422, 566797.752568],
    ["P111", 96969.293388, 46714.513649, 50254.779739],
    ["P141", 210357.138928, 102167.442645, 108189.696283],
    ["P149", 105556.813225, 51048.332994, 54508.480231],
  ] as const) {
    const e = wildMoney(name).disclosure.expenditure;
    assert.equal(e?.total, total, name);
    assert.equal(e?.basic, basic, name);
    assert.equal(e?.project, project, name);
    // P141 prints 372.18 under 其中 事业单位经营支出: part of 基本 / 项目, not a further part.
    assert.ok(
      (e?.otherItems ?? []).every((o) => /结转/.test(o.label)),
      `${name}: ${JSON.stringify(e?.otherItems)}`,
    );
  }
});

test("an itemised 支出总表 whose 合计 does not add up is not read: 基本 / 项目 left out, with a warning", () => {
  const file = join(sharedDir, "wild", "pool", "P096.txt");
  const lines = readFileSync(file, "utf8").split("\n");
  // One 科目 row's 合计 changed by a fen: neither the rows nor the 收支总表 confirm the 合计 row.
  const at = lines.findIndex((l) => /^2050803-培训支出 .* 66\.250000/.test(l.trim()));
  assert.ok(at > 0);
  lines[at] = lines[at]!.replace("66.250000", "66.250100");
  const summary = lines.findIndex((l) => /本年支出合计/.test(l));
  lines[summary] = lines[summary]!.replace("132,946.634356", "132,946.634357");
  const { disclosure, diagnostics } = moneyOf(lines.join("\n"));
  assert.equal(disclosure.expenditure?.basic, undefined);
  assert.equal(disclosure.expenditure?.project, undefined);
  assert.ok(diagnostics.some((d) => /各行合计之和.*未采用/.test(d.message)));
});

test("the 合计 row's third figure under 项目支出 though the 其中 sub-headers crowd the header (北京 预算03表, wild P133.pdf)", async () => {
  const file = join(sharedDir, "wild", "docs", "P133.pdf");
  const { disclosure: d } = await importDisclosure(new Uint8Array(readFileSync(file)), {
    fileName: file,
  });
  assert.equal(d.expenditure?.total, 9151.309668);
  assert.equal(d.expenditure?.basic, 2074.253418);
  assert.equal(d.expenditure?.project, 7077.05625);
  assert.equal(d.expenditure?.otherItems, undefined);
});

test('figures wrapped over two or three lines ("174,900" / ".64") are joined under their columns (重庆)', () => {
  for (const [name, total, basic, project] of [
    ["P162", 174900.64, 56633.49, 118267.14],
    ["P166", 14770.62, 5838.39, 8932.23],
  ] as const) {
    const e = wildMoney(name).disclosure.expenditure;
    assert.equal(cents(e?.total), cents(total), name);
    assert.equal(cents(e?.basic), cents(basic), name);
    assert.equal(cents(e?.project), cents(project), name);
  }
});

test("西安 部门综合预算收支总表: 人员经费和公用经费支出 / 专项业务经费支出 are 基本 / 项目 where the split table covers one fund only", async () => {
  // Pool P061 (2022) and P056 (2022): 事业收入 besides 一般公共预算, so the 功能分类 split table's
  // 合计 is not the department's; the 收支总表's middle column group gives the parts (元).
  for (const [name, basic, project] of [
    ["P061.pdf", "4660.776951", "100929.989792"],
    ["P056.pdf", "2311.187662", "45743.2345"],
  ] as const) {
    const { disclosure } = await importDisclosure(
      readFileSync(join(sharedDir, "wild", "pool", name)),
    );
    const e = disclosure.expenditure!;
    assert.deepEqual([String(e.basic), String(e.project)], [basic, project], name);
    assert.equal(wanToFen(e.basic!) + wanToFen(e.project!), wanToFen(e.total!), name);
  }
});
