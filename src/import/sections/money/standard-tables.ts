/**
 * Locates the standard budget tables (部门收支总表, 部门支出总表, 基本支出表 ...)
 * by their titles and reads their rows as token streams, so the same code
 * reads Word "cells", tab-separated and PDF "columns" text.
 *
 * A table's region runs from its title to the next line that looks like a
 * table title or form number ("公开02表", "部门公开表 3", "…总表"). Every row
 * of the region (table rows, and single-line text blocks, which the readers
 * make of one-cell rows) becomes a list of tokens: numbers, text and blank
 * cells, in reading order. Cells that PDF layout runs together
 * ("16,474.82 一、一般公共服务支出") are split into their parts.
 */
import { declaredUnit, parseAmount, type Fen, type MoneyUnit } from "../../../model/amount.ts";
import {
  squash,
  squashedLines,
  type Row,
  type SourceDocument,
  type TextBlock,
} from "../../source-document.ts";

export interface Token {
  kind: "num" | "text" | "blank";
  /** Squashed text (numbers as printed). */
  text: string;
  line: number;
  /** Start and end column (display width) in the "columns" layout. */
  x?: number;
  end?: number;
}

export interface TokenRow {
  line: number;
  tokens: Token[];
  /** The last line of a row whose figures wrapped onto the lines below. */
  wrapEnd?: number;
}

export interface TableRegion {
  /** The title line as printed (squashed). */
  title: string;
  titleLine: number;
  /** The money unit from the table's own caption (单位：元 / 万元), 万元 when none is printed. */
  unit: MoneyUnit;
  rows: TokenRow[];
  /** True when the region reached the end of the document without a following title. */
  open: boolean;
}

const NUMBER = /^[(（]?[-−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?[)）]?$/;

/** A line that starts a new table: a form number or a short title ending in 表. */
const TABLE_BOUNDARY =
  /^(?:(?:部门)?(?:公开|预算|决算)?\d*表\d*|表[一二三四五六七八九十\d]+.*|.{0,40}表(?:[（(][^）)]*[）)])?)$/;

/** A form number alone on its line: "公开01表", "预算02表", "部门公开表3". */
const FORM_NUMBER = /^(?:部门)?(?:公开|预算|决算)\d*表\d*$/;

export function isNumberText(text: string): boolean {
  return NUMBER.test(text);
}

/** Parses a number token in the table's unit. Parenthesised numbers are negative. */
export function tokenAmount(token: Token | undefined, unit: MoneyUnit): Fen | undefined {
  if (!token || token.kind !== "num") return undefined;
  return parseAmount(token.text, unit);
}

/** Splits one cell's text into number and text tokens. */
function cellTokens(text: string, line: number, x?: number, end?: number): Token[] {
  const trimmed = text.trim();
  // A cell saying 未公开 (not disclosed) states no figure: it holds its column as a blank does.
  if (!trimmed || trimmed === "未公开") return [{ kind: "blank", text: "", line }];
  const parts = trimmed.split(/\s+/);
  const out: Token[] = [];
  // Positions are kept only when the cell is one token: a split cell's parts share the cell's span.
  const pos = parts.length === 1 ? { x, end } : {};
  for (const part of parts) {
    const kind = NUMBER.test(part) ? "num" : "text";
    const last = out[out.length - 1];
    if (kind === "text" && last?.kind === "text") last.text += part;
    else out.push({ kind, text: kind === "num" ? part : squash(part), line, ...pos });
  }
  // A cell of spaced-out words ("总 计", "科 目 名 称") is one word: it keeps the cell's span.
  if (parts.length > 1 && out.length === 1 && out[0]!.kind === "text" && x !== undefined)
    Object.assign(out[0]!, { x, end });
  // A split cell: give each part the cell's span, numbers at its right end (they are right-aligned).
  if (parts.length > 1 && x !== undefined && end !== undefined) {
    const nums = out.filter((t) => t.kind === "num");
    const last = nums[nums.length - 1];
    if (last && out[out.length - 1] === last) {
      last.end = end;
      last.x = end - last.text.length;
    }
  }
  return out;
}

