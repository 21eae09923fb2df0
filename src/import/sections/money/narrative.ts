/**
 * Reads money statements from the narrative (情况说明): the document's content
 * lines joined without whitespace into one stream (PDF text wraps sentences
 * over lines, pages and blank lines), with a map back to source lines.
 */
import { parseAmount, type Fen } from "../../../model/amount.ts";
import { squashedLines, type SourceDocument } from "../../source-document.ts";

export interface Stream {
  text: string;
  /** Start offset of each joined line and its line number, ascending. */
  starts: { offset: number; line: number }[];
}

const streams = new WeakMap<SourceDocument, Stream>();

/** Joins all content lines (furniture left out). Built once per document: income, expenditure and operating costs all read it. */
export function narrativeStream(doc: SourceDocument): Stream {
  let stream = streams.get(doc);
  if (!stream) streams.set(doc, (stream = buildStream(doc)));
  return stream;
}

function buildStream(doc: SourceDocument): Stream {
  let text = "";
  const starts: Stream["starts"] = [];
  const flat = squashedLines(doc);
  for (const l of doc.lines) {
    if (l.furniture) continue;
    const s = flat[l.no - 1]!;
    if (!s) continue;
    // Bare page numbers ("- 5 -", "—17—", "19") interrupt sentences that run over a page.
    if (/^[-—–－]*\d{1,3}[-—–－]*$/.test(s)) continue;
    starts.push({ offset: text.length, line: l.no });
    text += s;
  }
  return { text, starts };
}

/** The source line of an offset in the stream. */
export function lineAt(stream: Stream, offset: number): number {
  let lo = 0;
  let hi = stream.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stream.starts[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return stream.starts[lo]?.line ?? 1;
}

/** An amount with its unit as printed in running text ("1,234.5万元"). */
export const AMT = String.raw`(\d[\d,，]*(?:\.\d+)?)(万元|元|亿元)`;
const NUM = String.raw`(\d+(?:\.\d+)?)`;

export function amountOf(number: string, unit: string): Fen | undefined {
  return parseAmount(number, unit as "万元" | "元" | "亿元");
}

/** Start of the sentence (after 。 or ；) containing `index`. */
export function sentenceStart(text: string, index: number): number {
  const a = text.lastIndexOf("。", index - 1);
  const b = text.lastIndexOf("；", index - 1);
  return Math.max(a, b) + 1;
}

export function sentenceEnd(text: string, index: number): number {
  const e = text.indexOf("。", index);
  return e < 0 ? text.length : e;
}

export type ChangeSubject = "both" | "income" | "expenditure" | "basic" | "project" | "operating";

export interface ChangeEvent {
  subject: ChangeSubject;
  amount?: Fen;
  /** Percent, signed. */
  rate?: number;
  /** The earlier year's amount stated in the same clause ("比2025年年初预算数28479.84万元增加…"). */
  previous?: Fen;
  /** The subject as named ("支出", "收入支出", "部门预算") and where, in the stream. */
  keyword?: { word: string; index: number };
  /**
   * The amount the change is measured from, stated right after the subject
   * ("支出预算29956.27万元，比…增加…"), as printed: which total the sentence is about.
   */
  base?: { fen: Fen; raw: string };
  index: number;
  raw: string;
}

// Longer names first, so "机关运行经费支出" is one subject, not 支出.
const SUBJECT =
  /收、支|收入、支出|收入支出|收支|基本支出|项目支出|(?:机关)?运行经费(?:财政拨款)?(?:[预决]算)?(?:支出)?|三公”?经费(?:[预决]算)?(?:支出)?|三公|收入|支出|部门预算/g;
/** A fund-level subject ("财政拨款收入", "一般公共预算支出") is not the department's total. */
const FUND_SCOPE = /(?:财政拨款|一般公共预算|政府性基金|国有资本|经营|专户|拨款)[^，,。；]{0,4}$/;
const UP = /增加|增长|上升|增幅|提高/;
const FIRST_AMT = new RegExp(AMT);
/** The earlier year's amount closing the clause before a change ("比2025年年初预算数28479.84万元"). */
const PREVIOUS = new RegExp(String.raw`(?:比|较|与)\d{4}年[^，,。；]{0,10}?${AMT}$`);

function subjectOf(keyword: string): ChangeSubject | undefined {
  if (/收、支|收入、支出|收入支出|收支/.test(keyword)) return "both";
  if (keyword === "基本支出") return "basic";
  if (keyword === "项目支出") return "project";
  if (/运行经费/.test(keyword)) return "operating";
  if (/三公/.test(keyword)) return undefined;
  if (keyword === "收入") return "income";
  if (keyword === "支出" || keyword === "部门预算") return "expenditure";
  return undefined;
}

/**
 * Every stated change ("较2019年预算增加10000万元", "增长5.18%", "减少0.52万元，下降0.07%")
 * with the subject it is about: the last subject named before it in the same
 * sentence, or in the sentence before when this one names none ("…合计总支出1377.92万元。
 * 与2020年相比增加27.82%").
 */
export function changeEvents(stream: Stream): ChangeEvent[] {
  const text = stream.text;
  const events: ChangeEvent[] = [];
  const re = new RegExp(
    String.raw`(增加|减少|下降|降低|上升|增长|增幅|降幅|提高)(?:了|为)?(?:${AMT}(?:[，,]?(?:增幅|降幅|增长|下降|上升|减少|降低|增加|提高)(?:了|为)?${NUM}[%％])?|${NUM}[%％])|持平`,
    "g",
  );
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = sentenceStart(text, m.index);
    let context = text.slice(start, m.index);
    let keyword = lastSubject(context);
    if (!keyword && start > 0) {
      // Only when the sentence before states the subject's amount ("…合计总支出1377.92万元。与2020年相比增加27.82%").
      let prevStart = sentenceStart(text, start - 1);
      // That sentence an enumeration ("按支出功能分类，包括一般公共服务支出…万元，…住房保障支出…万元。"):
      // the change is the total's, stated in the sentence before it, never the last item's.
      // An enumeration closing on its total ("…，合计总支出1377.92万元。") names the subject itself.
      const before = text.slice(prevStart, start);
      if (
        prevStart > 0 &&
        statedItems(before).length >= 3 &&
        !/合计|总计|共计|总额|总[收支]/.test(before)
      ) {
        const headStart = sentenceStart(text, prevStart - 1);
        const head = lastSubject(text.slice(headStart, prevStart));
        if (head && FIRST_AMT.test(text.slice(headStart + head.index, prevStart))) {
          context = text.slice(headStart, m.index);
          keyword = head;
          prevStart = -1;
        }
      }
      if (prevStart >= 0) {
        context = text.slice(prevStart, m.index);
        keyword = lastSubject(context);
        if (keyword && !FIRST_AMT.test(context.slice(keyword.index))) keyword = undefined;
      }
    }
    if (!keyword) continue;
    const subject = subjectOf(keyword.word);
    if (!subject) continue;
    if (subject !== "operating" && FUND_SCOPE.test(context.slice(0, keyword.index))) continue;
    const sign = m[0] === "持平" || UP.test(m[1] ?? "") ? 1n : -1n;
    const keywordAt = m.index - context.length + keyword.index;
    const event: ChangeEvent = {
      subject,
      keyword: { word: keyword.word, index: keywordAt },
      index: m.index,
      raw: m[0],
    };
    if (m[0] === "持平") event.amount = 0n;
    else if (m[2]) {
      const fen = amountOf(m[2], m[3]!);
      if (fen !== undefined) event.amount = sign * fen;
      if (m[4])
        event.rate = Number(m[4]) * (UP.test(m[0].slice(m[0].search(/[，,]/) + 1)) ? 1 : -1);
    } else if (m[5]) event.rate = Number(m[5]) * Number(sign);
    const prev = PREVIOUS.exec(text.slice(start, m.index));
    if (prev) event.previous = amountOf(prev[1]!, prev[2]!);
    // The base: the first amount after the subject, short of the earlier year's ("比2025年预算数X万元").
    const base = FIRST_AMT.exec(
      context.slice(keyword.index + keyword.word.length, context.length - (prev?.[0].length ?? 0)),
    );
    if (base) {
      const fen = amountOf(base[1]!, base[2]!);
      if (fen !== undefined) event.base = { fen, raw: base[0] };
    }
    events.push(event);
  }
  return events;
}

