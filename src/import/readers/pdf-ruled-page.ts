/**
 * A PDF page whose tables are drawn with borders. Its lines are laid out as
 * pdftotext -layout prints them (pdf-layout.ts), except that a drawn cell's
 * wrapped lines are one text again and each table row is one line, its
 * merged cells on the row where they start. Beside the lines, each drawn
 * table is given as rows of cells as a word processor holds them: empty
 * cells kept, a merged cell once with its span, the lower part of a vertical
 * merge as an empty "continued" cell (as readers/docx.ts reads a .docx).
 */
import {
  fragmentsOf,
  groupLines,
  layoutLines,
  placeRuns,
  unrotate,
  type LaidLine,
  type PlacedItem,
  type Rotation,
  type Run,
} from "./pdf-layout.ts";
import { Grid, tablesOf, type Segment, type TableGrid } from "./pdf-rules.ts";

export interface RuledCell {
  /** The cell's text, wrapped lines joined, numbered items on lines of their own; "" for an empty or continued cell. */
  text: string;
  span: number;
  /** The lower part of a vertically merged cell (its text is on the merge's first row). */
  continued: boolean;
  /** Its left and right borders (x). */
  left: number;
  right: number;
  /** The printed line of the page its text starts on (a cell centred in a tall row starts lower). */
  printedLine?: number;
}

export interface RuledTable {
  /** Column borders, to tell a table continued from the page before. */
  columns: number[];
  rows: RuledCell[][];
}

export interface BorderedPage {
  /** The page's lines; a drawn table's row is one line (its `row`: "table:row" on this page). */
  lines: LaidLine[];
  tables: RuledTable[];
  /** Lines outside any drawn table that still print three or more cells: a table without borders. */
  unruledRows: number;
  /**
   * For each of `lines`, the printed line of the page it starts on, counted from the top as a
   * reader counts them (every baseline with text is a line, each line of a wrapped cell too).
   */
  printedLine: number[];
  /** How the page's text reads (0: upright), for mapping the lines' positions back to the page. */
  rotation: Rotation;
}

