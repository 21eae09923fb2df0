/**
 * Reads the "三公"经费 paragraph: which of the five amounts each figure belongs
 * to (by the nearest name before it), and whether it is this year's amount,
 * last year's, or the change (增加/减少 before it, "与上年相比" opening the
 * sentence, 持平 for a stated zero).
 */
import { parseAmount, type Fen } from "../../../model/amount.ts";

export type Key = "total" | "overseas" | "vehicle" | "purchase" | "operation" | "reception";
export type Mode = "current" | "previous" | "change";

export interface NarrativeValue {
  key: Key;
  mode: Mode;
  fen: Fen;
  /** Offset in the squashed text. */
  index: number;
  raw: string;
}

export interface NarrativeResult {
  values: NarrativeValue[];
  changeRate?: { value: number; index: number; raw: string };
  explanation?: { text: string; index: number };
  /** "资金来源：一般公共预算拨款240万元": where the money comes from, in the order stated. */
  fundSources?: { label: string; fen: Fen; index: number; raw: string }[];
}

const FUND = /([^，,；;：:、。\d]{2,20}?)([-−]?\d[\d,，]*(?:\.\d+)?)(万元|元)/g;

// Alternatives in priority order: the longer names first.
const KEYWORDS = new RegExp(
  [
    "(?<vehicle>公务(?:用)?车(?:辆)?购置(?:及|和|与)(?:公务用车)?运(?:行|维)(?:维护)?(?:费用|经费|费)?)",
    '(?<total>[“"”]?三公[”"“]?经费)',
    "(?<overseas>(?:因公|公务)出国(?:（境）|\\(境\\)|境)?(?:费用|经费|费)?|出国(?:（境）)?经费)",
    "(?<reception>(?:国内)?公务接待(?:费用|经费|费)?)",
    "(?<purchase>(?:公务(?:用)?车(?:辆)?|车辆)购置(?:费用|经费|费)?)",
    "(?<operation>(?:公务(?:用)?车(?:用车)?(?:辆)?|车辆)(?:运行(?:维护)?|运维)(?:费用|经费|费)?)",
    // Printed beside 三公 in many parts ("…会议费预算支出1305.25万元，与上年度持平"): their figures are none of the five.
    "(?<other>会议费|培训费|机关运行经费)",
  ].join("|"),
  "g",
);

const AMOUNT = /([-−]?\d[\d,，]*(?:\.\d+)?)(亿元|万元|元)|为(0)(?![\d.])/g;
const CHANGE_WORD =
  /(增加|减少|增长|下降|降低|上升|节约|压减|压缩)(?:[（(](?:增加|减少|下降)[)）])?了?(?:为)?$/;
/** A form's wording left unfilled, "增加（减少）0万元": the sign is unknown, so only a zero can be read. */
const EITHER_WAY = /[（(](?:增加|减少|下降)[)）]了?(?:为)?$/;
const NEGATIVE = /减少|下降|降低|节约|压减|压缩/;
const FLAT = /持平|无增减|无变化|没有变化|一致|相同|不变|未变/;
const PREVIOUS_NAMED =
  /(?:比|较|与)(?:上年|上年度|\d{4}年度?)(?:年初)?(?:预算|决算|执行)?数?(?:为|是)?$/;
const BRACKETED_RATE =
  /(增长|下降|减少|增加|上升|降低)了?[-−]?\d[\d,，]*(?:\.\d+)?(?:亿元|万元|元)[（(](\d+(?:\.\d+)?)[%％][)）]/;
const RATE = /(增长|下降|减少|增加|上升|降低)(?:了)?(\d+(?:\.\d+)?)[%％]/;

/** Parses the squashed section text; `year` is the budget year (earlier years' sentences are 上年). */
export function readNarrative(text: string, year: number | undefined): NarrativeResult {
  const values: NarrativeValue[] = [];
  const result: NarrativeResult = { values };
  const yr = year ?? Number(/(\d{4})年/.exec(text)?.[1] ?? NaN);
  const keys = keywordSpans(text);
  const sentences = splitSentences(text);
  const state: ReadState = { key: "total", keyHasAmount: false, ki: 0 };
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    // A 资金来源 sentence lists sources, not the five amounts.
    if (readFundSources(body, s.start, result)) continue;
    const { mode, lead } = sentenceMode(body, yr);
    // A sentence that names nothing continues the last name only while that name still lacks a figure.
    if (
      state.keyHasAmount &&
      !keys.some((k) => k.start >= s.start && k.start < s.start + Math.min(lead.length + 1, 40))
    ) {
      state.key = "total";
      state.keyHasAmount = false;
    }
    readSentence(text, s, keys, mode, state, result);
  }
  result.explanation = statedReason(text) ?? reasonAfterTotalChange(text, values, keys, sentences);
  return result;
}

