/** Amounts in the explanation agree with the tables: 三公, 机关运行经费, shares, function lines, totals. */
import { fmt, has, notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { Draft, Outcome, RuleMeta } from "../../types.ts";
import { BASIS, defineRule, RATE } from "../define.ts";
import { halfUnit, rateAgrees, toleranceOf } from "../../tolerance.ts";
import {
  NUM,
  UNIT,
  resolveSubject,
  sentencesOf,
  textAmount,
  type Sentence,
  type TextAmount,
} from "./sentences.ts";
import { functionLevel, hasCode, type FunctionLine } from "../../../model/disclosure.ts";
import type { CheckContext } from "../../context.ts";
import { threePublicTotal, threePublicVehicle } from "../arithmetic/three-public.ts";

const catalogueRule = (id: string) =>
  [threePublicTotal, threePublicVehicle].find((r) => r.id === id);

interface Named {
  label: string;
  /** The subject's words followed, with nothing but qualifiers in between, by its amount. */
  re: RegExp;
  path: string;
  value: number | undefined;
}

const QUAL = String.raw`["“”"]?(?:经费)?(?:财政拨款|一般公共预算(?:财政)?拨款)?(?:预算|支出|预算数|支出预算|预算支出)?(?:安排)?(?:为|是|共计|合计)?`;

/** A sentence speaks about this year's amount unless it names last year or another year. */
function aboutThisYear(ctx: CheckContext, s: Sentence, upto: string): boolean {
  if (/上年|去年|上一年|以前年度/.test(upto)) return false;
  if (/预算/.test(s.text) && /决算/.test(s.text)) return false;
  const years = [...upto.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  return years.every((y) => y === ctx.d.year);
}

function compareNamed(
  ctx: CheckContext,
  self: RuleMeta,
  names: Named[],
  tableConsistent = true,
): Outcome {
  const sentences = sentencesOf(ctx);
  if (!sentences.length) return notEvaluable("没有说明文字");
  const drafts: Draft[] = [];
  let compared = 0;
  for (const s of sentences) {
    for (const n of names) {
      if (!has(n.value)) continue;
      for (const m of s.text.matchAll(n.re)) {
        const upto = s.text.slice(0, m.index! + m[0].length);
        if (!aboutThisYear(ctx, s, upto)) continue;
        const a = textAmount(m[1]!, m[2]!);
        if (!a) continue;
        compared++;
        const v = ctx.fen(n.value);
        const tol = halfUnit(a.places) + toleranceOf(ctx.d, n.path, n.value);
        const diff = a.fen - v;
        if ((diff < 0n ? -diff : diff) <= tol) continue;
        drafts.push({
          // Which side is wrong is only certain when the table itself adds up.
          path: n.path,
          severity: tableConsistent ? self.severity : "warning",
          ...(s.line ? { line: s.line } : {}),
          message:
            `说明文字「${m[0]}」中${n.label}为 ${fmt(a.fen)} 万元，表中为 ${fmt(v)} 万元，差额 ${fmt(diff)} 万元` +
            (tableConsistent ? "" : "（表中各项本身不平衡，请一并核对）"),
          actual: Number(fmt(a.fen)),
          expected: n.value,
          difference: Number(fmt(diff)),
          unit: "万元",
        });
      }
    }
  }
  if (!compared) return notApplicable("说明文字未提及相应金额");
  return outcome(drafts);
}

const named = (label: string, words: string, path: string, value: number | undefined): Named => ({
  label,
  path,
  value,
  re: new RegExp(`(?<![上去]年)(?:${words})${QUAL}${NUM}${UNIT}`, "g"),
});

export const threePublicText = defineRule(
  {
    id: "TXT-004",
    family: "narrative",
    severity: "error",
    category: "三公经费",
    title: `说明中的"三公"经费金额与"三公"经费表一致`,
    expects: `说明文字中本年"三公"经费合计及各项金额 = "三公"经费表中的数`,
    tolerance: "两边各按末位半个单位",
    basis: BASIS.rules143,
  },
  (ctx, self) => {
    const t = ctx.d.threePublic;
    if (!t) return notApplicable(`未列示"三公"经费`);
    const consistent = ["ARI-010", "ARI-011"].every((id) => {
      const rule = catalogueRule(id);
      return !rule || rule.check(ctx).status !== "failed";
    });
    return compareNamed(
      ctx,
      self,
      [
        named(`"三公"经费`, `["“]?三公["”]?经费`, "/threePublic/total", t.total),
        named(
          "因公出国（境）费",
          "因公出国[（(]境[)）]费(?:用)?",
          "/threePublic/overseas",
          t.overseas,
        ),
        named(
          "公务用车购置及运行费",
          "公务用车购置及运行(?:维护)?费",
          "/threePublic/vehicle/total",
          t.vehicle?.total,
        ),
        named(
          "公务用车购置费",
          "公务用车购置费",
          "/threePublic/vehicle/purchase",
          t.vehicle?.purchase,
        ),
        named(
          "公务用车运行费",
          "公务用车运行(?:维护)?费",
          "/threePublic/vehicle/operation",
          t.vehicle?.operation,
        ),
        named("公务接待费", "公务接待费", "/threePublic/reception", t.reception),
      ],
      consistent,
    );
  },
);

export const operatingText = defineRule(
  {
    id: "TXT-005",
    family: "narrative",
    severity: "error",
    category: "机关运行经费",
    title: "说明中的机关运行经费与表中一致",
    expects: "说明文字中本年机关运行经费 = 表中机关运行经费",
    tolerance: "两边各按末位半个单位",
    basis: BASIS.budgetLaw14,
  },
  (ctx, self) => {
    const o = ctx.d.operatingCosts;
    if (!has(o?.amount)) return notApplicable("未列示机关运行经费");
    return compareNamed(ctx, self, [
      named("机关运行经费", "机关运行经费", "/operatingCosts/amount", o.amount),
    ]);
  },
);

export const totalsText = defineRule(
  {
    id: "TXT-010",
    family: "narrative",
    severity: "warning",
    category: "收支总表",
    title: "说明中的收支总计与表中一致",
    expects: "说明文字中的收入总计、支出总计（不含财政拨款口径）= 收支总表",
    tolerance: "两边各按末位半个单位",
    basis: BASIS.rules143,
  },
  (ctx, self) => {
    const inc = ctx.d.income?.total;
    if (!has(inc)) return notApplicable("未列示收入总计");
    return compareNamed(ctx, self, [
      {
        label: "收入总计",
        path: "/income/total",
        value: inc,
        re: new RegExp(
          `(?<!财政拨款)(?<!拨款)(?:收入总计|收支总计|收支总预算)${QUAL}${NUM}${UNIT}`,
          "g",
        ),
      },
    ]);
  },
);

export const shareText = defineRule(
  {
    id: "TXT-006",
    family: "narrative",
    severity: "warning",
    category: "文字说明",
    title: "文字中的占比可由金额复算",
    expects: '"合计 T 万元，主要用于：A X 万元，占 P%"：P = X ÷ T × 100%',
    tolerance: RATE,
  },
  (ctx, self) => {
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    let compared = 0;
    // Shares are listed across the sentences of one paragraph: the base is the amount before 主要用于 / 其中 / 具体.
    let base: { fen: bigint; places: number; line?: number } | undefined;
    for (const s of sentences) {
      const baseMatch = new RegExp(
        `${NUM}${UNIT}[，,：:]?(?:主要用于|其中|具体|包括|按功能分类)`,
      ).exec(s.text);
      if (baseMatch) {
        const a = textAmount(baseMatch[1]!, baseMatch[2]!);
        if (a) base = { fen: a.fen, places: a.places, line: s.line };
      } else if (base && s.line !== base.line && !/占/.test(s.text)) {
        base = undefined;
      }
      if (!base || base.fen <= 0n) continue;
      for (const m of s.text.matchAll(
        new RegExp(`${NUM}${UNIT}[，,]?占(?:比)?(?:为)?(\\d+(?:\\.\\d+)?)[%％]`, "g"),
      )) {
        const a = textAmount(m[1]!, m[2]!);
        if (!a || a.fen === base.fen) continue;
        compared++;
        const p = Number(m[3]);
        const lo =
          (Number(a.fen - halfUnit(a.places)) / Number(base.fen + halfUnit(base.places))) * 100;
        const hi =
          (Number(a.fen + halfUnit(a.places)) / Number(base.fen - halfUnit(base.places))) * 100;
        if (rateAgrees(p, lo, hi)) continue;
        const computed = (Number(a.fen) / Number(base.fen)) * 100;
        const { subject, path } = resolveSubject(ctx, s, s.text.slice(0, m.index!), a);
        drafts.push({
          path: subject?.path ?? path,
          severity: self.severity,
          ...(s.line ? { line: s.line } : {}),
          message: `「${m[0]}」：${fmt(a.fen)} ÷ ${fmt(base.fen)} = ${computed.toFixed(2)}%，文字为 ${p}%`,
          actual: p,
          expected: Math.round(computed * 100) / 100,
          unit: "%",
        });
      }
    }
    if (!compared) return notApplicable("说明文字没有可复算的占比");
    return outcome(drafts);
  },
);

const norm = (s: string) => s.replace(/[\s"“”‘’「」]/g, "");

export const functionCodeText = defineRule(
  {
    id: "TXT-007",
    family: "narrative",
    severity: "warning",
    category: "功能分类",
    title: "说明中引用的功能分类编码见于支出表",
    expects: '说明文字"名称（编码）"中的功能分类编码出现在按功能分类的支出表中',
    tolerance: "无",
    basis: BASIS.classification,
  },
  (ctx) => {
    const all = ctx.d.expenditureByFunction ?? [];
    if (all.length < 3) return notApplicable("未列示按功能分类的支出");
    const lines = all.filter(hasCode);
    if (!lines.length) return notEvaluable("支出功能分类表只印科目名称、未印科目编码");
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const codes = new Set([
      ...lines.map((l) => l.code),
      ...(ctx.d.functionalClassification ?? []).map((f) => f.code),
    ]);
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    for (const s of sentences) {
      for (const m of s.text.matchAll(/([\u4e00-\u9fa5]{2,20})[（(](\d{3}|\d{5}|\d{7})[)）]/g)) {
        const code = m[2]!;
        // Functional codes start with 2 (201–234); 3xx/5xx are economic classification codes.
        if (!code.startsWith("2") || codes.has(code) || seen.has(code)) continue;
        // Only where the table lists that 类 at all: otherwise the table (or its import) is partial.
        if (
          !lines.some((l) => l.code.length === code.length && l.code.startsWith(code.slice(0, 3)))
        )
          continue;
        seen.add(code);
        const name = norm(m[1]!).replace(/^[①-⑳\d、.]+/, "");
        // The row the text most likely meant: same name, same 类, fewest differing digits.
        const cands = lines
          .map((l, i) => ({ l, i }))
          .filter(
            ({ l }) =>
              l.code.length === code.length &&
              l.code.slice(0, 3) === code.slice(0, 3) &&
              norm(l.name).endsWith(name.slice(-Math.min(name.length, norm(l.name).length))),
          );
        const dist = (c: string) => [...c].filter((ch, k) => ch !== code[k]).length;
        cands.sort((a, b) => dist(a.l.code) - dist(b.l.code));
        const best = cands[0];
        drafts.push({
          path: best ? `/expenditureByFunction/${best.i}` : "/expenditureByFunction",
          ...(s.line ? { line: s.line } : {}),
          // A code the table lacks is a contradiction when the table has the same row under another code.
          severity: best ? "warning" : "info",
          message:
            `说明文字「${m[0]}」引用的科目编码 ${code} 不在支出表中` +
            (best ? `（表中同名科目为 ${best.l.code} ${best.l.name}）` : ""),
          actual: code,
          ...(best ? { expected: best.l.code } : {}),
        });
      }
    }
    return outcome(drafts);
  },
);

/** A function line the text names, the amount it states for it, and the wording quoted. */
interface LineMention {
  index: number;
  amount: TextAmount;
  quote: string;
}

/** "名称（项）X 万元": the line with that name at that level, when the name is unique there. */
function namedMentions(lines: FunctionLine[], text: string): LineMention[] {
  const depth: Record<string, number> = { 类: 1, 款: 2, 项: 3 };
  // Line i is under the 款 at index p: by code, or (lines without codes) printed after it
  // with no 类 or 款 between.
  const under = (i: number, p: number) => {
    const pc = lines[p]!.code;
    if (pc !== undefined) return lines[i]!.code?.startsWith(pc) === true;
    if (i <= p) return false;
    for (let j = p + 1; j < i; j++) if ((functionLevel(lines[j]!) ?? 3) <= 2) return false;
    return true;
  };
  const out: LineMention[] = [];
  const re = new RegExp(
    `(?:([\\u4e00-\\u9fa5]{2,20})[（(]款[)）])?([\\u4e00-\\u9fa5、]{2,30})[（(]([类款项])[)）]["“”]?(?:支出|为|安排)?${NUM}${UNIT}`,
    "g",
  );
  for (const m of text.matchAll(re)) {
    const name = norm(m[2]!);
    const level = depth[m[3]!]!;
    // "人大事务（款）一般行政管理事务（项）" (wild P047) names the 项 under that 款 only.
    const parent =
      m[1] && level === 3
        ? lines.findIndex((l) => functionLevel(l) === 2 && norm(l.name) === norm(m[1]!))
        : -1;
    if (m[1] && level === 3 && parent < 0) continue;
    const hits = lines
      .map((l, i) => ({ l, i }))
      .filter(
        ({ l, i }) =>
          functionLevel(l) === level && norm(l.name) === name && (parent < 0 || under(i, parent)),
      );
    const amount = textAmount(m[4]!, m[5]!);
    if (hits.length === 1 && amount) out.push({ index: hits[0]!.i, amount, quote: m[0] });
  }
  return out;
}

/**
 * "（204类）公共安全支出（06款）司法（01项）行政运行 X 万元": the code is built from the
 * bracketed digits of each level, the amount is the first one after the deepest code.
 */
function codedMentions(lines: FunctionLine[], text: string): LineMention[] {
  const out: LineMention[] = [];
  const re = new RegExp(
    `[（(](\\d{3})类[)）][^（(。；\\d]{0,20}(?:[（(](\\d{2})款[)）][^（(。；\\d]{0,20}(?:[（(](\\d{2})项[)）])?)?[^。；\\d]{0,30}?${NUM}${UNIT}`,
    "g",
  );
  for (const m of text.matchAll(re)) {
    const code = m[1]! + (m[2] ?? "") + (m[2] && m[3] ? m[3] : "");
    const index = lines.findIndex((l) => l.code === code);
    const amount = textAmount(m[4]!, m[5]!);
    if (index >= 0 && amount) out.push({ index, amount, quote: m[0] });
  }
  return out;
}

/** Whether the 功能分类 table's 类 add up to less than 支出合计 (it covers some funds only). */
function coversLess(ctx: CheckContext, lines: FunctionLine[]): boolean {
  const total = ctx.d.expenditure?.total;
  if (!has(total)) return false;
  const classes = lines.filter((l) => functionLevel(l) === 1);
  // Lines without code or level: the 类 are not known, nor what the table covers.
  if (!classes.length && lines.some((l) => !hasCode(l))) return false;
  const sum = classes.reduce((s, l) => s + ctx.fen(l.total), 0n);
  // More than the rounding of its lines (half of 0.01 万元 each) short of 支出合计.
  return ctx.fen(total) - sum > BigInt(classes.length + 1) * 5_000n;
}

export const functionAmountText = defineRule(
  {
    id: "TXT-008",
    family: "narrative",
    severity: "warning",
    category: "功能分类",
    title: "说明中功能分类科目的金额与支出表一致",
    expects:
      '说明文字"…（项）X 万元"或"（204类）…（06款）…（01项）… X 万元"的金额等于支出表中该科目的合计、基本支出或项目支出之一',
    tolerance:
      "两边各按末位半个单位；文字把表中数字按其位数截断（如 78.2164 写作 78.21）也视为一致",
  },
  (ctx, self) => {
    const lines = ctx.d.expenditureByFunction ?? [];
    if (!lines.length) return notApplicable("未列示按功能分类的支出");
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    let compared = 0;
    const partial = coversLess(ctx, lines);
    for (const s of sentences) {
      for (const { index: i, amount: a, quote } of [
        ...namedMentions(lines, s.text),
        ...codedMentions(lines, s.text),
      ]) {
        const l = lines[i]!;
        const values = [l.total, l.basic, l.project].filter(has);
        // A table of 一般公共预算 only, and a text that speaks of all spending (支出预算总计 …,
        // wild P175 and the 无锡 template): the text's larger figure counts other funds too.
        if (partial && values.every((v) => ctx.fen(v) < a.fen)) continue;
        compared++;
        const unit = 2n * halfUnit(a.places);
        const ok = values.some((v) => {
          const d = ctx.fen(v) - a.fen;
          const tol =
            halfUnit(a.places) + toleranceOf(ctx.d, `/expenditureByFunction/${i}/total`, v);
          // Some documents cut the table's figure to the text's decimals instead of rounding it
          // (table 78.2164, text 78.21): a printing convention, not a contradiction.
          const truncated = v >= 0 && d >= 0n && d < unit;
          return (d <= tol && -d <= tol) || truncated;
        });
        if (ok) continue;
        drafts.push({
          path: `/expenditureByFunction/${i}`,
          severity: self.severity,
          ...(s.line ? { line: s.line } : {}),
          message: `说明文字「${quote.slice(-60)}」为 ${fmt(a.fen)} 万元，支出表中 ${l.code ? `${l.code} ` : ""}${l.name} 为 ${values.join(" / ")} 万元`,
          actual: Number(fmt(a.fen)),
          expected: l.total,
          unit: "万元",
        });
      }
    }
    if (!compared) return notApplicable("说明文字没有按科目列示金额");
    return outcome(drafts);
  },
);

const FISCAL = new Set(["generalBudget", "governmentFund", "stateCapital", "fiscalUnsplit"]);

export const fiscalTotalText = defineRule(
  {
    id: "TXT-009",
    family: "narrative",
    severity: "warning",
    category: "财政拨款",
    title: "说明中的财政拨款收支总额与收入构成一致",
    expects:
      "说明文字中的财政拨款收支总额 = 财政拨款收入（一般公共预算、政府性基金、国有资本经营）或其与上年结转之和",
    tolerance: "两边各按末位半个单位",
    basis: BASIS.rules143,
  },
  (ctx, self) => {
    const items = ctx.d.income?.items ?? [];
    const fiscal = items.filter((it) => FISCAL.has(it.source));
    if (!fiscal.length) return notApplicable("收入中未列示财政拨款收入");
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const f = fiscal.reduce((s, it) => s + ctx.fen(it.amount), 0n);
    const carry = items
      .filter((it) => it.source === "carryOver")
      .reduce((s, it) => s + ctx.fen(it.amount), 0n);
    const carried = items.filter((it) => it.source === "carryOver");
    // Rounding: half a unit of the last printed digit of each addend (and of the text's figure, below).
    const tolF = fiscal.reduce((s, it) => s + toleranceOf(ctx.d, undefined, it.amount), 0n);
    const tolC = carried.reduce((s, it) => s + toleranceOf(ctx.d, undefined, it.amount), 0n);
    const drafts: Draft[] = [];
    let compared = 0;
    const re = new RegExp(
      `财政拨款收[入支]{1,2}[^。；\\d]{0,6}?总(?:预算|计|额)[^。；\\d]{0,6}?${NUM}${UNIT}`,
      "g",
    );
    for (const s of sentences) {
      for (const m of s.text.matchAll(re)) {
        const a = textAmount(m[1]!, m[2]!);
        if (!a) continue;
        compared++;
        const near = (x: bigint, t: bigint) =>
          x - a.fen <= t + halfUnit(a.places) && a.fen - x <= t + halfUnit(a.places);
        if (near(f, tolF) || near(f + carry, tolF + tolC)) continue;
        drafts.push({
          path: "/income",
          severity: self.severity,
          ...(s.line ? { line: s.line } : {}),
          message:
            `说明文字「${m[0]}」为 ${fmt(a.fen)} 万元，而财政拨款收入 ${fmt(f)} 万元` +
            (carry ? `、加上年结转 ${fmt(carry)} 万元为 ${fmt(f + carry)} 万元` : ""),
          actual: Number(fmt(a.fen)),
          expected: Number(fmt(f + carry)),
          unit: "万元",
        });
      }
    }
    if (!compared) return notApplicable("说明文字未提及财政拨款收支总额");
    return outcome(drafts);
  },
);
