/**
 * The 政府采购 part: the total and the items, from the paragraph, a total-only table or the item table.
 */
import { fenToWan, parseAmount, type Fen, type MoneyUnit } from "../../model/amount.ts";
import type { Procurement } from "../../model/disclosure.ts";
import { squash, type SourceDocument } from "../source-document.ts";
import type { ExtractContext, PartExtractor } from "./context.ts";
import { statedAmounts, TOC_LEADER } from "../toolkit/find.ts";
import {
  cellAmount,
  columnUnder,
  gridRows,
  joinHeaderLines,
  joinWrappedCells,
  tableUnit,
  underHeader,
  type GridRow,
} from "../toolkit/grid.ts";
import { sectionText } from "../toolkit/section-text.ts";

type Item = NonNullable<Procurement["items"]>[number];

/** Reads 政府采购: the stated total (or that there is none), the 政府采购预算表 with its items. */
export const extractProcurement: PartExtractor = {
  name: "政府采购",
  run(ctx) {
    const narrative = readNarrative(ctx);
    const table = readItemsTable(ctx) ?? readTotalTable(ctx);
    if (!narrative && !table) return;
    const out: Procurement = {};
    if (narrative?.none && !table?.total) {
      out.none = true;
      ctx.cite("/procurement/none", narrative.line, narrative.raw);
      ctx.disclosure.procurement = out;
      return;
    }
    const total = table?.total ?? narrative?.total;
    if (total !== undefined) {
      out.total = fenToWan(total.fen);
      ctx.cite("/procurement/total", total.line, total.raw);
      if (
        table?.total &&
        narrative?.total &&
        table.total.fen !== narrative.total.fen &&
        fenToWan(narrative.total.fen) !== Number(fenToWan(table.total.fen).toFixed(2))
      ) {
        ctx.diagnose(
          "warning",
          `政府采购预算总额：表格为${table.total.raw}，文字说明为${narrative.total.raw}，采用表格数（table and text disagree; the table's figure is kept）`,
          "procurement",
          narrative.total.line,
        );
      }
    }
    if (table?.fundSources?.length) out.fundSources = table.fundSources;
    if (table?.items?.length) out.items = table.items;
    if (out.total === undefined && !out.items) return;
    ctx.disclosure.procurement = out;
  },
};

interface Found {
  fen: Fen;
  line: number;
  raw: string;
}

interface TableResult {
  total?: Found;
  fundSources?: { label: string; amount: number }[];
  items?: Item[];
}

const NONE =
  /(?:无|没有|未安排|不涉及|未编制)(?:\d{4}年(?:度)?)?(?:部门)?政府采购|政府采购(?:预算)?(?:金额)?为(?:零|0(?:\.0+)?万?元)(?!\d)/;

/** The 政府采购 paragraph: "政府采购预算总额4,308.39万元" or "本部门无政府采购预算". */
function readNarrative(
  ctx: ExtractContext,
): { total?: Found; none?: boolean; line: number; raw: string } | undefined {
  for (const sec of sectionText(ctx.doc, /政府采购/, /表$/)) {
    const text = sec.text;
    const none = NONE.exec(text);
    const at = text.indexOf("采购");
    const amounts = statedAmounts(text).filter((a) => a.index > at);
    if (none && (amounts.length === 0 || none.index < amounts[0]!.index))
      return { none: true, line: sec.lineAt(none.index), raw: none[0] };
    const a = amounts[0];
    if (a)
      return {
        total: { fen: a.fen, line: sec.lineAt(a.index), raw: a.raw },
        line: sec.lineAt(a.index),
        raw: a.raw,
      };
  }
  return undefined;
}

const TABLE_TITLE = /政府采购(?:预算|支出)?(?:预算)?(?:明细|情况)?表|部门政府采购预算$/;

/** A 政府采购 table that only gives a 合计 (the PDF templates): its largest figure is the total. */
function readTotalTable(ctx: ExtractContext): TableResult | undefined {
  const doc = ctx.doc;
  for (const l of doc.lines) {
    const t = squash(l.text);
    // A title repeated on each page may be marked as a running header; TOC leaders are not titles.
    if (
      (l.furniture && TOC_LEADER.test(t)) ||
      t.length > 40 ||
      !TABLE_TITLE.test(t) ||
      /购买服务/.test(t)
    )
      continue;
    const unit = tableUnit(doc, l.no);
    const rows = gridRows(doc, l.no + 1, l.no + 40);
    for (const [i, r] of rows.entries()) {
      if (i > 15) break;
      const texts = r.cells.map((c) => squash(c.text)).filter(Boolean);
      if (i > 0 && texts.length === 1 && /表$/.test(texts[0]!)) break;
      const label = r.cells
        .filter((c) => cellAmount(c.text, unit) === undefined)
        .map((c) => squash(c.text))
        .join("");
      if (!/^(合计|总计)$/.test(label)) continue;
      let best: Fen | undefined;
      let raw = "";
      for (const c of r.cells) {
        const f = cellAmount(c.text, unit);
        if (f !== undefined && (best === undefined || f > best)) {
          best = f;
          raw = c.text;
        }
      }
      if (best !== undefined) return { total: { fen: best, line: r.line, raw: `${raw}${unit}` } };
    }
  }
  return undefined;
}

