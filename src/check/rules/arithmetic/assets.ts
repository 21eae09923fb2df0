/** The asset table: 合计 = Σ categories (其中 rows excluded), 原值 − 累计折旧 = 净值, 其中 ≤ its parent. */
import { fmt, has, notApplicable, outcome, type CheckContext, type Term } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { defineRule, ROUNDING } from "../define.ts";

type Col = "originalValue" | "depreciation" | "netValue" | "quantity";
const COL_LABEL: Record<Col, string> = {
  originalValue: "原值",
  depreciation: "累计折旧",
  netValue: "净值",
  quantity: "数量",
};

function columnRule(id: string, col: Col, severity: "error" | "warning") {
  return defineRule(
    {
      id,
      family: "arithmetic",
      severity,
      category: "国有资产",
      title: `资产合计${COL_LABEL[col]}等于各类资产之和`,
      expects: `资产合计的${COL_LABEL[col]} = 各资产类别（不含"其中"行）${COL_LABEL[col]}之和`,
      tolerance: ROUNDING,
      basis: "《地方预决算公开操作规程》：国有资产占用情况",
    },
    (ctx, self) => {
      const a = ctx.d.assets;
      const total = a?.total?.[col];
      // A row the 合计 leaves out is reported once, by ARI-036; the columns are compared without it.
      const omitted = omittedRows(ctx);
      const left = omitted.length === 1 ? omitted[0]! : undefined;
      const items = (a?.items ?? [])
        .map((it, i) => ({ it, i }))
        .filter(({ it, i }) => !it.parent && has(it[col]) && i !== left?.i);
      if (!has(total) || items.length < 2)
        return notApplicable(`未列示资产合计或分类${COL_LABEL[col]}`);
      const parts: Term[] = items.map(({ it, i }) => ({
        path: `/assets/items/${i}/${col}`,
        value: it[col]!,
        label: it.category,
      }));
      const totalTerm: Term = {
        path: `/assets/total/${col}`,
        value: total,
        label: `合计${COL_LABEL[col]}`,
      };
      if (col === "quantity") {
        const sum = items.reduce((s, { it }) => s + it[col]!, 0);
        return sum === total
          ? outcome([])
          : outcome([
              {
                path: totalTerm.path,
                message: `资产合计数量 ${total} 与各类资产数量之和 ${sum} 不一致`,
                actual: total,
                expected: sum,
              },
            ]);
      }
      const without = left ? `（不含合计遗漏的「${left.it.category}」，见 ARI-036）` : "";
      return outcome([
        ctx.equation(
          { title: `资产合计${COL_LABEL[col]} = 各类资产之和${without}`, total: totalTerm, parts },
          self.severity,
        ),
      ]);
    },
  );
}

export const assetOriginalSum = columnRule("ARI-030", "originalValue", "error");
export const assetDepreciationSum = columnRule("ARI-031", "depreciation", "error");
export const assetNetSum = columnRule("ARI-032", "netValue", "error");
export const assetQuantitySum = columnRule("ARI-033", "quantity", "warning");

export const assetNetValue = defineRule(
  {
    id: "ARI-034",
    family: "arithmetic",
    severity: "error",
    category: "国有资产",
    title: "净值等于原值减累计折旧",
    expects: "每一行及合计：原值 − 累计折旧 = 净值",
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    const a = ctx.d.assets;
    const rows = [
      ...(a?.total ? [{ v: a.total, base: "/assets/total", name: "合计" }] : []),
      ...(a?.items ?? []).map((it, i) => ({
        v: it,
        base: `/assets/items/${i}`,
        name: it.category,
      })),
    ].filter(({ v }) => has(v.originalValue) && has(v.depreciation) && has(v.netValue));
    if (!rows.length) return notApplicable("未同时列示原值、累计折旧和净值");
    return outcome(
      rows.map(({ v, base, name }) =>
        ctx.equation(
          {
            title: `「${name}」原值 = 累计折旧 + 净值`,
            path: `${base}/netValue`,
            total: { path: `${base}/originalValue`, value: v.originalValue!, label: "原值" },
            parts: [
              { path: `${base}/depreciation`, value: v.depreciation!, label: "累计折旧" },
              { path: `${base}/netValue`, value: v.netValue!, label: "净值" },
            ],
          },
          self.severity,
        ),
      ),
    );
  },
);

