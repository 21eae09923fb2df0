/**
 * Figures the text states against the tables: a zero total against a non-zero table, an amount
 * written in 元 that is the table's 万元 figure, the parts of 基本支出 and each project's amount,
 * and one total said to have changed by two different amounts.
 */
import { fmt, has, notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { CheckContext } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { BASIS, defineRule } from "../define.ts";
import { halfUnit, toleranceOf } from "../../tolerance.ts";
import { NUM, UNIT, sentencesOf, subjectsOf, textAmount, type TextAmount } from "./sentences.ts";

const abs = (x: bigint) => (x < 0n ? -x : x);

/** Equal within rounding, or the table's figure cut to the text's decimals (96513.216 → 96513.21). */
function agrees(ctx: CheckContext, a: TextAmount, path: string, value: number): boolean {
  const d = ctx.fen(value) - a.fen;
  if (abs(d) <= halfUnit(a.places) + toleranceOf(ctx.d, path, value)) return true;
  return value >= 0 && d >= 0n && d < 2n * halfUnit(a.places);
}

export const zeroTotalText = defineRule(
  {
    id: "TXT-018",
    family: "narrative",
    severity: "error",
    category: "收支总表",
    title: "说明不把有数的收支总计写成零",
    expects: '说明文字"收入（支出）总计 0 万元"时，收支总表的总计也为零',
    tolerance: "无",
    basis: BASIS.rules143,
  },
  (ctx, self) => {
    const total = ctx.d.income?.total ?? ctx.d.expenditure?.total;
    if (!has(total)) return notApplicable("未列示收支总计");
    if (total === 0) return notApplicable("收支总计为零");
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const re = new RegExp(
      `(?<!基金|国有资本经营|结转|结余|财政拨款|专户)(收入|支出|收支)(?:预算)?(总计|合计|总额|总预算)(?:均)?(?:为|是)?(?<![\\d.])0(?:\\.0+)?${UNIT}`,
      "g",
    );
    const drafts: Draft[] = [];
    for (const s of sentences) {
      if (/决算|上年|\d{4}年(?:度)?(?:预算|决算)?[^。]{0,4}(?:比|较)/.test(s.text.slice(0, 8)))
        continue;
      for (const m of s.text.matchAll(re)) {
        // Only the whole: a clause naming a fund or source ("其他资金收入预算总计0万元") is a component.
        const clause =
          s.text
            .slice(0, m.index!)
            .split(/[，。；：:,;]|\d[.．、]/)
            .pop() ?? "";
        if (
          /资金|拨款|基金|资本|专户|结转|结余|其他|事业|经营|财政|上年|采购|三公|经费|项目|基本|人员|公用|会议|培训/.test(
            clause,
          )
        )
          continue;
        drafts.push({
          path: "/income/total",
          severity: self.severity,
          ...(s.line ? { line: s.line } : {}),
          message: `说明文字「${m[0]}」写作零，而收支总表的总计为 ${total} 万元`,
          actual: 0,
          expected: total,
          unit: "万元",
        });
      }
    }
    return outcome(drafts);
  },
);

export const wrongUnitText = defineRule(
  {
    id: "TXT-019",
    family: "narrative",
    severity: "warning",
    category: "文字说明",
    title: "说明中的金额单位与表中一致",
    expects: '说明文字中"X 元"的 X 不恰是表中以万元计的同一金额（应写作"X 万元"）',
    tolerance: "数字逐位相同",
  },
  (ctx) => {
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const subjects = subjectsOf(ctx).filter((s) => Math.abs(s.value) >= 1);
    const drafts: Draft[] = [];
    const re = new RegExp(`${NUM}元`, "g");
    for (const s of sentences) {
      for (const m of s.text.matchAll(re)) {
        // "万元" / "亿元" / "千元" are other units; "X元/人" is a standard.
        const prev = s.text[m.index! + m[0].length - 2];
        if (
          prev === "万" ||
          prev === "亿" ||
          prev === "千" ||
          s.text[m.index! + m[0].length] === "/"
        )
          continue;
        const asWan = textAmount(m[1]!, "万元");
        const asYuan = textAmount(m[1]!, "元");
        if (!asWan || !asYuan || asWan.places < 2) continue;
        const before = s.text.slice(Math.max(0, m.index! - 30), m.index!);
        const hit = subjects.find(
          (x) =>
            ctx.fen(x.value) === asWan.fen &&
            x.names.some((n) => n && before.includes(n)) &&
            !subjects.some((y) => abs(ctx.fen(y.value) - asYuan.fen) <= 5000n),
        );
        if (!hit) continue;
        drafts.push({
          path: hit.path,
          ...(s.line ? { line: s.line } : {}),
          message: `说明文字「${before.slice(-12)}${m[0]}」写作 ${m[1]} 元，表中该项为 ${hit.value} 万元：单位应为万元`,
          actual: `${m[1]}元`,
          expected: `${hit.value}万元`,
        });
      }
    }
    return outcome(drafts);
  },
);

interface PartName {
  label: string;
  words: string;
  path: string;
  values: number[];
}

/** 基本支出's parts and each project, with every table value the text may legitimately mean. */
function partNames(ctx: CheckContext): PartName[] {
  const e = ctx.d.expenditure;
  const econ = ctx.d.basicByEconomic ?? [];
  const sum = (k: "personnel" | "publicOperating") =>
    econ.filter((l) => l.code.length === 3).reduce((a, l) => a + (l[k] ?? 0), 0);
  const out: PartName[] = [];
  const push = (label: string, words: string, path: string, vs: (number | undefined)[]) => {
    const values = vs.filter(has);
    if (values.length) out.push({ label, words, path, values });
  };
  const classes = econ.some((l) => l.code.length === 3);
  push("人员经费", "人员经费", "/expenditure/personnel", [
    e?.personnel,
    classes ? sum("personnel") : undefined,
  ]);
  push("公用经费", "(?:日常)?公用经费", "/expenditure/publicOperating", [
    e?.publicOperating,
    classes ? sum("publicOperating") : undefined,
  ]);
  return out;
}

export const basicPartsText = defineRule(
  {
    id: "TXT-020",
    family: "narrative",
    severity: "warning",
    category: "基本支出",
    title: "说明中的人员经费、公用经费与表中一致",
    expects:
      "说明文字中本年人员经费、公用经费 = 支出表（或一般公共预算基本支出表）中的人员经费、公用经费",
    tolerance: "两边各按末位半个单位",
    basis: BASIS.regulation6,
  },
  (ctx) => {
    const names = partNames(ctx);
    if (!names.length) return notApplicable("未列示人员经费、公用经费");
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    let compared = 0;
    for (const s of sentences) {
      // Last year's figures, and the parts of one function line ("…科目 83 万元，主要用于人员经费 18 万元").
      if (/上年|去年|决算|执行|科目|[（(][类款项][)）]|用于/.test(s.text)) continue;
      for (const n of names) {
        const re = new RegExp(
          `(?<!财政拨款)(?<!上年)(?:${n.words})(?:支出)?(?:预算)?(?:为|是|安排)?${NUM}${UNIT}`,
          "g",
        );
        for (const m of s.text.matchAll(re)) {
          const a = textAmount(m[1]!, m[2]!);
          if (!a) continue;
          compared++;
          const near = n.values.some((v) => agrees(ctx, a, n.path, v));
          if (near) continue;
          drafts.push({
            path: n.path,
            ...(s.line ? { line: s.line } : {}),
            message: `说明文字「${m[0]}」中${n.label}为 ${fmt(a.fen)} 万元，表中为 ${n.values.join(" / ")} 万元`,
            actual: Number(fmt(a.fen)),
            expected: n.values[0]!,
            unit: "万元",
          });
        }
      }
    }
    if (!compared) return notApplicable("说明文字未提及人员经费、公用经费金额");
    return outcome(drafts);
  },
);

export const projectAmountText = defineRule(
  {
    id: "TXT-021",
    family: "narrative",
    severity: "warning",
    category: "项目绩效",
    title: "说明中的项目金额与项目绩效目标表一致",
    expects: '说明文字"某某项目 X 万元"（项目名称与绩效目标表完全相同）的 X = 该表的预算数',
    tolerance: "两边各按末位半个单位",
    basis: BASIS.perf88,
  },
  (ctx) => {
    const projects = (ctx.d.performance?.projects ?? [])
      .map((p, i) => ({ name: p.name.replace(/\s+/g, ""), budget: p.budget, i }))
      .filter((p) => has(p.budget) && p.name.length >= 4);
    if (!projects.length) return notApplicable("没有列示预算数的项目");
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    let compared = 0;
    for (const s of sentences) {
      if (/上年|去年|决算|执行/.test(s.text)) continue;
      for (const p of projects) {
        const at = s.text.indexOf(p.name);
        if (at < 0) continue;
        const after = s.text.slice(at + p.name.length, at + p.name.length + 24);
        const m = new RegExp(`^(?:项目)?(?:资金|经费|预算)?(?:为|安排)?${NUM}${UNIT}`).exec(after);
        if (!m) continue;
        const a = textAmount(m[1]!, m[2]!);
        if (!a) continue;
        compared++;
        const path = `/performance/projects/${p.i}/budget`;
        if (agrees(ctx, a, path, p.budget!)) continue;
        drafts.push({
          path,
          ...(s.line ? { line: s.line } : {}),
          message: `说明文字「${p.name}${m[0]}」为 ${fmt(a.fen)} 万元，项目绩效目标表中该项目预算数为 ${p.budget} 万元`,
          actual: Number(fmt(a.fen)),
          expected: p.budget!,
          unit: "万元",
        });
      }
    }
    if (!compared) return notApplicable("说明文字未提及项目金额");
    return outcome(drafts);
  },
);
