/**
 * 支出 read from the wild documents (../shared/wild, docs and pool), one test per class of
 * layout or wording, each over several documents: a nested 基本支出 header, a stated 支出
 * total that counts the 年终结转结余, 公用经费 stated alone, spaced-out header words, and a
 * 支出总表 without a 合计 row.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { wildMoney } from "../support/wild-money.ts";

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

test("a 支出总表 without a 合计 row: its first 科目 row is no total (pool: 预算03表)", () => {
  for (const name of ["P096", "P141", "P149"]) {
    const e = wildMoney(name).disclosure.expenditure;
    assert.ok((e?.total ?? 0) > 10000, `${name}: ${e?.total}`);
    assert.ok(e?.basic === undefined || e.basic > 1000, `${name}: ${e?.basic}`);
  }
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
