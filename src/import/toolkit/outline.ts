/**
 * The document's outline: numbered headings (第一部分 / 一、 / （一） / 1、 / 1. /
 * （1） / ①) and known unnumbered titles (名词解释, 其他需要说明的事项 ...), and the
 * range of lines each heading governs. Disclosures number their outline
 * inconsistently (seed 000 mixes 一/2/三; seed 003 nests 一、 under （二）), so
 * nesting is read from the order styles appear in, not from a fixed ranking:
 * a heading whose style is already open closes everything below it (a
 * sibling), a new style opens a child. 第X部分 always starts at the top.
 */
import { memoByText } from "../memo.ts";
import { squash, type SourceDocument, type TableBlock } from "../source-document.ts";

export type NumberStyle =
  | "part"
  | "cn"
  | "cnParen"
  | "arabic"
  | "arabicParen"
  | "circled"
  | "titled"
  | "centered";

export interface Numbered {
  style: NumberStyle;
  /** The number as printed ("一", "3", "②"); empty for titled headings. */
  number: string;
  /** The text after the numbering, trimmed. */
  rest: string;
}

/** One paragraph line of running text (not a table cell), in reading order. */
export interface Para {
  line: number;
  /** The text with Word bookmarks removed and trimmed (inner spaces kept). */
  text: string;
  numbered?: Numbered;
  /** A short numbered line or a known title: it opens a section. */
  heading: boolean;
  /** A short unnumbered line centred on a PDF page: a top-level title. */
  centered?: boolean;
}

export interface Section {
  /** The heading paragraph. */
  heading: Para;
  /** The heading's title without numbering and trailing colon, squashed. */
  title: string;
  /** First line after the heading. */
  start: number;
  /** First line after the section (exclusive); the line count + 1 at the end. */
  end: number;
  /** The paragraphs inside the section (after the heading). */
  paras: Para[];
  /** The tables inside the section. */
  tables: TableBlock[];
}

