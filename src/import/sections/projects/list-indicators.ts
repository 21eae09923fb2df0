/**
 * The indicator columns of a project list (Beijing 预算12表, Hunan 项目支出绩效目标表):
 * 一级/二级/三级指标, 指标值 … printed right of the project's name, amount and
 * goal, one row per indicator while the project's own cells are merged over
 * its rows. Rows are read by their wording, one line each (the columns drift
 * too much from line to line to place cells by position), and each given to
 * the project whose merged cells it sits beside; what cannot be read or placed
 * is reported against the project instead of guessed.
 */
import type { ProjectIndicator } from "../../../model/disclosure.ts";
import { squash, type SourceLine } from "../../source-document.ts";
import { splitColumns } from "../../readers/text.ts";
import { columnsHeader } from "./columns.ts";
import { cellText, type ProjectRow } from "./rows.ts";
import { indicatorColumns } from "./labels.ts";
import type { ParsedProject, Sourced } from "./table.ts";
import { parseTarget } from "../../../model/target.ts";
import type { Cell } from "../../source-document.ts";

/** A printing of a project's merged cells: its line, and the project it names. */
export interface ProjectPrint {
  line: number;
  project: number;
  /** The whole name on the printing's line (a merged cell kept at its top, not wrapped around its middle). */
  oneLine: boolean;
}

export interface ListIndicators {
  /** Per project index: its indicators, their cites (paths relative to the project) and problems. */
  byProject: Map<
    number,
    { indicators: ProjectIndicator[]; cites: Sourced[]; problems: ParsedProject["problems"] }
  >;
}

const LEVEL_HEADER = /[一二三]\s*级\s*指\s*标/;
/** Lines that are no rows of the list: a title or the 部门名称 caption over a page's copy of the table. */
const NOT_A_ROW = /绩效目标表|^部门(名称)?[:：]|^(单位|金额单位)[:：]/;

/**
 * Reads the indicator rows of each page of a list. `headers` are the indices
 * (into `lines`) of the list's header line on each page, `end` the index of
 * its last line, `prints` the lines of the projects' merged cells.
 */
export function readListIndicators(
  lines: SourceLine[],
  headers: number[],
  end: number,
  prints: ProjectPrint[],
  names: string[],
): ListIndicators {
  const reader = new ListReader(lines, prints);
  headers.forEach((h, k) => {
    reader.readPage(h, k + 1 < headers.length ? headers[k + 1]! - 1 : end);
  });
  reader.dropPartial();
  reader.reportMissing(names);
  return { byProject: reader.byProject };
}

type ProjectEntry = ListIndicators["byProject"] extends Map<number, infer E> ? E : never;

/** Reads a list's pages in order: the project the last page ended with may go on on the next. */
class ListReader {
  readonly byProject: ListIndicators["byProject"] = new Map();
  private lastOwner: number | undefined;

  constructor(
    private readonly lines: SourceLine[],
    private readonly prints: ProjectPrint[],
  ) {}

  private entry(p: number): ProjectEntry {
    let e = this.byProject.get(p);
    if (!e) this.byProject.set(p, (e = { indicators: [], cites: [], problems: [] }));
    return e;
  }

  /** Reads one page of the list: header line at index `h`, last line at index `last`. */
  readPage(h: number, last: number): void {
    const rows = segmentRows(this.lines, h, last);
    const at = rows.findIndex((r) => LEVEL_HEADER.test(r.text ?? ""));
    if (at < 0) return;
    // "绩效指标" printed over the indicator columns is their caption, no column of its own.
    for (let r = 0; r <= at; r++)
      rows[r] = {
        ...rows[r]!,
        cells: cellsOf(rows[r]!).filter((c) => squash(c.text) !== "绩效指标"),
      };
    const headerLine = rows[at]!.line;
    const lastLine = rows[rows.length - 1]!.line;
    const here = this.prints.filter((p) => p.line > headerLine && p.line <= lastLine);
    const unreadable = (why: string) => this.unreadable(here, headerLine, why);
    // Body rows start with their labels: leave them out when gathering a header stacked over lines.
    const headerRows = rows
      .slice(0, at + 6)
      .filter(
        (r, k) =>
          k <= at ||
          !cellsOf(r).some((c) => LEVEL2_WORD.test(squash(c.text)) || OP_WORD.test(squash(c.text))),
      );
    const found = columnsHeader(headerRows, at);
    if (!found) return unreadable("表头无法识别");
    // The table's body starts after the header's last line (labels stacked over several lines).
    const headerEnd = headerRows[found.end]!.line;
    const worded = wordedRows(rows.slice(at + 1), found.header);
    if (!worded) return unreadable("表头各列的次序无法逐行读取");
    if (!worded.indicators.length && !worded.unread.length)
      return unreadable("行中没有可辨认的一级、二级指标");
    this.assignPage(rows, here, worded, { headerLine, headerEnd, lastLine });
  }