/** Joins runs of one- or two-character text tokens: PDF spreads "收 入 总 计" over columns. */
function joinSpread(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    // Only neighbours: a short cell far to the right is another column's.
    const near = last?.end === undefined || t.x === undefined || t.x - last.end <= 6;
    if (
      t.kind === "text" &&
      last?.kind === "text" &&
      last.text.length <= 3 &&
      t.text.length <= 2 &&
      near
    ) {
      last.text += t.text;
      last.end = t.end ?? last.end;
    } else out.push({ ...t });
  }
  return out;
}

const blockOrder = new WeakMap<SourceDocument, boolean>();

/** Whether every block starts after the previous one ends and no row lies above its block (true for our readers; checked once). */
function inLineOrder(doc: SourceDocument): boolean {
  let ordered = blockOrder.get(doc);
  if (ordered === undefined) {
    ordered = true;
    let previousEnd = 0;
    for (const block of doc.blocks) {
      const lines =
        block.kind === "table"
          ? block.rows.map((r) => r.line)
          : [block.line, block.line + block.text.split("\n").length - 1];
      if (block.line <= previousEnd || lines.some((l) => l < block.line)) {
        ordered = false;
        break;
      }
      previousEnd = Math.max(block.line, ...lines);
    }
    blockOrder.set(doc, ordered);
  }
  return ordered;
}

// Tokens are made once per row and shared by every table reader that asks for it.
const rowTokens = new WeakMap<Row, TokenRow>();
const textTokens = new WeakMap<TextBlock, (TokenRow | null | undefined)[]>();

/** The rows of the document from line `from` (inclusive) to `to` (exclusive), as tokens. Shared: do not modify. */
export function tokenRows(doc: SourceDocument, from: number, to: number): TokenRow[] {
  const rows: TokenRow[] = [];
  const blocks = doc.blocks;
  const ordered = inLineOrder(doc);
  // Blocks in line order: start at the last block that begins at or before `from` (it may run into the range).
  let b = 0;
  if (ordered) {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.line <= from) lo = mid;
      else hi = mid - 1;
    }
    b = lo;
  }
  for (; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (ordered && block.line >= to) break;
    if (block.kind === "table") {
      for (const row of block.rows) {
        if (row.line < from || row.line >= to) continue;
        let tokenRow = rowTokens.get(row);
        if (!tokenRow) {
          const tokens: Token[] = [];
          for (const c of row.cells) tokens.push(...cellTokens(c.text, c.line, c.x, c.end));
          rowTokens.set(row, (tokenRow = { line: row.line, tokens: joinSpread(tokens) }));
        }
        rows.push(tokenRow);
      }
    } else {
      if (block.line >= to) continue;
      const lines = block.text.split("\n");
      if (block.line + lines.length <= from) continue;
      let cache = textTokens.get(block);
      if (!cache) textTokens.set(block, (cache = []));
      lines.forEach((text, i) => {
        const line = block.line + i;
        if (line < from || line >= to) return;
        let tokenRow = cache[i];
        if (tokenRow === undefined) {
          tokenRow =
            !text.trim() || doc.lines[line - 1]?.furniture
              ? null
              : { line, tokens: joinSpread(cellTokens(text, line)) };
          cache[i] = tokenRow;
        }
        if (tokenRow) rows.push(tokenRow);
      });
    }
  }
  return rows.sort((a, b) => a.line - b.line);
}

/**
 * Every region that starts at a line whose squashed text matches `title`
 * (TOC entries, "关于…的说明" headings and running text are skipped).
 * Regions are returned in document order; callers take the first that reads.
 */
