/**
 * The 支出功能分类表 (expenditureByFunction), and the reader shared by every table of 科目 rows (readClassificationTable).
 */
import { fenToWan, type Fen, type MoneyUnit } from "../../../model/amount.ts";
import type { FunctionLine } from "../../../model/disclosure.ts";
import { squash, type SourceDocument } from "../../source-document.ts";
import type { ExtractContext, PartExtractor } from "../context.ts";
import {
  amountColumns,
  cellAmount,
  columnOf,
  gridRows,
  tableUnit,
  type Column,
  type GridCell,
  type GridRow,
} from "../../toolkit/grid.ts";
import { TOC_LEADER } from "../../toolkit/find.ts";
import { CLASS_NAMES_2019 } from "../../../check/rules/codes/classification.ts";

/**
 * Tables that list spending by 功能分类科目, best first: the 一般公共预算 table
 * (the golden files' convention), then the department-wide 支出总表.
 */
const TITLES: RegExp[] = [
  /一般公共预算(?:财政)?(?:拨款)?(?:支出|安排的支出)(?:预算|决算)?(?:明细|情况|功能分类预算|功能分类)?表/,
  /支出功能分类.*表|按功能分类.*表/,
  /(?:部门)?支出(?:预算|决算)?总表/,
];
const NOT_TITLE = /基本支出|三公|机关运行|经济分类|政府性基金|国有资本|说明|采购/;

type Role = "total" | "basic" | "project";

/**
 * What varies between the classification tables read the same way (功能分类
 * 支出表, 经济分类基本支出表): the columns' roles, the part's name in messages,
 * and cells to drop or rewrite before a row is split (a second code system).
 */
export interface ClassificationSpec {
  /** The part's JSON name, for diagnostics ("expenditureByFunction"). */
  section: string;
  /** The table's name in messages ("支出功能分类表"). */
  what: string;
  /** The deepest code level: 项 (7 digits) for 功能分类 (the default), 款 (5) for 经济分类. */
  deepest?: "款" | "项";
  /**
   * Tables that print 科目名称 without 科目编码 (the level shown by indentation, or not at all)
   * are read when the first 科目 row's name passes this test (a 类 name); not read when unset.
   */
  namedFirst?(name: string): boolean;
  /** Which amount column holds which value; "total" is required for a row to count. */
  roles(cols: Column[]): Map<string, Column>;
  /**
   * Makes the hook that rewrites a row's cells before it is split into code, name and
   * amounts (a row left without cells is dropped); called once per reading of the rows.
   */
  prepare?(): (row: GridRow) => GridRow;
}

/** A 科目 row as printed: its code ("" when the table prints none), name, amounts by role, and where it was read. */
export interface ClassificationRow {
  code: string;
  /** 1 = 类, 2 = 款, 3 = 项: a row without code whose level the indentation shows. */
  level?: 1 | 2 | 3;
  name: string;
  values: Map<string, Fen>;
  line: number;
  text: string;
}

/** What a classification table holds: its 科目 rows and its 合计 row, if printed. */
export interface ClassificationTable {
  rows: ClassificationRow[];
  total?: { values: Map<string, Fen>; line: number };
}

/** 功能分类 类 names: the first row of a table printed without codes is one of them. */
const CLASS_NAMES = new Set(Object.values(CLASS_NAMES_2019));

const FUNCTION_SPEC: ClassificationSpec = {
  section: "expenditureByFunction",
  what: "支出功能分类表",
  namedFirst: (name) => CLASS_NAMES.has(name),
  roles: (cols) => columnRoles(cols),
};

/** Reads 支出功能分类表 into expenditureByFunction. */
export const extractFunctionLines: PartExtractor = {
  name: "支出功能分类表",
  run(ctx) {
    for (const title of TITLES) {
      for (const line of ctx.doc.lines) {
        // A table title repeated on every page is marked as a running header; a TOC leader is not a title.
        const t = squash(line.text);
        if (line.furniture && TOC_LEADER.test(t)) continue;
        if (
          t.length > 60 ||
          !title.test(t) ||
          NOT_TITLE.test(t) ||
          /^[一二三四五六七八九十]+、关于/.test(t)
        )
          continue;
        const rows = readClassificationTable(ctx, line.no, FUNCTION_SPEC).rows;
        if (rows.length > 0) {
          ctx.disclosure.expenditureByFunction = rows.map((r, i) => {
            ctx.cite(`/expenditureByFunction/${i}`, r.line, r.text);
            return lineOf(r);
          });
          return;
        }
      }
    }
    ctx.diagnose(
      "info",
      "未找到按功能分类科目列示的支出表（no expenditure table by functional classification found）",
      "expenditureByFunction",
    );
  },
};

interface Layout {
  cols: Column[];
  roles: Map<string, Column>;
  codeCols: GridCell[];
}

interface Pending {
  line: ClassificationRow;
}

