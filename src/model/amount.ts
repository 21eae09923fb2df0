/**
 * Exact money. Every amount inside gongkai is a bigint count of 分 (fen):
 * 1 万元 = 1,000,000 分, so the six decimals of 万元 that documents print are
 * exactly one 分 and no sum ever passes through a binary float.
 * The canonical JSON carries amounts as numbers in 万元 (format.md); the
 * conversions here are the only bridge between the two.
 */

export type Fen = bigint;
export type MoneyUnit = "元" | "千元" | "万元" | "亿元";

export const FEN_PER_UNIT: Record<MoneyUnit, bigint> = {
  元: 100n,
  千元: 100_000n,
  万元: 1_000_000n,
  亿元: 10_000_000_000n,
};

const FULL_WIDTH_DIGITS = /[０-９]/g;

/**
 * Turns the many ways a number is printed into plain ASCII: full-width digits
 * and punctuation, thousands separators, the Unicode minus, spaces inside.
 */
export function normalizeNumberText(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．。](?=\d)/g, ".")
    .replace(/[，,](?=\d{3}(?!\d))/g, "") // thousands separators only
    .replace(/[−－–—]/g, "-")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/[＋]/g, "+")
    .replace(/\s+/g, "");
}

/** A decimal string like "-12.34" → fen, exactly; `scale` is 分 per unit. */
function decimalToFen(decimal: string, scale: bigint): Fen | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(decimal);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const sign = m[1] === "-" ? -1n : 1n;
  const whole = BigInt(m[2] || "0");
  const frac = m[3] ?? "";
  // The number of decimal places that fit in the unit (万元 → 6, 元 → 2).
  const places = scale.toString().length - 1;
  let fracFen = 0n;
  if (frac.length > 0) {
    const kept = frac.slice(0, places).padEnd(places, "0");
    fracFen = BigInt(kept);
    // Round half up on the first dropped digit: documents never print more
    // than a fen, but a computed export sometimes does.
    const dropped = frac.slice(places);
    if (dropped.length > 0 && Number(dropped[0]) >= 5) fracFen += 1n;
  }
  return sign * (whole * scale + fracFen);
}

/**
 * Parses a printed amount in the given unit. Accepts `1,234.56`, `１２３．４`,
 * `(12.30)` and `−12.3` (negatives), `12.3万元` (a unit suffix overrides the
 * default). Returns undefined for anything that is not a number: `-`, `—`,
 * blank cells, words.
 */
export function parseAmount(text: string, unit: MoneyUnit = "万元"): Fen | undefined {
  let s = normalizeNumberText(text);
  let scale = FEN_PER_UNIT[unit];
  const suffix = /(亿元|万元|千元|元)$/.exec(s);
  if (suffix) {
    scale = FEN_PER_UNIT[suffix[1] as MoneyUnit];
    s = s.slice(0, -suffix[1]!.length);
  }
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!;
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const fen = decimalToFen(s, scale);
  if (fen === undefined) return undefined;
  return negative ? -fen : fen;
}

/** Fen → a JSON number in 万元 (the shortest decimal that round-trips). */
export function fenToWan(fen: Fen): number {
  return Number(fenToDecimal(fen, 6));
}

/** A JSON number of 万元 → fen, exactly (via its decimal representation). */
export function wanToFen(wan: number): Fen {
  if (!Number.isFinite(wan)) throw new RangeError(`不是有限数值：${wan}`);
  const text = Math.abs(wan) < 1e21 ? toPlainDecimal(wan) : String(wan);
  const fen = decimalToFen(text, FEN_PER_UNIT["万元"]);
  if (fen === undefined) throw new RangeError(`无法解析金额：${wan}`);
  return fen;
}

/** Writes a number without exponent notation (1e-7 → "0.0000001"). */
function toPlainDecimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(12).replace(/0+$/, "").replace(/\.$/, "");
}

/** Fen → decimal string of 万元 with at most `places` decimals (half-up), trailing zeros trimmed. */
export function fenToDecimal(fen: Fen, places = 6): string {
  const negative = fen < 0n;
  let abs = negative ? -fen : fen;
  const drop = 6 - places;
  if (drop > 0) {
    const div = 10n ** BigInt(drop);
    abs = (abs + div / 2n) / div;
  }
  const unit = 10n ** BigInt(places);
  const whole = abs / unit;
  const frac = (abs % unit).toString().padStart(places, "0").replace(/0+$/, "");
  const body = frac ? `${whole}.${frac}` : `${whole}`;
  return negative && body !== "0" ? `-${body}` : body;
}

/** Fen → 万元 printed with a fixed number of decimals, half-up (四舍五入). */
export function formatWan(fen: Fen, places = 2): string {
  const negative = fen < 0n;
  let abs = negative ? -fen : fen;
  const drop = 6 - places;
  const div = 10n ** BigInt(drop);
  abs = (abs + div / 2n) / div;
  const unit = 10n ** BigInt(places);
  const whole = abs / unit;
  const frac = places > 0 ? "." + (abs % unit).toString().padStart(places, "0") : "";
  return `${negative && abs !== 0n ? "-" : ""}${whole}${frac}`;
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/**
 * Half a unit of the last printed digit: the rounding tolerance a printed
 * amount carries. `12.30` → 0.005 万元 = 5,000 分; `72899` → 0.5 万元.
 */
export function roundingTolerance(printed: number | string, unit: MoneyUnit = "万元"): Fen {
  const text = typeof printed === "number" ? toPlainDecimal(printed) : normalizeNumberText(printed);
  const places = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
  const scale = FEN_PER_UNIT[unit];
  const step = scale / 10n ** BigInt(Math.min(places, scale.toString().length - 1));
  return step / 2n;
}

/** The money unit a table or paragraph declares: `单位：元`, `（单位：万元）`, `金额单位：万元`. */
export function declaredUnit(text: string): MoneyUnit | undefined {
  const m = /单位\s*[：:]\s*(亿元|万元|千元|元)/.exec(text.replace(/\s+/g, ""));
  return m ? (m[1] as MoneyUnit) : undefined;
}