  private unreadable(here: ProjectPrint[], headerLine: number, why: string): void {
    const owners = new Set(here.map((p) => p.project));
    if (!owners.size && this.lastOwner !== undefined) owners.add(this.lastOwner);
    for (const p of owners)
      this.entry(p).problems.push({
        level: "warning",
        message: `第 ${headerLine} 行起的绩效指标${why}，本页指标未导入（indicator rows could not be read）`,
        line: headerLine,
      });
  }

  /** Gives each indicator row of a page to the project whose merged cells it sits beside. */
  private assignPage(
    rows: ProjectRow[],
    here: ProjectPrint[],
    best: WordedRows,
    {
      headerLine,
      headerEnd,
      lastLine,
    }: { headerLine: number; headerEnd: number; lastLine: number },
  ): void {
    // Rows that could not be read still count as rows when they are cut among the projects.
    const unread = best.unread;
    const allLines = [...best.lines, ...unread];
    // A printing at the top of its rows has only rows between it and the one before: text of a
    // merged cell there (a wrapped goal or name, no figure) means the cell is printed around its middle.
    const rowLines = new Set(allLines);
    const stray = rows
      .filter(
        (r) =>
          r.line > headerEnd && r.text?.trim() && !ROW_HINT.test(r.text) && !/\d\.\d/.test(r.text),
      )
      .map((r) => r.line);
    const top = new Set(
      here.filter(
        (p, k) =>
          p.oneLine &&
          rowLines.has(p.line) &&
          !stray.some((l) => l > (k > 0 ? here[k - 1]!.line : headerEnd) && l < p.line),
      ),
    );
    const allOwners = ownersOf(allLines, here, top, this.lastOwner, [headerEnd, lastLine]);
    const owner = allOwners.slice(0, best.lines.length);
    unread.forEach((line, i) => {
      const p = allOwners[best.lines.length + i];
      if (p !== undefined)
        this.entry(p).problems.push({
          level: "warning",
          message: `第 ${line} 行的绩效指标跨行或缺列，无法按列读取（indicator row wrapped or incomplete）`,
          line,
        });
    });
    if (allOwners.some((p) => p === undefined)) {
      for (const p of uncertain(allLines, here, top, allOwners)) {
        const line = here.find((x) => x.project === p)?.line ?? headerLine;
        this.entry(p).problems.push({
          level: "warning",
          message: `第 ${line} 行的项目在合并单元格中跨多行，无法确定哪些指标行属于本项目，本页指标未导入（indicator rows cannot be assigned to the project）`,
          line,
        });
      }
    }
    best.indicators.forEach((indicator, i) => {
      const p = owner[i];
      if (p === undefined) return;
      const e = this.entry(p);
      const n = e.indicators.length;
      e.indicators.push(indicator);
      for (const c of best.cites[i]!) e.cites.push({ ...c, path: `/indicators/${n}${c.path}` });
    });
    if (here.length) this.lastOwner = here[here.length - 1]!.project;
    else if (owner.length) this.lastOwner = owner[owner.length - 1];
  }

  /** A project with a page or row that could not be read keeps none: a partial list would pass for the whole. */
  dropPartial(): void {
    for (const e of this.byProject.values()) {
      if (
        e.indicators.length &&
        e.problems.some((p) =>
          /could not be read|wrapped or incomplete|cannot be assigned/.test(p.message),
        )
      ) {
        e.problems.push({
          level: "warning",
          message: `其他页已读出的 ${e.indicators.length} 条指标也未导入，以免只导入部分指标（partial indicators dropped）`,
          line: e.cites[0]?.line ?? 0,
        });
        e.indicators = [];
        e.cites = [];
      }
    }
  }

