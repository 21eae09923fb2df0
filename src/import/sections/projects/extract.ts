/**
 * The 项目绩效目标表 part: one table per project (table.ts) or a list of projects with their indicators (list.ts), found by their labels.
 */
import type { PartExtractor, ExtractContext } from "../context.ts";
import type { Project } from "../../../model/disclosure.ts";
import { declaredUnit, type MoneyUnit } from "../../../model/amount.ts";
import { drawnRowCells, squash, type SourceDocument } from "../../source-document.ts";
import { expandSpans, tableRows, type ProjectRow } from "./rows.ts";
import { splitColumns } from "../../readers/text.ts";
import { CODE_LABEL, NAME_LABEL, isLabel, parseProjectTable, type ParsedProject } from "./table.ts";
import { indicatorColumns, labelText } from "./labels.ts";
import { stripNumbering } from "../../toolkit/find.ts";
import { findProjectLists } from "./list.ts";
import { findDrawnProjectLists } from "./drawn-list.ts";
import { findFundProjectLists } from "./fund-list.ts";

const SECTION = "项目绩效目标表";

/**
 * Reads 项目绩效目标表: either one table per project (labels 项目编码 / 项目名称 /
 * 预算数 / 资金支出计划 / 绩效目标 and an indicator grid), or one table listing
 * many projects a row each (预算12表-style lists in PDF text).
 */
export const extractProjects: PartExtractor = {
  name: SECTION,
  run(ctx) {
    const found: { line: number; parsed: ParsedProject }[] = [];
    const loose: ParsedProject["problems"] = [];
    for (const p of findProjectTables(ctx.doc, loose)) found.push(p);
    for (const p of loose) ctx.diagnose(p.level, p.message, SECTION, p.line);
    const taken = new Set(found.map((p) => p.line));
    // A list whose rules the PDF draws is read from its cells; the text reader keeps to the rest.
    const drawn = findDrawnProjectLists(ctx.doc);
    for (const p of drawn.projects) if (!taken.has(p.line)) found.push(p);
    // 广州's list: one row per project, its indicators run together in one cell.
    const funds = findFundProjectLists(ctx.doc);
    for (const p of funds.projects) if (!taken.has(p.line)) found.push(p);
    const covered = [...drawn.covered, ...funds.covered];
    const inDrawn = (line: number) => covered.some(([a, b]) => line >= a && line <= b);
    for (const p of findProjectLists(ctx.doc))
      if (!taken.has(p.line) && !inDrawn(p.line)) found.push(p);
    found.sort((a, b) => a.line - b.line);
    if (!found.length) return;

    const projects: Project[] = [];
    for (const { parsed } of found) {
      const i = projects.length;
      projects.push(parsed.project);
      for (const c of parsed.cites) ctx.cite(`/performance/projects/${i}${c.path}`, c.line, c.text);
      for (const p of parsed.problems)
        ctx.diagnose(p.level, `项目“${parsed.project.name}”：${p.message}`, SECTION, p.line);
    }
    ctx.disclosure.performance ??= {};
    ctx.disclosure.performance.projects = projects;
  },
};

/** Wording that says a table belongs to project performance targets. */
const EVIDENCE =
  /^(一级指标|三级指标|指标名称|绩效目标|年度绩效目标|当年绩效目标|年度总体目标|总体目标|绩效指标)$|资金支出计划/;
/** A heading that starts another part of the document (PDF text, where tables are broken up by text lines). */
const TITLE =
  /绩效目标表|^表[\d一二三四五六七八九十]+|^第[一二三四五六七八九十]+部分|^[一二三四五六七八九十]+、|^预算\d+表|^公开\d+表/;

interface Anchor {
  row: ProjectRow;
  table: number;
  index: number;
  code: boolean;
  name: boolean;
}

/** Column labels of a project list that are never a project's name or code. */
const COLUMN_WORD =
  /^(金额|资金|资金总额|预算|预算数|合计|单位名称|绩效目标|绩效指标|备注)(\((万元|元)\))?$/;

