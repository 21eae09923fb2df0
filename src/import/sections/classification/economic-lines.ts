/**
 * The 一般公共预算基本支出表 by 经济分类科目 (basicByEconomic), read with the classification table reader.
 */
import { fenToDecimal, fenToWan, wanToFen, type Fen } from "../../../model/amount.ts";
import type { EconomicLine } from "../../../model/disclosure.ts";
import { squash, squashedLines, type SourceDocument } from "../../source-document.ts";
import type { ExtractContext, PartExtractor } from "../context.ts";
import {
  AMOUNT_TEXT,
  readClassificationTable,
  type ClassificationRow,
  type ClassificationSpec,
  type ClassificationTable,
} from "./function-lines.ts";
import {
  cellAmount,
  gridRows,
  rowText,
  tableUnit,
  type Column,
  type GridRow,
} from "../../toolkit/grid.ts";
import { TOC_LEADER } from "../../toolkit/find.ts";

/**
 * 一般公共预算基本支出表 → basicByEconomic: 基本支出 by 部门预算支出经济分类
 * (类 301, 款 30101), read with the classification-table reader the 功能分类
 * table uses. Best first: the 一般公共预算 table, then any 基本支出 table by
 * 经济分类, then the 财政拨款 one (which holds the same rows when no fund
 * budget pays for 基本支出).
 */
const TITLES: RegExp[] = [
  /一般公共预算(?:财政拨款)?基本支出/,
  /基本支出.*经济|经济.*基本支出/,
  /财政拨款基本支出/,
];
/** Not this table: the 功能分类 one ("按支出功" wraps "功能"), notes about it. A TOC entry reads no rows. */
const NOT_TITLE = /功能|按支出功|按功|说明|关于|三公/;
/** Two tables printed side by side under one title: two 科目名称 or 编码 columns in one header row. */
const SIDE_BY_SIDE = /科目名称.*(?:决算数|预算数|合计|金额).*科目名称/;
/** 部门预算支出经济分类 codes: 类 3xx, 款 3xxxx; some provinces print a 7-digit item under a 款. */
const ECONOMIC_CODE = /^3\d{2}(?:\d{2}){0,2}$/;

const SECTION = "basicByEconomic";

/** The row hook, made fresh for each reading, remembers where the header put the 政府经济分类 names. */
function specFor(layout: SourceDocument["layout"]): ClassificationSpec {
  return {
    section: SECTION,
    what: "一般公共预算基本支出表",
    deepest: "款",
    roles: economicRoles,
    prepare: () => withoutGovernmentCodes(layout === "columns"),
  };
}

/** Reads 一般公共预算基本支出表 into basicByEconomic. */
export const extractEconomicLines: PartExtractor = {
  name: "一般公共预算基本支出表",
  run(ctx) {
    const seen = new Set<number>();
    // A title with a column header under it but no 科目 row read: said so, unless a later title reads.
    let unread: { no: number; title: string } | undefined;
    const squashed = squashedLines(ctx.doc);
    // Candidate lines once: short, holding 基本支出 and 表, not a TOC leader or a note.
    const candidates = ctx.doc.lines.filter((l, i) => {
      const t = squashed[i]!;
      return (
        t.length <= 60 &&
        t.includes("基本支出") &&
        t.includes("表") &&
        !NOT_TITLE.test(t) &&
        !TOC_LEADER.test(t)
      );
    });
    for (const title of TITLES) {
      for (const line of candidates) {
        const t = squash(line.text);
        if (seen.has(line.no) || !title.test(t)) continue;
        seen.add(line.no);
        // A TOC entry or a heading in the text has no column header under it: nothing to read.
        if (!headerBelow(squashed, line.no)) continue;
        if (sideBySide(ctx.doc, line.no)) {
          const pair = readSideBySide(ctx.doc, line.no);
          if (!pair) {
            ctx.diagnose(
              "warning",
              `第 ${line.no} 行「${t}」左右并排，未能按半表读出各科目（编码与名称分行印刷，或一格内连着两个数），此版式未能读取（side-by-side table layout not read）`,
              SECTION,
              line.no,
            );
            return;
          }
          publish(ctx, pair.rows, { rows: pair.rows });
          checkHalves(ctx, pair);
          return;
        }
        const table = readClassificationTable(ctx, line.no, specFor(ctx.doc.layout));
        // Rows coded 2xx only are a 功能分类 table under a 基本支出 title: not this part.
        const economic = table.rows.filter((r) => ECONOMIC_CODE.test(r.code));
        if (table.rows.length === 0 && !unread) unread = { no: line.no, title: t };
        if (economic.length === 0) continue;
        for (const r of table.rows) {
          if (!ECONOMIC_CODE.test(r.code))
            ctx.diagnose(
              "warning",
              `第 ${r.line} 行科目编码「${r.code}」不是部门预算支出经济分类科目，该行未导入（not an economic classification code）`,
              SECTION,
              r.line,
            );
        }
        publish(ctx, economic, { ...table, rows: economic });
        return;
      }
    }
    if (unread && !emptyNoted(squashed, unread.no)) {
      ctx.diagnose(
        "warning",
        `第 ${unread.no} 行「${unread.title}」下未能读出科目行（table found but no rows read）`,
        SECTION,
        unread.no,
      );
    } else if (unread) {
      ctx.diagnose(
        "info",
        `第 ${unread.no} 行「${unread.title}」注明无数据（the table is empty）`,
        SECTION,
        unread.no,
      );
    } else
      ctx.diagnose(
        "info",
        "未找到一般公共预算基本支出表（按经济分类）（no basic expenditure table by economic classification found）",
        SECTION,
      );
  },
};

