/**
 * The outline the checker compares (model/outline.ts): the tables a 目录 lists
 * and the body's short lines where tables' titles are printed. Read from the
 * document's lines, tables included (a 目录 or a title may sit in a drawn grid).
 */
import type { DocumentOutline, OutlineLine, PrintedTable } from "../model/outline.ts";
import { squash, squashedLines, type SourceDocument } from "./source-document.ts";

/** The 目录 heading, alone on its line. */
const CONTENTS = /^(?:目录|目次|(?:20\d\d年度?)?部门(?:预算|决算)(?:信息)?公开目录)$/;
/** The 目录 of the tables' part (西安's 报表目录, with 是否空表 columns), wherever that part starts. */
const TABLES_CONTENTS = /^报表目录$/;
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
  for (let head = 0; head < texts.length; head++) {
    if (!(head < limit && CONTENTS.test(texts[head]!)) && !TABLES_CONTENTS.test(texts[head]!))
      continue;
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
  const from = spans[0]?.to ?? 0;
  return {
    contents,
    headings: headingsOf(doc, from, inContents),
    tables: tablesOf(doc, from, inContents, emptyListed(doc)),
  };
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

/** A printed table's numbering before its title (表1, 附表1-2, 预算01表, 部门公开表3, 一、). */
const TABLE_NUMBER =
  /^(?:(?:部门公开表|公开|附?表|预算|决算)[\d一二三四五六七八九十]{1,3}(?:-\d+)?表?[、.．:：]?|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．])/;
/** The unit printed at the end of a title's line. */
const UNIT_NOTE = /(?:金额)?单位[:：]?(?:万元|元|千元)$/;
/** What a disclosure's table is about: a title without one of these words is no table of figures. */
const TABLE_SUBJECT = /预算|决算|支出|收入|经费|绩效|采购|资产|收支/;
/** A sentence pointing at a table ("详见附表3…表"), not its title. */
const REFERENCE = /^(?:详见|见|参见|具体见|具体详见)/;
/** The start of the running text after the last table: a part heading (a sentence is told by its length and 。). */
const RUNNING_TEXT = /^第[一二三四五六七八九十]+部分/;
/** A printed number: an amount, a code, a count or a rate. */
const FIGURE = /(?<![\d.,])\d[\d,]*(?:\.\d+)?(?![\d.])/g;
/** A line of small whole numbers only: a 栏次 row (1 2 3 …) or a page number, not figures. */
const COLUMN_NUMBERS =
  /^[\s栏行次序号甲乙丙第页共*＊|/、（）()\-—–]*(?:\d{1,2}[\s栏行次序号甲乙丙第页共*＊|/、（）()\-—–]*)+$/;
/** Why a table is printed empty: 本部门无…, 空表, 不涉及, 无数据. */
export const EMPTY_NOTE =
  /空表|无数据|不涉及|没有|无发生|未发生|未安排|本表[^，。；\d]{0,6}无|本(?:部门|单位)(?:当年|本年|\d{4}年度?)?(?:无|未)|无(?:相关|此项|该项)|(?:为|是)(?:零|0(?![\d.]))|无[^，。；\d]{0,12}(?:收支|支出|收入|预算|经费|安排)/;
/** A line of the table's header: a table printed empty still prints its header. */
const TABLE_HEADER = /单位[:：]|科目|合计|项目|金额/;

/** A line's title of a table (numbering and unit aside), if it prints one. */
function tableTitle(text: string): string | undefined {
  if (text.length > MAX_HEADING || PROSE.test(text) || REFERENCE.test(text)) return undefined;
  const title = text.replace(UNIT_NOTE, "").replace(TABLE_NUMBER, "");
  if (title.length < 5 || !TABLE_TITLE.test(title) || !TABLE_SUBJECT.test(title)) return undefined;
  if (PART.test(title) || PART_TITLE.test(title)) return undefined;
  return title;
}

/** The figures a table's lines print: zeros, years, 栏次 rows and page numbers aside. */
function figuresIn(lines: readonly string[]): number {
  let n = 0;
  for (const text of lines) {
    // The next table's number (表9, 部门公开表 10) is no figure of this one.
    const line = text.replace(
      /(?:部门公开|公开|预算|决算|附)?表\s*\d{1,2}(?:-\d+)?(?![\d.,])/g,
      "",
    );
    if (COLUMN_NUMBERS.test(line)) continue;
    for (const m of line.matchAll(FIGURE)) {
      const digits = m[0].replace(/,/g, "");
      if (Number(digits) !== 0 && !/^20\d\d$/.test(digits)) n++;
    }
  }
  return n;
}

/**
 * The lists of tables that mark a table empty (表9 …政府性基金收支表 | 是 | 不涉及),
 * in a 目录 or a 报表目录 of any heading: each entry's title and its note.
 */
function emptyListed(doc: SourceDocument): { words: string; note: string }[] {
  return squashedLines(doc).flatMap((text) => {
    const note = text.length <= MAX_HEADING + 20 ? EMPTY_NOTE.exec(text) : null;
    if (!note || PROSE.test(text)) return [];
    const words = entryTitle(text.slice(0, note.index)).replace(/[是否]$/, "");
    return words.length >= 5 && TABLE_TITLE.test(words) ? [{ words, note: note[0] }] : [];
  });
}

/**
 * The tables printed from `from` on (a title with a table's header under it),
 * each with the figures of its lines up to the next title or the running
 * text, and the note that says why it is empty.
 */
function tablesOf(
  doc: SourceDocument,
  from: number,
  skip: (index: number) => boolean,
  listed: readonly { words: string; note: string }[],
): PrintedTable[] {
  const texts = doc.lines.map((l) => (l.furniture ? "" : squash(l.text)));
  const titles: { index: number; title: string }[] = [];
  for (let i = from; i < texts.length; i++) {
    if (skip(i)) continue;
    const title = tableTitle(texts[i]!);
    if (title) titles.push({ index: i, title });
    // A title wrapped over two lines ("一般公共预算“三公”经费支出" + "表").
    else if (texts[i]!.length <= WRAPPED_END && texts[i - 1] && !skip(i - 1)) {
      const joined = tableTitle(texts[i - 1]! + texts[i]!);
      if (joined && titles[titles.length - 1]?.index !== i - 1)
        titles.push({ index: i - 1, title: joined });
    }
  }
  return titles.flatMap(({ index, title }, k) => {
    const next = titles[k + 1]?.index ?? texts.length;
    // Squashed for words; as printed for figures, whose cells squashing would run together.
    const body: string[] = [];
    const printed: string[] = [];
    for (let i = index + 1; i < next && !skip(i); i++) {
      const text = texts[i]!;
      if (RUNNING_TEXT.test(text) || (text.length >= 30 && /。$/.test(text))) break;
      body.push(text);
      if (text) printed.push(doc.lines[i]!.text);
    }
    const note =
      body.map((t) => EMPTY_NOTE.exec(t)?.[0]).find(Boolean) ??
      listed.find((l) => l.words.endsWith(title) || title.endsWith(l.words))?.note;
    // A title with no table header under it is a line of the text, not a printed table.
    if (!body.some((t) => TABLE_HEADER.test(t))) return [];
    return [
      { ...lineOf(doc, index, title), figures: figuresIn(printed), ...(note ? { note } : {}) },
    ];
  });
}