/** The row that names a project: a 项目编码 / 项目名称 label followed by a value. */
function anchorOf(row: ProjectRow): { code: boolean; name: boolean } | undefined {
  let code = false;
  let name = false;
  row.cells.forEach((c, i) => {
    // Every code label has 目 (项目编码), every name label 称: other cells need no normalising.
    if (!/[目称]/.test(c.text)) return;
    const t = labelText(c.text);
    const isCode = CODE_LABEL.test(t);
    const isName = !isCode && NAME_LABEL.test(t);
    if (!isCode && !isName) return;
    const next = row.cells[i + 1];
    // A list's header ("单位名称 项目名称 金额 绩效目标"): the cell after 项目名称 is a column's label.
    const value =
      next && squash(next.text) && !isLabel(next.text) && !COLUMN_WORD.test(labelText(next.text));
    if (isCode && value) code = true;
    if (isName && value) name = true;
  });
  return code || name ? { code, name } : undefined;
}

function findProjectTables(
  doc: SourceDocument,
  problems: ParsedProject["problems"],
): { line: number; parsed: ParsedProject }[] {
  const tables = doc.blocks.map((b, i) => (b.kind === "table" ? tableRows(doc, i) : undefined));
  const anchors: Anchor[][] = [];
  let current: Anchor[] | undefined;
  tables.forEach((rows, table) => {
    rows?.forEach((row, index) => {
      const a = anchorOf(row);
      if (!a) return;
      const prev = current?.[current.length - 1];
      const sameProject =
        prev &&
        current &&
        prev.table === table &&
        index - prev.index <= 2 &&
        !current.some((x) => (x.name && a.name) || (x.code && a.code));
      if (sameProject) current!.push({ row, table, index, ...a });
      else anchors.push((current = [{ row, table, index, ...a }]));
    });
  });

  const out: { line: number; parsed: ParsedProject }[] = [];
  const covered = new Set<number>();
  anchors.forEach((group, g) => {
    const first = group[0]!;
    const next = anchors[g + 1]?.[0];
    const rows = extent(doc, tables, first, next);
    if (!rows.some((r) => r.cells.some((c) => EVIDENCE.test(labelText(c.text))))) return;
    const unit = moneyUnitBefore(doc, first.row.line) ?? "万元";
    const parsed = parseProjectTable(rows, unit);
    if (!parsed.project.name) return;
    const prevLine = g > 0 ? anchors[g - 1]![0]!.row.line : 0;
    const owner = unitBefore(doc, prevLine, first.row.line);
    if (owner && !parsed.project.unit?.code) {
      parsed.project = { unit: { code: owner.code, name: owner.name }, ...parsed.project };
      parsed.cites.push({ path: "/unit/code", line: owner.line, text: owner.code });
    }
    out.push({ line: first.row.line, parsed });
    for (const r of rows) covered.add(r.block);
  });

  // A project table that names its project only in its title ("…项目绩效目标表", no 项目名称 cell).
  if (doc.layout !== "columns") {
    tables.forEach((rows, table) => {
      if (!rows || covered.has(table) || !rows.some((r) => indicatorColumns(r.cells))) return;
      if (
        !rows.some((r) =>
          r.cells.some((c) =>
            /^(预算数|绩效目标|年度绩效目标|年度总体目标)$|资金支出计划/.test(labelText(c.text)),
          ),
        )
      )
        return;
      const title = titleBefore(doc, table);
      const parsed = parseProjectTable(rows, moneyUnitBefore(doc, rows[0]!.line) ?? "万元");
      if (!title?.name) {
        parsed.problems.push({
          level: "warning",
          message:
            "找到项目绩效目标表，但表中和标题中都没有项目名称，未导入（project table without a name）",
          line: rows[0]!.line,
        });
        for (const p of parsed.problems) problems.push(p);
        return;
      }
      parsed.project = { ...parsed.project, name: title.name };
      parsed.cites.push({ path: "/name", line: title.line, text: title.name });
      parsed.problems.push({
        level: "info",
        message: "项目名称取自表格标题（name taken from the table title）",
        line: title.line,
      });
      out.push({ line: rows[0]!.line, parsed });
    });
  } else for (const p of titledColumnProjects(doc, out)) out.push(p);
  return out;
}

