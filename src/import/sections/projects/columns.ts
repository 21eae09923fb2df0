/**
 * The indicator grid of a 项目绩效目标表 in PDF text ("columns" layout): cells
 * are placed in the header's columns by their x position, and the lines of one
 * logical row gathered. A row is anchored by its 指标值; wrapped text in the
 * name/description columns joins the nearest anchor; a merged 一级/二级指标
 * cell prints its label once (often one character per line), so label pieces
 * are joined until they read "…指标" and then given to the rows around them.
 */
import { squash, type Cell } from "../../source-document.ts";
import { displayWidth } from "../../toolkit/display-width.ts";
import { cellText, splitDisplayColumns, type ProjectRow } from "./rows.ts";
import { indicatorColumns, type IndicatorRole } from "./labels.ts";

export interface ColumnsGrid {
  /** Index of the last header line in the rows. */
  headerEnd: number;
  header: Cell[];
  /** Logical rows, one cell per header column. */
  rows: ProjectRow[];
  /** The 一级指标 labels printed in the grid's merged cells. */
  levelLabels?: string[];
}

/**
 * Header labels set off by a single space ("一级指标 二级指标") are separate
 * columns; their x follows the metric the cell was measured in.
 */
function splitWords(cell: Cell, line: string | undefined): Cell[] {
  if (!/[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(cell.text)) return [cell];
  const wide =
    line !== undefined &&
    displayWidth(line.slice(0, line.indexOf(cell.text))) === cell.x &&
    displayWidth(cell.text) === cell.end! - cell.x!;
  const measure = (t: string) => (wide ? displayWidth(t) : t.length);
  const out: Cell[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cell.text))) {
    const x = cell.x! + measure(cell.text.slice(0, m.index));
    out.push({ ...cell, text: m[0], x, end: x + measure(m[0]) });
  }
  return out;
}

const headerLike = (row: ProjectRow) =>
  row.cells.every(
    (c) =>
      !/\d{2,}/.test(c.text.replace(/[（(]\d+[)）]/, "")) &&
      c.text.split(/ (?=[\u4e00-\u9fff])/).every((w) => w.length <= 12),
  );

/** Header columns from the lines around `r`: cells stacked at the same x are one label ("一级" over "指标"). */
export function columnsHeader(
  rows: ProjectRow[],
  r: number,
): { header: Cell[]; end: number } | undefined {
  if (!rows[r]!.cells.every((c) => c.x !== undefined)) return undefined;
  const from = Math.max(0, r - 2);
  const block: ProjectRow[] = [];
  let end = r;
  for (let k = from; k <= Math.min(rows.length - 1, r + 2); k++) {
    if (
      k !== r &&
      (!headerLike(rows[k]!) ||
        rows[k]!.line < rows[r]!.line - 3 ||
        rows[k]!.line > rows[r]!.line + 3)
    )
      continue;
    block.push(rows[k]!);
    if (k > end) end = k;
  }
  const columns: Cell[] = [];
  for (const row of block) {
    for (const c of row.cells.flatMap((cell) => splitWords(cell, row.text))) {
      const col = columns.find((h) => c.x! < h.end! + 1 && c.end! > h.x! - 1);
      if (col) {
        col.text += c.text;
        col.x = Math.min(col.x!, c.x!);
        col.end = Math.max(col.end!, c.end!);
      } else columns.push({ ...c });
    }
  }
  columns.sort((a, b) => a.x! - b.x!);
  if (!indicatorColumns(columns)) return undefined;
  // Lines after the header row that only carried header pieces are part of it.
  while (end > r && !block.includes(rows[end]!)) end--;
  return { header: columns, end };
}

/** The column a cell falls in: the one its text overlaps most, none if it lies left of the table. */
function columnOf(header: Cell[], cell: Cell): number {
  if (cell.end! <= header[0]!.x! - 1) return -1;
  let best = -1;
  let most = 0;
  header.forEach((h, k) => {
    const left = h.x! - 2;
    const right = k + 1 < header.length ? header[k + 1]!.x! - 2 : Infinity;
    const overlap = Math.min(cell.end!, right) - Math.max(cell.x!, left);
    if (overlap > most) [best, most] = [k, overlap];
  });
  return best;
}

/**
 * pdftotext places text by glyph position, so a column starts at the same
 * character index on some pages and at the same display width (CJK = 2) on
 * others: the grid is built both ways, for the caller to keep the one that
 * reads as indicators.
 */
