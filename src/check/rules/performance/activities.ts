/** The 部门职责—工作活动 table: graded indicators that can be applied, no duplicates, nothing blank. */
import { notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { Activity } from "../../../model/disclosure.ts";
import type { Draft, Outcome, RuleMeta } from "../../types.ts";
import { BASIS, defineRule, EXACT } from "../define.ts";
import type { CheckContext } from "../../context.ts";
import { GRADE_LABEL, kindOfName, kindOfUnit, parsedGrades } from "./units.ts";

type Indicator = NonNullable<Activity["indicators"]>[number];
const squash = (s: string | undefined) => (s ?? "").replace(/[\s\u3000]/g, "");

function eachIndicator(
  ctx: CheckContext,
  fn: (ind: Indicator, path: string, act: Activity) => Draft | undefined,
) {
  const acts = ctx.d.performance?.activities;
  if (!acts?.some((a) => a.indicators?.length)) return notApplicable("没有职责活动绩效指标");
  const drafts: (Draft | undefined)[] = [];
  acts.forEach((a, i) =>
    a.indicators?.forEach((ind, j) =>
      drafts.push(fn(ind, `/performance/activities/${i}/indicators/${j}`, a)),
    ),
  );
  return outcome(drafts);
}

/**
 * When the importer itself flagged most rows of the activity table (rows without a duty,
 * cells it could not place), the table was not read reliably: its rows are fragments of
 * another layout, and reporting each fragment would bury the reviewer in the reader's noise.
 */
const unreliableMemo = new WeakMap<CheckContext, Outcome | null>();

function unreliableTable(ctx: CheckContext): Outcome | undefined {
  let hit = unreliableMemo.get(ctx);
  if (hit === undefined) unreliableMemo.set(ctx, (hit = unreliableOf(ctx) ?? null));
  return hit ?? undefined;
}

function unreliableOf(ctx: CheckContext): Outcome | undefined {
  const acts = ctx.d.performance?.activities ?? [];
  const diags = ctx.d.diagnostics ?? [];
  if (!acts.length || !diags.length) return undefined;
  let lo = Infinity,
    hi = -Infinity;
  for (const [path, ref] of Object.entries(ctx.d.sourceMap ?? {})) {
    if (!path.startsWith("/performance/activities/")) continue;
    if (ref.line < lo) lo = ref.line;
    if (ref.line > hi) hi = ref.line;
  }
  if (lo > hi) return undefined;
  const flagged = diags.filter(
    (x) => x.level !== "info" && x.line !== undefined && x.line >= lo && x.line <= hi,
  ).length;
  return flagged * 2 >= acts.length
    ? notEvaluable(
        `职责活动表读取不可靠：导入时第 ${lo}–${hi} 行有 ${flagged} 处无法对应（共 ${acts.length} 项活动），请核对原表`,
      )
    : undefined;
}

const activityRule = (m: RuleMeta, check: (ctx: CheckContext) => Outcome) =>
  defineRule(m, (ctx) => unreliableTable(ctx) ?? check(ctx));

const meta = (
  id: string,
  title: string,
  expects: string,
  severity: RuleMeta["severity"] = "warning",
): RuleMeta => ({
  id,
  family: "performance",
  severity,
  category: "职责活动绩效",
  title,
  expects,
  tolerance: EXACT,
  basis: BASIS.perf88,
});

const show = (ind: Indicator) =>
  parsedGrades(ind.grades)
    .map((g) => `${GRADE_LABEL[g.key]} ${g.raw}`)
    .join(" / ");

export const gradesOrdered = activityRule(
  meta(
    "PRF-001",
    "评价标准优良中差依次递进",
    "优、良、中的门槛同向且依次递减（或递增），不出现一档用 ≥ 而下一档用 ≤ 的重叠",
  ),
  (ctx) =>
    eachIndicator(ctx, (ind, path) => {
      const q = parsedGrades(ind.grades).filter((g) => g.t.value !== undefined && g.t.op);
      let top = q.filter((g) => g.key !== "poor");
      if (top.length < 2) return undefined;
      const dir = (op: string) =>
        op === ">=" || op === ">" ? 1 : op === "<=" || op === "<" ? -1 : 0;
      // "优 ≥20 / 良 ≥12 / 中 <12 / 差 未执行": the last numeric grade is the complement of the one
      // before it (same threshold, strict and reversed): a partition, not an overlap.
      const [prev, last] = [top[top.length - 2]!.t, top[top.length - 1]!.t];
      if (
        top.length >= 2 &&
        (last.op === "<" || last.op === ">") &&
        dir(last.op) === -dir(prev.op!) &&
        last.value === prev.value &&
        !(prev.op === "<" || prev.op === ">")
      )
        top = top.slice(0, -1);
      const dirs = top.map((g) => dir(g.t.op!)).filter((x) => x !== 0);
      if (dirs.some((x) => x !== dirs[0]))
        return { path, message: `「${ind.name}」的评价标准方向相互重叠：${show(ind)}` };
      const d = dirs[0];
      if (!d) return undefined;
      for (let k = 1; k < top.length; k++) {
        const a = top[k - 1]!.t,
          b = top[k]!.t;
        if (a.unit !== b.unit) continue;
        if ((d > 0 && b.value! > a.value!) || (d < 0 && b.value! < a.value!))
          return { path, message: `「${ind.name}」的评价标准未依次递进：${show(ind)}` };
      }
      return undefined;
    }),
);

export const gradesDistinct = activityRule(
  meta("PRF-002", "各档评价标准互不相同", "优、良、中、差四档的评价标准互不相同"),
  (ctx) =>
    eachIndicator(ctx, (ind, path) => {
      const g = parsedGrades(ind.grades);
      const seen = new Map<string, string>();
      for (const x of g) {
        const k = squash(x.raw);
        if (seen.has(k))
          return {
            path,
            message: `「${ind.name}」的「${seen.get(k)}」和「${GRADE_LABEL[x.key]}」评价标准相同：${show(ind)}`,
          };
        seen.set(k, GRADE_LABEL[x.key]);
      }
      return undefined;
    }),
);

export const gradesUnitMatchesIndicator = activityRule(
  meta(
    "PRF-003",
    "评价标准的单位与指标相符",
    "比率类指标按百分比分档，数量类指标按数量分档，指标名称注明单位的按该单位分档",
  ),
  (ctx) =>
    eachIndicator(ctx, (ind, path) => {
      const want = kindOfName(ind.name);
      if (!want || !ind.name) return undefined;
      const declared = /[（(]([^（()）]{1,4})[)）]/.exec(ind.name)?.[1];
      for (const g of parsedGrades(ind.grades)) {
        const u = g.t.unit;
        const k = kindOfUnit(u);
        if (!k) continue;
        const wrongKind = k !== want;
        const wrongUnit =
          want === "count" &&
          k === "count" &&
          declared &&
          kindOfUnit(declared) === "count" &&
          declared !== u;
        if (wrongKind || wrongUnit)
          return {
            path,
            message: `指标「${ind.name}」的评价标准单位（${u}）与指标不符：${show(ind)}`,
            actual: g.raw,
          };
      }
      return undefined;
    }),
);

export const gradesConsistentUnits = activityRule(
  meta(
    "PRF-004",
    "各档评价标准使用同一单位",
    "四档评价标准使用同一单位（例如不能优档写 1 而其余写百分比）",
  ),
  (ctx) =>
    eachIndicator(ctx, (ind, path) => {
      const q = parsedGrades(ind.grades).filter((g) => g.t.value !== undefined);
      const withUnit = q.filter((g) => g.t.unit);
      const without = q.filter((g) => !g.t.unit);
      if (
        withUnit.length >= 1 &&
        without.length &&
        withUnit.every((g) => g.t.unit === "%") &&
        without.some((g) => g.t.value !== 0 && !g.t.qualitative)
      ) {
        return { path, message: `「${ind.name}」的评价标准单位不一致：${show(ind)}` };
      }
      return undefined;
    }),
);

export const gradesContiguous = activityRule(
  meta(
    "PRF-005",
    "评价标准各档首尾相接",
    "相邻两档之间不留空档（如中档 ≥3、差档 <1 时 1 至 3 之间无档可评）",
  ),
  (ctx) =>
    eachIndicator(ctx, (ind, path) => {
      const q = parsedGrades(ind.grades).filter((g) => g.t.value !== undefined && g.t.op);
      for (let k = 1; k < q.length; k++) {
        const a = q[k - 1]!.t,
          b = q[k]!.t;
        if (a.unit !== b.unit) continue;
        if (a.op === ">=" && b.op === "<" && b.value! < a.value!)
          return {
            path,
            message: `「${ind.name}」的评价标准 ${q[k - 1]!.raw} 与 ${q[k]!.raw} 之间留有空档：${show(ind)}`,
          };
        if (a.op === ">=" && b.op === "<=" && b.value! < a.value! - 1)
          return {
            path,
            message: `「${ind.name}」的评价标准 ${q[k - 1]!.raw} 与 ${q[k]!.raw} 之间留有空档：${show(ind)}`,
          };
      }
      return undefined;
    }),
);

export const indicatorHasGrades = activityRule(
  meta("PRF-006", "绩效指标有评价标准", "每个有名称的指标列出优、良、中、差评价标准"),
  (ctx) => {
    // A table without any grade (活动 | 绩效指标 | 指标性质 | 指标值, as some provinces print it) has no 优良中差 columns to fill.
    if (
      !(ctx.d.performance?.activities ?? []).some((a) =>
        a.indicators?.some((x) => parsedGrades(x.grades).length),
      )
    )
      return notApplicable("职责活动表没有优、良、中、差评价标准列");
    return eachIndicator(ctx, (ind, path) =>
      squash(ind.name) && !parsedGrades(ind.grades).length
        ? { path, message: `指标「${ind.name}」没有评价标准（优、良、中、差均为空）` }
        : undefined,
    );
  },
);

export const indicatorHasName = activityRule(
  meta("PRF-007", "有评价标准的指标有名称", "列出评价标准的行写明指标名称"),
  (ctx) =>
    eachIndicator(ctx, (ind, path) =>
      !squash(ind.name) && !squash(ind.description) && parsedGrades(ind.grades).length
        ? { path, message: `有评价标准（${show(ind)}）的行没有指标名称` }
        : undefined,
    ),
);

export const activityHasIndicators = activityRule(
  meta("PRF-008", "每项工作活动有绩效指标", "每项工作活动至少有一个有名称的绩效指标"),
  (ctx) => {
    const acts = ctx.d.performance?.activities ?? [];
    if (!acts.length) return notApplicable("没有职责活动表");
    return outcome(
      acts.map((a, i): Draft | undefined =>
        (a.indicators ?? []).some((x) => squash(x.name) || parsedGrades(x.grades).length)
          ? undefined
          : {
              path: `/performance/activities/${i}`,
              message: `工作活动「${a.activity}」（${a.duty}）没有绩效指标`,
            },
      ),
    );
  },
);

export const activityIndicatorsUnique = activityRule(
  meta("PRF-009", "同一活动的绩效指标不重复", "同一工作活动下指标名称不重复"),
  (ctx) => {
    const acts = ctx.d.performance?.activities ?? [];
    if (!acts.some((a) => a.indicators?.length)) return notApplicable("没有职责活动绩效指标");
    return outcome(
      acts.map((a, i): Draft | undefined => {
        const count = new Map<string, number>();
        for (const x of a.indicators ?? [])
          if (squash(x.name)) count.set(squash(x.name), (count.get(squash(x.name)) ?? 0) + 1);
        const dup = [...count].filter(([, n]) => n > 1);
        return dup.length
          ? {
              path: `/performance/activities/${i}/indicators`,
              message: `工作活动「${a.activity}」的指标重复：${dup.map(([k, n]) => `${k} ×${n}`).join("；")}`,
            }
          : undefined;
      }),
    );
  },
);

export const activitiesUnique = activityRule(
  meta("PRF-010", "同一职责下的工作活动不重复", "同一职责下不出现名称相同的两项工作活动"),
  (ctx) => {
    const acts = ctx.d.performance?.activities ?? [];
    if (acts.length < 2) return notApplicable("职责活动少于两项");
    const seen = new Map<string, number>();
    return outcome(
      acts.map((a, i): Draft | undefined => {
        const key = `${squash(a.duty)}|${squash(a.activity)}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, i);
          return undefined;
        }
        return {
          path: `/performance/activities/${i}`,
          message: `职责「${a.duty}」下的工作活动「${a.activity}」重复出现（同第 ${first + 1} 项）`,
          related: [`/performance/activities/${first}`],
        };
      }),
    );
  },
);

const CN_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
export function chineseNumber(s: string): number | undefined {
  if (!/^[一二三四五六七八九十]+$/.test(s)) return undefined;
  if (s === "十") return 10;
  const [tens, ones] = s.includes("十") ? s.split("十") : ["", s];
  const t = s.includes("十") ? (tens ? CN_DIGITS[tens]! : 1) : 0;
  return t * 10 + (ones ? (CN_DIGITS[ones] ?? 0) : 0);
}

export const activityNumbering = activityRule(
  meta(
    "PRF-011",
    "职责与活动编号连续",
    "职责编号（一、二、…）依次递增不跳号；同一职责下活动编号（1、2、…）不重新从头开始",
  ),
  (ctx) => {
    const acts = ctx.d.performance?.activities ?? [];
    const map = ctx.d.sourceMap ?? {};
    if (!acts.length) return notApplicable("没有职责活动表");
    const dutyNo = acts.map((_, i) =>
      chineseNumber(
        /^\s*([一二三四五六七八九十]+)[、.．]/.exec(
          map[`/performance/activities/${i}/duty`]?.text ?? "",
        )?.[1] ?? "",
      ),
    );
    const actNo = acts.map((_, i) => {
      const m = /^\s*(\d+)[、.．]/.exec(map[`/performance/activities/${i}/activity`]?.text ?? "");
      return m ? Number(m[1]) : undefined;
    });
    if (dutyNo.every((x) => x === undefined) && actNo.every((x) => x === undefined))
      return notEvaluable("没有记录职责和活动的原始编号");
    const drafts: Draft[] = [];
    let prevDuty: number | undefined;
    acts.forEach((a, i) => {
      const n = dutyNo[i];
      const newDuty = i === 0 || squash(acts[i - 1]!.duty) !== squash(a.duty);
      if (newDuty && n !== undefined) {
        if (prevDuty !== undefined && n > prevDuty + 1)
          drafts.push({
            path: `/performance/activities/${i}`,
            message: `职责编号从 ${prevDuty} 跳到 ${n}，中间的职责未列出`,
          });
        prevDuty = n;
      }
      if (
        !newDuty &&
        actNo[i] !== undefined &&
        actNo[i - 1] !== undefined &&
        actNo[i]! <= actNo[i - 1]!
      ) {
        drafts.push({
          path: `/performance/activities/${i}`,
          message: `职责「${a.duty}」下活动编号由 ${actNo[i - 1]} 变回 ${actNo[i]}，可能缺少职责行或活动归错职责`,
        });
      }
    });
    return outcome(drafts);
  },
);
