/**
 * The narrative sections of a disclosure ("四、财政拨款“三公”经费预算情况",
 * "（四）政府采购情况：…"): found by a numbered heading that names the
 * subject, read up to the next heading of the same or a higher rank, with
 * whitespace removed so sentences wrapped by PDF text join up again.
 */
import { squash, type SourceDocument } from "../source-document.ts";
import { TOC_LEADER } from "./find.ts";

export interface SectionText {
  /** Line of the heading. */
  heading: number;
  /** The heading and its body, squashed. */
  text: string;
  /** The source line of a character offset in `text`. */
  lineAt(index: number): number;
}

const NUMBERING: [RegExp, number][] = [
  [/^第[一二三四五六七八九十]+部分/, 0],
  [/^[一二三四五六七八九十]+[、.．]/, 1],
  [/^[（(][一二三四五六七八九十]+[)）]/, 2],
  [/^\d{1,2}(?:[、．]|\.(?!\d))/, 3],
  [/^[（(]\d{1,2}[)）]/, 4],
];

/** The outline rank of a line's numbering (0 = 第X部分), undefined when it has none. */
export function headingRank(text: string): number | undefined {
  for (const [re, rank] of NUMBERING) if (re.test(text)) return rank;
  return undefined;
}

/**
 * Every section whose heading names `subject` within its first words, in
 * document order. TOC entries come back with an empty body; callers skip
 * sections where they find nothing.
 */
export function sectionText(
  doc: SourceDocument,
  subject: RegExp,
  exclude?: RegExp,
  maxLines = 80,
): SectionText[] {
  const out: SectionText[] = [];
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.furniture || l.text.startsWith("\t")) continue;
    const t = squash(l.text).replace(/^\[bookmark:[^\]]*\]/, "");
    const rank = headingRank(t);
    const head = t.slice(0, rank === undefined ? 30 : 34);
    if (!subject.test(head) || (exclude && exclude.test(t))) continue;
    if (rank === undefined && t.length > 30) continue;
    if (TOC_LEADER.test(t)) continue;
    const parts: string[] = [t];
    const starts: number[] = [l.no];
    for (let j = i + 1; j < lines.length && j <= i + maxLines; j++) {
      const m = lines[j]!;
      // Table cells (Word export, tab-separated rows) are not narrative.
      if (m.furniture || m.text.includes("\t")) continue;
      const s = squash(m.text).replace(/^\[bookmark:[^\]]*\]/, "");
      if (!s) continue;
      const r = headingRank(s);
      if (r !== undefined && (rank === undefined || r <= rank)) break;
      parts.push(s);
      starts.push(m.no);
    }
    const offsets: number[] = [];
    let text = "";
    for (const p of parts) {
      offsets.push(text.length);
      text += p;
    }
    out.push({
      heading: l.no,
      text,
      lineAt(index: number) {
        let k = 0;
        while (k + 1 < offsets.length && offsets[k + 1]! <= index) k++;
        return starts[k]!;
      },
    });
  }
  return out;
}
