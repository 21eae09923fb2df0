/**
 * Changes the text states more than once: one amount compared with the same base is not said
 * to have changed by two different amounts, and the changes stated for the 项 of a 类 add up
 * to the change stated for the 类 when the 项 listed make up the whole 类.
 */
import { fmt, notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { CheckContext } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { hasCode } from "../../../model/disclosure.ts";
import { defineRule, ROUNDING } from "../define.ts";
import { halfUnit } from "../../tolerance.ts";
import { CLAIM } from "./changes.ts";
import {
  NUM,
  UNIT,
  resolveSubject,
  sentencesOf,
  textAmount,
  type TextAmount,
} from "./sentences.ts";

const UP = /增加|增长|上升/;
const abs = (x: bigint) => (x < 0n ? -x : x);

interface Stated {
  amount: TextAmount;
  change: bigint;
  changeTol: bigint;
  base: string;
  /** The words naming the amount, just before it ("支出预算", "公务接待费"). */
  subject: string;
  text: string;
  line?: number;
  index: number;
  sentence: ReturnType<typeof sentencesOf>[number];
}

/** The clause's words before an amount, without the year, the department and linking words. */
function subjectWords(before: string): string {
  const clause = before.split(/[，。；：:,;、]/).pop() ?? "";
  return clause
    .replace(/^.*?\d{4}年度?/, "")
    .replace(/^(本部门|本单位|我局|我委|我办|全局|部门|单位)/, "")
    .replace(/(为|是|共计|合计|总计|安排|共)$/, "")
    .slice(-8);
}

/** Every "X 万元，比上年增加 A 万元" of the text, with the words naming what it is compared with. */
function statedChanges(ctx: CheckContext): Stated[] {
  const out: Stated[] = [];
  for (const s of sentencesOf(ctx)) {
    for (const m of s.text.matchAll(CLAIM)) {
      const x = textAmount(m[1]!, m[2]!);
      const a = textAmount(m[4]!, m[5]!);
      if (!x || !a || x.fen === 0n) continue;
      const between = /(?:较|比|与|同)([^。；\d]{0,14}?)(?:增加|减少|增长|下降|上升|降低)/.exec(
        m[0],
      );
      out.push({
        amount: x,
        change: UP.test(m[3]!) ? a.fen : -a.fen,
        changeTol: halfUnit(a.places),
        base: (between?.[1] ?? "").replace(/相比|[，,]/g, ""),
        subject: subjectWords(s.text.slice(0, m.index!)),
        text: m[0],
        ...(s.line ? { line: s.line } : {}),
        index: m.index!,
        sentence: s,
      });
    }
  }
  return out;
}

export const conflictingChanges = defineRule(
  {
    id: "TXT-024",
    family: "narrative",
    severity: "warning",
    category: "增减说明",
    title: "同一金额的增减额前后一致",
    expects:
      '说明文字中同一事项（部门收支总额，或同样名称的同一金额）在同一比较口径（"比上年" / "比上年执行数"）下的增减额处处相同',
    tolerance: ROUNDING,
  },
  (ctx) => {
    if (!sentencesOf(ctx).length) return notEvaluable("没有说明文字");
    const groups = new Map<string, Stated[]>();
    // The department's total (收入 = 支出 in a budget): every statement of it has last year's total as base.
    const totals = [ctx.d.income?.total, ctx.d.expenditure?.total]
      .filter((v): v is number => typeof v === "number" && v > 0)
      .map((v) => ctx.fen(v));
    for (const c of statedChanges(ctx)) {
      const isTotal = totals.some((t) => abs(t - c.amount.fen) <= halfUnit(c.amount.places));
      // Otherwise only the same thing said twice: same amount, same words naming it, same base.
      if (!isTotal && c.subject.length < 2) continue;
      const key = isTotal
        ? `total|${c.amount.fen}|${c.base}`
        : `${c.amount.fen}|${c.subject}|${c.base}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const drafts: Draft[] = [];
    let compared = 0;
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      compared++;
      const first = list[0]!;
      // The same change printed to other decimals (16.627 and 16.62) is the same change.
      const unit = (c: Stated) =>
        2n * (c.changeTol > first.changeTol ? c.changeTol : first.changeTol);
      const other = list.find((c) => abs(c.change - first.change) > unit(c));
      if (!other) continue;
      const { subject, path } = resolveSubject(
        ctx,
        other.sentence,
        other.sentence.text.slice(0, other.index),
        other.amount,
      );
      drafts.push({
        path: subject?.changePath ?? subject?.path ?? path,
        ...(other.line ? { line: other.line } : {}),
        message: `同一金额 ${fmt(first.amount.fen)} 万元的增减说明前后不一：第 ${first.line ?? "?"} 行「${first.text}」为 ${fmt(first.change)} 万元，第 ${other.line ?? "?"} 行「${other.text}」为 ${fmt(other.change)} 万元`,
        actual: Number(fmt(other.change)),
        expected: Number(fmt(first.change)),
        unit: "万元",
      });
    }
    if (!compared) return notApplicable("没有重复说明的增减额");
    return outcome(drafts);
  },
);

interface LineClaim {
  code: string;
  name: string;
  amount: TextAmount;
  change: bigint;
  tol: bigint;
  line?: number;
}

const LEVEL_DIGITS: Record<string, number> = { 类: 3, 项: 7 };
const norm = (s: string) => s.replace(/[\s"“”‘’「」]/g, "");

/** "名称（类/项）支出 X 万元，与上年相比增加 A 万元", tied to the table's code by its unique name. */
function lineClaims(ctx: CheckContext): LineClaim[] {
  const lines = (ctx.d.expenditureByFunction ?? []).filter(hasCode);
  const re = new RegExp(
    `([\\u4e00-\\u9fa5、]{2,30})[（(]([类项])[)）]["“”]?(?:支出)?(?:为|安排)?${NUM}${UNIT}[^；\\d]{0,60}?(?:比|较|与)上年[^。；\\d]{0,8}?(增加|减少)${NUM}${UNIT}`,
    "g",
  );
  const out: LineClaim[] = [];
  const seen = new Set<string>();
  for (const s of sentencesOf(ctx)) {
    for (const m of s.text.matchAll(re)) {
      const name = norm(m[1]!).replace(/^.*(?:[（(][款类][)）])/, "");
      const digits = LEVEL_DIGITS[m[2]!]!;
      const hits = lines.filter((l) => l.code.length === digits && norm(l.name) === name);
      if (hits.length !== 1 || seen.has(hits[0]!.code)) continue;
      const x = textAmount(m[3]!, m[4]!);
      const a = textAmount(m[6]!, m[7]!);
      if (!x || !a) continue;
      seen.add(hits[0]!.code);
      out.push({
        code: hits[0]!.code,
        name,
        amount: x,
        change: m[5] === "增加" ? a.fen : -a.fen,
        tol: halfUnit(a.places) + halfUnit(x.places),
        ...(s.line ? { line: s.line } : {}),
      });
    }
  }
  return out;
}

export const itemChangesSum = defineRule(
  {
    id: "TXT-025",
    family: "narrative",
    severity: "warning",
    category: "功能分类",
    title: "类的增减额与其下各项的增减额相符",
    expects:
      "说明文字逐项说明某类下本年全部项级科目（各项金额之和等于该类金额）时，该类的增减额不大于各项增减额之和（本年为零的项不说明，只会使类的增减额更小）",
    tolerance: ROUNDING,
  },
  (ctx) => {
    const lines = ctx.d.expenditureByFunction ?? [];
    if (!lines.length) return notApplicable("未列示按功能分类的支出");
    // Which 项 fall under which 类 is read from the codes.
    if (!lines.some(hasCode)) return notEvaluable("支出功能分类表只印科目名称、未印科目编码");
    if (!sentencesOf(ctx).length) return notEvaluable("没有说明文字");
    const claims = lineClaims(ctx);
    const drafts: Draft[] = [];
    let compared = 0;
    for (const cls of claims.filter((c) => c.code.length === 3)) {
      const items = claims.filter((c) => c.code.length === 7 && c.code.startsWith(cls.code));
      if (!items.length) continue;
      const sumAmount = items.reduce((s, c) => s + c.amount.fen, 0n);
      const amountTol = items.reduce(
        (s, c) => s + halfUnit(c.amount.places),
        halfUnit(cls.amount.places),
      );
      // Only when the 项 described make up the whole 类.
      if (abs(sumAmount - cls.amount.fen) > amountTol) continue;
      compared++;
      const sumChange = items.reduce((s, c) => s + c.change, 0n);
      const tol = items.reduce((s, c) => s + c.tol, cls.tol);
      // A 项 that fell to zero is not described but lowers the 类's change: the 类 may change
      // by less than its listed 项, never by more.
      if (cls.change <= sumChange + tol) continue;
      const i = (ctx.d.expenditureByFunction ?? []).findIndex((l) => l.code === cls.code);
      drafts.push({
        path: `/expenditureByFunction/${i}`,
        ...(cls.line ? { line: cls.line } : {}),
        message: `说明文字中${cls.name}（类）比上年${cls.change >= 0n ? "增加" : "减少"} ${fmt(abs(cls.change))} 万元，而其下各项（${items.map((c) => c.name).join("、")}）增减额之和为 ${fmt(sumChange)} 万元`,
        actual: Number(fmt(cls.change)),
        expected: Number(fmt(sumChange)),
        unit: "万元",
      });
    }
    if (!compared) return notApplicable("说明文字没有逐项说明某类的增减");
    return outcome(drafts);
  },
);