/** A column header ("科目编码", "经济分类科目", "人员经费") within a few lines under a title: a table, not a TOC entry. */
function headerBelow(squashed: readonly string[], titleLine: number): boolean {
  return squashed
    .slice(titleLine, titleLine + 12)
    .some((t) => /科目|编码|经济分类|人员经费|公用经费/.test(t));
}

/** A note under a title that its table holds nothing ("本表无数据", "故本表为空表"). */
function emptyNoted(squashed: readonly string[], titleLine: number): boolean {
  for (const t of squashed.slice(titleLine, titleLine + 20)) {
    if (/无数据|空表|无此项|没有.*支出/.test(t)) return true;
    // The next table's title: its note is not this table's.
    if (/表$/.test(t) && t.length <= 60 && !/单位/.test(t)) return false;
  }
  return false;
}

/** Sets basicByEconomic from the rows read, cites each line, and checks the arithmetic. */
function publish(ctx: ExtractContext, rows: ClassificationRow[], table: ClassificationTable): void {
  const lines = economicLines(rows);
  ctx.disclosure.basicByEconomic = lines.map(({ line: l, row }, i) => {
    ctx.cite(`/${SECTION}/${i}`, row.line, row.text);
    return l;
  });
  noteUnsplit(ctx, lines);
  checkSums(ctx, lines, table);
}

/** Says which lines' 人员经费 / 公用经费 were left out because their column could not be told. */
function noteUnsplit(ctx: ExtractContext, lines: Read[]): void {
  const unsplit = lines.filter((r) => r.unsplit);
  if (!unsplit.length) return;
  const first = Math.min(...unsplit.map((r) => r.row.line));
  ctx.diagnose(
    "warning",
    `一般公共预算基本支出表有 ${unsplit.length} 个科目（第 ${first} 行起，如「${unsplit[0]!.line.code} ${unsplit[0]!.line.name}」）所在页只印人员经费、公用经费中的一栏，无法确定是哪一栏，这些科目只导入合计（one amount column under both 人员经费 and 公用经费 labels）`,
    SECTION,
    first,
  );
}

/** Whether the header under a title holds two tables side by side. */
function sideBySide(doc: SourceDocument, titleLine: number): boolean {
  for (let no = titleLine + 1; no <= Math.min(doc.lines.length, titleLine + 8); no++) {
    if (SIDE_BY_SIDE.test(squash(doc.lines[no - 1]!.text))) return true;
  }
  return false;
}

/**
 * Which column is 合计, 人员经费, 公用经费. A label spanning all three
 * ("本年一般公共预算基本支出", "2026 年基本支出") names none of them.
 */
function economicRoles(cols: Column[]): Map<string, Column> {
  const roles = new Map<string, Column>();
  const text = (c: Column) => c.labels.join("|");
  const total = cols.find(
    (c) =>
      /合计|总计|小计|金额|预算数|决算数/.test(text(c)) && !/人员|公用|上年|增减|比/.test(text(c)),
  );
  if (total) roles.set("total", total);
  const after = cols.filter((c) => !total || c.x > total.x);
  const personnel = after.find((c) => /人员/.test(text(c)));
  const publicOperating = after.find((c) => /公用/.test(text(c)));
  // A page printing only one of the two columns (its other column blank all down the page)
  // hangs both labels over the one column left: which of the two it is cannot be told.
  if (personnel && personnel === publicOperating) {
    roles.set(UNSPLIT, personnel);
    return roles;
  }
  if (personnel) roles.set("personnel", personnel);
  if (publicOperating) roles.set("publicOperating", publicOperating);
  return roles;
}

