/**
 * The 支出 part: this year's expenditure (基本支出, 项目支出, 人员经费, 公用经费) and its change, from the 收支总表, the 支出总表 and the text.
 */
import { fenToWan, formatWan, sumFen, wanToFen, type Fen } from "../../../model/amount.ts";
import type { Expenditure } from "../../../model/disclosure.ts";
import type { SourceDocument } from "../../source-document.ts";
import type { ExtractContext, PartExtractor } from "../context.ts";
import { witness } from "../../plausibility.ts";
import { readSummaryTable, type SummaryTable, type SummaryValue } from "./summary-table.ts";
import { overallExpenditure } from "./overall-budget.ts";
import {
  AMT,
  amountOf,
  changeEvents,
  lineAt,
  narrativeStream,
  sentenceEnd,
  sameWithinPrinting,
  sentenceStart,
  type ChangeEvent,
  type Stream,
} from "./narrative.ts";
import {
  assignColumns,
  findTableRegions,
  headerColumns,
  rowLabel,
  rowNumbers,
  tokenAmount,
  type HeaderColumn,
  type TableRegion,
  type Token,
  type TokenRow,
} from "./standard-tables.ts";

const SECTION = "支出";

interface Found {
  fen: Fen;
  line: number;
  text: string;
}

/** 部门支出总表 (支出预算总表 / 支出总体情况表 / 支出决算表), not the 财政拨款 or fund tables. */
const EXPENDITURE_TABLE_TITLE = /支出(?:预算|决算)?总(?:表|体情况表)|支出决算表/;
const NOT_DEPARTMENT_TABLE =
  /收支|收入|财政拨款|一般公共预算|政府性基金|国有资本|三公|项目支出|基本支出/;

const EXPENDITURE_COLUMNS = [
  { key: "total", pattern: /^(?:合计|总计|本年支出合计|支出总计|支出合计)$/ },
  { key: "basic", pattern: /^基本支出$/ },
  { key: "project", pattern: /^项目支出$/ },
  { key: "上缴上级支出", pattern: /上缴上级/ },
  { key: "事业单位经营支出", pattern: /经营支出|^事业单位经营$/ },
  { key: "对附属单位补助支出", pattern: /对附属单位|附属单位补/ },
  { key: "单位预留机动经费", pattern: /机动经费/ },
  { key: "结转下年", pattern: /结转下年/ },
  // Columns that are not parts of the total, so that their numbers are not taken for one.
  { key: "ignore:采购", pattern: /政府采购/ },
];

/** 基本支出 over 人员经费 | 公用经费 (杭州 表3): the sub-columns hold the figures. */
const NESTED_BASIC_COLUMNS = [
  ...EXPENDITURE_COLUMNS,
  { key: "personnel", pattern: /^人员(?:经费|支出)(?:支出)?$/ },
  { key: "publicOperating", pattern: /^(?:日常)?公用(?:经费|支出?)/ },
];

/** The column keywords of a table: 基本支出 is a group header when 人员 and 公用 stand under it. */
function expenditureColumns(region: TableRegion): { key: string; pattern: RegExp }[] {
  const keys = columnsOf(region.rows, NESTED_BASIC_COLUMNS).map((c) => c.key);
  return keys.includes("personnel") && keys.includes("publicOperating")
    ? NESTED_BASIC_COLUMNS.filter((c) => c.key !== "basic")
    : EXPENDITURE_COLUMNS;
}

/** The header columns, keeping only positioned ones when the layout gives positions. */
function columnsOf(rows: TokenRow[], keys: { key: string; pattern: RegExp }[]): HeaderColumn[] {
  const cols = headerColumns(rows, keys);
  return cols.some((c) => c.centre !== undefined)
    ? cols.filter((c) => c.centre !== undefined).map((c, order) => ({ ...c, order }))
    : cols;
}

/**
 * The total row's values by column. Right-aligned numbers drift from their
 * centred headers, so in the columns layout the drift of the total (first
 * number) under 合计 is subtracted before matching the others.
 */
export function totalRowValues(
  region: TableRegion,
  keys: { key: string; pattern: RegExp }[],
): { row: TokenRow; values: Map<string, Token> } | undefined {
  const columns = columnsOf(region.rows, keys);
  if (!columns.some((c) => c.key !== "total")) return undefined;
  // The total row: 合计/总计, else the first row of figures when it is not a 科目 row
  // (a unit's name, or figures without a label, printed before the 功能分类 rows).
  const isCode = (t: Token | undefined) => t?.kind === "num" && /^\d{3,7}$/.test(t.text);
  const figures = region.rows.filter((r) => rowNumbers(r).filter((t) => !isCode(t)).length >= 1);
  let row = figures.find((r) => /^(?:合计|总计)$/.test(rowLabel(r)));
  if (!row) {
    const first = figures.find((r) => rowNumbers(r).length >= 2);
    const lead = first?.tokens.find((t) => t.kind !== "blank");
    // "2050803-培训支出": a 科目 row whose code is joined to its name is no total either.
    const codeName = lead?.kind === "text" && /^\d{3,}[-－—_]?/.test(lead.text);
    if (first && !isCode(lead) && !codeName && !/单位[:：]|部门[:：]/.test(rowLabel(first)))
      row = first;
  }
  if (!row) return undefined;
  const nums = rowNumbers(row);
  const total = columns.find((c) => c.key === "total");
  if (nums.length === columns.length) {
    const values = new Map<string, Token>();
    columns.forEach((c, i) => values.set(c.key, nums[i]!));
    return { row, values };
  }
  if (total?.centre !== undefined && nums.every((n) => n.x !== undefined && n.end !== undefined)) {
    const centre = (t: Token) => (t.x! + t.end!) / 2;
    const drift = centre(nums[0]!) - total.centre;
    const values = new Map<string, Token>([["total", nums[0]!]]);
    let last = total.centre;
    for (const n of nums.slice(1)) {
      const at = centre(n) - drift;
      let best: HeaderColumn | undefined;
      for (const c of columns) {
        if (c.key === "total" || c.centre! <= last || values.has(c.key)) continue;
        if (!best || Math.abs(c.centre! - at) < Math.abs(best.centre! - at)) best = c;
      }
      if (!best) break;
      values.set(best.key, n);
      last = best.centre!;
    }
    return { row, values };
  }
  return { row, values: assignColumns(row, columns) };
}

