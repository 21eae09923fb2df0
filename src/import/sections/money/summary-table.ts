/**
 * Reads the 部门收支总表 (收支预算总表 / 财务收支预算总表 / 收支总体情况表 /
 * 收入支出决算总表): the income side's rows and totals, and the expenditure
 * side's totals. Both income and expenditure use it, so it is read once per
 * document and cached.
 */
import type { Fen, MoneyUnit } from "../../../model/amount.ts";
import type { IncomeSource } from "../../../model/disclosure.ts";
import type { SourceDocument } from "../../source-document.ts";
import { stripNumbering } from "../../toolkit/find.ts";
import {
  findTableRegions,
  tokenAmount,
  type TableRegion,
  type Token,
  type TokenRow,
} from "./standard-tables.ts";

export const SUMMARY_TABLE_TITLE =
  /(?:收支|收入支出)(?:预算|决算)?总(?:表|体情况表)|收支总体情况表|收入支出决算总表/;

export interface SummaryValue {
  fen: Fen;
  line: number;
  text: string;
}

export interface SummaryItem extends SummaryValue {
  label: string;
  /** 1 for "一、…", 2 for "（一）…", 3 for "1.…", 4 for "（1）…". */
  level: number;
}

export interface SummaryTable {
  region: TableRegion;
  unit: MoneyUnit;
  incomeTotal?: SummaryValue;
  incomeSubtotal?: SummaryValue;
  /** The total is printed before the rows. */
  incomeTotalFirst?: boolean;
  items: SummaryItem[];
  expenditureTotal?: SummaryValue;
  expenditureSubtotal?: SummaryValue;
  basic?: SummaryValue;
  project?: SummaryValue;
  /** Lines below 本年支出合计 that are not this year's expenditure (结转下年, 年末结转和结余, 结余分配), as printed. */
  carryForward?: (SummaryValue & { label: string })[];
  /** Rows were found but no total: the table is cut off. */
  cutOff?: boolean;
}

/** Maps the printed wording of an income row onto the format's source vocabulary. */
export function incomeSource(label: string): IncomeSource {
  const l = label.replace(/\s+/g, "");
  if (/财政专户/.test(l)) return "fiscalSpecial";
  if (/一般公共预算|公共财政/.test(l)) return "generalBudget";
  if (/政府性基金|基金预算|基金收入|基金拨款/.test(l)) return "governmentFund";
  if (/国有资本/.test(l)) return "stateCapital";
  if (/结转|结余/.test(l)) return "carryOver";
  if (/经营/.test(l)) return "operating";
  if (/事业收入/.test(l)) return "business";
  if (/上级补助/.test(l)) return "superiorSubsidy";
  if (/附属单位/.test(l)) return "subordinateRemit";
  if (/财政拨款|^预算拨款/.test(l)) return "fiscalUnsplit";
  return "other";
}

const cache = new WeakMap<SourceDocument, SummaryTable | null>();
const fiscalCache = new WeakMap<SourceDocument, SummaryTable | null>();

const INCOME_WORD =
  /收入|拨款|资金|结转|结余|补助|上缴|一般公共预算|政府性基金|国有资本|财政专户|事业基金/;
const NOT_INCOME =
  /支出|结转下年|年末结转|年终结转|结余分配|^项目|^收入$|^预算数|^金额|^决算数|^合计|^其中/;

export function numberingLevel(label: string): number {
  if (/^[一二三四五六七八九十]+[、.．]/.test(label)) return 1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(label)) return 2;
  if (/^\d+[.．、]/.test(label)) return 3;
  if (/^[（(]\d+[）)]/.test(label)) return 4;
  return 1;
}

function value(token: Token | undefined, unit: MoneyUnit): SummaryValue | undefined {
  const fen = tokenAmount(token, unit);
  return fen === undefined || !token ? undefined : { fen, line: token.line, text: token.text };
}

function readRegion(region: TableRegion): SummaryTable {
  const unit = region.unit;
  const table: SummaryTable = { region, unit, items: [] };
  const wrap: Wrap = {};
  for (const row of region.rows) {
    // Rows after 收入总计 (notes, a repeated header) are not income rows.
    if (!table.incomeTotal || table.incomeTotalFirst) readIncomeSide(row, table, wrap);
    readExpenditureSide(row, table);
  }
  table.items = dropFundParents(dropSummedParents(table.items));
  return table;
}

