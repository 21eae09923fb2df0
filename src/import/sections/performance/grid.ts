/**
 * Turns a performance table (部门职责—工作活动绩效目标 and tables like it) into
 * a grid: a header that names each column's role, and data rows with one cell
 * per column, whatever the layout the document was read in.
 *
 *  - "cells" (Word export, text reader): the reader's rows drop empty cells
 *    (a lone tab is trimmed to a blank line) and split a row at a page break,
 *    so rows are rebuilt from the lines, using SourceLine.emptyCell;
 *  - "tabs" and readers that keep empty cells: the table's rows as they are,
 *    with merged cells (`span`) expanded;
 *  - "columns" (PDF text): cells are placed in columns by their x position and
 *    wrapped lines are gathered into logical rows.
 */
import {
  drawnRowCells,
  squash,
  type Cell,
  type Row,
  type SourceDocument,
  type SourceLine,
  type TableBlock,
} from "../../source-document.ts";
import { declaredUnit } from "../../../model/amount.ts";
import { memoByText } from "../../memo.ts";
import { foldRadicals } from "../../readers/pdf-radicals.ts";
import { displayWidth } from "../../toolkit/display-width.ts";

export type ColumnRole =
  | "duty"
  | "dutyDescription"
  | "dutyGoal"
  | "dutyActivity"
  | "budget"
  | "activity"
  | "description"
  | "goal"
  | "indicator"
  | "indicatorDescription"
  | "indicatorKind"
  | "indicatorValue"
  | "indicatorUnit"
  | "excellent"
  | "good"
  | "fair"
  | "poor";

export const GRADE_ROLES = ["excellent", "good", "fair", "poor"] as const;
const GRADE_SET = new Set<ColumnRole | undefined>(GRADE_ROLES);

export interface ActivityCell {
  text: string;
  line: number;
}

export interface ActivityRow {
  /** One cell per column (blank cells have text ""). */
  cells: ActivityCell[];
  line: number;
  /** The source row had fewer cells than the header (cut off, or cells merged). */
  incomplete?: boolean;
  /** The row was printed in pieces (page break, blank line) joined from this line. */
  joinedAt?: number;
}

export interface ActivityGrid {
  /** Role of each column; undefined for columns this table has but the model does not use. */
  roles: (ColumnRole | undefined)[];
  /** First line of the header. */
  headerLine: number;
  /** The header's cells as printed, joined by "|" (a unit such as 年度预算数（元） is read from it). */
  headerText: string;
  rows: ActivityRow[];
  /** Last source line of the table. */
  endLine: number;
  /** Text beside the table that belongs to none of its columns (a label of an enclosing table repeated on a page). */
  outside?: ActivityCell[];
}

/** What a header cell says the column holds. "span" is 评价标准 over 优/良/中/差. Memoised: every row of every table is tested. */
export const headerRole: (text: string) => ColumnRole | "gradesSpan" | "other" | undefined =
  memoByText(roleOfHeader);

function roleOfHeader(text: string): ColumnRole | "gradesSpan" | "other" | undefined {
  const t = squash(unradical(text)).replace(/[（(].*?[）)]$/, "");
  if (!t) return undefined;
  if (/^(?:部门)?职责[-—–－、/]?(?:及|和|与)?(?:工作)?活动(?:名称)?$/.test(t))
    return "dutyActivity";
  if (/^(?:部门)?职责(?:名称)?$/.test(t)) return "duty";
  if (/^职责(?:描述|内容|说明)$/.test(t)) return "dutyDescription";
  if (/^职责(?:绩效)?目标$/.test(t)) return "dutyGoal";
  if (/^(?:工作)?活动(?:名称)?$/.test(t)) return "activity";
  if (/^(?:活动|内容|工作)?(?:描述|内容)$/.test(t) || t === "活动描述" || t === "活动内容")
    return "description";
  if (
    /^(?:\d{4}年|年度|本年)?(?:部门)?(?:预算|预算数|预算金额|预算资金|预算额)(?:\(万元\)|\(元\)|（万元）|（元）)?$/.test(
      t,
    )
  )
    return "budget";
  if (/^(?:绩效|活动|工作)?目标$/.test(t)) return "goal";
  if (/^(?:绩效)?指标(?:描述|说明|解释|内容|定义)$/.test(t)) return "indicatorDescription";
  if (/^(?:绩效指标|指标名称|指标|绩效指标名称)$/.test(t)) return "indicator";
  // Tables without 优良中差 give each indicator one target: 指标性质 (≥, ≤, ＝, 定性), 指标值, 度量单位.
  if (/^(?:指标)?(?:性质|方向)$/.test(t)) return "indicatorKind";
  if (/^(?:指标值|目标值|指标目标值)$/.test(t)) return "indicatorValue";
  if (/^(?:度量|计量)单位$/.test(t)) return "indicatorUnit";
  if (/^评价标准|^评分标准|^标准$/.test(t)) return "gradesSpan";
  if (/^优(?:秀)?$/.test(t)) return "excellent";
  if (/^良(?:好)?$/.test(t)) return "good";
  if (/^(?:中(?:等)?|一般|合格)$/.test(t)) return "fair";
  if (/^(?:差|较差|不合格)$/.test(t)) return "poor";
  return "other";
}

/** A header row names an activity column and an indicator or grade column. */
export function isActivityHeader(texts: readonly string[]): boolean {
  // Both activity roles name 活动: most rows are rejected without classifying every cell.
  if (!texts.some((t) => /活\s*动/.test(t))) return false;
  const roles = texts.map(headerRole);
  const activity = roles.includes("activity") || roles.includes("dutyActivity");
  const graded = roles.some((r) => r === "indicator" || r === "gradesSpan" || r === "excellent");
  return activity && graded;
}

/**
 * Column roles from one or two header rows. A second row that holds 优/良/中/差
 * under a spanning 评价标准 fills those columns; row-one cells after the span
 * shift right by its width.
 */