const CN = "[一二三四五六七八九十百零〇]+";
const CN_NUMBER = new RegExp(`^(${CN})\\s*[、.．，,]\\s*(.*)$`);
const CN_PAREN_NUMBER = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、.．]?\\s*(.*)$`);

/** Recognises outline numbering at the start of a line. */
export function parseNumbering(text: string): Numbered | undefined {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^第\s*([一二三四五六七八九十\d]+)\s*部\s*分\s*[:：]?\s*(.*)$/.exec(t)))
    return { style: "part", number: m[1]!, rest: m[2]!.trim() };
  if ((m = CN_NUMBER.exec(t))) return { style: "cn", number: m[1]!, rest: m[2]!.trim() };
  if ((m = CN_PAREN_NUMBER.exec(t))) return { style: "cnParen", number: m[1]!, rest: m[2]!.trim() };
  if ((m = /^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*(.*)$/.exec(t)))
    return { style: "arabicParen", number: m[1]!, rest: m[2]!.trim() };
  if (
    (m =
      /^(\d{1,2})\s*(?:[、．]|\.(?!\d)|\s(?=[\u4e00-\u9fa5“"《])(?![个万元年月日人名家项次件条辆亿岁天台套张户座]))\s*(.*)$/.exec(
        t,
      ))
  ) {
    // "2021 年..." is a year, not item 20 or 21: numbering has at most two digits.
    return { style: "arabic", number: m[1]!, rest: m[2]!.trim() };
  }
  if ((m = /^([①-⑳])\s*(.*)$/.exec(t)))
    return { style: "circled", number: m[1]!, rest: m[2]!.trim() };
  return undefined;
}

/**
 * Unnumbered titles that open a section when they stand alone on a line
 * (possibly followed by a colon): the catalogue of section names that
 * disclosures print without numbering.
 */
const KNOWN_TITLES =
  /^(?:名词解释|(?:其他|其它)(?:需要|需)?(?:说明)?的?(?:重要)?(?:事项|情况|问题)(?:的?情况)?(?:说明)?|(?:部门)?(?:机构设置|主要职责|部门职责|职能职责)(?:情况)?|(?:部门)?机构设置情况|总体绩效目标|部门整体绩效目标|(?:分项|职责分类|职能分类)绩效目标|工作保障措施|(?:部门)?预算项目绩效目标|功能分类名词解释)$/;

/** Strips Word bookmark markers ("[bookmark: _Toc123]") that some exports keep. */
export function cleanText(text: string): string {
  return text.replace(/\[bookmark:[^\]]*\]/g, "").trim();
}

/** A title without its numbering and trailing colon/full stop, squashed. */
export const titleOf: (text: string) => string = memoByText((text) => {
  const n = parseNumbering(text);
  return squash(n ? n.rest : text).replace(/[:：。.]+$/, "");
});

function isHeading(text: string, numbered: Numbered | undefined): boolean {
  const body = squash(numbered ? numbered.rest : text);
  if (numbered?.style === "part") return true;
  if (!numbered) return KNOWN_TITLES.test(body.replace(/[:：]$/, ""));
  if (!body) return false;
  // A heading is short and is not a sentence: a long line or one with a full stop inside is a numbered paragraph.
  const inner = body.replace(/[。.]$/, "");
  // A full stop ends sentences, not headings, except after a few words ("八、国民经济核算。").
  if (/[。.]$/.test(body) && inner.length > 14) return false;
  return inner.length <= 36 && !/[。；;]/.test(inner) && !/[:：]./.test(inner);
}

/** The running-text paragraphs of a document (table cells left out), with headings marked. */
export function paragraphs(doc: SourceDocument): Para[] {
  const out: Para[] = [];
  const push = (line: number, raw: string, centered = false) => {
    const text = cleanText(raw);
    if (!text) return;
    const numbered = parseNumbering(text);
    if (centered && !numbered) out.push({ line, text, heading: true, centered });
    else
      out.push({
        line,
        text,
        ...(numbered ? { numbered } : {}),
        heading: isHeading(text, numbered),
      });
  };
  for (const block of doc.blocks) {
    if (block.kind === "text") {
      push(block.line, block.text, doc.layout === "columns" && isCentered(doc, block.line));
    } else if (doc.layout === "columns") {
      // PDF text puts wide gaps inside some headings ("第一部分      部门概况"): a short row with no amounts is text.
      for (const row of block.rows) {
        const texts = row.cells.map((c) => c.text.trim());
        if (texts.length <= 2 && !texts.some((t) => /^[-−]?[\d,，]+(?:\.\d+)?%?$/.test(t)))
          push(row.line, texts.join(" "));
      }
    }
  }
  return out;
}

/**
 * PDF text: a short title line indented far from the margin, with no sentence
 * punctuation, set off by a blank line (a wrapped fragment of a sentence is not).
 */
function isCentered(doc: SourceDocument, no: number): boolean {
  const raw = doc.lines[no - 1]?.text ?? "";
  const indent = /^ */.exec(raw)![0].length;
  const body = squash(raw);
  const blank = (n: number) =>
    !doc.lines[n - 1] || doc.lines[n - 1]!.text.trim() === "" || !!doc.lines[n - 1]!.furniture;
  return (
    indent >= 8 &&
    body.length >= 4 &&
    body.length <= 40 &&
    !/[，。；：,;:]/.test(body) &&
    !/^[-—–\d\s.]+$/.test(body) &&
    (blank(no - 1) || blank(no + 1))
  );
}

/** The value of an outline number: "十二" → 12, "3" → 3, "②" → 2; 0 when none. */
export function numberValue(n: string): number {
  if (/^\d+$/.test(n)) return Number(n);
  if (/^[①-⑳]$/.test(n)) return n.charCodeAt(0) - 0x2460 + 1;
  const digits: Record<string, number> = {
    零: 0,
    〇: 0,
    一: 1,
    二: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  };
  let total = 0;
  let current = 0;
  for (const ch of n) {
    if (ch in digits) current = digits[ch]!;
    else if (ch === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else return 0;
  }
  return total + current;
}

/**
 * The outline depth of every heading paragraph (index into `paras`). A
 * heading continues the numbering of an open heading of its style (N after
 * N−1: a sibling); a "1" under an open style restarts it one level down; a
 * 一、/2、 mix (一、… 2、… 三、) counts as one sequence; any other new style
 * opens a child. 第X部分 and centred titles start at the top.
 */
export function headingDepths(paras: readonly Para[]): Map<number, number> {
  const depths = new Map<number, number>();
  const stack: { style: NumberStyle; n: number }[] = [];
  const sequence = (a: NumberStyle, b: NumberStyle) =>
    a === b || (a === "cn" && b === "arabic") || (a === "arabic" && b === "cn");
  for (const [i, p] of paras.entries()) {
    if (!p.heading) continue;
    const style: NumberStyle = p.centered ? "centered" : (p.numbered?.style ?? "titled");
    const n = p.numbered ? numberValue(p.numbered.number) : 0;
    if (style === "part" || style === "centered") stack.length = 0;
    else {
      let at = -1;
      if (n >= 2) {
        for (let j = stack.length - 1; j >= 0 && at < 0; j--)
          if (stack[j]!.style === style && stack[j]!.n === n - 1) at = j;
        for (let j = stack.length - 1; j >= 0 && at < 0; j--)
          if (sequence(stack[j]!.style, style) && stack[j]!.n === n - 1) at = j;
      }
      if (at < 0 && !(n === 1 && stack.some((e) => e.style === style)))
        at = stack.map((e) => e.style).lastIndexOf(style);
      if (at >= 0) stack.length = at;
    }
    depths.set(i, stack.length);
    stack.push({ style, n });
  }
  return depths;
}

/**
 * Paragraph texts joined into running text: lines wrapped by the page are
 * joined directly; a numbered paragraph or a line after a sentence end starts
 * a new line.
 */
export function joinParas(paras: readonly Para[]): string {
  let out = "";
  for (const p of paras) {
    const t = p.text.trim();
    if (!t) continue;
    if (out && (p.numbered || /[。：:！？!?]$/.test(out))) out += "\n";
    out += t;
  }
  return out;
}

/** Builds sections for headings whose title matches. */
export class Outline {
  readonly paras: Para[];
  private readonly depths: Map<number, number>;
  private readonly lastLine: number;

  constructor(readonly doc: SourceDocument) {
    this.paras = paragraphs(doc);
    this.depths = headingDepths(this.paras);
    this.lastLine = doc.lines.length + 1;
  }

  /** Every heading paragraph. */
  headings(): Para[] {
    return this.paras.filter((p) => p.heading);
  }

  /** The section a heading paragraph opens (the paragraph must be a heading in `paras`). */
  sectionAt(index: number): Section {
    const heading = this.paras[index]!;
    const depth = this.depths.get(index) ?? 0;
    let end = this.lastLine;
    for (let j = index + 1; j < this.paras.length; j++) {
      const d = this.depths.get(j);
      if (d !== undefined && d <= depth) {
        end = this.paras[j]!.line;
        break;
      }
    }
    return this.range(heading, end);
  }

  /** A section from a heading to an explicit end line. */
  range(heading: Para, end: number): Section {
    const start = heading.line + 1;
    const paras = this.paras.filter((p) => p.line >= start && p.line < end);
    const tables = this.doc.blocks.filter(
      (b): b is TableBlock => b.kind === "table" && b.line >= start && b.line < end,
    );
    return { heading, title: titleOf(heading.text), start, end, paras, tables };
  }

  /** Sections whose heading title matches, in document order. */
  find(title: RegExp): Section[] {
    const out: Section[] = [];
    for (const [i, p] of this.paras.entries())
      if (p.heading && title.test(titleOf(p.text))) out.push(this.sectionAt(i));
    return out;
  }

  /**
   * The last matching section that has content: a table of contents lists the
   * same titles earlier with nothing under them.
   */
  findOne(title: RegExp): Section | undefined {
    const found = this.find(title).filter((s) => s.paras.length || s.tables.length);
    return found[found.length - 1];
  }
}

const outlines = new WeakMap<SourceDocument, Outline>();

/** The document's outline, built once per document and shared by the extractors that need it. */
export function outlineOf(doc: SourceDocument): Outline {
  let outline = outlines.get(doc);
  if (!outline) outlines.set(doc, (outline = new Outline(doc)));
  return outline;
}