const CODE_TOKEN = /^\d{2,7}$/;
/** How far below its title a table is read: first a short span, then (if it may be longer) the long one. */
const SHORT_SPAN = 150;
const LONG_SPAN = 600;
/** Rows past a table's end still looked at: a wrapped name's tail, a 续表 header's resuming rows. */
const LOOK_PAST_END = 13;
/** Rows that only a page break repeats inside a table: the caption, the unit, the column header. */
const REPEATED_CAPTION = /单位[:：]|科目|名称|续表|^表(?:\d+|[一二三四五六七八九十]+)$/;
/** A table's printed number on a line of its own, "表5". */
const TABLE_NUMBER = /^表(?:\d+|[一二三四五六七八九十]+)$/;
/** A caption: ends in 表, or 表 opens a parenthesis that may wrap onto the next line. */
const CAPTION = /表(?:[（(].*)?$/;
/** A code in square brackets opening a cell ("[20132]组织事务", "【201】"). */
const BRACKETED_CODE = /^[[［【]\s*(\d{3,7})\s*[\]］】]\s*/;
/** A cell that is one printed amount ("1,234.56", "(12.00)"). */
export const AMOUNT_TEXT = /^[-−(（]?[\d,，]+(?:\.\d+)?[)）]?$/;

/**
 * Reads the classification table under a title: its 科目 rows (codes joined or split
 * into 类/款/项, names wrapped around their row, pages with shifted columns) and its
 * 合计 row; no rows when no 科目 rows follow the title.
 */
export function readClassificationTable(
  ctx: ExtractContext,
  titleLine: number,
  spec: ClassificationSpec,
): ClassificationTable {
  const doc = ctx.doc;
  const table = tableRows(doc, titleLine, spec);
  if (!table) return { rows: [] };
  const byIndex = doc.layout !== "columns";
  const data = table.parsed.slice(table.first, table.last);
  const layouts = pageLayouts(table, pageStarts(doc, data, byIndex), spec, byIndex, doc);
  if (!layouts[0]) {
    ctx.diagnose(
      "warning",
      `${spec.what}的金额列无法识别（amount columns not recognised）`,
      spec.section,
      titleLine,
    );
    return { rows: [] };
  }
  const reading: Reading = {
    doc,
    byIndex,
    unit: tableUnit(doc, titleLine),
    deepest: spec.deepest ?? "项",
    table,
    data,
    layouts,
  };
  for (const n of table.notes) ctx.diagnose("warning", n.text, spec.section, n.line);
  const state: RowState = { out: [], lei: "", kuan: "", indents: [] };
  // A 合计 row printed above the first 科目 row (the first page's layout reads it).
  for (const p of table.parsed.slice(0, table.first))
    if (isTotalRow(p)) state.total = { values: valuesOf(reading, p, layouts[0]), line: p.row.line };
  for (let k = 0; k < data.length; k++)
    if (table.named) readNamedRow(reading, state, k);
    else readDataRow(reading, state, k);
  if (table.named && doc.layout === "columns") setLevels(ctx, state, spec);
  return { rows: state.out, ...(state.total ? { total: state.total } : {}) };
}

/** A classification table's rows under its title, split into code, name and amounts. */
interface TableRows {
  rows: GridRow[];
  parsed: ParsedRow[];
  /** The printed row behind each row the hook rewrote, for citing the document's own wording. */
  printed: Map<GridRow, GridRow>;
  /** Index of the first 科目 row (everything before it is header). */
  first: number;
  /** Index just past the table's last row. */
  last: number;
  /** The table prints 科目名称 without codes. */
  named: boolean;
  /** What was left unread, for diagnostics. */
  notes: { line: number; text: string }[];
}

/** The table's own caption and number, which come back on every page of it. */
interface OwnCaption {
  title: string;
  number: string | undefined;
}

/** The rows under a title and where the table's 科目 rows start and end; undefined when none follow. */
function tableRows(
  doc: SourceDocument,
  titleLine: number,
  spec: ClassificationSpec,
): TableRows | undefined {
  // The title and its number ("表5" on the line above) come back on every page of the table;
  // any other caption or number starts the next table.
  const own: OwnCaption = {
    title: squash(doc.lines[titleLine - 1]?.text ?? ""),
    number: tableNumber(doc, titleLine),
  };
  let rows: GridRow[] = [];
  let parsed: ParsedRow[] = [];
  const printed = new Map<GridRow, GridRow>();
  let first = -1;
  let last = 0;
  let named = false;
  const notes: TableRows["notes"] = [];
  // Most tables end well within SHORT_SPAN lines: read that far first, and the long span only
  // when the table (and the rows looked at past its end) may reach beyond it.
  for (const span of [SHORT_SPAN, LONG_SPAN]) {
    // A row the hook empties (a line of the other code system) is no row.
    const prepare = spec.prepare?.();
    const grid = gridRows(doc, titleLine + 1, titleLine + span);
    rows = grid;
    if (prepare) {
      printed.clear();
      rows = grid
        .map((r) => {
          const q = prepare(r);
          if (q !== r) printed.set(q, r);
          return q;
        })
        .filter((r) => r.cells.length > 0);
    }
    rows = withoutRowNumbers(rows);
    // The header is everything before the first row that starts with a code and carries an amount.
    parsed = rows.map((r) => splitRow(r));
    first = parsed.findIndex((p) => p.codeTokens.length > 0 && p.amounts.length > 0);
    named = false;
    if ((first < 0 || first > 25) && spec.namedFirst) {
      const n = namedRows(rows, parsed, spec.namedFirst, notes);
      if (n) ({ rows, parsed, first, named } = { ...n, named: true });
    }
    if (first < 0 || first > 25) {
      if (span === LONG_SPAN || rows.length > 30) return undefined;
      continue;
    }
    last = tableEnd(rows, parsed, first, own, named);
    if (last + LOOK_PAST_END < rows.length) break;
  }
  return { rows, parsed, printed, first, last, named, notes };
}

/** A row of a table without codes: a 科目名称 and amounts. */
function isNamedEntry(p: ParsedRow): boolean {
  return p.codeTokens.length === 0 && p.name !== "" && p.amounts.length > 0;
}

/** A line of figures alone: one half of an amount that the text wrapped over two lines. */
const FRAGMENT = /^[\d,.]+$/;
/** A whole printed amount: thousands grouped by three, two decimals at most. */
const WHOLE_AMOUNT = /^\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?$|^\d+(?:\.\d{1,2})?$/;

/**
 * The rows of a table printed with 科目名称 only (杭州's 功能分类科目名称 tables): undefined
 * unless the header names a 科目名称 column, prints no code column, and the first row after the
 * 合计 is a 类 by its name. An amount too wide for its cell is printed over two lines, above
 * and below its row ("21,118.5" / "1"): the halves are joined back into the row when they line
 * up on the right and make one amount, else left out (noted); other figure-only lines (page
 * numbers) are dropped.
 */
function namedRows(
  rows: GridRow[],
  parsed: ParsedRow[],
  namedFirst: (name: string) => boolean,
  notes: TableRows["notes"],
): { rows: GridRow[]; parsed: ParsedRow[]; first: number } | undefined {
  const start = parsed.findIndex(
    (p, i) => i <= 25 && isNamedEntry(p) && !/^(?:合计|总计)$/.test(p.name),
  );
  if (start < 0 || !namedFirst(parsed[start]!.name)) return undefined;
  const head = rows.slice(0, start).flatMap((r) => r.cells.map((c) => squash(c.text)));
  if (!head.some((t) => /科目名称/.test(t))) return undefined;
  if (head.some((t) => /编码|代码|^[类款项]$/.test(t))) return undefined;
  const isFragment = (r: GridRow | undefined) =>
    r !== undefined && r.cells.every((c) => FRAGMENT.test(squash(c.text)));
  const used = new Set<GridRow>();
  const out: GridRow[] = [];
  for (const [i, row] of rows.entries()) {
    if (isFragment(row)) continue;
    const p = parsed[i]!;
    const above = rows[i - 1];
    if (!isNamedEntry(p) || !isFragment(above) || used.has(above!)) {
      out.push(row);
      continue;
    }
    used.add(above!);
    const below = isFragment(rows[i + 1]) ? rows[i + 1] : undefined;
    if (below) used.add(below);
    const cells = [...row.cells];
    for (const top of above!.cells) {
      const bottom = below?.cells.find((c) => Math.abs(c.end - top.end) <= 2);
      const text = squash(top.text) + squash(bottom?.text ?? "");
      const free = !cells.some((c) => c.x < top.end && c.end > top.x);
      if (bottom && free && WHOLE_AMOUNT.test(text))
        cells.push({ text, line: row.line, x: Math.min(top.x, bottom.x), end: top.end });
      else
        notes.push({
          line: row.line,
          text: `金额“${text}”折行印出、无法确定，该格未读（amount wrapped over lines, not read）`,
        });
    }
    cells.sort((a, b) => a.x - b.x);
    out.push({ ...row, cells });
  }
  const outParsed = out.map((r) => splitRow(r));
  const first = outParsed.findIndex(
    (p, i) => i <= 25 && isNamedEntry(p) && !/^(?:合计|总计)$/.test(p.name),
  );
  return first < 0 ? undefined : { rows: out, parsed: outParsed, first };
}

/**
 * A 序号 column left of the codes ("2  205  教育支出 …"): its row numbers are neither codes nor
 * amounts, so the number under 序号 is dropped from each row (PDF text, where cells keep their
 * place; other layouts number their rows in a cell of their own the same way).
 */
function withoutRowNumbers(rows: GridRow[]): GridRow[] {
  const label = rows
    .slice(0, 25)
    .flatMap((r) => r.cells.slice(0, 1))
    .find((c) => /^序号$/.test(squash(c.text)));
  if (!label) return rows;
  return rows.map((r) => {
    const c = r.cells[0];
    const numbered =
      c && r.cells.length > 1 && /^\d{1,4}$/.test(c.text.trim()) && c.x <= label.end + 1;
    return numbered ? { ...r, cells: r.cells.slice(1) } : r;
  });
}

/** The table ends at the next title, a note, or the next caption. */
function tableEnd(
  rows: GridRow[],
  parsed: ParsedRow[],
  first: number,
  own: OwnCaption,
  named: boolean,
): number {
  const entry = (p: ParsedRow) =>
    named ? isNamedEntry(p) : p.codeTokens.length > 0 && p.amounts.length > 0;
  const otherCaption = (i: number) => isOtherCaption(rows, parsed, i, own);
  for (let i = first + 1; i < rows.length; i++) {
    const t = rowTextOf(rows[i]!);
    if (/^注[:：]|^说明[:：]/.test(t) || otherCaption(i) || /单位[:：]/.test(t)) {
      // A repeated header on the next page ("单位：万元" under a 续表 title) does not end the table
      // when code rows follow right after; otherwise stop.
      const resumes = parsed.slice(i + 1, i + 12).findIndex(entry);
      // Another table's caption before those rows: they are that table's.
      let nextTitle = false;
      for (let j = i + 1; j <= i + resumes && !nextTitle; j++) nextTitle = otherCaption(j);
      if (resumes < 0 || nextTitle || !/续|单位[:：]/.test(t)) return i;
    }
  }
  return rows.length;
}

/** Row `i` is the caption or number of another table. */
function isOtherCaption(rows: GridRow[], parsed: ParsedRow[], i: number, own: OwnCaption): boolean {
  const t = rowTextOf(rows[i]!);
  if (parsed[i]!.amounts.length > 0 || t === own.title || /续/.test(t)) return false;
  if (TABLE_NUMBER.test(t)) return t !== own.number;
  // A title may start with its year ("2026 年…表"), which reads like a code.
  if (parsed[i]!.codeTokens.length > 0 && !/^\d{4}年/.test(t)) return false;
  return t.length <= 60 && CAPTION.test(t);
}

/** The page of line `no`. Lines are numbered by position (line n is doc.lines[n - 1]): no map over the whole document. */
function pageOf(doc: SourceDocument, no: number): number {
  return (
    (doc.lines[no - 1]?.no === no
      ? doc.lines[no - 1]!.page
      : doc.lines.find((l) => l.no === no)?.page) ?? 0
  );
}

/**
 * Which data rows start a page of the table though the page number stays the same. Text
 * without page marks (pdftotext output saved as .txt): a repeated caption or header between
 * two amount rows starts a new page just the same.
 */
function pageStarts(doc: SourceDocument, data: ParsedRow[], byIndex: boolean): boolean[] {
  const resumed: boolean[] = [];
  let captionSeen = false;
  for (const [k, p] of data.entries()) {
    if (p.amounts.length > 0) {
      resumed[k] = captionSeen;
      captionSeen = false;
    } else if (p.codeTokens.length === 0 && REPEATED_CAPTION.test(rowTextOf(p.row)))
      captionSeen = true;
  }
  // Nor a header at all: a row none of whose amounts lines up with the right edges seen
  // since the last break starts a page whose columns pdftotext placed elsewhere.
  let ends: number[] = [];
  let endsPage = -1;
  for (const [k, p] of data.entries()) {
    if (byIndex || p.amounts.length === 0) continue;
    const page = pageOf(doc, p.row.line);
    if (resumed[k] || page !== endsPage) ends = [];
    else if (!p.amounts.some((a) => ends.some((e) => Math.abs(e - a.end) <= 2))) {
      resumed[k] = true;
      ends = [];
    }
    endsPage = page;
    for (const a of p.amounts) ends.push(a.end);
  }
  return resumed;
}

/**
 * The column layout of each data row. PDF pages shift the columns, and each page repeats the
 * header: the columns are read page by page.
 */
function pageLayouts(
  table: TableRows,
  resumed: boolean[],
  spec: ClassificationSpec,
  byIndex: boolean,
  doc: SourceDocument,
): Layout[] {
  const { rows, parsed, first } = table;
  const data = parsed.slice(first, table.last);
  const header = columnHeader(rows.slice(0, first));
  const layouts: Layout[] = [];
  let current: Layout | undefined;
  let groupStart = 0;
  for (let k = 0; k <= data.length; k++) {
    const page = (i: number) => pageOf(doc, data[i]!.row.line);
    if (k < data.length && (k === groupStart || (page(k) === page(groupStart) && !resumed[k])))
      continue;
    const group = data.slice(groupStart, k);
    const labels =
      groupStart === 0 ? header : columnHeader(pageHeaderRows(table, first + groupStart));
    const cols = amountColumns(
      group.flatMap((p) => p.amounts),
      labels,
      byIndex,
    );
    current = nextLayout(current, cols, spec.roles(cols), labels, rowValues(group, cols, byIndex));
    for (let i = groupStart; i < k; i++) layouts[i] = current!;
    groupStart = k;
  }
  return layouts;
}

/** The header rows repeated above a later page's first row `startIdx`. */
function pageHeaderRows(table: TableRows, startIdx: number): GridRow[] {
  const { parsed } = table;
  let h = startIdx - 1;
  while (
    h >= 0 &&
    parsed[h]!.amounts.length === 0 &&
    h > startIdx - 40 &&
    !(h < startIdx - 1 && parsed[h]!.codeTokens.length > 0)
  )
    h--;
  return table.rows.slice(h + 1, startIdx);
}

/** A page's layout from its columns, or the previous page's carried over when it has no header. */
function nextLayout(
  current: Layout | undefined,
  cols: Column[],
  roles: Map<string, Column>,
  labels: GridCell[],
  rows: Map<Column, Fen>[],
): Layout | undefined {
  if (roles.has("total")) {
    if (!roles.has("basic")) addBasicBySums(roles, cols, rows);
    return { cols, roles, codeCols: labels.filter((l) => /^(类|款|项)$/.test(squash(l.text))) };
  }
  if (!current && cols.length === 1)
    return { cols, roles: new Map([["total", cols[0]!]]), codeCols: [] };
  if (current && cols.length === current.cols.length) {
    // A page without its own header: the same columns in the same order, shifted.
    const mapped = new Map<string, Column>();
    for (const [role, c] of current.roles) mapped.set(role, cols[current.cols.indexOf(c)]!);
    return { cols, roles: mapped, codeCols: current.codeCols };
  }
  if (current && cols.length < current.cols.length) {
    // Fewer columns than the header's: a column blank all down the page. Which one is told by
    // the sums (合计 = 基本 + 项目 on every row), never by the count.
    const mapped = subsetRoles(current, cols, rows);
    if (mapped) return { cols, roles: mapped, codeCols: current.codeCols };
  }
  return current;
}

/** Each row's amounts by the column they fall in. */
function rowValues(group: ParsedRow[], cols: Column[], byIndex: boolean): Map<Column, Fen>[] {
  return group.map((p) => {
    const m = new Map<Column, Fen>();
    for (const a of p.amounts) {
      const col = columnOf(cols, a, byIndex);
      const fen = cellAmount(a.text, "万元");
      if (col && fen !== undefined) m.set(col, fen);
    }
    return m;
  });
}

/** 0.01 of the printed unit (amounts read as 万元): rows whose parts are rounded apart (尾数). */
const ONE_PRINTED_CENT = 10_000n;

/** Whether 合计 = 基本 + 项目 (blanks as zero) on every row that has a 合计, and the rows that test it. */
function sumsHold(rows: Map<Column, Fen>[], roles: Map<string, Column>): number {
  const total = roles.get("total");
  const basic = roles.get("basic");
  const project = roles.get("project");
  if (!total || !basic || !project) return -1;
  let tested = 0;
  for (const r of rows) {
    const t = r.get(total);
    if (t === undefined) continue;
    const diff = (r.get(basic) ?? 0n) + (r.get(project) ?? 0n) - t;
    if (diff > ONE_PRINTED_CENT || diff < -ONE_PRINTED_CENT) return -1;
    tested++;
  }
  return tested;
}

/**
 * The 基本支出 column when its label sits elsewhere (a 基本支出 heading centred over 小计 |
 * 人员经费 | 公用经费 in PDF text): the one unlabelled column whose figures make 合计 = 基本 +
 * 项目 on every row, with some figure of its own.
 */
function addBasicBySums(
  roles: Map<string, Column>,
  cols: Column[],
  rows: Map<Column, Fen>[],
): void {
  const project = roles.get("project");
  const total = roles.get("total");
  if (!project || !total) return;
  const fits = cols.filter((c) => {
    if (c === total || c === project || c.x > project.x || c.x < total.x) return false;
    // A column labelled as something else (人员经费, 公用经费) is not 基本支出 even where it equals it.
    if (c.labels.some((l) => !/小计|基本/.test(l))) return false;
    const trial = new Map([...roles, ["basic", c]]);
    return sumsHold(rows, trial) > 0 && rows.some((r) => (r.get(c) ?? 0n) !== 0n);
  });
  // Columns that equal 基本 on every row (its 小计 beside the 人员经费 of a one-part page) leave it unsure.
  if (fits.length === 1) roles.set("basic", fits[0]!);
}

/** The previous page's roles on a page that prints fewer columns: the order-kept choice whose sums hold. */
function subsetRoles(
  current: Layout,
  cols: Column[],
  rows: Map<Column, Fen>[],
): Map<string, Column> | undefined {
  const n = current.cols.length;
  const k = cols.length;
  let best: { roles: Map<string, Column>; cost: number } | undefined;
  let tie = false;
  const pick: number[] = [];
  const walk = (from: number) => {
    if (pick.length === k) {
      const roles = new Map<string, Column>();
      for (const [role, c] of current.roles) {
        const i = pick.indexOf(current.cols.indexOf(c));
        if (i >= 0) roles.set(role, cols[i]!);
      }
      if (!roles.has("total") || sumsHold(rows, roles) <= 0) return;
      const cost = pick.reduce((s, j, i) => s + Math.abs(current.cols[j]!.end - cols[i]!.end), 0);
      const same =
        best &&
        [...roles].every(([r, c]) => best!.roles.get(r) === c) &&
        roles.size === best.roles.size;
      if (!best || (!same && cost < best.cost)) {
        tie = false;
        best = { roles, cost };
      } else if (!same && cost === best.cost) tie = true;
      return;
    }
    for (let j = from; j <= n - (k - pick.length); j++) {
      pick.push(j);
      walk(j + 1);
      pick.pop();
    }
  };
  walk(0);
  return best && !tie ? best.roles : undefined;
}

/** What reading a table's data rows needs. */
interface Reading {
  doc: SourceDocument;
  byIndex: boolean;
  unit: MoneyUnit;
  deepest: "款" | "项";
  table: TableRows;
  data: ParsedRow[];
  layouts: Layout[];
}

/** The rows read so far, the 类 and 款 above, and an amount row waiting for its code below. */
interface RowState {
  out: ClassificationRow[];
  total?: ClassificationTable["total"];
  lei: string;
  kuan: string;
  pending?: Pending;
  /** Where each row's name starts (a table without codes shows the level by indentation), and its page. */
  indents: { x: number; page: number }[];
}

/** A row's amounts by the role of the column each falls in. */
function valuesOf(r: Reading, p: ParsedRow, layout: Layout): Map<string, Fen> {
  const values = new Map<string, Fen>();
  for (const a of p.amounts) {
    const col = columnOf(layout.cols, a, r.byIndex);
    for (const [role, c] of layout.roles)
      if (c === col) values.set(role, cellAmount(a.text, r.unit)!);
  }
  return values;
}

/** The row's text as printed (before the hook rewrote it), for citing. */
function citeText(r: Reading, row: GridRow): string {
  return (r.table.printed.get(row) ?? row).cells.map((c) => c.text).join(" ");
}

/** A lone name fragment (one cell, no code, no amount, no caption), or "". */
function lone(q: ParsedRow | undefined): string {
  return q &&
    q.codeTokens.length === 0 &&
    q.amounts.length === 0 &&
    q.row.cells.length === 1 &&
    !/^合计$|单位[:：]|表$|^注[:：]|^说明[:：]/.test(q.name) &&
    !REPEATED_CAPTION.test(q.name) &&
    !CAPTION.test(q.name)
    ? q.name
    : "";
}

function setLevel(s: RowState, code: string): void {
  if (code.length === 3) s.lei = code;
  if (code.length >= 5) s.kuan = code.slice(0, 5);
  if (code.length >= 3) s.lei = code.slice(0, 3);
}

function pushRow(s: RowState, fl: ClassificationRow, at: number, text: string): void {
  fl.line = at;
  fl.text = text;
  s.out.push(fl);
}

/** Reads data row `k`: a 科目 row, a code on its own line, or amounts waiting for their code. */
function readDataRow(r: Reading, s: RowState, k: number): void {
  const { parsed, first } = r.table;
  const p = r.data[k]!;
  const layout = r.layouts[k];
  if (!layout) return;
  const code = resolveCode(p, layout.codeCols, r.byIndex, s.lei, s.kuan, r.deepest);
  const namedInRow = p.name !== "";
  // A long name wraps around its code row: the half above and the half below.
  if (code && !p.name && p.amounts.length > 0)
    p.name = lone(parsed[first + k - 1]) + lone(parsed[first + k + 1]);
  if (code && p.amounts.length === 0) {
    // A code printed on its own line next to a row that carries the name and amounts.
    if (s.pending) {
      s.pending.line.code = code;
      if (p.name) s.pending.line.name += p.name;
      setLevel(s, code);
      pushRow(s, s.pending.line, s.pending.line.line, citeText(r, p.row));
      s.pending = undefined;
    }
    return;
  }
  if (p.amounts.length === 0) return;
  const values = valuesOf(r, p, layout);
  if (!code && isTotalRow(p)) s.total = { values, line: p.row.line };
  const rowTotal = values.get("total");
  if (!code) {
    holdAmountRow(r, s, k, values);
    return;
  }
  if (rowTotal === undefined) return;
  setLevel(s, code);
  const fl: ClassificationRow = { code, name: p.name, values, line: p.row.line, text: "" };
  // PDF text wraps a long name: its tail is on the next line, alone under the name column,
  // unless that line is the first half of a name-less amount row below it.
  const after = parsed[first + k + 2];
  // A line left of the amounts: header words of the next page ("基本支出") sit over them.
  const tail = parsed[first + k + 1];
  const underName =
    tail !== undefined && tail.row.cells.length === 1 && tail.row.cells[0]!.end < p.amounts[0]!.x;
  if (
    r.doc.layout === "columns" &&
    namedInRow &&
    underName &&
    k + 1 < r.data.length &&
    !(after && after.amounts.length > 0 && !after.name)
  )
    fl.name += lone(tail);
  pushRow(s, fl, p.row.line, citeText(r, p.row));
  s.pending = undefined;
}

/** Row `k` of a table without codes: a 科目名称 with its amounts, or the 合计 row. */
function readNamedRow(r: Reading, s: RowState, k: number): void {
  const p = r.data[k]!;
  const layout = r.layouts[k];
  if (!layout || !isNamedEntry(p)) return;
  const values = valuesOf(r, p, layout);
  if (isTotalRow(p)) {
    s.total = { values, line: p.row.line };
    return;
  }
  if (values.get("total") === undefined) return;
  const fl: ClassificationRow = { code: "", name: p.name, values, line: p.row.line, text: "" };
  pushRow(s, fl, p.row.line, citeText(r, p.row));
  s.indents.push({ x: p.row.cells[0]!.x, page: pageOf(r.doc, p.row.line) });
}

/**
 * The 类/款/项 level of each row of a table without codes, from its indentation: the distinct
 * indents rank as 类 < 款 < 项, over the table when it uses at most three, else page by page
 * (PDF text indents a page's 项 by 2 or 3 spaces); a page whose indents are not all placed
 * leaves its rows without level. The levels must nest (the first row a 类, no level skipped
 * going down), and with two indents only (类 and 款, or an unindented 项?) every parent must
 * add up to its children: otherwise no level is set.
 */
function setLevels(ctx: ExtractContext, s: RowState, spec: ClassificationSpec): void {
  const rank = (xs: number[]) => {
    const sorted = [...new Set(xs)].sort((a, b) => a - b);
    return new Map(sorted.map((x, i) => [x, (i + 1) as 1 | 2 | 3]));
  };
  const all = [...new Set(s.indents.map((i) => i.x))];
  if (all.length < 2) return; // No indentation: the level is not shown.
  const levels: (1 | 2 | 3 | undefined)[] = [];
  if (all.length <= 3) {
    const m = rank(all);
    for (const i of s.indents) levels.push(m.get(i.x));
  } else {
    const low = Math.min(...all);
    let carry = new Map<number, 1 | 2 | 3>();
    const pages = [...new Set(s.indents.map((i) => i.page))];
    for (const page of pages) {
      const xs = [...new Set(s.indents.filter((i) => i.page === page).map((i) => i.x))];
      let m: Map<number, 1 | 2 | 3> | undefined;
      if (xs.length === 3 || (xs.length < 3 && xs.includes(low))) m = rank(xs);
      else if (xs.every((x) => carry.has(x))) m = carry;
      for (const i of s.indents) if (i.page === page) levels.push(m?.get(i.x));
      if (m) carry = new Map([...carry, ...m]);
    }
  }
  const nests = levels.every(
    (l, i) => l !== undefined && (i === 0 ? l === 1 : l <= (levels[i - 1] ?? 0) + 1),
  );
  const depth = Math.max(...levels.map((l) => l ?? 0));
  if (!nests || (depth < 3 && !childrenAddUp(s.out, levels))) {
    ctx.diagnose(
      "info",
      `${spec.what}未印科目编码，缩进未能确定类/款/项层级，层级未读（level not read）`,
      spec.section,
      s.out[0]?.line,
    );
    return;
  }
  for (const [i, row] of s.out.entries()) row.level = levels[i];
}

/** Every row followed by deeper rows has the total of its children (to a printed cent each). */
function childrenAddUp(rows: ClassificationRow[], levels: (number | undefined)[]): boolean {
  for (const [i, row] of rows.entries()) {
    const level = levels[i]!;
    let sum = 0n;
    let n = 0;
    for (let j = i + 1; j < rows.length && levels[j]! > level; j++)
      if (levels[j] === level + 1) {
        sum += rows[j]!.values.get("total") ?? 0n;
        n++;
      }
    const diff = sum - (row.values.get("total") ?? 0n);
    if (n > 0 && (diff > ONE_PRINTED_CENT * BigInt(n) || diff < -ONE_PRINTED_CENT * BigInt(n)))
      return false;
  }
  return true;
}

/** Amounts alone on their line: the name's first half is above, the code (and the rest) below. */
function holdAmountRow(r: Reading, s: RowState, k: number, values: Map<string, Fen>): void {
  const { parsed, first } = r.table;
  const p = r.data[k]!;
  const next = parsed[first + k + 1];
  if (!p.name) p.name = lone(parsed[first + k - 1]);
  const codeBelow = next !== undefined && next.codeTokens.length > 0 && next.amounts.length === 0;
  if (/合计|总计|小计/.test(p.name) || (!p.name && !codeBelow) || values.get("total") === undefined)
    return;
  s.pending = { line: { code: "", name: p.name, values, line: p.row.line, text: "" } };
}

/** The "表N" printed alone just above a title, or at the title's start, if any. */
function tableNumber(doc: SourceDocument, titleLine: number): string | undefined {
  const inTitle = /^表(?:\d+|[一二三四五六七八九十]+)/.exec(
    squash(doc.lines[titleLine - 1]?.text ?? ""),
  );
  if (inTitle) return inTitle[0];
  for (let no = titleLine - 1; no >= Math.max(1, titleLine - 3); no--) {
    const t = squash(doc.lines[no - 1]?.text ?? "");
    if (TABLE_NUMBER.test(t)) return t;
    if (t) return undefined;
  }
  return undefined;
}

/**
 * The labels of the column header: the rows below the "单位：" line when there is one, since
 * above it sit the title and its wrapped tail ("目-不含上年结转）"), whose words are no column's.
 */
function columnHeader(rows: GridRow[]): GridCell[] {
  let start = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i]!.cells.some((c) => /单位[:：]/.test(squash(c.text)))) {
      start = i;
      break;
    }
  }
  return rows
    .slice(start)
    .flatMap((r) => headerLabels(r.cells.filter((c) => !/单位[:：]/.test(squash(c.text)))));
}