export function findTableRegions(doc: SourceDocument, title: RegExp, maxRows = 160): TableRegion[] {
  const regions: TableRegion[] = [];
  const lines = doc.lines;
  const flat = squashedLines(doc);
  // A title repeated on every page of a long table is marked as a running header: still a title.
  const leader = (t: string) => /[.…·]{3,}|^\d+$/.test(t);
  for (const l of lines) {
    const text = flat[l.no - 1]!;
    if (l.furniture && leader(text)) continue;
    if (text.length > 60 || !title.test(text) || /说明|情况$|[。，；]|\d\.\d/.test(text)) continue;
    // A title ends in 表, or 表（…） — whose bracket may wrap onto the next line.
    if (!/表(?:[（(][^）)]*[）)]?)?$/.test(text)) continue;
    // The region ends at the next table title or form number.
    let end = lines.length + 1;
    let open = true;
    for (let n = l.no + 1; n <= lines.length; n++) {
      const t = flat[n - 1]!;
      if (!t || leader(t)) continue;
      if (t === text) continue; // the same title again: the table goes on over the page
      // The table's own form number printed just below its title ("公开01表").
      if (n - l.no <= 3 && FORM_NUMBER.test(t)) continue;
      if (
        t.length <= 42 &&
        TABLE_BOUNDARY.test(t) &&
        !/单位[:：]/.test(t) &&
        !/^(?:项目|合计|总计)/.test(t)
      ) {
        // The same table continued on the next page under its title again: skip the repeated title.
        const repeat = [0, 1, 2, 3]
          .map((k) => lines[n - 1 + k])
          .find((x) => x && flat[x.no - 1] === text);
        if (repeat) {
          n = repeat.no;
          continue;
        }
        end = n;
        open = false;
        break;
      }
    }
    const rows = withoutRowNumbers(joinWrappedFigures(tokenRows(doc, l.no + 1, end), doc)).slice(
      0,
      maxRows,
    );
    // The unit caption is printed just above or below the title (a few lines at most).
    let unit: MoneyUnit | undefined;
    for (let n = Math.max(1, l.no - 3); n <= Math.min(lines.length, l.no + 6) && !unit; n++)
      unit = declaredUnit(lines[n - 1]!.text);
    // Or further down, among the header rows before the first figures.
    for (const r of rows) {
      if (unit || r.tokens.some((t) => t.kind === "num" && /[.,，]/.test(t.text))) break;
      unit = declaredUnit(r.tokens.map((t) => t.text).join(""));
    }
    regions.push({ title: text, titleLine: l.no, unit: unit ?? "万元", rows, open });
  }
  return regions;
}

/** The text tokens of a row, joined (numbers and blanks left out). */
export function rowLabel(row: TokenRow): string {
  return row.tokens
    .filter((t) => t.kind === "text")
    .map((t) => t.text)
    .join("");
}

/** The number tokens of a row. */
export function rowNumbers(row: TokenRow): Token[] {
  return row.tokens.filter((t) => t.kind === "num");
}

/**
 * The number printed right after a text token that matches `label`, when the
 * next token is a number (a blank cell or another label means "not stated").
 * Returns the matching label token too.
 */
export function valueAfter(
  row: TokenRow,
  label: RegExp,
): { label: Token; value?: Token } | undefined {
  for (let i = 0; i < row.tokens.length; i++) {
    const t = row.tokens[i]!;
    if (t.kind !== "text" || !label.test(t.text)) continue;
    const next = row.tokens[i + 1];
    return { label: t, ...(next?.kind === "num" ? { value: next } : {}) };
  }
  return undefined;
}

/** A column found in a table's header rows: its keyword and horizontal centre (columns layout). */
export interface HeaderColumn {
  key: string;
  /** Order of appearance (left to right). */
  order: number;
  centre?: number;
}

/**
 * Finds the given column keywords in the header rows (those before the first
 * row with numbers), left to right. Keywords are matched inside text tokens;
 * the first keyword that matches a token wins.
 */
export function headerColumns(
  rows: TokenRow[],
  keys: { key: string; pattern: RegExp }[],
): HeaderColumn[] {
  const found: { key: string; pos: number; centre?: number }[] = [];
  for (const row of rows) {
    // Header rows end at the first row of figures (a year like "2026 年" is not one).
    const nums = row.tokens.filter((t) => t.kind === "num");
    if (nums.length >= 2 || nums.some((t) => /[.,，]/.test(t.text))) break;
    row.tokens.forEach((t, i) => {
      if (t.kind !== "text") return;
      for (const k of keys) {
        if (!k.pattern.test(t.text) || found.some((f) => f.key === k.key)) continue;
        const centre = t.x !== undefined && t.end !== undefined ? (t.x + t.end) / 2 : undefined;
        found.push({ key: k.key, pos: centre ?? i, ...(centre !== undefined ? { centre } : {}) });
        break;
      }
    });
  }
  return found
    .sort((a, b) => a.pos - b.pos)
    .map((f, order) => ({
      key: f.key,
      order,
      ...(f.centre !== undefined ? { centre: f.centre } : {}),
    }));
}