/** How many lines above its 目录序号 cell a header row may start (one line per cell in a Word export). */
const HEADER_REACH = 60;
/** 目录序号 / 目录编码 / 品目…, or a cell wrapped inside "政府采购目录序号" (PDF text wraps narrow header cells). */
const CATALOG_WORDS = /目录.{0,2}(?:序号|编码|代码)|品目|采购目录/;

/** The PDF header line that names the 目录 column only in part ("政府采购目录序"): its wrapped lines are joined. */
function mergeWrappedHeader(rows: GridRow[]): void {
  const at = rows.findIndex(
    (r) =>
      r.cells.some((c) => /目录序?$|品目/.test(squash(c.text))) &&
      !r.cells.some((c) => /目录序号|目录编码|品目编码/.test(squash(c.text))),
  );
  if (at >= 0) joinHeaderLines(rows, at, 2);
}

/** The Hebei-style 部门政府采购预算 table: one row per purchase, with its project, 目录序号 and funds. */
function readItemsTable(ctx: ExtractContext): TableResult | undefined {
  const doc = ctx.doc;
  // The header names the 目录 / 品目 column: grid rows are built only from a little above the first line that does.
  const first = doc.lines.find((l) => CATALOG_WORDS.test(squash(l.text)));
  if (!first) return undefined;
  const all = gridRows(doc, Math.max(1, first.no - HEADER_REACH), doc.lines.length);
  if (doc.layout === "columns") mergeWrappedHeader(all);
  const h = all.findIndex((r) => {
    const t = r.cells.map((c) => squash(c.text));
    return (
      t.some((x) => /目录序号|目录编码|品目编码/.test(x)) &&
      t.some((x) => /采购物品名称|采购品目名称|品目名称|采购项目名称/.test(x))
    );
  });
  if (h < 0) return undefined;
  // PDF text drops blank cells: place each cell under the header column it sits beneath.
  if (doc.layout === "columns")
    for (let i = h + 1; i < all.length; i++) all[i] = underHeader(all[i]!, all[h]!);
  const unit = findUnitAbove(doc, all[h]!.line);
  // Header rows continue until the first 合计 row or the first row with a catalog-like code.
  let d = h + 1;
  while (d < all.length && d < h + 8 && !isDataRow(all[d]!)) d++;
  const headers = all.slice(h + 1, d);
  const width = Math.max(...all.slice(d, d + 5).map((r) => r.cells.length), 0);
  const col = itemColumns(all[h]!, headers[0]);
  if (col.item === undefined || col.amount === undefined) {
    ctx.diagnose(
      "warning",
      "政府采购预算表的表头无法识别（procurement table header not recognised）",
      "procurement",
      all[h]!.line,
    );
    return undefined;
  }
  const funds = fundColumns([all[h]!, ...headers], width, col.amount);
  if (doc.layout === "columns")
    joinWrappedCells(
      all,
      d,
      all[h]!,
      (r) => r.cells.length > col.amount! && r.cells.some((c) => c.text),
    );
  return readItemRows(ctx, all.slice(d), col as ItemColumns, funds, unit);
}

/** Where each field of an item is: column indexes by field. */
interface ItemColumns {
  item: number;
  amount: number;
  project?: number;
  catalog?: number;
  measure?: number;
  quantity?: number;
  unitPrice?: number;
}

/** The columns the header names (a 项目来源 over 项目名称 and 预算资金 shifts the rest by one). */
function itemColumns(header: GridRow, subHeader: GridRow | undefined): Partial<ItemColumns> {
  const head = header.cells.map((c) => squash(c.text));
  const sub = subHeader?.cells.map((c) => squash(c.text)) ?? [];
  const col: Partial<ItemColumns> = {};
  let offset = 0;
  for (const [j, label] of head.entries()) {
    const at = j + offset;
    if (/项目来源/.test(label) && /项目名称/.test(sub[at] ?? "")) {
      col.project = at;
      if (/预算资金|金额/.test(sub[at + 1] ?? "")) {
        offset++;
      }
    } else if (/项目名称/.test(label)) col.project = at;
    else if (/采购物品名称|品目名称|采购项目名称/.test(label)) col.item = at;
    else if (/目录序号|目录编码|品目编码/.test(label)) col.catalog = at;
    else if (/单位/.test(label) && !/单价/.test(label)) col.measure = at;
    else if (/^数量$/.test(label)) col.quantity = at;
    else if (/单价/.test(label)) col.unitPrice = at;
    else if (/采购金额|^金额|合计|总计/.test(label) && col.amount === undefined) col.amount = at;
  }
  return col;
}