function lastSubject(context: string): { word: string; index: number } | undefined {
  let last: { word: string; index: number } | undefined;
  for (const m of context.matchAll(SUBJECT)) last = { word: m[0], index: m.index };
  return last;
}

/** A percentage stated right after an amount change ("…万元，增长5.18%"), for events that only carry the amount. */
export function firstEvent(
  events: ChangeEvent[],
  ...subjects: ChangeSubject[]
): ChangeEvent | undefined {
  return events.find((e) => subjects.includes(e.subject));
}

export interface StatedItem {
  label: string;
  fen: Fen;
  index: number;
  raw: string;
}

/**
 * The "label amount" clauses of a list such as "其中：一般公共预算收入45756.38万元，
 * 政府性基金收入49775.05万元，…" (clauses split at ，；、 and line numbering).
 * Clauses that are not "label + amount" (占32.55%, 比上年增加…) are skipped.
 */
export function statedItems(text: string, offset = 0): StatedItem[] {
  const out: StatedItem[] = [];
  const re = new RegExp(String.raw`([^，,；;、。：:\d（）()]{2,30}?)(?:为|是|共|：|:)?${AMT}`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let label = m[1]!.replace(/^(?:其中|包括|分别是|分别为)/, "");
    label = label.replace(/^[.．、]+/, "");
    if (!label || /比|较|与上年|增加|减少|增长|下降|占|合计|总计|小计|预算数/.test(label)) continue;
    const fen = amountOf(m[2]!, m[3]!);
    if (fen === undefined) continue;
    out.push({ label, fen, index: offset + m.index, raw: m[0] });
  }
  return out;
}

/** A printed amount equals an exact one when they differ by at most half a unit of its last printed place. */
export function sameWithinPrinting(printed: { fen: Fen; raw: string }, exact: Fen): boolean {
  const m = /(?:\.(\d+))?(万元|元|亿元)$/.exec(printed.raw);
  const unit = m ? amountOf("1", m[2]!) : undefined;
  if (unit === undefined) return printed.fen === exact;
  const diff = printed.fen > exact ? printed.fen - exact : exact - printed.fen;
  return diff * 2n * 10n ** BigInt(m![1]?.length ?? 0) <= unit;
}
