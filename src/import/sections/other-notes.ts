/**
 * The 其他需要说明的事项 part, and the unnumbered part titles it shares with the outline.
 */
import type { PartExtractor } from "./context.ts";
import { Outline, outlineOf, type Para } from "../toolkit/outline.ts";
import { squash } from "../source-document.ts";

const SECTION = "其他需要说明的事项";

/** Title variants, most specific first: 其他需要说明的事项 / 其他重要事项的情况说明 / 其他情况说明 / 其他需要说明情况. */
export const OTHER_NOTES_TITLES = [
  /^(?:其他|其它)需要?说明的?事项$/,
  /^(?:其他|其它)(?:需要说明的?)?(?:重要)?事项的?(?:情况)?说明$/,
  /^(?:其他|其它)(?:需要)?(?:说明)?的?情况(?:说明)?$/,
];

/**
 * A line that starts the next part although the outline does not number it:
 * a short title with no sentence punctuation that names a document part
 * ("2021 年度部门预算绩效信息", "部门预算表").
 */
export function isUnnumberedPartTitle(p: Para, previous: string): boolean {
  const t = squash(p.text);
  return (
    t.length <= 30 &&
    !/[，。；：,;:]/.test(t) &&
    /(?:预算|决算|绩效|公开|表|目录|附件)/.test(t) &&
    (previous === "" || /[。！；;]$/.test(previous))
  );
}

/** Reads 其他需要说明的事项. */
export const extractOtherNotes: PartExtractor = {
  name: SECTION,
  run(ctx) {
    const outline = outlineOf(ctx.doc);
    const section = OTHER_NOTES_TITLES.map((t) => outline.findOne(t)).find((s) => s);
    if (!section) return;
    // Some templates use the title for a container of other parts ("（一）机关运行经费… （二）“三公”经费…"): not notes.
    const first = section.paras[0];
    if (
      first?.numbered &&
      /机关运行|三公|政府采购|国有资产|绩效/.test(first.numbered.rest.slice(0, 12))
    )
      return;
    const parts: string[] = [];
    let line = 0;
    for (const p of section.paras) {
      if (p.heading || isUnnumberedPartTitle(p, parts.join(""))) break;
      // Tables under the heading (e.g. a 三公 list) belong to other parts; the notes are the running text.
      if (section.tables.some((t) => t.line < p.line) && parts.length) break;
      parts.push(p.text.trim());
      line ||= p.line;
    }
    const text = parts.join("");
    if (!text) {
      ctx.diagnose(
        "warning",
        `找到“${section.title}”但其下没有文字（section found, no text）`,
        SECTION,
        section.heading.line,
      );
      return;
    }
    ctx.disclosure.otherNotes = text;
    ctx.cite("/otherNotes", line, text);
  },
};