/**
 * PDF text prints a wrapped label cell around its figure: "(1)一般公共预算" on the
 * line above, the number alone at the row's start, "拨款" below. The pending
 * label waits for that number and takes the continuation line after it.
 */
interface Wrap {
  pending?: { text: string; x: number };
  lastLabelX?: number;
  /** The item just read from a wrapped label, which may still continue below. */
  last?: { item: SummaryItem; x: number };
}

function readIncomeSide(row: TokenRow, table: SummaryTable, wrap: Wrap): void {
  const first = row.tokens.findIndex((t) => t.kind === "text");
  const head = row.tokens[0];
  // A figure alone at the start of the row belongs to the label printed above it.
  if (head?.kind === "num" && head.x !== undefined && wrap.pending) {
    const amount = value(head, table.unit);
    const label = wrap.pending.text;
    wrap.pending = undefined;
    if (amount && INCOME_WORD.test(label) && !NOT_INCOME.test(stripNumbering(label))) {
      const item = { ...amount, label: stripNumbering(label), level: numberingLevel(label) };
      table.items.push(item);
      wrap.last = { item, x: wrap.lastLabelX ?? 0 };
    }
    return;
  }
  if (first < 0) return;
  // The income side is the left half: its label is the row's first cell.
  if (row.tokens.slice(0, first).some((t) => t.kind === "num")) return;
  const token = row.tokens[first]!;
  const label = token.text;
  const next = row.tokens[first + 1];
  const amount = value(next?.kind === "num" ? next : undefined, table.unit);
  // The line below a wrapped label: unnumbered text at the label's column, no figure.
  if (
    wrap.last &&
    !amount &&
    token.x !== undefined &&
    Math.abs(token.x - wrap.last.x) <= 6 &&
    numberingLevel(label) === 1 &&
    !/^[一二三四五六七八九十]+[、.．]/.test(label) &&
    label.length <= 6
  ) {
    wrap.last.item.label += label;
    wrap.last = undefined;
    return;
  }
  wrap.last = undefined;
  // "收入总计", "收入预算总计", "收入决算合计" …: the total, never an item.
  if (
    /^(?:收入)?(?:预算|决算)?总计$|^收入(?:预算|决算)?总计|^收入(?:预算|决算)?合计$|^合计$/.test(
      label,
    )
  ) {
    if (amount && !table.incomeTotal) {
      table.incomeTotal = amount;
      // A 合计 printed above the rows (重庆 表一) does not end the income side.
      table.incomeTotalFirst = table.items.length === 0;
    }
    return;
  }
  if (/^(?:本年|当年)收入(?:预算|决算)?(?:合计|小计)$|^本年收入$|^小计$/.test(label)) {
    if (amount) table.incomeSubtotal = amount;
    return;
  }
  if (!amount) {
    if (token.x !== undefined && first === 0) {
      wrap.pending = { text: label, x: token.x };
      wrap.lastLabelX = token.x;
    }
    return;
  }
  wrap.pending = undefined;
  if (!INCOME_WORD.test(label) || NOT_INCOME.test(stripNumbering(label))) return;
  table.items.push({ ...amount, label: stripNumbering(label), level: numberingLevel(label) });
}

/** 结转下年(资金) / 年末结转和结余 / 年终结转 / 结余分配, not their 其中 rows (基本支出结转 …). */
const CARRY_FORWARD = /^(?:结转下年|年末结转|年终结转|结余分配)/;

function readExpenditureSide(row: TokenRow, table: SummaryTable): void {
  row.tokens.forEach((t, i) => {
    if (t.kind !== "text") return;
    const next = row.tokens[i + 1];
    const amount = value(next?.kind === "num" ? next : undefined, table.unit);
    if (!amount) return;
    const label = stripNumbering(t.text);
    if (/^(?:本年|当年)支出(?:合计|小计)$/.test(label)) table.expenditureSubtotal ??= amount;
    else if (/^支出(?:总计|合计)$/.test(label)) table.expenditureTotal ??= amount;
    // 西安's 部门综合预算收支总表 prints the parts as 人员经费和公用经费支出 / 专项业务经费支出.
    else if (/^(?:基本支出|人员经费和公用经费(?:支出)?)$/.test(label)) table.basic ??= amount;
    else if (/^(?:项目支出|专项业务经费(?:支出)?)$/.test(label)) table.project ??= amount;
    else if (
      CARRY_FORWARD.test(label) &&
      amount.fen !== 0n &&
      !table.carryForward?.some((c) => c.label === label)
    )
      (table.carryForward ??= []).push({ ...amount, label });
  });
}

