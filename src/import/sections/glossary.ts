/**
 * The 名词解释 part: each term and its explanation.
 */
import type { PartExtractor } from "./context.ts";
import { Outline, outlineOf, titleOf, type Section } from "../toolkit/outline.ts";
import { squash } from "../source-document.ts";

const SECTION = "名词解释";

export interface GlossaryEntry {
  term: string;
  definition: string;
  line: number;
}

/** "term：definition": the term is the text before the first colon, short and not a sentence. */
const ENTRY = /^([^：:。，,；;]{1,80}?)\s*[:：]\s*(.*)$/s;

/** Lines end a definition when they end a sentence; a wrapped line does not. */
const endsSentence = (s: string) => /[。！；;)）”"]$/.test(s.trim());

/** Captions of the tables that often follow a glossary: not terms. */
const NOT_TERMS =
  /^(?:编制部门|编制单位|部门名称|单位名称|填报单位|单位|金额单位|注|备注|说明|资料来源)$/;

/** Titles of what follows a glossary: the tables part, its first table, an annex. */
const END_TITLES =
  /^(?:(?:文字|表格|报表)部分|(?:\d{4}年度?)?(?:部门)?(?:预算|决算)?(?:公开)?(?:报表|表格|附表)|附件\d*|附表\d*|.{0,20}(?:预算|决算)(?:公开)?表)$/;

/**
 * The numbered or unnumbered "term：definition" entries of a 名词解释 section,
 * wrapped lines joined (a term may itself wrap: "四、一般公共服务（类）…机构 /
 * 事务（款）：指…"). A sub-heading with no definition ("功能分类名词解释：",
 * introducing a table) is not a term; a table ends the entry before it.
 */
export function glossaryEntries(section: Section): GlossaryEntry[] {
  const buffers: { text: string; line: number }[] = [];
  let current: { text: string; line: number } | undefined;
  let lastLine = 0;
  for (const p of section.paras) {
    const body = p.numbered && p.numbered.style !== "part" ? p.numbered.rest : p.text;
    const tableBetween = section.tables.some((t) => t.line > lastLine && t.line < p.line);
    lastLine = p.line;
    if (tableBetween) current = undefined;
    const hasColon = ENTRY.test(body);
    // The tables part after the glossary ("二、表格部分", "部门预算公开表") ends it, whatever the outline nests.
    if ((p.heading || p.centered) && END_TITLES.test(titleOf(p.text))) break;
    // A title ("功能分类名词解释" over its table) ends the definition before it; it is not part of it.
    const title = p.heading && !p.numbered && !hasColon;
    // A PDF line wrapped before a number ("房价收入比超过 / 4 倍以上地区…") is not item 4.
    const wrappedNumber =
      !!current &&
      !!p.numbered &&
      !hasColon &&
      /^\d{1,2}\s+[^\s、．.]/.test(p.text) &&
      !endsSentence(current.text) &&
      /[:：]/.test(current.text);
    const continues =
      wrappedNumber ||
      (current &&
        !p.numbered &&
        !p.centered &&
        !title &&
        (!hasColon || !endsSentence(current.text) || !/[:：]/.test(current.text)));
    if (continues) {
      current!.text += (wrappedNumber ? p.text : body).trim();
    } else if (p.numbered || hasColon) {
      current = { text: body.trim(), line: p.line };
      buffers.push(current);
    } else {
      current = undefined;
    }
  }
  const entries: GlossaryEntry[] = [];
  for (const b of buffers) {
    const m = ENTRY.exec(b.text);
    if (!m) continue;
    const term = squash(m[1]!);
    const definition = m[2]!.trim();
    if (!definition || NOT_TERMS.test(term)) continue;
    entries.push({ term, definition, line: b.line });
  }
  return entries;
}

/** Reads 名词解释. */
export const extractGlossary: PartExtractor = {
  name: SECTION,
  run(ctx) {
    const outline = outlineOf(ctx.doc);
    const section = outline.findOne(/^(?:\d{4}年度?)?(?:部门预算|部门决算)?名词解释$/);
    if (!section) return;
    const entries = glossaryEntries(section);
    if (!entries.length) {
      ctx.diagnose(
        "warning",
        `找到“名词解释”但未读出任何名词（glossary section found, no terms read）`,
        SECTION,
        section.heading.line,
      );
      return;
    }
    ctx.disclosure.glossary = entries.map(({ term, definition }) => ({ term, definition }));
    entries.forEach((e, i) => ctx.cite(`/glossary/${i}`, e.line, `${e.term}：${e.definition}`));
  },
};
