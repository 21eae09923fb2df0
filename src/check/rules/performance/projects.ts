/** Project performance tables: spending plans, indicator sets, targets and their basis. */
import { fmt, has, notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { Project, SourceLocation } from "../../../model/disclosure.ts";
import { lineName, type Draft, type RuleMeta } from "../../types.ts";
import { BASIS, defineRule, EXACT } from "../define.ts";
import type { CheckContext } from "../../context.ts";
import { kindOfName, kindOfUnit } from "./units.ts";
import { parseAmount } from "../../../model/amount.ts";
import { sentencesOf } from "../narrative/sentences.ts";

const squash = (s: string | undefined) => (s ?? "").replace(/[\s\u3000]/g, "");
const PLAN = [
  ["mar", "3月底", 3],
  ["jun", "6月底", 6],
  ["oct", "10月底", 10],
  ["dec", "12月底", 12],
] as const;

const meta = (
  id: string,
  title: string,
  expects: string,
  severity: RuleMeta["severity"] = "warning",
  basis: string = BASIS.perf88,
): RuleMeta => ({
  id,
  family: "performance",
  severity,
  category: "项目绩效",
  title,
  expects,
  tolerance: EXACT,
  basis,
});

function eachProject(
  ctx: CheckContext,
  need: (p: Project) => boolean,
  why: string,
  fn: (p: Project, base: string) => (Draft | undefined)[] | Draft | undefined,
) {
  const projects = ctx.d.performance?.projects ?? [];
  const usable = projects.map((p, i) => ({ p, i })).filter(({ p }) => need(p));
  if (!usable.length) return notApplicable(why);
  return outcome(usable.flatMap(({ p, i }) => fn(p, `/performance/projects/${i}`)));
}

const planOf = (p: Project) =>
  PLAN.flatMap(([k, label, month]) =>
    has(p.spendingPlan?.[k]) ? [{ k, label, month, v: p.spendingPlan![k]! }] : [],
  );
const showPlan = (p: Project) =>
  planOf(p)
    .map((x) => `${x.label} ${x.v}%`)
    .join("、");

export const planNonDecreasing = defineRule(
  meta(
    "PRF-012",
    "资金支出计划逐期不减",
    "资金支出计划为累计百分比：3 月底 ≤ 6 月底 ≤ 10 月底 ≤ 12 月底",
    "error",
  ),
  (ctx, self) =>
    eachProject(
      ctx,
      (p) => planOf(p).length >= 2,
      "项目未列示资金支出计划",
      (p, base) => {
        const plan = planOf(p);
        for (let k = 1; k < plan.length; k++) {
          if (plan[k]!.v < plan[k - 1]!.v)
            return {
              path: `${base}/spendingPlan`,
              severity: self.severity,
              message: `项目「${p.name}」资金支出计划（累计）出现下降：${showPlan(p)}`,
            };
        }
        return undefined;
      },
    ),
);

export const planReaches100 = defineRule(
  meta("PRF-013", "资金支出计划年底达到 100%", "12 月底的累计支出计划为 100%"),
  (ctx) =>
    eachProject(
      ctx,
      (p) => planOf(p).length > 0,
      "项目未列示资金支出计划",
      (p, base) => {
        const dec = p.spendingPlan?.dec;
        if (dec === 100) return undefined;
        // Cumulative: 100% by 6月底 or 10月底 with 12月底 left blank has reached the year's total.
        if (!has(dec) && planOf(p).some((x) => x.v === 100)) return undefined;
        return {
          path: `${base}/spendingPlan`,
          message: has(dec)
            ? `项目「${p.name}」12 月底累计支出计划为 ${dec}%，未达到 100%`
            : `项目「${p.name}」资金支出计划没有 12 月底的数（${showPlan(p)}），未达到 100%`,
          actual: dec ?? "—",
          expected: 100,
          unit: "%",
        };
      },
    ),
);

export const planWithinRange = defineRule(
  meta("PRF-014", "资金支出计划在 0–100% 之间", "每期累计支出计划在 0% 与 100% 之间", "error"),
  (ctx, self) =>
    eachProject(
      ctx,
      (p) => planOf(p).length > 0,
      "项目未列示资金支出计划",
      (p, base) =>
        planOf(p)
          .filter((x) => x.v < 0 || x.v > 100)
          .map((x) => ({
            path: `${base}/spendingPlan/${x.k}`,
            severity: self.severity,
            message: `项目「${p.name}」${x.label}支出计划为 ${x.v}%，超出 0–100%`,
            actual: x.v,
          })),
    ),
);

export const projectIndicatorsUnique = defineRule(
  meta("PRF-015", "同一项目的绩效指标不重复", "同一项目的三级指标名称不重复"),
  (ctx) =>
    eachProject(
      ctx,
      (p) => (p.indicators?.length ?? 0) > 1,
      "项目没有绩效指标",
      (p, base) => {
        const first = new Map<string, number>();
        const drafts: Draft[] = [];
        p.indicators!.forEach((x, j) => {
          const k = squash(x.name);
          if (!k) return;
          const f = first.get(k);
          if (f === undefined) first.set(k, j);
          else
            drafts.push({
              path: `${base}/indicators/${j}`,
              message: `项目「${p.name}」的指标「${x.name}」重复（同第 ${f + 1} 个指标）`,
              related: [`${base}/indicators/${f}`],
            });
        });
        return drafts;
      },
    ),
);

const LEVEL1 = [
  ["产出", /产出/],
  ["效益", /效益|效果/],
  ["满意度", /满意/],
] as const;

/** An indicator row the importer took for a project ("成本指标经济成本指标…工作成本", pool P109). */
const INDICATOR_AS_PROJECT = /^(?:产出|效益|满意度|成本)指标/;

export const level1Complete = defineRule(
  meta(
    "PRF-016",
    "绩效指标包含产出、效益、满意度三类",
    "每个项目的一级指标包含产出指标、效益指标和满意度指标（同一文件中缺少同样几类的项目合并为一条）",
    "warning",
    BASIS.perf101,
  ),
  (ctx) => {
    const projects = (ctx.d.performance?.projects ?? [])
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => (p.indicators?.length ?? 0) > 0);
    if (!projects.length) return notApplicable("项目没有绩效指标");
    // A document that leaves out one kind leaves it out of project after project (a template
    // without 满意度): one finding per kind of omission, naming its projects.
    const byMissing = new Map<string, { p: Project; i: number }[]>();
    for (const { p, i } of projects) {
      if (INDICATOR_AS_PROJECT.test(squash(p.name))) continue;
      const missing = LEVEL1.filter(([, re]) => !p.indicators!.some((x) => re.test(x.level1)))
        .map(([n]) => n)
        .join("、");
      if (missing) byMissing.set(missing, [...(byMissing.get(missing) ?? []), { p, i }]);
    }
    return outcome(
      [...byMissing].map(([missing, list]): Draft => {
        const names = list
          .slice(0, 3)
          .map(({ p }) => `「${p.name}」`)
          .join("");
        return {
          path: `/performance/projects/${list[0]!.i}/indicators`,
          message:
            list.length === 1
              ? `项目${names}缺少一级指标：${missing}指标`
              : `${list.length} 个项目缺少一级指标：${missing}指标（项目${names}${list.length > 3 ? "等" : ""}）`,
        };
      }),
    );
  },
);

