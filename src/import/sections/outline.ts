/**
 * The document's outline: numbered headings (第一部分 / 一、 / （一） / 1、 / 1. /
 * （1） / ①) and known unnumbered titles (名词解释, 其他需要说明的事项 ...), and the
 * range of lines each heading governs. Disclosures number their outline
 * inconsistently (seed 000 mixes 一/2/三; seed 003 nests 一、 under （二）), so
 * nesting is read from the order styles appear in, not from a fixed ranking:
 * a heading whose style is already open closes everything below it (a
 * sibling), a new style opens a child. 第X部分 always starts at the top.
 */
import { squash, type SourceDocument, type TableBlock } from "../source-document.ts";

export type NumberStyle = "part" | "cn" | "cnParen" | "arabic" | "arabicParen" | "circled" | "titled" | "centered";

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

/** Recognises outline numbering at the start of a line. */
export function parseNumbering(text: string): Numbered | undefined {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^第\s*([一二三四五六七八九十\d]+)\s*部\s*分\s*[:：]?\s*(.*)$/.exec(t))) return { style: "part", number: m[1]!, rest: m[2]!.trim() };
  if ((m = new RegExp(`^(${CN})\\s*[、.．，,]\\s*(.*)$`).exec(t))) return { style: "cn", number: m[1]!, rest: m[2]!.trim() };
  if ((m = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、.．]?\\s*(.*)$`).exec(t))) return { style: "cnParen", number: m[1]!, rest: m[2]!.trim() };
  if ((m = /^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*(.*)$/.exec(t))) return { style: "arabicParen", number: m[1]!, rest: m[2]!.trim() };
  if ((m = /^(\d{1,2})\s*(?:[、．]|\.(?!\d)|\s(?=[\u4e00-\u9fa5“"《]))\s*(.*)$/.exec(t))) {
    // "2021 年..." is a year, not item 20 or 21: numbering has at most two digits.
    return { style: "arabic", number: m[1]!, rest: m[2]!.trim() };
  }
  if ((m = /^([①-⑳])\s*(.*)$/.exec(t))) return { style: "circled", number: m[1]!, rest: m[2]!.trim() };
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
export function titleOf(text: string): string {
  const n = parseNumbering(text);
  return squash(n ? n.rest : text).replace(/[:：。.]+$/, "");
}

function isHeading(text: string, numbered: Numbered | undefined): boolean {
  const body = squash(numbered ? numbered.rest : text);
  if (numbered?.style === "part") return true;
  if (!numbered) return KNOWN_TITLES.test(body.replace(/[:：]$/, ""));
  if (!body) return false;
  // A heading is short and is not a sentence: a long line or one with a full stop inside is a numbered paragraph.
  const inner = body.replace(/[。.]$/, "");
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
    else out.push({ line, text, ...(numbered ? { numbered } : {}), heading: isHeading(text, numbered) });
  };
  for (const block of doc.blocks) {
    if (block.kind === "text") {
      push(block.line, block.text, doc.layout === "columns" && isCentered(doc, block.line));
    } else if (doc.layout === "columns") {
      // PDF text puts wide gaps inside some headings ("第一部分      部门概况"): a short row with no amounts is text.
      for (const row of block.rows) {
        const texts = row.cells.map((c) => c.text.trim());
        if (texts.length <= 2 && !texts.some((t) => /^[-−]?[\d,，]+(?:\.\d+)?%?$/.test(t))) push(row.line, texts.join(" "));
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
  const blank = (n: number) => !doc.lines[n - 1] || doc.lines[n - 1]!.text.trim() === "" || !!doc.lines[n - 1]!.furniture;
  return (
    indent >= 8 && body.length >= 4 && body.length <= 40 && !/[，。；：,;:]/.test(body) && !/^[-—–\d\s.]+$/.test(body) && (blank(no - 1) || blank(no + 1))
  );
}

/**
 * The outline depth of every heading paragraph (index into `paras`), by the
 * stack rule described at the top of this file.
 */
export function headingDepths(paras: readonly Para[]): Map<number, number> {
  const depths = new Map<number, number>();
  const stack: NumberStyle[] = [];
  for (const [i, p] of paras.entries()) {
    if (!p.heading) continue;
    const style = p.centered ? "centered" : (p.numbered?.style ?? "titled");
    if (style === "part" || style === "centered") stack.length = 0;
    else {
      const at = stack.lastIndexOf(style);
      if (at >= 0) stack.length = at;
    }
    depths.set(i, stack.length);
    stack.push(style);
  }
  return depths;
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
    const tables = this.doc.blocks.filter((b): b is TableBlock => b.kind === "table" && b.line >= start && b.line < end);
    return { heading, title: titleOf(heading.text), start, end, paras, tables };
  }

  /** Sections whose heading title matches, in document order. */
  find(title: RegExp): Section[] {
    const out: Section[] = [];
    for (const [i, p] of this.paras.entries()) if (p.heading && title.test(titleOf(p.text))) out.push(this.sectionAt(i));
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
