/**
 * The outline the checker compares (model/outline.ts): the tables a 目录 lists
 * and the body's short lines where tables' titles are printed. Read from the
 * document's lines, tables included (a 目录 or a title may sit in a drawn grid).
 */
import type { DocumentOutline, OutlineLine } from "../model/outline.ts";
import { squash, type SourceDocument } from "./source-document.ts";

/** The 目录 heading, alone on its line. */
const CONTENTS = /^(?:目录|目次)$/;
/** A 目录 is found near the start: within this share of the lines. */
const CONTENTS_WITHIN = 0.25;
/** A 目录 is at most this many lines. */
const MAX_CONTENTS = 150;
/** Body lines longer than this are prose, not titles. */
const MAX_HEADING = 60;

/** Numbering, leaders and page numbers around a 目录 entry's title. */
const NUMBERING =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]、?|\d{1,2}(?:[、．]|\.(?!\d)|\.(?=20\d\d年))|附?表\d{1,2}(?=20\d\d年)|附?表\d+(?:-\d+)?[、.．:：]?)/;
const LEADER_PAGE = /(?:[.．。…·•_—-]{2,}|[.．…·])?-?\d{0,3}-?$/;
/** A table's title ends with 表, perhaps followed by a bracketed note (按功能分类). */
const TABLE_TITLE = /表(?:[（(][^）)]*[）)])?$/;
/** The second line of a wrapped 目录 entry is at most this long. */
const WRAPPED_END = 6;
const PART = /^第[一二三四五六七八九十]+部分/;
/** A part's heading (部门预算表, 2026 年度部门预算报表), not one table. */
const PART_TITLE = /(?:报表|(?:部门|单位)(?:综合)?(?:预算|决算)(?:公开)?表)$/;

const yearIn = (text: string): number | undefined => {
  const m = /(20\d\d)年/.exec(text);
  return m ? Number(m[1]) : undefined;
};

/** An entry's title: its words without numbering, leaders or page number. */
export function entryTitle(text: string): string {
  let t = squash(text).replace(/^[-—]\d+[-—]$/, "");
  t = t.replace(NUMBERING, "");
  for (let i = 0; i < 2; i++) t = t.replace(LEADER_PAGE, "");
  return t;
}

function lineOf(doc: SourceDocument, index: number, text: string): OutlineLine {
  const at = doc.lines[index]?.at;
  return { text, line: index + 1, ...(at ? { location: at } : {}) };
}

/** A line of running text: a 目录 entry has no sentence punctuation. */
const PROSE = /[。，；]/;

/**
 * Where each 目录's entries start and end (indexes into doc.lines): from the
 * line after its heading to where an entry is printed again as the body's
 * heading, or the first sentence, whichever comes first.
 */
function contentsSpans(doc: SourceDocument): { from: number; to: number }[] {
  const texts = doc.lines.map((l) => squash(l.text));
  const limit = Math.max(40, Math.floor(texts.length * CONTENTS_WITHIN));
  const spans: { from: number; to: number }[] = [];
  for (let head = 0; head < limit; head++) {
    if (!CONTENTS.test(texts[head]!)) continue;
    const seen = new Set<string>();
    let to = head + 1;
    for (; to < Math.min(texts.length, head + 1 + MAX_CONTENTS); to++) {
      const title = entryTitle(texts[to]!);
      if (PROSE.test(texts[to]!) || (title.length >= 2 && seen.has(title))) break;
      if (title.length >= 2) seen.add(title);
    }
    if (seen.size) spans.push({ from: head + 1, to });
    head = to - 1;
  }
  return spans;
}

/** The tables the 目录 lists (none without one), and the body's short lines (where tables' titles are printed). */
export function outlineOf(doc: SourceDocument): DocumentOutline {
  const spans = contentsSpans(doc);
  const seen = new Set<string>();
  // A table listed twice (in the whole's 目录 and its tables' own) is one.
  const contents = spans
    .flatMap((span) => contentsOf(doc, span))
    .filter((c) => !seen.has(c.text) && seen.add(c.text));
  // Headings are read from the end of the first 目录 on, skipping the lines of any later one.
  const inContents = (i: number) => spans.some((s) => i >= s.from && i < s.to);
  return { contents, headings: headingsOf(doc, spans[0]?.to ?? 0, inContents) };
}

/** The table titles among the 目录's entries. */
function contentsOf(doc: SourceDocument, span: { from: number; to: number }): OutlineLine[] {
  const contents: OutlineLine[] = [];
  let unfinished = "";
  // The year of the part heading the entries sit under ("第二部分 2026 年度部门预算表").
  let partYear: number | undefined;
  for (let i = span.from; i < span.to; i++) {
    const text = doc.lines[i]!.text;
    let title = entryTitle(text);
    if (PART.test(title) || PART_TITLE.test(title)) partYear = yearIn(title);
    // An entry wrapped over two lines ("…一般公共预算支出预" + "算表"): its end is short, unnumbered.
    if (unfinished && title.length <= WRAPPED_END && !NUMBERING.test(squash(text)))
      title = unfinished + title;
    unfinished = "";
    if (!TABLE_TITLE.test(title)) {
      if (title.length >= 2) unfinished = title;
      continue;
    }
    if (PART.test(title) || PART_TITLE.test(title)) continue;
    const year = yearIn(title) ?? partYear;
    contents.push({ ...lineOf(doc, i, title), ...(year ? { year } : {}) });
  }
  return contents;
}

/**
 * The short lines from `from` on that name a 表 (a file without 目录: all of
 * them; a merged file's tables may be listed in another file's 目录).
 */
function headingsOf(
  doc: SourceDocument,
  from: number,
  skip: (index: number) => boolean,
): OutlineLine[] {
  const headings: OutlineLine[] = [];
  let previous: OutlineLine | undefined;
  for (let i = from; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    const text = squash(line.text);
    // Running headers stay: a title repeated atop each page of a long table is one.
    if (!text || text.length > MAX_HEADING || skip(i)) {
      previous = undefined;
      continue;
    }
    const here = lineOf(doc, i, text);
    if (text.includes("表")) headings.push(here);
    // A title wrapped over two lines ("一般公共预算“三公”经费支出" + "表").
    if (previous && previous.text.length + text.length <= MAX_HEADING && text.includes("表"))
      headings.push({ ...previous, text: previous.text + text });
    previous = here;
  }
  return headings;
}
