/** Year over year: change = this year − last year, stated rates recompute, big changes are explained. */
import {
  fmt,
  has,
  notApplicable,
  notEvaluable,
  outcome,
  type CheckContext,
  type Term,
} from "../../context.ts";
import { lineName, type Draft, type Outcome, type RuleMeta } from "../../types.ts";
import { BASIS, defineRule, RATE, ROUNDING } from "../define.ts";
import { checkRate, pct } from "./rate.ts";
import { NUM, sentencesOf, textAmount, UNIT } from "../narrative/sentences.ts";
import { halfUnit } from "../../tolerance.ts";

interface Triple {
  label: string;
  current?: number;
  previous?: number;
  change?: number;
  paths: { current: string; previous: string; change: string };
}

function changeEquation(
  ctx: CheckContext,
  t: Triple,
  severity: RuleMeta["severity"],
): Draft | undefined | "na" {
  if (!has(t.current) || !has(t.previous) || !has(t.change)) return "na";
  // this year = last year + change, the same equation with exact fen.
  return ctx.equation(
    {
      title: `${t.label}：增减额 = 本年数 − 上年数`,
      path: t.paths.change,
      total: { path: t.paths.current, value: t.current, label: "本年数" },
      parts: [
        { path: t.paths.previous, value: t.previous, label: "上年数" },
        { path: t.paths.change, value: t.change, label: "增减额" },
      ],
    },
    severity,
  );
}

function triplesRule(meta: RuleMeta, triples: (ctx: CheckContext) => Triple[]) {
  return defineRule(meta, (ctx, self): Outcome => {
    const drafts = triples(ctx).map((t) => changeEquation(ctx, t, self.severity));
    if (drafts.every((d) => d === "na")) return notApplicable("未同时列示本年数、上年数和增减额");
    return outcome(drafts.map((d) => (d === "na" ? undefined : d)));
  });
}

const exp =
  (key: "total" | "basic" | "project", label: string) =>
  (ctx: CheckContext): Triple[] => {
    const e = ctx.d.expenditure;
    return [
      {
        label,
        current: e?.[key],
        previous: e?.previous?.[key],
        change: e?.change?.[key],
        paths: {
          current: `/expenditure/${key}`,
          previous: `/expenditure/previous/${key}`,
          change: `/expenditure/change/${key}`,
        },
      },
    ];
  };

const meta = (id: string, category: string, title: string, expects: string): RuleMeta => ({
  id,
  family: "change",
  severity: "error",
  category,
  title,
  expects,
  tolerance: ROUNDING,
});

export const expenditureChangeTotal = triplesRule(
  meta("YOY-001", "支出", "支出合计增减额等于本年减上年", "支出合计：增减额 = 本年数 − 上年数"),
  exp("total", "支出合计"),
);
export const expenditureChangeBasic = triplesRule(
  meta("YOY-002", "支出", "基本支出增减额等于本年减上年", "基本支出：增减额 = 本年数 − 上年数"),
  exp("basic", "基本支出"),
);
export const expenditureChangeProject = triplesRule(
  meta("YOY-003", "支出", "项目支出增减额等于本年减上年", "项目支出：增减额 = 本年数 − 上年数"),
  exp("project", "项目支出"),
);

export const incomeChange = triplesRule(
  meta("YOY-005", "收入", "收入增减额等于本年减上年", "收入总计：增减额 = 本年数 − 上年数"),
  (ctx) => {
    const i = ctx.d.income;
    return [
      {
        label: "收入总计",
        current: i?.total,
        previous: i?.previousTotal,
        change: i?.change,
        paths: {
          current: "/income/total",
          previous: "/income/previousTotal",
          change: "/income/change",
        },
      },
    ];
  },
);

