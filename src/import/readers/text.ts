/**
 * Plain text → SourceDocument. Real disclosures arrive as text in three
 * layouts, told apart by how their table rows are written:
 *  - "cells": Word's text export, one cell per line starting with a tab, a
 *    blank line after each row, a cell's further paragraphs on untabbed lines;
 *  - "tabs": one row per line, cells separated by tabs;
 *  - "columns": PDF text, cells aligned by runs of spaces, with page numbers,
 *    running headers and table-of-contents dot leaders to set aside.
 */
import type { Block, Cell, Layout, Row, SourceDocument, SourceLine } from "../source-document.ts";
import { joinDroppedFractions } from "./text-fractions.ts";

export function detectLayout(lines: readonly string[]): Layout {
  let tabStart = 0;
  let midTab = 0;
  let spaced = 0;
  for (const line of lines) {
    // A Word-export cell line holds one cell; a tab-separated row may start with an empty cell.
    if (line.startsWith("\t") && !line.slice(1).includes("\t")) tabStart++;
    else if (line.includes("\t")) midTab++;
    else if (/\S {2,}\S/.test(line)) spaced++;
  }
  if (tabStart >= 10 && tabStart > midTab) return "cells";
  if (midTab >= 10 && midTab >= spaced / 4) return "tabs";
  return "columns";
}

/**
 * `layout` may be given by a reader that knows how it wrote the text (docx, xlsx, pdf);
 * `furniture`, the numbers of lines it knows are page furniture (a PDF's running footers).
 */
export function readText(
  text: string,
  format = "txt",
  layout?: Layout,
  furniture?: ReadonlySet<number>,
): SourceDocument {
  let raw = text.replace(/\r\n?/g, "\n").replace(/\f/g, "\n").split("\n");
  layout ??= detectLayout(raw);
  const fractions = layout === "columns" ? joinDroppedFractions(raw) : undefined;
  if (fractions) raw = fractions.lines;
  const lines: SourceLine[] = raw.map((t, i) => ({ no: i + 1, text: t.trimEnd() }));
  // A line emptied by joining its fraction to the line above is no content (and no blank either).
  for (const i of fractions?.joined ?? []) lines[i]!.furniture = true;
  if (furniture) for (const no of furniture) if (lines[no - 1]) lines[no - 1]!.furniture = true;
  // Trimming hides a Word export's empty cells ("\t" lines); keep that fact for row rebuilding.
  if (layout === "cells")
    for (const [i, t] of raw.entries()) if (/^\t\s*$/.test(t)) lines[i]!.emptyCell = true;
  const blocks =
    layout === "cells"
      ? cellBlocks(lines)
      : layout === "tabs"
        ? tabBlocks(lines)
        : columnBlocks(lines);
  return { layout, lines, blocks, format };
}

function pushRow(blocks: Block[], row: Row): void {
  const last = blocks[blocks.length - 1];
  if (last?.kind === "table") last.rows.push(row);
  else blocks.push({ kind: "table", rows: [row], line: row.line });
}

/** Word export: "\tcell" lines, a blank line ends the row, untabbed lines continue the last cell. */
function cellBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let row: Row | undefined;
  let tableOpen = false;
  for (const line of lines) {
    const t = line.text;
    if (t.startsWith("\t")) {
      row ??= { cells: [], line: line.no };
      for (const part of t.slice(1).split("\t"))
        row.cells.push({ text: part.trim(), line: line.no });
    } else if (t.trim() === "") {
      if (row) {
        if (!tableOpen) blocks.push({ kind: "table", rows: [], line: row.line });
        pushRow(blocks, row);
        tableOpen = true;
        row = undefined;
      }
    } else if (row) {
      const last = row.cells[row.cells.length - 1]!;
      last.text = last.text ? `${last.text}\n${t.trim()}` : t.trim();
    } else {
      tableOpen = false;
      blocks.push({ kind: "text", text: t.trim(), line: line.no });
    }
  }
  if (row) {
    if (!tableOpen) blocks.push({ kind: "table", rows: [], line: row.line });
    pushRow(blocks, row);
  }
  return blocks;
}