/** A title that heads the list of project tables, or the department's own table, not one project. */
const NOT_PROJECT_TITLE =
  /^(?:[\d一二三四五六七八九十]+[、.．]|[（(])|部门整体|整体支出|^项目支出绩效目标表$/;

/**
 * PDF text: project tables that name their project only in their title, right above their
 * 资金总额 row and wrapped anywhere ("301007_泉州市公安局晋江国际机场分局_机场公安综" /
 * "合修缮改造项目绩效目标表", "…_科技兴警绩效" / "目标表"), 泉州. Titles inside a project
 * already read are not projects.
 */
function titledColumnProjects(
  doc: SourceDocument,
  found: readonly { line: number; parsed: ParsedProject }[],
): { line: number; parsed: ParsedProject }[] {
  const titles = doc.lines.flatMap((l) => {
    if (l.furniture || !/^(?:专项资金情况(?:[（(][^)）]*[)）])?)?资金总额/.test(squash(l.text)))
      return [];
    const title = titleAbove(doc, l.no);
    return title ? [title] : [];
  });
  const out: { line: number; parsed: ParsedProject }[] = [];
  titles.forEach((title, i) => {
    const until = titles[i + 1]?.from;
    if (found.some((f) => f.line > title.line && (until === undefined || f.line < until))) return;
    const rows = lineRows(doc, title.line + 1, until);
    if (!rows.some((r) => r.cells.some((c) => EVIDENCE.test(labelText(c.text))))) return;
    const parsed = parseProjectTable(rows, moneyUnitBefore(doc, title.line) ?? "万元");
    parsed.project = {
      ...withoutBrokenLevels(parsed.project, parsed.problems, title.line),
      name: title.name,
    };
    parsed.cites.push({ path: "/name", line: title.line, text: title.name });
    parsed.problems.push({
      level: "info",
      message: "项目名称取自表格标题（name taken from the table title）",
      line: title.line,
    });
    out.push({ line: title.line, parsed });
  });
  return out;
}

/**
 * pdftotext wraps these grids' level labels over three lines ("经济成本指" / "标"): read as
 * printed, the pieces land in the wrong columns. Indicators whose 一级 / 二级指标 are not whole
 * names are left out, with a warning, rather than kept under the wrong levels.
 */
function withoutBrokenLevels(
  project: Project,
  problems: ParsedProject["problems"],
  line: number,
): Project {
  const whole = (level: string | undefined) => level === undefined || /指标$/.test(level);
  if (project.indicators?.every((i) => whole(i.level1) && whole(i.level2)) ?? true) return project;
  problems.push({
    level: "warning",
    message:
      "绩效指标表的一级、二级指标折行错位，未导入指标（indicator levels wrapped out of place）",
    line,
  });
  const { indicators: _, ...rest } = project;
  return rest;
}

/** The "…绩效目标表" title on the one or two lines right above a 资金总额 row, and the project it names. */
function titleAbove(
  doc: SourceDocument,
  funds: number,
): { name: string; line: number; from: number } | undefined {
  const line = (no: number) => {
    const l = doc.lines[no - 1];
    return l && !l.furniture ? squash(l.text) : "";
  };
  const last = line(funds - 1);
  const first = line(funds - 2);
  // The line above belongs to the title unless it ends a sentence, a heading or a title of its own.
  const wrapped = first && !/[。：:表]$/.test(first) && !NOT_PROJECT_TITLE.test(first);
  const text = wrapped ? first + last : last;
  if (!/绩效目标表$/.test(text) || NOT_PROJECT_TITLE.test(text)) return undefined;
  const name = stripNumbering(
    text.replace(/^\d{6}_[^_]+_/, "").replace(/(项目)?(支出)?绩效目标(申报)?表$/, ""),
  );
  return name ? { name, line: funds - 1, from: wrapped ? funds - 2 : funds - 1 } : undefined;
}