export const operatingChange = triplesRule(
  meta(
    "YOY-007",
    "机关运行经费",
    "机关运行经费增减额等于本年减上年",
    "机关运行经费：增减额 = 本年数 − 上年数",
  ),
  (ctx) => {
    const o = ctx.d.operatingCosts;
    return [
      {
        label: "机关运行经费",
        current: o?.amount,
        previous: o?.previous,
        change: o?.change,
        paths: {
          current: "/operatingCosts/amount",
          previous: "/operatingCosts/previous",
          change: "/operatingCosts/change",
        },
      },
    ];
  },
);

export const threePublicChangeTotal = triplesRule(
  meta(
    "YOY-009",
    "三公经费",
    `"三公"经费合计增减额等于本年减上年`,
    `"三公"经费合计：增减额 = 本年数 − 上年数`,
  ),
  (ctx) => {
    const t = ctx.d.threePublic;
    return [
      {
        label: `"三公"经费合计`,
        current: t?.total,
        previous: t?.previous?.total,
        change: t?.change?.total,
        paths: {
          current: "/threePublic/total",
          previous: "/threePublic/previous/total",
          change: "/threePublic/change/total",
        },
      },
    ];
  },
);

export const threePublicChangeParts = triplesRule(
  meta(
    "YOY-010",
    "三公经费",
    `"三公"经费各项增减额等于本年减上年`,
    "因公出国（境）费、公务用车购置及运行费（购置、运行）、公务接待费：增减额 = 本年数 − 上年数",
  ),
  (ctx) => {
    const t = ctx.d.threePublic;
    const keys: [string, string, (x: typeof t) => number | undefined][] = [
      ["overseas", "因公出国（境）费", (x) => x?.overseas],
      ["vehicle/total", "公务用车购置及运行费", (x) => x?.vehicle?.total],
      ["vehicle/purchase", "公务用车购置费", (x) => x?.vehicle?.purchase],
      ["vehicle/operation", "公务用车运行费", (x) => x?.vehicle?.operation],
      ["reception", "公务接待费", (x) => x?.reception],
    ];
    return keys.map(([k, label, get]) => ({
      label,
      current: get(t),
      previous: get(t?.previous as typeof t),
      change: get(t?.change as typeof t),
      paths: {
        current: `/threePublic/${k}`,
        previous: `/threePublic/previous/${k}`,
        change: `/threePublic/change/${k}`,
      },
    }));
  },
);

/**
 * The amount a stated change and rate were computed on, when the sentence that states them
 * prints it ("2026 年预算数 3,623.98 为万元，比 2025 年执行减少 21,519.26 万元，减少 85.59%"):
 * a figure other than `current` whose last year (figure − change) gives the stated rate. The
 * statement is then consistent in itself and about another amount than the one it was read for.
 */
function statedBase(
  ctx: CheckContext,
  changePath: string,
  change: bigint,
  rate: number,
  current: bigint,
): string | undefined {
  const ref = ctx.d.sourceMap?.[changePath];
  if (!ref?.text || !ctx.narrative?.length) return undefined;
  const cited = ref.text.replace(/\s+/g, "");
  const sentence = sentencesOf(ctx).find(
    (x) => x.line !== undefined && Math.abs(x.line - ref.line) <= 3 && x.text.includes(cited),
  );
  if (!sentence) return undefined;
  for (const m of sentence.text.slice(0, sentence.text.indexOf(cited)).matchAll(AMOUNT_IN_TEXT)) {
    const a = textAmount(m[1]!, m[2]!);
    if (!a || a.fen === current || a.fen === change || a.fen === -change) continue;
    const tol = halfUnit(a.places);
    const res = checkRate(change, tol, a.fen - change, 2n * tol, rate);
    if (res?.ok) return fmt(a.fen);
  }
  return undefined;
}

const AMOUNT_IN_TEXT = new RegExp(`${NUM}\\s*(?:为)?${UNIT}`, "g");

interface RateInput {
  label: string;
  current?: number;
  previous?: number;
  change?: number;
  rate?: number;
  ratePath: string;
  currentPath: string;
  previousPath: string;
  changePath: string;
}

