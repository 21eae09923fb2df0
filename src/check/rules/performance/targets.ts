/**
 * Project target tables against what surrounds them: a 成本指标 cannot exceed the project's
 * funds, and the explanation's count of projects with published targets matches the tables.
 */
import { fmt, has, notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { BASIS, defineRule, EXACT } from "../define.ts";
import { parseAmount } from "../../../model/amount.ts";
import { NUM, UNIT, sentencesOf, textAmount } from "../narrative/sentences.ts";
import { halfUnit, toleranceOf } from "../../tolerance.ts";

const COST_UNITS: Record<string, "元" | "万元" | "亿元"> = {
  元: "元",
  万元: "万元",
  亿元: "亿元",
};

export const costWithinFunds = defineRule(
  {
    id: "PRF-027",
    family: "performance",
    severity: "warning",
    category: "项目绩效",
    title: "成本指标不超过项目资金总额",
    expects: "项目绩效目标表中以金额计的项目总成本指标（总成本、成本控制）≤ 该项目的资金总额",
    tolerance: "资金总额按末位半个单位；指标值单位为元、万元或亿元",
    basis: BASIS.perf101,
  },
  (ctx) => {
    const projects = ctx.d.performance?.projects ?? [];
    const drafts: Draft[] = [];
    let compared = 0;
    projects.forEach((p, i) => {
      if (!has(p.budget) || p.budget <= 0) return;
      p.indicators?.forEach((ind, k) => {
        if (!/成本/.test(ind.level2 + ind.level1)) return;
        const unit = COST_UNITS[(ind.target.unit ?? "").trim()];
        if (!unit || !has(ind.target.value) || ind.target.op === ">=" || ind.target.op === ">")
          return;
        // Per-unit costs ("每人…元", "单价") are not totals.
        if (/每|单价|人均|标准|平均|单位成本/.test(ind.name)) return;
        // Only the project's whole cost: a part's cost above the funds is far more often an
        // indicator row read into the wrong project than a defect of the document.
        if (!/总|项目|全部|整体|合计|成本控制/.test(ind.name)) return;
        const fen = parseAmount(String(ind.target.value), unit);
        if (fen === undefined) return;
        compared++;
        // The funds are printed rounded (13.20 may be 13.2012).
        const path = `/performance/projects/${i}/budget`;
        if (fen <= ctx.fen(p.budget!) + toleranceOf(ctx.d, path, p.budget!)) return;
        drafts.push({
          path: `/performance/projects/${i}/indicators/${k}/target`,
          message: `项目「${p.name}」的成本指标「${ind.name}」为 ${ind.target.raw}（${fmt(fen)} 万元），超过该项目预算数 ${p.budget} 万元`,
          actual: Number(fmt(fen)),
          expected: `≤ ${p.budget}`,
          unit: "万元",
          related: [`/performance/projects/${i}/budget`],
        });
      });
    });
    if (!compared) return notApplicable("没有以金额计的成本指标");
    return outcome(drafts);
  },
);

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function countOf(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s];
  return undefined;
}

/** "…，涉及财政性资金合计 X 万元" right after the count. */
function statedTotalAfter(rest: string) {
  const m = new RegExp(
    `^[^。；\\d]{0,16}?(?:资金|金额|预算)(?:合计|共计|总额)?(?:为)?${NUM}${UNIT}`,
  ).exec(rest);
  return m ? textAmount(m[1]!, m[2]!) : undefined;
}