/**
 * Header cells as labels: a cell holding several words ("基本支出 项目支出")
 * becomes one label per word, and single characters spread over a wide
 * column ("总 … 计") are joined.
 */
function headerLabels(cells: GridCell[]): GridCell[] {
  const out: GridCell[] = [];
  for (const c of cells) {
    let x = c.x;
    for (const part of c.text.split(/(\s+)/)) {
      if (part.trim()) {
        const prev = out[out.length - 1];
        // "类 款 项" are three code columns, not one spread word.
        const codeLevels = /^[类款项]$/.test(prev?.text ?? "") && /^[类款项]$/.test(part);
        if (
          prev &&
          prev.line === c.line &&
          /^[\u4e00-\u9fff]$/.test(prev.text) &&
          /^[\u4e00-\u9fff]$/.test(part) &&
          x - prev.end <= 10 &&
          !codeLevels
        ) {
          prev.text += part;
          prev.end = x + part.length;
        } else out.push({ ...c, text: part, x, end: x + part.length });
      }
      x += part.length;
    }
  }
  return out;
}

/** The table's own 合计 / 总计 row: no code, that word as its name, amounts. */
function isTotalRow(p: ParsedRow): boolean {
  return p.codeTokens.length === 0 && p.amounts.length > 0 && /^(?:合计|总计)$/.test(p.name);
}

