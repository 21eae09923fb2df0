/**
 * The 国有资产占有使用情况 part: the date it is stated at and the 固定资产 table.
 */
import { fenToWan, type MoneyUnit } from "../../model/amount.ts";
import type { Assets } from "../../model/disclosure.ts";
import { squash, type SourceDocument } from "../source-document.ts";
import type { ExtractContext, PartExtractor } from "./context.ts";
import { stripNumbering } from "../toolkit/find.ts";
import { cellAmount, columnUnder, gridRows, underHeader, type GridRow } from "../toolkit/grid.ts";
import { sectionText } from "../toolkit/section-text.ts";

type Item = NonNullable<Assets["items"]>[number];
type Values = NonNullable<Assets["total"]>;

/** Reads 国有资产: the date it is stated at and the 固定资产占用情况 / 资产信息 table. */
export const extractAssets: PartExtractor = {
  name: "国有资产",
  run(ctx) {
    const table = findTable(ctx.doc);
    if (!table) {
      const stated = readNarrative(ctx);
      if (stated) ctx.disclosure.assets = stated;
      return;
    }
    const out: Assets = {};
    const asOf = findDate(ctx, table.header.line);
    if (asOf) out.asOf = asOf;
    readTable(ctx, table.rows, table.index, table.unit, out);
    if (!out.total && !out.items?.length) {
      ctx.diagnose(
        "warning",
        "找到资产表，但未能读出数据（asset table found, no rows read）",
        "assets",
        table.header.line,
      );
      return;
    }
    ctx.disclosure.assets = out;
  },
};

const HEADER_NAME = /^(?:资产类别|资产名称|资产分类|类别|项目|名称)$/;
const HEADER_VALUE = /原值|价值|净值|账面|金额/;

function findTable(
  doc: SourceDocument,
): { rows: GridRow[]; index: number; header: GridRow; unit: MoneyUnit } | undefined {
  const titles = doc.lines.filter(
    (l) =>
      !l.furniture &&
      /资产(?:信息|占用|情况|明细)|固定资产/.test(squash(l.text)) &&
      squash(l.text).length < 120,
  );
  for (const t of titles) {
    let rows = gridRows(doc, t.no, t.no + 80);
    const index = rows.findIndex((r) => {
      const cells = r.cells.map((c) => squash(c.text));
      return cells.some((c) => HEADER_NAME.test(c)) && cells.some((c) => HEADER_VALUE.test(c));
    });
    if (index < 0 || index > 8) continue;
    // A Word export prints one line per cell: a long table runs past the window, so read on to its end.
    const end = tableEnd(doc, rows[index]!.line);
    if (end > t.no + 80) rows = gridRows(doc, t.no, end);
    const header = rows[index]!;
    let unit: MoneyUnit = "万元";
    const around = [
      ...rows.slice(0, index + 1).flatMap((r) => r.cells.map((c) => squash(c.text))),
    ].join("|");
    const m = /单位[:：]?(万元|元|亿元)/.exec(around);
    if (m) unit = m[1] as MoneyUnit;
    return { rows, index, header, unit };
  }
  return undefined;
}

/** The last line of the table block that holds a line (the block before the next one starts). */
function tableEnd(doc: SourceDocument, line: number): number {
  const i = doc.blocks.findIndex((b) => b.line > line);
  return i < 0 ? doc.lines.length : doc.blocks[i]!.line - 1;
}