/**
 * pdftotext stacks a header cell's words over lines ("本年支出合" / "计", "项目支" / "出")
 * and prints a row's figures on the lines around its label (合计 below, 基本/项目 above,
 * 合计's own figure alone). Reads such a table's total row from the stacked header and the
 * figures before the first 科目 row; taken only when its columns add up to the total.
 */
function readStackedTotal(
  doc: SourceDocument,
  region: TableRegion,
): { row: TokenRow; values: Map<string, Token> } | undefined {
  if (doc.layout !== "columns") return undefined;
  const first = region.rows.findIndex((r) => rowNumbers(r).some((t) => /[.,，]/.test(t.text)));
  if (first < 1) return undefined;
  const header = stackedHeader(doc, region.rows.slice(0, first));
  const figures: Token[] = [];
  let line = region.rows[first]!.line;
  for (const r of region.rows.slice(first, first + 6)) {
    const lead = r.tokens.find((t) => t.kind !== "blank");
    // The first 科目 row (a code, or a name with figures) ends the total row.
    if (lead?.kind === "num" && /^\d{3,7}$/.test(lead.text)) break;
    if (lead?.kind === "text" && !/^(?:合计|总计|类款项|类|款|项)$/.test(lead.text)) break;
    for (const t of rowNumbers(r)) {
      const placed = t.x !== undefined ? t : placeToken(doc, t);
      if (!placed) return undefined;
      figures.push(placed);
    }
    // Figures below the 合计 label belong to the next row.
    if (lead?.kind === "text" && /^(?:合计|总计)$/.test(lead.text)) {
      line = r.line;
      break;
    }
  }
  if (figures.length < 2) return undefined;
  figures.sort((a, b) => a.x! - b.x!);
  const row: TokenRow = { line, tokens: [{ kind: "text", text: "合计", line }, ...figures] };
  const read = totalRowValues({ ...region, rows: [...header, row] }, EXPENDITURE_COLUMNS);
  const total = tokenAmount(read?.values.get("total"), region.unit);
  if (!read || total === undefined) return undefined;
  const parts = [...read.values].filter(
    ([k]) => k !== "total" && k !== "结转下年" && !k.startsWith("ignore:"),
  );
  const sum = sumFen(parts.map(([, t]) => tokenAmount(t, region.unit) ?? 0n));
  return parts.length > 0 && sum === total ? read : undefined;
}

/** Header rows with each cell's stacked fragments joined top to bottom, by horizontal overlap. */
function stackedHeader(doc: SourceDocument, rows: TokenRow[]): TokenRow[] {
  interface Stack {
    text: string;
    x: number;
    end: number;
    row: number;
    line: number;
  }
  const stacks: Stack[] = [];
  // A fragment continues the cell above it when they overlap and at most one line lies between.
  const above = (x: number, end: number, i: number) => (s: Stack) =>
    s.row < i && i - s.row <= 2 && x < s.end && end > s.x;
  rows.forEach((r, i) => {
    for (const token of r.tokens) {
      // A header word alone on its line has no column position: take it from the line as printed.
      const whole =
        token.x === undefined && r.tokens.length === 1 ? lonePosition(doc, token) : token;
      if (whole.kind !== "text" || whole.x === undefined || whole.end === undefined) continue;
      // Tails of neighbouring cells run together ("出 出 出" under three columns): split them again.
      const parts =
        stacks.filter(above(whole.x, whole.end, i)).length > 1
          ? printedParts(doc, whole.line, whole.x, whole.end, whole.text)
          : [{ text: whole.text, x: whole.x, end: whole.end }];
      for (const p of parts) {
        const over = stacks.find(above(p.x, p.end, i));
        if (over)
          Object.assign(over, {
            text: over.text + p.text,
            x: Math.min(over.x, p.x),
            end: Math.max(over.end, p.end),
            row: i,
          });
        else stacks.push({ ...p, row: i, line: whole.line });
      }
    }
  });
  const line = rows[rows.length - 1]!.line;
  const tokens: Token[] = stacks.map((s) => ({
    kind: "text",
    text: s.text,
    line: s.line,
    x: s.x,
    end: s.end,
  }));
  return [{ line, tokens: tokens.sort((a, b) => a.x! - b.x!) }];
}

function lonePosition(doc: SourceDocument, t: Token): Token {
  const raw = doc.lines[t.line - 1]?.text ?? "";
  const x = raw.search(/\S/);
  return x < 0 ? t : { ...t, x, end: raw.trimEnd().length };
}

/** A text token's space-separated pieces as printed on its line, with their columns. */
function printedParts(
  doc: SourceDocument,
  line: number,
  x: number,
  end: number,
  text: string,
): { text: string; x: number; end: number }[] {
  const raw = doc.lines[line - 1]?.text.slice(x, end) ?? "";
  const parts = [...raw.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    x: x + m.index,
    end: x + m.index + m[0].length,
  }));
  return parts.length > 0 ? parts : [{ text, x, end }];
}