export function columnRoles(
  first: readonly string[],
  second?: readonly string[],
): { roles: (ColumnRole | undefined)[]; rows: 1 | 2 } {
  const firstRoles = first.map(headerRole);
  const secondRoles = second?.map(headerRole) ?? [];
  const gradeAt = secondRoles
    .map((r, i) => (r && (GRADE_ROLES as readonly string[]).includes(r) ? i : -1))
    .filter((i) => i >= 0);
  const twoRows =
    firstRoles.includes("gradesSpan") &&
    gradeAt.length > 0 &&
    !firstRoles.some((r) => (GRADE_ROLES as readonly string[]).includes(r ?? ""));
  const roles: (ColumnRole | undefined)[] = [];
  let p = 0;
  for (let i = 0; i < firstRoles.length; i++) {
    const r = firstRoles[i];
    if (r === "gradesSpan" && twoRows) {
      // The second row either keeps the grid (blanks under row-one cells) or holds only the grades.
      const onlyGrades =
        secondRoles.every(
          (x) => x === undefined || (GRADE_ROLES as readonly string[]).includes(x),
        ) && secondRoles.length === gradeAt.length;
      const width = gradeAt.length;
      for (let k = 0; k < width; k++) {
        const col = onlyGrades ? p + k : gradeAt[k]!;
        roles[col] = secondRoles[gradeAt[k]!] as ColumnRole;
      }
      p = onlyGrades ? p + width : Math.max(p, gradeAt[width - 1]! + 1);
      // Row one may print the span's covered cells as blanks: skip them.
      for (let skip = width - 1; skip > 0 && i + 1 < first.length && !squash(first[i + 1]!); skip--)
        i++;
      continue;
    }
    roles[p] = r === "other" || r === "gradesSpan" ? undefined : r;
    p++;
  }
  if (twoRows) for (let k = roles.length; k < (second?.length ?? 0); k++) roles[k] = undefined;
  return { roles: Array.from({ length: roles.length }, (_, i) => roles[i]), rows: twoRows ? 2 : 1 };
}

/** Expands merged cells so every row has one entry per grid column. */
function expandSpans(cells: readonly Cell[]): ActivityCell[] {
  const out: ActivityCell[] = [];
  for (const c of cells) {
    out.push({ text: c.text, line: c.line });
    for (let k = 1; k < (c.span ?? 1); k++) out.push({ text: "", line: c.line });
  }
  return out;
}

/**
 * Some PDFs map common characters to look-alike radicals (⼀ for 一, ⻔ for 门);
 * the PDF reader folds them, and text extracted elsewhere (pdftotext) is folded
 * here with the same table.
 */
export const unradical = foldRadicals;

/** Joins the lines of a cell: Chinese wraps without a space, Latin words with one. */
export function cellText(text: string): string {
  const parts = unradical(text)
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
  let out = "";
  for (const part of parts) {
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(part)) out += " ";
    out += part;
  }
  return out;
}

function pad(cells: ActivityCell[], width: number, line: number): ActivityCell[] {
  while (cells.length < width) cells.push({ text: "", line });
  return cells;
}

/** Finds every activity table in the document and reads it into a grid. */
export function findActivityGrids(doc: SourceDocument): ActivityGrid[] {
  const grids: ActivityGrid[] = [];
  const rebuild = doc.layout === "cells" && doc.lines.some((l) => l.emptyCell);
  let consumedTo = 0;
  for (const block of doc.blocks) {
    if (block.kind !== "table") continue;
    for (let r = 0; r < block.rows.length; r++) {
      const row = block.rows[r]!;
      if (row.line <= consumedTo) continue;
      if (!isActivityHeader(row.cells.map((c) => c.text))) continue;
      const grid = rebuild
        ? cellsGrid(doc, row.line)
        : doc.layout === "columns"
          ? (drawnGrid(doc, row.line) ?? columnsGrid(doc, block, r))
          : rowsGrid(doc, block, r);
      if (grid) {
        grids.push(grid);
        consumedTo = grid.endLine;
      }
    }
  }
  return grids;
}

/** Tables whose rows already keep every cell ("tabs", .docx/.xlsx readers). */
function rowsGrid(
  doc: SourceDocument,
  block: TableBlock,
  headerIndex: number,
): ActivityGrid | undefined {
  const first = expandSpans(block.rows[headerIndex]!.cells);
  const next = block.rows[headerIndex + 1];
  const second = next ? expandSpans(next.cells) : undefined;
  const { roles, rows: headerRows } = columnRoles(
    first.map((c) => c.text),
    second?.map((c) => c.text),
  );
  const width = Math.max(roles.length, headerRows === 2 ? second!.length : 0);
  const headerTexts = first.map((c) => squash(c.text)).join("|");
  const rows: ActivityRow[] = [];
  let endLine = block.rows[block.rows.length - 1]!.line;
  // A row of blank cells (or a page break) can end the reader's table: the rows of tables
  // that follow right after, as wide as this one, go on with it.
  const body = block.rows.slice(headerIndex + headerRows);
  // (A table rebuilt from drawn rows is whole already: it is not one of the document's blocks.)
  for (let b = doc.blocks.indexOf(block) + 1, last = endLine; b > 0 && b < doc.blocks.length; b++) {
    const next = doc.blocks[b]!;
    if (next.kind !== "table" || next.line - last > 3 || next.rows[0]!.cells.length < width / 2)
      break;
    if (
      isActivityHeader(next.rows[0]!.cells.map((c) => c.text)) &&
      squash(next.rows[0]!.cells.map((c) => c.text).join("|")) !== headerTexts.replace(/\|/g, "")
    )
      break;
    body.push(...next.rows);
    last = next.rows[next.rows.length - 1]!.line;
    endLine = last;
  }
  for (const row of body) {
    const cells = expandSpans(row.cells);
    if (cells.map((c) => squash(c.text)).join("|") === headerTexts) continue; // header repeated on a new page
    // A lone cell between rows is a wrapped cell ("tabs" reader): it continues the last filled cell above.
    if (cells.length === 1 && rows.length && width > 1) {
      const prev = rows[rows.length - 1]!;
      const last = [...prev.cells].reverse().find((c) => c.text);
      if (last) last.text = `${last.text}\n${cells[0]!.text}`;
      continue;
    }
    rows.push({ cells: pad(cells, width, row.line), line: row.line });
    endLine = row.line;
  }
  return {
    roles,
    headerLine: block.rows[headerIndex]!.line,
    headerText: [...first, ...(second ?? [])].map((c) => c.text).join("|"),
    rows,
    endLine,
  };
}

/**
 * A table whose borders the PDF draws (SourceLine.drawnRow): its rows are
 * known exactly, merged cells and all, so it reads as a .docx table does.
 */