function lineOf(r: ClassificationRow): FunctionLine {
  const { code, name, values } = r;
  const total = fenToWan(values.get("total") ?? 0n);
  // A code tells the level; a line without one carries it when the table showed it.
  const fl: FunctionLine = code
    ? { code, name, total }
    : r.level
      ? { level: r.level, name, total }
      : { name, total };
  const basic = values.get("basic");
  const project = values.get("project");
  if (basic !== undefined) fl.basic = fenToWan(basic);
  if (project !== undefined) fl.project = fenToWan(project);
  return fl;
}

interface ParsedRow {
  row: GridRow;
  codeTokens: GridCell[];
  name: string;
  amounts: GridCell[];
}

function rowTextOf(row: GridRow): string {
  return row.cells.map((c) => squash(c.text)).join("");
}

/** Splits a row into its leading code tokens, the 科目名称 and the amount cells. */
function splitRow(row: GridRow): ParsedRow {
  const codeTokens: GridCell[] = [];
  const names: string[] = [];
  const amounts: GridCell[] = [];
  for (const c of row.cells) {
    let t = c.text.trim();
    if (!t) continue;
    // A code printed in brackets before its name (Guangzhou, Zhuhai): "[212]城乡社区支出".
    if (names.length === 0 && amounts.length === 0) t = t.replace(BRACKETED_CODE, "$1 ");
    if (names.length === 0 && amounts.length === 0) {
      // "201 06 01", "2040601 行政运行", "201"
      const m = /^((?:\d{2,7})(?:\s+\d{2}){0,2})(?:\s+(\D.*))?$/.exec(t);
      if (m && m[1]!.replace(/\s+/g, "").length <= 7 && !/\./.test(t)) {
        let x = c.x;
        for (const part of m[1]!.split(/\s+/)) {
          codeTokens.push({ ...c, text: part, x, end: x + part.length });
          x += part.length + 1;
        }
        if (m[2]) names.push(squash(m[2]));
        continue;
      }
    }
    if (AMOUNT_TEXT.test(squash(t))) {
      if (cellAmount(t, "万元") !== undefined) amounts.push(c);
      continue;
    }
    if (amounts.length === 0) names.push(squash(t));
  }
  // A bare number without a name is an amount, not a code (e.g. a 合计 row "  1,935.36").
  const valid = codeTokens.every((c) => CODE_TOKEN.test(c.text));
  // A row numbering the columns ("**  **  1  2  3", repeated on each page) is header, not amounts.
  if (
    codeTokens.length === 0 &&
    amounts.length >= 2 &&
    amounts.every((a, i) => squash(a.text) === String(i + 1))
  )
    amounts.length = 0;
  return { row, codeTokens: valid ? codeTokens : [], name: names.join(""), amounts };
}