type KeySpan = { key: Key | "other"; start: number; end: number };

/** The name in force while reading, whether it has a figure yet, and the next name span. */
interface ReadState {
  key: Key | "other";
  keyHasAmount: boolean;
  ki: number;
}

/** The spans of the five amounts' names (and of the other costs printed beside them). */
function keywordSpans(text: string): KeySpan[] {
  const keys: KeySpan[] = [];
  for (const m of text.matchAll(KEYWORDS)) {
    const g = m.groups!;
    const key = (Object.keys(g) as (Key | "other")[]).find((k) => g[k] !== undefined)!;
    keys.push({ key, start: m.index!, end: m.index! + m[0].length });
  }
  // "公务用车运行费7.92万元，其中公务用车购置费0万元": an operation figure split into 购置 and 运行 is the vehicle total.
  for (let i = 0; i + 1 < keys.length; i++) {
    const k = keys[i]!;
    if (k.key !== "operation") continue;
    const next = keys[i + 1]!;
    if (
      next.key === "purchase" &&
      /其中/.test(text.slice(k.end, next.start)) &&
      next.start - k.end < 30
    )
      k.key = "vehicle";
  }
  return [...keys, ...afterParentheses(text, keys)].sort((a, b) => a.start - b.start);
}

/**
 * "公务用车购置及运行维护费112.08万元（公务用车购置费18.2万元…；公务用车运行维护费93.88万元…。）
 * 比上年减少19.89万元": past a parenthesis that names other items, the figures are again
 * those of the name before it.
 */
function afterParentheses(text: string, keys: KeySpan[]): KeySpan[] {
  const out: KeySpan[] = [];
  for (const m of text.matchAll(/[（(]([^（()）]{1,200})[)）]/g)) {
    const open = m.index!;
    const close = open + m[0].length - 1;
    if (!keys.some((k) => k.start > open && k.start < close)) continue;
    const outer = keys.filter((k) => k.end <= open).at(-1);
    if (outer && open - outer.end < 30) out.push({ key: outer.key, start: close, end: close + 1 });
  }
  return out;
}

/** A "资金来源：…" sentence: its sources; true when the sentence is one. */
function readFundSources(body: string, start: number, result: NarrativeResult): boolean {
  const fund = /^资金来源[:：]/.exec(body);
  if (!fund) return false;
  for (const f of body.slice(fund[0].length).matchAll(FUND)) {
    const fen = parseAmount(f[2]!, f[3] as "元" | "万元");
    if (fen !== undefined)
      (result.fundSources ??= []).push({
        label: f[1]!,
        fen,
        index: start + fund[0].length + f.index!,
        raw: f[0],
      });
  }
  return true;
}

