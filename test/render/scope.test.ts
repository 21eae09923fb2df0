/**
 * Issue 10: a rendered table never contradicts the disclosure. For every seed
 * and corpus document (imported from its text): each standard table's total
 * rows equal the sums of their lines (within the 0.01 the tables print); each
 * table shows only figures of its own scope; a part the disclosure has is in
 * the document, under consecutively numbered parts, with its paragraphs; a
 * rendered workbook reads back with its year, department and kind.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { importDisclosure } from "../../src/import/index.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { buildDocument, type Block } from "../../src/render/document.ts";
import { chineseNumber, printWan } from "../../src/render/numbers.ts";
import type { TableModel } from "../../src/render/tables/model.ts";
import { agrees, amountOf, classTotal } from "../../src/render/tables/scope.ts";
import { standardTables } from "../../src/render/tables/standard.ts";
import { renderXlsx } from "../../src/render/xlsx.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";
import { fixture } from "./fixture.ts";
import { gridRows, sumProblems } from "./table-sums.ts";

const paths = [seedsDir, corpusDir].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join(d, f)),
);
const nameOf = (path: string) => path.split("/").slice(-2).join("/");

let imported: Promise<{ name: string; d: Disclosure }[]> | undefined;
const documents = () =>
  (imported ??= Promise.all(
    paths.map(async (p) => ({
      name: nameOf(p),
      d: (await importDisclosure(new Uint8Array(readFileSync(p)))).disclosure,
    })),
  ));

const byId = (tables: TableModel[], prefix: string) => tables.find((t) => t.id.startsWith(prefix))!;
/** The amount cell right of a label, or the 合计 row's cell in a column. */
const cellAfter = (t: TableModel, label: string, offset = 1) => {
  for (const r of gridRows(t)) {
    const i = r.findIndex((c) => c?.text === label);
    if (i >= 0) return r[i + offset];
  }
  return undefined;
};
const sameAmount = (cell: { amount?: number; text: string } | undefined, v: number | undefined) =>
  v === undefined ? cell?.text === "未公开" || !cell?.text : agrees(cell?.amount, v);

test("every total row of every standard table equals the sum of its lines", async () => {
  const problems: string[] = [];
  for (const { name, d } of [{ name: "fixture", d: fixture() }, ...(await documents())])
    for (const t of standardTables(d)) problems.push(...sumProblems(t).map((p) => `${name}: ${p}`));
  assert.deepEqual(problems, []);
});

test("each table's totals are the disclosure's figures of that table's scope", async () => {
  const problems: string[] = [];
  for (const { name, d } of await documents()) {
    const tables = standardTables(d);
    if (byId(tables, "t1").empty) continue;
    const check = (what: string, cell: Parameters<typeof sameAmount>[0], v: number | undefined) => {
      if (!sameAmount(cell, v)) problems.push(`${name} ${what}: ${cell?.text} ≠ ${printWan(v)}`);
    };
    const e = d.expenditure;
    check("收支总表 本年支出合计", cellAfter(byId(tables, "t1"), "本年支出合计"), e?.total);
    check("支出总表 合计", cellAfter(byId(tables, "t3"), "合计"), e?.total);
    check("支出总表 基本支出", cellAfter(byId(tables, "t3"), "合计", 2), e?.basic);
    check("收入总表 合计", cellAfter(byId(tables, "t2"), "合计"), d.income?.total);
    const general = amountOf(d, "generalBudget");
    const t5 = byId(tables, "t5");
    if (general !== undefined && !t5.empty)
      check("一般公共预算支出表 合计", cellAfter(t5, "合计"), general);
  }
  assert.deepEqual(problems, []);
});

