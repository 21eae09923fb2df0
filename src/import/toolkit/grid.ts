/**
 * The table toolkit shared by the extractors (三公, 政府采购, 国有资产, 功能分类…):
 * rows between two lines in any of the three text layouts (with the blank
 * cells of a Word export kept, so columns stay aligned), the money unit a
 * table's caption declares, and the column an amount sits in.
 */
import { parseAmount, type Fen, type MoneyUnit } from "../../model/amount.ts";
import { squash, type SourceDocument } from "../source-document.ts";
import { splitColumns } from "../readers/text.ts";

export interface GridCell {
  text: string;
  line: number;
  /** Start column: display position ("columns") or cell index ("cells"/"tabs"). */
  x: number;
  end: number;
}

export interface GridRow {
  cells: GridCell[];
  line: number;
}

/**
 * The table rows printed between two lines (inclusive), in every layout.
 * "cells": rebuilt from the lines so that empty cells stay in place (a blank
 * cell must not end a row); text paragraphs become one-cell rows.
 */
export function gridRows(doc: SourceDocument, from: number, to: number): GridRow[] {
  const rows: GridRow[] = [];
  const lines = linesBetween(doc, from, to);
  if (doc.layout === "columns") {
    for (const l of lines) {
      if (l.furniture || !l.text.trim()) continue;
      const cells = splitColumns(l.text, l.no).map((c) => ({
        text: c.text,
        line: l.no,
        x: c.x ?? 0,
        end: c.end ?? 0,
      }));
      rows.push({ cells, line: l.no });
    }
    return rows;
  }
  if (doc.layout === "tabs") {
    for (const l of lines) {
      if (l.furniture || !l.text.trim()) continue;
      const cells = l.text
        .split("\t")
        .map((t, i) => ({ text: t.trim(), line: l.no, x: i, end: i + 1 }));
      rows.push({ cells, line: l.no });
    }
    return rows;
  }
  let row: GridRow | undefined;
  const close = () => {
    if (row && row.cells.some((c) => c.text)) rows.push(row);
    row = undefined;
  };
  for (const l of lines) {
    const t = l.text;
    const empty = (l as { emptyCell?: boolean }).emptyCell === true;
    if (t.startsWith("\t") || empty) {
      row ??= { cells: [], line: l.no };
      const parts = empty ? [""] : t.slice(1).split("\t");
      for (const p of parts) {
        const i = row.cells.length;
        row.cells.push({ text: p.trim(), line: l.no, x: i, end: i + 1 });
      }
    } else if (!t.trim()) {
      close();
    } else if (row) {
      const last = row.cells[row.cells.length - 1]!;
      last.text = last.text ? `${last.text}\n${t.trim()}` : t.trim();
    } else {
      rows.push({ cells: [{ text: t.trim(), line: l.no, x: 0, end: 1 }], line: l.no });
    }
  }
  close();
  return rows;
}

/** Lines `from`..`to` (inclusive): a slice when lines are numbered by position, as every reader numbers them. */
function linesBetween(doc: SourceDocument, from: number, to: number): SourceDocument["lines"] {
  const lo = Math.max(1, from);
  const slice = doc.lines.slice(lo - 1, Math.max(lo - 1, to));
  if (
    !slice.length ||
    (slice[0]!.no === lo && slice[slice.length - 1]!.no === lo + slice.length - 1)
  )
    return slice;
  return doc.lines.filter((l) => l.no >= from && l.no <= to);
}

/** The money unit a table's caption declares near its title ("单位：元", "金额单位：万元"); 万元 when none. */
export function tableUnit(doc: SourceDocument, titleLine: number, span = 8): MoneyUnit {
  for (const l of doc.lines) {
    if (l.no < titleLine || l.no > titleLine + span) continue;
    const m = /单位[:：]?(万元|千元|元|亿元)/.exec(squash(l.text));
    if (m) return m[1] as MoneyUnit;
  }
  return "万元";
}

/** An amount cell: a plain number (thousands separators, negatives); no percentages or words. */
export function cellAmount(text: string, unit: MoneyUnit): Fen | undefined {
  const t = squash(text);
  if (!t || /%|％/.test(t)) return undefined;
  return parseAmount(t, unit);
}

/** Squashed text of a row's cells joined. */
export function rowText(row: GridRow): string {
  return row.cells.map((c) => squash(c.text)).join("");
}

export interface Column {
  x: number;
  end: number;
  /** Header labels placed over this column, top to bottom. */
  labels: string[];
}

/** How far apart the right edges of one column's numbers may stand in PDF text. */
const RIGHT_EDGE_DRIFT = 3;