  /** A project whose indicators were all skipped keeps none; say so where rows were read for others. */
  reportMissing(names: string[]): void {
    if (!this.byProject.size) return;
    names.forEach((name, p) => {
      if (!this.byProject.has(p) && this.prints.some((x) => x.project === p)) {
        const line = this.prints.find((x) => x.project === p)!.line;
        this.entry(p).problems.push({
          level: "warning",
          message: `项目“${name}”旁未找到绩效指标行，指标未导入（no indicator rows beside the project）`,
          line,
        });
      }
    });
  }
}

/** A row's cells, split from its text the first time they are needed. */
function cellsOf(row: ProjectRow): Cell[] {
  if (!row.cells.length && row.text?.trim()) row.cells = splitColumns(row.text, row.line);
  return row.cells;
}

const ROW_HINT = /指标|[≥≤＝=＞＜><]|定性|定量/;

/** The page's lines from its header to its last row, each line a row of cells at their x. */
function segmentRows(lines: SourceLine[], header: number, last: number): ProjectRow[] {
  // Header labels stacked above the name label ("绩效指标" over its columns) belong to the header.
  let from = header;
  while (from > 0 && header - from < 3 && !NOT_A_ROW.test(squash(lines[from - 1]!.text))) from--;
  const rows: ProjectRow[] = [];
  for (let i = from; i <= last && i < lines.length; i++) {
    const line = lines[i]!;
    const t = squash(line.text);
    if (!t) continue;
    // The next page's title ends this page.
    if (i > header && NOT_A_ROW.test(t)) break;
    // Cells are split on demand (cellsOf): most lines of a long list are never looked at.
    rows.push({ cells: [], line: line.no, block: -1, text: line.text });
  }
  return rows;
}

/**
 * The project of each indicator line. A reader that keeps a merged cell at its
 * top prints the project, its name on one line, on its first indicator's line:
 * its rows run to the next such printing. pdftotext prints a merged cell in
 * the middle of its rows: when every printing is such, the rows are cut into
 * consecutive runs, each centred on its printing. Rows near a mix of the two
 * are left without a project (undefined) rather than guessed.
 */
function ownersOf(
  indicatorLines: number[],
  prints: ProjectPrint[],
  tops: Set<ProjectPrint>,
  before: number | undefined,
  span: [number, number],
): (number | undefined)[] {
  if (!prints.length) return indicatorLines.map(() => before);
  const top = (p: ProjectPrint) => tops.has(p);
  if (!prints.some(top) && !prints.some((p) => p.oneLine && indicatorLines.includes(p.line))) {
    const order = indicatorLines.map((l, i) => [l, i] as const).sort((a, b) => a[0] - b[0]);
    const runs = centredRuns(
      prints.map((p) => p.line),
      order.map(([l]) => l),
      span,
    );
    const out = new Array<number | undefined>(indicatorLines.length);
    order.forEach(([, i], k) => (out[i] = runs[k]! < 0 ? undefined : prints[runs[k]!]!.project));
    return out;
  }
  return indicatorLines.map((l) => {
    if (l < prints[0]!.line) return undefined;
    let k = 0;
    while (k + 1 < prints.length && prints[k + 1]!.line <= l) k++;
    const here = prints[k]!;
    const next = prints[k + 1];
    return top(here) && (!next || top(next)) ? here.project : undefined;
  });
}

/**
 * Cuts the rows (sorted anchor lines) into consecutive runs, one per printing,
 * so that each printing sits in the middle of its run: a run spans from the
 * midpoint with the row before it to the midpoint with the row after it (the
 * table's first and last lines at its ends). A small dynamic programme; with
 * more printings than rows, or a run whose middle lies far from its printing,
 * the rows are left without a project (-1).
 */