/**
 * Assigns the numbers of a data row to header columns. With positions (PDF
 * columns), each number goes to the nearest column centre; otherwise, the
 * row's value cells (numbers and blanks after its label) are taken in order.
 */
export function assignColumns(row: TokenRow, columns: HeaderColumn[]): Map<string, Token> {
  const out = new Map<string, Token>();
  const nums = rowNumbers(row);
  const positioned =
    columns.length > 0 &&
    columns.every((c) => c.centre !== undefined) &&
    nums.every((n) => n.x !== undefined && n.end !== undefined);
  if (positioned) {
    for (const n of nums) {
      const centre = (n.x! + n.end!) / 2;
      let best: HeaderColumn | undefined;
      for (const c of columns)
        if (!best || Math.abs(c.centre! - centre) < Math.abs(best.centre! - centre)) best = c;
      if (best && !out.has(best.key)) out.set(best.key, n);
    }
    return out;
  }
  // Value cells: everything after the last text token before the first number.
  const firstNum = row.tokens.findIndex((t) => t.kind === "num");
  if (firstNum < 0) return out;
  let start = firstNum;
  while (start > 0 && row.tokens[start - 1]!.kind === "blank") start--;
  const cells = row.tokens.slice(start).filter((t) => t.kind !== "text");
  // Blank cells count only when the row prints exactly one value cell per column.
  const values = cells.length === columns.length ? cells : cells.filter((t) => t.kind === "num");
  values.forEach((t, i) => {
    const c = columns[i];
    if (c && t.kind === "num") out.set(c.key, t);
  });
  return out;
}

/** A row-number cell: a small plain integer (no separators, no decimals). */
const ROW_NUMBER = /^\d{1,3}$/;
/** Header words of a row-number column (序号 printed whole or one character a line) or row (栏次). */
const ROW_NUMBER_HEADER = /^(?:序号?|号|行次|栏次|行号)$|序号|行次/;

/**
 * 决算 and Xi'an-style tables print a 序号 / 行次 column (1, 2, 3 … down the
 * rows) and a 栏次 row (1, 2, 3 … across the columns): row and column
 * numbers, never amounts. With such a header word before the first figures,
 * the rows' first numbers that count up by one are dropped, and so is a row
 * holding nothing but 1, 2, 3 ….
 */
export function withoutRowNumbers(rows: TokenRow[]): TokenRow[] {
  const firstFigures = rows.findIndex((r) =>
    r.tokens.some((t) => t.kind === "num" && /[.,，]/.test(t.text)),
  );
  const header = rows.slice(0, firstFigures < 0 ? rows.length : firstFigures);
  const announced = rows.some((r) =>
    r.tokens.some((t) => t.kind === "text" && ROW_NUMBER_HEADER.test(t.text)),
  );
  const out = rows.filter((r) => !isColumnNumberRow(r));
  if (!announced) return out.length === rows.length ? rows : out;
  // Row-number slots: the row's first number, and each number right after a label (the
  // 行次 of a two-sided 决算 table: 1…30 on the income side, 31…60 on the expenditure side).
  const slots = out.map((r) =>
    r.tokens
      .map((t, i) => ({ t, i }))
      .filter(
        ({ t, i }) =>
          t.kind === "num" &&
          ROW_NUMBER.test(t.text) &&
          (r.tokens.findIndex((x) => x.kind === "num") === i || r.tokens[i - 1]?.kind === "text"),
      )
      .map(({ t, i }) => ({ i, n: Number(t.text) })),
  );
  // In each slot, a run of numbers counting up by one (a wrapped label's line may lie between two).
  const drop = out.map(() => new Set<number>());
  let dropped = 0;
  for (let slot = 0; slot < 2; slot++) {
    let last: { row: number; i: number; n: number } | undefined;
    slots.forEach((s, row) => {
      const l = s[slot];
      if (!l || header.includes(out[row]!)) return;
      if (last && l.n === last.n + 1) {
        if (!drop[last.row]!.has(last.i)) dropped++;
        drop[last.row]!.add(last.i);
        drop[row]!.add(l.i);
        dropped++;
      }
      last = { row, i: l.i, n: l.n };
    });
  }
  if (dropped < 3) return out;
  return out.map((r, row) =>
    drop[row]!.size ? { ...r, tokens: r.tokens.filter((_, i) => !drop[row]!.has(i)) } : r,
  );
}

