/**
 * Drawn table borders (rules) of a PDF page, and the cells they enclose.
 *
 * Word, WPS and Chromium draw a table's borders as thin filled rectangles or
 * stroked lines. Text alone cannot tell a cell's second line from the next
 * row (pdftotext prints both as lines, and a single-line cell sits between
 * the two lines of its wrapped neighbour); the borders can. The reader's
 * worker reports painted paths with the text (readers/pdfjs.ts); here they
 * become horizontal and vertical rules, merged where they continue each other,
 * and a point of text is placed in the cell whose four rules enclose it.
 */

/** A painted path as the worker reports it: subpaths of x, y pairs in PDF user space. */
export interface PathItem {
  type: "gongkaiPath";
  paint: "fill" | "stroke" | "fillStroke";
  subpaths: number[][];
}

/** A straight segment in the page's reading space (y grows downwards). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A horizontal rule at `at` from `from` to `to` (or a vertical one, with x and y swapped). */
interface Rule {
  at: number;
  from: number;
  to: number;
}

export interface Cell {
  /** Identifies the cell on its page. */
  key: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Thicker than this, a filled rectangle is a shaded area, not a rule. */
const RULE_THICKNESS = 2.5;
/** How far apart two pieces of one rule, or a rule and a cell's corner, may be. */
const SLACK = 2;

/**
 * The straight, axis-parallel segments of painted paths, through `transform`
 * (the page viewport's) into device space. A thin filled rectangle becomes its
 * middle line; a stroked path, each of its edges.
 */
export function segmentsOf(paths: readonly PathItem[], transform: readonly number[]): Segment[] {
  const [a, b, c, d, e, f] = transform as [number, number, number, number, number, number];
  const out: Segment[] = [];
  for (const path of paths) {
    for (const sub of path.subpaths) {
      const pts: number[] = [];
      for (let i = 0; i + 1 < sub.length; i += 2)
        pts.push(sub[i]! * a + sub[i + 1]! * c + e, sub[i]! * b + sub[i + 1]! * d + f);
      if (pts.length < 4) continue;
      if (path.paint !== "stroke") {
        let x0 = Infinity,
          y0 = Infinity,
          x1 = -Infinity,
          y1 = -Infinity;
        for (let i = 0; i < pts.length; i += 2) {
          x0 = Math.min(x0, pts[i]!);
          x1 = Math.max(x1, pts[i]!);
          y0 = Math.min(y0, pts[i + 1]!);
          y1 = Math.max(y1, pts[i + 1]!);
        }
        const w = x1 - x0;
        const h = y1 - y0;
        if (h <= RULE_THICKNESS && w > h)
          out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
        else if (w <= RULE_THICKNESS && h > w)
          out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
      }
      if (path.paint !== "fill") {
        for (let i = 0; i + 3 < pts.length; i += 2) {
          const [x0, y0, x1, y1] = [pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!];
          if (Math.abs(y1 - y0) <= 0.5 || Math.abs(x1 - x0) <= 0.5) out.push({ x0, y0, x1, y1 });
        }
      }
    }
  }
  return out;
}

/** Rules merged from segments (already in reading space), and the cells they make. */
export class Grid {
  private readonly horizontal: Rule[];
  private readonly vertical: Rule[];

  constructor(segments: readonly Segment[]) {
    const h: Rule[] = [];
    const v: Rule[] = [];
    for (const s of segments) {
      const dx = Math.abs(s.x1 - s.x0);
      const dy = Math.abs(s.y1 - s.y0);
      if (dy <= 0.5 && dx > SLACK)
        h.push({ at: (s.y0 + s.y1) / 2, from: Math.min(s.x0, s.x1), to: Math.max(s.x0, s.x1) });
      else if (dx <= 0.5 && dy > SLACK)
        v.push({ at: (s.x0 + s.x1) / 2, from: Math.min(s.y0, s.y1), to: Math.max(s.y0, s.y1) });
    }
    this.horizontal = merge(h);
    this.vertical = merge(v);
  }

  rules(): { horizontal: readonly Rule[]; vertical: readonly Rule[] } {
    return { horizontal: this.horizontal, vertical: this.vertical };
  }

  get empty(): boolean {
    return this.horizontal.length < 2 || this.vertical.length < 2;
  }