function rateRule(m: RuleMeta, input: (ctx: CheckContext) => RateInput) {
  return defineRule({ ...m, tolerance: RATE }, (ctx, self) => {
    const r = input(ctx);
    if (!has(r.rate)) return notApplicable("未列示增减率");
    let change: Term | undefined;
    let previous: Term | undefined;
    if (has(r.change)) change = { path: r.changePath, value: r.change, label: "增减额" };
    if (has(r.previous)) previous = { path: r.previousPath, value: r.previous, label: "上年数" };
    const fenOf = (t: Term) => ctx.fen(t.value);
    let dFen: bigint, dTol: bigint, pFen: bigint, pTol: bigint;
    // Independent figures first: this year and last year as printed; a previous year
    // inferred from this year − change makes the finding a warning.
    let inferred = false;
    if (has(r.current) && previous) {
      const cur: Term = { path: r.currentPath, value: r.current, label: "本年数" };
      pFen = fenOf(previous);
      pTol = ctx.tolerance(previous);
      dFen = fenOf(cur) - pFen;
      dTol = ctx.tolerance(cur) + pTol;
    } else if (change && previous) {
      [dFen, dTol, pFen, pTol] = [
        fenOf(change),
        ctx.tolerance(change),
        fenOf(previous),
        ctx.tolerance(previous),
      ];
    } else if (has(r.current) && change) {
      const cur: Term = { path: r.currentPath, value: r.current, label: "本年数" };
      dFen = fenOf(change);
      dTol = ctx.tolerance(change);
      pFen = fenOf(cur) - dFen;
      pTol = ctx.tolerance(cur) + dTol;
      inferred = true;
    } else return notEvaluable("缺少上年数或增减额，无法复算增减率");
    const res = checkRate(dFen, dTol, pFen, pTol, r.rate);
    if (!res) return notEvaluable("上年数为零或负数，增减率无意义");
    if (res.ok) return outcome([]);
    if (inferred) {
      const base = statedBase(ctx, r.changePath, dFen, r.rate, ctx.fen(r.current!));
      if (base)
        return notEvaluable(
          `说明文字的增减额 ${fmt(dFen)} 万元与增减率 ${pct(r.rate)} 是就 ${base} 万元而言（同一句，${sameSentence(ctx, r.changePath)}），与${r.label} ${fmt(ctx.fen(r.current!))} 万元不是同一口径，无法复算`,
        );
    }
    return outcome([
      {
        path: r.ratePath,
        severity: inferred ? "warning" : self.severity,
        message: `${r.label}增减率填报 ${pct(r.rate)}，按增减额 ${fmt(dFen)} 万元 ÷ 上年数 ${fmt(pFen)} 万元${inferred ? "（上年数由本年数减增减额推算）" : ""}复算为 ${pct(res.computed)}`,
        actual: r.rate,
        expected: Math.round(res.computed * 100) / 100,
        difference: Math.round((r.rate - res.computed) * 100) / 100,
        unit: "%",
        related: [r.changePath, r.previousPath],
      },
    ]);
  });
}