/** A numbered item starts a new paragraph in a cell: "1、", "2.", "（2）", "三、". */
const NUMBERED = /^(?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、)/;
const WORD_END = /[A-Za-z0-9%.,;:)]$/;
const WORD_START = /^[A-Za-z0-9(]/;

export function layoutBorderedPage(
  items: readonly PlacedItem[],
  segments: readonly Segment[],
): BorderedPage {
  const placed = placeRuns(items);
  if (!placed) return { lines: [], tables: [], unruledRows: 0, printedLine: [], rotation: 0 };
  const { runs, rotation, bodySize } = placed;
  const baselines = printedBaselines(runs);
  const grid = new Grid(
    segments.map((s) => {
      const [x0, y0] = unrotate(rotation, s.x0, s.y0);
      const [x1, y1] = unrotate(rotation, s.x1, s.y1);
      return { x0, y0, x1, y1 };
    }),
  );
  const grids = grid.empty ? [] : tablesOf(grid);
  // Where each cell starts: its table and first row.
  const home = new Map<string, { table: number; row: number }>();
  grids.forEach((t, ti) =>
    t.slots.forEach((slots, j) =>
      slots.forEach((c) => c && !home.has(c.key) && home.set(c.key, { table: ti, row: j })),
    ),
  );

  const cellRuns = new Map<string, Run[]>();
  const rest: Run[] = [];
  for (const run of runs) {
    // The probe is inside the run's first glyph, above the baseline.
    const cell = home.size
      ? grid.cellAt(
          run.x + Math.min(0.5 * run.size, (run.end - run.x) / 2),
          run.y - 0.35 * run.size,
        )
      : undefined;
    if (!cell || !home.has(cell.key)) {
      rest.push(run);
      continue;
    }
    const list = cellRuns.get(cell.key) ?? [];
    list.push(run);
    cellRuns.set(cell.key, list);
  }

  // One run per cell, on its row's first baseline, so that a row prints as one line whatever wraps.
  const texts = new Map<string, string>();
  const tops = new Map<string, number>();
  const joined: Run[] = [];
  const rowY = new Map<string, number>();
  for (const [key, list] of cellRuns) {
    const run = joinedRun(list);
    if (!run) continue;
    const { table, row } = home.get(key)!;
    run.cell = key;
    run.row = `${table}:${row}`;
    texts.set(key, run.paragraphs);
    tops.set(key, run.y);
    rowY.set(run.row, Math.min(rowY.get(run.row) ?? Infinity, run.y));
    joined.push(run);
  }
  for (const run of joined) run.y = rowY.get(run.row!)!;

  const lines = layoutLines([...rest, ...joined], bodySize);
  let unruledRows = 0;
  for (const line of lines) if (!line.row && line.cells >= 3) unruledRows++;

  // Where each cell's text starts, as a printed line of the page.
  const printed = new Map([...tops].map(([key, y]) => [key, printedLineAt(baselines, y)]));
  const tables = grids.map((t) => ruledTable(t, texts, printed));
  return {
    lines,
    tables,
    unruledRows,
    printedLine: lines.map((l) => printedLineAt(baselines, l.y)),
    rotation,
  };
}

/** A grid's rows as a .docx holds them: a merged cell once with its span, a vertical merge's lower parts `continued`. */
function ruledTable(
  t: TableGrid,
  texts: ReadonlyMap<string, string>,
  printed: ReadonlyMap<string, number>,
): RuledTable {
  return {
    columns: t.xs,
    rows: t.slots.map((slots, j) => {
      const row: RuledCell[] = [];
      for (let i = 0; i < slots.length; i++) {
        const cell = slots[i];
        if (!cell) {
          row.push({ text: "", span: 1, continued: false, left: t.xs[i]!, right: t.xs[i + 1]! });
          continue;
        }
        if (i > 0 && slots[i - 1]?.key === cell.key) continue;
        let span = 1;
        while (slots[i + span]?.key === cell.key) span++;
        const continued = j > 0 && t.slots[j - 1]![i]?.key === cell.key;
        const line = continued ? undefined : printed.get(cell.key);
        row.push({
          text: continued ? "" : (texts.get(cell.key) ?? ""),
          span,
          continued,
          left: t.xs[i]!,
          right: t.xs[i + span]!,
          ...(line === undefined ? {} : { printedLine: line }),
        });
      }
      return row;
    }),
  };
}

/**
 * The page's printed lines from the top, as the baseline each starts at, taken before drawn rows
 * are joined into one line each. Baselines within half a glyph are one line to the eye (a cell
 * centred beside a row's text sits a few points off it), as pdftotext also reads them.
 */
function printedBaselines(runs: readonly Run[]): number[] {
  const texts = runs.filter((r) => r.text.trim()).sort((p, q) => p.y - q.y);
  const starts: number[] = [];
  let start = -Infinity;
  for (const r of texts) if (r.y - start > 0.5 * r.size) starts.push((start = r.y));
  return starts;
}

/** How many of the page's printed lines (ascending baselines) start at or above y: the line y is on. */
function printedLineAt(baselines: readonly number[], y: number): number {
  let lo = 0;
  let hi = baselines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (baselines[mid]! <= y + 0.01) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(1, lo);
}

/**
 * A cell's runs as one run: its lines joined (Chinese without a space, words
 * with one), at the text's own extent; and the same text as paragraphs, a
 * line that starts a numbered item ("2.", "（二）") starting a new one.
 */
function joinedRun(runs: Run[]): (Run & { paragraphs: string }) | undefined {
  let text = "";
  let paragraphs = "";
  let size = 0;
  let y = Infinity;
  let x = Infinity;
  let end = -Infinity;
  for (const line of groupLines(runs)) {
    line.sort((p, q) => p.x - q.x);
    const part = fragmentsOf(line)
      .map((f) => f.text)
      .join(" ");
    if (!part) continue;
    // Chinese wraps without a space; Latin words (not a number cut in two) keep theirs.
    const glue =
      text && WORD_END.test(text) && WORD_START.test(part) && !/\d$/.test(text) ? " " : "";
    paragraphs += (text && NUMBERED.test(part) ? "\n" : glue) + part;
    text += glue + part;
    for (const r of line) {
      if (!r.text) continue;
      size = Math.max(size, r.size);
      x = Math.min(x, r.x);
      end = Math.max(end, r.end);
    }
    y = Math.min(y, line[0]!.y);
  }
  return text ? { text, x, end, y, size, spaceBefore: false, paragraphs } : undefined;
}
