/**
 * Change statements that print both years: "2026 年支出预算 Y 万元，比 2025 年年初预算数 X 万元
 * 增加 A 万元，增长 r%", "上年执行数 X 万元，本年安排 Y 万元，比上年增加 r%". Their numbers must
 * follow from one another; the comparison year is not the budget year itself; a zero is not said
 * to have increased.
 */
import { fmt, notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { checkRate, pct } from "../change/rate.ts";
import { BASIS, defineRule, RATE } from "../define.ts";
import { halfUnit } from "../../tolerance.ts";
import {
  NUM,
  UNIT,
  resolveSubject,
  sentencesOf,
  textAmount,
  type TextAmount,
} from "./sentences.ts";

const UP = /增加|增长|上升|提高/;
const PERCENT = String.raw`(\d+(?:\.\d+)?)[%％]`;
const BASE = String.raw`(?:上年|上一年|去年|\d{4}年)`;

/** One statement with both years printed: this year Y, last year X, the change A and rate r when printed. */
export interface TwoYearClaim {
  text: string;
  index: number;
  current: TextAmount;
  previous: TextAmount;
  up: boolean;
  change?: TextAmount;
  rate?: number;
}

/** "Y万元，比/较 BASE…X万元 增加 A万元，增长 r%" */
const FORWARD = new RegExp(
  `${NUM}${UNIT}[，,]?(?:[^。；\\d]{0,6}?)(?:比|较|与)${BASE}[^。；，,\\d增减降升持]{0,10}?${NUM}${UNIT}(?:相比)?[，,]?(增加|减少|增长|下降|上升|降低)了?(?:${NUM}${UNIT})?(?:[，,]?(?:增长|下降|增幅|降幅|上升|降低|减少|增加)?(?:为)?${PERCENT})?`,
  "g",
);
/** "上年执行数 X万元，本年安排 Y万元，比上年增加（A万元，）r%" */
const BACKWARD = new RegExp(
  `${BASE}(?:执行数|预算数|预算执行数|年初预算数?|执行)(?:为|是)?${NUM}${UNIT}[，,；;]?(?:本年|今年|\\d{4}年)(?:度)?(?:安排|预算|预算数|预算安排)(?:为|是)?${NUM}${UNIT}[，,]?(?:比上年|较上年|同比)?(增加|减少|增长|下降|上升|降低)了?(?:${NUM}${UNIT})?[，,]?(?:增长|下降|增幅|降幅)?(?:为)?(?:${PERCENT})?`,
  "g",
);

export function twoYearClaims(text: string): TwoYearClaim[] {
  const out: TwoYearClaim[] = [];
  for (const m of text.matchAll(FORWARD)) {
    const current = textAmount(m[1]!, m[2]!);
    const previous = textAmount(m[3]!, m[4]!);
    if (!current || !previous) continue;
    const change = m[6] ? textAmount(m[6], m[7]!) : undefined;
    out.push({
      text: m[0],
      index: m.index!,
      current,
      previous,
      up: UP.test(m[5]!),
      ...(change ? { change } : {}),
      ...(m[8] ? { rate: Number(m[8]) } : {}),
    });
  }
  for (const m of text.matchAll(BACKWARD)) {
    const previous = textAmount(m[1]!, m[2]!);
    const current = textAmount(m[3]!, m[4]!);
    if (!current || !previous) continue;
    const change = m[6] ? textAmount(m[6], m[7]!) : undefined;
    if (!change && !m[8]) continue;
    out.push({
      text: m[0],
      index: m.index!,
      current,
      previous,
      up: UP.test(m[5]!),
      ...(change ? { change } : {}),
      ...(m[8] ? { rate: Number(m[8]) } : {}),
    });
  }
  return out;
}

/** What is wrong with one claim, in words, or undefined. */
function claimProblem(c: TwoYearClaim): string | undefined {
  const diff = c.current.fen - c.previous.fen;
  const tol = halfUnit(c.current.places) + halfUnit(c.previous.places);
  const problems: string[] = [];
  if (c.change) {
    const signed = c.up ? c.change.fen : -c.change.fen;
    const off = signed - diff;
    if ((off < 0n ? -off : off) > tol + halfUnit(c.change.places))
      problems.push(
        `本年 ${fmt(c.current.fen)} − 上年 ${fmt(c.previous.fen)} = ${fmt(diff)} 万元，文字为${c.up ? "增加" : "减少"} ${fmt(c.change.fen)} 万元`,
      );
  } else if ((c.up && diff < -tol) || (!c.up && diff > tol)) {
    problems.push(
      `本年 ${fmt(c.current.fen)} 万元${diff < 0n ? "少于" : "多于"}上年 ${fmt(c.previous.fen)} 万元，文字却称${c.up ? "增加" : "减少"}`,
    );
  }
  if (c.rate !== undefined) {
    const res = checkRate(diff, tol, c.previous.fen, halfUnit(c.previous.places), c.rate);
    if (res && !res.ok)
      problems.push(
        `增减率应为 (${fmt(c.current.fen)} − ${fmt(c.previous.fen)}) ÷ ${fmt(c.previous.fen)} = ${pct(res.computed)}，文字为 ${c.rate}%`,
      );
  }
  return problems.length ? problems.join("；") : undefined;
}

export const twoYearStatement = defineRule(
  {
    id: "TXT-011",
    family: "narrative",
    severity: "error",
    category: "增减说明",
    title: "同时写出两年数字的增减说明自相一致",
    expects:
      '"本年 Y 万元，比上年（执行数、年初预算数）X 万元增加 A 万元，增长 r%"：A = Y − X，r = (Y − X) ÷ X × 100%',
    tolerance: RATE,
  },
  (ctx, self) => {
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    let compared = 0;
    for (const s of sentences) {
      for (const c of twoYearClaims(s.text)) {
        compared++;
        const problem = claimProblem(c);
        if (!problem) continue;
        const { subject, path } = resolveSubject(ctx, s, s.text.slice(0, c.index), c.current);
        drafts.push({
          path: subject?.changePath ?? subject?.path ?? path,
          severity: self.severity,
          ...(s.line ? { line: s.line } : {}),
          message: `说明文字「${c.text}」：${problem}`,
        });
      }
    }
    if (!compared) return notApplicable("说明文字没有同时写出两年数字的增减说明");
    return outcome(drafts);
  },
);

const CHANGE_AFTER = String.raw`(?!度?(?:预算|年初预算)?(?:执行|决算))[^。；，,\d]{0,10}?(?:相比)?[，,]?(增加|减少|增长|下降|持平|上升|降低)`;

export const sameYearComparison = defineRule(
  {
    id: "TXT-012",
    family: "narrative",
    severity: "error",
    category: "增减说明",
    title: "预算的增减说明不与同一年度比较",
    expects:
      '预算说明中"比 YYYY 年增加/减少"的 YYYY 不是预算年度本身，也不是该句所说的年度（"2025 年…比 2025 年减少"）',
    tolerance: "无",
    basis: BASIS.rules143,
  },
  (ctx, self) => {
    const year = ctx.d.year;
    if (year === undefined) return notEvaluable("未知预算年度");
    if (ctx.d.kind === "final") return notApplicable("决算与本年预算比较是正常的");
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const re = new RegExp(`(?:比|较|与)(\\d{4})年${CHANGE_AFTER}`, "g");
    const drafts: Draft[] = [];
    for (const s of sentences) {
      // A budget document that also reports last year's final accounts compares within that year.
      if (/决算/.test(s.text)) continue;
      for (const m of s.text.matchAll(re)) {
        const y = Number(m[1]);
        // The year the sentence speaks of: the last "YYYY年" before it that is no comparison itself.
        const own = [...s.text.slice(0, m.index!).matchAll(/(?<![比较与同])(\d{4})年/g)].pop();
        const ownYear = own ? Number(own[1]) : undefined;
        if (y !== year && y !== ownYear) continue;
        // One finding per sentence: its later clauses repeat the same comparison.
        if (drafts.some((d) => d.line === s.line && d.actual === y)) break;
        // The amount compared: the last one printed before the comparison names the subject.
        const before = s.text.slice(0, m.index!);
        const last = [...before.matchAll(new RegExp(`${NUM}${UNIT}`, "g"))].pop();
        const amount = last ? textAmount(last[1]!, last[2]!) : undefined;
        const resolved = resolveSubject(ctx, s, before, amount);
        const path = resolved.subject?.path ?? resolved.path;
        const quote = s.text.slice(
          Math.max(0, (own?.index ?? m.index!) - 4),
          m.index! + m[0].length,
        );
        drafts.push({
          path,
          severity: self.severity,
          ...(s.line ? { line: s.line } : {}),
          message:
            y === year
              ? `${year} 年预算的说明「${quote.slice(-60)}」与 ${year} 年本身比较（应为 ${year - 1} 年）`
              : `说明文字「${quote.slice(-60)}」把 ${y} 年与 ${y} 年自身比较（${year} 年预算应写 ${year} 年比 ${year - 1} 年）`,
          actual: y,
          expected: year - 1,
        });
      }
    }
    return outcome(drafts);
  },
);

export const zeroIncreased = defineRule(
  {
    id: "TXT-013",
    family: "narrative",
    severity: "error",
    category: "增减说明",
    title: "为零的金额不说成增加",
    expects: '"0 万元，比上年增加 A 万元（增长 r%）"：本年为零时只能减少或持平',
    tolerance: "无",
  },
  (ctx, self) => {
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const re = new RegExp(
      `(?<![\\d.,，])0(?:\\.0+)?${UNIT}[，,]?(?:比|较|与)(?:上年|上一年|去年|\\d{4}年)[^。；\\d]{0,10}?(增加|增长|上升)了?(?:${NUM}${UNIT}|${PERCENT})`,
      "g",
    );
    const drafts: Draft[] = [];
    for (const s of sentences) {
      for (const m of s.text.matchAll(re)) {
        const amount = m[3] ? textAmount(m[3], m[4]!) : undefined;
        const rate = m[5] ? Number(m[5]) : undefined;
        if ((amount && amount.fen === 0n) || rate === 0) continue;
        const zero = textAmount("0", m[1]!);
        const { subject, path } = resolveSubject(ctx, s, s.text.slice(0, m.index!), zero);
        drafts.push({
          path: subject?.changePath ?? subject?.path ?? path,
          severity: self.severity,
          ...(s.line ? { line: s.line } : {}),
          message: `说明文字「${s.text.slice(Math.max(0, m.index! - 20), m.index! + m[0].length)}」：本年为 0，不可能比上年${m[2]}`,
        });
      }
    }
    return outcome(drafts);
  },
);
