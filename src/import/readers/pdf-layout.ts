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

interface Run {
  text: string;
  /** Start along the reading direction. */
  x: number;
  /** End along the reading direction. */
  end: number;
  /** Baseline across the reading direction (grows downwards). */
  y: number;
  size: number;
  spaceBefore: boolean;
}

type Rotation = 0 | 90 | 180 | 270;

function rotationOf(it: PlacedItem): Rotation {
  if (Math.abs(it.a) >= Math.abs(it.b)) return it.a >= 0 ? 0 : 180;
  return it.b > 0 ? 90 : 270;
}

/** Maps a device point so that text of the given rotation reads left to right. */
function unrotate(r: Rotation, x: number, y: number): [number, number] {
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
const CJK_SPACE = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, "g");
const CJK_END = new RegExp(`[${CJK}]$`);
const CJK_START = new RegExp(`^[${CJK}]`);
const isWordEnd = (s: string) => /[A-Za-z0-9%.,;:)]$/.test(s);
const isWordStart = (s: string) => /^[A-Za-z0-9(]/.test(s);
const isDigitEnd = (s: string) => /[\d%％)）]$/.test(s);
const isDigitStart = (s: string) => /^[-−(（]?\d/.test(s);

export function layoutPage(items: readonly PlacedItem[]): string[] {
  if (items.length === 0) return [];
  // The page's reading direction is that of most characters (a landscape
  // table drawn rotated reads as a normal page); stray text at other angles
  // (stamps, watermarks, vertical labels) is left out, as pdftotext does.
  const weight = new Map<Rotation, number>();
  for (const it of items) weight.set(rotationOf(it), (weight.get(rotationOf(it)) ?? 0) + it.str.length);
  const rotation = [...weight.entries()].sort((p, q) => q[1] - p[1])[0]![0];

  const runs: Run[] = [];
  for (const it of items) {
    if (rotationOf(it) !== rotation) continue;
    const size = Math.hypot(it.c, it.d) || Math.hypot(it.a, it.b);
    if (!(size > 0)) continue;
    const [x, y] = unrotate(rotation, it.x, it.y);
    // Spaces between Chinese characters are spacing for justification, never words (pdftotext drops them too).
    const text = it.str.replace(/\s+/g, " ").replace(CJK_SPACE, "");
    const trimmed = text.trim();
    if (!trimmed) {
      // A narrow drawn space is spacing, not a word gap.
      if (it.width >= 0.2 * size) runs.push({ text: "", x, end: x + Math.max(0, it.width), y, size, spaceBefore: true });
      continue;
    }
    runs.push({ text: trimmed, x, end: x + Math.max(0, it.width), y, size, spaceBefore: text.startsWith(" ") });
  }
  const sizes = runs.filter((r) => r.text).map((r) => r.size).sort((p, q) => p - q);
  if (sizes.length === 0) return [];
  const bodySize = sizes[Math.floor(sizes.length / 2)]!;
  const unit = bodySize * 0.45;
  let minX = Infinity; // a loop, not Math.min(...): a page may hold more items than a call has arguments
  for (const r of runs) if (r.text && r.x < minX) minX = r.x;

  // Lines: runs whose baselines are within a third of a glyph of the line's first run.
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

  const out: string[] = [];
  let prevY: number | undefined;
  let prevSize = bodySize;
  for (const line of lines) {
    line.sort((p, q) => p.x - q.x);
    const text = composeLine(line, minX, unit);
    if (!text.trim()) continue;
    const y = line[0]!.y;
    let size = 0;
    for (const r of line) if (r.text && r.size > size) size = r.size;
    // A gap of more than about two lines' height is shown as a blank line.
    if (prevY !== undefined && y - prevY > 2.2 * Math.max(size, prevSize)) out.push("");
    out.push(text);
    prevY = y;
    prevSize = size;
  }
  return out;
}

function composeLine(line: Run[], minX: number, unit: number): string {
  let s = "";
  let prevEnd = -Infinity;
  let prevX = -Infinity;
  let prevText = "";
  let prevSize = 0;
  let space = false;
  for (const run of line) {
    if (!run.text) {
      // A drawn space: remember it as a word gap, but its (often bogus) width is ignored.
      if (s) space = true;
      continue;
    }
    // Fake bold: the same text drawn twice at almost the same place.
    if (run.text === prevText && Math.abs(run.x - prevX) < 0.3 * run.size) continue;
    const size = Math.max(run.size, prevSize);
    const gap = run.x - prevEnd;
    const col = Math.round((run.x - minX) / unit);
    if (!s) {
      s = " ".repeat(Math.max(0, col)) + run.text;
    } else if (gap < 0.9 * size && !(gap > 0.3 * size && isDigitEnd(prevText) && isDigitStart(run.text))) {
      // Close neighbours belong together. Chinese takes no spaces, so a gap there is letter
      // spacing (justified text); between Latin words or digits a visible gap is a space.
      const chinese = CJK_END.test(prevText) && CJK_START.test(run.text);
      const wordGap = !chinese && (space || run.spaceBefore || (gap >= 0.2 * size && isWordEnd(prevText) && isWordStart(run.text)));
      s += (wordGap ? " " : "") + run.text;
    } else {
      s += " ".repeat(Math.max(2, col - s.length)) + run.text;
    }
    prevEnd = Math.max(prevEnd, run.end);
    prevX = run.x;
    prevText = run.text;
    prevSize = run.size;
    space = false;
  }
  return s.replace(/\s+$/, "");
}
