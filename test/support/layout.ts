/**
 * Writes a small table in one of the three text layouts the reader knows, so
 * extractor tests can state one table and read it in all three: Word's
 * one-cell-per-line export, tab-separated rows, and pdftotext-style columns.
 */
import type { Layout } from "../../src/import/source-document.ts";

export const LAYOUTS: readonly Layout[] = ["cells", "tabs", "columns"];

const NUMBER = /^-?[\d.,]+$/;

/**
 * "columns" pads in characters, as pdftotext -layout does (a CJK character
 * takes one position, as in the reader's columns). With `numbers: "right"`,
 * figures are right-aligned in their column as PDFs print them.
 */
export function layOut(
  rows: string[][],
  layout: Layout,
  options: { numbers?: "left" | "right" } = {},
): string[] {
  if (layout === "cells") return rows.flatMap((r) => [...r.map((c) => `\t${c}`), ""]);
  if (layout === "tabs") return rows.map((r) => r.join("\t"));
  const cols = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)) + 4);
  const cell = (c: string, i: number) =>
    options.numbers === "right" && NUMBER.test(c)
      ? " ".repeat(cols[i]! - c.length - 2) + c + "  "
      : c + " ".repeat(cols[i]! - c.length);
  return rows.map((r) => r.map(cell).join("").trimEnd());
}