export function centredRuns(
  centres: number[],
  anchors: number[],
  span: [number, number],
): number[] {
  const G = centres.length;
  const A = anchors.length;
  if (!A) return [];
  if (G > A) return anchors.map(() => -1);
  const tops = anchors.map((a, i) => (i === 0 ? span[0] : (anchors[i - 1]! + a) / 2));
  const bottoms = anchors.map((a, j) => (j === A - 1 ? span[1] : (a + anchors[j + 1]!) / 2));
  const cost = (g: number, i: number, j: number) =>
    Math.abs(centres[g]! - (tops[i]! + bottoms[j - 1]!) / 2);
  // A run holds its own printing and no neighbour's: it lies between the printings on either side.
  const firstAfter = (line: number) => {
    let k = 0;
    while (k < A && anchors[k]! <= line) k++;
    return k;
  };
  const dp = Array.from({ length: G + 1 }, () => new Array<number>(A + 1).fill(Infinity));
  const cut = Array.from({ length: G + 1 }, () => new Array<number>(A + 1).fill(0));
  dp[0]![0] = 0;
  for (let g = 1; g <= G; g++) {
    const lo = g > 1 ? Math.max(0, firstAfter(centres[g - 2]!) - 1) : 0;
    const hi = g < G ? Math.min(A, firstAfter(centres[g]!) + 1) : A;
    for (let j = g; j <= hi; j++) {
      for (let i = Math.max(g - 1, lo); i < j; i++) {
        const v = dp[g - 1]![i]! + cost(g - 1, i, j);
        if (v < dp[g]![j]!) [dp[g]![j], cut[g]![j]] = [v, i];
      }
    }
  }
  if (dp[G]![A] === Infinity) return anchors.map(() => -1);
  const starts = new Array<number>(G + 1).fill(A);
  for (let g = G, j = A; g > 0; g--) {
    starts[g - 1] = cut[g]![j]!;
    j = starts[g - 1]!;
  }
  // A cut that could move one row either way at little cost is a guess: both runs beside it are left out.
  const unsure = new Array<boolean>(G).fill(false);
  for (let g = 0; g < G; g++) if (cost(g, starts[g]!, starts[g + 1]!) > 2.5) unsure[g] = true;
  for (let g = 1; g < G; g++) {
    const [a, b, c] = [starts[g - 1]!, starts[g]!, starts[g + 1]!];
    const here = cost(g - 1, a, b) + cost(g, b, c);
    const moved = [b - 1, b + 1]
      .filter((m) => m > a && m < c)
      .map((m) => cost(g - 1, a, m) + cost(g, m, c));
    if (moved.some((v) => v - here < 2)) unsure[g - 1] = unsure[g] = true;
  }
  const owner = new Array<number>(A).fill(-1);
  for (let g = 0; g < G; g++)
    for (let n = starts[g]!; n < starts[g + 1]!; n++) owner[n] = unsure[g] ? -1 : g;
  return owner;
}

/** Projects whose rows cannot be told from their neighbours' (see ownersOf). */
function uncertain(
  indicatorLines: number[],
  prints: ProjectPrint[],
  tops: Set<ProjectPrint>,
  owner: (number | undefined)[],
): Set<number> {
  const top = (p: ProjectPrint) => tops.has(p);
  const out = new Set<number>();
  if (!prints.some(top) && !prints.some((p) => p.oneLine && indicatorLines.includes(p.line))) {
    // Centred: the printings beside rows left without a project.
    owner.forEach((p, i) => {
      if (p !== undefined) return;
      const l = indicatorLines[i]!;
      const near = prints.reduce((a, b) => (Math.abs(b.line - l) < Math.abs(a.line - l) ? b : a));
      out.add(near.project);
    });
    return out;
  }
  prints.forEach((p, k) => {
    const next = prints[k + 1];
    if (!top(p) || (next && !top(next))) out.add(p.project);
  });
  return out;
}

const LEVEL1_WORD = /^(产出|效益|效果|满意度|成本)指标$/;
const LEVEL2_WORD = /^[\u4e00-\u9fff]{2,10}指标$/;
const OP_WORD = /^(≥|≤|＝|=|＞|＜|>|<|定性|定量)$/;
const COMPARISON = /^(≥|≤|＝|=|＞|＜|>|<)$/;

