/**
 * The document's own wording: headings name the disclosure's year, no template placeholder is
 * left in a heading, an as-of date (截至…年底 / 12月31日) falls in the right year, and no
 * punctuation mark is doubled.
 */
import { notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { CheckContext } from "../../context.ts";
import type { Draft, NarrativeLine } from "../../types.ts";
import { defineRule, EXACT } from "../define.ts";

const squash = (s: string) => s.replace(/\s+/g, "");

/** Short lines that read as a title: a year, a 预算/决算 word and a 表/说明/公开 word. */
const TITLE =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．]|第[一二三四五六七八九十]+部分)?[^，。；：:,]{0,30}?(\d{4})年度?[^，。；：:,]{0,30}?(预算|决算)[^，。；：:,]{0,20}?(表|说明|公开|情况)[^，。；：:,]{0,10}$/;

function titles(ctx: CheckContext): { line: number; text: string; year: number }[] {
  return (ctx.narrative ?? []).flatMap((l: NarrativeLine) => {
    const text = squash(l.text);
    if (text.length > 50) return [];
    const m = TITLE.exec(text);
    // "上年 / 比 / 较 / 与" make it a comparison, not a title.
    if (!m || /上年|比|较|与|同期/.test(text)) return [];
    return [{ line: l.line, text, year: Number(m[1]) }];
  });
}

export const headingYear = defineRule(
  {
    id: "TXT-014",
    family: "narrative",
    severity: "warning",
    category: "文件标题",
    title: "标题中的年度与公开年度一致",
    expects: '"YYYY 年部门预算（决算）…表 / 说明"等标题中的年度都是本文件的年度',
    tolerance: EXACT,
  },
  (ctx) => {
    const year = ctx.d.year;
    if (year === undefined) return notEvaluable("未知预算年度");
    if (!ctx.narrative?.length) return notEvaluable("没有说明文字");
    const list = titles(ctx);
    if (!list.length) return notApplicable("没有写明年度的标题");
    const wrong = list.filter((t) => t.year !== year);
    // A document whose titles mostly name another year was read with the wrong year: not a title defect.
    if (wrong.length * 2 > list.length) return notEvaluable("多数标题的年度与读取的年度不同");
    return outcome(
      wrong.map(
        (t): Draft => ({
          path: "/year",
          line: t.line,
          message: `第 ${t.line} 行标题「${t.text}」写作 ${t.year} 年，本文件为 ${year} 年（其余 ${list.length - wrong.length} 处标题为 ${year} 年）`,
          actual: t.year,
          expected: year,
        }),
      ),
    );
  },
);

/** Template placeholders: XX局, ××单位, ＊＊部门, ○○. */
const PLACEHOLDER = /(?:[XxＸｘ×＊*○]{2,})(?:市|县|区|省|局|委|办|单位|部门|中心|公司|学校|年|月)/;

export const placeholderInHeading = defineRule(
  {
    id: "TXT-015",
    family: "narrative",
    severity: "warning",
    category: "文件标题",
    title: "标题中没有遗留模板占位符",
    expects: "标题和部门名称不含 XX局、××单位之类的模板占位符",
    tolerance: EXACT,
  },
  (ctx) => {
    if (!ctx.narrative?.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    const name = ctx.d.department?.name;
    if (name && PLACEHOLDER.test(squash(name)))
      drafts.push({ path: "/department/name", message: `部门名称「${name}」含模板占位符` });
    for (const l of ctx.narrative) {
      const text = squash(l.text);
      if (text.length > 40 || /[。；]/.test(text)) continue;
      const m = PLACEHOLDER.exec(text);
      if (!m) continue;
      drafts.push({
        path: "/department",
        line: l.line,
        message: `第 ${l.line} 行标题「${text}」遗留模板占位符「${m[0]}」`,
        actual: text,
      });
    }
    return outcome(drafts);
  },
);

const AS_OF = /截[至止](\d{4})年(?:12月31日|12月末|12月底|底|末)[，,]?([^。；]{0,30})/g;

export const asOfYear = defineRule(
  {
    id: "TXT-016",
    family: "narrative",
    severity: "warning",
    category: "国有资产",
    title: "截至日期的年度与公开年度相符",
    expects:
      "决算：截至本年 12 月 31 日（年底）；预算：截至上年（或再上一年）底，不写本年以后的年底",
    tolerance: EXACT,
    basis: "《地方预决算公开操作规程》：国有资产占用情况",
  },
  (ctx) => {
    const year = ctx.d.year;
    if (year === undefined) return notEvaluable("未知预算年度");
    if (!ctx.narrative?.length) return notEvaluable("没有说明文字");
    const final = ctx.d.kind === "final";
    const drafts: Draft[] = [];
    let seen = 0;
    for (const l of ctx.narrative) {
      const text = squash(l.text);
      for (const m of text.matchAll(AS_OF)) {
        // A target ("截至2026年底完成…") is not an as-of date.
        if (/完成|实现|达到|力争|确保/.test(m[2]!)) continue;
        seen++;
        const y = Number(m[1]);
        const ok = final ? y === year : y === year - 1 || y === year - 2;
        if (ok) continue;
        drafts.push({
          path: "/assets",
          line: l.line,
          message: `「${m[0].slice(0, 40)}」：${year} 年${final ? "决算" : "预算"}的截至日期应在 ${final ? year : `${year - 1}（或 ${year - 2}）`} 年底，文字为 ${y} 年`,
          actual: y,
          expected: final ? year : year - 1,
        });
      }
    }
    if (!seen) return notApplicable("没有截至年底的日期");
    return outcome(drafts);
  },
);

export const doubledPunctuation = defineRule(
  {
    id: "TXT-017",
    family: "narrative",
    severity: "warning",
    category: "文字说明",
    title: "标点不重复",
    expects: "说明文字中没有连续重复的句号、逗号、顿号或分号（。。 ，， 、、 ；；）",
    tolerance: EXACT,
  },
  (ctx) => {
    if (!ctx.narrative?.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    for (const l of ctx.narrative) {
      const text = squash(l.text);
      for (const m of text.matchAll(/(。|，|、|；)\1/g)) {
        drafts.push({
          path: "/otherNotes",
          line: l.line,
          message: `第 ${l.line} 行标点重复「${m[0]}」：「${text.slice(Math.max(0, m.index! - 15), m.index! + 4)}」`,
        });
      }
    }
    return outcome(drafts);
  },
);