/**
 * A row whose sub-rows ("一、财政拨款收入" over "1. 一般公共预算资金") add up to
 * it is a subtotal: the sub-rows are the items.
 */
export function dropSummedParents(items: SummaryItem[]): SummaryItem[] {
  const drop = new Set<number>();
  items.forEach((item, i) => {
    let sum = 0n;
    let children = 0;
    for (let j = i + 1; j < items.length && items[j]!.level > item.level; j++) {
      if (items[j]!.level === Math.min(...items.slice(i + 1, j + 1).map((x) => x.level))) {
        sum += items[j]!.fen;
        children++;
      }
    }
    if (children === 0 || sum !== item.fen) return;
    // Sub-rows of the parent's own source ("上年结余、结转" over 财政拨款 / 非财政拨款结余、结转)
    // split nothing the format names: the parent is the item.
    const below = items.slice(i + 1, i + 1 + descendants(items, i));
    const source = incomeSource(item.label);
    if (source !== "other" && below.every((b) => incomeSource(b.label) === source))
      below.forEach((_, k) => drop.add(i + 1 + k));
    else drop.add(i);
  });
  return items.filter((_, i) => !drop.has(i));
}

/** How many rows after `i` are numbered below it. */
function descendants(items: SummaryItem[], i: number): number {
  let n = 0;
  while (i + 1 + n < items.length && items[i + 1 + n]!.level > items[i]!.level) n++;
  return n;
}

const FISCAL_PARENT = /^(?:财政拨款|预算拨款)(?:收入|资金)?(?:合计|小计)?$/;
const FUND_ROW = /^(?:一般公共预算|政府性基金|国有资本经营)/;

/**
 * "财政拨款" over its funds ("一般公共预算" / "政府性基金" / "国有资本经营预算")
 * printed without numbering, the funds set in by indentation only: the rows
 * right below it that name a fund and add up to it make it a subtotal.
 */
export function dropFundParents(items: SummaryItem[]): SummaryItem[] {
  const drop = new Set<number>();
  items.forEach((item, i) => {
    if (!FISCAL_PARENT.test(item.label)) return;
    let sum = 0n;
    for (let j = i + 1; j < items.length && FUND_ROW.test(items[j]!.label); j++) {
      sum += items[j]!.fen;
      if (sum === item.fen) drop.add(i);
    }
  });
  return items.filter((_, i) => !drop.has(i));
}

/** The first 收支总表 in the document that states an income total. */
export function readSummaryTable(doc: SourceDocument): SummaryTable | undefined {
  if (cache.has(doc)) return cache.get(doc) ?? undefined;
  let found: SummaryTable | undefined;
  let partial: SummaryTable | undefined;
  for (const region of findTableRegions(doc, SUMMARY_TABLE_TITLE)) {
    if (/财政拨款|一般公共预算/.test(region.title)) continue;
    const table = readRegion(region);
    if (table.incomeTotal || table.expenditureSubtotal || table.expenditureTotal) {
      found = table;
      break;
    }
    if (table.items.length) partial ??= { ...table, cutOff: true };
  }
  found ??= partial;
  cache.set(doc, found ?? null);
  return found;
}

/**
 * The 财政拨款收支总表 (表4 of most templates): its income rows split the 财政拨款
 * into 一般公共预算 / 政府性基金 / 国有资本经营预算.
 */
export function readFiscalSummaryTable(doc: SourceDocument): SummaryTable | undefined {
  if (fiscalCache.has(doc)) return fiscalCache.get(doc) ?? undefined;
  let found: SummaryTable | undefined;
  for (const region of findTableRegions(doc, SUMMARY_TABLE_TITLE)) {
    if (!/财政拨款/.test(region.title)) continue;
    const table = readRegion(region);
    if (table.items.length) {
      found = table;
      break;
    }
  }
  fiscalCache.set(doc, found ?? null);
  return found;
}
