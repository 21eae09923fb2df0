/**
 * Final accounts (决算) state each line as "年初预算 B 万元，支出决算 F 万元，完成年初预算的 P%"
 * and then explain why "决算数大于 / 小于 / 等于预算数". The rate follows from F and B (a
 * budget of zero has no completion rate), and the wording from their order.
 */
import { fmt, notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { checkRate, pct } from "../change/rate.ts";
import { defineRule, RATE } from "../define.ts";
import { halfUnit } from "../../tolerance.ts";
import {
  NUM,
  UNIT,
  resolveSubject,
  sentencesOf,
  textAmount,
  type TextAmount,
} from "./sentences.ts";

/** One "预算 B，决算 F（，完成预算的 P%）" statement and the 大于/小于/等于 wording after it. */
interface Completion {
  text: string;
  index: number;
  budget: TextAmount;
  actual: TextAmount;
  rate?: number;
  rateText?: string;
  wording?: "大于" | "小于" | "等于";
}

const STATEMENT = new RegExp(
  `(?:年初)?预算(?:数)?(?:为|是)?${NUM}${UNIT}[，,]?(?:支出)?决算(?:数)?(?:为|是)?${NUM}${UNIT}(?:[，,]?完成(?:年初)?预算(?:的)?(\\d+(?:\\.\\d+)?)[%％])?`,
  "g",
);
const WORDING = /决算数?(大于|小于|等于|高于|低于|超过)(?:年初)?预算数?/;

function completions(text: string, next: string | undefined): Completion[] {
  const out: Completion[] = [];
  const all = [...text.matchAll(STATEMENT)];
  all.forEach((m, k) => {
    const budget = textAmount(m[1]!, m[2]!);
    const actual = textAmount(m[3]!, m[4]!);
    if (!budget || !actual) return;
    // The wording belongs to this statement when it comes before the next statement.
    const end = all[k + 1]?.index ?? text.length;
    const rest = text.slice(m.index! + m[0].length, end);
    const w = WORDING.exec(rest) ?? (k === all.length - 1 && next ? WORDING.exec(next) : null);
    const word = w?.[1];
    out.push({
      text: m[0],
      index: m.index!,
      budget,
      actual,
      ...(m[5] ? { rate: Number(m[5]), rateText: m[5] } : {}),
      ...(word
        ? {
            wording:
              word === "高于" || word === "超过"
                ? "大于"
                : word === "低于"
                  ? "小于"
                  : (word as Completion["wording"]),
          }
        : {}),
    });
  });
  return out;
}

export const completionRate = defineRule(
  {
    id: "TXT-022",
    family: "narrative",
    severity: "error",
    category: "决算说明",
    title: "决算完成预算的比例可由金额复算",
    expects:
      '"年初预算 B 万元，支出决算 F 万元，完成年初预算的 P%"：P = F ÷ B × 100%；B 为零时不写完成比例',
    tolerance: RATE,
  },
  (ctx, self) => {
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    let compared = 0;
    sentences.forEach((s, i) => {
      for (const c of completions(s.text, sentences[i + 1]?.text)) {
        if (c.rate === undefined) continue;
        compared++;
        const { path } = resolveSubject(ctx, s, s.text.slice(0, c.index), c.actual);
        const at = { path, severity: self.severity, ...(s.line ? { line: s.line } : {}) };
        if (c.budget.fen === 0n) {
          drafts.push({
            ...at,
            message: `说明文字「${c.text}」：年初预算为零，不能写完成预算的 ${c.rate}%`,
            actual: c.rate,
          });
          continue;
        }
        // P% of B is F: the "change" is F and the "previous" B in checkRate's terms.
        const res = checkRate(
          c.actual.fen,
          halfUnit(c.actual.places),
          c.budget.fen,
          halfUnit(c.budget.places),
          c.rate,
        );
        if (!res || res.ok) continue;
        drafts.push({
          ...at,
          message: `说明文字「${c.text}」：${fmt(c.actual.fen)} ÷ ${fmt(c.budget.fen)} = ${pct(res.computed)}，文字为 ${c.rate}%`,
          actual: c.rate,
          expected: Math.round(res.computed * 100) / 100,
          unit: "%",
        });
      }
    });
    if (!compared) return notApplicable("说明文字没有完成预算的比例");
    return outcome(drafts);
  },
);

export const comparisonWording = defineRule(
  {
    id: "TXT-023",
    family: "narrative",
    severity: "error",
    category: "决算说明",
    title: "决算数大于、小于或等于预算数的说法与金额相符",
    expects:
      '"年初预算 B 万元，支出决算 F 万元……决算数大于（小于、等于）预算数的主要原因"：F 与 B 的大小与说法一致',
    tolerance: "两个金额各按末位半个单位",
  },
  (ctx, self) => {
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    let compared = 0;
    sentences.forEach((s, i) => {
      for (const c of completions(s.text, sentences[i + 1]?.text)) {
        if (!c.wording) continue;
        compared++;
        const d = c.actual.fen - c.budget.fen;
        const tol = halfUnit(c.actual.places) + halfUnit(c.budget.places);
        const truth = d > tol ? "大于" : d < -tol ? "小于" : "等于";
        // Within rounding the two may be called equal or either way.
        if (truth === c.wording || (-tol <= d && d <= tol)) continue;
        const { path } = resolveSubject(ctx, s, s.text.slice(0, c.index), c.actual);
        drafts.push({
          path,
          severity: self.severity,
          ...(s.line ? { line: s.line } : {}),
          message: `说明文字「${c.text}」称决算数${c.wording}预算数，而决算 ${fmt(c.actual.fen)} 万元${truth}预算 ${fmt(c.budget.fen)} 万元`,
          actual: c.wording,
          expected: truth,
        });
      }
    });
    if (!compared) return notApplicable("说明文字没有决算数与预算数的比较");
    return outcome(drafts);
  },
);
