/**
 * A place in the original file named as a reviewer looks it up: shared by the
 * checker's findings and the importer's diagnostics (a merge citing each file).
 */
import type { SourceLocation } from "./disclosure.ts";

/**
 * A location in Chinese, as a reviewer looks it up: 第 3 页第 12 行, 第 12 行,
 * 第 4 段, 表 2 第 3 行第 1 列, 工作表「收支总表」B12 (the wording not included).
 */
export function formatLocation(at: SourceLocation): string {
  if (at.sheet !== undefined)
    return `工作表「${at.sheet}」${at.cell ?? (at.row ? `第 ${at.row} 行` : "")}`;
  if (at.table !== undefined)
    return `表 ${at.table}${at.row ? ` 第 ${at.row} 行` : ""}${at.column ? `第 ${at.column} 列` : ""}`;
  if (at.paragraph !== undefined) return `第 ${at.paragraph} 段`;
  const page = at.page !== undefined ? `第 ${at.page} 页` : "";
  return at.line !== undefined ? `${page}第 ${at.line} 行` : page;
}

/** A source line named for a reviewer: its location when known, else "第 N 行" (a plain text file's line). */
export function lineName(line: number, at?: SourceLocation): string {
  return at ? formatLocation(at) : `第 ${line} 行`;
}

/** "第 N 行" of the text the reader made, in a message written by the importer or a rule. */
const INTERNAL_LINE = /第\s?(\d+)\s?行(?!次)/g;

/**
 * A message's internal line numbers ("第 473 行") named as a reviewer finds
 * them in the original file ("第 23 页第 9 行", "第 4 段"), where `at` knows
 * the line's place; a plain text file's lines are already their places.
 */
export function withPlaces(
  message: string,
  at: (line: number) => SourceLocation | undefined,
): string {
  return message.replace(INTERNAL_LINE, (whole, n: string) => {
    const place = at(Number(n));
    return place ? formatLocation(place) : whole;
  });
}