const LEVEL2: [RegExp, RegExp][] = [
  [/数量|质量|时效/, /产出/],
  [/经济效益|社会效益|生态效益|可持续/, /效益|效果/],
  [/满意度/, /满意/],
];

export const level2UnderLevel1 = defineRule(
  meta(
    "PRF-017",
    "二级指标归属正确的一级指标",
    "数量/质量/时效指标属产出指标；经济/社会/生态效益、可持续影响指标属效益指标；满意度指标属满意度指标",
    "warning",
    BASIS.perf88,
  ),
  (ctx) =>
    eachProject(
      ctx,
      (p) => (p.indicators?.length ?? 0) > 0,
      "项目没有绩效指标",
      (p, base) =>
        p.indicators!.map((x, j) => {
          const rule = LEVEL2.find(([l2]) => l2.test(x.level2));
          if (!rule || !x.level1 || rule[1].test(x.level1)) return undefined;
          return {
            path: `${base}/indicators/${j}/level2`,
            message: `项目「${p.name}」的二级指标「${x.level2}」不属于一级指标「${x.level1}」`,
          };
        }),
    ),
);

export const targetsQuantified = defineRule(
  meta("PRF-018", "绩效指标尽量量化", "项目的产出指标中至少有一个定量的指标值", "info"),
  (ctx) =>
    eachProject(
      ctx,
      (p) => (p.indicators ?? []).some((x) => /产出/.test(x.level1)),
      "项目没有产出指标",
      (p, base) => {
        const out = p.indicators!.filter((x) => /产出/.test(x.level1));
        return out.every((x) => x.target.qualitative || x.target.value === undefined)
          ? {
              path: `${base}/indicators`,
              message: `项目「${p.name}」的产出指标均为定性表述，未量化`,
            }
          : undefined;
      },
    ),
);

