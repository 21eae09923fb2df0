/**
 * @module The comparison as CSV: the same rows as the page (totals, then
 * 功能分类, then 经济分类), UTF-8 with a BOM so Excel on Chinese Windows reads
 * it as UTF-8. Amounts are exact decimals of 万元 (every digit the documents
 * print), a blank cell is a line the disclosure does not print, a rate
 * against a zero base is "—". Codes are written as printed (text, no
 * separators; classification codes start with 2 or 3, so no leading zero is lost).
 */
import { printWan } from "../../render/numbers.ts";
import { csvText, type CsvValue } from "../../render/csv.ts";
import type { Comparison, ComparedLine } from "./align.ts";

const BOM = "\uFEFF";

const SECTIONS: { key: keyof Comparison; label: string }[] = [
  { key: "totals", label: "主要数字" },
  { key: "functional", label: "功能分类" },
  { key: "economic", label: "经济分类" },
];

/** The header: one amount column per disclosure, each later one followed by 差额 and 增减率. */
export function comparisonHeader(columns: string[]): string[] {
  return [
    "部分",
    "科目编码",
    "级次",
    "项目",
    ...columns.flatMap((c, i) =>
      i === 0
        ? [`${c}（万元）`]
        : [`${c}（万元）`, `${c}比${columns[0]}增减（万元）`, `${c}比${columns[0]}增减率（%）`],
    ),
  ];
}

function rowOf(section: string, l: ComparedLine): CsvValue[] {
  const cells: CsvValue[] = [section, l.code ?? "", l.level ?? "", l.name];
  l.amounts.forEach((a, i) => {
    cells.push(a === undefined ? "" : printWan(a));
    if (i === 0) return;
    const ch = l.changes[i];
    cells.push(ch ? printWan(ch.difference) : "");
    cells.push(!ch ? "" : ch.rate === undefined ? "—" : ch.rate.toFixed(2));
  });
  return cells;
}

export function comparisonCsv(columns: string[], c: Comparison): string {
  const rows = SECTIONS.flatMap((s) => c[s.key].map((l) => rowOf(s.label, l)));
  return BOM + csvText(comparisonHeader(columns), rows);
}
