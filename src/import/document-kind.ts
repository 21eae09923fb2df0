/**
 * What a file holds, decided from its words before any part is read: a
 * department's disclosure (whole, its tables only, its explanation only, or
 * its performance-target tables only), or a document that is no disclosure
 * at all (a notice, a report, a standard, a price list) and is refused.
 */
import { ImportError } from "./errors.ts";
import { squash, type SourceDocument } from "./source-document.ts";

/** The diagnostics section of the notes below. */
export const KIND_SECTION = "文件类型（document kind）";

export type DocumentKind = "full" | "tables-only" | "explanation-only" | "performance-only";

/**
 * Families of words that only disclosures print together. A notice or a report
 * may say 预算 or 经费, but names none of these, or one at most.
 */
const DISCLOSURE_TERMS: readonly RegExp[] = [
  /(?:部门|单位)(?:综合)?(?:财务)?(?:预算|决算)/,
  /收支(?:预算|决算)?总表|财政拨款收支/,
  /(?:收入|支出)(?:预算|决算)?总?表/,
  /基本支出/,
  /项目支出/,
  /三公/,
  /机关运行经费/,
  /绩效目标/,
  /政府采购预算/,
];
/** A table's unit caption ("金额单位：万元", "单位：元"): the file prints tables. */
const TABLE_UNIT = /(?:金额)?单位[:：](?:万元|元|千元)/g;
/** Headings of the explanation (情况说明) part. */
const EXPLANATION = /情况说明|编制说明|部门概况|主要职责|主要职能|职能职责|名词解释/g;
const PERFORMANCE_TABLE = /绩效目标(?:表|申报表)/;
const SUMMARY_TABLE = /收支(?:预算|决算)?总表|财政拨款收支/;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;
const familiesIn = (text: string): number => DISCLOSURE_TERMS.filter((re) => re.test(text)).length;

function notDisclosure(): ImportError {
  return new ImportError(
    "这不是部门预算或决算公开文件：未找到“部门预算”“收支总表”“基本支出”“项目支出”“三公经费”“绩效目标”等公开内容（not a budget disclosure）",
    "not-disclosure",
  );
}

/**
 * The early verdict on a long file from its opening pages' words: a disclosure
 * names what it is (部门预算, 收支总表, …) on its cover, contents or first page,
 * so opening pages naming none of the families are a notice, a report or a
 * list, refused before the rest is read (a 328-page drug list took 8 s).
 * Over the shared corpus and wild files, every disclosure's first three pages
 * name at least one family and no other document's do.
 */
export function screenOpening(openingText: string): void {
  const text = squash(openingText);
  if (text.length >= 40 && familiesIn(text) === 0) throw notDisclosure();
}

/**
 * The kind of disclosure the document is. Refuses (ImportError "not-disclosure")
 * a document that names fewer than two of the disclosure word families.
 */
export function documentKind(document: SourceDocument): DocumentKind {
  const text = squash(document.lines.map((l) => l.text).join(""));
  if (!text) throw new ImportError("文件中没有可读的文字（no readable text in the file）", "empty");
  if (familiesIn(text) < 2 || text.length < 40) throw notDisclosure();
  const tables = count(text, TABLE_UNIT) >= 2;
  const explanation = count(text, EXPLANATION) >= 2;
  const performance = PERFORMANCE_TABLE.test(text);
  if (tables && explanation) return "full";
  if (performance && !explanation && !SUMMARY_TABLE.test(text)) return "performance-only";
  if (tables) return "tables-only";
  return "explanation-only";
}

/** What a partial document lacks, said once: the rest may be published as another file (--merge). */
export const PARTIAL_NOTES: Record<Exclude<DocumentKind, "full">, string> = {
  "tables-only":
    "本文件只含预算报表，未含情况说明（tables-only document: no explanation in this file）",
  "explanation-only":
    "本文件只含情况说明，未含预算报表（explanation-only document: no budget tables in this file）",
  "performance-only":
    "本文件只含绩效目标，未含收支预算表（performance targets only: no budget tables in this file）",
};
