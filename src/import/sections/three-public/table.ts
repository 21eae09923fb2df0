/**
 * The “三公”经费 table: found by its title, then read in whichever
 * orientation it is printed — one item per row (项目 | 合计 | 同比 | 资金来源…)
 * or one item per column (columns.ts).
 */
import { fenToWan, type Fen, type MoneyUnit } from "../../../model/amount.ts";
import { squash, type SourceDocument } from "../../source-document.ts";
import type { ExtractContext } from "../context.ts";
import { cellAmount, gridRows, tableUnit, type GridRow } from "../../toolkit/grid.ts";
import { itemsAsColumns, readColumnsTable } from "./columns.ts";
import { groupMode, keyOf, type TableResult } from "./labels.ts";
import type { Mode } from "./narrative.ts";
import { TOC_LEADER } from "../../toolkit/find.ts";

const TITLE = /三公.{0,12}(?:经费)?.{0,20}表/;

export function readTable(ctx: ExtractContext): TableResult | undefined {
  const doc = ctx.doc;
  const positioned = doc.layout === "columns";
  for (const l of doc.lines) {
    if (l.text.length > 400) continue;
    let t = squash(l.text);
    // A long title wraps before its 表 ("…“三公”经费、" / "会议费、培训费表（不含上年结转）").
    const tail = squash(doc.lines[l.no]?.text ?? "");
    const wrapped = /三公/.test(t) && !TITLE.test(t) && tail.length <= 30 && /表/.test(tail);
    if (wrapped) t += tail;
    if (
      t.length > 80 ||
      !TITLE.test(t) ||
      TOC_LEADER.test(t) ||
      /说明|^[一二三四五六七八九十]+、/.test(t) ||
      inTitleList(doc, l.no)
    )
      continue;
    const unit = tableUnit(doc, l.no);
    const from = l.no + (wrapped ? 2 : 1);
    const rows = gridRows(doc, from, from + (positioned ? 44 : 89));
    const year = ctx.disclosure.year;
    const r = itemsAsColumns(rows, unit, positioned)
      ? readColumnsTable(rows, unit, year, positioned)
      : readRowsTable(rows, unit, year);
    if (r && r.values.size > 0) return r;
  }
  return undefined;
}

/** "表12  2022年…预算表": a table's number and its title on one line. */
const LISTED_TITLE = /^表\s*\d+\s*\S{4,}/;

/**
 * A list of the 公开表 titles before the tables (表1 … 表16, often without dot leaders, with
 * 是否空表 columns): the entry above or below is another numbered title, and the rows
 * after it are the next table's, never this one's.
 */
function inTitleList(doc: SourceDocument, no: number): boolean {
  const near = (step: -1 | 1) => {
    for (let n = no + step; n >= 1 && n <= doc.lines.length && Math.abs(n - no) <= 3; n += step) {
      const t = squash(doc.lines[n - 1]!.text);
      if (t) return t;
    }
    return "";
  };
  return LISTED_TITLE.test(near(-1)) || LISTED_TITLE.test(near(1));
}

/**
 * Tables that list one 三公 item per row (项目 | 合计 | 同比 | 资金来源…), or
 * with a column per year (项目 | 2025年预算数 | 2026年预算数 | 增减额 | 增减率)
 * or a 决算 beside its 年初预算 (项目 | 预算数 | 决算数): the budget year's,
 * else the latest year's, else the 决算 column holds this year's figures.
 */
function readRowsTable(
  rows: GridRow[],
  unit: MoneyUnit,
  year: number | undefined,
): TableResult | undefined {
  const h = rows.findIndex(
    (r) =>
      r.cells.some((c) => /^(项目|名称|科目)$/.test(squash(c.text))) &&
      r.cells.some((c) => /合计|金额|预算|决算/.test(squash(c.text))),
  );
  // The header follows the title and its captions; one further down belongs to another table (the title was a TOC entry).
  if (h < 0 || h > 8) return undefined;
  const head = rows[h]!.cells.map((c) => squash(c.text));
  const rateCol = head.findIndex((x) => /同比|增减率|增长率|下降|增长|[%％]/.test(x));
  const years = head.flatMap((x) => /^(\d{4})年/.exec(x)?.[1] ?? []).map(Number);
  const modeAt = (mode: Mode) =>
    head.findIndex(
      (x, i) =>
        i > 0 &&
        i !== rateCol &&
        groupMode(x, year ?? (years.length ? Math.max(...years) : undefined)) === mode,
    );
  const finalCol = head.findIndex((x, i) => i > 0 && /决算/.test(x) && !/预算/.test(x));
  const current = modeAt("current");
  const amountCol =
    current >= 0
      ? current
      : finalCol >= 0
        ? finalCol
        : head.findIndex((x, i) => i > 0 && /合计|金额|预算数/.test(x));
  const columns: [Mode, number][] = [
    ["current", amountCol],
    ["previous", modeAt("previous")],
    ["change", modeAt("change")],
  ];
  const fundCol = head.findIndex((x) => /资金来源/.test(x));
  const sub = rows[h + 1]?.cells.map((c) => squash(c.text)) ?? [];
  const fundLabels = fundCol >= 0 ? sub.map((x, i) => (i >= fundCol && x ? x : "")) : [];
  const out: TableResult = { values: new Map() };
  for (const r of rows.slice(h + 1)) {
    const cells = r.cells.map((c) => squash(c.text));
    const key = keyOf(cells[0] ?? "");
    if (!key || key === "subtotal" || key === "other") {
      if (out.values.size > 0 && cells.filter(Boolean).length === 1) break;
      continue;
    }
    for (const [mode, col] of columns) {
      const fen = col < 0 ? undefined : cellAmount(cells[col] ?? "", unit);
      if (fen !== undefined)
        out.values.set(`${mode}:${key}`, { fen, line: r.line, raw: `${cells[col]}` });
    }
    if (!out.values.has(`current:${key}`)) continue;
    if (key === "total") {
      const rate = cells[rateCol];
      if (rateCol >= 0 && rate && /\d/.test(rate)) {
        const v = Number(rate.replace(/[%％]/g, ""));
        const down = /下降|减少|降低/.test(head[rateCol]!);
        if (Number.isFinite(v))
          out.changeRate = { value: down ? -v : v, line: r.line, raw: `${head[rateCol]}${rate}` };
      }
      const funds = fundLabels
        .map((label, i) => ({ label, fen: label ? cellAmount(cells[i] ?? "", unit) : undefined }))
        .filter((f): f is { label: string; fen: Fen } => f.fen !== undefined)
        .map((f) => ({ label: f.label, amount: fenToWan(f.fen) }));
      if (funds.length) out.fundSources = funds;
    }
  }
  return out;
}
