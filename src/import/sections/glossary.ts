import type { PartExtractor } from "./context.ts";
import { Outline, type Section } from "./outline.ts";
import { squash } from "../source-document.ts";

const SECTION = "名词解释";

export interface GlossaryEntry {
  term: string;
  definition: string;
  line: number;
}

/** "term：definition" with the term short enough to be a term, not a sentence with a colon in it. */
const ENTRY = /^(.{1,60}?)\s*[:：]\s*(.*)$/s;

/** Lines end a definition when they end a sentence; a wrapped line does not. */
const endsSentence = (s: string) => /[。！；;.)）”"]$/.test(s.trim());

/**
 * The numbered or unnumbered "term：definition" entries of a 名词解释 section,
 * wrapped lines joined. A sub-heading with no definition ("功能分类名词解释：",
 * introducing a table) is not a term.
 */
export function glossaryEntries(section: Section): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  let current: GlossaryEntry | undefined;
  let lastLine = 0;
  for (const p of section.paras) {
    const body = p.numbered && p.numbered.style !== "part" ? p.numbered.rest : p.text;
    const m = ENTRY.exec(body);
    const tableBetween = section.tables.some((t) => t.line > lastLine && t.line < p.line);
    const startsEntry = !!m && !/[。，,；;]/.test(m[1]!) && (!!p.numbered || !current || endsSentence(current.definition));
    if (startsEntry) {
      current = { term: squash(m![1]!), definition: m![2]!.trim(), line: p.line };
      entries.push(current);
    } else if (current && !tableBetween && !p.numbered) {
      current.definition += p.text.trim();
    } else {
      current = undefined;
    }
    lastLine = p.line;
  }
  return entries.filter((e) => e.definition.trim() !== "");
}

/** Reads 名词解释. */
export const extractGlossary: PartExtractor = {
  name: SECTION,
  run(ctx) {
    const outline = new Outline(ctx.doc);
    const section = outline.findOne(/^(?:\d{4}年度?)?(?:部门预算|部门决算)?名词解释$/);
    if (!section) return;
    const entries = glossaryEntries(section);
    if (!entries.length) {
      ctx.diagnose("warning", `找到“名词解释”但未读出任何名词（glossary section found, no terms read）`, SECTION, section.heading.line);
      return;
    }
    ctx.disclosure.glossary = entries.map(({ term, definition }) => ({ term, definition }));
    entries.forEach((e, i) => ctx.cite(`/glossary/${i}`, e.line, `${e.term}：${e.definition}`));
  },
};
