/**
 * Chinese word segmentation (jieba, through @node-rs/jieba) for the search
 * index and its queries. The same segmenter and settings serve both sides, so
 * a word cut one way in a document is cut the same way in a query. HMM (the
 * guesser for words outside the dictionary) is off: it depends on the
 * surrounding text, and a name must segment alike in a paragraph and alone in
 * the search box. The dictionary loads once, on first use (about a second).
 */
import { createRequire } from "node:module";

interface Segmenter {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
}

let segmenter: Segmenter | undefined;

function jieba(): Segmenter {
  if (!segmenter) {
    // A native addon with a CommonJS entry: loaded by require, and only when search is used.
    const require = createRequire(import.meta.url);
    const { Jieba } = require("@node-rs/jieba") as {
      Jieba: { withDict(dict: Uint8Array): Segmenter };
    };
    const { dict } = require("@node-rs/jieba/dict") as { dict: Uint8Array };
    segmenter = Jieba.withDict(dict);
  }
  return segmenter;
}

/** Joins display segments; never occurs in stored text (control characters are removed). */
export const SEGMENT_SEPARATOR = "\u001f";

/** Control characters to spaces, whitespace collapsed: text as shown (full-width 《》（）： kept). */
export function tidyText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** As tidyText, and full-width letters, digits and signs as ASCII (NFKC): text to match. */
export function cleanText(text: string): string {
  return tidyText(text.normalize("NFKC"));
}

/** A word the index keeps: letters and digits only (punctuation, operators and spaces drop out). */
const WORD = /^[\p{L}\p{N}]+$/u;

/** Index-side words: jieba's search mode (a word and the dictionary words inside it), lowercased. */
export function indexWords(text: string): string[] {
  return jieba()
    .cutForSearch(cleanText(text), false)
    .map((w) => w.toLowerCase())
    .filter((w) => WORD.test(w));
}

/** Query-side words: jieba's precise mode, lowercased, letters and digits only. */
export function queryWords(text: string): string[] {
  return jieba()
    .cut(cleanText(text), false)
    .map((w) => w.toLowerCase())
    .filter((w) => WORD.test(w));
}

/**
 * The text as jieba's precise words joined by SEGMENT_SEPARATOR: PostgreSQL's
 * parser then sees Chinese words one by one (ts_headline marks whole words),
 * and removing the separator gives the text back exactly.
 */
export function displaySegments(text: string): string {
  return jieba().cut(tidyText(text), false).join(SEGMENT_SEPARATOR);
}