/** The standard 二级指标, recognised without a 一级指标 beside them (a merged 一级指标 printed on an earlier row). */
const STANDARD_LEVEL2 =
  /^(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|(服务对象)?满意度|经济成本|社会成本|生态环境成本)指标$/;

type Column = "name" | "op" | "target" | "measure" | "description" | "basis" | "other";

/** What worded reading yields: indicators with their lines and cites, and lines that could not be read. */
interface WordedRows {
  indicators: ProjectIndicator[];
  lines: number[];
  /** Cites per indicator, paths relative to the indicator. */
  cites: Sourced[][];
  unread: number[];
}

/**
 * Indicator rows read by their wording: a line with a 一级指标 label and a
 * 二级指标 label side by side (or, under merged labels printed on an earlier
 * row, a line starting in or right of the 一级指标 column), then the 三级指标
 * and the other cells in the header's order, placed around the 指标性质
 * (≥, ＝, 定性) that every row states. Works wherever each row is printed on
 * one line, however its columns drift; a row whose cells do not fit is
 * returned as unread.
 */
function wordedRows(rows: ProjectRow[], allHeader: Cell[]): WordedRows | undefined {
  const layout = wordedColumns(allHeader);
  if (!layout) return undefined;
  const out: WordedRows = { indicators: [], lines: [], cites: [], unread: [] };
  const byLine = new Map(rows.map((r) => [r.line, r]));
  let level1: Cell | undefined;
  let level2: Cell | undefined;
  for (const row of rows) {
    // Only a line with a label or a 指标性质 can be a row: the others are not split at all.
    if (!ROW_HINT.test(row.text ?? "")) continue;
    const cells = cellsOf(row).flatMap(splitRunTogether);
    const i = cells.findIndex((c, k) => LEVEL1_WORD.test(squash(c.text)) && k + 1 < cells.length);
    let tail: Cell[];
    if (i >= 0) {
      level1 = cells[i]!;
      level2 = LEVEL2_WORD.test(squash(cells[i + 1]!.text)) ? cells[i + 1] : undefined;
      if (!level2) {
        out.unread.push(row.line);
        continue;
      }
      tail = cells.slice(i + 2);
    } else {
      // Under merged labels: only a line that starts in the label columns and states a 指标性质.
      if (
        !level1 ||
        !cells.length ||
        cells[0]!.x! < level1.x! - 1 ||
        !cells.some((c) => OP_WORD.test(squash(c.text)))
      )
        continue;
      tail = cells;
      if (STANDARD_LEVEL2.test(squash(tail[0]!.text))) level2 = tail.shift();
    }
    const k = joinWrappedName(tail, layout, byLine, row, (i >= 0 ? level2 : cells[0])!);
    const read = level2 && indicatorOf(cellsByColumn(tail, k, layout), level1, level2, row);
    if (!read) {
      out.unread.push(row.line);
      continue;
    }
    out.indicators.push(read.indicator);
    out.lines.push(row.line);
    out.cites.push(read.cites);
  }
  return out;
}

/** The columns right of the 二级指标 in the header's order, and where 指标性质 is among them. */
interface WordedColumns {
  cols: Column[];
  q: number;
}

function wordedColumns(allHeader: Cell[]): WordedColumns | undefined {
  // "绩效指标" printed over the indicator columns is their caption, no column of its own.
  const header = allHeader.filter((h) => squash(h.text) !== "绩效指标");
  const roles = indicatorColumns(header);
  if (!roles || roles.op === undefined || roles.target === undefined) return undefined;
  const roleAt = new Map(Object.entries(roles).map(([r, k]) => [k, r as Column]));
  const cols: Column[] = header.map((_, k) => roleAt.get(k) ?? "other").slice(roles.level2! + 1);
  const q = cols.indexOf("op");
  if (
    cols[0] !== "name" ||
    q < 1 ||
    !cols.includes("target") ||
    cols.includes("level1" as Column) ||
    cols.includes("level2" as Column)
  )
    return undefined;
  return { cols, q };
}