export function columnsGrids(rows: ProjectRow[], headerAt: number): ColumnsGrid[] {
  const display = rows.map((r) =>
    r.text === undefined ? r : { ...r, cells: splitDisplayColumns(r.text, r.line) },
  );
  return [rows, display]
    .map((rs) => gridWith(rs, headerAt))
    .filter((g): g is ColumnsGrid => g !== undefined);
}

type IndicatorRoles = Partial<Record<IndicatorRole, number>>;

/** The cells of one row of a grid, by column (undefined for an empty column). */
type PlacedCells = (Cell[] | undefined)[];

function gridWith(rows: ProjectRow[], headerAt: number): ColumnsGrid | undefined {
  const found = columnsHeader(rows, headerAt);
  if (!found) return undefined;
  const { header, end } = found;
  const roles = indicatorColumns(header)!;
  const width = header.length;
  const body = rows.slice(end + 1);
  const target = roles.target ?? roles.name!;
  const levelCols = new Set(
    [roles.level1, roles.level2].filter((k): k is number => k !== undefined),
  );
  const placed = body.map((row) => placeRowCells(row, header, roles, levelCols));
  // Every indicator states its 指标性质 when the table has that column; a wrapped 指标值 does not.
  const anchorCol = roles.op ?? target;
  const anchors = placed
    .map((cells, i) => (cells[anchorCol]?.length ? i : -1))
    .filter((i) => i >= 0);
  if (!anchors.length) return { headerEnd: end, header, rows: [] };
  const out: Cell[][] = anchors.map((i) =>
    Array.from({ length: width }, () => ({ text: "", line: body[i]!.line })),
  );
  gatherWrapped(placed, anchors, levelCols, out);

  // Merged level cells: pieces joined until the label ends in 标, then spread over the anchors nearest it.
  const levelLabels: string[] = [];
  for (const k of levelCols) {
    const groups = labelGroups(placed, k);
    if (k === roles.level1) levelLabels.push(...groups.map((g) => g.text));
    // Positions in source lines, not row indices: blank lines are dropped from the rows.
    const lineOf = (i: number) => body[i]!.line;
    const owner = spreadLabels(
      groups.map((g) => (lineOf(g.first) + lineOf(g.last)) / 2),
      anchors.map(lineOf),
    );
    anchors.forEach((_, n) => {
      const g = groups[owner[n]!];
      if (g) out[n]![k] = { text: g.text, line: g.line };
    });
  }
  return {
    headerEnd: end,
    header,
    levelLabels,
    rows: out.map((cells, n) => ({
      cells: cells.map((c) => ({ ...c, text: cellText(c) })),
      line: body[anchors[n]!]!.line,
      block: -1,
    })),
  };
}

/** A row's cells placed in the header's columns, with text that drifted moved back. */
function placeRowCells(
  row: ProjectRow,
  header: Cell[],
  roles: IndicatorRoles,
  levelCols: Set<number>,
): PlacedCells {
  const width = header.length;
  const target = roles.target ?? roles.name!;
  const cells: PlacedCells = Array.from({ length: width }, () => undefined);
  for (const c of row.cells) {
    let k = columnOf(header, c);
    if (k < 0) continue;
    // A lone operator or 定性 belongs to 指标性质, however far it drifted.
    if (roles.op !== undefined && /^(≥|≤|=|＝|>|<|＞|＜|定性|定量)$/.test(c.text.trim()))
      k = roles.op;
    // A comparison ("≥330 台") drifted left of its column is still the 指标值.
    else if (
      k !== target &&
      roles.target !== undefined &&
      k < target &&
      /^[≥≤＞＜<>=＝]/.test(c.text) &&
      !cells[target]
    )
      k = target;
    (cells[k] ??= []).push(c);
  }
  // Text drifts right on lines with much Chinese before it: two cells in one
  // column with the column to its left empty means the first belongs there.
  for (let k = width - 1; k > 0; k--) {
    const list = cells[k];
    if (list && list.length > 1 && !cells[k - 1] && !levelCols.has(k - 1))
      cells[k - 1] = [list.shift()!];
  }
  // And a label column holds one label a line: a second cell there drifted left from the next column.
  for (const k of levelCols) {
    const list = cells[k];
    if (list && list.length > 1 && k + 1 < width && !cells[k + 1] && !levelCols.has(k + 1))
      cells[k + 1] = [list.pop()!];
    // Label pieces are short or say 指标; a longer phrase there is the 三级指标 drifted left.
    const last = cells[k]?.[cells[k]!.length - 1];
    const drifted = (c: Cell) =>
      !/[指标]/.test(c.text) &&
      (squash(c.text).length >= 6 || c.x! - header[k]!.x! > header[k + 1]!.x! - c.x!);
    if (last && k + 1 < width && !cells[k + 1] && !levelCols.has(k + 1) && drifted(last))
      cells[k + 1] = [cells[k]!.pop()!];
    if (cells[k] && !cells[k]!.length) cells[k] = undefined;
  }
  return cells;
}

