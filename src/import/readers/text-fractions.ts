/**
 * Numbers whose decimals are printed a line lower ("staircase" rows). Some
 * PDFs draw a number's fraction slightly below its integer part, and
 * `pdftotext -layout` then prints the fraction on the next line, under the
 * integer's last digit, followed by the rest of the row (the row's next
 * number, whose own fraction drops a line again):
 *
 *     合 计           174,900
 *                         .64101,833
 *                                  .8441,534
 *
 * Read as it stands, every amount loses its fraction and every row spreads
 * over several lines. Before the lines are split into cells, a line opening
 * with a fraction that stands under the last integer of the line above is
 * joined to that line: the fraction completes the integer and what follows
 * it keeps its column (moved right only as far as needed to stay a separate
 * cell). The joined-away line is left empty and marked, so that line numbers
 * keep pointing into the source text.
 */

/** A fraction opening a line: its digits, and what follows (another number may be glued to it). */
const LEADING_FRACTION = /^( *)\.(\d+)/;
/** An integer (no decimal point) ending a line, standing alone or glued to text ("预算数174,900"). */
const TRAILING_INTEGER = /(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+|\d+)$/;
/** An integer cut after a thousands comma ("46," over "794" over ".00"). */
const TRAILING_GROUPS = /(?<![\d.,])-?\d{1,3}(?:,\d{3})*,$/;
/** Three digits opening a line: the rest of an integer cut after its comma. */
const LEADING_GROUP = /^( *)(\d{3})(?!\d)/;
/** Units that follow an amount in a sentence ("2,461 .25 万元"): they stay next to it. */
const UNIT = /^[万亿元%％]/;

/** How many columns the fraction may stand left or right of the integer's last digit. */
const BEFORE_END = 3;
const AFTER_END = 1;

export interface JoinedFractions {
  /** The lines, fractions joined to their integers. */
  lines: string[];
  /** 0-based indexes of lines emptied by a join (the content moved to the line above). */
  joined: Set<number>;
}

/** Joins every line-opening fraction to the integer ending the line above it (see the module). */
export function joinDroppedFractions(raw: readonly string[]): JoinedFractions {
  const lines = [...raw];
  const joined = new Set<number>();
  const digits = fractionDigits(raw);
  let target = -1;
  /** What the target line ends with: an integer, or an integer cut after a thousands comma. */
  let open: Open | undefined;
  /** Where that number ended in its own source line. */
  let end = -1;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trimEnd();
    const m = open && (open === "comma" ? LEADING_GROUP : LEADING_FRACTION).exec(text);
    const start = m ? m[1]!.length : -1;
    if (m && start >= end - BEFORE_END && start <= end + AFTER_END) {
      const piece = open === "comma" ? m[2]! : `.${glued(m[2]!, text.slice(m[0].length), digits)}`;
      const restAt = start + piece.length;
      const rest = text.slice(restAt);
      lines[target] = appendRow(lines[target]! + piece, rest, restAt);
      lines[i] = "";
      joined.add(i);
      open = openNumber(rest.trim() ? rest.trimStart() : open === "comma" ? lines[target]! : "");
      end = text.length;
      continue;
    }
    lines[i] = text;
    open = openNumber(text);
    target = open ? i : -1;
    end = text.length;
  }
  return { lines, joined };
}

type Open = "integer" | "comma";

/** Whether `text` ends with a number that may go on on the next line. */
function openNumber(text: string): Open | undefined {
  if (TRAILING_INTEGER.test(text)) return "integer";
  if (TRAILING_GROUPS.test(text)) return "comma";
  return undefined;
}

/**
 * The fraction's own digits. When the next number is glued on (".64101,833"),
 * the fraction is as long as the document's fractions that stand alone.
 */
function glued(allDigits: string, after: string, digits: number): string {
  return /^[\d,]/.test(after) || allDigits.length > digits + 1
    ? allDigits.slice(0, digits)
    : allDigits;
}

/** `rest` (which stood at column `at` of its line) appended to `line`, kept a separate cell. */
function appendRow(line: string, rest: string, at: number): string {
  const body = rest.trimStart();
  if (!body) return line;
  const gap = rest.length - body.length;
  // A number glued on, or anything a space apart, is the row's next cell: two spaces at least.
  const minGap = UNIT.test(body) ? Math.min(gap, 1) : gap === 0 && !/^[-\d]/.test(body) ? 0 : 2;
  const column = Math.max(at + gap, line.length + minGap);
  return line + " ".repeat(column - line.length) + body;
}

/** The most common number of digits of fractions standing alone at a line's start (2 if none). */
function fractionDigits(raw: readonly string[]): number {
  const counts = new Map<number, number>();
  for (const line of raw) {
    const m = /^ *\.(\d{1,4})(?:\s|$|[^\d,])/.exec(line);
    if (m) counts.set(m[1]!.length, (counts.get(m[1]!.length) ?? 0) + 1);
  }
  let best = 2;
  for (const [n, c] of counts) if (c > (counts.get(best) ?? 0)) best = n;
  return best;
}
