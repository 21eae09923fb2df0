/**
 * A table printed empty (no figure, or zeros only) without a note saying why,
 * while the explanation states an amount for what the table is about: the
 * reader is told of money the table does not show. Reads the printed tables
 * the importer keeps in the outline (model/outline.ts) and the explanation's
 * sentences; only parts whose table and wording name the same money are
 * compared (政府性基金, 国有资本经营, "三公"经费, 政府采购, 机关运行经费), never
 * a table whose scope the text may word differently (基本支出, 项目支出 of one
 * fund against all funds).
 */
import { notApplicable, notEvaluable, outcome, passed } from "../../context.ts";
import type { CheckContext } from "../../context.ts";
import type { PrintedTable } from "../../../model/outline.ts";
import type { Draft } from "../../types.ts";
import { BASIS, defineRule } from "../define.ts";
import { NUM, UNIT, sentencesOf, textAmount, type Sentence } from "../narrative/sentences.ts";

interface Part {
  /** The part as the message names it. */
  name: string;
  /** A table about it names it in its title. */
  title: RegExp;
  /** The words the text names it by. */
  words: string;
}

const PARTS: Part[] = [
  { name: "政府性基金预算", title: /政府性基金/, words: "政府性基金" },
  { name: "国有资本经营预算", title: /国有资本经营/, words: "国有资本经营" },
  { name: "“三公”经费", title: /三公/, words: '[“"]?三公[”"]?经费' },
  { name: "政府采购", title: /政府采购/, words: "政府采购" },
  { name: "机关运行经费", title: /机关运行经费/, words: "机关运行经费" },
];

/** Text saying the part has no money this year: the table's note, wherever it is printed. */
const NONE = /无|没有|未安排|不涉及|空表|为零|为0(?![\d.])/;
/** Words between the part and the amount that make it another year's figure or a change. */
const NOT_THIS_YEAR = /上年|去年|上一年|增加|减少|增长|下降|持平|较|比|同比|决算|执行/;

/** The first sentence stating a non-zero amount for the part this year, and the amount as printed. */
function statedAmount(
  sentences: readonly Sentence[],
  part: Part,
): { sentence: Sentence; figure: string } | undefined {
  const re = new RegExp(`${part.words}([^，。；;、：:]{0,30}?)${NUM}\\s*${UNIT}`, "g");
  for (const s of sentences) {
    for (const m of s.text.matchAll(re)) {
      if (NOT_THIS_YEAR.test(m[1]!) || NONE.test(m[1]!)) continue;
      const amount = textAmount(m[2]!, m[3]!);
      if (amount && amount.fen !== 0n) return { sentence: s, figure: `${m[2]}${m[3]}` };
    }
  }
  return undefined;
}

/** The text says the part has nothing (本部门无政府性基金预算…, “三公”经费为零), the words close together. */
function saidNone(sentences: readonly Sentence[], part: Part): boolean {
  const none = NONE.source;
  const re = new RegExp(
    `(?:${none})[^，。；;]{0,12}${part.words}|${part.words}[^，。；;]{0,16}(?:${none})`,
  );
  return sentences.some((s) => re.test(s.text));
}

export const emptyTableStated = defineRule(
  {
    id: "CMP-019",
    family: "completeness",
    severity: "warning",
    category: "空表说明",
    title: "说明列有金额的部分，表中不为空表",
    expects:
      "说明文字列出本年金额的政府性基金预算、国有资本经营预算、“三公”经费、政府采购或机关运行经费，其公开表印有该金额；表中确无数据时附有说明",
    tolerance: "表中只有零或空白视为空表；表下或目录中有“无…”“空表”“不涉及”等说明的不判",
    basis: BASIS.rules143,
  },
  (ctx) => {
    const tables = ctx.outline?.tables;
    if (!tables) return notApplicable("文件未读取表格版式（仅对导入的文件判断）");
    const empty = tables.filter((t) => t.figures === 0 && !t.note);
    if (!empty.length) return notApplicable("没有未附说明的空表");
    const sentences = sentencesOf(ctx);
    if (!ctx.narrative?.length || !sentences.length) return notEvaluable("没有说明文字");
    const drafts: Draft[] = [];
    const reported = new Set<string>();
    for (const table of empty) {
      const part = PARTS.find((p) => p.title.test(table.text));
      // One finding per part: the same table's title repeated on a second page is one table.
      if (!part || reported.has(part.name) || saidNone(sentences, part)) continue;
      const stated = statedAmount(sentences, part);
      if (!stated) continue;
      reported.add(part.name);
      drafts.push(finding(table, part, stated));
    }
    return drafts.length ? outcome(drafts) : passed();
  },
);

function finding(
  table: PrintedTable,
  part: Part,
  stated: { sentence: Sentence; figure: string },
): Draft {
  const where = stated.sentence.line ? `（第 ${stated.sentence.line} 行）` : "";
  return {
    message: `「${table.text}」印为空表且未说明原因，而说明文字${where}写有${part.name} ${stated.figure}`,
    line: table.line,
    actual: 0,
    ...(table.location ? { location: table.location } : {}),
  };
}