function drawnGrid(doc: SourceDocument, headerLine: number): ActivityGrid | undefined {
  const table = doc.lines[headerLine - 1]?.drawnRow?.table;
  if (table === undefined) return undefined;
  const rows: Row[] = [];
  const headerKeys: string[] = [];
  for (let i = headerLine - 1; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    const drawn = line.drawnRow;
    if (!drawn) {
      // Page furniture and blank lines may stand between the parts of a table split by a page break.
      if (line.furniture || !line.text.trim()) continue;
      break;
    }
    if (drawn.table !== table) break;
    // The header rows a new page repeats (as Word and Chromium print them) are not data.
    const key = drawn.cells.map((c) => `${c.continued ? "^" : ""}${squash(c.text)}`).join("|");
    if (headerKeys.length >= 2 && headerKeys.slice(0, 2).includes(key)) continue;
    headerKeys.push(key);
    rows.push({ cells: drawnRowCells(line), line: line.no });
  }
  return rows.length >= 2 ? rowsGrid(doc, { kind: "table", rows, line: headerLine }, 0) : undefined;
}

interface Segment {
  cells: ActivityCell[];
  line: number;
  joinedAt?: number;
}

/**
 * Word export rebuilt from the lines: "\tcell" starts a cell, a lone tab is an
 * empty cell, untabbed lines continue the last cell, a blank line ends a row.
 * A row cut short by a page break (fewer cells than the header) is joined with
 * the next piece when together they fill the row.
 */
function cellsGrid(doc: SourceDocument, headerLine: number): ActivityGrid | undefined {
  const start = doc.lines.findIndex((l) => l.no === headerLine);
  if (start < 0) return undefined;
  const { segments, endLine } = cellSegments(doc.lines, start, headerLine);
  if (!segments.length) return undefined;

  const first = segments[0]!.cells.map((c) => c.text);
  const second = segments[1]?.cells.map((c) => c.text);
  const { roles, rows: headerRows } = columnRoles(first, second);
  const width = Math.max(roles.length, headerRows === 2 ? second!.length : first.length);
  const rows = segmentRows(segments, headerRows, width);
  return { roles, headerLine, headerText: [...first, ...(second ?? [])].join("|"), rows, endLine };
}

/** The Word export's rows as printed from the header on: pieces between blank lines. */
function cellSegments(
  lines: readonly SourceLine[],
  start: number,
  headerLine: number,
): { segments: Segment[]; endLine: number } {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let endLine = headerLine;
  const isTab = (l: SourceLine) => l.text.startsWith("\t") || l.emptyCell === true;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.emptyCell) {
      current ??= { cells: [], line: line.no };
      current.cells.push({ text: "", line: line.no });
    } else if (line.text.startsWith("\t")) {
      current ??= { cells: [], line: line.no };
      for (const part of line.text.slice(1).split("\t"))
        current.cells.push({ text: part.trim(), line: line.no });
    } else if (line.text.trim() === "") {
      if (current) segments.push(current);
      current = undefined;
    } else if (current) {
      const last = current.cells[current.cells.length - 1]!;
      last.text = last.text ? `${last.text}\n${line.text.trim()}` : line.text.trim();
    } else {
      // Untabbed text after a row: the table goes on only if tabbed cells follow
      // before the next blank line (a row split by a blank line, its cell wrapped).
      let j = i;
      while (j < lines.length && lines[j]!.text.trim() !== "" && !isTab(lines[j]!)) j++;
      const prev = segments[segments.length - 1];
      const headerWidth = Math.max(0, ...segments.slice(0, 2).map((s) => s.cells.length));
      if (
        prev &&
        prev.cells.length < headerWidth &&
        j < lines.length &&
        isTab(lines[j]!) &&
        !lines[j]!.emptyCell &&
        j > i
      ) {
        segments.pop();
        current = prev;
        current.joinedAt ??= line.no;
        i--;
        // Re-enter with the previous segment open so the text continues its last cell.
        const last = current.cells[current.cells.length - 1]!;
        for (let k = i + 1; k < j; k++)
          last.text = last.text ? `${last.text}\n${lines[k]!.text.trim()}` : lines[k]!.text.trim();
        i = j - 1;
        continue;
      }
      break;
    }
    if (line.text.trim() !== "" || line.emptyCell) endLine = line.no;
  }
  if (current) segments.push(current);
  return { segments, endLine };
}

/**
 * The data rows after `headerRows` header segments: a header repeated on a new page is
 * dropped, and pieces of a row split by a page break are joined while they fit the row.
 */
function segmentRows(segments: Segment[], headerRows: number, width: number): ActivityRow[] {
  const headerTexts = segments
    .slice(0, headerRows)
    .map((s) => s.cells.map((c) => squash(c.text)).join("|"));
  const rows: ActivityRow[] = [];
  const body = segments.slice(headerRows).filter((s, k, all) => {
    // A repeated header (new page) is not data.
    const t = s.cells.map((c) => squash(c.text)).join("|");
    if (t === headerTexts[0]) return false;
    if (
      headerRows === 2 &&
      t === headerTexts[1] &&
      k > 0 &&
      all[k - 1] &&
      all[k - 1]!.cells.map((c) => squash(c.text)).join("|") === headerTexts[0]
    )
      return false;
    return true;
  });
  for (let k = 0; k < body.length; k++) {
    const seg = body[k]!;
    let cells = seg.cells;
    let joinedAt = seg.joinedAt;
    // Join pieces of a row split by a page break while they fit the row.
    while (
      cells.length < width &&
      k + 1 < body.length &&
      cells.length + body[k + 1]!.cells.length <= width
    ) {
      joinedAt ??= body[k + 1]!.line;
      cells = [...cells, ...body[k + 1]!.cells];
      k++;
    }
    if (cells.length > width) cells = cells.slice(0, width);
    const incomplete = cells.length < width;
    rows.push({
      cells: pad(cells, width, seg.line),
      line: seg.line,
      ...(incomplete ? { incomplete } : {}),
      ...(joinedAt ? { joinedAt } : {}),
    });
  }
  return rows;
}

/**
 * PDF text: header cells fix the columns (a line with 优/良/中/差 next to the
 * header adds the grade columns) and each data cell goes to the column its
 * centre falls in. Lines are read from the header on (across page breaks,
 * skipping page furniture) and gathered into logical rows: where the reader
 * leaves a blank line between table rows, by those; otherwise by wrapping
 * (cells are top-aligned and a wrapped cell fills its column to the edge, so
 * text in a name column whose line above was empty or short starts a row).
 */
