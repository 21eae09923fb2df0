/**
 * The 机构设置 part: the department's own units (下属单位), from their table or the sentence that lists them.
 */
import type { ExtractContext, PartExtractor } from "./context.ts";
import { rowTexts, stripNumbering } from "../toolkit/find.ts";
import {
  cleanText,
  joinParas,
  Outline,
  outlineOf,
  titleOf,
  type Para,
  type Section,
} from "../toolkit/outline.ts";
import { squash, type Row, type SourceDocument, type TableBlock } from "../source-document.ts";
import {
  gridRows,
  joinHeaderLines,
  joinWrappedCells,
  underHeader,
  type GridRow,
} from "../toolkit/grid.ts";
import type { Disclosure } from "../../model/disclosure.ts";

const SECTION = "部门职责及机构设置";

type Unit = NonNullable<Disclosure["units"]>[number];
type Field = "code" | "name" | "nature" | "level" | "funding";

/** 部门职责 / 主要职责 / 主要职能 / 职能职责 / "上海市普陀区财政局主要职能". */
const DUTIES_TITLE = /^.{0,24}?(?:主要)?(?:职责|职能)(?:情况)?$/;
/** A heading that combines duties and units: "部门主要职责及机构设置", "部门职责、机构设置等基本情况". */
const COMBINED_TITLE = /(?:职责|职能).{0,4}机构设置/;
const NOT_DUTIES = /机构|绩效|分类|分工|单位构成|人员/;
/**
 * Titles of the parts that follow the duties ("部门预算安排总体情况", "三、机关运行经费安排情况"):
 * never a sub-heading of them. Anchored at both ends, since duties themselves mention 国有资产, 预算 ...
 */
const OTHER_PART =
  /^(?:第.{1,3}部分.*|(?:\d{4}年度?)?(?:部门|本部门|单位)?(?:预算|决算|收支|收入|支出|财政拨款|一般公共预算|政府性基金|机关运行经费|“?三公”?|政府采购|国有资产|(?:预算)?绩效|名词解释|(?:其他|其它)).{0,30}(?:情况|说明|安排|原因|信息|目标|解释|事项|表|经费))$/;

/** The 部门职责 text: the duties section's paragraphs (numbered duties kept as printed), sub-sections on units left out. */
export function dutiesText(outline: Outline): { text: string; line: number } | undefined {
  let section: Section | undefined = outline
    .find(DUTIES_TITLE)
    .filter((s) => !NOT_DUTIES.test(s.title) && s.paras.length)
    .pop();
  section ??= outline.findOne(COMBINED_TITLE);
  if (!section) return undefined;
  const parts: Para[] = [];
  let skipping = false;
  for (const p of section.paras) {
    // The outline may nest the next part under the duties (numbering restarted or mixed) or not know its
    // unnumbered title ("部门预算安排总体情况" on a line of its own): that title ends them.
    const title = titleOf(p.text);
    if (
      (p.heading || (!p.numbered && title.length <= 30 && !/[，。；,;:：]/.test(title))) &&
      OTHER_PART.test(title)
    )
      break;
    if (p.heading && /机构设置|单位构成|预算单位|人员/.test(p.text)) {
      skipping = true;
      continue;
    }
    // Back from a units sub-section when the text turns to the duties again ("其主要职责是：…").
    if (
      skipping &&
      /^(?:其|本部门|本单位|部门|单位)?的?主要(?:职责|职能)|职责(?:是|为|如下|包括)[:：]?/.test(
        p.text,
      )
    )
      skipping = false;
    if (skipping) continue;
    if (p.heading && !p.numbered && DUTIES_TITLE.test(p.text.replace(/[:：]$/, ""))) continue;
    parts.push(p);
  }
  if (!parts.length) return undefined;
  return { text: joinParas(parts), line: parts[0]!.line };
}

/** Header cells of a 机构设置 table, by field. */
const HEADER: Record<Field, RegExp> = {
  code: /^(?:单位)?(?:编码|代码)$/,
  name: /^(?:单位|机构|部门)(?:名称|全称)$/,
  nature: /^(?:单位)?性质$/,
  level: /^(?:单位|机构)?(?:规格|级别|行政级别)$/,
  funding: /^经费(?:保障)?(?:形式|方式)$/,
};

interface Columns {
  headerRow: number;
  index: Partial<Record<Field, number>>;
}

/** A table is a 机构设置 table when one row names the unit and at least one of 性质/规格/经费形式. */
export function unitColumns(table: TableBlock): Columns | undefined {
  for (const [r, row] of table.rows.entries()) {
    // The name header (…名称 / …全称) is required: rows without "称" are skipped before squashing and matching.
    if (!row.cells.some((c) => c.text.includes("称"))) continue;
    const texts = rowTexts(row);
    const index: Partial<Record<Field, number>> = {};
    for (const [i, t] of texts.entries()) {
      for (const f of Object.keys(HEADER) as Field[])
        if (index[f] === undefined && HEADER[f].test(t)) index[f] = i;
    }
    if (
      index.name !== undefined &&
      (index.nature !== undefined || index.level !== undefined || index.funding !== undefined)
    ) {
      return { headerRow: r, index };
    }
  }
  return undefined;
}

/**
 * PDF text: rows laid out on the header's columns (blank cells dropped by the
 * text come back as ""), and names wrapped above or below a row joined to it.
 */