export const expenditureRate = rateRule(
  meta(
    "YOY-004",
    "支出",
    "支出增减率可由增减额和上年数复算",
    "支出增减率 = 增减额 ÷ 上年数 × 100%",
  ),
  (ctx) => {
    const e = ctx.d.expenditure;
    return {
      label: "支出合计",
      current: e?.total,
      previous: e?.previous?.total,
      change: e?.change?.total,
      rate: e?.changeRate,
      ratePath: "/expenditure/changeRate",
      currentPath: "/expenditure/total",
      previousPath: "/expenditure/previous/total",
      changePath: "/expenditure/change/total",
    };
  },
);
export const incomeRate = rateRule(
  meta(
    "YOY-006",
    "收入",
    "收入增减率可由增减额和上年数复算",
    "收入增减率 = 增减额 ÷ 上年数 × 100%",
  ),
  (ctx) => {
    const i = ctx.d.income;
    return {
      label: "收入总计",
      current: i?.total,
      previous: i?.previousTotal,
      change: i?.change,
      rate: i?.changeRate,
      ratePath: "/income/changeRate",
      currentPath: "/income/total",
      previousPath: "/income/previousTotal",
      changePath: "/income/change",
    };
  },
);
export const operatingRate = rateRule(
  meta(
    "YOY-008",
    "机关运行经费",
    "机关运行经费增减率可复算",
    "机关运行经费增减率 = 增减额 ÷ 上年数 × 100%",
  ),
  (ctx) => {
    const o = ctx.d.operatingCosts;
    return {
      label: "机关运行经费",
      current: o?.amount,
      previous: o?.previous,
      change: o?.change,
      rate: o?.changeRate,
      ratePath: "/operatingCosts/changeRate",
      currentPath: "/operatingCosts/amount",
      previousPath: "/operatingCosts/previous",
      changePath: "/operatingCosts/change",
    };
  },
);
export const threePublicRate = rateRule(
  meta(
    "YOY-011",
    "三公经费",
    `"三公"经费增减率可复算`,
    `"三公"经费增减率 = 增减额 ÷ 上年数 × 100%`,
  ),
  (ctx) => {
    const t = ctx.d.threePublic;
    return {
      label: `"三公"经费`,
      current: t?.total,
      previous: t?.previous?.total,
      change: t?.change?.total,
      rate: t?.changeRate,
      ratePath: "/threePublic/changeRate",
      currentPath: "/threePublic/total",
      previousPath: "/threePublic/previous/total",
      changePath: "/threePublic/change/total",
    };
  },
);

/** Share of last year above which a change needs its reason stated. A materiality threshold, not a tolerance. */
const MATERIAL_CHANGE = 10;

export const largeChangeExplained = defineRule(
  {
    id: "YOY-012",
    family: "change",
    severity: "warning",
    category: "支出",
    title: "较大的支出增减说明了原因",
    expects: `支出合计比上年增减 ${MATERIAL_CHANGE}% 以上时，说明增减原因`,
    tolerance: "无",
    basis: BASIS.rules143,
  },
  (ctx) => {
    const e = ctx.d.expenditure;
    let rate = e?.changeRate;
    if (!has(rate) && has(e?.change?.total) && has(e?.previous?.total) && e.previous.total > 0)
      rate = (e.change.total / e.previous.total) * 100;
    if (!has(rate)) return notApplicable("未列示支出增减");
    if (Math.abs(rate) < MATERIAL_CHANGE) return outcome([]);
    if (e?.changeReason?.trim() || changeReasonInText(ctx, rate)) return outcome([]);
    return outcome([
      { path: "/expenditure/change", message: `支出比上年增减 ${pct(rate)}，但未说明增减原因` },
    ]);
  },
);

export const threePublicChangeExplained = defineRule(
  {
    id: "YOY-013",
    family: "change",
    severity: "warning",
    category: "三公经费",
    title: `"三公"经费增减变化说明了原因`,
    expects: `"三公"经费与上年相比有增减时，说明增减变化原因`,
    tolerance: "无",
    basis: `中办国办《关于进一步推进预算公开工作的意见》；${BASIS.rules143}`,
  },
  (ctx) => {
    const t = ctx.d.threePublic;
    if (!t || !has(t.total)) return notApplicable(`未列示"三公"经费`);
    const change = has(t.change?.total)
      ? t.change.total
      : has(t.previous?.total)
        ? t.total - t.previous.total
        : undefined;
    if (change === undefined) return notEvaluable("未列示上年数或增减额");
    if (Math.abs(change) < 1e-6 || t.explanation?.trim() || threePublicReasonInText(ctx))
      return outcome([]);
    return outcome([
      {
        path: "/threePublic/explanation",
        message: `"三公"经费比上年增减 ${change.toFixed(2)} 万元，但未说明增减变化原因`,
      },
    ]);
  },
);

