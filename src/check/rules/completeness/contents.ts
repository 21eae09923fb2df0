/**
 * The 目录 against what is printed: every table the 目录 lists is printed,
 * under a title naming the same year. A 目录 listing tables none of which the
 * file prints is an explanation whose tables are published apart (附件): not
 * a gap. Reads the outline the importer keeps (model/outline.ts).
 */
import { notApplicable, outcome, passed } from "../../context.ts";
import type { CheckContext } from "../../context.ts";
import type { OutlineLine } from "../../../model/outline.ts";
import type { Draft } from "../../types.ts";
import { BASIS, defineRule, EXACT } from "../define.ts";
import { halfOf } from "./publication.ts";

/** The importer's note that a file holds only part of a disclosure (import/document-kind.ts). */
const PARTIAL_FILE = "文件类型（document kind）";
const YEAR = /(20\d\d)年度?/g;
/** A title's bracketed note, closed or cut off: (按经济分类). */
const NOTE = /\([^)]*\)?$/;

/** A title compared as words: quotes, brackets' widths, years and blanks set aside. */
function words(text: string): string {
  return text
    .replace(/[“”"‘’'「」『』]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(YEAR, "")
    .replace(/\s+/g, "");
}

const yearOf = (text: string): number | undefined => {
  const m = /(20\d\d)年/.exec(text);
  return m ? Number(m[1]) : undefined;
};

/**
 * The printed title of a listed table: a heading ending with its words, after
 * at most the department's name, 部门 or 单位 (so 收支总表 is not found in
 * 财政拨款收支总表).
 */
function printedTitle(
  entry: string,
  headings: readonly OutlineLine[],
  department: string,
): OutlineLine | undefined {
  const title = words(entry);
  return headings.find((h) => {
    const text = words(h.text)
      .replace(/^(?:部门公开表|附?表)\d+(?:-\d+)?/, "")
      .replace(/(?:金额)?单位[:：](?:万元|元)$/, "");
    // The title, perhaps followed by a note of its own ("财政拨款支出预算表（功能科目）").
    const bare = text.endsWith(title) ? text : text.replace(NOTE, "");
    if (!bare.endsWith(title)) return false;
    const before = bare.slice(0, bare.length - title.length);
    return (
      before === "" ||
      /^(?:本?部门|单位|[一二三四五六七八九十\d]+[、.．])$/.test(before) ||
      (department !== "" && before.includes(department))
    );
  });
}

/** A title's words without the enumeration marks that vary between 目录 and body (、 及 和). */
const loose = (text: string) => words(text).replace(/[、，,及和与]/g, "");

/** The length of the longest common subsequence of two short titles. */
function common(a: string, b: string): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const ch of a) {
    const next = [0];
    for (let j = 0; j < b.length; j++)
      next.push(ch === b[j] ? row[j]! + 1 : Math.max(row[j + 1]!, next[j]!));
    row = next;
  }
  return row[b.length]!;
}

/**
 * A heading printing the listed table under a somewhat different wording
 * (财政拨款支出预算表（功能科目）, “三公”经费…支出预算表 for 一般公共预算“三公”经费…,
 * 部门收支总体情况表 for 部门收支总表): all the words of the shorter, in order, in the
 * longer, the shorter long enough not to be part of another table's name.
 */
function printedAlike(entry: string, headings: readonly OutlineLine[]): boolean {
  const title = loose(entry);
  const titles = new Set([title, title.replace(NOTE, "")]);
  return headings.some((h) => {
    const text = loose(h.text);
    // With and without bracketed notes: a note may be cut by a line end ("…（按支出经济分类科目-不")
    // or added by one side ("…培训费表（不含上年结转）").
    const texts = new Set([text, text.replace(NOTE, "")]);
    return [...titles].some((a) => [...texts].some((b) => subsequence(a, b)));
  });
}

/** All the words of the shorter title, in order, in the longer; the shorter long enough not to be part of another table's name. */
function subsequence(a: string, b: string): boolean {
  if (a.length > 2 * b.length || b.length > 2 * a.length) return false;
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (shorter < 8 && (shorter < 5 || longer - shorter > 4)) return false;
  // Every word of the shorter, in order: 收入 for 收支 is another table.
  return common(a, b) === shorter;
}

/** Why the rule does not apply to this file, if it does not. */
function notApplying(ctx: CheckContext): string | undefined {
  const contents = ctx.outline?.contents ?? [];
  if (!contents.length) return "文件没有列出表格的目录";
  if (halfOf(ctx) || ctx.d.diagnostics?.some((x) => x.section === PARTIAL_FILE))
    return "本文件只是公开文件的一部分，目录所列表格可能另行公开";
  return undefined;
}

export const contentsPrinted = defineRule(
  {
    id: "CMP-018",
    family: "completeness",
    severity: "warning",
    category: "目录",
    title: "目录所列表格均已公开，标题与目录一致",
    expects:
      "目录列出的每张表都印在文件中，表的标题年度与目录（或目录中所属部分）的年度一致（目录所列表格均未印出的文件视为报表另行公开）",
    tolerance: "标题忽略空白、引号、括号全半角与编号；表名前可有部门名称",
    basis: BASIS.rules143,
  },
  (ctx) => {
    const why = notApplying(ctx);
    if (why) return notApplicable(why);
    const contents = ctx.outline!.contents;
    const headings = ctx.outline!.headings;
    const department = words(ctx.d.department?.name ?? "");
    const found = contents.map((c) => ({ c, h: printedTitle(c.text, headings, department) }));
    // A heading that prints one listed table is not another's looser wording (财政拨款支出预算表
    // within 政府性基金财政拨款支出预算表).
    const claimed = new Set(found.flatMap((f) => (f.h ? [f.h.text] : [])));
    const others = headings.filter((h) => !claimed.has(h.text));
    const printed = found.filter((f) => f.h || printedAlike(f.c.text, others)).length;
    // None of them printed: the tables are published as another file.
    if (printed === 0) return notApplicable("目录所列表格均不在本文件中，报表应另行公开");
    const drafts: Draft[] = [];
    for (const { c, h } of found) {
      if (!h) {
        if (!printedAlike(c.text, others))
          drafts.push(at(c, `目录列有「${c.text}」，但文件中未见该表`));
        continue;
      }
      const listed = c.year ?? yearOf(c.text);
      const shown = yearOf(h.text);
      if (listed !== undefined && shown !== undefined && listed !== shown)
        drafts.push(
          at(
            h,
            yearOf(c.text) === undefined
              ? `表的标题「${h.text}」为 ${shown} 年，而目录在 ${listed} 年的部分下列出「${c.text}」`
              : `表的标题「${h.text}」为 ${shown} 年，而目录列为「${c.text}」（${listed} 年）`,
          ),
        );
    }
    return drafts.length ? outcome(drafts) : passed();
  },
);

/** A finding at a printed line. */
function at(line: OutlineLine, message: string): Draft {
  return { message, line: line.line, ...(line.location ? { location: line.location } : {}) };
}