/** The date the figures are stated at: "截止时间：2018年12月31日", "截至2025年12月31日", "2020年末". */
function findDate(ctx: ExtractContext, near: number): string | undefined {
  const pad = (n: string) => n.padStart(2, "0");
  for (const l of ctx.doc.lines) {
    if (l.no < near - 12 || l.no > near + 2) continue;
    const t = squash(l.text);
    const d = /(?:截止|截至)(?:时间|日期)?[:：]?(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(t);
    if (d) return `${d[1]}-${pad(d[2]!)}-${pad(d[3]!)}`;
    const e = /(\d{4})年(?:末|底|年末|12月末)/.exec(t);
    if (e) return `${e[1]}-12-31`;
  }
  for (const sec of sectionText(ctx.doc, /国有资产|资产占用/)) {
    const d = /(?:截止|截至)(?:时间|日期)?[:：]?(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(sec.text);
    if (d) return `${d[1]}-${pad(d[2]!)}-${pad(d[3]!)}`;
  }
  return undefined;
}

/** "截至2026年1月31日", "截至 2025 年底", "截止2025年末", "截至上年底": the date the section's figures stand at. */
const STATED_DATE =
  /(?:截至|截止)(?:时间|日期)?[:：]?(?:(\d{4})年(?:(\d{1,2})月(\d{1,2})日|(?:底|末|年末|年底|12月末))|(上)年(?:底|末))/;
/** The 固定资产 total the sentence states: "本部门固定资产金额29,407.22万元", "固定资产原值为…". */
const STATED_VALUE =
  /固定资产(?:总额|金额|原值|账面原值|总值)(?:为|共计|合计)?([\d,，]+(?:\.\d+)?)(万元|亿元|元)/;
const STATED_VEHICLES = /(?:共有车辆|车辆|公务用车保有量|共有公务用车)(?:共)?(\d+)(?:辆|台)/;
/** Holdings stated without 截至 (共有车辆 8 辆); plans (拟购置, 计划购置车辆 30 辆) do not match. */
const HOLDINGS = /(?:共有|实有|现有)(?:车辆|公务用车)(?:共)?\d+(?:辆|台)/;
/** "2021 年末", "2025年底" in a holdings sentence: the figures stand at that year's end. */
const YEAR_END = /(\d{4})年(?:末|底)/;
const STATED_EQUIPMENT =
  /单(?:价|位价值)(?:在)?(\d+)万元(?:（含）|\(含\))?以上(?:的)?设备(?:（不含车辆）|\(不含车辆\))?(\d+)台/;

/**
 * Budgets without an asset table state the holdings in a sentence under a 国有资产占有使用 /
 * 占用情况 heading: the date, the 固定资产 total, vehicles and large equipment (as items with a
 * quantity). Only the sentence opening with 截至/截止 counts: the plans that follow ("拟购置…",
 * "预算安排购置…") are not holdings.
 */
function readNarrative(ctx: ExtractContext): Assets | undefined {
  for (const sec of sectionText(ctx.doc, /国有资产|资产占有|资产占用/)) {
    const at = STATED_DATE.exec(sec.text);
    const held = at ? undefined : HOLDINGS.exec(sec.text);
    if (!at && !held) continue;
    // Without 截至: the sentence stating what is held ("本部门共有车辆 8 辆，其中…",
    // "本部门所属预算单位 2021 年末共有车辆 242 辆"), dated only if it names a year's end.
    const start = at ? at.index : sec.text.lastIndexOf("。", held!.index) + 1;
    const end = sec.text.indexOf("。", start);
    const sentence = sec.text.slice(start, end < 0 ? undefined : end);
    const out: Assets = {};
    const yearEnd = at ? undefined : YEAR_END.exec(sentence);
    const asOf = at ? statedDate(ctx, at) : yearEnd ? `${yearEnd[1]}-12-31` : undefined;
    if (asOf) out.asOf = asOf;
    const line = sec.lineAt(start);
    const value = STATED_VALUE.exec(sentence);
    const fen = value ? cellAmount(value[1]!, value[2] as MoneyUnit) : undefined;
    if (fen !== undefined) {
      out.total = { originalValue: fenToWan(fen) };
      ctx.cite("/assets/total/originalValue", line, value![0]);
    }
    const items: Item[] = [];
    const vehicles = STATED_VEHICLES.exec(sentence);
    if (vehicles) items.push({ category: "车辆", quantity: Number(vehicles[1]) });
    const equipment = STATED_EQUIPMENT.exec(sentence);
    if (equipment)
      items.push({
        category: `单位价值${equipment[1]}万元以上设备`,
        quantity: Number(equipment[2]),
      });
    for (const [i, it] of items.entries()) ctx.cite(`/assets/items/${i}`, line, it.category);
    if (items.length) out.items = items;
    if (out.asOf || out.total || out.items) return out;
  }
  return undefined;
}

/** The stated date as YYYY-MM-DD; "上年底" is the end of the year before the disclosure's year. */
function statedDate(ctx: ExtractContext, m: RegExpExecArray): string | undefined {
  const pad = (n: string) => n.padStart(2, "0");
  if (m[4]) {
    const year = ctx.disclosure.year;
    if (year === undefined) return undefined;
    return `${ctx.disclosure.kind === "final" ? year : year - 1}-12-31`;
  }
  if (m[2] && m[3]) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  return `${m[1]}-12-31`;
}

function readTable(
  ctx: ExtractContext,
  rows: GridRow[],
  h: number,
  unit: MoneyUnit,
  out: Assets,
): void {
  const layout = ctx.doc.layout;
  const head = rows[h]!.cells.map((c) => squash(c.text));
  const nameCol = head.findIndex((c) => HEADER_NAME.test(c));
  const col = {
    quantity: head.findIndex((c) => /数量/.test(c)),
    originalValue: head.findIndex((c) => /原值|价值|账面|金额/.test(c) && !/净值|折旧/.test(c)),
    depreciation: head.findIndex((c) => /折旧|摊销/.test(c)),
    netValue: head.findIndex((c) => /净值/.test(c)),
  };
  const headerUnit = /单位[:：]?(万元|元)/.exec(head.join("|"));
  const u = (headerUnit?.[1] as MoneyUnit | undefined) ?? unit;
  const items: Item[] = [];
  let parent: string | undefined;
  let inChildren = false;
  let numbered = false;
  let previousLine = rows[h]!.line;
  for (const printed of rows.slice(h + 1)) {
    // PDF text drops blank cells: read each value under the header column it sits beneath.
    let r = layout === "columns" ? underHeader(printed, rows[h]!) : printed;
    // PDF text: a category with no figures is a lone name on the very next line, under the name column.
    const bareCategory =
      layout === "columns" &&
      r.cells.length === 1 &&
      r.line === previousLine + 1 &&
      columnUnder(r.cells[0]!, rows[h]!) === nameCol;
    if (bareCategory)
      r = {
        line: r.line,
        cells: rows[h]!.cells.map((c, i) => (i === nameCol ? r.cells[0]! : { ...c, text: "" })),
      };
    previousLine = r.line;
    const cells = r.cells.map((c) => squash(c.text));
    const raw = (cells[nameCol] ?? "").trim();
    // The table ends at the next paragraph or heading: a row of one cell.
    if (r.cells.length === 1 && rows[h]!.cells.length > 1) break;
    if (!raw || /^单位[:：]/.test(raw)) continue;
    const values: Values = {};
    const q = cells[col.quantity];
    if (col.quantity >= 0 && q && /^\d[\d,]*(?:\.\d+)?$/.test(q))
      values.quantity = Number(q.replace(/,/g, ""));
    for (const k of ["originalValue", "depreciation", "netValue"] as const) {
      const i = col[k];
      if (i < 0) continue;
      const f = cellAmount(cells[i] ?? "", u);
      if (f !== undefined) values[k] = fenToWan(f);
    }
    if (/^(合计|总计|资产总额|总额|资产合计)$/.test(raw)) {
      out.total = values;
      ctx.cite("/assets/total", r.line, r.cells.map((c) => c.text).join(" "));
      continue;
    }
    const child = /^其中[:：]?/.test(raw);
    const hasNumber =
      /^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)])/.test(
        raw,
      );
    if (hasNumber) numbered = true;
    const category = stripNumbering(raw.replace(/^其中[:：]?/, ""));
    if (!category || /^\d+$/.test(category)) continue;
    const item: Item = { category };
    if (child || (inChildren && numbered && !hasNumber)) {
      if (parent) item.parent = parent;
      inChildren = true;
    } else {
      parent = category;
      inChildren = false;
    }
    Object.assign(item, values);
    ctx.cite(`/assets/items/${items.length}`, r.line, r.cells.map((c) => c.text).join(" "));
    items.push(item);
  }
  if (items.length) out.items = items;
}
