/**
 * Rows of the tables that hold project performance targets, with every cell in
 * its column: the "cells" layout's reader drops empty cells (a lone tab reads
 * like a row break), but the spending plan and the merged 一级指标 cells are
 * positional, so those tables are rebuilt from the lines here.
 */
import type { Cell, Row, SourceDocument, TableBlock } from "../../source-document.ts";
import { displayWidth } from "../../toolkit/display-width.ts";

export interface ProjectRow extends Row {
  /** Index of the table block the row came from (-1: a line of PDF text). */
  block: number;
  /** PDF text: the whole line, to measure cell positions another way. */
  text?: string;
}

/** The rows of one table block, empty cells kept where the layout allows. */
export function tableRows(doc: SourceDocument, blockIndex: number): ProjectRow[] {
  const block = doc.blocks[blockIndex] as TableBlock;
  const rebuild = doc.layout === "cells" && doc.lines.some((l) => l.emptyCell);
  if (!rebuild)
    return block.rows.map((r) => ({ ...r, cells: expandSpans(r.cells), block: blockIndex }));
  const next = doc.blocks[blockIndex + 1];
  const last = next ? next.line - 1 : doc.lines.length;
  return rebuildCells(doc, block.line, last).map((r) => ({ ...r, block: blockIndex }));
}

/** A merged cell (docx/xlsx `span`) fills its columns, so positions match the header's. */
export function expandSpans(cells: Cell[]): Cell[] {
  if (!cells.some((c) => (c.span ?? 1) > 1)) return cells;
  return cells.flatMap((c) => [
    c,
    ...Array.from({ length: Math.max(0, (c.span ?? 1) - 1) }, () => ({ text: "", line: c.line })),
  ]);
}

/**
 * Word export from the lines: "\tcell" starts a cell, a lone tab is an empty
 * cell, an untabbed line continues the last cell, a blank line ends a row.
 */
function rebuildCells(doc: SourceDocument, from: number, to: number): Row[] {
  const rows: Row[] = [];
  let row: Row | undefined;
  for (const line of doc.lines) {
    if (line.no < from || line.no > to) continue;
    const t = line.text;
    if (line.emptyCell) {
      row ??= { cells: [], line: line.no };
      row.cells.push({ text: "", line: line.no });
    } else if (t.startsWith("\t")) {
      row ??= { cells: [], line: line.no };
      for (const part of t.slice(1).split("\t"))
        row.cells.push({ text: part.trim(), line: line.no });
    } else if (t.trim() === "") {
      if (row) rows.push(row);
      row = undefined;
    } else if (row) {
      const cell = row.cells[row.cells.length - 1]!;
      cell.text = cell.text ? `${cell.text}\n${t.trim()}` : t.trim();
    }
  }
  if (row) rows.push(row);
  // A row of nothing but empty cells carries no information.
  return rows.filter((r) => r.cells.some((c) => c.text !== ""));
}

/** Joins a cell's wrapped lines: no space between Chinese characters, one elsewhere. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  return cell.text
    .split(/\s*\n\s*/)
    .reduce((acc, part) => {
      if (!acc) return part;
      const cjk =
        /[\u3000-\u9fff\uff00-\uffef]$/.test(acc) || /^[\u3000-\u9fff\uff00-\uffef]/.test(part);
      return cjk ? acc + part : `${acc} ${part}`;
    }, "")
    .trim();
}

/** Splits a layout line into cells at runs of two or more spaces, x and end in display columns. */
export function splitDisplayColumns(text: string, lineNo: number): Cell[] {
  const cells: Cell[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const x = displayWidth(text.slice(0, m.index));
    cells.push({ text: m[0], line: lineNo, x, end: x + displayWidth(m[0]) });
  }
  return cells;
}