/** The role of a column labelled both 人员经费 and 公用经费: its figures are not imported as either. */
const UNSPLIT = "personnelOrPublic";

/** A 5xxxx code, or a code joined to its name ("30101-基本工资", "30101基本工资"). */
const MAYBE_OTHER_CODE = /(?:^|\s)5\d{4}(?:$|\s|[-－])|\d[-－]|^\s*3\d{2,6}[\u4e00-\u9fff]/;

/**
 * Some provinces print the 政府预算支出经济分类 (5xxxx) beside the department's
 * 3xxxx code, before it ("50101-工资奖金津补贴   30101-基本工资") or after it
 * ("30101  基本工资  50101  工资奖金津补贴"); only the department's code is this
 * table's. "30101-基本工资" and "30101基本工资" are a code and a name.
 */
function withoutGovernmentCodes(byPosition: boolean): (row: GridRow) => GridRow {
  // pdftotext text: a 政府经济科目名称 wrapped onto a line of its own sits under that header.
  let governmentNames: { x: number; end: number } | undefined;
  return (row) => {
    if (byPosition) {
      const head = row.cells.find(
        (c) => c.text.includes("政府") && /政府.*名称/.test(squash(c.text)),
      );
      if (head) governmentNames = { x: head.x - 1, end: head.end + 1 };
    }
    // Most rows hold neither code system's marks: leave them as they are.
    if (!governmentNames && !row.cells.some((c) => MAYBE_OTHER_CODE.test(c.text))) return row;
    const cells: GridRow["cells"] = [];
    for (let i = 0; i < row.cells.length; i++) {
      const c = row.cells[i]!;
      const t = c.text.trim();
      if (/^5\d{4}[-－]\S/.test(t)) continue;
      // A bare 5xxxx code followed by its name: both are the government classification's.
      if (/^5\d{4}$/.test(t) && /[\u4e00-\u9fff]/.test(row.cells[i + 1]?.text ?? "")) {
        i++;
        continue;
      }
      const centre = (c.x + c.end) / 2;
      if (
        governmentNames &&
        centre >= governmentNames.x &&
        centre <= governmentNames.end &&
        /^[\u4e00-\u9fff（）()]+$/.test(squash(t))
      )
        continue;
      const text = c.text
        .replace(/^(\s*3\d{2,6})(?:[-－]\s*|(?=[\u4e00-\u9fff]))/, "$1 ")
        .replace(/([\u4e00-\u9fff）)])\s+5\d{4}\s*$/, "$1");
      cells.push(text === c.text ? c : { ...c, text });
    }
    return cells.length === row.cells.length && cells.every((c, i) => c === row.cells[i])
      ? row
      : { ...row, cells };
  };
}

interface Read {
  line: EconomicLine;
  row: ClassificationRow;
  values: Map<string, Fen>;
  /** Read from a column that may be 人员经费 or 公用经费: neither is imported for this line. */
  unsplit?: boolean;
}

/**
 * The 类 and 款 lines, in code order. A 7-digit item under a printed 款 is a
 * breakdown of it and is left out; without its 款 (corpus 004 prints
 * "3021101-差旅费" and no 30211) it counts toward that 款. A 款 printed more
 * than once (under two 政府经济分类 groups) is one line with the amounts added.
 */
function economicLines(rows: ClassificationRow[]): Read[] {
  const printed = new Set(rows.filter((r) => r.code.length <= 5).map((r) => r.code));
  const byCode = new Map<string, { row: ClassificationRow; values: Map<string, Fen> }>();
  for (const r of rows) {
    const code = r.code.slice(0, 5);
    if (r.code.length > 5 && printed.has(code)) continue;
    const had = byCode.get(code);
    if (!had) {
      byCode.set(code, { row: r, values: new Map(r.values) });
      continue;
    }
    for (const [role, v] of r.values) had.values.set(role, (had.values.get(role) ?? 0n) + v);
  }
  const out: Read[] = [];
  for (const [code, { row, values }] of byCode) {
    const line: EconomicLine = { code, name: row.name, total: fenToWan(values.get("total") ?? 0n) };
    // A 款 merged from rows of which one came from an undecided column: its split is not known.
    if (values.has(UNSPLIT)) {
      out.push({ line, row, values, unsplit: true });
      continue;
    }
    const personnel = values.get("personnel");
    const publicOperating = values.get("publicOperating");
    if (personnel !== undefined) line.personnel = fenToWan(personnel);
    if (publicOperating !== undefined) line.publicOperating = fenToWan(publicOperating);
    out.push({ line, row, values });
  }
  return out.sort((a, b) => (a.line.code < b.line.code ? -1 : a.line.code > b.line.code ? 1 : 0));
}