/** A figure printed alone on its line has no column position: take it from the line as printed. */
function placeToken(doc: SourceDocument, t: Token): Token | undefined {
  const raw = doc.lines[t.line - 1]?.text ?? "";
  const x = raw.indexOf(t.text);
  return x < 0 ? undefined : { ...t, x, end: x + t.text.length };
}

interface TableExpenditure {
  total?: Found;
  basic?: Found;
  project?: Found;
  /** Sub-columns of a nested 基本支出 header. */
  personnel?: Found;
  publicOperating?: Found;
  others: { label: string; found: Found }[];
  /** The 结转下年 column: not part of this year's expenditure. */
  carry?: Found;
}

function found(token: Token | undefined, region: TableRegion): Found | undefined {
  const fen = tokenAmount(token, region.unit);
  return fen === undefined || !token ? undefined : { fen, line: token.line, text: token.text };
}

/** Reads 合计 / 基本支出 / 项目支出 and the other columns from the 部门支出总表. */
export function readExpenditureTable(ctx: ExtractContext): TableExpenditure | undefined {
  for (const region of findTableRegions(ctx.doc, EXPENDITURE_TABLE_TITLE)) {
    if (NOT_DEPARTMENT_TABLE.test(region.title)) continue;
    const out = readExpenditureRegion(ctx, region);
    if (out) return out;
  }
  // A table itemised line by line (北京 预算03表: 功能 × 政府经济 × 部门经济 分类 rows) runs past
  // the rows read above: its 合计 row, printed last, is taken only when it is verified.
  for (const region of findTableRegions(ctx.doc, EXPENDITURE_TABLE_TITLE, LONG_TABLE_ROWS)) {
    if (NOT_DEPARTMENT_TABLE.test(region.title)) continue;
    const total = verifiedLongTotal(ctx, region);
    const out = total && readExpenditureRegion(ctx, total);
    if (out) return out;
  }
  return undefined;
}

/** Rows read from a long, itemised expenditure table (the regions' default is 160). */
const LONG_TABLE_ROWS = 5000;
const SHORT_TABLE_ROWS = 160;
/**
 * A 科目 row of an itemised table: "2040201-行政运行", "50101-工资奖金津补贴", "30101-基本工资";
 * the tail of the row above's wrapped name may stand before its code ("支出2101101-行政单位医疗").
 */
const ITEM_ROW = /^\D{0,6}\d{3,7}[-－—_]/;

/**
 * The header rows and the 合计 row of a long itemised table whose 合计 lies past the
 * rows read by default. Every row of figures before it must be a 科目 row (the header
 * repeated over page breaks prints no figures), and its 合计 must equal the sum of the
 * rows' first figures (their 合计) or the 收支总表's 本年支出合计, to the fen.
 */
function verifiedLongTotal(ctx: ExtractContext, region: TableRegion): TableRegion | undefined {
  if (region.rows.length <= SHORT_TABLE_ROWS) return undefined;
  const figures = (r: TokenRow) => rowNumbers(r).filter((t) => /[.,，]/.test(t.text));
  const first = region.rows.findIndex((r) => figures(r).length > 0);
  const at = region.rows.findIndex((r) => /^(?:合计|总计)$/.test(rowLabel(r)));
  if (first < 0 || at < SHORT_TABLE_ROWS) return undefined;
  const totalRow = region.rows[at]!;
  const total = tokenAmount(figures(totalRow)[0], region.unit);
  if (total === undefined) return undefined;
  const items: Fen[] = [];
  for (const r of region.rows.slice(first, at)) {
    const nums = figures(r);
    if (!nums.length) continue;
    const lead = r.tokens.find((t) => t.kind === "text");
    if (!lead || !ITEM_ROW.test(lead.text)) return undefined;
    const fen = tokenAmount(nums[0], region.unit);
    if (fen === undefined) return undefined;
    items.push(fen);
  }
  const summary = readSummaryTable(ctx.doc)?.expenditureSubtotal;
  if (sumFen(items) !== total && summary?.fen !== total) {
    ctx.diagnose(
      "warning",
      `支出总表合计${formatWan(total)}万元与各行合计之和${formatWan(sumFen(items))}万元、收支总表本年支出合计均不一致，未采用（the itemised table's total is not verified）`,
      SECTION,
      totalRow.line,
    );
    return undefined;
  }
  return { ...region, rows: [...region.rows.slice(0, first), totalRow] };
}

