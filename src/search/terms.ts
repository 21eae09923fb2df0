/**
 * The vocabulary search knows beyond segmentation: synonym groups (the many
 * ways documents write the same budget term) and pinyin initials (三公经费 →
 * sgjf). A group's canonical term is itself a lexeme: a text using any
 * variant is indexed with it, and a query naming any variant asks for it, so
 * “三公”经费, 三公经费 and 三公费用 find one another.
 */
import { pinyin } from "pinyin-pro";
import { cleanText, queryWords } from "./segment.ts";

/** Canonical term first; variants as written once quotes are dropped and （境） is 境. */
const GROUPS: readonly (readonly string[])[] = [
  ["三公经费", "三公费用", "三公支出"],
  [
    "因公出国境费用",
    "因公出国境经费",
    "因公出国境费",
    "因公出国费用",
    "因公出国经费",
    "因公出境费用",
    "出国境费用",
  ],
  [
    "公务用车购置及运行费",
    "公务用车购置和运行费",
    "公务用车购置及运行维护费",
    "公务用车购置及运维费",
    "公车购置及运维费",
    "公务用车费用",
    "公车费用",
  ],
  ["公务接待费", "公务接待费用", "公务接待经费"],
  ["机关运行经费", "机关运行费", "机关运行费用"],
  ["一般公共预算", "公共财政预算"],
  ["政府性基金预算", "政府性基金"],
  ["国有资本经营预算", "国有资本经营"],
  ["财政拨款收入", "财政补助收入"],
  ["上年结转", "年初结转和结余", "上年结转结余"],
];

/** Terms whose pinyin initials are indexed wherever the term occurs (besides every group's). */
const KEY_TERMS: readonly string[] = [
  "部门预算",
  "部门决算",
  "政府采购",
  "基本支出",
  "项目支出",
  "人员经费",
  "公用经费",
  "行政运行",
  "绩效目标",
  "国有资产",
  "财政拨款",
  "部门职责",
];

/** Quotes dropped and （境） read as 境: the forms the variants above are written in. */
export function compactForTerms(text: string): string {
  return cleanText(text)
    .replace(/["'“”‘’「」『』]/g, "")
    .replace(/\(境\)/g, "境");
}

interface Variant {
  text: string;
  lexeme: string;
}

/** Longest first, so 因公出国境费用 is taken before 出国境费用 inside it. */
const VARIANTS: Variant[] = GROUPS.flatMap((g) => g.map((text) => ({ text, lexeme: g[0]! }))).sort(
  (a, b) => b.text.length - a.text.length,
);

/** Han characters only, as pinyin initials ("三公经费" → "sgjf"); "" when there are none. */
export function initials(text: string): string {
  const han = text.match(/\p{Script=Han}/gu)?.join("") ?? "";
  if (!han) return "";
  return (pinyin(han, { pattern: "first", toneType: "none", type: "array" }) as string[])
    .join("")
    .toLowerCase();
}

const KEY_INITIALS = new Map<string, string>(
  [...GROUPS.map((g) => g[0]!), ...KEY_TERMS].map((t) => [t, initials(t)]),
);

/** The synonym lexemes and key-term initials a text earns (each once). */
export function termLexemes(text: string): string[] {
  const compact = compactForTerms(text);
  const out = new Set<string>();
  for (const v of VARIANTS) {
    if (compact.includes(v.text)) {
      out.add(v.lexeme);
      out.add(KEY_INITIALS.get(v.lexeme)!);
    }
  }
  for (const t of KEY_TERMS) if (compact.includes(t)) out.add(KEY_INITIALS.get(t)!);
  return [...out];
}

/**
 * A name's initials: the whole name's, and each word's of two or more
 * characters (沧州市审计局 → czssjj, czs, sjj). One pinyin call for the name
 * (readings depend on context), sliced by word: this runs for every name indexed.
 */
export function nameInitials(name: string): string[] {
  const han = /\p{Script=Han}/u;
  const letters = initials(name).split("");
  const out = new Set<string>();
  if (letters.length >= 2) out.add(letters.join(""));
  let at = 0;
  for (const w of queryWords(name)) {
    const n = [...w].filter((c) => han.test(c)).length;
    if (n >= 2) out.add(letters.slice(at, at + n).join(""));
    at += n;
  }
  return [...out];
}

export interface QueryTerms {
  /** Synonym groups the query names (their canonical lexemes). */
  groups: string[];
  /** The remaining text, for segmentation. */
  rest: string;
}

/** Takes the synonym variants out of a query (longest first), leaving the rest to segment. */
export function extractGroups(query: string): QueryTerms {
  let rest = compactForTerms(query);
  const groups = new Set<string>();
  for (const v of VARIANTS) {
    if (rest.includes(v.text)) {
      groups.add(v.lexeme);
      rest = rest.split(v.text).join(" ");
    }
  }
  return { groups: [...groups], rest };
}

/** Every variant of a group (to mark in a snippet whichever one the text uses). */
export function variantsOf(lexeme: string): readonly string[] {
  return GROUPS.find((g) => g[0] === lexeme) ?? [];
}

/** The key term or group whose initials these are ("sgjf" → 三公经费), if any. */
export function termOfInitials(ascii: string): string | undefined {
  for (const [term, i] of KEY_INITIALS) if (i === ascii) return term;
  return undefined;
}
