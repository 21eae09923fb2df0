/**
 * How a project table's labels are matched (full-width parentheses and a
 * trailing colon normalised) and which columns its indicator header names.
 * Shared by the label-value reader (table.ts) and the PDF-text grid (columns.ts).
 */
import { squash, type Cell } from "../../source-document.ts";
import { memoByText } from "../../memo.ts";

/** Squashed text with full-width parentheses and a trailing colon normalised, for label matching. */
export const labelText: (text: string) => string = memoByText((text) =>
  squash(text)
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[：:]$/, "")
    .replace(/\((万元|元)\)$/, ""),
);

export type IndicatorRole =
  | "level1"
  | "level2"
  | "name"
  | "description"
  | "target"
  | "basis"
  | "op"
  | "measure";

/** The indicator header: 一级指标, 二级指标, 三级指标 (or 指标名称), 指标值 … */
export function indicatorColumns(
  cells: Cell[],
): Partial<Record<IndicatorRole, number>> | undefined {
  const roles: Partial<Record<IndicatorRole, number>> = {};
  cells.forEach((c, i) => {
    const t = labelText(c.text);
    let role: IndicatorRole | undefined;
    if (/^一级指标$/.test(t)) role = "level1";
    else if (/^二级指标$/.test(t)) role = "level2";
    else if (/^(三级指标|指标名称)$/.test(t)) role = "name";
    else if (/指标描述|指标内容|指标说明|指标值内容/.test(t)) role = "description";
    else if (/^(本年|年度)?(绩效)?指标值(\(.*\))?$|^目标值$/.test(t)) role = "target";
    else if (/确定依据|设定依据|指标依据/.test(t)) role = "basis";
    else if (/^(绩效)?指标(值)?(性质|类型)$/.test(t)) role = "op";
    else if (/^(绩效)?(计量|度量)单位$/.test(t)) role = "measure";
    if (role && roles[role] === undefined) roles[role] = i;
  });
  // Without a 三级指标 column, 指标内容 names the indicator (Shaanxi template).
  if (roles.name === undefined && roles.description !== undefined) {
    roles.name = roles.description;
    delete roles.description;
  }
  return roles.level1 !== undefined && roles.level2 !== undefined && roles.name !== undefined
    ? roles
    : undefined;
}