export const assetChildWithinParent = defineRule(
  {
    id: "ARI-035",
    family: "arithmetic",
    severity: "error",
    category: "国有资产",
    title: `"其中"行不超过所属类别`,
    expects: `同一类别下各"其中"行之和 ≤ 该类别的数值`,
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    const items = ctx.d.assets?.items ?? [];
    const children = items.map((it, i) => ({ it, i })).filter(({ it }) => it.parent);
    if (!children.length) return notApplicable(`资产表没有"其中"行`);
    const drafts: Draft[] = [];
    for (const col of ["originalValue", "netValue"] as const) {
      const byParent = new Map<string, { it: (typeof items)[number]; i: number }[]>();
      for (const c of children)
        if (has(c.it[col])) byParent.set(c.it.parent!, [...(byParent.get(c.it.parent!) ?? []), c]);
      for (const [parent, kids] of byParent) {
        const pi = items.findIndex(
          (it) => !it.parent && it.category.replace(/\s/g, "") === parent.replace(/\s/g, ""),
        );
        const pv = pi >= 0 ? items[pi]![col] : undefined;
        if (!has(pv)) continue;
        const sum = kids.reduce((s, k) => s + ctx.fen(k.it[col]!), 0n);
        if (sum > ctx.fen(pv) + 5000n * BigInt(kids.length + 1)) {
          drafts.push({
            path: `/assets/items/${kids[0]!.i}/${col}`,
            severity: self.severity,
            message: `资产类别「${parent}」${COL_LABEL[col]} ${fmt(ctx.fen(pv))} 万元，其"其中"行之和 ${fmt(sum)} 万元超过了该类别`,
            actual: Number(fmt(sum)),
            expected: pv,
            unit: "万元",
            related: [`/assets/items/${pi}/${col}`],
          });
        }
      }
    }
    return outcome(drafts);
  },
);

export const assetTotalOmitsRow = defineRule(
  {
    id: "ARI-036",
    family: "arithmetic",
    severity: "warning",
    category: "国有资产",
    title: "资产合计遗漏或重复计入某一行",
    expects: "合计与各类之和的差额不恰好等于某一行的数值（否则该行被合计遗漏或重复计入）",
    tolerance: ROUNDING,
  },
  (ctx) => {
    const a = ctx.d.assets;
    const total = a?.total?.originalValue;
    if (!has(total) || (a?.items ?? []).length < 2)
      return notApplicable("未列示资产合计原值或分类");
    return outcome(
      omittedRows(ctx).map(
        ({ it, i, diff }): Draft => ({
          path: `/assets/items/${i}`,
          message: `资产合计原值 ${fmt(ctx.fen(total))} 万元未包含「${it.category}」（${fmt(ctx.fen(it.originalValue!))} 万元）：各类之和比合计多 ${fmt(diff)} 万元`,
          related: ["/assets/total/originalValue"],
          difference: Number(fmt(diff)),
          unit: "万元",
        }),
      ),
    );
  },
);

type AssetItem = NonNullable<NonNullable<CheckContext["d"]["assets"]>["items"]>[number];

/** Top-level rows whose 原值 is exactly what the categories exceed 合计 by (within one printed half unit). */
function omittedRows(ctx: CheckContext): { it: AssetItem; i: number; diff: bigint }[] {
  const a = ctx.d.assets;
  const total = a?.total?.originalValue;
  if (!has(total)) return [];
  const top = (a?.items ?? [])
    .map((it, i) => ({ it, i }))
    .filter(({ it }) => !it.parent && has(it.originalValue));
  if (top.length < 2) return [];
  const diff = top.reduce((s, { it }) => s + ctx.fen(it.originalValue!), 0n) - ctx.fen(total);
  if (diff === 0n) return [];
  return top
    .filter(({ it }) => {
      const v = ctx.fen(it.originalValue!);
      return v !== 0n && diff - v <= 5000n && v - diff <= 5000n;
    })
    .map((x) => ({ ...x, diff }));
}
