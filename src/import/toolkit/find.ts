/**
 * Small search helpers shared by the part extractors: find lines by what they
 * say (whitespace ignored), the tables that follow a title, and the amounts a
 * sentence states.
 */
import { parseAmount, type Fen, type MoneyUnit } from "../../model/amount.ts";
import {
  squash,
  squashedLines,
  type Block,
  type Row,
  type SourceDocument,
  type SourceLine,
  type TableBlock,
} from "../source-document.ts";

/** A table-of-contents dot leader ("第一部分 概况 ........ 3"): a line holding one is a TOC entry, not a heading. */
export const TOC_LEADER = /(\.{4,}|…{2,}|·{4,})/;

/** Lines that carry content (page numbers, running headers and TOC leaders left out). */
export function contentLines(doc: SourceDocument): SourceLine[] {
  return doc.lines.filter((l) => !l.furniture);
}

/** The first content line at or after `from` (a line number) whose squashed text matches. */
export function findLine(doc: SourceDocument, pattern: RegExp, from = 1): SourceLine | undefined {
  const flat = squashedLines(doc);
  for (let i = Math.max(0, from - 1); i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    if (line.no < from || line.furniture) continue;
    if (pattern.test(flat[i]!)) return line;
  }
  return undefined;
}

/** Every content line whose squashed text matches. */
export function findLines(doc: SourceDocument, pattern: RegExp): SourceLine[] {
  const flat = squashedLines(doc);
  return doc.lines.filter((l, i) => !l.furniture && pattern.test(flat[i]!));
}

/** The index of the first block that starts at or after a line number. */
export function blockIndexAt(doc: SourceDocument, line: number): number {
  const i = doc.blocks.findIndex((b) => b.line >= line);
  return i < 0 ? doc.blocks.length : i;
}

/** The first table that starts at or after a line, within `maxBlocks` blocks. */
export function tableAfter(
  doc: SourceDocument,
  line: number,
  maxBlocks = 6,
): TableBlock | undefined {
  const start = blockIndexAt(doc, line);
  for (let i = start; i < Math.min(doc.blocks.length, start + maxBlocks); i++) {
    const b = doc.blocks[i]!;
    if (b.kind === "table") return b;
  }
  return undefined;
}

/** The squashed texts of a row's cells. */
export function rowTexts(row: Row): string[] {
  return row.cells.map((c) => squash(c.text));
}

/** All of a block's text, squashed (a table's cells joined by "|"). */
export function blockText(block: Block): string {
  return block.kind === "text"
    ? squash(block.text)
    : block.rows.map((r) => rowTexts(r).join("|")).join("\n");
}

export interface StatedAmount {
  fen: Fen;
  /** The amount as printed, with its unit. */
  raw: string;
  index: number;
}

/** Amounts stated in a sentence with their unit: "收入72899万元", "减少3590万元", "1,234.5元". */
export function statedAmounts(text: string): StatedAmount[] {
  const out: StatedAmount[] = [];
  const re = /([-−]?\d[\d,，]*(?:\.\d+)?)\s*(亿元|万元|元)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const fen = parseAmount(m[1]!, m[2] as MoneyUnit);
    if (fen !== undefined) out.push({ fen, raw: m[0], index: m.index });
  }
  return out;
}

/** Strips outline numbering: "一、", "（一）", "1、", "1.", "(1)", "①". */
export function stripNumbering(text: string): string {
  return text
    .trim()
    .replace(
      /^(?:[（(]\s*[一二三四五六七八九十百\d]+\s*[）)]|[一二三四五六七八九十百]+\s*[、.．]|\d+\s*[、.．](?!\d)|[①-⑳])\s*/,
      "",
    )
    .trim();
}
