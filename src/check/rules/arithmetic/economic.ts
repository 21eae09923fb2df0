/** The 一般公共预算基本支出表 (basicByEconomic) adds up: 类 = its 款, 合计 = 人员经费 + 公用经费. */
import { has, notApplicable, notEvaluable, outcome, type Term } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { BASIS, defineRule, ROUNDING } from "../define.ts";

export const economicClassEqualsItems = defineRule(
  {
    id: "ARI-060", family: "arithmetic", severity: "error", category: "经济分类",
    title: "基本支出经济分类类级合计等于其下款级之和",
    expects: "一般公共预算基本支出表：每个类（3 位编码）的合计 = 其下各款（5 位编码）合计之和",
    tolerance: ROUNDING, basis: BASIS.regulation6,
  },
  (ctx, self) => {
    const lines = ctx.d.basicByEconomic ?? [];
    if (!lines.length) return notApplicable("未列示按经济分类的基本支出");
    const codes = lines.map((l) => l.code);
    if (new Set(codes).size !== codes.length) return notEvaluable("经济分类科目编码重复（可能混合了多张表），无法确定层级");
    const drafts: (Draft | undefined)[] = [];
    lines.forEach((l, i) => {
      if (l.code.length !== 3) return;
      const kids = lines.map((k, j) => ({ k, j })).filter(({ k }) => k.code.length === 5 && k.code.startsWith(l.code));
      if (!kids.length) return;
      const parts: Term[] = kids.map(({ k, j }) => ({ path: `/basicByEconomic/${j}/total`, value: k.total, label: `${k.code} ${k.name}` }));
      // A table may list only some 款 of a 类 (a total above its parts may only miss a row).
      drafts.push(ctx.equation({ title: `${l.code} ${l.name} = 其下各款之和`, path: `/basicByEconomic/${i}`, total: { path: `/basicByEconomic/${i}/total`, value: l.total, label: "合计" }, parts, partsMayBeIncomplete: true }, self.severity));
    });
    if (!drafts.length) return notApplicable("没有带款级明细的类");
    return outcome(drafts);
  },
);

export const economicLineSplit = defineRule(
  {
    id: "ARI-061", family: "arithmetic", severity: "error", category: "经济分类",
    title: "基本支出经济分类科目合计等于人员经费与公用经费之和",
    expects: "一般公共预算基本支出表：每个经济分类科目的合计 = 人员经费 + 公用经费（空栏按零计）",
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    // A table with only a 合计 column (no 人员/公用 split) has nothing to add up.
    const lines = (ctx.d.basicByEconomic ?? []).map((l, i) => ({ l, i })).filter(({ l }) => has(l.personnel) || has(l.publicOperating));
    if (!lines.length) return notApplicable("经济分类科目未分列人员经费和公用经费");
    return outcome(
      lines.map(({ l, i }) => {
        const parts: Term[] = [];
        if (has(l.personnel)) parts.push({ path: `/basicByEconomic/${i}/personnel`, value: l.personnel, label: "人员经费" });
        if (has(l.publicOperating)) parts.push({ path: `/basicByEconomic/${i}/publicOperating`, value: l.publicOperating, label: "公用经费" });
        return ctx.equation({ title: `${l.code} ${l.name}：合计 = 人员经费 + 公用经费`, total: { path: `/basicByEconomic/${i}/total`, value: l.total, label: "合计" }, parts }, self.severity);
      }),
    );
  },
);
