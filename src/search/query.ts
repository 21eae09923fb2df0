/**
 * From what a reader typed to tsquery text. Only letters and digits survive
 * segmentation, and each word is quoted, so quotes, tsquery operators
 * (& | ! ( ) : * <->) and markup in the box are plain separators, never
 * syntax. Words are ANDed; a word of Latin letters or digits also matches as
 * a prefix (pinyin initials "sgj" and codes "20104" as they are typed).
 */
import { queryWords, tidyText } from "./segment.ts";
import { extractGroups, termOfInitials, variantsOf } from "./terms.ts";

/** Longer input is cut: nobody types more, and segmentation cost grows with it. */
export const MAX_QUERY_CHARS = 100;
const MAX_TERMS = 12;

export interface ParsedQuery {
  /** The query as shown back to the reader (cleaned, cut to MAX_QUERY_CHARS). */
  text: string;
  /** What is searched for: words and synonym groups, in order. */
  terms: string[];
  /** tsquery text requiring every term; undefined when nothing searchable was typed. */
  match?: string;
  /** tsquery text of every word worth marking in a snippet. */
  highlight?: string;
}

const quote = (word: string) => `'${word}'`;
const isAscii = (word: string) => /^[a-z0-9]+$/.test(word);

export function parseQuery(input: string): ParsedQuery {
  const text = tidyText(input).slice(0, MAX_QUERY_CHARS);
  const { groups, rest } = extractGroups(text);
  const words = [...new Set(queryWords(rest))];
  const terms = [...groups, ...words].slice(0, MAX_TERMS);
  if (!terms.length) return { text, terms };
  const match = terms
    .map((t) => (isAscii(t) && !groups.includes(t) ? `${quote(t)}:*` : quote(t)))
    .join(" & ");
  return { text, terms, match, highlight: highlightOf(terms, groups) };
}

/** The words to mark: the query's, every variant of a named group, the term behind initials. */
function highlightOf(terms: string[], groups: string[]): string {
  const marks = new Set<string>();
  for (const t of terms) {
    const group = groups.includes(t) ? t : isAscii(t) ? termOfInitials(t) : undefined;
    if (!group) marks.add(isAscii(t) ? `${quote(t)}:*` : quote(t));
    for (const v of group ? [group, ...variantsOf(group)] : []) {
      // A variant's single characters (费 of 因公出国境费) would mark every 费 in the text.
      for (const w of queryWords(v)) if (w.length > 1) marks.add(quote(w));
    }
  }
  return [...marks].join(" | ");
}