/** The 3/5/7-digit code of a row, completing a 款/项 printed alone ("40", "01") from the rows above. */
function resolveCode(
  p: ParsedRow,
  codeCols: GridCell[],
  byIndex: boolean,
  lei: string,
  kuan: string,
  deepest: "款" | "项",
): string | undefined {
  if (p.codeTokens.length === 0) return undefined;
  const joined = p.codeTokens.map((c) => c.text).join("");
  if (p.codeTokens.length === 1 && joined.length !== 2)
    return /^\d{3}(\d{2}){0,2}$/.test(joined) ? joined : undefined;
  if (p.codeTokens.length > 1 && p.codeTokens[0]!.text.length === 3)
    return /^\d{3}(\d{2}){0,2}$/.test(joined) ? joined : undefined;
  // A classification without 项: two digits alone are a 款 of the 类 above.
  if (deepest === "款") return lei && p.codeTokens.length === 1 ? lei + joined : undefined;
  // Tokens without their 类: place the first one by the 类/款/项 header columns, else by what came before.
  const t0 = p.codeTokens[0]!;
  let level: "款" | "项" = kuan && !lei ? "项" : "款";
  if (codeCols.length > 0 && !byIndex) {
    let best = Infinity;
    for (const h of codeCols) {
      const d = Math.abs((h.x + h.end) / 2 - (t0.x + t0.end) / 2);
      if (d < best) {
        best = d;
        level = squash(h.text) === "项" ? "项" : "款";
      }
    }
  } else if (p.codeTokens.length === 1 && kuan) level = "项";
  if (level === "项" && p.codeTokens.length === 1) return kuan ? kuan + joined : undefined;
  return lei ? lei + joined : undefined;
}

