/**
 * A document's outline as printed: the tables its 目录 (contents) lists and
 * the short lines of its body that may be tables' titles. The importer reads
 * it from the document; the checker compares the two (a table listed but not
 * printed, a title whose year differs from the 目录's).
 */
import type { SourceLocation } from "./disclosure.ts";

export interface OutlineLine {
  /** The words as printed, blanks removed. */
  text: string;
  /** Source line (1-based) in the imported text. */
  line: number;
  location?: SourceLocation;
  /** A 目录 entry's year: its own, or that of the part heading it is listed under. */
  year?: number;
}

export interface DocumentOutline {
  /** The tables the 目录 lists, in order: titles without numbering, leaders or page numbers. */
  contents: OutlineLine[];
  /** The body's short lines after the 目录 naming a 表 (tables' titles, a title's two halves joined). */
  headings: OutlineLine[];
}