/** The 支出总表's figures from one region, or undefined when it names no 基本 / 项目 column. */
function readExpenditureRegion(
  ctx: ExtractContext,
  region: TableRegion,
): TableExpenditure | undefined {
  const columns = expenditureColumns(region);
  let read = totalRowValues(region, columns);
  // Figures left without a column: a header word may be stacked over lines ("单位预留机" / "动经费").
  const unplaced = read !== undefined && rowNumbers(read.row).length > read.values.size;
  if (!read?.values.has("total") || !read.values.has("project") || unplaced)
    read = readStackedTotal(ctx.doc, region) ?? read;
  // A table titled 支出总表 whose columns are income sources (西安 表3: 公共预算拨款 | 事业收入 |
  // 对附属单位上缴收入…) names no 基本支出 or 项目支出: it is not the expenditure table.
  const named = ["basic", "project", "personnel", "publicOperating"];
  if (!read || !named.some((k) => read?.values.has(k))) return undefined;
  if (!read.values.has("project")) read = adjacentProject(region, columns, read);
  const out: TableExpenditure = { others: [] };
  const total = found(read.values.get("total"), region);
  if (total) out.total = total;
  const basic = found(read.values.get("basic"), region) ?? nestedBasic(out, read, region);
  if (basic) out.basic = basic;
  const project = found(read.values.get("project"), region);
  if (project) out.project = project;
  // 基本 + 项目 already make up the 合计: the columns beside them are its 其中 (北京: 其中 事业单位
  // 经营支出 | 上缴上级支出 | 对附属单位补助支出), parts of 基本 or 项目, not further parts.
  const whole =
    out.total !== undefined &&
    out.basic !== undefined &&
    out.project !== undefined &&
    out.basic.fen + out.project.fen === out.total.fen;
  for (const c of EXPENDITURE_COLUMNS.slice(3)) {
    const f = found(read.values.get(c.key), region);
    if (!f || f.fen === 0n || c.key.startsWith("ignore:")) continue;
    if (c.key === "结转下年") out.carry = f;
    else if (!whole) out.others.push({ label: c.key, found: f });
  }
  const parts = sumFen([
    out.basic?.fen ?? 0n,
    out.project?.fen ?? 0n,
    ...out.others.map((o) => o.found.fen),
  ]);
  if (
    out.total &&
    out.carry &&
    (out.basic || out.project) &&
    parts + out.carry.fen === out.total.fen
  ) {
    // A 合计 that counts the 结转下年 column is 支出总计: this year's expenditure is the rest.
    out.total = { ...out.total, fen: out.total.fen - out.carry.fen };
    ctx.diagnose(
      "info",
      `支出总表合计${formatWan(out.total.fen + out.carry.fen)}万元含结转下年${formatWan(out.carry.fen)}万元，本年支出合计计为${formatWan(out.total.fen)}万元（the table's total includes the amount carried forward）`,
      SECTION,
      read.row.line,
    );
  } else if (out.total && (out.basic || out.project) && !withinOneCent(parts, out.total.fen)) {
    ctx.diagnose(
      "warning",
      `支出总表合计${formatWan(out.total.fen)}万元与各列之和${formatWan(parts)}万元不一致（expenditure table total differs from the sum of its columns）`,
      SECTION,
      read.row.line,
    );
  }
  return out.total ? out : undefined;
}

/**
 * The total row's third figure placed under a column right of 项目支出 (北京 预算03表's 其中
 * sub-headers crowd the header line): when 合计, 基本支出 and 项目支出 are the first three
 * columns, the first three figures stand in adjacent cells (the same gap between them) and
 * the second and third add up to the first to the fen, the third is 项目支出.
 */
function adjacentProject(
  region: TableRegion,
  keys: { key: string; pattern: RegExp }[],
  read: { row: TokenRow; values: Map<string, Token> },
): { row: TokenRow; values: Map<string, Token> } {
  const order = columnsOf(region.rows, keys).map((c) => c.key);
  const [a, b, c] = rowNumbers(read.row);
  if (order.slice(0, 3).join() !== "total,basic,project" || !a || !b || !c) return read;
  if (read.values.get("total") !== a || read.values.get("basic") !== b) return read;
  if ([a, b, c].some((t) => t.x === undefined || t.end === undefined)) return read;
  if (Math.abs(b.x! - a.end! - (c.x! - b.end!)) > 1) return read;
  const fen = [a, b, c].map((t) => tokenAmount(t, region.unit));
  if (fen.some((f) => f === undefined) || fen[1]! + fen[2]! !== fen[0]) return read;
  const values = new Map([...read.values].filter(([, t]) => t !== c));
  values.set("project", c);
  return { row: read.row, values };
}

/** 基本支出 as the sum of its 人员经费 and 公用经费 sub-columns, which are kept too. */
function nestedBasic(
  out: TableExpenditure,
  read: { values: Map<string, Token> },
  region: TableRegion,
): Found | undefined {
  const personnel = found(read.values.get("personnel"), region);
  const publicOperating = found(read.values.get("publicOperating"), region);
  if (!personnel || !publicOperating) return undefined;
  out.personnel = personnel;
  out.publicOperating = publicOperating;
  return {
    fen: personnel.fen + publicOperating.fen,
    line: personnel.line,
    text: `${personnel.text}+${publicOperating.text}`,
  };
}

/** 基本支出表: the 合计 row's 人员经费 and 公用经费. */
const BASIC_TABLE_TITLE = /基本支出(?:预算|决算)?(?:情况|明细)?表|基本支出.*经济分类.*表/;
const BASIC_COLUMNS = [
  { key: "total", pattern: /^(?:合计|总计|小计)$/ },
  { key: "personnel", pattern: /人员经费|^人员类$|人员支出/ },
  { key: "publicOperating", pattern: /公用经费|^公用类$|公用支出/ },
];

export function readBasicSplit(
  ctx: ExtractContext,
): { total: Found; personnel: Found; publicOperating: Found } | undefined {
  for (const region of findTableRegions(ctx.doc, BASIC_TABLE_TITLE)) {
    const read = totalRowValues(region, BASIC_COLUMNS);
    if (!read) continue;
    const total = found(read.values.get("total"), region);
    const personnel = found(read.values.get("personnel"), region);
    const publicOperating = found(read.values.get("publicOperating"), region);
    if (total && personnel && publicOperating && personnel.fen + publicOperating.fen === total.fen)
      return { total, personnel, publicOperating };
  }
  return undefined;
}

/**
 * A 功能分类 expenditure table split into 人员经费 / 公用经费 / 项目 (专项业务经费)
 * columns, whose 合计 is the department's whole expenditure (西安: 一般公共预算支出明细表
 * when all funds are 一般公共预算). Basic expenditure is then 人员经费 + 公用经费.
 */
const SPLIT_COLUMNS = [
  { key: "total", pattern: /^(?:合计|总计)$/ },
  { key: "personnel", pattern: /^人员经费(?:支出)?$/ },
  { key: "publicOperating", pattern: /^(?:日常)?公用经费(?:支出)?$/ },
  { key: "project", pattern: /^(?:项目支出|专项业务经费(?:支出)?)$/ },
];

