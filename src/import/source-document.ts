/**
 * The one intermediate form between file bytes and meaning. Every reader
 * (text layouts, .docx, .xlsx, .pdf) produces a SourceDocument; the section
 * extractors read only this, so a new file format never touches them.
 *
 * Lines are numbered from 1 as in the source text (for .docx/.xlsx/.pdf the
 * reader's own rendering of the file as text, which `extract --text` prints),
 * and every cell keeps the line it came from, so findings and diagnostics can
 * point at the exact place. Readers of paginated or structured files also
 * keep where each line sits in the file (`at`: a PDF's page and line on the
 * page, a .docx paragraph or table cell, an .xlsx sheet and row), so that a
 * reviewer can find it in the original.
 */
import type { SourceLocation } from "../model/disclosure.ts";

/** How the text was laid out, which decides how rows and cells are found. */
export type Layout =
  /** Word export: one table cell per line, each starting with a tab; a blank line ends a row. */
  | "cells"
  /** Tab-separated: one table row per line. */
  | "tabs"
  /** PDF text (pdftotext -layout or our PDF reader): cells aligned by runs of spaces. */
  | "columns";

export interface SourceLine {
  /** 1-based line number in the text. */
  no: number;
  text: string;
  /** 1-based page, when the text came from a paginated document. */
  page?: number;
  /** Page furniture (running header, page number, dot-leader TOC entry): not content. */
  furniture?: boolean;
  /** "cells" layout: the line was a lone tab, an empty table cell (its text is trimmed to ""). */
  emptyCell?: boolean;
  /**
   * The line prints one whole row of a table whose borders the PDF draws:
   * the row's cells as a .docx holds them (empty cells kept, a merged cell
   * once with its span, the lower part of a vertical merge `continued`).
   * `table` numbers the drawn tables of the document; a table carried on
   * over a page break keeps its number.
   */
  drawnRow?: { table: number; cells: DrawnCell[] };
  /** Where the line sits in the original file (absent for plain text, whose line number is the place). */
  at?: SourceLocation;
  /** PDF: the printed text's box on its page, as fractions of the page's width and height (top left 0). */
  box?: LineBox;
}

export interface LineBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DrawnCell {
  text: string;
  span: number;
  continued: boolean;
  /** The printed line of its page the cell's text starts on (SourceLine.at.line is the row's first). */
  printedLine?: number;
}

/** The grid column of each cell of a drawn row (spans add up). */
export function gridOf(cells: readonly DrawnCell[]): Map<number, DrawnCell> {
  const out = new Map<number, DrawnCell>();
  let x = 0;
  for (const c of cells) {
    out.set(x, c);
    x += c.span;
  }
  return out;
}

/** A drawn row's cells as a .docx table row holds them: a merged cell once, with its span. */
export function drawnRowCells(line: SourceLine): Cell[] {
  return (line.drawnRow?.cells ?? []).map((c) => ({
    text: c.text,
    line: line.no,
    ...(c.span > 1 ? { span: c.span } : {}),
  }));
}

export interface Cell {
  text: string;
  /** First source line of the cell. */
  line: number;
  /** Start column (display width, CJK = 2) for the "columns" layout. */
  x?: number;
  /** End column (exclusive) for the "columns" layout. */
  end?: number;
  /** Number of grid columns the cell spans (docx/xlsx merged cells). */
  span?: number;
}

export interface Row {
  cells: Cell[];
  /** First source line of the row. */
  line: number;
}

export interface TextBlock {
  kind: "text";
  text: string;
  line: number;
}

export interface TableBlock {
  kind: "table";
  rows: Row[];
  line: number;
}

export type Block = TextBlock | TableBlock;

export interface SourceDocument {
  layout: Layout;
  /** Every line of the text form, furniture marked. */
  lines: SourceLine[];
  /** The content in reading order: paragraphs and tables. */
  blocks: Block[];
  /** What the reader read: "txt", "docx", "xlsx", "pdf". */
  format: string;
}

const WHITESPACE = /\s/;

/**
 * Removes all whitespace: documents wrap and pad Chinese text freely. Called
 * tens of thousands of times per import: the test first skips the replace's
 * allocation for text without spaces (measured faster than memoising).
 */
export const squash = (s: string): string =>
  WHITESPACE.test(s) ? s.replace(STRAY_FRACTION, "$1…").replace(/\s+/g, "") : s;

/**
 * A fraction standing apart from any integer: wide of the number before it on
 * its line, or opening a line (pdftotext prints a fraction drawn a little
 * lower than its integer apart from it, often next to another number). Squashed
 * together they would read as a wrong amount, so both become unreadable ("…").
 */
const STRAY_FRACTION = /(\d)[ \t]{2,}\.\d+|^\s*\.\d+(?![\d,])/g;

const squashedByDocument = new WeakMap<SourceDocument, readonly string[]>();

/** Every line's text squashed (index = line number − 1), computed once per document for extractors that scan all lines. */
export function squashedLines(doc: SourceDocument): readonly string[] {
  let lines = squashedByDocument.get(doc);
  if (!lines) squashedByDocument.set(doc, (lines = doc.lines.map((l) => squash(l.text))));
  return lines;
}

/**
 * Where a source line (and the wording cited from it) sits in the original
 * file, or undefined for plain text. On an .xlsx row the cell is the one whose
 * text is the wording, when exactly one cell holds it.
 */
export function locationOf(
  doc: SourceDocument,
  line: number,
  text?: string,
): SourceLocation | undefined {
  const source = doc.lines[line - 1];
  const at = source?.at;
  if (!at || text === undefined) return at;
  if (source.drawnRow) {
    // A drawn row prints its cells from its first line down: the wording's own cell says where.
    const cells = source.drawnRow.cells;
    const cell = cellHolding(
      cells.map((c) => c.text),
      squash(text),
    );
    const printed = cell === undefined ? undefined : cells[cell]!.printedLine;
    return printed ? { ...at, line: printed } : at;
  }
  if (at.sheet === undefined || at.row === undefined) return at;
  const cell = cellHolding(source.text.split("\t"), squash(text));
  return cell === undefined ? at : { ...at, cell: columnName(cell + 1) + at.row };
}

/** The index of the one cell whose text is the wording (else the one that contains it). */
function cellHolding(cells: readonly string[], wording: string): number | undefined {
  if (!wording) return undefined;
  const squashed = cells.map(squash);
  for (const test of [(c: string) => c === wording, (c: string) => c.includes(wording)]) {
    const hits = squashed.flatMap((c, i) => (test(c) ? [i] : []));
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) return undefined;
  }
  return undefined;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnName(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
