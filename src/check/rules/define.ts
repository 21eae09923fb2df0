import type { CheckContext } from "../context.ts";
import type { Outcome, Rule, RuleMeta } from "../types.ts";

/** A rule is its metadata plus one function (architecture.md). */
export function defineRule(
  meta: RuleMeta,
  check: (ctx: CheckContext, self: RuleMeta) => Outcome,
): Rule {
  return { ...meta, check: (ctx) => check(ctx, meta) };
}

export const BASIS = {
  budgetLaw14: "《预算法》第十四条",
  budgetLaw37: "《预算法》第三十七条、第四十六条",
  regulation5: "《预算法实施条例》第五条",
  regulation6: "《预算法实施条例》第六条",
  rules143: "《地方预决算公开操作规程》（财预〔2016〕143号）",
  perf88: "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）",
  perf101: "《项目支出核心绩效目标和指标设置及取值指引》（财预〔2021〕101号）",
  classification: "财政部《政府收支分类科目》（按年度）",
} as const;

export const ROUNDING = "四舍五入：每个加数及合计各允许其末位有效数字的半个单位";
export const EXACT = "无（逐字或逐项比较）";
export const RATE =
  "金额按末位半个单位；百分比四舍五入或截断到其印出的位数均可，另允许 ±0.01 个百分点";
