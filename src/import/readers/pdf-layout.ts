/**
 * Positioned text items of one PDF page → text lines in the manner of
 * `pdftotext -layout`: items on one baseline form a line, ordered by x;
 * neighbours close together are joined (no space, or one space for a word
 * gap), and an item after a wide gap starts at a column proportional to its
 * x, at least two spaces on, so table cells stay apart and aligned.
 */

/** A text item in device space (y down), with its text matrix. */
export interface PlacedItem {
  str: string;
  a: number;
  b: number;
  c: number;
  d: number;
  x: number;
  y: number;
  width: number;
}

export interface Run {
  text: string;
  /** Start along the reading direction. */
  x: number;
  /** End along the reading direction. */
  end: number;
  /** Baseline across the reading direction (grows downwards). */
  y: number;
  size: number;
  spaceBefore: boolean;
  /** A drawn table cell's whole text (pdf-ruled-page.ts): the cell, and the row it is printed on. */
  cell?: string;
  row?: string;
}

export type Rotation = 0 | 90 | 180 | 270;

function rotationOf(it: PlacedItem): Rotation {
  if (Math.abs(it.a) >= Math.abs(it.b)) return it.a >= 0 ? 0 : 180;
  return it.b > 0 ? 90 : 270;
}

/** Maps a device point so that text of the given rotation reads left to right. */
export function unrotate(r: Rotation, x: number, y: number): [number, number] {
  switch (r) {
    case 0:
      return [x, y];
    case 90:
      return [y, -x];
    case 180:
      return [-x, -y];
    case 270:
      return [-y, x];
  }
}

const CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f";
/** Three or more Chinese characters each one space apart: letter spacing, not words. */
const CJK_SPACED = new RegExp(`[${CJK}](?: [${CJK}]){2,}`, "g");
const CJK_END = new RegExp(`[${CJK}]$`);
const CJK_START = new RegExp(`^[${CJK}]`);
const isWordEnd = (s: string) => /[A-Za-z0-9%.,;:)]$/.test(s);
const isWordStart = (s: string) => /^[A-Za-z0-9(]/.test(s);
const isDigitEnd = (s: string) => /[\d%％)）]$/.test(s);
const isDigitStart = (s: string) => /^[-−(（]?\d/.test(s);

export function layoutPage(items: readonly PlacedItem[]): string[] {
  const placed = placeRuns(items);
  return placed ? layoutLines(placed.runs, placed.bodySize).map((l) => l.text) : [];
}

/** A page's runs in its reading direction, with the direction and the body text size. */
export interface PlacedRuns {
  runs: Run[];
  rotation: Rotation;
  bodySize: number;
}

export function placeRuns(items: readonly PlacedItem[]): PlacedRuns | undefined {
  if (items.length === 0) return undefined;
  // The page's reading direction is that of most characters (a landscape
  // table drawn rotated reads as a normal page); stray text at other angles
  // (stamps, watermarks, vertical labels) is left out, as pdftotext does.
  const weight = new Map<Rotation, number>();
  for (const it of items)
    weight.set(rotationOf(it), (weight.get(rotationOf(it)) ?? 0) + it.str.length);
  const rotation = [...weight.entries()].sort((p, q) => q[1] - p[1])[0]![0];

  const runs: Run[] = [];
  for (const it of items) {
    if (rotationOf(it) !== rotation) continue;
    const size = Math.hypot(it.c, it.d) || Math.hypot(it.a, it.b);
    if (!(size > 0)) continue;
    const [x, y] = unrotate(rotation, it.x, it.y);
    // Spaces between Chinese characters are spacing for justification, never words (pdftotext drops them too).
    const text = it.str.replace(/\s+/g, " ").replace(CJK_SPACED, (m) => m.replace(/ /g, ""));
    const trimmed = text.trim();
    if (!trimmed) {
      // A narrow drawn space is spacing, not a word gap.
      if (it.width >= 0.2 * size)
        runs.push({ text: "", x, end: x + Math.max(0, it.width), y, size, spaceBefore: true });
      continue;
    }
    runs.push({
      text: trimmed,
      x,
      end: x + Math.max(0, it.width),
      y,
      size,
      spaceBefore: text.startsWith(" "),
    });
  }
  const sizes = runs
    .filter((r) => r.text)
    .map((r) => r.size)
    .sort((p, q) => p - q);
  if (sizes.length === 0) return undefined;
  return { runs, rotation, bodySize: sizes[Math.floor(sizes.length / 2)]! };
}

/** A printed line: its text (cells at their columns) and baseline. */
export interface LaidLine {
  text: string;
  y: number;
  /** How many cells (fragments apart by wide gaps) the line has. */
  cells: number;
  /** The drawn table row the line prints, if it does. */
  row?: string;
  /** Where the line's text spans along the reading direction, and its largest glyph (a blank line: 0). */
  x0: number;
  x1: number;
  size: number;
}

/** Runs → lines as pdftotext -layout prints them; a blank line stands for a gap of more than two lines. */
export function layoutLines(runs: Run[], bodySize: number): LaidLine[] {
  const unit = bodySize * 0.45;
  let minX = Infinity; // a loop, not Math.min(...): a page may hold more items than a call has arguments
  for (const r of runs) if (r.text && r.x < minX) minX = r.x;

  // Lines: runs whose baselines are within a third of a glyph of the line's first run.
  const lines = groupLines(runs);

  const frags: Fragment[][] = [];
  const kept: Run[][] = [];
  for (const line of lines) {
    line.sort((p, q) => p.x - q.x);
    const f = fragmentsOf(line);
    if (f.length === 0) continue;
    frags.push(f);
    kept.push(line);
  }
  assignColumns(frags, minX, unit);

  const out: LaidLine[] = [];
  let prevY: number | undefined;
  let prevSize = bodySize;
  let prevRow: string | undefined;
  for (const [i, line] of kept.entries()) {
    let text = "";
    for (const f of frags[i]!)
      text += " ".repeat(Math.max(text ? 2 : 0, f.col - text.length)) + f.text;
    const y = line[0]!.y;
    let size = 0;
    let x0 = Infinity;
    let x1 = -Infinity;
    for (const r of line) {
      if (!r.text) continue;
      if (r.size > size) size = r.size;
      if (r.x < x0) x0 = r.x;
      if (r.end > x1) x1 = r.end;
    }
    const row = line.find((r) => r.row !== undefined)?.row;
    // A gap of more than about two lines' height is shown as a blank line (not between rows of a drawn table).
    if (prevY !== undefined && !(row && prevRow) && y - prevY > 2.2 * Math.max(size, prevSize))
      out.push({ text: "", y: (prevY + y) / 2, cells: 0, x0: 0, x1: 0, size: 0 });
    out.push({ text, y, cells: frags[i]!.length, ...(row ? { row } : {}), x0, x1, size });
    prevY = y;
    prevSize = size;
    prevRow = row;
  }
  return out;
}

/** Runs whose baselines are within a third of a glyph of the line's first run, top to bottom. */
export function groupLines(runs: Run[]): Run[][] {
  runs.sort((p, q) => p.y - q.y || p.x - q.x);
  const lines: Run[][] = [];
  let current: Run[] = [];
  let lineY = -Infinity;
  let lineSize = 0;
  for (const run of runs) {
    if (current.length && run.y - lineY > 0.35 * Math.min(lineSize, run.size)) {
      lines.push(current);
      current = [];
    }
    if (!current.length) {
      lineY = run.y;
      lineSize = run.size;
    }
    current.push(run);
  }
  if (current.length) lines.push(current);
  return lines;
}

/** A piece of a line that stands apart from its neighbours: a cell, or a line of running text. */
export interface Fragment {
  text: string;
  x: number;
  end: number;
  /** Start column in the line's text. */
  col: number;
}

/**
 * Neighbours a narrow gap still keeps in different cells: two numbers, or a
 * number and Chinese text half a character or more apart (a right-aligned
 * amount and the next cell's label: "352.27 | 其中：财政资金"). In running
 * text a number touches its Chinese words or sits one narrow space away.
 */
function apartCells(prev: string, next: string, gapEm: number): boolean {
  if (gapEm > 0.3 && isDigitEnd(prev) && isDigitStart(next)) return true;
  return (
    gapEm >= 0.6 &&
    ((isDigitEnd(prev) && CJK_START.test(next)) || (CJK_END.test(prev) && isDigitStart(next)))
  );
}

/** Joins a line's runs that belong together; a wide gap starts a new fragment. */
export function fragmentsOf(line: Run[]): Fragment[] {
  const frags: Fragment[] = [];
  let cur: Fragment | undefined;
  let prevX = -Infinity;
  let prevText = "";
  let prevSize = 0;
  let prevCell: string | undefined;
  let space = false;
  for (const run of line) {
    if (!run.text) {
      // A drawn space: remember it as a word gap, but its (often bogus) width is ignored.
      if (cur) space = true;
      continue;
    }
    // Fake bold: the same text drawn twice at almost the same place.
    if (run.text === prevText && Math.abs(run.x - prevX) < 0.3 * run.size) continue;
    const size = Math.max(run.size, prevSize);
    const gap = cur ? run.x - cur.end : Infinity;
    // A drawn cell's run is the cell's whole text: it joins nothing, and nothing joins it.
    if (
      cur &&
      run.cell === undefined &&
      prevCell === undefined &&
      gap < 0.9 * size &&
      !apartCells(prevText, run.text, gap / size)
    ) {
      // Close neighbours belong together. Chinese takes no spaces, so a gap there is letter
      // spacing (justified text); between Latin words or digits a visible gap is a space.
      const chinese = CJK_END.test(prevText) && CJK_START.test(run.text);
      const wordGap =
        space ||
        run.spaceBefore ||
        (!chinese && gap >= 0.2 * size && isWordEnd(prevText) && isWordStart(run.text));
      cur.text += (wordGap ? " " : "") + run.text;
      cur.end = Math.max(cur.end, run.end);
    } else {
      cur = { text: run.text, x: run.x, end: run.end, col: 0 };
      frags.push(cur);
    }
    prevX = run.x;
    prevText = run.text;
    prevSize = run.size;
    prevCell = run.cell;
    space = false;
  }
  return frags;
}

/**
 * Columns as pdftotext -layout assigns them: going left to right over the
 * whole page, a fragment starts right after every fragment that ends to its
 * left (on any line), or, under one it overlaps, at the character above its
 * start. Cells in a column then line up with their header however wide the
 * characters (a Chinese character is one column but twice a digit's width).
 * A page with very many fragments falls back to columns proportional to x.
 */
function assignColumns(lines: Fragment[][], minX: number, unit: number): void {
  const all: { f: Fragment; line: number }[] = [];
  lines.forEach((l, line) => l.forEach((f) => all.push({ f, line })));
  if (all.length > 4000) {
    for (const { f } of all) f.col = Math.round((f.x - minX) / unit);
    return;
  }
  all.sort((p, q) => p.f.x - q.f.x);
  for (let i = 0; i < all.length; i++) {
    const { f, line } = all[i]!;
    let col = 0;
    for (let j = 0; j < i; j++) {
      const { f: g, line: gl } = all[j]!;
      const len = g.text.length;
      let c: number;
      if (f.x >= g.end - 0.5) c = g.col + len + (gl === line ? 2 : 1);
      else c = g.col + charIndexAt(g, f.x);
      if (c > col) col = c;
    }
    f.col = col;
  }
}

/** The index of the character of `g` at x, Chinese characters counted twice as wide as others. */
function charIndexAt(g: Fragment, x: number): number {
  const chars = [...g.text];
  const weights = chars.map((ch) => (CJK_START.test(ch) ? 2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const target = ((x - g.x) / Math.max(1e-6, g.end - g.x)) * total;
  let acc = 0;
  for (let k = 0; k < chars.length; k++) {
    if (acc + weights[k]! / 2 > target) return k;
    acc += weights[k]!;
  }
  return chars.length;
}
