/**
 * Sections of the running text: a part the importer did not turn into data may
 * still be explained in words (机构设置 listed in prose, 国有资产占有使用情况 as a
 * paragraph). Completeness rules ask here before calling a part missing, so a
 * reader's gap is not reported as the document's.
 */
import type { CheckContext } from "../../context.ts";

export interface TextSection {
  /** Source line of the heading. */
  line: number;
  title: string;
}

interface Heading {
  index: number;
  line: number;
  title: string;
  /** Text after the title on the same line ("（四）国有资产占有使用情况。截至 2025 年…"). */
  rest: string;
}

const NUMBERED =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]、?|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+部分)/;
const TITLE_END = /[。：:；;，,]/;
const MAX_TITLE = 30;
/** An unnumbered heading is one phrase, at most closed by a colon (not "…全面实施绩效目标管理，"). */
const UNNUMBERED = /^[^。：:；;，,]+[：:]?$/;

/** The 上海 template's "<unit's full name>（单位）机构设置", longer than other headings (pool P091). */
const NAMED_UNIT_HEADING = /^[^。：:；;，,]{4,48}机构设置$/;

/** An unnumbered line this long under a heading is its paragraph's first line, not a heading. */
const RUN_ON = 20;

const cache = new WeakMap<CheckContext, { headings: Heading[]; isHeading: boolean[] }>();

function headingsOf(ctx: CheckContext): { headings: Heading[]; isHeading: boolean[] } {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const lines = ctx.narrative ?? [];
  const headings: Heading[] = [];
  const isHeading: boolean[] = [];
  lines.forEach((l, index) => {
    const text = l.text.replace(/\s+/g, "");
    const numbered = NUMBERED.exec(text);
    const body = numbered ? text.slice(numbered[0].length) : text;
    const end = TITLE_END.exec(body);
    const title = end ? body.slice(0, end.index) : body;
    const rest = end ? body.slice(end.index + 1) : "";
    // Unnumbered headings are short lines that do not read as a sentence ("部门机构设置", "机构设置：").
    const heading =
      (title.length > 0 &&
        title.length <= MAX_TITLE &&
        (numbered !== null || (text.length <= MAX_TITLE && UNNUMBERED.test(text)))) ||
      NAMED_UNIT_HEADING.test(text);
    isHeading.push(heading);
    if (heading) headings.push({ index, line: l.line, title, rest });
  });
  const out = { headings, isHeading };
  cache.set(ctx, out);
  return out;
}

/**
 * The first heading whose title matches `topic` and that has something under it:
 * words after the title on its own line, or a following paragraph that is not
 * itself a heading (a table of contents entry or an empty section has none).
 */
export function sectionInText(ctx: CheckContext, topic: RegExp): TextSection | undefined {
  const lines = ctx.narrative;
  if (!lines?.length) return undefined;
  const { headings, isHeading } = headingsOf(ctx);
  for (const h of headings) {
    if (!topic.test(h.title)) continue;
    const after = lines[h.index + 1]?.text.replace(/\s+/g, "") ?? "";
    // A wrapped paragraph line without punctuation reads like an unnumbered heading; a heading
    // is short ("部门机构设置"), the first line of a paragraph runs on (wild P013, P098).
    const next =
      after.length > 0 &&
      (!isHeading[h.index + 1] || (!NUMBERED.test(after) && after.length >= RUN_ON));
    if (h.rest.length >= 6 || next) return { line: h.line, title: h.title };
  }
  return undefined;
}