/**
 * Fund columns right of the amount: the full-width header row names them at the data rows'
 * own positions (a one-row header names them itself).
 */
function fundColumns(
  headerRows: GridRow[],
  width: number,
  amountCol: number,
): { index: number; label: string }[] {
  const funds: { index: number; label: string }[] = [];
  for (const r of headerRows) {
    if (r.cells.length !== width) continue;
    for (const [i, c] of r.cells.entries()) {
      const label = squash(c.text);
      if (
        i > amountCol &&
        label &&
        !/^(合计|总计|小计)$/.test(label) &&
        /拨款|预算|专户|来源|资金|收入/.test(label)
      )
        funds.push({ index: i, label });
    }
  }
  return funds;
}

/** The table's items and its 合计 row, from the first data row on. */
function readItemRows(
  ctx: ExtractContext,
  rows: GridRow[],
  col: ItemColumns,
  funds: { index: number; label: string }[],
  unit: MoneyUnit,
): TableResult {
  const result: TableResult = { items: [] };
  for (const r of rows) {
    const cells = r.cells.map((c) => squash(c.text));
    if (r.cells.length < col.amount + 1) break;
    const amount = cellAmount(cells[col.amount] ?? "", unit);
    const first = cells[0] ?? "";
    const fundSources = funds
      .map((f) => ({ label: f.label, fen: cellAmount(cells[f.index] ?? "", unit) }))
      .filter((f): f is { label: string; fen: Fen } => f.fen !== undefined)
      .map((f) => ({ label: f.label, amount: fenToWan(f.fen) }));
    if (/^合计$|^总计$/.test(first)) {
      if (amount !== undefined)
        result.total = { fen: amount, line: r.line, raw: `${cells[col.amount]}${unit}` };
      if (fundSources.length) result.fundSources = fundSources;
      continue;
    }
    if (/小计$|合计$/.test(first)) continue;
    const name = cells[col.item] ?? "";
    if (amount === undefined || !name) {
      if (cells.every((c) => !c)) continue;
      ctx.diagnose(
        "warning",
        `政府采购预算表第 ${r.line} 行无法读取（procurement row not read）`,
        "procurement",
        r.line,
      );
      continue;
    }
    const item = itemOf(cells, name, fenToWan(amount), col, unit);
    if (fundSources.length) item.fundSources = fundSources;
    const k = result.items!.length;
    result.items!.push(item);
    ctx.cite(`/procurement/items/${k}`, r.line, r.cells.map((c) => c.text).join(" "));
  }
  return result;
}

/** One purchase from its row's cells. */
function itemOf(
  cells: string[],
  name: string,
  amount: number,
  col: ItemColumns,
  unit: MoneyUnit,
): Item {
  const item: Item = { item: name, amount };
  if (col.project !== undefined && cells[col.project]) item.project = cells[col.project];
  const code = col.catalog !== undefined ? cells[col.catalog] : undefined;
  if (code) item.catalogCode = code;
  const category = categoryOf(name, code);
  if (category) item.category = category;
  if (col.measure !== undefined && cells[col.measure]) item.measure = cells[col.measure];
  if (col.quantity !== undefined) {
    const q = Number(cells[col.quantity]?.replace(/,/g, ""));
    if (cells[col.quantity] && Number.isFinite(q)) item.quantity = q;
  }
  if (col.unitPrice !== undefined) {
    const p = cellAmount(cells[col.unitPrice] ?? "", unit);
    if (p !== undefined) item.unitPrice = fenToWan(p);
  }
  return item;
}

/** 货物 / 工程 / 服务 from the item's own words or the 目录 code's letter (A 货物, B 工程, C 服务). */
function categoryOf(name: string, code: string | undefined): string | undefined {
  if (/^(货物|工程|服务)$/.test(name)) return name;
  const letter = code?.trim()[0]?.toUpperCase();
  return letter === "A" ? "货物" : letter === "B" ? "工程" : letter === "C" ? "服务" : undefined;
}

function isDataRow(r: GridRow): boolean {
  const t = r.cells.map((c) => squash(c.text));
  if (/^(合计|总计)$/.test(t[0] ?? "")) return true;
  return t.some((x) => /^[A-C](?:\d{2,})?$/.test(x)) && t.some((x) => parseAmount(x) !== undefined);
}

function findUnitAbove(doc: SourceDocument, line: number): MoneyUnit {
  for (let no = line; no >= Math.max(1, line - 8); no--) {
    const m = /单位[:：]?(万元|元|亿元)/.exec(squash(doc.lines[no - 1]?.text ?? ""));
    if (m) return m[1] as MoneyUnit;
  }
  return "万元";
}