const ROLES: [string, string][] = [
  ["total", "合计"],
  ["personnel", "人员经费"],
  ["publicOperating", "公用经费"],
];

/** A column's sum means nothing when some of its lines were left unsplit (only 合计 is known). */
const comparable = (rs: Read[], role: string) => role === "total" || !rs.some((r) => r.unsplit);

/** Half a unit of the last printed digit per line added: 万元 tables with two decimals round each line. */
const SLACK_PER_LINE: Fen = 5_000n;

/** A sum of `n` printed lines that misses the stated figure by more than their rounding. */
const differs = (sum: Fen, stated: Fen, n: number) =>
  (sum > stated ? sum - stated : stated - sum) > BigInt(n) * SLACK_PER_LINE;

/**
 * Arithmetic a misread would break: each 类's 款 add up to the 类, and the 类 (and
 * any 款 printed without its 类) to the table's 合计 row; a blank cell is zero.
 */
function checkSums(ctx: ExtractContext, lines: Read[], table: ClassificationTable): void {
  const sumOf = (rs: Read[], role: string): Fen =>
    rs.reduce((s, r) => s + (r.values.get(role) ?? 0n), 0n);
  const classes = lines.filter((r) => r.line.code.length === 3);
  for (const c of classes) {
    const items = lines.filter(
      (r) => r.line.code.length === 5 && r.line.code.startsWith(c.line.code),
    );
    if (items.length === 0) continue;
    for (const [role, label] of ROLES) {
      const stated = c.values.get(role);
      if (stated === undefined || !comparable(items, role)) continue;
      const sum = sumOf(items, role);
      if (differs(sum, stated, items.length)) {
        ctx.diagnose(
          "warning",
          `第 ${c.row.line} 行「${c.line.code} ${c.line.name}」${label} ${fenToDecimal(stated)} 万元与其下各款之和 ${fenToDecimal(sum)} 万元不符（class line ≠ sum of its items）`,
          SECTION,
          c.row.line,
        );
      }
    }
  }
  const tops = lines.filter(
    (r) => r.line.code.length === 3 || !classes.some((c) => r.line.code.startsWith(c.line.code)),
  );
  if (!table.total) {
    // No 合计 printed: set the lines beside the 基本支出 the document states elsewhere. That figure
    // may cover funds other than the 一般公共预算, so a difference is worth a note, not a warning.
    const basic = ctx.disclosure.expenditure?.basic;
    const sum = sumOf(tops, "total");
    if (basic !== undefined && differs(sum, wanToFen(basic), tops.length)) {
      ctx.diagnose(
        "info",
        `一般公共预算基本支出表未印合计行，各科目之和 ${fenToDecimal(sum)} 万元与基本支出 ${basic} 万元不同（no total row; lines ≠ stated basic expenditure）`,
        SECTION,
      );
    }
    return;
  }
  for (const [role, label] of ROLES) {
    const stated = table.total.values.get(role);
    if (stated === undefined || !comparable(tops, role)) continue;
    const sum = sumOf(tops, role);
    if (differs(sum, stated, tops.length)) {
      ctx.diagnose(
        "warning",
        `第 ${table.total.line} 行合计${label} ${fenToDecimal(stated)} 万元与各科目之和 ${fenToDecimal(sum)} 万元不符（table total ≠ sum of its lines）`,
        SECTION,
        table.total.line,
      );
    }
  }
}

/** Two tables side by side: the rows of each half, and the 合计 printed under each half. */
interface SideBySide {
  rows: ClassificationRow[];
  halves: { rows: ClassificationRow[]; total?: Fen; label?: string; line?: number }[];
}

/** A decimal figure followed, after a space, by more digits: two cells run together. */
const GLUED = /\d\.\d+\s+\d/;

/** A half-row's code: a 类 ("301", its 款 "01" in the next cell) or a 款 printed whole ("30101"). */
const CLASS_CODE = /^3\d{2}(?:\d{2})?$/;
const ITEM_CODE = /^\d{2}$/;

/**
 * The 决算 layout that prints 人员经费 (301, 303) on the left and 公用经费 (302,
 * 310 …) on the right, each half "类 款 科目名称 决算数". Read only when every
 * coded half-row carries its name on its own line (PDF text); pdftotext's layout
 * that puts codes, names and figures on separate lines is not guessed at.
 */
