/**
 * Words the human reports share: severities, the Chinese names of the
 * disclosure's parts (a diagnostic's `section` may be a part's JSON name), and
 * a finding's places as a reviewer finds them in the original file.
 */
import { formatLocation, type Finding, type Location, type Severity } from "../types.ts";

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

/** The disclosure's top-level parts by their JSON names. */
export const PART_LABEL: Record<string, string> = {
  department: "部门",
  units: "所属单位",
  duties: "部门职责",
  income: "收入",
  expenditure: "支出",
  operatingCosts: "机关运行经费",
  threePublic: "“三公”经费",
  procurement: "政府采购",
  assets: "国有资产",
  performance: "绩效目标",
  expenditureByFunction: "支出功能分类表",
  basicByEconomic: "一般公共预算基本支出表",
  functionalClassification: "功能分类科目说明",
  glossary: "名词解释",
  otherNotes: "其他需要说明的事项",
};

/** A part's Chinese name for a part named by its JSON name; any other name as it is. */
export function partLabel(name: string): string {
  return PART_LABEL[name] ?? name;
}

/** Printed wording at most this long in a report; longer wording is cut with "…". */
const WORDING = 40;

/** "第 30 页第 7 行「2,134.87」": a location with the wording printed there. */
export function placeText(at: Location): string {
  const where = formatLocation(at);
  const text = at.text?.replace(/\s+/g, " ").trim();
  if (!text) return where;
  return `${where}「${text.length > WORDING ? `${text.slice(0, WORDING)}…` : text}」`;
}

/**
 * Every place of a finding in the original file, each once, in the order the
 * finding names them: its own location first, then the other sides of its
 * equation. A finding read from a JSON without source map has none.
 */
export function placesOf(f: Finding): string[] {
  const all = [f.location, ...(f.places ?? []).map((p) => p.location)];
  const out = all.flatMap((at) => (at ? [placeText(at)] : []));
  if (!out.length && f.line !== undefined) out.push(`导入文本第 ${f.line} 行`);
  return [...new Set(out)];
}