/** Wrapped text: each piece to the nearest anchor (a tie goes to the anchor below). */
function gatherWrapped(
  placed: PlacedCells[],
  anchors: number[],
  levelCols: Set<number>,
  out: Cell[][],
): void {
  const nearest = (i: number): number => {
    let best = 0;
    anchors.forEach((a, n) => {
      const d = Math.abs(a - i);
      const bd = Math.abs(anchors[best]! - i);
      if (d < bd || (d === bd && a > i && anchors[best]! < i)) best = n;
    });
    return best;
  };
  placed.forEach((cells, i) => {
    cells.forEach((list, k) => {
      if (!list || levelCols.has(k)) return;
      const n = anchors.includes(i) ? anchors.indexOf(i) : nearest(i);
      const cell = out[n]![k]!;
      const text = list.map((c) => c.text).join("");
      cell.text = cell.text ? `${cell.text}\n${text}` : text;
      if (!cell.line || cell.text === text) cell.line = list[0]!.line;
    });
  });
}

/** A merged level cell's label: its pieces joined, and the rows they were printed on. */
interface LabelGroup {
  first: number;
  last: number;
  text: string;
  line: number;
}

/** The labels printed in level column `k`: pieces joined until the label ends in 标. */
function labelGroups(placed: PlacedCells[], k: number): LabelGroup[] {
  const groups: LabelGroup[] = [];
  let open: LabelGroup | undefined;
  placed.forEach((cells, i) => {
    const list = cells[k];
    if (!list) return;
    const text = list.map((c) => c.text).join("");
    if (open && i - open.last > 3) {
      groups.push(open);
      open = undefined;
    }
    open = open
      ? { ...open, last: i, text: open.text + text }
      : { first: i, last: i, text, line: list[0]!.line };
    if (/标$/.test(open.text)) {
      groups.push(open);
      open = undefined;
    }
  });
  if (open) groups.push(open);
  return groups;
}

/**
 * Gives each anchor row the merged label it sits under. A merged cell prints
 * its label in the middle of its rows, so the labels split the rows into
 * consecutive runs whose middles lie closest to the labels (a small dynamic
 * programme); with more labels than rows, each row takes the nearest label.
 */
export function spreadLabels(centres: number[], anchors: number[]): number[] {
  const G = centres.length;
  const A = anchors.length;
  if (!G) return anchors.map(() => -1);
  if (G > A) {
    return anchors.map((a) =>
      centres.reduce(
        (best, c, g) => (Math.abs(c - a) < Math.abs(centres[best]! - a) ? g : best),
        0,
      ),
    );
  }
  const cost = (g: number, i: number, j: number) =>
    Math.abs(centres[g]! - (anchors[i]! + anchors[j - 1]!) / 2);
  // dp[g][j]: least cost of giving the first j anchors to the first g labels, each label at least one.
  const dp = Array.from({ length: G + 1 }, () => new Array<number>(A + 1).fill(Infinity));
  const cut = Array.from({ length: G + 1 }, () => new Array<number>(A + 1).fill(0));
  dp[0]![0] = 0;
  for (let g = 1; g <= G; g++) {
    for (let j = g; j <= A; j++) {
      for (let i = g - 1; i < j; i++) {
        const v = dp[g - 1]![i]! + cost(g - 1, i, j);
        if (v < dp[g]![j]!) [dp[g]![j], cut[g]![j]] = [v, i];
      }
    }
  }
  const owner = new Array<number>(A).fill(0);
  for (let g = G, j = A; g > 0; g--) {
    const i = cut[g]![j]!;
    for (let n = i; n < j; n++) owner[n] = g - 1;
    j = i;
  }
  return owner;
}