export function readFunctionSplit(
  ctx: ExtractContext,
  total: Fen,
): { personnel: Found; publicOperating: Found; project: Found } | undefined {
  for (const region of findTableRegions(ctx.doc, /支出.*表/)) {
    if (/收支|收入|三公|基金|国有资本|基本支出|项目支出/.test(region.title)) continue;
    const read = totalRowValues(region, SPLIT_COLUMNS);
    if (!read) continue;
    const t = found(read.values.get("total"), region);
    const personnel = found(read.values.get("personnel"), region);
    const publicOperating = found(read.values.get("publicOperating"), region);
    const project = found(read.values.get("project"), region);
    if (!t || !personnel || !publicOperating || !project) continue;
    // Tables in 万元 rounded from 元 may print a 合计 one cent (0.01万元) off the department's total.
    if (!withinOneCent(t.fen, total)) continue;
    if (personnel.fen + publicOperating.fen + project.fen !== t.fen) continue;
    return { personnel, publicOperating, project };
  }
  return undefined;
}

/** Two amounts equal to the last printed place of a 万元 table (0.01万元 = 10,000 分). */
function withinOneCent(a: Fen, b: Fen): boolean {
  return (a > b ? a - b : b - a) <= 10_000n;
}

interface NarrativeExpenditure {
  total?: Found;
  basic?: Found;
  personnel?: Found;
  publicOperating?: Found;
  project?: Found;
  /** "年终结转结余资金14437万元": stated as a third part of a 支出 total that counts it. */
  carried?: Found & { label: string };
  changeReason?: string;
}

const FUND_BEFORE =
  /(?:拨款|财政|资金|公共预算|基金预算|经营预算|本年|当年|基本|项目|服务|保障|就业|事务|经营|补助|上级|其他|卫生|健康|教育|住房|科学技术|传媒|环保|社区|运输|金融|农林水|信息|应急|储备|援助|安全|国防|外交)$/;

function stated(stream: Stream, re: RegExp, from: number, to: number): Found | undefined {
  const window = stream.text.slice(from, to);
  const m = re.exec(window);
  if (!m) return undefined;
  const fen = amountOf(m[1]!, m[2]!);
  return fen === undefined ? undefined : { fen, line: lineAt(stream, from + m.index), text: m[0] };
}

/** "支出总计72899万元，其中：基本支出16356万元，项目支出56543万元" and the like. */
export function readNarrativeExpenditure(stream: Stream): NarrativeExpenditure {
  const text = stream.text;
  const out: NarrativeExpenditure = {};
  const re = new RegExp(
    String.raw`(支出预算(?:总计|总额|合计)?|预算支出(?:总计|总额|合计)?|支出总计|支出总额|合计总支出|总支出|支出合计|支出)(?:为|是|共计|共)?[：:]?(?:\d{4}年度?(?:年初)?预算数)?${AMT}`,
    "g",
  );
  let m: RegExpExecArray | null;
  let windowStart = -1;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (FUND_BEFORE.test(before)) continue;
    // "收入支出总计" is 收支总计: it counts what is carried forward, unlike 本年支出合计.
    if (/收入?、?$/.test(before)) continue;
    if (m[1] === "支出" && !/(?:\d{4}年度?|部门|单位|本级|[）)：:])$/.test(before)) continue;
    const fen = amountOf(m[2]!, m[3]!);
    if (fen === undefined) continue;
    out.total = { fen, line: lineAt(stream, m.index), text: m[0] };
    windowStart = sentenceStart(text, m.index);
    break;
  }
  // Without a total, the parts may still be stated ("支出预算：人员经费580.17万元…").
  if (windowStart < 0) {
    const s = text.search(/支出(?:预算|说明)[：:]?/);
    if (s < 0) return out;
    windowStart = s;
  }
  let end = Math.min(text.length, windowStart + 420);
  // The department's parts are stated before the fund-level (财政拨款 / 一般公共预算) sections.
  const fund = text
    .slice(windowStart + 10, end)
    .search(/财政拨款(?:收支|支出)|一般公共预算(?:财政)?拨款支出|一般公共预算支出|三公/);
  if (fund >= 0) end = windowStart + 10 + fund;
  const basic = stated(
    stream,
    new RegExp(String.raw`基本支出(?:预算数?|安排)?(?:为|是)?[：:。]?${AMT}`),
    windowStart,
    end,
  );
  if (basic) out.basic = basic;
  const personnel = stated(
    stream,
    new RegExp(String.raw`人员经费(?:支出)?(?:为|是)?[：:]?${AMT}`),
    windowStart,
    end,
  );
  if (personnel) out.personnel = personnel;
  const publicOperating = stated(
    stream,
    new RegExp(String.raw`公用经费(?:支出)?(?:为|是)?[：:]?${AMT}`),
    windowStart,
    end,
  );
  if (publicOperating) out.publicOperating = publicOperating;
  const project = stated(
    stream,
    new RegExp(String.raw`项目支出(?:预算数?|安排)?(?:为|是)?[：:。]?${AMT}`),
    windowStart,
    end,
  );
  if (project) out.project = project;
  // The carry-over is stated after the parts, sometimes past the fund-level paragraphs' start.
  const carriedEnd = text.slice(windowStart, windowStart + 900).search(/三公|[四五六七]、/);
  const carried = stated(
    stream,
    new RegExp(String.raw`(?:年终结转结余|结转下年)(?:资金)?(?:预算)?(?:为|是)?[：:]?${AMT}`),
    windowStart,
    windowStart + (carriedEnd < 0 ? 900 : carriedEnd),
  );
  if (carried) out.carried = { ...carried, label: /^[^\d\s：:为是]+/.exec(carried.text)![0] };
  return out;
}