export const projectCountText = defineRule(
  {
    id: "PRF-028",
    family: "performance",
    severity: "warning",
    category: "项目绩效",
    title: "说明中公开绩效目标的项目个数和资金与绩效目标表一致",
    expects:
      '说明文字"公开 N 个项目绩效目标"等于项目绩效目标表的个数；"编报 / 纳入 N 个项目"不少于表的个数（可只公开部分项目）；个数相同时，随后所述"涉及资金 X 万元"等于各表预算数之和',
    tolerance: EXACT,
    basis: BASIS.perf88,
  },
  (ctx) => {
    const projects = ctx.d.performance?.projects ?? [];
    const tables = projects.length;
    if (!tables) return notApplicable("没有项目绩效目标表");
    const sentences = sentencesOf(ctx);
    if (!sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    let compared = 0;
    const re =
      /(公开|编报|纳入|设置|申报|共)[^。；\d一二三四五六七八九十]{0,8}(\d+|[一二两三四五六七八九十])个(?:重点)?项目(?:的)?(?:绩效目标|纳入绩效|绩效)/g;
    for (const s of sentences) {
      for (const m of s.text.matchAll(re)) {
        const n = countOf(m[2]!);
        if (n === undefined) continue;
        compared++;
        const published = m[1] === "公开";
        if (n === tables) {
          const total = statedTotalAfter(s.text.slice(m.index! + m[0].length));
          const budgets = projects.filter((p) => has(p.budget));
          if (total && budgets.length === tables) {
            const sum = budgets.reduce((a, p) => a + ctx.fen(p.budget!), 0n);
            const tol = halfUnit(total.places) + BigInt(budgets.length) * halfUnit(2);
            const d = sum - total.fen;
            if ((d < 0n ? -d : d) > tol)
              drafts.push({
                path: "/performance/projects",
                ...(s.line ? { line: s.line } : {}),
                message: `说明文字「${m[0]}」所述 ${n} 个项目的资金 ${fmt(total.fen)} 万元，与项目绩效目标表预算数之和 ${fmt(sum)} 万元不符`,
                actual: Number(fmt(total.fen)),
                expected: Number(fmt(sum)),
                unit: "万元",
              });
          }
          continue;
        }
        if (!published && n >= tables) continue;
        drafts.push({
          path: "/performance/projects",
          ...(s.line ? { line: s.line } : {}),
          message: `说明文字「${m[0]}」为 ${n} 个项目，文件中的项目绩效目标表为 ${tables} 个`,
          actual: n,
          expected: tables,
        });
      }
    }
    if (!compared) return notApplicable("说明文字未提及项目个数");
    return outcome(drafts);
  },
);

const QUANTITY_UNITS = "辆|台|套|人次|人|次|场|期|家|所|项|个|份|篇|件|户|条|公里|平方米|万元";

/** How many characters just before a goal's number ("…调查问卷" 8次) the indicator's name contains. */
function sharedRun(name: string, before: string): number {
  const words = before.replace(/(数|为|达|共|约|达到)$/, "");
  let best = 0;
  for (let n = 1; n <= words.length && name.includes(words.slice(-n)); n++) best = n;
  return best;
}

export const goalAgreesWithIndicators = defineRule(
  {
    id: "PRF-029",
    family: "performance",
    severity: "warning",
    category: "项目绩效",
    title: "项目绩效目标与其指标的数量一致",
    expects:
      '绩效目标"发布各类信息 1400 期"与同名指标"发布各类信息 60 期"的数量相符：指标为"="或未写符号时相等，"≥"时目标不小于、"≤"时目标不大于指标值',
    tolerance: EXACT,
    basis: BASIS.perf101,
  },
  (ctx) => {
    const projects = ctx.d.performance?.projects ?? [];
    const drafts: Draft[] = [];
    let compared = 0;
    projects.forEach((p, i) => {
      const goal = (p.goals ?? []).join("。").replace(/\s+/g, "");
      if (!goal) return;
      const mentions = [...goal.matchAll(new RegExp(`(\\d+(?:\\.\\d+)?)(${QUANTITY_UNITS})`, "g"))];
      p.indicators?.forEach((ind, k) => {
        const t = ind.target;
        const unit = (t.unit ?? "").trim();
        if (!has(t.value) || !new RegExp(`^(?:${QUANTITY_UNITS})$`).test(unit)) return;
        const name = ind.name
          .replace(/\s+/g, "")
          .replace(/^指标\d+[：:]/, "")
          .replace(/[（(].*?[)）]/g, "");
        // The goal's mention of the same thing: same unit, at least three characters of the name just before it.
        const same = mentions
          .filter((m) => m[2] === unit)
          .map((m) => ({
            m,
            run: sharedRun(name, goal.slice(Math.max(0, m.index! - 10), m.index!)),
          }))
          .filter((x) => x.run >= 3)
          .sort((a, b) => b.run - a.run);
        if (!same.length) return;
        compared++;
        const value = Number(same[0]!.m[1]);
        const agrees =
          t.op === ">=" || t.op === ">"
            ? value >= t.value
            : t.op === "<=" || t.op === "<"
              ? value <= t.value
              : same.some((x) => Number(x.m[1]) === t.value);
        if (agrees) return;
        const quote = goal.slice(
          Math.max(0, same[0]!.m.index! - 10),
          same[0]!.m.index! + same[0]!.m[0].length,
        );
        drafts.push({
          path: `/performance/projects/${i}/indicators/${k}/target`,
          message: `项目「${p.name}」的绩效目标「${quote}」与指标「${ind.name}」${t.raw} 不一致`,
          actual: t.raw,
          expected: same[0]!.m[0],
          related: [`/performance/projects/${i}/goals`],
        });
      });
    });
    if (!compared) return notApplicable("绩效目标中没有与指标同名的数量");
    return outcome(drafts);
  },
);
