/** Totals of the income and expenditure summaries equal the sum of their parts. */
import { has, notApplicable, notEvaluable, outcome, type Term } from "../../context.ts";
import { pointer } from "../../pointer.ts";
import { BASIS, defineRule, ROUNDING } from "../define.ts";
import { isCarriedForward } from "../../../model/disclosure.ts";

export const incomeItemsSum = defineRule(
  {
    id: "ARI-001",
    family: "arithmetic",
    severity: "error",
    category: "收入",
    title: "收入总计等于各项收入之和",
    expects: "收入总计 = 各收入项目（含上年结转结余）之和",
    tolerance: ROUNDING,
    basis: BASIS.regulation5,
  },
  (ctx, self) => {
    const inc = ctx.d.income;
    if (!has(inc?.total) || !inc.items?.length) return notApplicable("未列示收入总计或收入明细");
    const parts: Term[] = inc.items.map((it, i) => ({
      path: pointer("income", "items", i, "amount"),
      value: it.amount,
      label: it.label,
    }));
    return outcome([
      ctx.equation(
        {
          title: "收入总计 = 各项收入之和",
          total: { path: "/income/total", value: inc.total, label: "收入总计" },
          parts,
        },
        self.severity,
      ),
    ]);
  },
);

export const expenditureSplit = defineRule(
  {
    id: "ARI-002",
    family: "arithmetic",
    severity: "error",
    category: "支出",
    title: "支出合计等于基本支出与项目支出之和",
    expects:
      "本年支出合计 = 基本支出 + 项目支出（+ 上缴上级、对附属单位补助等其他支出，不含结转下年）",
    tolerance: ROUNDING,
    basis: BASIS.regulation5,
  },
  (ctx, self) => {
    const e = ctx.d.expenditure;
    if (!has(e?.total) || !has(e.project)) return notApplicable("未同时列示支出合计和项目支出");
    const basic: Term[] = has(e.basic)
      ? [{ path: "/expenditure/basic", value: e.basic, label: "基本支出" }]
      : has(e.personnel) && has(e.publicOperating)
        ? [
            { path: "/expenditure/personnel", value: e.personnel, label: "人员经费" },
            {
              path: "/expenditure/publicOperating",
              value: e.publicOperating,
              label: "日常公用经费",
            },
          ]
        : [];
    if (!basic.length) return notApplicable("未列示基本支出");
    // 基本支出 inferred from 人员经费 + 公用经费 (which a text may state for one fund only) gives a warning.
    const severity = has(e.basic) ? self.severity : "warning";
    const parts: Term[] = [
      ...basic,
      { path: "/expenditure/project", value: e.project, label: "项目支出" },
    ];
    const total: Term = { path: "/expenditure/total", value: e.total, label: "支出合计" };
    const first = ctx.equation(
      { title: "支出合计 = 基本支出 + 项目支出", total, parts, severity },
      self.severity,
    );
    if (!first) return outcome([]);
    // Other expenditure lines (上缴上级支出 …) belong to the total; carried-forward lines do not.
    const others: Term[] = (e.otherItems ?? []).flatMap((o, i) =>
      isCarriedForward(o)
        ? []
        : [
            {
              path: pointer("expenditure", "otherItems", i, "amount"),
              value: o.amount,
              label: o.label,
            },
          ],
    );
    if (others.length)
      return outcome([
        ctx.equation(
          {
            title: "支出合计 = 基本支出 + 项目支出 + 其他支出",
            total,
            parts: [...parts, ...others],
            severity,
          },
          self.severity,
        ),
      ]);
    return outcome([first]);
  },
);

export const basicSplit = defineRule(
  {
    id: "ARI-003",
    family: "arithmetic",
    severity: "error",
    category: "支出",
    title: "基本支出等于人员经费与日常公用经费之和",
    expects: "基本支出 = 人员经费 + 日常公用经费",
    tolerance: ROUNDING,
    basis: BASIS.regulation5,
  },
  (ctx, self) => {
    const e = ctx.d.expenditure;
    if (!has(e?.basic) || !has(e.personnel) || !has(e.publicOperating))
      return notApplicable("未同时列示基本支出、人员经费和日常公用经费");
    return outcome([
      ctx.equation(
        {
          title: "基本支出 = 人员经费 + 日常公用经费",
          total: { path: "/expenditure/basic", value: e.basic, label: "基本支出" },
          parts: [
            { path: "/expenditure/personnel", value: e.personnel, label: "人员经费" },
            {
              path: "/expenditure/publicOperating",
              value: e.publicOperating,
              label: "日常公用经费",
            },
          ],
        },
        self.severity,
      ),
    ]);
  },
);

function splitRule(id: string, key: "previous" | "change", word: string) {
  return defineRule(
    {
      id,
      family: "arithmetic",
      severity: "error",
      category: "支出",
      title: `${word}：合计等于基本支出与项目支出之和`,
      expects: `${word}合计 = ${word}基本支出 + ${word}项目支出`,
      tolerance: ROUNDING,
    },
    (ctx, self) => {
      const s = ctx.d.expenditure?.[key];
      if (!has(s?.total) || !has(s.basic) || !has(s.project))
        return notApplicable(`未同时列示${word}的合计、基本支出和项目支出`);
      // Other expenditure lines (上缴上级, 预留机动经费 …) are in the total but have no split here.
      if ((ctx.d.expenditure?.otherItems ?? []).some((o) => !isCarriedForward(o)))
        return notEvaluable("支出合计还含有其他支出项目，其上年数/增减额未分列");
      return outcome([
        ctx.equation(
          {
            title: `${word}合计 = 基本支出 + 项目支出`,
            path: `/expenditure/${key}`,
            total: { path: `/expenditure/${key}/total`, value: s.total, label: `${word}合计` },
            parts: [
              { path: `/expenditure/${key}/basic`, value: s.basic, label: `${word}基本支出` },
              { path: `/expenditure/${key}/project`, value: s.project, label: `${word}项目支出` },
            ],
          },
          self.severity,
        ),
      ]);
    },
  );
}

export const previousSplit = splitRule("ARI-004", "previous", "上年数");
export const changeSplit = splitRule("ARI-005", "change", "比上年增减额");