/**
 * The reason stated after a change: "…，主要原因是…。" / "…。原因：…。". A reason
 * that is a sentence of its own keeps its full stop, as printed; a clause of
 * the change's sentence does not (the full stop closes that sentence).
 */
function reasonAfter(text: string, index: number): { text: string; at: number } | undefined {
  const end = sentenceEnd(text, index);
  const nextEnd = sentenceEnd(text, end + 1);
  const span = text.slice(index, Math.min(nextEnd + 1, index + 300));
  const m = /(?:主要原因(?:是|为)?|原因(?:是|为)?|主要是)[：:，,]?([^。]+)(。)?/.exec(span);
  if (!m?.[1]) return undefined;
  const ownSentence = m.index > 0 && span[m.index - 1] === "。" && m[2] !== undefined;
  return { text: ownSentence ? `${m[1]}。` : m[1].replace(/[；;，,]$/, ""), at: index + m.index };
}

/**
 * 结转下年 / 年末结转和结余 as the 收支总表 prints them below 本年支出合计, else the
 * 支出总表's 结转下年 column: amounts that are not this year's expenditure.
 */
function carriedForward(
  summary: SummaryTable | undefined,
  table: TableExpenditure | undefined,
): { label: string; found: Found }[] {
  if (summary?.carryForward?.length)
    return summary.carryForward.map((c) => ({
      label: c.label,
      found: { fen: c.fen, line: c.line, text: c.text },
    }));
  return table?.carry ? [{ label: "结转下年", found: table.carry }] : [];
}

/** "收入支出总计2995.39万元" / "收入、支出预算总计15897.44万元": the 收支总计 a change may be measured from. */
const BOTH_TOTAL = new RegExp(
  String.raw`(?:收、支|收入、支出|收入支出|收支)(?:预算|决算)?(?:总计|合计|总额|安排)(?:为|是|共)?${AMT}`,
  "g",
);
/** What may stand before the department's own 支出: a clause boundary, the year, the department, 总, 预算. */
const DEPARTMENT_BEFORE =
  /(?:^|[，,：:；;）)、]|\d{4}年度?|部门|单位|本级|预算|决算|总|本年|当年|全年)$/;
/** A comparison with this year's own budget (决算数与预算数基本持平), not with the year before. */
const SAME_YEAR_BUDGET = /(?:与|比|较)(?:年初|调整后?)?预算/;

/**
 * Whether a change is about the department's total (本年支出合计): a sentence
 * about one 功能分类 line ("其他信访事务支出…减少21,519.26万元") or about a 收支总计
 * that differs from it ("收入支出总计2995.39万元…减少56.95万元") is not.
 * The amount the change is measured from decides when the text states one
 * (within rounding of its printed places); else the subject's wording.
 */
export function aboutTotal(
  text: string,
  ev: ChangeEvent,
  total: Fen | undefined,
  carried: boolean,
): boolean {
  if (ev.subject !== "expenditure" && ev.subject !== "both") return false;
  const keyword = ev.keyword;
  if (!keyword) return false;
  if (SAME_YEAR_BUDGET.test(text.slice(keyword.index, ev.index))) return false;
  let base = ev.base;
  if (!base && ev.subject === "both") {
    // "…收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元": the total stated before.
    const from = sentenceStart(text, Math.max(0, sentenceStart(text, keyword.index) - 1));
    for (const m of text.slice(from, keyword.index).matchAll(BOTH_TOTAL)) {
      const fen = amountOf(m[1]!, m[2]!);
      if (fen !== undefined) base = { fen, raw: m[0] };
    }
  }
  if (base) return total === undefined || sameWithinPrinting(base, total);
  // 收支总计 counts what is carried forward: it is not 本年支出合计 then.
  if (ev.subject === "both") return !carried;
  if (keyword.word === "部门预算") return true;
  const before = text.slice(
    Math.max(sentenceStart(text, keyword.index), keyword.index - 8),
    keyword.index,
  );
  return DEPARTMENT_BEFORE.test(before);
}

type ExpenditureKey = "total" | "basic" | "personnel" | "publicOperating" | "project";

/** What the expenditure is read from, and where it is written. */
interface Reading {
  ctx: ExtractContext;
  e: Expenditure;
  summary: SummaryTable | undefined;
  table: TableExpenditure | undefined;
  stream: Stream;
  narrative: NarrativeExpenditure;
  /** Sets a figure from the table, else the text, warning when the two disagree. */
  set(key: ExpenditureKey, tableValue: Found | undefined, textValue: Found | undefined): void;
}