/** "3、企业突出贡献奖绩效目标表" above a table: the project it names. */
function titleBefore(
  doc: SourceDocument,
  table: number,
): { name: string; line: number } | undefined {
  for (let b = table - 1; b >= Math.max(0, table - 4); b--) {
    const block = doc.blocks[b]!;
    if (block.kind !== "text") continue;
    const t = squash(block.text).replace(/^\[bookmark:[^\]]*\]/, "");
    const m = /^(.*?)(项目)?(支出)?绩效目标(申报)?表$/.exec(t);
    if (!m) continue;
    // "2、2022年…" and "1.2021年…": numbering before a year is still numbering.
    const name = stripNumbering(m[1]!.replace(/^\d{1,2}\s*[、.．](?=\d{4}年)/, ""));
    return { name, line: block.line };
  }
  return undefined;
}

/**
 * The rows of one project: from its naming row to the end of its table, and on
 * into tables that follow directly (a table broken by a page, its header
 * repeated). In PDF text, tables are also broken by stray text lines, so there
 * every line is a row and only a heading ends the project.
 */
function extent(
  doc: SourceDocument,
  tables: (ProjectRow[] | undefined)[],
  from: Anchor,
  until: Anchor | undefined,
): ProjectRow[] {
  if (doc.layout === "columns") return lineRows(doc, from.row.line, until?.row.line);
  const rows: ProjectRow[] = [];
  for (let b = from.table; b < doc.blocks.length; b++) {
    const block = doc.blocks[b]!;
    if (block.kind === "text") break;
    for (const [i, row] of tables[b]!.entries()) {
      if (b === from.table && i < from.index) continue;
      if (until && b === until.table && i >= until.index) return rows;
      rows.push(row);
    }
    if (until && b >= until.table) break;
  }
  return rows;
}

/** PDF text: every line a row (its cells at their x), up to the next project or heading. */
function lineRows(doc: SourceDocument, from: number, until: number | undefined): ProjectRow[] {
  const rows: ProjectRow[] = [];
  // Lines are numbered from 1 in order: start at `from` instead of scanning the document per project.
  for (const line of doc.lines.slice(Math.max(0, from - 1))) {
    if (line.no < from || line.furniture || !line.text.trim()) continue;
    if (until !== undefined && line.no >= until) break;
    if (line.no > from && TITLE.test(squash(line.text))) break;
    // The table's footnote ("备注：1、绩效指标可选择填写…") ends it.
    if (line.no > from && /^(备注|注)[:：]/.test(squash(line.text))) break;
    // A row of a table the PDF draws is known cell by cell: it reads as a .docx row does.
    if (line.drawnRow)
      rows.push({ cells: expandSpans(drawnRowCells(line)), line: line.no, block: -1 });
    else
      rows.push({
        cells: splitColumns(line.text, line.no),
        line: line.no,
        block: -1,
        text: line.text,
      });
  }
  return rows;
}

/** The 单位：元 / 单位：万元 caption printed just above a table (or in its first rows). */
function moneyUnitBefore(doc: SourceDocument, line: number): MoneyUnit | undefined {
  for (const l of doc.lines.slice(Math.max(0, line - 9), Math.max(0, line - 1))) {
    if (l.no >= line - 8 && l.no < line && !l.furniture) {
      const u = declaredUnit(l.text);
      if (u) return u;
    }
  }
  return undefined;
}

/** "303001 秦皇岛经济技术开发区经济发展局（本级）": the unit a project table belongs to, printed above it. */
function unitBefore(
  doc: SourceDocument,
  after: number,
  before: number,
): { code: string; name: string; line: number } | undefined {
  let found: { code: string; name: string; line: number } | undefined;
  for (const l of doc.lines.slice(Math.max(0, after), Math.max(0, before - 1))) {
    if (l.no <= after || l.no >= before || l.furniture) continue;
    const t = l.text.trim();
    // A table title starts afresh: a unit line printed before it belongs to something else.
    if (/绩效目标表$|^表\s*[\d一二三四五六七八九十]+$/.test(squash(t))) found = undefined;
    const m = /^(\d{6})\s*([\u4e00-\u9fff][^\t]*?)$/.exec(t);
    if (m && !/单位\s*[:：]|绩效目标表/.test(m[2]!) && squash(m[2]!).length <= 40)
      found = { code: m[1]!, name: squash(m[2]!) === m[2] ? m[2]! : m[2]!.trim(), line: l.no };
  }
  return found;
}
