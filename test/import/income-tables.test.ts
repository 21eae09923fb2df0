/**
 * 收入 and 支出 read from the wild documents' tables (../shared/wild, docs and pool): a
 * 收支总表 printing one "预算拨款" row that the 财政拨款收支总表 splits by fund, and 序号
 * columns and 栏次 rows that are row and column numbers, never amounts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { wildMoney } from "../support/wild-money.ts";

const wan = (n: number | undefined) => Math.round((n ?? Number.NaN) * 100);

test("a single 预算拨款 row is split by the 财政拨款收支总表's funds (广州, 珠海)", () => {
  for (const [name, funds] of [
    ["P002", { generalBudget: 113077.44, governmentFund: 41650.65 }],
    ["P016", { generalBudget: 49961.75, governmentFund: 250223.44 }],
    ["P233", { generalBudget: 736.81, governmentFund: 6816 }],
    ["P013", { generalBudget: 98880.78 }],
  ] as const) {
    const { disclosure, diagnostics } = wildMoney(name);
    const items = disclosure.income?.items ?? [];
    assert.ok(!items.some((i) => /预算拨款/.test(i.label)), `${name}: the unsplit row is gone`);
    for (const [source, amount] of Object.entries(funds)) {
      const item = items.find((i) => i.source === source);
      assert.equal(wan(item?.amount), wan(amount), `${name} ${source}`);
    }
    assert.ok(
      diagnostics.some((d) => /按财政拨款收支总表分为/.test(d.message)),
      name,
    );
  }
});

test("a 序号 column is row numbers: no income item 序号…, no amount 1 (西安 templates, docs and pool)", () => {
  for (const name of ["P053", "P061", "P064"]) {
    const { disclosure } = wildMoney(name);
    const items = disclosure.income?.items ?? [];
    assert.ok(items.length > 0, `${name}: income rows read`);
    assert.ok(!items.some((i) => /序号/.test(i.label)), `${name}: ${items.map((i) => i.label)}`);
    assert.ok((disclosure.income?.total ?? 0) > 100, `${name}: income total`);
    assert.ok((disclosure.expenditure?.total ?? 1000) > 100, `${name}: expenditure total`);
  }
  // P053: the 功能分类 split (人员经费 | 公用经费 | 专项业务经费) gives 基本 and 项目 支出.
  const e = wildMoney("P053").disclosure.expenditure;
  assert.equal(wan(e?.basic), wan(19443.34));
  assert.equal(wan(e?.project), wan(55424.99));
});

test("each table's own unit: 元, 千元 and 万元 tables of one document give the same 万元", async () => {
  const { runExtractor } = await import("../support/run-extractor.ts");
  const { extractIncome } = await import("../../src/import/sections/money/income.ts");
  const table = (unit: string, total: string, general: string, other: string) =>
    [
      "2026年部门收支总表",
      `单位：${unit}`,
      "项目\t预算数\t项目\t预算数",
      `一、一般公共预算拨款收入\t${general}\t一、一般公共服务支出\t${total}`,
      `二、其他收入\t${other}\t\t`,
      `收入总计\t${total}\t支出总计\t${total}`,
      "",
      "2026年部门收入总表",
    ].join("\n");
  for (const [unit, total, general, other] of [
    ["元", "12,345,678.90", "12,000,000.00", "345,678.90"],
    ["千元", "12,345.68", "12,000.00", "345.68"],
    ["万元", "1,234.57", "1,200.00", "34.57"],
  ] as const) {
    const income = runExtractor(extractIncome, table(unit, total, general, other), "tabs")
      .disclosure.income;
    assert.equal(wan(income?.total), wan(1234.57), unit);
    assert.deepEqual(
      income?.items?.map((i) => wan(i.amount)),
      [wan(1200), wan(34.57)],
      unit,
    );
  }
});

test("a 决算 收入支出决算总表 with 行次 columns on both sides and a 栏次 row (pool: 西安 决算)", () => {
  const { income, expenditure } = wildMoney("P057").disclosure;
  assert.equal(wan(income?.total), wan(2480372.7));
  assert.deepEqual(
    income?.items?.map((i) => [i.source, wan(i.amount)]),
    [
      ["generalBudget", wan(296030.91)],
      ["governmentFund", wan(509220.66)],
      ["business", wan(1110972.11)],
      ["other", wan(98870.55)],
      ["carryOver", wan(465278.48)],
    ],
  );
  // 本年支出合计 57 2,074,962.01: the 行次 57 is not the total.
  assert.equal(wan(expenditure?.total), wan(2074962.01));
  assert.deepEqual(
    expenditure?.otherItems?.map((o) => wan(o.amount)),
    [wan(6374.88), wan(399035.8)],
  );
});

test("a total printed as 收入预算总计 / 本年收入预算合计 is the total, never an item", async () => {
  const { runExtractor } = await import("../support/run-extractor.ts");
  const { extractIncome } = await import("../../src/import/sections/money/income.ts");
  const text = [
    "2026年部门收支预算总表",
    "单位：万元",
    "项目\t预算数\t项目\t预算数",
    "一、一般公共预算拨款收入\t1,200.00\t一、一般公共服务支出\t1,250.00",
    "二、其他收入\t34.57\t\t",
    "本年收入预算合计\t1,234.57\t本年支出预算合计\t1,250.00",
    "上年结转结余\t15.43\t\t",
    "收入预算总计\t1,250.00\t支出预算总计\t1,250.00",
    "",
    "2026年部门收入预算总表",
  ].join("\n");
  const income = runExtractor(extractIncome, text, "tabs").disclosure.income;
  assert.equal(wan(income?.total), wan(1250));
  assert.deepEqual(
    income?.items?.map((i) => i.label),
    ["一般公共预算拨款收入", "其他收入", "上年结转结余"],
  );
});

test("a parent row over sub-rows of its own source (上年结余、结转 over 财政拨款 / 非财政拨款结余、结转) is the one item (深圳)", () => {
  for (const [name, amount] of [
    ["P157", 769.19],
    ["P161", 0],
  ] as const) {
    const items = wildMoney(name).disclosure.income?.items ?? [];
    const carry = items.filter((i) => i.source === "carryOver");
    assert.deepEqual(
      carry.map((i) => [i.label, wan(i.amount)]),
      [["上年结余、结转", wan(amount)]],
      name,
    );
  }
});

test("a 支出 side longer than the 收入 side: rows with only an expenditure label are not income (广州, 杭州, 深圳, 西安)", () => {
  for (const name of ["P002", "P030", "P157", "P053", "P057"]) {
    const { income } = wildMoney(name).disclosure;
    const items = income?.items ?? [];
    assert.ok(items.length > 0, name);
    assert.ok(
      !items.some((i) => /支出|结转下年|年末结转/.test(i.label)),
      `${name}: ${items.map((i) => i.label)}`,
    );
    const sum = items.reduce((a, i) => a + wan(i.amount), 0);
    assert.ok(
      Math.abs(sum - wan(income?.total)) <= 2,
      `${name}: items ${sum} vs total ${wan(income?.total)}`,
    );
  }
});