function pdfRows(
  doc: SourceDocument,
  table: TableBlock,
  headerRow: number,
): { header: Row; rows: Row[] } {
  const head = table.rows[headerRow]!;
  const grid: GridRow = {
    line: head.line,
    cells: head.cells.map((c) => ({ text: c.text, line: c.line, x: c.x ?? 0, end: c.end ?? 0 })),
  };
  // Read the lines again, a little past the block: a wrapped last cell may have been left out of it.
  const last = table.rows[table.rows.length - 1]!.line;
  const lines = gridRows(doc, head.line - 1, last + 4);
  // A header cell wrapped over the lines around the header row ("单位编 / 码") is joined first.
  const at = lines.findIndex((r) => r.line === head.line);
  // Only short fragments are wrapped header text; a unit row (names, 行政, 正处级) is not.
  if (at >= 0)
    joinHeaderLines(lines, at, 1, (r) =>
      r.cells.every((c) => squash(c.text).length <= 3 && !/\d/.test(c.text)),
    );
  const h = lines.findIndex(
    (r) => r.line >= head.line - 1 && r.cells.some((c) => HEADER.name.test(squash(c.text))),
  );
  const header: GridRow = h >= 0 ? lines[h]! : grid;
  const rows = lines.slice(h + 1).map((r) => underHeader(r, header));
  const end = joinWrappedCells(
    rows,
    0,
    header,
    (r) => r.cells.length >= 2 && r.cells.some((c) => c.text),
  );
  // The table ends where its rows and wrapped lines stop following each other.
  return { header, rows: rows.slice(0, end) };
}

function unitsFromTable(
  ctx: ExtractContext,
  table: TableBlock,
  cols: Columns,
  base: number,
): Unit[] {
  const units: Unit[] = [];
  let rows = table.rows.slice(cols.headerRow + 1);
  if (ctx.doc.layout === "columns") {
    const pdf = pdfRows(ctx.doc, table, cols.headerRow);
    rows = pdf.rows;
    // The joined header may name more columns (单位编 / 码 → 单位编码): read the fields from it.
    cols = {
      headerRow: cols.headerRow,
      index:
        unitColumns({ kind: "table", line: pdf.header.line, rows: [pdf.header] })?.index ??
        cols.index,
    };
  }
  for (const row of rows) {
    const texts = rowTexts(row);
    const at = (f: Field) => (cols.index[f] === undefined ? undefined : texts[cols.index[f]!]);
    const name = at("name") ? stripNumbering(at("name")!) : "";
    if (!name || /^(?:合计|总计|小计)$/.test(name) || HEADER.name.test(name)) continue;
    // A row whose cells do not line up with the header (a different table glued on) ends the list.
    if (
      texts.length < Math.max(...Object.values(cols.index).map((i) => i! + 1)) &&
      texts.length === 1
    )
      break;
    const unit: Unit = { name };
    for (const f of ["code", "nature", "level", "funding"] as const) {
      const v = at(f);
      if (v) unit[f] = v;
    }
    const i = base + units.length;
    units.push(unit);
    ctx.cite(`/units/${i}/name`, row.cells[cols.index.name!]?.line ?? row.line, name);
  }
  return units;
}

/**
 * The sentence form: "高新区发改局为副县级单位，单位性质是“行政”，经费形式是“财政拨款”".
 */
export function unitFromSentence(text: string): Unit | undefined {
  const t = squash(cleanText(text));
  const level =
    /^(.{2,30}?)(?:是|为)(?:一个)?([^，。,；]{1,8}?级)(?:的)?(?:行政|事业|参公)?单位/.exec(t);
  const nature = /单位性质(?:是|为|：|:)[“"]?([^”"，。,；]{1,12})/.exec(t);
  const funding = /经费(?:保障)?(?:形式|方式)(?:是|为|：|:)[“"]?([^”"，。,；]{1,20})/.exec(t);
  if (!level || (!nature && !funding)) return undefined;
  return {
    name: level[1]!,
    ...(nature ? { nature: nature[1]! } : {}),
    level: level[2]!,
    ...(funding ? { funding: funding[1]! } : {}),
  };
}

/** Reads 机构设置. */
export const extractUnits: PartExtractor = {
  name: SECTION,
  run(ctx) {
    const duties = dutiesText(outlineOf(ctx.doc));
    if (duties) {
      ctx.disclosure.duties = duties.text;
      ctx.cite("/duties", duties.line, duties.text.slice(0, 80));
    }
    const units: Unit[] = [];
    for (const block of ctx.doc.blocks) {
      if (block.kind !== "table") continue;
      const cols = unitColumns(block);
      if (!cols) continue;
      const read = unitsFromTable(ctx, block, cols, units.length);
      if (!read.length)
        ctx.diagnose(
          "warning",
          "机构设置表没有单位行（unit table has no rows）",
          SECTION,
          block.line,
        );
      units.push(...read);
    }
    if (!units.length) {
      for (const block of ctx.doc.blocks) {
        if (block.kind !== "text") continue;
        const unit = unitFromSentence(block.text);
        if (!unit) continue;
        units.push(unit);
        ctx.cite("/units/0/name", block.line, block.text);
        break;
      }
    }
    if (units.length) ctx.disclosure.units = units;
  },
};
