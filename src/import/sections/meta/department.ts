/**
 * The department's name as a disclosure prints it, cleaned and checked: a
 * scope suffix (（本级）, （汇总）, 机关), the Beijing title's trailing 部门,
 * numbering, attachment prefixes, unit codes and stray punctuation are taken
 * off, and what is left is kept only when it reads as an organ's name (ends
 * like one, holds no sentence punctuation or figures). A sentence or a table
 * cell caught by a label ("…主管部门交办的其他事项。", "用户满意度") is refused.
 */
import { squash, type SourceLine } from "../../source-document.ts";

/** 本级: the organ's own budget; 汇总: the organ with its subordinate units. */
export type Scope = "本级" | "汇总";

export interface DepartmentName {
  name: string;
  scope?: Scope;
}

/**
 * How organs' names end: 局, 委员会, 办公室, 中心, 支队, 研究院, 学校, 大学, 试验场, 活动室,
 * 监狱, 海关, 政协, 侨联 …
 */
const ORGAN_END =
  /(?:局|委员会|管委会|委|办公室|办公厅|办|厅|院|中心|队|所|站|馆|部|处|会|学|校|园|场|室|社|团|署|府|宫|台|集团|公司|组|科|狱|关|协|联|厂|人大)$/;
/**
 * Words a name never starts with: a clause caught by a label. Only words that
 * start no place name (和田, 从化, 向阳, 本溪 and 将乐 do).
 */
const CLAUSE_START = /^(?:及|与|或|的|等|对|其|该|被|把|本部门|本单位|上述|所属|包括|负责|主要)/;
/** Figures, sentence punctuation, comparison signs: a cell or a sentence, not a name. */
const NOT_NAME = /[\d，。,；;：:！？!?、“”"≥≤<>%＝=…]|\s/;
/** A scope printed after the name: "（本级）", "(汇总)", "本级", "机关". */
const SCOPE_SUFFIX = /(?:[（(](本级|汇总|部门汇总|机关|本部)[）)]|(本级|汇总|机关))$/;

/** Whether a cleaned name reads as an organ's name. */
export function looksLikeOrgan(name: string): boolean {
  if (name.length < 2 || name.length > 50) return false;
  if (NOT_NAME.test(name) || CLAUSE_START.test(name)) return false;
  // "上海市统计和大数据研究院（上海市统计数据管理中心）": the name before its alias decides.
  const main = name.replace(/[（(][^（()）]+[）)]$/, "");
  return main.length >= 2 && ORGAN_END.test(main) && !/[（()）]/.test(main);
}

/**
 * Cleans a name as printed and checks it. "北京市信访办公室部门" → 北京市信访办公室;
 * "西安市统计局（汇总）" → 西安市统计局 (scope 汇总); "106_长沙市公安局" → 长沙市公安局;
 * "附件1：北京市水务局" → 北京市水务局. Returns undefined when what is left is not an organ's name.
 */
export function cleanDepartmentName(raw: string): DepartmentName | undefined {
  let name = squash(raw)
    .replace(/^(?:附件\d*[:：]?|关于)/, "")
    .replace(
      /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．_\-－])/,
      "",
    )
    .replace(/^[“"《「【\[]+|[”"》」】\]。，,；;：:、.]+$/g, "");
  let scope: Scope | undefined;
  const suffix = SCOPE_SUFFIX.exec(name);
  if (suffix) {
    const rest = name.slice(0, suffix.index);
    if (looksLikeOrgan(rest)) {
      const word = suffix[1] ?? suffix[2]!;
      scope = /汇总/.test(word) ? "汇总" : "本级";
      name = rest;
    }
  }
  // The Beijing title "北京市信访办公室部门 2026 年度部门预算" names the organ then 部门.
  if (name.endsWith("部门") && looksLikeOrgan(name.slice(0, -2))) name = name.slice(0, -2);
  if (!looksLikeOrgan(name)) return undefined;
  return scope ? { name, scope } : { name };
}

export interface NameFound extends DepartmentName {
  line: number;
  /** The value as printed, before cleaning. */
  raw: string;
}

interface Labelled {
  text: string;
  line: number;
}

/**
 * Values printed after a label that starts a line or a cell: "部门：X  单位：万元",
 * "部门名称：X", "部门名称      X" (a label cell and its value cell), or a label alone on
 * its line with the value on the next (a Word table's cells). `labels` longest first.
 */
function labelledValues(lines: readonly SourceLine[], labels: readonly string[]): Labelled[] {
  const alt = labels.join("|");
  const inline = new RegExp(
    `(?:^|\\s{2,}|\\t)(?:${alt})\\s*(?:[:：]\\s*|\\s+)([^\\s:：][^\\t]*?)(?=\\s{2,}|\\t|$)`,
    "g",
  );
  const alone = new RegExp(`^(?:${alt})\\s*[:：]?$`);
  const out: Labelled[] = [];
  for (const [i, line] of lines.entries()) {
    if (!labels.some((l) => line.text.includes(l))) continue;
    const text = line.text.replace(/\[bookmark:[^\]]*\]/g, "").trim();
    for (const m of text.matchAll(inline)) {
      out.push({ text: m[1]!.replace(/(?:金额)?单位[:：].*$/, ""), line: line.no });
    }
    if (alone.test(text)) {
      const next = lines.slice(i + 1, i + 3).find((l) => l.text.trim());
      if (next) out.push({ text: next.text.trim().split(/\s{2,}|\t/)[0]!, line: next.no });
    }
  }
  return out;
}

/** The clean name the labels print most often (the first on a tie), with where it was first seen. */
export function labelledName(
  lines: readonly SourceLine[],
  labels: readonly string[],
): NameFound | undefined {
  const counts = new Map<string, NameFound & { n: number }>();
  for (const value of labelledValues(lines, labels)) {
    const clean = cleanDepartmentName(value.text);
    if (!clean) continue;
    const hit = counts.get(clean.name) ?? { ...clean, line: value.line, raw: value.text, n: 0 };
    hit.n++;
    if (clean.scope) hit.scope ??= clean.scope;
    counts.set(clean.name, hit);
  }
  let best: (NameFound & { n: number }) | undefined;
  for (const hit of counts.values()) if (!best || hit.n > best.n) best = hit;
  if (!best) return undefined;
  const { n: _n, ...found } = best;
  return found;
}

/**
 * "部门预算编码  301", "部门代码：135": a department code labelled as the department's, never a
 * unit's (单位编码). A line that also names a department names this one, or the code is another's.
 */
export function labelledCode(
  lines: readonly SourceLine[],
  name: string,
): { code: string; line: number } | undefined {
  const re = /(?:^|\s{2,}|\t)部门(?:预算)?(?:编码|代码)\s*(?:[:：]\s*|\s+)(\d{3})(?!\d)/;
  for (const line of lines) {
    if (!line.text.includes("部门")) continue;
    const m = re.exec(line.text.trim());
    if (!m) continue;
    const flat = squash(line.text);
    if (flat.includes("名称") && !flat.includes(name)) continue;
    return { code: m[1]!, line: line.no };
  }
  return undefined;
}