/** Whether a sentence states this year's amounts, last year's or the change; and its words before the first figure. */
function sentenceMode(body: string, yr: number): { mode: Mode; lead: string } {
  const firstAmount = AMOUNT.exec(body);
  AMOUNT.lastIndex = 0;
  const lead = firstAmount ? body.slice(0, firstAmount.index) : body;
  const opensChange =
    /^(?:与|较|比|同)[^，,]{0,16}(?:相比|比较|对比)|^(?:与|较|比)(?:上年|\d{4}年)/.test(body) ||
    CHANGE_WORD.test(lead);
  const years = [...lead.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  // "2025年“三公”经费预算13.85万元，比2025年减少5.45万元" (wild P166) compares a year with
  // itself: the opening year is the slip, and the figures are not last year's.
  const comparedWith = /(?:比|较|与)(\d{4})年/.exec(body.slice(lead.length));
  const previous =
    !opensChange &&
    years.length > 0 &&
    Number.isFinite(yr) &&
    years[0]! < yr &&
    Number(comparedWith?.[1]) !== years[0] &&
    !/相比|较|比/.test(lead);
  return { mode: opensChange ? "change" : previous ? "previous" : "current", lead };
}

/** Reads one sentence: each stretch after a name gives that name's figures. */
function readSentence(
  text: string,
  s: { start: number; end: number },
  keys: KeySpan[],
  mode: Mode,
  state: ReadState,
  result: NarrativeResult,
): void {
  const values = result.values;
  const seen = new Set<string>();
  let pos = s.start;
  const segEnd = () => {
    const k = keys[state.ki];
    return k && k.start < s.end ? k.start : s.end;
  };
  while (pos < s.end) {
    while (state.ki < keys.length && keys[state.ki]!.end <= pos) state.ki++;
    const next = keys[state.ki];
    if (next && next.start <= pos) {
      state.key = next.key;
      state.keyHasAmount = false;
      pos = next.end;
      state.ki++;
      continue;
    }
    const end = segEnd();
    const key = state.key;
    if (key === "other") {
      pos = end;
      continue;
    }
    const seg = text.slice(pos, end);
    readSegment(seg, pos, key, mode, seen, values);
    if (values.some((v) => v.index >= pos && v.index < end)) state.keyHasAmount = true;
    if (FLAT.test(seg) && !seen.has(`change:${key}`)) {
      values.push({
        key,
        mode: "change",
        fen: 0n,
        index: pos + seg.search(FLAT),
        raw: seg.match(FLAT)![0],
      });
      seen.add(`change:${key}`);
    }
    if (key === "total" && !result.changeRate) {
      // "较上年增加131.35万元（111.8%）": the rate in brackets after the change takes its direction.
      const r = RATE.exec(seg) ?? BRACKETED_RATE.exec(seg);
      if (r) {
        const v = Number(r[2]);
        result.changeRate = {
          value: NEGATIVE.test(r[1]!) ? -v : v,
          index: pos + r.index,
          raw: r[0],
        };
      }
    }
    pos = end;
  }
}

/** "增减变化原因为：…": the reason for the change, stated as such. */
function statedReason(text: string): { text: string; index: number } | undefined {
  const ex =
    /(?:增减(?:变化)?|变化|变动)原因(?:为|是|主要是)[:：]?|(?:增减(?:变化)?|变化|变动)原因[:：]/.exec(
      text,
    );
  if (!ex) return undefined;
  const from = ex.index + ex[0].length;
  const stop = text.indexOf("。", from);
  const t = text.slice(from, stop < 0 ? undefined : stop + 1);
  return t.length > 2 ? { text: t, index: from } : undefined;
}

const REASON = /(?:主要原因|原因)(?:是|为)[:：]?|主要是(?:由于|因为)?|(?:变动|变化|增减)原因[:：]?/;

/**
 * "…较2025年减少1.75万元，主要是厉行节约，压减预算。": the reason stated in the
 * sentence of the total's change, before any of the items is named (a reason
 * after 公务接待费 is that item's).
 */
function reasonAfterTotalChange(
  text: string,
  values: NarrativeValue[],
  keys: { start: number }[],
  sentences: { start: number; end: number }[],
): NarrativeResult["explanation"] {
  const change = values.find((v) => v.key === "total" && v.mode === "change");
  if (!change) return undefined;
  const sentence = sentences.find((s) => s.start <= change.index && change.index < s.end)!;
  const tail = text.slice(change.index, sentence.end);
  const m = REASON.exec(tail);
  if (!m) return undefined;
  const from = change.index + m.index + m[0].length;
  if (keys.some((k) => k.start > change.index && k.start < from)) return undefined;
  const reason = text.slice(from, sentence.end);
  return reason.replace(/。$/, "").length > 2 ? { text: reason, index: from } : undefined;
}

function readSegment(
  seg: string,
  offset: number,
  key: Key,
  mode: Mode,
  seen: Set<string>,
  out: NarrativeValue[],
): void {
  const amounts = [...seg.matchAll(AMOUNT)];
  // In a sentence that opens with a change, an item stating its own change ("公务接待费24.57万元，
  // 比上年减少13.39万元") states its amount first: only the figures after a change word are changes.
  const ownChange = amounts.some((a) => CHANGE_WORD.test(seg.slice(0, a.index).slice(-12)));
  if (mode === "change" && ownChange) mode = "current";
  // 决算 documents state 年初预算 first and the 决算 figure after it: the 决算 figure wins.
  const finalIdx = amounts.findIndex((a) => /决算(?:数)?(?:为|是)?$/.test(seg.slice(0, a.index)));
  for (const [i, a] of amounts.entries()) {
    if (finalIdx >= 0 && i < finalIdx && !CHANGE_WORD.test(seg.slice(0, a.index))) continue;
    const before = seg.slice(0, a.index);
    const num = a[1] ?? a[3]!;
    const unit = (a[2] ?? "万元") as "元" | "万元" | "亿元";
    let fen = parseAmount(num, unit);
    if (fen === undefined) continue;
    if (/^[%％]/.test(seg.slice(a.index! + a[0].length))) continue;
    const cw = CHANGE_WORD.exec(before.slice(-12));
    if (cw && EITHER_WAY.test(cw[0]) && fen !== 0n) continue;
    let m: Mode = mode;
    // "比2020年预算数6.45万元增加…": the figure the comparison names is last year's.
    if (PREVIOUS_NAMED.test(before.slice(-16))) m = "previous";
    else if (cw) {
      m = "change";
      if (NEGATIVE.test(cw[1]!) && fen > 0n) fen = -fen;
    }
    const id = `${m}:${key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ key, mode: m, fen, index: offset + a.index!, raw: a[0] });
  }
}

function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "。") {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}