export const basisStated = defineRule(
  meta("PRF-019", "写明指标值确定依据", "文件列出指标值确定依据一栏时，每个指标都填写依据", "info"),
  (ctx) => {
    const all = (ctx.d.performance?.projects ?? []).flatMap((p) => p.indicators ?? []);
    if (!all.some((x) => squash(x.basis))) return notApplicable("文件未列出指标值确定依据");
    return eachProject(
      ctx,
      (p) => (p.indicators?.length ?? 0) > 0,
      "项目没有绩效指标",
      (p, base) =>
        p.indicators!.map((x, j) =>
          squash(x.basis) || !squash(x.name)
            ? undefined
            : {
                path: `${base}/indicators/${j}/basis`,
                message: `项目「${p.name}」的指标「${x.name}」未写明指标值确定依据`,
              },
        ),
    );
  },
);

export const goalsNotBoilerplate = defineRule(
  meta("PRF-020", "绩效目标不套用同一段文字", "不同项目的绩效目标不逐字相同", "info"),
  (ctx) => {
    const projects = ctx.d.performance?.projects ?? [];
    if (projects.length < 2) return notApplicable("项目少于两个");
    const seen = new Map<string, number>();
    const drafts: Draft[] = [];
    projects.forEach((p, i) => {
      const k = squash((p.goals ?? []).join(""));
      if (k.length < 10) return;
      const f = seen.get(k);
      if (f === undefined) seen.set(k, i);
      else
        drafts.push({
          path: `/performance/projects/${i}/goals`,
          message: `项目「${p.name}」的绩效目标与项目「${projects[f]!.name}」逐字相同`,
          related: [`/performance/projects/${f}/goals`],
        });
    });
    return outcome(drafts);
  },
);

export const targetMatchesPlan = defineRule(
  meta(
    "PRF-021",
    "时效目标与资金支出计划相符",
    "指标要求在某月底前完成资金发放（拨付、支付）时，该月的累计支出计划达到 100%",
  ),
  (ctx) =>
    eachProject(
      ctx,
      (p) => planOf(p).length > 0 && (p.indicators?.length ?? 0) > 0,
      "项目没有支出计划或指标",
      (p, base) => {
        for (const x of p.indicators!) {
          const text = squash(`${x.target.raw}${x.description ?? ""}`);
          const m =
            /(\d{1,2})月(?:底|末|份)?(?:前|之前|以前)?(?:完成)?(?:资金)?(发放|拨付|支付|兑付)/.exec(
              text,
            );
          if (!m) continue;
          const month = Number(m[1]);
          const point = planOf(p).find((y) => y.month >= month);
          if (point && point.v < 100) {
            return {
              path: `${base}/spendingPlan`,
              message: `项目「${p.name}」指标「${x.name}」要求「${x.target.raw}」，但资金支出计划${point.label}累计仅 ${point.v}%（${showPlan(p)}）`,
              related: [],
            };
          }
        }
        return undefined;
      },
    ),
);

export const targetUnitMatchesIndicator = defineRule(
  meta("PRF-022", "指标值的单位与指标相符", "指标名称注明单位或为比率时，指标值使用相应单位"),
  (ctx) =>
    eachProject(
      ctx,
      (p) => (p.indicators?.length ?? 0) > 0,
      "项目没有绩效指标",
      (p, base) =>
        p.indicators!.map((x, j) => {
          const want = kindOfName(x.name);
          const u = x.target.unit;
          const k = kindOfUnit(u);
          if (!want || !k) return undefined;
          const declared = /[（(]([^（()）]{1,4})[)）]/.exec(x.name)?.[1];
          const wrongUnit =
            want === "count" &&
            k === "count" &&
            declared &&
            kindOfUnit(declared) === "count" &&
            declared !== u;
          if (k === want && !wrongUnit) return undefined;
          return {
            path: `${base}/indicators/${j}`,
            message: `项目「${p.name}」的指标「${x.name}」指标值为「${x.target.raw}」，单位与指标不符`,
            actual: x.target.raw,
          };
        }),
    ),
);

export const targetStated = defineRule(
  meta("PRF-023", "每个指标都有指标值", "每个列出名称的三级指标都填写了指标值"),
  (ctx) =>
    eachProject(
      ctx,
      (p) => (p.indicators?.length ?? 0) > 0,
      "项目没有绩效指标",
      (p, base) =>
        p.indicators!.map((x, j) =>
          squash(x.target.raw)
            ? undefined
            : {
                path: `${base}/indicators/${j}/target`,
                message: `项目「${p.name}」的指标「${x.name}」没有指标值（表格可能被截断）`,
              },
        ),
    ),
);

