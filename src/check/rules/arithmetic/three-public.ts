/** The 三公 table adds up: total = 出国 + 车辆 + 接待, 车辆 = 购置 + 运行, for this year, last year and the change. */
import { has, notApplicable, notEvaluable, outcome, type Term } from "../../context.ts";
import type { ThreePublic } from "../../../model/disclosure.ts";
import { BASIS, defineRule, ROUNDING } from "../define.ts";

type Amounts = Pick<ThreePublic, "total" | "overseas" | "vehicle" | "reception">;
const SCOPES = { "": "本年", "/previous": "上年", "/change": "增减额" } as const;
type Scope = keyof typeof SCOPES;

function amountsAt(tp: ThreePublic | undefined, scope: Scope): Amounts | undefined {
  if (!tp) return undefined;
  return scope === "" ? tp : scope === "/previous" ? tp.previous : tp.change;
}

function totalRule(id: string, scope: Scope) {
  const word = SCOPES[scope];
  return defineRule(
    {
      id,
      family: "arithmetic",
      severity: "error",
      category: "三公经费",
      title: `"三公"经费${word}合计等于三项之和`,
      expects: `${word}合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费`,
      tolerance: ROUNDING,
      basis: BASIS.rules143,
    },
    (ctx, self) => {
      const a = amountsAt(ctx.d.threePublic, scope);
      const base = `/threePublic${scope}`;
      if (!has(a?.total)) return notApplicable(`未列示"三公"经费${word}合计`);
      const parts: Term[] = [];
      if (has(a.overseas))
        parts.push({ path: `${base}/overseas`, value: a.overseas, label: "因公出国（境）费" });
      const v = a.vehicle;
      if (has(v?.total))
        parts.push({
          path: `${base}/vehicle/total`,
          value: v.total,
          label: "公务用车购置及运行费",
        });
      else if (has(v?.purchase) || has(v?.operation)) {
        if (has(v?.purchase))
          parts.push({
            path: `${base}/vehicle/purchase`,
            value: v.purchase,
            label: "公务用车购置费",
          });
        if (has(v?.operation))
          parts.push({
            path: `${base}/vehicle/operation`,
            value: v.operation,
            label: "公务用车运行费",
          });
      }
      if (has(a.reception))
        parts.push({ path: `${base}/reception`, value: a.reception, label: "公务接待费" });
      if (parts.length < 2) return notApplicable(`"三公"经费${word}分项未列示`);
      const unstated = scope === "" ? undefined : unstatedItem(ctx.d.threePublic!, a);
      if (unstated)
        return notEvaluable(`本年列示了${unstated}，但未列示其${word}，${word}各项之和不完整`);
      return outcome([
        ctx.equation(
          {
            title: `"三公"经费${word}合计 = 各项之和`,
            total: { path: `${base}/total`, value: a.total, label: `${word}合计` },
            parts,
          },
          self.severity,
        ),
      ]);
    },
  );
}

/**
 * An item this year's figures list whose last-year figure or change is not stated (pool P058's
 * text gives 因公出国 0 万元 "预算未做安排" with no change): its share of the sum is unknown, not zero.
 */
function unstatedItem(tp: ThreePublic, a: Amounts): string | undefined {
  if (has(tp.overseas) && !has(a.overseas)) return "因公出国（境）费";
  if (has(tp.reception) && !has(a.reception)) return "公务接待费";
  const v = a.vehicle;
  if (has(v?.total)) return undefined;
  if (has(tp.vehicle?.purchase) && !has(v?.purchase)) return "公务用车购置费";
  if (has(tp.vehicle?.operation) && !has(v?.operation)) return "公务用车运行费";
  if (has(tp.vehicle?.total) && !has(v?.purchase) && !has(v?.operation))
    return "公务用车购置及运行费";
  return undefined;
}

function vehicleRule(id: string, scope: Scope) {
  const word = SCOPES[scope];
  return defineRule(
    {
      id,
      family: "arithmetic",
      severity: "error",
      category: "三公经费",
      title: `公务用车购置及运行费（${word}）等于购置费与运行费之和`,
      expects: `公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费（${word}）`,
      tolerance: ROUNDING,
      basis: BASIS.rules143,
    },
    (ctx, self) => {
      const v = amountsAt(ctx.d.threePublic, scope)?.vehicle;
      const base = `/threePublic${scope}/vehicle`;
      if (!has(v?.total) || !has(v.purchase) || !has(v.operation))
        return notApplicable("未同时列示公务用车购置及运行费、购置费和运行费");
      return outcome([
        ctx.equation(
          {
            title: `公务用车购置及运行费（${word}）= 购置费 + 运行费`,
            total: { path: `${base}/total`, value: v.total, label: "公务用车购置及运行费" },
            parts: [
              { path: `${base}/purchase`, value: v.purchase, label: "购置费" },
              { path: `${base}/operation`, value: v.operation, label: "运行费" },
            ],
          },
          self.severity,
        ),
      ]);
    },
  );
}

export const threePublicTotal = totalRule("ARI-010", "");
export const threePublicVehicle = vehicleRule("ARI-011", "");
export const threePublicPreviousTotal = totalRule("ARI-012", "/previous");
export const threePublicPreviousVehicle = vehicleRule("ARI-013", "/previous");
export const threePublicChangeTotal = totalRule("ARI-014", "/change");
export const threePublicChangeVehicle = vehicleRule("ARI-015", "/change");

export const threePublicFundSources = defineRule(
  {
    id: "ARI-016",
    family: "arithmetic",
    severity: "error",
    category: "三公经费",
    title: `"三公"经费资金来源之和等于合计`,
    expects: `"三公"经费合计 = 各资金来源之和`,
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    const tp = ctx.d.threePublic;
    if (!has(tp?.total) || !tp.fundSources?.length) return notApplicable("未列示资金来源");
    const parts = tp.fundSources.map((s, i) => ({
      path: `/threePublic/fundSources/${i}/amount`,
      value: s.amount,
      label: s.label,
    }));
    return outcome([
      ctx.equation(
        {
          title: `"三公"经费合计 = 各资金来源之和`,
          total: { path: "/threePublic/total", value: tp.total, label: "合计" },
          parts,
        },
        self.severity,
      ),
    ]);
  },
);