  /**
   * The table cell holding the point, if four rules enclose it and the cell
   * belongs to a table: one of its rules runs on past it (a box drawn around a
   * paragraph is not a table).
   */
  cellAt(x: number, y: number): Cell | undefined {
    let top = nearest(this.horizontal, y, x, -1);
    let bottom = nearest(this.horizontal, y, x, 1);
    const left = nearest(this.vertical, x, y, -1);
    const right = nearest(this.vertical, x, y, 1);
    if (!left || !right) return undefined;
    // A cell cut by a page break has no rule on the cut side: its side rules end there together.
    if (
      Math.abs(left.to - right.to) <= SLACK &&
      left.to > y &&
      (!bottom || Math.max(left.to, right.to) < bottom.at - SLACK)
    ) {
      bottom = { at: Math.min(left.to, right.to), from: left.at, to: right.at };
    }
    if (
      Math.abs(left.from - right.from) <= SLACK &&
      left.from < y &&
      (!top || Math.min(left.from, right.from) > top.at + SLACK)
    ) {
      top = { at: Math.max(left.from, right.from), from: left.at, to: right.at };
    }
    if (!top || !bottom) return undefined;
    if (!spans(top, left.at, right.at) || !spans(bottom, left.at, right.at)) return undefined;
    if (!spans(left, top.at, bottom.at) || !spans(right, top.at, bottom.at)) return undefined;
    const inTable =
      beyond(top, left.at, right.at) ||
      beyond(bottom, left.at, right.at) ||
      beyond(left, top.at, bottom.at) ||
      beyond(right, top.at, bottom.at);
    if (!inTable) return undefined;
    return {
      key: `${left.at.toFixed(1)},${top.at.toFixed(1)},${right.at.toFixed(1)},${bottom.at.toFixed(1)}`,
      left: left.at,
      right: right.at,
      top: top.at,
      bottom: bottom.at,
    };
  }
}

/**
 * A drawn table: its column and row borders and, for each slot between them,
 * the cell covering it (a cell spanning columns or rows covers several).
 */
export interface TableGrid {
  xs: number[];
  ys: number[];
  slots: (Cell | undefined)[][];
}

/** Borders this close are one (a double rule, or Word's borders a point apart). */
const SAME_BORDER = 3;

/** The page's tables: rules connected by crossings, with the cells their slots belong to. */
export function tablesOf(grid: Grid): TableGrid[] {
  const { horizontal: h, vertical: v } = grid.rules();
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const a = h[i]!;
      const b = v[j]!;
      if (
        b.at >= a.from - SLACK &&
        b.at <= a.to + SLACK &&
        a.at >= b.from - SLACK &&
        a.at <= b.to + SLACK
      )
        parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  for (let i = 0; i < h.length + v.length; i++) {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (i < h.length) g.h.push(h[i]!);
    else g.v.push(v[i - h.length]!);
    groups.set(find(i), g);
  }
  const out: TableGrid[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = borders(g.v.map((r) => r.at));
    const ys = borders(g.h.map((r) => r.at));
    if (xs.length < 2 || ys.length < 2) continue;
    const slots = ys
      .slice(1)
      .map((y, j) => xs.slice(1).map((x, i) => grid.cellAt((xs[i]! + x) / 2, (ys[j]! + y) / 2)));
    if (slots.some((row) => row.some(Boolean))) out.push({ xs, ys, slots });
  }
  return out.sort((p, q) => p.ys[0]! - q.ys[0]!);
}

/** Sorted positions with those within SAME_BORDER of the previous one dropped. */
function borders(positions: number[]): number[] {
  const out: number[] = [];
  for (const p of positions.sort((a, b) => a - b))
    if (!out.length || p - out[out.length - 1]! > SAME_BORDER) out.push(p);
  return out;
}

/** Rules on one line that touch or overlap become one; rules are sorted by position. */
function merge(rules: Rule[]): Rule[] {
  rules.sort((p, q) => p.at - q.at || p.from - q.from);
  const out: Rule[] = [];
  let i = 0;
  while (i < rules.length) {
    // One line: positions within a rule's thickness of the first.
    let j = i;
    while (j < rules.length && rules[j]!.at - rules[i]!.at <= 1.5) j++;
    const line = rules.slice(i, j).sort((p, q) => p.from - q.from);
    const at = line.reduce((s, r) => s + r.at, 0) / line.length;
    let cur: Rule | undefined;
    for (const r of line) {
      if (cur && r.from <= cur.to + SLACK) cur.to = Math.max(cur.to, r.to);
      else out.push((cur = { at, from: r.from, to: r.to }));
    }
    i = j;
  }
  return out.sort((p, q) => p.at - q.at);
}

/** The closest rule on the given side (-1: before, 1: after) of `at` whose extent covers `along`. */
// Module-level, not closures in cellAt: it runs for every cell and every run of text.
/** A rule running the whole way from `from` to `to`. */
const spans = (r: Rule, from: number, to: number) => r.from <= from + SLACK && r.to >= to - SLACK;
/** A rule running on past `from` or `to`. */
const beyond = (r: Rule, from: number, to: number) => r.from < from - SLACK || r.to > to + SLACK;

function nearest(
  rules: readonly Rule[],
  at: number,
  along: number,
  side: -1 | 1,
): Rule | undefined {
  let best: Rule | undefined;
  for (const r of rules) {
    if (side < 0 ? r.at >= at : r.at <= at) continue;
    if (r.from > along + 1 || r.to < along - 1) continue;
    if (!best || (side < 0 ? r.at > best.at : r.at < best.at)) best = r;
  }
  return best;
}