/** Tab-separated rows; an untabbed line between two rows is a one-cell row (a wrapped cell). */
function tabBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    if (t.trim() === "") continue;
    if (t.includes("\t")) {
      const cells: Cell[] = t.split("\t").map((c) => ({ text: c.trim(), line: line.no }));
      const prev = blocks[blocks.length - 1];
      const adjacent = prev?.kind === "table" && lines[i - 1]?.text.trim() !== "";
      if (adjacent) prev.rows.push({ cells, line: line.no });
      else blocks.push({ kind: "table", rows: [{ cells, line: line.no }], line: line.no });
    } else {
      const prev = blocks[blocks.length - 1];
      const next = lines[i + 1];
      const between =
        prev?.kind === "table" && lines[i - 1]?.text.includes("\t") && next?.text.includes("\t");
      if (between) prev.rows.push({ cells: [{ text: t.trim(), line: line.no }], line: line.no });
      else blocks.push({ kind: "text", text: t.trim(), line: line.no });
    }
  }
  return blocks;
}

const PAGE_NUMBER =
  /^\s*(?:[-—–－－~]\s*\d{1,4}\s*[-—–－－~]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4})\s*$/;
const DOT_LEADER = /(\.{4,}|…{2,}|·{4,}|．{4,}|-{6,}\s*\d+\s*$)/;

/** Splits a layout line into cells at runs of two or more spaces, keeping start columns. */
export function splitColumns(text: string, lineNo: number): Cell[] {
  const cells: Cell[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)))
    cells.push({ text: m[0], line: lineNo, x: m.index, end: m.index + m[0].length });
  return cells;
}

/** Marks page numbers, running headers and TOC leaders as furniture. */
export function markFurniture(lines: SourceLine[]): void {
  let page = 1;
  const pageBreaks: number[] = [];
  for (const [i, line] of lines.entries()) {
    const t = line.text.trim();
    if (t && PAGE_NUMBER.test(t) && isolated(lines, i)) {
      line.furniture = true;
      pageBreaks.push(i);
      line.page = page++;
      continue;
    }
    line.page = page;
    if (t && DOT_LEADER.test(t)) line.furniture = true;
  }
  // Running headers: the same short line right after three or more page breaks.
  const after = new Map<string, number[]>();
  for (const b of pageBreaks) {
    for (let j = b + 1, seen = 0; j < lines.length && seen < 2; j++) {
      const t = lines[j]!.text.trim();
      if (!t) continue;
      seen++;
      const list = after.get(t) ?? [];
      list.push(j);
      after.set(t, list);
    }
  }
  for (const [, idx] of after) if (idx.length >= 3) for (const j of idx) lines[j]!.furniture = true;
}

/** A page number stands alone: blank or nothing around it, or it is the last line. */
function isolated(lines: SourceLine[], i: number): boolean {
  const before = lines[i - 1]?.text.trim() ?? "";
  const after = lines[i + 1]?.text.trim() ?? "";
  return before === "" || after === "" || /^[-—–－]/.test(lines[i]!.text.trim());
}

function columnBlocks(lines: SourceLine[]): Block[] {
  markFurniture(lines);
  const blocks: Block[] = [];
  let blankRun = 0;
  for (const line of lines) {
    if (line.furniture) continue;
    if (line.text.trim() === "") {
      blankRun++;
      continue;
    }
    const cells = splitColumns(line.text, line.no);
    const prev = blocks[blocks.length - 1];
    if (
      cells.length >= 2 ||
      (prev?.kind === "table" &&
        blankRun === 0 &&
        cells.length === 1 &&
        (cells[0]!.x ?? 0) > 0 &&
        continuesTable(prev, cells[0]!))
    ) {
      if (prev?.kind === "table" && blankRun <= 2) prev.rows.push({ cells, line: line.no });
      else blocks.push({ kind: "table", rows: [{ cells, line: line.no }], line: line.no });
    } else {
      blocks.push({ kind: "text", text: line.text.trim(), line: line.no });
    }
    blankRun = 0;
  }
  return blocks;
}

/** A lone cell right under a table row that starts where one of its cells started: a wrapped cell. */
function continuesTable(table: Extract<Block, { kind: "table" }>, cell: Cell): boolean {
  const last = table.rows[table.rows.length - 1];
  return !!last?.cells.some((c) => Math.abs((c.x ?? 0) - (cell.x ?? 0)) <= 2);
}