/** "录入等形式对结 产出指标", "人民监督员履职人数 ＝": cells set off by one space, split. */
function splitRunTogether(c: Cell): Cell[] {
  // "可持续影响指标 案卷存放安全性": the 二级指标 run into the name.
  const l2 = /^(\S+指标) (\S.*)$/.exec(c.text);
  if (l2 && LEVEL2_WORD.test(l2[1]!) && !LEVEL1_WORD.test(l2[1]!))
    return [
      { ...c, text: l2[1]!, end: c.x! + l2[1]!.length },
      { ...c, text: l2[2]!, x: c.x! + l2[1]!.length + 1 },
    ];
  const m = /^(.*\S) (\S+)$/.exec(c.text);
  if (!m || !(LEVEL1_WORD.test(m[2]!) || OP_WORD.test(m[2]!))) return [c];
  const x = c.end! - m[2]!.length;
  return [
    { ...c, text: m[1]!, end: c.x! + m[1]!.length },
    { ...c, text: m[2]!, x },
  ];
}

/**
 * A name wrapped around its row: the lines above and below hold its pieces, the row none.
 * Puts the pieces in front of `tail`; returns where the 指标性质 is in it.
 */
function joinWrappedName(
  tail: Cell[],
  { cols, q }: WordedColumns,
  byLine: Map<number, ProjectRow>,
  row: ProjectRow,
  leftOf: Cell,
): number {
  const k = tail.findIndex((c) => OP_WORD.test(squash(c.text)));
  if (!(k === q - 1 && k >= 0 && cols[q - 1] !== "measure")) return k;
  const from = leftOf.end!;
  const to = (tail[0] ?? tail[k])!.x!;
  const piece = (line: number) => {
    const near = byLine.get(line);
    return near && cellsOf(near).find((c) => c.x! >= from && c.end! <= to + 2);
  };
  const above = piece(row.line - 1);
  const below = piece(row.line + 1);
  if (above || below)
    tail.unshift({
      text: [above?.text, below?.text].filter(Boolean).join("\n"),
      line: (above ?? below)!.line,
      x: from,
      end: to,
    });
  return tail.findIndex((c) => OP_WORD.test(squash(c.text)));
}

/** The row's cells by column, placed around the 指标性质 at `k`; empty when they do not fit. */
function cellsByColumn(tail: Cell[], k: number, { cols, q }: WordedColumns): Map<Column, Cell> {
  const parts = new Map<Column, Cell>();
  // Before the 指标性质 every column, or all but a blank 计量单位 just before it (定性).
  const before =
    k === q
      ? cols.slice(0, q)
      : k === q - 1 && cols[q - 1] === "measure"
        ? cols.slice(0, q - 1)
        : undefined;
  const afterCols = cols.slice(q + 1);
  if (before && tail.length - k - 1 <= afterCols.length) {
    before.forEach((c, n) => parts.set(c, tail[n]!));
    parts.set("op", tail[k]!);
    afterCols.forEach((c, n) => {
      const cell = tail[k + 1 + n];
      if (cell) parts.set(c, cell);
    });
  }
  return parts;
}

/** The indicator a row's cells give, with its cites; undefined when a cell is not in its role. */
function indicatorOf(
  parts: Map<Column, Cell>,
  level1: Cell | undefined,
  level2: Cell,
  row: ProjectRow,
): { indicator: ProjectIndicator; cites: Sourced[] } | undefined {
  const name = parts.get("name");
  const valueCell = parts.get("target");
  const op = squash(parts.get("op")?.text ?? "");
  const value = cellText(valueCell);
  const measure = cellText(parts.get("measure"));
  // Every cell in its role: a comparison is followed by a number, a qualitative target by words.
  if (!name || !value || (COMPARISON.test(op) && !/^[-+]?\d/.test(squash(value)))) return undefined;
  const raw = `${COMPARISON.test(op) ? op : ""}${value}${measure && !value.endsWith(measure) ? measure : ""}`;
  const indicator: ProjectIndicator = {
    level1: squash(level1!.text),
    level2: squash(level2.text),
    name: cellText(name),
    target: parseTarget(raw),
  };
  const description = cellText(parts.get("description"));
  if (description) indicator.description = description;
  const basis = cellText(parts.get("basis"));
  if (basis) indicator.basis = basis;
  return {
    indicator,
    cites: [
      { path: "/name", line: name.line, text: cellText(name) },
      { path: "/target", line: row.line, text: raw },
    ],
  };
}