/**
 * A 栏次 row: no words but 栏次 / 行次 / ** / 项目, and numbers 1, 2, 3 … (at
 * least three, or any when the row says 栏次: "栏次 1 … 栏次 2" over a two-sided table).
 */
function isColumnNumberRow(row: TokenRow): boolean {
  const words = row.tokens.filter((t) => t.kind === "text").map((t) => t.text);
  if (!words.every((w) => /^(?:栏次|行次|\*+|项目|金额单位.*|[甲乙丙丁])$/.test(w))) return false;
  const nums = rowNumbers(row);
  const least = words.includes("栏次") ? 1 : 3;
  return nums.length >= least && nums.every((t, i) => t.text === String(i + 1));
}

/** The decimals of a figure wrapped below its integer part (".64" under "174,900"). */
const FRACTION = /^\.\d{1,6}$/;

/**
 * Very wide tables in PDF text wrap each figure in a narrow column: "174,900"
 * on the row's line, ".64" on the next, the next column's figure a line lower
 * ("合 计 174,900" / ".64 56,633" / ".49 118,267" / ".14"). Lines holding
 * such decimals and nothing but figures continue the row above: each decimal
 * joins the integer part it stands under (right edges within two columns),
 * the other figures join the row, in column order.
 */
export function joinWrappedFigures(rows: TokenRow[], doc?: SourceDocument): TokenRow[] {
  const out: TokenRow[] = [];
  for (const printed of rows) {
    const base = out[out.length - 1];
    const row = doc?.layout === "columns" ? placeLoneToken(printed, doc) : printed;
    const fractions = row.tokens.filter((t) => t.kind === "text" && FRACTION.test(t.text));
    const continues =
      base &&
      fractions.length > 0 &&
      fractions.every((t) => t.end !== undefined) &&
      row.tokens.every((t) => t.kind !== "text" || FRACTION.test(t.text)) &&
      row.line - lastLine(base) <= 1;
    if (!continues) {
      out.push(row);
      continue;
    }
    const tokens = base.tokens.map((t) => ({ ...t }));
    for (const t of row.tokens) {
      if (t.kind === "blank") continue;
      const whole =
        t.kind === "text"
          ? tokens.find(
              (w) =>
                w.kind === "num" &&
                !/\./.test(w.text) &&
                w.end !== undefined &&
                Math.abs(w.end - t.end!) <= 2,
            )
          : undefined;
      if (whole) whole.text += t.text;
      else if (t.kind === "num") tokens.push({ ...t });
      else return rows; // a decimal under no figure: not this layout
    }
    out[out.length - 1] = { line: base.line, tokens: inColumnOrder(tokens), wrapEnd: row.line };
  }
  return out;
}

/** A line of one token (a text line to the reader) has no position: take it from the line as printed. */
function placeLoneToken(row: TokenRow, doc: SourceDocument): TokenRow {
  const t = row.tokens[0];
  if (row.tokens.length !== 1 || !t || t.x !== undefined) return row;
  const x = doc.lines[t.line - 1]?.text.indexOf(t.text) ?? -1;
  return x < 0 ? row : { ...row, tokens: [{ ...t, x, end: x + t.text.length }] };
}

function lastLine(row: TokenRow): number {
  return row.wrapEnd ?? row.line;
}

/** Tokens sorted by position; one without a position stays after the token before it. */
function inColumnOrder(tokens: Token[]): Token[] {
  let x = -1;
  const keyed = tokens.map((t, i) => {
    x = t.x ?? x;
    return { t, x, i };
  });
  return keyed.sort((a, b) => a.x - b.x || a.i - b.i).map((k) => k.t);
}
