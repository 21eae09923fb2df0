/** The 一般公共预算基本支出表 (basicByEconomic) adds up: 类 = its 款, 合计 = 人员经费 + 公用经费. */
import { has, notApplicable, notEvaluable, outcome, type Term } from "../../context.ts";
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

/**
 * The 人员经费 and 公用经费 columns of the 基本支出表, summed over its 类, are the 人员经费 and
 * 公用经费 subtotals of 基本支出 — when the table covers the same money (its 类 add up to 基本支出;
 * a table of 一般公共预算 only, in a department with other funds, covers less and is skipped).
 */
export const economicColumnsEqualSubtotals = defineRule(
  {
    id: "ARI-062",
    family: "arithmetic",
    severity: "error",
    category: "经济分类",
    title: "经济分类各科目的人员经费、公用经费之和等于其小计",
    expects:
      "基本支出表各类科目的合计之和等于基本支出时：各类人员经费之和 = 人员经费，各类公用经费之和 = 公用经费（日常公用经费）",
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    const e = ctx.d.expenditure;
    const classes = (ctx.d.basicByEconomic ?? [])
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => l.code.length === 3);
    if (!classes.length || !has(e?.basic)) return notApplicable("未同时列示经济分类科目和基本支出");
    if (new Set(classes.map(({ l }) => l.code)).size !== classes.length)
      return notApplicable("经济分类科目编码重复（可能混合了多张表）");
    // A 类 with money but neither column read (the importer could not tell which column its
    // page prints) would leave its share out of both column sums.
    const unsplit = classes.find(
      ({ l }) => l.total !== 0 && !has(l.personnel) && !has(l.publicOperating),
    );
    if (unsplit && classes.some(({ l }) => has(l.personnel) || has(l.publicOperating)))
      return notEvaluable(
        `「${unsplit.l.code} ${unsplit.l.name}」未读出人员经费、公用经费分栏，无法按栏求和`,
      );
    const whole = ctx.equation(
      {
        title: "基本支出 = 经济分类各类合计之和",
        total: { path: "/expenditure/basic", value: e.basic, label: "基本支出" },
        parts: classes.map(({ l, i }) => ({
          path: `/basicByEconomic/${i}/total`,
          value: l.total,
          label: `${l.code} ${l.name}`,
        })),
      },
      "error",
    );
    // Not the same money (or not the same table): nothing to compare the columns with.
    if (whole && whole.severity === "error") return notApplicable("基本支出表的范围与基本支出不同");
    const column = (key: "personnel" | "publicOperating", path: string, label: string) => {
      const total = e[key];
      if (!has(total) || !classes.some(({ l }) => has(l[key]))) return undefined;
      return ctx.equation(
        {
          title: `${label} = 经济分类各类${label}之和`,
          total: { path, value: total, label },
          parts: classes
            .filter(({ l }) => has(l[key]))
            .map(({ l, i }) => ({
              path: `/basicByEconomic/${i}/${key}`,
              value: l[key]!,
              label: `${l.code} ${l.name}`,
            })),
        },
        self.severity,
      );
    };
    return outcome([
      column("personnel", "/expenditure/personnel", "人员经费"),
      column("publicOperating", "/expenditure/publicOperating", "公用经费"),
    ]);
  },
);