export const extractExpenditure: PartExtractor = {
  name: SECTION,
  run(ctx: ExtractContext) {
    const e: Expenditure = {};
    const summary = readSummaryTable(ctx.doc);
    const table = readExpenditureTable(ctx);
    const stream = narrativeStream(ctx.doc);
    const narrative = readNarrativeExpenditure(stream);
    const r: Reading = { ctx, e, summary, table, stream, narrative, set: setter(ctx, e) };
    const carry = carriedForward(summary, table);
    const summaryTotal = summaryExpenditure(ctx, summary, table, carry);
    if (!table?.total && !summaryTotal) narrativeCarry(ctx, narrative, carry);
    r.set("total", table?.total ?? summaryTotal, narrative.total);
    r.set("basic", table?.basic ?? summaryFound(summary?.basic), narrative.basic);
    r.set("project", table?.project ?? summaryFound(summary?.project), narrative.project);
    if (table?.personnel && table.publicOperating) {
      r.set("personnel", table.personnel, narrative.personnel);
      r.set("publicOperating", table.publicOperating, narrative.publicOperating);
    }
    // Parts of this year's expenditure (上缴上级支出 …) first, then what is carried forward (below 本年支出合计).
    const others = [...(table?.others ?? []), ...carry];
    if (others.length) {
      e.otherItems = others.map((o) => ({ label: o.label, amount: fenToWan(o.found.fen) }));
      others.forEach((o, i) =>
        ctx.cite(`/expenditure/otherItems/${i}/amount`, o.found.line, o.found.text),
      );
    }

    const totalFen = (table?.total ?? summaryTotal ?? narrative.total)?.fen;
    // One part read (the other's label wrapped in the 收支总表): the split table may give both.
    if ((e.basic === undefined || e.project === undefined) && totalFen !== undefined)
      readFunctionTableSplit(r, totalFen);
    readBasicParts(r);
    readChanges(r, totalFen, carry.length > 0);

    if (!Object.keys(e).length) {
      // A performance-target form's 预算整体情况 block is the only statement of expenditure left.
      const overall = overallExpenditure(ctx);
      if (overall) {
        ctx.disclosure.expenditure = overall;
        return;
      }
      ctx.diagnose(
        "info",
        "未找到支出总表或支出说明（no expenditure table or statement found）",
        SECTION,
      );
      return;
    }
    ctx.disclosure.expenditure = e;
  },
};

/**
 * "2026年支出预算529260.34万元 … 基本支出376567.92万元 … 项目支出138255.42万元 …
 * 年终结转结余资金14437万元" (北京): the stated total is 支出总计, counting the
 * carry-over. When the three add up to it, this year's expenditure is 基本 + 项目
 * and the carry-over is an other item.
 */
function narrativeCarry(
  ctx: ExtractContext,
  narrative: NarrativeExpenditure,
  carry: { label: string; found: Found }[],
): void {
  const { total, basic, project, carried } = narrative;
  if (!total || !basic || !project || !carried || carried.fen <= 0n || carry.length) return;
  const own = basic.fen + project.fen;
  // The text's three figures are each rounded to the cent: their sum may be off by one.
  if (!withinOneCent(total.fen, own + carried.fen)) return;
  narrative.total = { ...total, fen: own };
  carry.push({ label: carried.label, found: carried });
  ctx.diagnose(
    "info",
    `支出预算${formatWan(total.fen)}万元含${carried.label}${formatWan(carried.fen)}万元，本年支出合计按基本支出与项目支出之和计为${formatWan(own)}万元（the stated total counts the carry-over）`,
    SECTION,
    total.line,
  );
}

/** The setter of `Reading.set` for one expenditure. */
function setter(ctx: ExtractContext, e: Expenditure): Reading["set"] {
  return (key, tableValue, textValue) => {
    const v = tableValue ?? textValue;
    if (!v) return;
    e[key] = fenToWan(v.fen);
    ctx.cite(`/expenditure/${key}`, v.line, v.text);
    // The text rounds to its printed places (3121.42万元 for a table's 31,214,205.80元).
    const same =
      tableValue &&
      textValue &&
      sameWithinPrinting({ fen: textValue.fen, raw: textValue.text }, tableValue.fen);
    // The plausibility checks weigh the text's figure against the table's.
    if (tableValue && textValue)
      witness(
        ctx.disclosure,
        `/expenditure/${key}`,
        same ? tableValue.fen : textValue.fen,
        textValue.line,
      );
    if (tableValue && textValue && !same) {
      ctx.diagnose(
        "warning",
        `支出「${key}」：表格为${formatWan(tableValue.fen)}万元，文字说明为${formatWan(textValue.fen)}万元，采用表格数（table and text disagree; the table's figure is kept）`,
        SECTION,
        textValue.line,
      );
    }
  };
}

const summaryFound = (v: SummaryValue | undefined): Found | undefined =>
  v ? { fen: v.fen, line: v.line, text: v.text } : undefined;

/**
 * This year's expenditure as the 收支总表 gives it: its 本年支出合计, else 支出总计 less what
 * is carried forward.
 */
function summaryExpenditure(
  ctx: ExtractContext,
  summary: SummaryTable | undefined,
  table: TableExpenditure | undefined,
  carry: { label: string; found: Found }[],
): Found | undefined {
  const summaryTotal = summaryFound(summary?.expenditureSubtotal);
  if (summaryTotal || !summary?.expenditureTotal) return summaryTotal;
  // Without a 本年支出合计 row, this year's expenditure is 支出总计 less what is carried forward.
  const carried = sumFen(carry.map((c) => c.found.fen));
  const total = {
    ...summaryFound(summary.expenditureTotal)!,
    fen: summary.expenditureTotal.fen - carried,
  };
  if (carried !== 0n && !table?.total) {
    ctx.diagnose(
      "info",
      `本年支出合计按支出总计${formatWan(summary.expenditureTotal.fen)}万元减去结转${formatWan(carried)}万元计为${formatWan(total.fen)}万元（this year's expenditure = 支出总计 less the amounts carried forward）`,
      SECTION,
      summary.expenditureTotal.line,
    );
  }
  return total;
}