/** Which amount column holds 合计 / 基本支出 / 项目支出, from the labels over them. */
function columnRoles(cols: Column[]): Map<string, Column> {
  const roles = new Map<Role, Column>();
  const text = (c: Column) => c.labels.join("|");
  const excluded = /执行|上年|增减|结转|结余|扣除|比/;
  // "2025年预算数 | 2026年预算数: 总计 …" (pool P165): an earlier year's column is not the 合计.
  const yearsOf = (c: Column) => [...text(c).matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  const latest = Math.max(0, ...cols.flatMap(yearsOf));
  const total = cols.find(
    (c) =>
      /合计|总计|小计|金额|预算数|决算数|本年支出/.test(text(c)) &&
      !/基本|项目|人员|公用|专项/.test(text(c)) &&
      !excluded.test(text(c)) &&
      !yearsOf(c).some((y) => y < latest),
  );
  if (total) roles.set("total", total);
  const after = cols.filter((c) => !total || c.x > total.x);
  const project = after.find((c) => /项目支出|项目|专项/.test(text(c)) && !/增减|比/.test(text(c)));
  if (project) roles.set("project", project);
  let basic = after.find((c) => /基本支出/.test(text(c)) && !/人员|公用/.test(text(c)));
  const anyBasic = cols.some((c) => /基本支出/.test(text(c)));
  if (!basic && anyBasic)
    basic = after.find((c) => /小计/.test(text(c)) && (!project || c.x < project.x));
  if (basic) roles.set("basic", basic);
  return roles;
}
