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

/**
 * A table as printed: its title and how many figures its body prints, so a
 * table printed empty can be told from one with rows. `note` is the wording
 * that says why it is empty (注：本部门无…, 空表, 不涉及), in its body or at
 * its 目录 entry.
 */
export interface PrintedTable extends OutlineLine {
  /** Non-zero figures printed between the title and the next title (or the running text). */
  figures: number;
  note?: string;
}

export interface DocumentOutline {
  /** The tables the 目录 lists, in order: titles without numbering, leaders or page numbers. */
  contents: OutlineLine[];
  /** The body's short lines after the 目录 naming a 表 (tables' titles, a title's two halves joined). */
  headings: OutlineLine[];
  /** The tables the body prints, each with the count of its figures (absent in outlines kept before it was read). */
  tables?: PrintedTable[];
}
