/**
 * Rounding tolerance of printed amounts. A printed amount carries half a unit
 * of its last printed digit; a sum of n printed amounts compared with a
 * printed total may differ by the sum of those halves, never by a percentage.
 * JSON numbers lose trailing zeros, so the printed text recorded in the
 * sourceMap tells the precision when present; otherwise 万元 values are taken
 * as printed with 2 decimals (or with as many as the number itself carries).
 */
import { normalizeNumberText, parseAmount, wanToFen, type Fen } from "../model/amount.ts";
import type { Disclosure } from "../model/disclosure.ts";

const DEFAULT_PLACES = 2;

function decimalsOf(n: number): number {
  const s = String(n);
  if (/e/i.test(s)) return 6;
  return /\.(\d+)/.exec(s)?.[1]?.length ?? 0;
}

/** Printed decimals (in 万元) of the value at `pointer`. */
export function printedPlaces(
  disclosure: Disclosure,
  pointer: string | undefined,
  value: number,
): number {
  const own = decimalsOf(value);
  const text = pointer ? disclosure.sourceMap?.[pointer]?.text : undefined;
  if (text) {
    const fen = wanToFen(value);
    for (const m of normalizeNumberText(text).matchAll(/[-+]?\d+(?:\.\d+)?/g)) {
      const token = m[0];
      const places = /\.(\d+)/.exec(token)?.[1]?.length ?? 0;
      if (parseAmount(token, "万元") === fen) return Math.max(places, own);
      // A table printed in 元 and converted: 2 decimals of 元 are 6 of 万元.
      if (parseAmount(token, "元") === fen) return Math.min(6, places + 4);
    }
  }
  return Math.max(own, DEFAULT_PLACES);
}

/** Half a unit of the last printed digit of one value, in 分. */
export function toleranceOf(
  disclosure: Disclosure,
  pointer: string | undefined,
  value: number,
): Fen {
  return halfUnit(printedPlaces(disclosure, pointer, value));
}

/** Half a unit of the given number of decimals of 万元, in 分 (6 decimals → 0: exact). */
export function halfUnit(places: number): Fen {
  return 10n ** BigInt(6 - Math.min(6, Math.max(0, places))) / 2n;
}

/** Half a unit of the last printed digit of a printed percentage, as a number. */
export function percentTolerance(printed: number): number {
  return 0.5 * 10 ** -decimalsOf(printed);
}

/** Documents that cut rates instead of rounding them are off by up to this much (percentage points). */
export const RATE_SLACK_PP = 0.01;

/**
 * Whether a printed percentage agrees with the exact range [lo, hi] its amounts allow:
 * rounded to its printed decimals, cut to them (6.919 printed 6.91), or within
 * RATE_SLACK_PP of the range. Signs are compared on absolute values, since 增长 / 下降
 * carry the sign.
 */
export function rateAgrees(printed: number, lo: number, hi: number): boolean {
  const unit = 10 ** -decimalsOf(printed);
  const eps = 1e-9;
  const half = unit / 2 + eps;
  const within = (s: number) =>
    (s + half >= lo && s - half <= hi) ||
    (s + RATE_SLACK_PP + eps >= lo && s - RATE_SLACK_PP - eps <= hi);
  const cut = (s: number) => {
    // Cut toward zero: |true| ∈ [|s|, |s| + unit).
    const a = Math.abs(s);
    const [l, h] = s >= 0 ? [lo, hi] : [-hi, -lo];
    return h >= a - eps && l < a + unit;
  };
  return [printed, -printed].some((s) => within(s) || cut(s));
}