test("functional lines of one fund never fill an all-funds table, nor the reverse", async () => {
  const problems: string[] = [];
  for (const { name, d } of await documents()) {
    const lines = (d.expenditureByFunction ?? []).filter((l) => l.code!.length === 3);
    if (!lines.length) continue;
    const tables = standardTables(d);
    const printed = (t: TableModel) =>
      gridRows(t).some((r) =>
        lines.some(
          (l) => r.some((c) => c?.text.endsWith(l.name)) && r.some((c) => c?.amount === l.total),
        ),
      );
    const department = agrees(classTotal(d), d.expenditure?.total);
    const general = agrees(
      classTotal(d),
      amountOf(d, "generalBudget") ?? amountOf(d, "fiscalUnsplit"),
    );
    for (const id of ["t1", "t3"])
      if (!department && printed(byId(tables, id)))
        problems.push(`${name}: ${id} prints lines of another scope`);
    for (const id of ["t4", "t5"])
      if (!general && printed(byId(tables, id)))
        problems.push(`${name}: ${id} prints lines of another scope`);
  }
  assert.deepEqual(problems, []);
});

test("corpus 001: 一般公共服务支出 in the all-funds tables is 47,179.30 or 未公开, never the one-fund 13,144.37", async () => {
  const d = (await documents()).find((x) => x.name === "corpus/001.txt")!.d;
  const tables = standardTables(d);
  for (const id of ["t1", "t3"]) {
    const t = byId(tables, id);
    const texts = t.body.flat().map((c) => c.text);
    assert.ok(!texts.includes("13144.37"), `${t.title} borrows the 一般公共预算 line`);
    const row = gridRows(t).find((r) => r.some((c) => c?.text.endsWith("一般公共服务支出")));
    if (row) assert.ok(row.some((c) => c?.text === "47179.30" || c?.text === "未公开"));
  }
  assert.ok(
    byId(tables, "t3")
      .body.flat()
      .some((c) => c.text === "未公开"),
    "支出总表 says 未公开",
  );
  // The 一般公共预算 table keeps its own lines.
  assert.ok(
    byId(tables, "t5")
      .body.flat()
      .some((c) => c.text === "13144.37"),
  );
});

/** The document's level-1 and level-2 headings. */
const headings = (blocks: Block[], level: 1 | 2) =>
  blocks.flatMap((b) => (b.kind === "heading" && b.level === level ? [b.text] : []));

test("parts the disclosure has are in the document, numbered consecutively, with their paragraphs", async () => {
  const problems: string[] = [];
  for (const { name, d } of [{ name: "fixture", d: fixture() }, ...(await documents())]) {
    const doc = buildDocument(d);
    const parts = headings(doc.blocks, 1).filter((h) => h !== "目录");
    parts.forEach((h, i) => {
      if (!h.startsWith(`第${chineseNumber(i + 1)}部分 `))
        problems.push(`${name}: part ${i + 1} is ${h}`);
    });
    const items = headings(doc.blocks, 2).map((h) => h.replace(/^[一二三四五六七八九十]+、/, ""));
    const expect: [unknown, string][] = [
      [d.duties, "部门职责"],
      [d.units?.length, "机构设置"],
      [d.operatingCosts, "机关运行经费"],
      [d.otherNotes, "其他需要说明的事项"],
    ];
    for (const [has, item] of expect)
      if (has && !items.includes(item)) problems.push(`${name}: ${item} missing`);
    if (d.glossary?.length && !parts.some((p) => p.endsWith("名词解释")))
      problems.push(`${name}: 名词解释 missing`);
    const text = doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    if (text.some((t) => t.includes("未提供"))) problems.push(`${name}: prints 未提供`);
    // Each line of 部门职责 is a paragraph of its own.
    for (const line of (d.duties ?? "").split("\n").filter((l) => l.trim()))
      if (!text.includes(line.trim()))
        problems.push(`${name}: duty not a paragraph: ${line.slice(0, 20)}`);
  }
  assert.deepEqual(problems, []);
});

test("a rendered workbook reads back with its year, department (and code) and kind", async () => {
  const problems: string[] = [];
  for (const { name, d } of await documents()) {
    const { disclosure: back } = await importDisclosure(await renderXlsx(d));
    for (const key of ["year", "kind", "department"] as const)
      if (JSON.stringify(back[key]) !== JSON.stringify(d[key]))
        problems.push(`${name} ${key}: ${JSON.stringify(d[key])} → ${JSON.stringify(back[key])}`);
  }
  assert.deepEqual(problems, []);
});
