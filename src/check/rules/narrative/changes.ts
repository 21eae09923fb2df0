/** Change claims in the text: the year compared with, stated rates, and what the stated numbers imply. */
import { fmt, notEvaluable, outcome } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { checkRate, pct } from "../change/rate.ts";
import { BASIS, defineRule, RATE, ROUNDING } from "../define.ts";
import { halfUnit } from "../../tolerance.ts";
import { NUM, UNIT, resolveSubject, sentencesOf, textAmount, topicFor } from "./sentences.ts";

const CHANGE_WORD = /增加|减少|增长|下降|持平|上升|降低|增减/;

export const comparisonYear = defineRule(
  {
    id: "TXT-001",
    family: "narrative",
    severity: "error",
    category: "增减说明",
    title: "增减说明与上一年度比较",
    expects: '"较/比/与 YYYY 年"的增减说明中，比较年度为预算年度的上一年（或本年）',
    tolerance: "无",
    basis: BASIS.rules143,
  },
  (ctx, self) => {
    const year = ctx.d.year;
    if (year === undefined) return notEvaluable("未知预算年度");
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    for (const s of sentences) {
      if (!CHANGE_WORD.test(s.text)) continue;
      for (const m of s.text.matchAll(/(?:较|比|与|同)(\d{4})年/g)) {
        const y = Number(m[1]);
        if (y === year || y === year - 1) continue;
        const after = s.text.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
        if (!CHANGE_WORD.test(after)) continue;
        const before = s.text.slice(0, m.index!);
        const amount = new RegExp(`(?:增加|减少|增长|下降)${NUM}${UNIT}`).exec(after);
        const resolved = resolveSubject(ctx, s, before, undefined);
        let path = resolved.path;
        const topic = topicFor(s, before);
        if (
          topic === "expenditure" ||
          topic === "income" ||
          topic === "threePublic" ||
          topic === "operatingCosts"
        ) {
          path = {
            expenditure: "/expenditure/change",
            income: "/income/change",
            threePublic: "/threePublic/change",
            operatingCosts: "/operatingCosts/change",
          }[topic];
        }
        const key = `${path}|${y}|${s.line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        drafts.push({
          path,
          severity: self.severity,
          ...(s.line ? { line: s.line } : {}),
          message: `${year} 年的说明与 ${y} 年比较（应为 ${year - 1} 年）：「${s.text.slice(0, 80)}」${amount ? "" : ""}`,
          actual: y,
          expected: year - 1,
        });
      }
    }
    return outcome(drafts);
  },
);

/** "X万元，比上年增加A万元，增长P%": the sentence's own numbers. */
export const CLAIM = new RegExp(
  `${NUM}${UNIT}[^。；\\d]{0,16}?。?(?:较|比|与|同)[^。；\\d]{0,14}?(增加|减少|增长|下降|上升|降低)了?${NUM}${UNIT}(?:[^。；\\d%]{0,8}?(增长|下降|增加|减少|上升|降低|增幅|降幅)?[^。；\\d%]{0,3}?(\\d+(?:\\.\\d+)?)[%％])?`,
  "g",
);
const UP = /增加|增长|上升/;

export const statedRate = defineRule(
  {
    id: "TXT-002",
    family: "narrative",
    severity: "error",
    category: "增减说明",
    title: "文字中的增减率可由其金额复算",
    expects: '"X 万元，比上年增加 A 万元，增长 P%"：P = A ÷ (X − A) × 100%',
    tolerance: RATE,
  },
  (ctx, self) => {
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    for (const s of sentences) {
      for (const m of s.text.matchAll(CLAIM)) {
        if (!m[7]) continue;
        const x = textAmount(m[1]!, m[2]!);
        const a = textAmount(m[4]!, m[5]!);
        if (!x || !a) continue;
        const sign = UP.test(m[3]!) ? 1n : -1n;
        const prev = x.fen - sign * a.fen;
        const tx = halfUnit(x.places),
          ta = halfUnit(a.places);
        const rate = Number(m[7]);
        const res = checkRate(sign * a.fen, ta, prev, tx + ta, rate);
        if (!res || res.ok) continue;
        const onCurrent = checkRate(sign * a.fen, ta, x.fen, tx, rate)?.ok;
        const { subject, path } = resolveSubject(ctx, s, s.text.slice(0, m.index!), x);
        drafts.push({
          path: subject?.path ?? path,
          severity: self.severity,
          ...(s.line ? { line: s.line } : {}),
          message:
            `「${m[0]}」：上年为 ${fmt(x.fen)} ${sign > 0n ? "−" : "+"} ${fmt(a.fen)} = ${fmt(prev)} 万元，增减率应为 ${pct(res.computed)}，文字为 ${rate}%` +
            (onCurrent ? "（文字按本年数而非上年数计算了增减率）" : ""),
          actual: rate,
          expected: Math.round(res.computed * 100) / 100,
          unit: "%",
        });
      }
    }
    return outcome(drafts);
  },
);

export const impliedPrevious = defineRule(
  {
    id: "TXT-003",
    family: "narrative",
    severity: "error",
    category: "增减说明",
    title: "文字中的增减方向与金额相符",
    expects: '"X 万元，比上年增加 A 万元"：上年数 X − A 不为负；同一句不先称增加又称减少的原因',
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    for (const s of sentences) {
      for (const m of s.text.matchAll(CLAIM)) {
        const x = textAmount(m[1]!, m[2]!);
        const a = textAmount(m[4]!, m[5]!);
        if (!x || !a) continue;
        const up = UP.test(m[3]!);
        // A zero said to have increased is TXT-013's.
        if (up && x.fen === 0n) continue;
        const rest = s.text.slice(m.index! + m[0].length, m.index! + m[0].length + 20);
        const contradiction = up
          ? /^[，,]?(主要)?(减少|下降)的(主要)?原因/.test(rest)
          : /^[，,]?(主要)?(增加|增长)的(主要)?原因/.test(rest);
        const negative = up && x.fen - a.fen < -halfUnit(x.places) - halfUnit(a.places);
        if (!negative && !contradiction) continue;
        const { subject, path } = resolveSubject(ctx, s, s.text.slice(0, m.index!), x);
        drafts.push({
          path: subject?.changePath ?? subject?.path ?? path,
          severity: negative ? self.severity : "warning",
          ...(s.line ? { line: s.line } : {}),
          message: negative
            ? `「${m[0]}」：本年 ${fmt(x.fen)} 万元比上年增加 ${fmt(a.fen)} 万元，意味着上年为 ${fmt(x.fen - a.fen)} 万元（负数），应为减少`
            : `「${m[0]}${rest.slice(0, 10)}」：先称${up ? "增加" : "减少"}，又说明${up ? "减少" : "增加"}的原因`,
        });
      }
    }
    return outcome(drafts);
  },
);
