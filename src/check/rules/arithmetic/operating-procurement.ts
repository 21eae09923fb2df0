/** 机关运行经费 items and the procurement table add up. */
import { fmt, has, notApplicable, outcome, type Term } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { BASIS, defineRule, ROUNDING } from "../define.ts";
import { halfUnit, printedPlaces } from "../../tolerance.ts";

export const operatingItems = defineRule(
  {
    id: "ARI-020",
    family: "arithmetic",
    severity: "error",
    category: "机关运行经费",
    title: "机关运行经费等于其明细之和",
    expects: "机关运行经费 = 办公费、邮电费 … 各明细之和",
    tolerance: ROUNDING,
    basis: BASIS.budgetLaw14,
  },
  (ctx, self) => {
    const oc = ctx.d.operatingCosts;
    if (!has(oc?.amount) || !oc.items?.length) return notApplicable("未列示机关运行经费明细");
    const parts = oc.items.map((it, i) => ({
      path: `/operatingCosts/items/${i}/amount`,
      value: it.amount,
      label: it.name,
    }));
    // The items are often a "其中" list of the main ones.
    return outcome([
      ctx.equation(
        {
          title: "机关运行经费 = 明细之和",
          total: { path: "/operatingCosts/amount", value: oc.amount, label: "机关运行经费" },
          parts,
          partsMayBeIncomplete: true,
        },
        self.severity,
      ),
    ]);
  },
);

export const procurementItemsSum = defineRule(
  {
    id: "ARI-021",
    family: "arithmetic",
    severity: "error",
    category: "政府采购",
    title: "政府采购预算总额等于各采购项目金额之和",
    expects: "政府采购预算合计 = Σ 采购项目金额",
    tolerance: ROUNDING,
    basis: "《预算法》第十四条第三款",
  },
  (ctx, self) => {
    const p = ctx.d.procurement;
    if (!has(p?.total) || !p.items?.length) return notApplicable("未列示政府采购合计或明细");
    const parts = p.items.map((it, i) => ({
      path: `/procurement/items/${i}/amount`,
      value: it.amount,
      label: it.item,
    }));
    return outcome([
      ctx.equation(
        {
          title: "政府采购合计 = 各项目金额之和",
          total: { path: "/procurement/total", value: p.total, label: "合计" },
          parts,
        },
        self.severity,
      ),
    ]);
  },
);

export const procurementQuantityPrice = defineRule(
  {
    id: "ARI-022",
    family: "arithmetic",
    severity: "error",
    category: "政府采购",
    title: "采购金额等于数量乘单价",
    expects: "每个采购项目：金额 = 数量 × 单价",
    tolerance: "单价末位半个单位 × 数量 + 金额末位半个单位",
  },
  (ctx, self) => {
    const items = ctx.d.procurement?.items ?? [];
    const usable = items
      .map((it, i) => ({ it, i }))
      .filter(({ it }) => has(it.quantity) && has(it.unitPrice));
    if (!usable.length) return notApplicable("采购项目未列示数量和单价");
    const drafts: Draft[] = [];
    for (const { it, i } of usable) {
      const q = it.quantity!;
      const base = `/procurement/items/${i}`;
      // Quantity × price in 分, exact: the quantity as a decimal scaled by 10^6.
      const qScaled = BigInt(Math.round(q * 1e6));
      const product = (qScaled * ctx.fen(it.unitPrice!)) / 1_000_000n;
      const amount = ctx.fen(it.amount);
      const tol =
        halfUnit(printedPlaces(ctx.d, `${base}/unitPrice`, it.unitPrice!)) *
          BigInt(Math.ceil(Math.abs(q))) +
        halfUnit(printedPlaces(ctx.d, `${base}/amount`, it.amount)) +
        1n;
      const diff = amount - product;
      if (diff === 0n) continue;
      const within = (diff < 0n ? -diff : diff) <= tol;
      drafts.push({
        path: `${base}/amount`,
        severity: within ? "warning" : self.severity,
        message: `采购项目「${it.item}」金额 ${fmt(amount)} 万元，数量 ${q} × 单价 ${fmt(ctx.fen(it.unitPrice!))} 万元 = ${fmt(product)} 万元，差额 ${fmt(diff)} 万元`,
        actual: it.amount,
        expected: Number(fmt(product)),
        difference: Number(fmt(diff)),
        unit: "万元",
        related: [`${base}/quantity`, `${base}/unitPrice`],
      });
    }
    return outcome(drafts);
  },
);

export const procurementFundSources = defineRule(
  {
    id: "ARI-023",
    family: "arithmetic",
    severity: "error",
    category: "政府采购",
    title: "政府采购资金来源之和等于金额",
    expects: "政府采购合计及每个项目：金额 = 各资金来源之和",
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    const p = ctx.d.procurement;
    const eqs: (Draft | undefined)[] = [];
    if (has(p?.total) && p.fundSources?.length) {
      eqs.push(
        ctx.equation(
          {
            title: "政府采购合计 = 资金来源之和",
            total: { path: "/procurement/total", value: p.total, label: "合计" },
            parts: p.fundSources.map((s, i) => ({
              path: `/procurement/fundSources/${i}/amount`,
              value: s.amount,
              label: s.label,
            })),
          },
          self.severity,
        ),
      );
    }
    (p?.items ?? []).forEach((it, i) => {
      if (!it.fundSources?.length) return;
      const parts: Term[] = it.fundSources.map((s, j) => ({
        path: `/procurement/items/${i}/fundSources/${j}/amount`,
        value: s.amount,
        label: s.label,
      }));
      eqs.push(
        ctx.equation(
          {
            title: `采购项目「${it.item}」金额 = 资金来源之和`,
            total: { path: `/procurement/items/${i}/amount`, value: it.amount, label: "金额" },
            parts,
          },
          self.severity,
        ),
      );
    });
    if (!eqs.length) return notApplicable("未列示采购资金来源");
    return outcome(eqs);
  },
);