function columnsGrid(
  doc: SourceDocument,
  block: TableBlock,
  headerIndex: number,
): ActivityGrid | undefined {
  const headRow = block.rows[headerIndex]!;
  const width = textWidth(doc, headRow.line);
  const band = headerBand(doc, headRow, width);
  const hasGrades = band.cells.some((c) =>
    (GRADE_ROLES as readonly string[]).includes(c.role ?? ""),
  );
  const headCells = headColumns(band.cells, hasGrades);
  const roles = headCells.map((h) => h.role);
  const bounds = midBounds(headCells);
  const headerText = headRow.cells.map((c) => squash(c.text)).join("|");
  const lastHeader = band.lastLine;
  refineBounds(doc, bounds, headCells, lastHeader, lastHeader + 300, width);
  const cols: Columns = { headCells, roles, bounds, hasGrades, width };
  const { rawLines, endLine } = collectLines(doc, cols, headRow.line, lastHeader, headerText);

  // Each page of PDF text is laid out on its own: the same column can start 30 characters
  // further left on the next page. Pieces of the table (between blank lines or page
  // breaks) whose text does not fit the columns found so far get columns of their own.
  const models = regionBounds(rawLines, bounds, headCells.length, (no) =>
    pageHeaderBounds(doc, cols, no),
  );
  const { placedLines, outside } = placeCells(rawLines, models, cols);
  return {
    roles,
    headerLine: headRow.line,
    headerText: headRow.cells.map((c) => c.text).join("|"),
    rows: gatherRows(placedLines, roles),
    endLine,
    ...(outside.length ? { outside } : {}),
  };
}

/** A column of a PDF table's header: its role (undefined for one the model does not use) and span. */
interface HeadCell {
  role: ColumnRole | undefined;
  x: number;
  end: number;
}

/** The columns of a PDF table as its header places them. */
interface Columns {
  headCells: HeadCell[];
  roles: (ColumnRole | undefined)[];
  /** Boundaries between adjacent columns. */
  bounds: number[];
  /** The header has 优/良/中/差 columns (评价标准 over them is no column then). */
  hasGrades: boolean;
  width: (s: string) => number;
}

/** A line of the table, its cells split at runs of spaces; `header` marks a header repeated on a new page. */
type RawLine = { line: number; page?: number; cells: Cell[]; header?: boolean };

/** A header band's cells as columns, left to right. */
function headColumns(cells: readonly HeaderCell[], hasGrades: boolean): HeadCell[] {
  return cells
    .filter((c) => !(c.role === "gradesSpan" && hasGrades))
    .map((c) => ({
      role: c.role === "other" || c.role === "gradesSpan" ? undefined : c.role,
      x: c.x,
      end: c.end,
    }))
    .sort((a, b) => a.x - b.x);
}

/** The boundaries half-way between adjacent columns. */
function midBounds(cells: readonly { x: number; end: number }[]): number[] {
  return cells.slice(0, -1).map((h, k) => (h.end + cells[k + 1]!.x) / 2);
}

/** The column a position falls in, given the boundaries between `columns` columns. */
function columnIndex(bounds: readonly number[], columns: number, x: number): number {
  const k = bounds.findIndex((b) => x < b);
  return k < 0 ? columns - 1 : k;
}

/** A header printed again on a later page (at its own positions) gives that page's columns. */
function pageHeaderBounds(doc: SourceDocument, cols: Columns, no: number): number[] | undefined {
  const line = doc.lines[no - 1];
  if (!line) return undefined;
  const again = headerBand(
    doc,
    { cells: splitLine(line.text, line.no), line: line.no },
    cols.width,
  );
  const cells = headColumns(again.cells, cols.hasGrades);
  if (cells.length !== cols.headCells.length || cells.some((c, k) => c.role !== cols.roles[k]))
    return undefined;
  const b = midBounds(cells);
  const next = doc.lines.find(
    (l) => l.no > again.lastLine && !l.furniture && l.page !== undefined && l.page !== line.page,
  );
  refineBounds(doc, b, cells, again.lastLine, next ? next.no - 1 : again.lastLine + 60, cols.width);
  return b;
}

/** The table's lines after its header, their cells split at runs of spaces; null marks a blank line. */
function collectLines(
  doc: SourceDocument,
  cols: Columns,
  headLine: number,
  lastHeader: number,
  headerText: string,
): { rawLines: (RawLine | null)[]; endLine: number } {
  const columnOf = (x: number) => columnIndex(cols.bounds, cols.headCells.length, x);
  const rawLines: (RawLine | null)[] = [];
  let blankRun = 0;
  let endLine = headLine;
  for (const line of doc.lines) {
    if (line.no <= lastHeader || line.furniture) continue;
    if (!line.text.trim()) {
      if (++blankRun >= 4) break;
      if (rawLines.length && rawLines[rawLines.length - 1] !== null) rawLines.push(null);
      continue;
    }
    blankRun = 0;
    const cells = splitLine(line.text, line.no).map((c) => ({
      ...c,
      end: (c.x ?? 0) + cols.width(c.text),
    }));
    const texts = cells.map((c) => squash(c.text));
    if (
      texts.join("|") === headerText ||
      (texts.length >= 2 && cells.every((c) => headerRole(c.text) !== "other"))
    ) {
      // header repeated on a new page: not data, but it places that page's columns
      rawLines.push({ line: line.no, cells, header: true });
      continue;
    }
    // A caption or a paragraph from the margin across the columns ends the table.
    if (declaredUnit(line.text)) break;
    const only = cells.length === 1 ? cells[0]! : undefined;
    if (
      only &&
      !/\s/.test(only.text) &&
      columnOf(only.x ?? 0) === 0 &&
      columnOf(only.end ?? 0) >= 2
    )
      break;
    rawLines.push({
      line: line.no,
      ...(line.page !== undefined ? { page: line.page } : {}),
      cells,
    });
    endLine = line.no;
  }
  while (
    rawLines.length &&
    (rawLines[rawLines.length - 1] === null || rawLines[rawLines.length - 1]!.header)
  )
    rawLines.pop();
  return { rawLines, endLine };
}

/** Each line's cells placed in columns (null for a blank line), and text left of the table. */
function placeCells(
  rawLines: readonly (RawLine | null)[],
  models: readonly ({ bounds: number[]; left?: number } | undefined)[],
  cols: Columns,
): { placedLines: (PlacedLine | null)[]; outside: ActivityCell[] } {
  const outside: ActivityCell[] = [];
  const placedLines: (PlacedLine | null)[] = [];
  rawLines.forEach((raw, i) => {
    if (raw === null) {
      placedLines.push(null);
      return;
    }
    if (raw.header) return;
    const placed = placeLine(raw, models[i]!, cols, outside);
    if (placed.size) placedLines.push({ line: raw.line, cells: placed });
  });
  return { placedLines, outside };
}

/**
 * One line's cells by column. Narrow columns can sit one space apart: each space-separated
 * word is placed by its own centre. Chinese text has no spaces, so a space next to a
 * Chinese character is a column edge: the next word goes at least one column on.
 */