/** Without 基本支出 and 项目支出 figures: both from the expenditure table's 人员经费 / 公用经费 / 项目 columns. */
function readFunctionTableSplit(r: Reading, totalFen: Fen): void {
  const { ctx, e, set } = r;
  const split = readFunctionSplit(ctx, totalFen);
  if (!split) return;
  const basic = split.personnel.fen + split.publicOperating.fen;
  // A part already read must be the split's own, or the split is another table's.
  const differs = (value: number | undefined, fen: Fen) =>
    value !== undefined && wanToFen(value) !== fen;
  if (differs(e.basic, basic) || differs(e.project, split.project.fen)) return;
  e.basic = fenToWan(basic);
  ctx.cite("/expenditure/basic", split.personnel.line);
  ctx.diagnose(
    "info",
    `基本支出按人员经费与公用经费之和计为${formatWan(basic)}万元（basic expenditure = 人员经费 + 公用经费 of the expenditure table）`,
    SECTION,
    split.personnel.line,
  );
  set("project", split.project, undefined);
  set("personnel", split.personnel, undefined);
  set("publicOperating", split.publicOperating, undefined);
}

/** 人员经费 / 公用经费 describe the department's basic expenditure only when they add up to it. */
function readBasicParts(r: Reading): void {
  const { ctx, e, set, table, summary, narrative } = r;
  const basicFen =
    e.basic !== undefined
      ? (table?.basic ?? summaryFound(summary?.basic) ?? narrative.basic)?.fen
      : undefined;
  const split = e.personnel === undefined ? readBasicSplit(ctx) : undefined;
  if (e.personnel !== undefined) {
    // Already read with the expenditure table's split.
  } else if (split && (basicFen === undefined || split.total.fen === basicFen)) {
    set("personnel", split.personnel, narrative.personnel);
    set("publicOperating", split.publicOperating, narrative.publicOperating);
  } else if (
    narrative.personnel &&
    narrative.publicOperating &&
    (basicFen === undefined || narrative.personnel.fen + narrative.publicOperating.fen === basicFen)
  ) {
    set("personnel", undefined, narrative.personnel);
    set("publicOperating", undefined, narrative.publicOperating);
  } else if (basicFen !== undefined) {
    const p = globalSplit(r.stream, basicFen);
    if (p) {
      set("personnel", undefined, p.personnel);
      set("publicOperating", undefined, p.publicOperating);
    } else if (narrative.publicOperating && narrative.publicOperating.fen < basicFen) {
      // "包括在职人员经费…、公用经费21,169.43万元、对个人和家庭的补助…、增人增资…": 人员 is
      // split in parts, so only 公用经费 is stated whole.
      set("publicOperating", undefined, narrative.publicOperating);
    }
  }
}

/** The changes on the year before the text states: of the total (with its reason), of 基本 and 项目 支出. */
function readChanges(r: Reading, totalFen: Fen | undefined, carried: boolean): void {
  const { ctx, e, stream } = r;
  const events = changeEvents(stream);
  const total = events.find(
    (ev) =>
      (ev.amount !== undefined || ev.rate !== undefined) &&
      aboutTotal(stream.text, ev, totalFen, carried),
  );
  if (total) readTotalChange(r, total);
  for (const part of ["basic", "project"] as const) {
    // A change measured from another amount ("…其中基本支出33325.21万元…比上年增加…" for one fund) is not the part's.
    const own = e[part] !== undefined ? wanToFen(e[part]) : undefined;
    const ev = events.find(
      (x) =>
        x.subject === part &&
        x.amount !== undefined &&
        (!x.base || own === undefined || sameWithinPrinting(x.base, own)),
    );
    if (!ev || ev.amount === undefined) continue;
    (e.change ??= {})[part] = fenToWan(ev.amount);
    ctx.cite(`/expenditure/change/${part}`, lineAt(stream, ev.index), ev.raw);
    if (ev.previous !== undefined) {
      (e.previous ??= {})[part] = fenToWan(ev.previous);
      ctx.cite(`/expenditure/previous/${part}`, lineAt(stream, ev.index));
    }
  }
}

/** The total's change, rate, previous year's figure and the reason given. */
function readTotalChange(r: Reading, total: ChangeEvent): void {
  const { ctx, e, stream } = r;
  const line = lineAt(stream, total.index);
  if (total.amount !== undefined) {
    (e.change ??= {}).total = fenToWan(total.amount);
    ctx.cite("/expenditure/change/total", line, total.raw);
  }
  if (total.rate !== undefined) {
    e.changeRate = total.rate;
    ctx.cite("/expenditure/changeRate", line, total.raw);
  }
  if (total.previous !== undefined) {
    (e.previous ??= {}).total = fenToWan(total.previous);
    ctx.cite("/expenditure/previous/total", line);
  }
  const reason = reasonAfter(stream.text, total.index);
  if (reason) {
    e.changeReason = reason.text;
    ctx.cite("/expenditure/changeReason", lineAt(stream, reason.at), reason.text);
  }
}

/**
 * "（一）人员经费6298.38万元 … （二）公用经费1579.38万元" anywhere in the text:
 * taken only when the two add up to the department's basic expenditure.
 */
function globalSplit(
  stream: Stream,
  basic: Fen,
): { personnel: Found; publicOperating: Found } | undefined {
  const text = stream.text;
  const people = [
    ...text.matchAll(new RegExp(String.raw`人员经费(?:支出)?(?:预算)?(?:为|是)?[：:]?${AMT}`, "g")),
  ];
  const pub = [
    ...text.matchAll(
      new RegExp(String.raw`(?:日常)?公用经费(?:支出)?(?:预算)?(?:为|是)?[：:]?${AMT}`, "g"),
    ),
  ];
  for (const a of people) {
    for (const b of pub) {
      const fa = amountOf(a[1]!, a[2]!);
      const fb = amountOf(b[1]!, b[2]!);
      if (fa === undefined || fb === undefined || fa + fb !== basic) continue;
      return {
        personnel: { fen: fa, line: lineAt(stream, a.index!), text: a[0] },
        publicOperating: { fen: fb, line: lineAt(stream, b.index!), text: b[0] },
      };
    }
  }
  return undefined;
}
