/**
 * The table model and the generated explanation: the nine tables carry the
 * disclosure's numbers in the standard layout, empty tables say why, and
 * every number the text states is exactly the one the tables print.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildDocument } from "../../src/render/document.ts";
import {
  expenditureText,
  incomeText,
  operatingCostsText,
  threePublicText,
} from "../../src/render/narrative.ts";
import { changeClause, printWan, ratePercent } from "../../src/render/numbers.ts";
import { placeCells, type TableModel } from "../../src/render/tables/model.ts";
import { standardTables } from "../../src/render/tables/standard.ts";
import { fixture, sparseFixture } from "./fixture.ts";

const cellsOf = (t: TableModel) => t.body.flat().map((c) => c.text);
const rowOf = (t: TableModel, label: string) =>
  t.body.find((r) => r.some((c) => c.text === label))?.map((c) => c.text);

test("amounts print exactly, with at least two decimals", () => {
  assert.equal(printWan(1234.567891), "1234.567891");
  assert.equal(printWan(7.9), "7.90");
  assert.equal(printWan(0), "0.00");
  assert.equal(printWan(-56.95), "-56.95");
});

test("rates are exact half-up percentages of the stated previous amount", () => {
  assert.equal(ratePercent(2.03, 6.45), 31.47); // 31.4728…
  assert.equal(ratePercent(-56.95, 3052.34), -1.87);
  assert.equal(ratePercent(1, 0), undefined);
  assert.equal(changeClause(0), "持平");
  assert.equal(changeClause(-1.2, -8.76), "减少1.20万元，下降8.76%");
  assert.equal(changeClause(453.36), "增加453.36万元");
});

test("nine standard tables in order, each with its title, unit and header", () => {
  const tables = standardTables(fixture());
  assert.deepEqual(
    tables.map((t) => t.title),
    [
      "部门收支总表",
      "部门收入总表",
      "部门支出总表",
      "财政拨款收支总表",
      "一般公共预算支出表",
      "一般公共预算基本支出表",
      "政府性基金预算支出表",
      "国有资本经营预算支出表",
      "财政拨款“三公”经费支出表",
    ],
  );
  for (const t of tables) {
    assert.equal(t.unit, "单位：万元");
    assert.ok(t.header.length >= 1, t.title);
    // Every header and body row fills the grid exactly (merges included).
    for (const block of [t.header, t.body]) {
      const placed = placeCells(block, t.widths.length);
      const covered = new Set<string>();
      for (const p of placed)
        for (let r = 0; r < p.rowSpan; r++)
          for (let c = 0; c < p.colSpan; c++) covered.add(`${p.row + r},${p.col + c}`);
      assert.equal(covered.size, block.length * t.widths.length, `${t.title}: grid not filled`);
    }
  }
});

test("收支总表 balances: 收入总计 = 支出总计, with carry-over rows", () => {
  const [t1] = standardTables(fixture());
  assert.deepEqual(rowOf(t1!, "收入总计"), ["收入总计", "1234.567891", "支出总计", "1234.567891"]);
  assert.deepEqual(rowOf(t1!, "本年收入合计")?.slice(0, 2), ["本年收入合计", "1180.50"]);
  assert.ok(cellsOf(t1!).includes("上年结转"));
  assert.ok(cellsOf(t1!).includes("结转下年"));
  // The functional lines cover only the 一般公共预算 money here, so the expenditure side is split by type.
  assert.ok(cellsOf(t1!).includes("一、基本支出"));
  assert.ok(!cellsOf(t1!).includes("一、一般公共服务支出"));
  const d = fixture();
  d.income!.items = d.income!.items!.filter((i) => i.source !== "governmentFund");
  d.expenditure!.total = 1100.5;
  assert.ok(
    cellsOf(standardTables(d)[0]!).includes("一、一般公共服务支出"),
    "lines that cover the department list its 类",
  );
});

test("functional classification to 项 and economic classification to 款", () => {
  const tables = standardTables(fixture());
  const t5 = tables[4]!;
  assert.deepEqual(rowOf(t5, "2010401"), ["2010401", "行政运行", "700.25", "700.25", ""]);
  assert.deepEqual(rowOf(t5, "合计"), ["", "合计", "1100.50", "800.25", "300.25"]);
  const t6 = tables[5]!;
  assert.deepEqual(rowOf(t6, "30101"), ["30101", "基本工资", "400.00", "400.00", ""]);
  assert.deepEqual(rowOf(t6, "合计"), ["", "合计", "800.25", "700.05", "100.20"]);
  assert.equal(t6.header.length, 2, "two-level header");
  assert.equal(t6.header[0]![0]!.colSpan, 2);
  // The department's 基本支出 may include other funds (corpus 001): the table's 合计 adds up its own lines.
  const d = fixture();
  d.expenditure = { ...d.expenditure!, basic: 11056.07 };
  delete d.expenditure.personnel;
  assert.deepEqual(rowOf(standardTables(d)[5]!, "合计"), [
    "",
    "合计",
    "800.25",
    "700.05",
    "100.20",
  ]);
  // Lines with 合计 only (corpus 017): the department's split is shown when it adds up to their total.
  const bare = fixture();
  bare.basicByEconomic = bare.basicByEconomic!.map(({ code, name, total }) => ({
    code,
    name,
    total,
  }));
  assert.deepEqual(rowOf(standardTables(bare)[5]!, "合计"), [
    "",
    "合计",
    "800.25",
    "700.05",
    "100.20",
  ]);
  // A table printing 款 only (corpus 004) adds up its 款.
  d.basicByEconomic = d.basicByEconomic!.filter((l) => l.code.length === 5);
  assert.deepEqual(rowOf(standardTables(d)[5]!, "合计"), [
    "",
    "合计",
    "800.25",
    "700.05",
    "100.20",
  ]);
});

test("三公 table: two-level header, previous, current and change rows", () => {
  const t9 = standardTables(fixture())[8]!;
  assert.equal(t9.header[0]![3]!.text, "公务用车购置及运行费");
  assert.equal(t9.header[0]![3]!.colSpan, 3);
  assert.deepEqual(rowOf(t9, "2023年预算数"), [
    "2023年预算数",
    "12.50",
    "0.00",
    "8.30",
    "0.00",
    "8.30",
    "4.20",
  ]);
  assert.deepEqual(rowOf(t9, "增减额"), [
    "增减额",
    "-1.20",
    "0.00",
    "-1.20",
    "0.00",
    "-1.20",
    "0.00",
  ]);
});

test("a table whose data the disclosure lacks is published empty with its explanation", () => {
  const tables = standardTables(sparseFixture());
  const fund = tables[6]!;
  assert.equal(fund.empty, true);
  assert.equal(fund.body.length, 0);
  assert.equal(fund.note, "本部门无政府性基金预算财政拨款收支，此表为空表。");
  assert.equal(tables[7]!.note, "本部门无国有资本经营预算财政拨款收支，此表为空表。");
  assert.match(tables[8]!.note ?? "", /“三公”经费，此表为空表/);
  assert.equal(tables[0]!.empty, undefined, "收支总表 has data");
  // With data the same table is not empty.
  assert.equal(standardTables(fixture())[6]!.empty, undefined);
});

test("the explanation states exactly the tables' numbers, with 增加/减少/持平", () => {
  const d = fixture();
  const tables = standardTables(d);
  const text = [
    ...incomeText(d),
    ...expenditureText(d),
    ...operatingCostsText(d),
    ...threePublicText(d),
  ].join("\n");
  assert.match(
    text,
    /2023年收入预算总计1234\.567891万元，比2022年预算数1150\.25万元增加84\.317891万元，增长7\.33%/,
  );
  assert.match(
    text,
    // 1180.50 is 本年支出合计: with 结转下年 beside it, it is not the 支出总计 (issue 10).
    /本年支出预算合计1180\.50万元，比2022年预算数1200\.00万元减少19\.50万元，下降1\.63%。主要原因是人员增加，专项业务经费压减。/,
  );
  assert.match(
    text,
    /基本支出800\.25万元（人员经费700\.05万元，日常公用经费100\.20万元），比2022年预算数780\.25万元增加20\.00万元，增长2\.56%/,
  );
  assert.match(
    text,
    /2023年机关运行经费预算100\.20万元，比2022年预算数95\.50万元增加4\.70万元，增长4\.92%/,
  );
  assert.match(text, /“三公”经费预算12\.50万元，比2022年预算数13\.70万元减少1\.20万元，下降8\.76%/);
  assert.match(text, /因公出国（境）费0\.00万元，与2022年预算数0\.00万元持平/);
  assert.match(text, /公务接待费4\.20万元，与2022年预算数4\.20万元持平/);
  // Every amount in the 三公 sentences is printed in the 三公 table.
  const tableNumbers = new Set(cellsOf(tables[8]!).map((c) => c.replace(/^-/, "")));
  for (const m of threePublicText(d)
    .join("")
    .matchAll(/(\d+\.\d+)万元/g))
    assert.ok(tableNumbers.has(m[1]!), `${m[1]} not in the table`);
});

test("the document has every part of the standard outline", () => {
  const doc = buildDocument(fixture());
  const headings = doc.blocks
    .filter((b) => b.kind === "heading")
    .map((b) => (b as { text: string }).text);
  for (const h of [
    "目录",
    "第一部分 部门概况",
    "一、部门职责",
    "二、机构设置",
    "一、收支预算总体情况",
    "二、机关运行经费",
    "三、财政拨款“三公”经费预算情况及增减变化原因",
    "四、政府采购预算情况",
    "五、国有资产信息",
    "第三部分 预算绩效信息",
    "第四部分 名词解释",
    "第五部分 部门预算公开表格",
  ]) {
    assert.ok(headings.includes(h), `missing heading ${h}`);
  }
  const tables = doc.blocks
    .filter((b) => b.kind === "table")
    .map((b) => (b as { table: TableModel }).table.title);
  assert.ok(tables.includes("发展规划编制经费绩效目标表"), "one 项目绩效目标表 per project");
  assert.ok(tables.includes("部门职责—工作活动绩效目标"));
  assert.ok(tables.includes("9．财政拨款“三公”经费支出表"));
  const project = doc.blocks.find(
    (b) => b.kind === "table" && b.table.title === "发展规划编制经费绩效目标表",
  ) as { table: TableModel };
  const texts = project.table.body.flat().map((c) => c.text);
  for (const t of [
    "13031123P00874710001B",
    "≥2项",
    "12月底前完成",
    "80%",
    "100%",
    "产出指标",
    "满意度指标",
  ])
    assert.ok(texts.includes(t), t);
  // 产出指标 spans its two indicator rows.
  assert.equal(project.table.body.flat().find((c) => c.text === "产出指标")!.rowSpan, 2);
});

test("决算 wording for final accounts", () => {
  const d = fixture();
  d.kind = "final";
  assert.equal(standardTables(d)[0]!.title, "收入支出决算总表");
  assert.match(incomeText(d)[0]!, /^2023年收入决算总计/);
  assert.equal(standardTables(d)[8]!.body[1]![0]!.text, "2023年决算数");
});