function placeLine(
  raw: RawLine,
  model: { bounds: number[]; left?: number },
  cols: Columns,
  outside: ActivityCell[],
): Map<number, Cell> {
  const { bounds: lineBounds, left } = model;
  const { roles, width } = cols;
  const colOf = (x: number) => columnIndex(lineBounds, cols.headCells.length, x);
  const placed = new Map<number, Cell>();
  for (const cell of raw.cells) {
    // Text wholly left of the table's first column on this page (a label of an
    // enclosing table repeated on each page) belongs to no column.
    if (left !== undefined && (cell.end ?? 0) <= left) {
      outside.push({ text: cell.text, line: cell.line });
      continue;
    }
    let prevCol = -1;
    let prevText = "";
    for (const c of words(cell, width)) {
      let k = colOf(((c.x ?? 0) + (c.end ?? c.x ?? 0)) / 2);
      const chinese =
        /[\u2e80-\u9fff\uff00-\uffef]$/.test(prevText) ||
        /^[\u2e80-\u9fff\uff00-\uffef]/.test(c.text);
      const pastEdge =
        prevCol >= 0 && prevCol < lineBounds.length && (c.end ?? 0) > lineBounds[prevCol]!;
      if (pastEdge && chinese) k = Math.max(k, prevCol + 1);
      else if (pastEdge && GRADE_SET.has(roles[prevCol])) k = Math.max(k, prevCol + 1);
      else if (prevCol >= 0) k = Math.max(k, prevCol);
      const prev = placed.get(k);
      placed.set(k, prev ? { ...prev, text: `${prev.text} ${c.text}`, end: c.end } : c);
      prevCol = k;
      prevText = c.text;
    }
  }
  return placed;
}

/** Rows gathered line by line: a row is opened by `newRow`, and `add` puts a line's cells in it. */
class RowGatherer {
  readonly rows: ActivityRow[] = [];
  current: ActivityRow | undefined;

  constructor(private readonly columns: number) {}

  newRow(line: number): void {
    this.current = {
      cells: Array.from({ length: this.columns }, () => ({ text: "", line })),
      line,
    };
    this.rows.push(this.current);
  }

  add(cells: Map<number, Cell>): void {
    for (const [k, c] of cells) {
      const cell = this.current!.cells[k]!;
      if (cell.text) cell.text = `${cell.text}\n${c.text}`;
      else this.current!.cells[k] = { text: c.text, line: c.line };
    }
  }
}

/**
 * Lines gathered into logical rows: where the reader leaves a blank line between table
 * rows, by those; otherwise by centred cells or by wrapping.
 */
function gatherRows(
  placedLines: readonly (PlacedLine | null)[],
  roles: readonly (ColumnRole | undefined)[],
): ActivityRow[] {
  const textLines = placedLines.filter((l): l is PlacedLine => l !== null);
  // Blank lines between rows: a row is the text between them (its cells may be centred).
  const blanks = placedLines.length - textLines.length;
  if (blanks >= 2 && blanks * 4 >= textLines.length / 2)
    return joinSplitRows(rowsByBlankLines(placedLines, roles), roles);
  return rowsByWrapping(textLines, roles);
}

/** A row is the text between blank lines; a numbered name under a row that has one opens the next. */
function rowsByBlankLines(
  placedLines: readonly (PlacedLine | null)[],
  roles: readonly (ColumnRole | undefined)[],
): ActivityRow[] {
  const g = new RowGatherer(roles.length);
  let open = false;
  for (const pl of placedLines) {
    if (pl === null) {
      open = false;
      continue;
    }
    // A numbered name under a row that has one opens the next row (a blank line may
    // stand for a page break only).
    const numbered = [...pl.cells].some(
      ([k, c]) =>
        NAME_ROLES.has(roles[k]) &&
        NUMBERED_ENTRY.test(squash(c.text)) &&
        !!squash(g.current?.cells[k]!.text ?? ""),
    );
    if (!open || numbered) g.newRow(pl.line);
    open = true;
    g.add(pl.cells);
  }
  return g.rows;
}

/** Rows of a table without blank lines between them: by centred cells, else by wrapping. */
function rowsByWrapping(
  textLines: readonly PlacedLine[],
  roles: readonly (ColumnRole | undefined)[],
): ActivityRow[] {
  // How wide each column's text runs: a line that fills it was wrapped.
  // (A high percentile, not the maximum: a stray word from a neighbouring column must not widen it.)
  const spans = roles.map(() => [] as number[]);
  for (const pl of textLines)
    for (const [k, c] of pl.cells) spans[k]!.push((c.end ?? 0) - (c.x ?? 0));
  const widths = spans.map((w) => (w.sort((a, b) => a - b), w[Math.floor(w.length * 0.9)] ?? 0));
  const full = (k: number, c: Cell | undefined) =>
    !!c && (c.end ?? 0) - (c.x ?? 0) >= widths[k]! - Math.max(2, Math.floor(widths[k]! * 0.2));
  // Stricter: the line runs to the column's usual wrapping width (a cell one line below its
  // row's line past the centre, from rounding, is told only by this).
  const filled = (k: number, c: Cell | undefined) => !!c && (c.end ?? 0) - (c.x ?? 0) >= widths[k]!;
  const centred = centredRows(textLines, roles, full, filled);
  if (centred) return centred;
  return wrappedRows(textLines, roles, full);
}

/**
 * Rows by wrapping: cells are top-aligned and a wrapped cell fills its column to the edge,
 * so text in a name column whose line above was empty or short starts a row.
 */
