/** The 一般公共预算基本支出表 (basicByEconomic) adds up: 类 = its 款, 合计 = 人员经费 + 公用经费. */
import { has, notApplicable, outcome, type Term } from "../../context.ts";
import { defineRule, ROUNDING } from "../define.ts";
import { levelRule } from "./projects-functions.ts";

export const economicClassEqualsItems = levelRule(
  "ARI-060",
  {
    part: "basicByEconomic",
    category: "经济分类",
    name: "基本支出经济分类",
    where: "一般公共预算基本支出表：",
    absent: "未列示按经济分类的基本支出",
    repeated: "经济分类科目编码重复（可能混合了多张表），无法确定层级",
  },
  3,
  5,
  "类",
  "款",
);

export const economicLineSplit = defineRule(
  {
    id: "ARI-061",
    family: "arithmetic",
    severity: "error",
    category: "经济分类",
    title: "基本支出经济分类科目合计等于人员经费与公用经费之和",
    expects: "一般公共预算基本支出表：每个经济分类科目的合计 = 人员经费 + 公用经费（空栏按零计）",
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    // A table with only a 合计 column (no 人员/公用 split) has nothing to add up.
    const lines = (ctx.d.basicByEconomic ?? [])
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => has(l.personnel) || has(l.publicOperating));
    if (!lines.length) return notApplicable("经济分类科目未分列人员经费和公用经费");
    return outcome(
      lines.map(({ l, i }) => {
        const parts: Term[] = [];
        if (has(l.personnel))
          parts.push({
            path: `/basicByEconomic/${i}/personnel`,
            value: l.personnel,
            label: "人员经费",
          });
        if (has(l.publicOperating))
          parts.push({
            path: `/basicByEconomic/${i}/publicOperating`,
            value: l.publicOperating,
            label: "公用经费",
          });
        return ctx.equation(
          {
            title: `${l.code} ${l.name}：合计 = 人员经费 + 公用经费`,
            total: { path: `/basicByEconomic/${i}/total`, value: l.total, label: "合计" },
            parts,
          },
          self.severity,
        );
      }),
    );
  },
);
