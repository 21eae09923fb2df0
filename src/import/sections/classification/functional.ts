/**
 * The 功能分类科目说明 part: each 科目's code, name and description.
 */
import type { ExtractContext, PartExtractor } from "../context.ts";
import { rowTexts } from "../../toolkit/find.ts";
import type { Disclosure } from "../../../model/disclosure.ts";
import type { TableBlock } from "../../source-document.ts";

const SECTION = "功能分类科目说明";

type Entry = NonNullable<Disclosure["functionalClassification"]>[number];

interface Columns {
  headerRow: number;
  code: number;
  name: number;
  description: number;
}

/** A table that explains 功能分类科目: 功能编码 / 功能名称 / 名词解释 (or 科目编码 / 科目名称 / 说明). */
export function classificationColumns(table: TableBlock): Columns | undefined {
  for (const [r, row] of table.rows.slice(0, 4).entries()) {
    const t = rowTexts(row);
    const code = t.findIndex((c) => /^(?:功能(?:分类)?(?:科目)?|科目)(?:编码|代码)$/.test(c));
    const name = t.findIndex((c) => /^(?:功能(?:分类)?(?:科目)?|科目)名称$/.test(c));
    const description = t.findIndex((c) =>
      /^(?:名词解释|解释|说明|科目说明|含义|内容|释义)$/.test(c),
    );
    if (code >= 0 && name >= 0 && description >= 0)
      return { headerRow: r, code, name, description };
  }
  return undefined;
}

function read(ctx: ExtractContext, table: TableBlock, cols: Columns, out: Entry[]): void {
  for (const row of table.rows.slice(cols.headerRow + 1)) {
    const t = rowTexts(row);
    // A one-cell row (tabs layout) or a row with only the last column is the rest of the previous description.
    const continuation =
      (t.length === 1 && !/^\d{3}/.test(t[0]!)) ||
      (!t[cols.code] && !t[cols.name] && (t[cols.description] ?? t[t.length - 1]));
    if (continuation) {
      const prev = out[out.length - 1];
      const more = t.filter(Boolean).join("");
      if (prev && more) prev.description = (prev.description ?? "") + more;
      continue;
    }
    const code = (t[cols.code] ?? "").replace(/\s/g, "");
    if (!/^\d{3}(?:\d{2}){0,2}$/.test(code)) {
      if (code || t[cols.name])
        ctx.diagnose(
          "warning",
          `功能分类科目编码“${t[cols.code]}”无法识别，该行未读（unreadable code）`,
          SECTION,
          row.line,
        );
      continue;
    }
    const entry: Entry = { code, name: t[cols.name] ?? "" };
    const description = t[cols.description];
    if (description) entry.description = description;
    ctx.cite(`/functionalClassification/${out.length}`, row.line, t.join(" "));
    out.push(entry);
  }
}

/** Reads 功能分类科目说明 (the 功能分类名词解释 table). */
export const extractFunctionalClassification: PartExtractor = {
  name: SECTION,
  run(ctx) {
    const out: Entry[] = [];
    for (const block of ctx.doc.blocks) {
      if (block.kind !== "table") continue;
      const cols = classificationColumns(block);
      if (cols) read(ctx, block, cols, out);
    }
    for (const e of out)
      if (!e.name) ctx.diagnose("warning", `功能分类科目 ${e.code} 没有名称（no name）`, SECTION);
    if (out.length) ctx.disclosure.functionalClassification = out;
    else
      ctx.diagnose(
        "info",
        "未找到功能分类科目说明表（no table explaining 功能分类科目 found）",
        SECTION,
      );
  },
};