/**
 * Some templates print each project's goals only, and some departments publish indicator
 * tables for part of their projects: a project without indicators is only worth a warning
 * when most of the document's projects do have them (the template asks for them).
 */
/** The importer's notes that it left a page's indicator rows unread (list-indicators.ts). */
const UNREAD_INDICATORS = /本页指标未导入|各行的绩效指标未导入|无法按列读取|无法确定哪些指标行/;

export const projectHasIndicators = defineRule(
  meta(
    "PRF-024",
    "每个项目都有绩效指标",
    "项目绩效目标表列有绩效指标时（多数项目有指标），每个项目都列出绩效指标；只列绩效目标的模板不适用",
  ),
  (ctx) => {
    const projects = ctx.d.performance?.projects ?? [];
    const withIndicators = projects.filter((p) => p.indicators?.length).length;
    if (projects.length && !withIndicators)
      return notApplicable("项目绩效目标表只列绩效目标，不列绩效指标（模板如此）");
    if (withIndicators * 2 < projects.length)
      return notApplicable(
        `只有 ${withIndicators} / ${projects.length} 个项目列出绩效指标，按部分项目公开指标处理`,
      );
    // Indicator rows the importer could not read on some page (pool P096, P121): a project
    // without indicators may be one of those it could not place, here or on another page.
    // A table cut off in the document ("在此处中断", seed 004) is the document's defect, not this.
    const unread = (ctx.d.diagnostics ?? []).find(
      (x) => x.level !== "info" && UNREAD_INDICATORS.test(x.message),
    );
    if (unread)
      return notEvaluable(
        `导入时有绩效指标未能读取（${unread.line !== undefined ? `${lineName(unread.line, unread.location)}：` : ""}${unread.message}），无法判断项目是否列出了指标`,
      );
    return eachProject(
      ctx,
      () => true,
      "没有项目绩效目标表",
      (p, base) => {
        if (p.indicators?.length) return undefined;
        // Say when the importer reported trouble with this table: the reviewer then knows to look at the original.
        const note = importNoteFor(ctx, Number(base.slice(base.lastIndexOf("/") + 1)));
        return {
          path: `${base}/indicators`,
          message:
            `项目「${p.name}」没有绩效指标` +
            (note
              ? `（导入提示，${lineName(note.line, note.location)}：${note.message}；请核对原表）`
              : ""),
          ...(note ? { line: note.line } : {}),
          ...(note?.location ? { location: note.location } : {}),
        };
      },
    );
  },
);

/** The first import diagnostic (warning or info) between project i's first source line and the next project's. */
function importNoteFor(
  ctx: CheckContext,
  i: number,
): { line: number; message: string; location?: SourceLocation } | undefined {
  const diags = ctx.d.diagnostics ?? [];
  if (!diags.length) return undefined;
  const map = ctx.d.sourceMap ?? {};
  const start = (k: number) =>
    map[`/performance/projects/${k}/name`]?.line ?? map[`/performance/projects/${k}`]?.line;
  const from = start(i);
  if (from === undefined) return undefined;
  const to = start(i + 1) ?? Infinity;
  const d = diags.find(
    (x) =>
      x.line !== undefined &&
      x.line >= from &&
      x.line < to &&
      x.level !== "error" &&
      /指标/.test(x.message) &&
      /项目/.test(x.section ?? ""),
  );
  return d
    ? {
        line: d.line!,
        message: d.message.replace(/（[^（）]*[a-z][^（）]*）$/, ""),
        ...(d.location ? { location: d.location } : {}),
      }
    : undefined;
}

const LABEL_ONLY = /^(预算规模及资金用途|资金用途|预算规模)$/;

export const purposeStated = defineRule(
  meta(
    "PRF-025",
    "写明资金用途",
    "项目表列出资金用途时，每个项目都写明用途，而不是留空或重复栏目名称",
  ),
  (ctx) => {
    const projects = ctx.d.performance?.projects ?? [];
    const stated = projects.filter((p) => squash(p.purpose) && !LABEL_ONLY.test(squash(p.purpose)));
    if (!stated.length) return notApplicable("项目表未列示资金用途");
    // A project missing a field every project with a purpose has comes from another kind of table
    // (a 一般性项目 list without a 资金用途 column next to 重点专项 tables): its blank purpose is no omission.
    const filled = (p: Project) =>
      new Set(
        Object.entries(p)
          .filter(
            ([k, v]) =>
              k !== "purpose" && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length),
          )
          .map(([k]) => k),
      );
    const shared = [...filled(stated[0]!)].filter((k) => stated.every((p) => filled(p).has(k)));
    const sameKind = (p: Project) => {
      const own = filled(p);
      return shared.every((k) => own.has(k));
    };
    return eachProject(
      ctx,
      () => true,
      "没有项目绩效目标表",
      (p, base) =>
        LABEL_ONLY.test(squash(p.purpose))
          ? {
              path: `${base}/purpose`,
              message: `项目「${p.name}」的资金用途为「${p.purpose}」，未写明用途`,
            }
          : !squash(p.purpose) && sameKind(p)
            ? {
                path: `${base}/purpose`,
                message: `项目「${p.name}」未写明资金用途（同类项目表均已写明）`,
              }
            : undefined,
    );
  },
);