function readSideBySide(doc: SourceDocument, titleLine: number): SideBySide | undefined {
  const unit = tableUnit(doc, titleLine);
  const rows = gridRows(doc, titleLine + 1, titleLine + 200);
  const pageAt = (no: number) => doc.lines[no - 1]?.page ?? 0;
  // Where the right half starts, page by page: the second code of a row printing both halves.
  const split = new Map<number, number>();
  for (const r of rows) {
    const codes = r.cells.filter((c) => CLASS_CODE.test(c.text.trim()));
    if (codes.length >= 2 && !split.has(pageAt(r.line)))
      split.set(pageAt(r.line), codes[1]!.x - (doc.layout === "columns" ? 1 : 0.5));
  }
  if (split.size === 0) return undefined;
  const halves: SideBySide["halves"] = [{ rows: [] }, { rows: [] }];
  let lastSplit = [...split.values()][0]!;
  let started = false;
  for (const r of rows) {
    const at = split.get(pageAt(r.line)) ?? lastSplit;
    lastSplit = at;
    const t = rowText(r);
    if (started && !r.cells.some((c) => CLASS_CODE.test(c.text.trim()))) {
      // The 合计 under each half ends the table; a repeated header on the next page does not.
      if (/合计|总计/.test(t)) {
        for (const [h, half] of halves.entries()) {
          const cells = halfOf(r, h, at);
          const amount = cells.map((c) => cellAmount(c.text, unit)).find((v) => v !== undefined);
          if (amount !== undefined)
            Object.assign(half, {
              total: amount,
              label: squash(cells.map((c) => c.text).join("")),
              line: r.line,
            });
        }
        break;
      }
      if (/表$|^注[:：]/.test(t)) break;
      continue;
    }
    for (const [h, half] of halves.entries()) {
      const cells = halfOf(r, h, at);
      if (!cells.length || !CLASS_CODE.test(cells[0]!.text.trim())) continue;
      started = true;
      let i = 1;
      let code = cells[0]!.text.trim();
      if (code.length === 3 && cells[1] && ITEM_CODE.test(cells[1].text.trim()))
        code += cells[i++]!.text.trim();
      const names: string[] = [];
      let amount: Fen | undefined;
      for (const c of cells.slice(i)) {
        // "92,835.98 302": a figure and the next half's code in one cell (a third half the split
        // missed, pool P057); squashed they would read as 92835.98302.
        if (GLUED.test(c.text)) return undefined;
        const v = AMOUNT_TEXT.test(squash(c.text)) ? cellAmount(c.text, unit) : undefined;
        if (v !== undefined) amount = v;
        else names.push(squash(c.text));
      }
      // A code without its name on the line: the layout this reader does not guess at.
      if (!names.length) return undefined;
      // A 科目 with nothing spent prints no figure: not a line of the table.
      if (amount === undefined) continue;
      half.rows.push({
        code,
        name: names.join(""),
        values: new Map([["total", amount]]),
        line: r.line,
        text: cells.map((c) => c.text).join(" "),
      });
    }
  }
  if (!halves.some((h) => h.rows.length)) return undefined;
  // The halves' totals name them: "人员经费合计", "公用经费合计".
  for (const half of halves) {
    const role = /人员/.test(half.label ?? "")
      ? "personnel"
      : /公用/.test(half.label ?? "")
        ? "publicOperating"
        : undefined;
    if (role) for (const r of half.rows) r.values.set(role, r.values.get("total")!);
  }
  return { rows: halves.flatMap((h) => h.rows), halves };
}

/** The non-empty cells of a row's left (0) or right (1) half. */
function halfOf(row: GridRow, half: number, at: number): GridRow["cells"] {
  return row.cells.filter((c) => c.text.trim() && (half === 0 ? c.x < at : c.x >= at));
}

/** Each half's 类 add up to the 合计 printed under that half. */
function checkHalves(ctx: ExtractContext, pair: SideBySide): void {
  for (const half of pair.halves) {
    if (half.total === undefined) continue;
    const classes = half.rows.filter((r) => r.code.length === 3);
    const sum = classes.reduce((s, r) => s + r.values.get("total")!, 0n);
    if (differs(sum, half.total, classes.length)) {
      ctx.diagnose(
        "warning",
        `第 ${half.line} 行「${half.label}」${fenToDecimal(half.total)} 万元与该半表各类之和 ${fenToDecimal(sum)} 万元不符（half-table total ≠ sum of its classes）`,
        SECTION,
        half.line,
      );
    }
  }
}
