/**
 * Which half of a publication a file is. Many departments publish the explanation (情况说明)
 * and the tables (预算报表) as separate files or attachments; completeness rules about the
 * other half do not apply to one of them alone. Also: final accounts (决算) report
 * 绩效管理 / 绩效评价, not targets.
 */
import type { CheckContext } from "../../context.ts";

export type Half = "tablesOnly" | "explanationOnly";

/** Headings and wordings only an explanation carries. */
const EXPLANATION =
  /情况说明|编制说明|预算说明|决算说明|部门职责|主要职能|主要职责|机构设置|部门概况|单位概况|收支情况|收支预算总体情况/;
/** An explanation that sends the reader to tables published in another file. */
const TABLES_ELSEWHERE =
  /附件[\d一二三四五六七八九十]?[：:、.]?[^。；]{0,40}(预算|决算)(公开)?报表|(预算|决算)报表[^。；]{0,10}(另行|单独)公开|详见[^。；]{0,20}(附件|报表)/;

const cache = new WeakMap<CheckContext, Half | undefined>();

function textOf(ctx: CheckContext): string {
  return (ctx.narrative ?? [])
    .map((l) => l.text)
    .join("")
    .replace(/\s+/g, "");
}

/** The half this file is, when it is only one half of a split publication. */
export function halfOf(ctx: CheckContext): Half | undefined {
  if (cache.has(ctx)) return cache.get(ctx);
  let half: Half | undefined;
  if (ctx.narrative) {
    const d = ctx.d;
    const text = textOf(ctx);
    const tablesRead =
      !!d.expenditureByFunction?.length ||
      !!d.basicByEconomic?.length ||
      !!d.performance?.projects?.length;
    if (tablesRead && !EXPLANATION.test(text)) half = "tablesOnly";
    else if (!tablesRead && TABLES_ELSEWHERE.test(text)) half = "explanationOnly";
  }
  cache.set(ctx, half);
  return half;
}

export const HALF_LABEL: Record<Half, string> = {
  tablesOnly: "本文件只有预算（决算）报表，说明部分另行公开",
  explanationOnly: "本文件只有情况说明，报表另行公开（附件）",
};

/** Final accounts report performance management or evaluation instead of targets. */
export function reportsPerformanceManagement(ctx: CheckContext): boolean {
  return ctx.d.kind === "final" && /绩效(管理|评价|自评|情况|目标)/.test(textOf(ctx));
}