/** A sentence's leading numbering: "（二）", "2、", "3．". */
const NUMBERING = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．](?!\d))/;

/** Cheap test before the regular expression: a rate per unit and a total. */
const RATE_HINT = /元\/.*(合计|共计|总计)/;

export const goalArithmetic = defineRule(
  meta(
    "PRF-026",
    "目标中的数量 × 标准 = 合计",
    "文字写明数量、单位标准和合计时（如 3118.5 吨 × 694 元/吨），合计与二者之积相符",
  ),
  (ctx) => {
    const perf = ctx.d.performance;
    const texts: { text: string; path: string; line?: number }[] = [];
    perf?.goals?.forEach((g, i) =>
      texts.push({
        text: squash(`${g.title}${g.goal ?? ""}${g.indicatorText ?? ""}`),
        path: `/performance/goals/${i}`,
      }),
    );
    perf?.projects?.forEach((p, i) =>
      texts.push({
        text: squash(`${p.purpose ?? ""}${(p.goals ?? []).join("")}`),
        path: `/performance/projects/${i}`,
      }),
    );
    // The running text, for goals the importer did not take apart; tied to a goal when one contains it.
    for (const s of sentencesOf(ctx)) {
      // Goals are stored without the sentence's own numbering ("（二）洁净煤…"): compare without it.
      const body = s.text.replace(NUMBERING, "");
      if (!RATE_HINT.test(s.text) || texts.some((t) => t.text.includes(body))) continue;
      const goal =
        perf?.goals?.findIndex(
          (g) => squash(`${g.title}${g.goal ?? ""}`).length > 3 && s.text.includes(squash(g.title)),
        ) ?? -1;
      texts.push({
        text: s.text,
        path:
          goal >= 0
            ? `/performance/goals/${goal}`
            : s.topic === "performance"
              ? "/performance/goals"
              : "/performance",
        line: s.line,
      });
    }
    if (!texts.length) return notApplicable("没有绩效目标文字");
    const drafts: Draft[] = [];
    let compared = 0;
    for (const { text, path, line } of texts) {
      if (!RATE_HINT.test(text)) continue;
      for (const r of text.matchAll(
        /(\d+(?:\.\d+)?)(元|万元)\/([吨户人亩辆台套件个次])[^。；\d]{0,8}?(?:合计|共计|总计)(\d+(?:\.\d+)?)(万元|元)/g,
      )) {
        // The quantity is the nearest number in the same unit before the rate.
        const before = text.slice(Math.max(0, r.index! - 40), r.index!);
        const q = [...before.matchAll(new RegExp(`(\\d+(?:\\.\\d+)?)${r[3]}`, "g"))].pop();
        if (!q) continue;
        const m = [`${q[0]}…${r[0]}`, q[1]!, r[3]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5]!] as const;
        const rate = parseAmount(m[3]!, m[4] as "元" | "万元");
        const total = parseAmount(m[6]!, m[7] as "元" | "万元");
        if (rate === undefined || total === undefined) continue;
        compared++;
        const product = (BigInt(Math.round(Number(m[1]) * 1000)) * rate) / 1000n;
        const places = (/\.(\d+)/.exec(m[6]!)?.[1]?.length ?? 0) + (m[7] === "元" ? 4 : 0);
        const tol = 10n ** BigInt(6 - Math.min(6, places)) / 2n;
        const diff = total - product;
        if ((diff < 0n ? -diff : diff) <= tol) continue;
        drafts.push({
          path,
          ...(line ? { line } : {}),
          message: `「${m[0]}」：${m[1]}${m[2]} × ${m[3]}${m[4]}/${m[5]} = ${fmt(product)} 万元，文字合计 ${fmt(total)} 万元`,
          actual: Number(fmt(total)),
          expected: Number(fmt(product)),
          unit: "万元",
        });
      }
    }
    if (!compared) return notApplicable("目标文字中没有数量 × 标准的计算");
    return outcome(drafts);
  },
);
