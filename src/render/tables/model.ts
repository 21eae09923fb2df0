/**
 * A format-neutral table: what the xlsx, docx and html writers all draw.
 * Rows list their cells in reading order and skip the grid positions that a
 * cell above spans into (the HTML convention); `placeCells` turns that into
 * grid columns for the writers that need them (xlsx merges, docx vMerge).
 */

export type Align = "left" | "center" | "right";

export interface Cell {
  text: string;
  /** An amount in 万元, when the cell is one: xlsx writes it as a number. */
  amount?: number;
  colSpan?: number;
  rowSpan?: number;
  align?: Align;
  bold?: boolean;
}

export interface TableModel {
  /** Stable identifier (sheet name source, anchors): e.g. "t1-income-expenditure". */
  id: string;
  title: string;
  /** Left of the unit line, e.g. "部门：…" or a unit's code and name. */
  caption?: string;
  /** e.g. "单位：万元"; absent for tables without money. */
  unit?: string;
  /** Relative column widths; their count is the grid width. */
  widths: number[];
  header: Cell[][];
  body: Cell[][];
  /** Shown under the table: an empty table's explanation, a footnote. */
  note?: string;
  /** True when the disclosure holds no data for it: published empty with its note. */
  empty?: boolean;
  /** Wide tables print on landscape A4. */
  landscape?: boolean;
}

export interface PlacedCell {
  cell: Cell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** Grid positions of a block of rows (header or body), rows numbered from 0. */
export function placeCells(rows: Cell[][], width: number): PlacedCell[] {
  const taken: boolean[][] = [];
  const placed: PlacedCell[] = [];
  rows.forEach((cells, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken[r]![c]) c++;
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, width - c));
      for (let i = 0; i < rowSpan; i++) {
        taken[r + i] ??= [];
        for (let j = 0; j < colSpan; j++) taken[r + i]![c + j] = true;
      }
      placed.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  return placed;
}

export const text = (t: string | undefined, extra: Partial<Cell> = {}): Cell => ({
  text: t ?? "",
  ...extra,
});