/**
 * Amount columns of a table: amount cells clustered by their right edge (PDF
 * text right-aligns numbers), then each header label attached to the nearest
 * column by centre distance.
 */
export function amountColumns(
  dataCells: GridCell[],
  header: GridCell[],
  byIndex: boolean,
): Column[] {
  const cols: Column[] = [];
  const lines = new Map<Column, Set<number>>();
  const sorted = [...dataCells].sort((a, b) => a.end - b.end);
  for (const c of sorted) {
    // pdftotext places numbers of different widths a few columns apart ("158,600.33" ends three
    // columns left of "53,951.94" under it): a column never holds two cells of one line.
    const near = cols.find((k) =>
      byIndex
        ? k.x === c.x
        : Math.abs(k.end - c.end) <= RIGHT_EDGE_DRIFT && !lines.get(k)!.has(c.line),
    );
    if (near) {
      near.x = Math.min(near.x, c.x);
      near.end = Math.max(near.end, c.end);
      lines.get(near)!.add(c.line);
    } else {
      const col = { x: c.x, end: c.end, labels: [] };
      cols.push(col);
      lines.set(col, new Set([c.line]));
    }
  }
  cols.sort((a, b) => a.x - b.x);
  if (cols.length === 0) return cols;
  // Labels of one header row keep their left-to-right order: a label whose nearest column was
  // already taken by the label before it ("基本支出 项目支出" over two columns) moves right.
  let lastLine = -1;
  let lastIndex = -1;
  for (const h of header) {
    const label = squash(h.text);
    // Labels of the code and name columns, and the numbers of a 合计 row above, name no amount column.
    if (!label || /科目|编码|名称|^(项目|类|款|项|\*+)$|^[-\d,.]+$/.test(label)) continue;
    if (byIndex) {
      const col = cols.find((k) => k.x === h.x);
      if (col) col.labels.push(label);
      continue;
    }
    if (h.line !== lastLine) {
      lastLine = h.line;
      lastIndex = -1;
    }
    const centre = (h.x + h.end) / 2;
    const dist = (k: Column) =>
      centre >= k.x - 1 && centre <= k.end + 1
        ? 0
        : Math.min(Math.abs(centre - k.x), Math.abs(centre - k.end));
    let best = -1;
    for (let i = 0; i < cols.length; i++)
      if (best < 0 || dist(cols[i]!) < dist(cols[best]!)) best = i;
    if (best < 0 || dist(cols[best]!) > 10) continue;
    if (best <= lastIndex && lastIndex + 1 < cols.length && dist(cols[lastIndex + 1]!) <= 10)
      best = lastIndex + 1;
    cols[best]!.labels.push(label);
    lastIndex = best;
  }
  return cols;
}

/** The column a cell falls in (overlap or nearest right edge). */
export function columnOf(cols: Column[], cell: GridCell, byIndex: boolean): Column | undefined {
  if (byIndex) return cols.find((k) => k.x === cell.x);
  return (
    cols.find((k) => Math.abs(k.end - cell.end) <= 2) ??
    cols.find((k) => cell.x < k.end && cell.end > k.x)
  );
}

/** The header column a cell sits under: the one it overlaps most, else the nearest by centre. */
export function columnUnder(cell: GridCell, header: GridRow): number {
  let best = -1;
  let bestScore = -Infinity;
  for (const [j, c] of header.cells.entries()) {
    const overlap = Math.min(cell.end, c.end) - Math.max(cell.x, c.x);
    const score = overlap > 0 ? overlap : -Math.abs((cell.x + cell.end) / 2 - (c.x + c.end) / 2);
    if (score > bestScore) {
      bestScore = score;
      best = j;
    }
  }
  return best;
}

/**
 * A "columns" row laid out on the header's columns: each cell goes to the
 * header cell it overlaps most (else the nearest by centre), blanks stay "".
 * A row whose cells would collide (a different table) is kept as printed.
 */
export function underHeader(row: GridRow, header: GridRow): GridRow {
  // One cell is a paragraph or a title after the table: it ends the table as printed.
  if (row.cells.length < 2) return row;
  const out: GridRow["cells"] = header.cells.map((c) => ({
    text: "",
    line: row.line,
    x: c.x,
    end: c.end,
  }));
  for (const cell of row.cells) {
    const best = columnUnder(cell, header);
    if (best < 0 || out[best]!.text) return row;
    out[best] = { ...cell };
  }
  return { cells: out, line: row.line };
}