function wrappedRows(
  textLines: readonly PlacedLine[],
  roles: readonly (ColumnRole | undefined)[],
  full: (k: number, c: Cell | undefined) => boolean,
): ActivityRow[] {
  // Rows start in the name columns (duty, activity, indicator); grades and descriptions only wrap.
  const keyRoles: (ColumnRole | undefined)[] = [
    "duty",
    "dutyActivity",
    "activity",
    roles.includes("indicator") ? "indicator" : "excellent",
  ];
  const keys = new Set(roles.flatMap((r, k) => (keyRoles.includes(r) && r ? [k] : [])));
  const names = NAME_ROLES;
  const g = new RowGatherer(roles.length);
  let previous: Map<number, Cell> | undefined;
  for (const pl of textLines) {
    const current = g.current;
    // Top-aligned cells have no gaps: text under a blank in a column the row already filled starts a row.
    const resumes = (k: number) =>
      !!current && !!squash(current.cells[k]!.text) && !previous?.get(k);
    // Grades that all ended short on the line above are finished cells: new grades start a row.
    // (Not one short grade alone: narrow grade columns wrap "95%" / "以上".)
    const gradeCols = [...pl.cells.keys()].filter((k) => GRADE_SET.has(roles[k]));
    const gradesEnded =
      gradeCols.length >= 2 &&
      gradeCols.every((k) => previous?.get(k) && !full(k, previous.get(k)));
    // A row has one 指标性质 (≥, ＝, 定性: never wrapped) and one name: a second one, or the
    // same name printed again (each row repeating its activity), is the next row.
    const again = (k: number) =>
      !!current &&
      !!squash(current.cells[k]!.text) &&
      (roles[k] === "indicatorKind" ||
        (names.has(roles[k]) && squash(current.cells[k]!.text) === squash(pl.cells.get(k)!.text)));
    // A numbered name (一、 / 1、) opens an entry whatever the line above looked like.
    const numbered = (k: number) =>
      names.has(roles[k]) && NUMBERED_ENTRY.test(squash(pl.cells.get(k)!.text));
    if (
      !current ||
      gradesEnded ||
      [...pl.cells.keys()].some(
        (k) => (keys.has(k) && !full(k, previous?.get(k))) || resumes(k) || again(k) || numbered(k),
      )
    )
      g.newRow(pl.line);
    g.add(pl.cells);
    previous = pl.cells;
  }
  return g.rows;
}

type PlacedLine = { line: number; cells: Map<number, Cell> };

const NAME_ROLES = new Set<ColumnRole | undefined>(["duty", "dutyActivity", "activity"]);

/** "一、" "（二）" "3、" "4." at the start of a cell: an item of a numbered list. */
const NUMBERED_ENTRY = /^[（(]?(?:\d{1,2}|[一二三四五六七八九十]+)[、.．）)]/;

/**
 * Headers are centred but text is left-aligned: where many cells of a column start at
 * the same place left of the header (lines after `from` up to `to`), that is the
 * column's left edge.
 */
function refineBounds(
  doc: SourceDocument,
  bounds: number[],
  headCells: readonly { x: number; end: number }[],
  from: number,
  to: number,
  width: (s: string) => number,
): void {
  const columnOf = (x: number) => {
    const k = bounds.findIndex((b) => x < b);
    return k < 0 ? headCells.length - 1 : k;
  };
  const starts = headCells.map(() => new Map<number, number>());
  for (const line of doc.lines) {
    if (line.no <= from || line.furniture) continue;
    if (line.no > to) break;
    for (const c of splitLine(line.text, line.no)) {
      if (squash(c.text).length < 4) continue;
      const k = columnOf((c.x ?? 0) + width(c.text.split(" ")[0]!) / 2);
      starts[k]!.set(c.x ?? 0, (starts[k]!.get(c.x ?? 0) ?? 0) + 1);
    }
  }
  for (let k = 1; k < headCells.length; k++) {
    const [edge, count] = [...starts[k]!].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    if (count >= 3 && edge - 0.5 < bounds[k - 1]! && edge > headCells[k - 1]!.end)
      bounds[k - 1] = edge - 0.5;
  }
}

/**
 * Column bounds for every collected line. The header's bounds hold while the text
 * fits them; a piece of the table (lines between blank lines or page breaks) whose
 * text runs across a bound, or puts two runs of text in one column, and fits
 * neither the bounds in use nor the header's, is measured on its own: where its
 * lines leave a gap of spaces all the way down, columns end. Only a piece with as
 * many such runs as the header has columns is re-measured (a piece with fewer, e.g.
 * one short row, keeps the bounds it has). `left` is the first column's left edge
 * as measured from the text.
 */
function regionBounds(
  lines: readonly ({ line: number; cells: Cell[]; page?: number; header?: boolean } | null)[],
  headerBounds: number[],
  columns: number,
  pageHeader: (line: number) => number[] | undefined,
): ({ bounds: number[]; left?: number } | undefined)[] {
  const out: ({ bounds: number[]; left?: number } | undefined)[] = [];
  let header: { bounds: number[]; left?: number } = { bounds: headerBounds };
  let model = header;
  let placedByRun = false;
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (first === null || first.header) {
      // The first line of a header band (评价标准 may print above or below the main line) that places every column.
      if (first?.header && !placedByRun) {
        const b = pageHeader(first.line);
        if (b) model = header = { bounds: b };
        placedByRun = !!b;
      }
      if (!first?.header) placedByRun = false;
      out.push(undefined);
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < lines.length &&
      lines[j] !== null &&
      !lines[j]!.header &&
      lines[j]!.page === first.page
    )
      j++;
    const piece = lines.slice(i, j) as { cells: Cell[] }[];
    const runs = textRuns(piece, piece.length >= 4 ? 2 : 1);
    // The bounds in use, else the header's (back on the header's page), else this piece's own.
    if (!fits(runs, model)) {
      if (model !== header && fits(runs, header)) model = header;
      else if (runs.length === columns)
        model = {
          bounds: runs.slice(0, -1).map((r, k) => (r.end + runs[k + 1]!.x) / 2),
          left: runs[0]!.x,
        };
    }
    let own = model;
    if (model.left === undefined && piece.length >= 4 && runs.length) {
      // The header's bounds leave the first column open to the left: text wholly left of
      // where this piece's lines start is no cell of the table either.
      own = { bounds: model.bounds, left: runs[0]!.x };
    }
    for (let k = i; k < j; k++) out.push(own);
    placedByRun = false;
    i = j;
  }
  return out;
}