const REASON = /原因|主要是|主要为|由于|因为|系因/;
const THREE_PUBLIC_WORDS = /三公|因公出国|公务用车|公务接待/;

/**
 * A reason stated in the running text of the document, when the importer left
 * `explanation` empty ("…减少1.75万元，主要是厉行节约，压减预算"). Only the
 * document's own text counts: a JSON disclosure without an explanation has none.
 */
/**
 * A sentence stating the spending's rate ("减少 11.45%。主要原因是部分项目已完成", wild P022,
 * P173) that gives a reason: the importer did not take it as 支出's, the text still explains it.
 */
function changeReasonInText(ctx: CheckContext, rate: number): boolean {
  if (!ctx.narrative?.length) return false;
  const printed = `${Math.abs(rate).toFixed(2)}%`;
  const sentences = sentencesOf(ctx);
  // The reason often opens the next sentence ("…减少 11.45%。主要原因是…").
  return sentences.some(
    (s, i) =>
      s.text.replace(/\s+/g, "").includes(printed) &&
      REASON.test(s.text + (sentences[i + 1]?.text.slice(0, 12) ?? "")),
  );
}

function threePublicReasonInText(ctx: CheckContext): boolean {
  if (!ctx.narrative?.length) return false;
  return sentencesOf(ctx).some(
    (s) => (s.topic === "threePublic" || THREE_PUBLIC_WORDS.test(s.text)) && REASON.test(s.text),
  );
}

const DIRECTION_UP = /增加|增长|上升|提高|多/;
const DIRECTION_DOWN = /减少|下降|降低|压减|缩减|少/;
const DIRECTION_SAME = /持平|不变|无变化|相同/;

export const changeDirectionWording = defineRule(
  {
    id: "YOY-014",
    family: "change",
    severity: "error",
    category: "增减说明",
    title: '增减额与"增加/减少/持平"的说法一致',
    expects: "文字称增加时增减额为正，称减少时为负，称持平时为零",
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    const map = ctx.d.sourceMap ?? {};
    const pointers = [
      "/expenditure/change/total",
      "/expenditure/change/basic",
      "/expenditure/change/project",
      "/income/change",
      "/operatingCosts/change",
      "/threePublic/change/total",
    ];
    const drafts: Draft[] = [];
    let any = false;
    for (const p of pointers) {
      const text = map[p]?.text;
      const value = p
        .split("/")
        .slice(1)
        .reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], ctx.d);
      if (!text || !has(value)) continue;
      const words = text.replace(/\s/g, "");
      // Only a sentence that makes one claim: "较上年增加…" and not "增加…，减少…".
      const up = DIRECTION_UP.test(words),
        down = DIRECTION_DOWN.test(words),
        same = DIRECTION_SAME.test(words);
      if (Number(up) + Number(down) + Number(same) !== 1) continue;
      any = true;
      const fen = ctx.fen(value);
      const wrong = (up && fen < 0n) || (down && fen > 0n) || (same && fen !== 0n);
      if (wrong)
        drafts.push({
          path: p,
          severity: self.severity,
          message: `文字「${text.trim().slice(0, 60)}」称${up ? "增加" : down ? "减少" : "持平"}，但增减额为 ${fmt(fen)} 万元`,
          actual: value,
        });
    }
    if (!any) return notEvaluable("没有记录增减额的原文表述");
    return outcome(drafts);
  },
);

/** Where the sentence of a stated change is, for a reviewer. */
function sameSentence(ctx: CheckContext, path: string): string {
  const ref = ctx.d.sourceMap?.[path];
  return ref ? lineName(ref.line, ref.location) : "第 ? 行";
}
