/**
 * Internal source lines → places a reviewer can find in the original file.
 * The importer stores each cited value's location in the sourceMap (a PDF's
 * page and line on the page, a .docx paragraph or cell, an .xlsx sheet and
 * cell) and the narrative lines carry theirs; a plain text file's line is its
 * own place. A line nothing locates (an older JSON of a PDF) has no location.
 */
import type { Disclosure, SourceLocation } from "../model/disclosure.ts";
import type { DocumentOutline } from "../model/outline.ts";
import type { Location, NarrativeLine } from "./types.ts";

type SourceRef = NonNullable<Disclosure["sourceMap"]>[string];

export class Locator {
  private byLine?: Map<number, SourceLocation>;
  private readonly plain: boolean;

  constructor(
    private readonly disclosure: Disclosure,
    private readonly narrative: readonly NarrativeLine[] = [],
    private readonly outline?: DocumentOutline,
  ) {
    const format = disclosure.source?.format;
    this.plain =
      format === "txt" ||
      (format === undefined &&
        !narrative.some((l) => l.location) &&
        !Object.values(disclosure.sourceMap ?? {}).some((r) => r.location));
  }

  /** A cited value's place, with the wording cited. */
  ofRef(ref: SourceRef): Location | undefined {
    const at = ref.location ?? this.ofLine(ref.line);
    if (!at) return undefined;
    return ref.text ? { ...at, text: ref.text } : { ...at };
  }

  /** The place of a source line (a narrative finding's), with the line's wording when known. */
  ofLine(line: number, text?: string): Location | undefined {
    const at = this.lines().get(line) ?? (this.plain ? { line } : undefined);
    if (!at) return undefined;
    return text ? { ...at, text } : { ...at };
  }

  /** Where a line is in the original file, when that is more than its line number (a PDF's page, a .docx paragraph). */
  placeOf(line: number): SourceLocation | undefined {
    return this.plain ? undefined : this.lines().get(line);
  }

  /** The wording of a narrative line. */
  textOf(line: number): string | undefined {
    return this.narrative.find((l) => l.line === line)?.text;
  }

  private lines(): Map<number, SourceLocation> {
    if (this.byLine) return this.byLine;
    const map = new Map<number, SourceLocation>();
    for (const l of this.narrative) if (l.location) map.set(l.line, l.location);
    const o = this.outline;
    for (const l of [...(o?.contents ?? []), ...(o?.headings ?? []), ...(o?.tables ?? [])])
      if (l.location && !map.has(l.line)) map.set(l.line, l.location);
    for (const ref of Object.values(this.disclosure.sourceMap ?? {})) {
      if (!ref.location || map.has(ref.line)) continue;
      // A line is a whole .xlsx row: the cell belongs to the value cited, not to the line.
      const { cell: _cell, ...line } = ref.location;
      map.set(ref.line, line);
    }
    this.byLine = map;
    return map;
  }
}