/** Every run of text of a piece lies in one column, one run per column (text left of the table aside). */
function fits(
  runs: readonly { x: number; end: number }[],
  model: { bounds: number[]; left?: number },
): boolean {
  const colOf = (x: number) => {
    const k = model.bounds.findIndex((b) => x < b);
    return k < 0 ? model.bounds.length : k;
  };
  const seen = new Set<number>();
  for (const run of runs) {
    if (model.left !== undefined && run.end <= model.left) continue;
    const k = colOf(run.x);
    if (colOf(run.end - 1) !== k || seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

/** Stretches of character columns that text covers on at least `min` lines of the piece. */
function textRuns(piece: readonly { cells: Cell[] }[], min: number): { x: number; end: number }[] {
  const cover: number[] = [];
  for (const l of piece)
    for (const c of l.cells)
      for (let x = c.x ?? 0; x < (c.end ?? 0); x++) cover[x] = (cover[x] ?? 0) + 1;
  const runs: { x: number; end: number }[] = [];
  for (let x = 0; x <= cover.length; x++) {
    const on = (cover[x] ?? 0) >= min;
    const last = runs[runs.length - 1];
    if (on && last && last.end === x) last.end = x + 1;
    else if (on) runs.push({ x, end: x + 1 });
  }
  return runs;
}

/**
 * Tables whose cells are centred vertically (printed by most budget systems): the
 * one-line cells of a row (activity name, 指标性质, 指标值, 单位) sit on one line,
 * the anchor, and a wrapped cell spreads over as many lines above it as below. Lines
 * between two anchors holding only wrapped text are split between them: a line
 * continues the row above while that row's cell has fewer lines below its anchor
 * than above (or as many, none on the anchor, and its last line ran to the column's
 * edge), unless the line opens a new entry
 * (numbered, or starting like many entries of its column: "产出指标…" / "效益指标…").
 * Returns undefined when the table is not laid out so (wrapped cells start on the
 * row's first line: most rows' anchors follow a line that ended short).
 */
function centredRows(
  lines: readonly PlacedLine[],
  roles: readonly (ColumnRole | undefined)[],
  full: (k: number, c: Cell | undefined) => boolean,
  filled: (k: number, c: Cell | undefined) => boolean,
): ActivityRow[] | undefined {
  const anchorCols = centredAnchors(lines, roles, full);
  return anchorCols && gatherCentred(lines, roles, anchorCols, filled);
}

/** The anchor columns of a table laid out with centred cells; undefined when it is not laid out so. */
function centredAnchors(
  lines: readonly PlacedLine[],
  roles: readonly (ColumnRole | undefined)[],
  full: (k: number, c: Cell | undefined) => boolean,
): Set<number> | undefined {
  const names = NAME_ROLES;
  const nameCols = new Set(roles.flatMap((r, k) => (names.has(r) ? [k] : [])));
  if (!nameCols.size) return undefined;
  // Anchor columns: those whose text (nearly) always shares a line with a name.
  const withName = roles.map(() => 0);
  const total = roles.map(() => 0);
  for (const pl of lines) {
    const named = [...pl.cells.keys()].some((k) => nameCols.has(k));
    for (const k of pl.cells.keys()) {
      total[k]!++;
      if (named) withName[k]!++;
    }
  }
  const anchorCols = new Set(
    roles.flatMap((_, k) =>
      nameCols.has(k) || (total[k]! >= 3 && withName[k]! >= total[k]! * 0.9) ? [k] : [],
    ),
  );
  // Only a table that prints its name on every row (a row per indicator, with its target)
  // has anchors to gather around; where the name stands once over several indicator rows
  // (graded tables), the rows are read by wrapping.
  if (anchorCols.size === nameCols.size) return undefined;
  const isAnchor = (pl: PlacedLine) => [...pl.cells.keys()].some((k) => anchorCols.has(k));
  const wrapped = (pl: PlacedLine) => !isAnchor(pl) && [...pl.cells].every(([k, c]) => full(k, c));
  let anchors = 0;
  let openAbove = 0;
  lines.forEach((pl, i) => {
    if (!isAnchor(pl)) return;
    anchors++;
    if (i > 0 && wrapped(lines[i - 1]!)) openAbove++;
  });
  if (anchors < 3 || openAbove * 2 < anchors || anchors === lines.length) return undefined;
  return anchorCols;
}

/** A row being gathered around its anchor: lines of each column above and below it. */
interface OpenRow {
  row: ActivityRow;
  above: Map<number, number>;
  below: Map<number, number>;
  last: Map<number, Cell>;
  middle: Set<number>;
  anchored: boolean;
}

function openRow(rows: ActivityRow[], roles: readonly unknown[], line: number): OpenRow {
  const row: ActivityRow = { cells: roles.map(() => ({ text: "", line })), line };
  rows.push(row);
  return {
    row,
    above: new Map(),
    below: new Map(),
    last: new Map(),
    middle: new Set(),
    anchored: false,
  };
}

function putCells(o: OpenRow, cells: Map<number, Cell>): void {
  for (const [k, c] of cells) {
    const cell = o.row.cells[k]!;
    if (cell.text) cell.text = `${cell.text}\n${c.text}`;
    else o.row.cells[k] = { text: c.text, line: c.line };
    o.last.set(k, c);
    const side = o.anchored ? o.below : o.above;
    side.set(k, (side.get(k) ?? 0) + 1);
  }
}

/** Lines gathered around their anchors (see centredRows). */
function gatherCentred(
  lines: readonly PlacedLine[],
  roles: readonly (ColumnRole | undefined)[],
  anchorCols: ReadonlySet<number>,
  filled: (k: number, c: Cell | undefined) => boolean,
): ActivityRow[] {
  const isAnchor = (pl: PlacedLine) => [...pl.cells.keys()].some((k) => anchorCols.has(k));
  const starts = entryStarts(lines, anchorCols);
  const rows: ActivityRow[] = [];
  let open: OpenRow | undefined;
  for (const pl of lines) {
    if (isAnchor(pl)) {
      // An anchor opens its own row unless the wrapped lines just above already did.
      if (!open || open.anchored) open = openRow(rows, roles, pl.line);
      open.anchored = true;
      // Wrapped text on the anchor line is the cell's middle: neither above nor below.
      for (const [k, c] of pl.cells) {
        const cell = open.row.cells[k]!;
        open.row.cells[k] = cell.text
          ? { text: `${cell.text}\n${c.text}`, line: cell.line }
          : { text: c.text, line: c.line };
        if (!anchorCols.has(k)) {
          open.last.set(k, c);
          open.middle.add(k);
        }
      }
      continue;
    }
    const o = open;
    const continues =
      !!o &&
      o.anchored &&
      [...pl.cells].every(([k, c]) => {
        if (!o.row.cells[k]!.text || starts(k, c.text)) return false;
        const above = o.above.get(k) ?? 0;
        const below = o.below.get(k) ?? 0;
        // A cell with text on its row's line has an odd number of lines: as many below as above.
        return below < above || (below === above && !o.middle.has(k) && filled(k, o.last.get(k)));
      });
    if (!continues && (!open || open.anchored)) open = openRow(rows, roles, pl.line);
    putCells(open!, pl.cells);
  }
  return rows;
}

/**
 * Whether a wrapped cell's line opens a new entry of its column: a numbered item, or
 * text starting with the same four characters as at least three lines of the column
 * and one in twenty (the column names its entries by kind: 产出指标…, 效益指标…;
 * the lines that continue a cell start anywhere in its text).
 */
function entryStarts(
  lines: readonly PlacedLine[],
  anchorCols: ReadonlySet<number>,
): (k: number, text: string) => boolean {
  const heads = new Map<number, Map<string, number>>();
  const counts = new Map<number, number>();
  for (const pl of lines)
    for (const [k, c] of pl.cells) {
      if (anchorCols.has(k)) continue;
      const t = squash(c.text);
      if (t.length < 6) continue;
      const m = heads.get(k) ?? new Map<string, number>();
      m.set(t.slice(0, 4), (m.get(t.slice(0, 4)) ?? 0) + 1);
      heads.set(k, m);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  return (k, text) => {
    const t = squash(text);
    if (NUMBERED_ENTRY.test(t)) return true;
    const n = heads.get(k)?.get(t.slice(0, 4)) ?? 0;
    return t.length >= 4 && n >= 3 && n * 20 >= (counts.get(k) ?? 0);
  };
}

interface HeaderCell {
  text: string;
  role: ReturnType<typeof headerRole>;
  x: number;
  end: number;
}

/**
 * The header of a PDF table can take several lines: 评价标准 above or below
 * the main line with 优/良/中/差 under it, and narrow columns written a
 * character or two per line (年/度/预/算/数). Lines next to the main one that
 * hold only header words or such fragments are folded into it by position.
 */
function headerBand(
  doc: SourceDocument,
  main: Row,
  width: (s: string) => number,
): { cells: HeaderCell[]; lastLine: number } {
  const rowAt = (no: number): Row | undefined => {
    const line = doc.lines[no - 1];
    if (!line || line.furniture || !line.text.trim()) return undefined;
    return { cells: splitLine(line.text, line.no), line: line.no };
  };
  const headerish = (r: Row) =>
    r.cells.every((c) => {
      const role = headerRole(c.text);
      return (
        (role !== "other" && role !== undefined) ||
        (squash(c.text).length <= 2 && !/\d/.test(c.text))
      );
    });
  const band: Row[] = [];
  for (let no = main.line - 1, gap = 0; no >= main.line - 3 && gap < 2; no--) {
    const r = rowAt(no);
    if (!r) {
      gap++;
      continue;
    }
    if (!headerish(r) || !r.cells.some((c) => headerRole(c.text) !== "other")) break;
    band.unshift(r);
  }
  band.push(main);
  for (let no = main.line + 1, gap = 0; no <= main.line + 10 && gap < 2; no++) {
    const r = rowAt(no);
    if (!r) {
      gap++;
      continue;
    }
    gap = 0;
    if (!headerish(r)) break;
    band.push(r);
  }
  const cells: HeaderCell[] = main.cells.map((c) => ({
    text: c.text,
    role: headerRole(c.text),
    x: c.x ?? 0,
    end: (c.x ?? 0) + width(c.text),
  }));
  const extra: HeaderCell[] = [];
  for (const r of band) {
    if (r === main) continue;
    for (const c of r.cells) {
      const x = c.x ?? 0;
      const end = x + width(c.text);
      const role = headerRole(c.text);
      const under = cells.find((h) => x < h.end + 1 && end > h.x - 1);
      if (under && (role === "other" || role === undefined || under.role === "other")) {
        under.text = r.line < main.line ? c.text + under.text : under.text + c.text;
        under.role = headerRole(under.text);
        under.x = Math.min(under.x, x);
        under.end = Math.max(under.end, end);
      } else if (role !== "other") {
        extra.push({ text: c.text, role, x, end });
      }
    }
  }
  return {
    cells: [...cells, ...extra].sort((a, b) => a.x - b.x),
    lastLine: Math.max(...band.map((r) => r.line)),
  };
}

/**
 * A row printed across a page break arrives as two: the second carries only
 * the rest of cells the first already has, and no indicator or grade of its
 * own, and no numbered name. It is joined to the first.
 */
function joinSplitRows(
  rows: ActivityRow[],
  roles: readonly (ColumnRole | undefined)[],
): ActivityRow[] {
  const rowLevel = new Set<ColumnRole | undefined>([
    "indicator",
    "indicatorDescription",
    ...GRADE_ROLES,
  ]);
  const names = NAME_ROLES;
  const out: ActivityRow[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    const filled = row.cells.flatMap((c, k) => (squash(c.text) ? [k] : []));
    const continues =
      prev &&
      filled.length > 0 &&
      filled.every((k) => !rowLevel.has(roles[k]) && squash(prev.cells[k]!.text)) &&
      filled.every(
        (k) =>
          !names.has(roles[k]) ||
          !/^[（(]?(?:\d+|[一二三四五六七八九十]+)[、.．）)]/.test(squash(row.cells[k]!.text)),
      );
    if (!continues) {
      out.push(row);
      continue;
    }
    for (const k of filled) prev.cells[k]!.text = `${prev.cells[k]!.text}\n${row.cells[k]!.text}`;
    prev.joinedAt ??= row.line;
  }
  return out;
}

/** Cells of a PDF text line at runs of two or more spaces, with character columns. */
function splitLine(text: string, lineNo: number): Cell[] {
  const cells: Cell[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)))
    cells.push({ text: m[0], line: lineNo, x: m.index, end: m.index + m[0].length });
  return cells;
}

/** The space-separated words of a cell, each placed after the width of the text before it. */
function words(cell: Cell, width: (s: string) => number): Cell[] {
  const out: Cell[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cell.text))) {
    const x = (cell.x ?? 0) + width(cell.text.slice(0, m.index));
    out.push({ text: m[0], line: cell.line, x, end: x + width(m[0]) });
  }
  return out;
}

/**
 * How the PDF text counts a Chinese character: some producers (our PDF reader)
 * place text by physical position, a Chinese character two columns wide;
 * others (pdftotext) give every character one column. Cells that would overlap
 * if Chinese characters were two wide tell which.
 */
function textWidth(doc: SourceDocument, from: number): (s: string) => number {
  let wideFits = 0;
  let wideOverlaps = 0;
  for (const line of doc.lines) {
    if (line.no < from || line.furniture) continue;
    if (line.no > from + 400) break;
    const cells = splitLine(line.text, line.no);
    for (let k = 1; k < cells.length; k++) {
      const prev = cells[k - 1]!;
      if (displayWidth(prev.text) === prev.text.length) continue;
      if ((prev.x ?? 0) + displayWidth(prev.text) < (cells[k]!.x ?? 0)) wideFits++;
      else wideOverlaps++;
    }
  }
  return wideOverlaps * 10 < wideFits ? displayWidth : (s: string) => s.length;
}