/**
 * PDF text wraps a long name ("实验小学新建体育教学活动中心 / 货物 … 200.00 /
 * 工程") above and below its row's line. With the rows already laid out on
 * the header's columns, lines right next to them holding no amount and only
 * a name or two are joined into the cell they sit under, of the nearer row
 * (the wrapped cell is centred on its row; at equal distance, the row whose
 * cell is blank); lines after the last row go to it. Returns the index just
 * past the table's rows.
 */
export function joinWrappedCells(
  rows: GridRow[],
  first: number,
  header: GridRow,
  isRow: (r: GridRow) => boolean,
): number {
  const isWrap = (r: GridRow) =>
    r.cells.length <= 2 &&
    r.cells.every(
      (c) =>
        parseAmount(squash(c.text)) === undefined && !/^(?:合计|总计|小计)$/.test(squash(c.text)),
    );
  // The table's extent: rows and wrapped lines on adjacent lines.
  let end = first;
  while (
    end + 1 < rows.length &&
    rows[end + 1]!.line === rows[end]!.line + 1 &&
    (isRow(rows[end + 1]!) || isWrap(rows[end + 1]!))
  )
    end++;
  const band = rows.slice(first, end + 1);
  if (!band.some((r) => !isRow(r))) return end + 1;
  const dataAt = band.map((r, i) => (isRow(r) ? i : -1)).filter((i) => i >= 0);
  if (!dataAt.length) return first;
  // The nearer row; at equal distance, the one whose cell under the text is blank (its name was wrapped away).
  const owner = (i: number, at: number): number => {
    const after = dataAt.find((k) => k > i);
    const before = [...dataAt].reverse().find((k) => k < i);
    if (before === undefined) return after!;
    if (after === undefined) return before;
    if (i - before !== after - i) return i - before < after - i ? before : after;
    return !band[after]!.cells[at]?.text && band[before]!.cells[at]?.text ? after : before;
  };
  const joined = band.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c })) }));
  for (const [i, r] of band.entries()) {
    if (isRow(r)) continue;
    for (const c of r.cells) {
      const at = columnUnder(c, header);
      const o = owner(i, at);
      const cell = joined[o]!.cells[at];
      if (!cell) continue;
      cell.text = i < o ? `${c.text}${cell.text}` : `${cell.text}${c.text}`;
    }
  }
  rows.splice(first, band.length, ...joined.filter((_, i) => isRow(band[i]!)));
  return first + dataAt.length;
}

/**
 * PDF text prints a header whose cells wrap ("政府采购目录序" / "号") on
 * adjacent lines: those lines become one row, each column's pieces joined
 * top to bottom where their character spans touch. Only lines within
 * `reach` of the header line `at` are joined, and only while they hold no
 * amount and `accept` takes them.
 */
export function joinHeaderLines(
  rows: GridRow[],
  at: number,
  reach: number,
  accept: (r: GridRow) => boolean = () => true,
): void {
  // A header line holds no amount, no 合计 and no caption ("单位：万元", "部门：…").
  const isHeaderLine = (r: GridRow | undefined) =>
    !!r &&
    r.cells.length > 0 &&
    accept(r) &&
    !r.cells.some(
      (c) =>
        parseAmount(squash(c.text)) !== undefined ||
        /^(?:合计|总计)$|单位[:：]|^(?:编制)?(?:部门|单位)(?:名称)?[:：]/.test(squash(c.text)),
    );
  let from = at;
  let to = at;
  while (
    from > 0 &&
    from > at - reach &&
    rows[from - 1]!.line === rows[from]!.line - 1 &&
    isHeaderLine(rows[from - 1])
  )
    from--;
  while (
    to + 1 < rows.length &&
    to < at + reach &&
    rows[to + 1]!.line === rows[to]!.line + 1 &&
    isHeaderLine(rows[to + 1])
  )
    to++;
  if (from === to) return;
  const columns: { x: number; end: number; parts: { line: number; x: number; text: string }[] }[] =
    [];
  for (const r of rows.slice(from, to + 1)) {
    for (const c of r.cells) {
      const col = columns.find((k) => c.x <= k.end && c.end >= k.x);
      if (col) {
        col.x = Math.min(col.x, c.x);
        col.end = Math.max(col.end, c.end);
        col.parts.push({ line: r.line, x: c.x, text: c.text });
      } else columns.push({ x: c.x, end: c.end, parts: [{ line: r.line, x: c.x, text: c.text }] });
    }
  }
  columns.sort((a, b) => a.x - b.x);
  const cells = columns.map((k) => ({
    text: k.parts
      .sort((a, b) => a.line - b.line || a.x - b.x)
      .map((p) => p.text)
      .join(""),
    line: rows[from]!.line,
    x: k.x,
    end: k.end,
  }));
  rows.splice(from, to - from + 1, { cells, line: rows[from]!.line });
}
