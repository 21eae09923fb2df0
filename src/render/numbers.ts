/**
 * How the renderers print numbers. Every amount goes through bigint 分 so a
 * printed sum or difference is exact; the text and the tables call the same
 * functions, so they cannot print the same number two ways.
 */
import { fenToDecimal, sumFen, wanToFen, type Fen } from "../model/amount.ts";

/** An amount in 万元 as printed: at least two decimals, more only when the value has them (never rounded away). */
export function printWan(wan: number | undefined): string {
  if (wan === undefined) return "";
  return printFen(wanToFen(wan));
}

export function printFen(fen: Fen): string {
  const text = fenToDecimal(fen, 6);
  const [whole, frac = ""] = text.split(".");
  return `${whole}.${frac.padEnd(2, "0")}`;
}

/** The exact sum of amounts in 万元, as 万元 (undefined when nothing is given). */
export function addWan(values: (number | undefined)[]): number | undefined {
  const present = values.filter((v): v is number => v !== undefined);
  if (!present.length) return undefined;
  return Number(fenToDecimal(sumFen(present.map(wanToFen)), 6));
}

export function subtractWan(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  return Number(fenToDecimal(wanToFen(a) - wanToFen(b), 6));
}

/** change / previous in percent, two decimals, half away from zero; undefined when previous is 0 or absent. */
export function ratePercent(
  change: number | undefined,
  previous: number | undefined,
): number | undefined {
  if (change === undefined || previous === undefined) return undefined;
  const c = wanToFen(change);
  const p = wanToFen(previous);
  if (p === 0n) return undefined;
  const negative = c < 0n !== p < 0n && c !== 0n;
  const num = (c < 0n ? -c : c) * 10000n;
  const den = p < 0n ? -p : p;
  const scaled = (num * 2n + den) / (2n * den); // hundredths of a percent, half up
  const text = `${scaled / 100n}.${(scaled % 100n).toString().padStart(2, "0")}`;
  return Number(negative ? `-${text}` : text);
}

export function printPercent(p: number): string {
  return `${Math.abs(p).toFixed(2)}%`;
}

/** 增加 / 减少 / 持平 and the size of the change, as a clause: "增加12.30万元，增长5.00%". */
export function changeClause(change: number, rate?: number): string {
  const fen = wanToFen(change);
  if (fen === 0n) return "持平";
  const abs = printFen(fen < 0n ? -fen : fen);
  const verb = fen > 0n ? "增加" : "减少";
  const rateText = rate === undefined ? "" : `，${fen > 0n ? "增长" : "下降"}${printPercent(rate)}`;
  return `${verb}${abs}万元${rateText}`;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 1 → 一, 12 → 十二, 21 → 二十一 (outline numbering up to 99). */
export function chineseNumber(n: number): string {
  if (n <= 10) return DIGITS[n]!;
  if (n < 20) return `十${DIGITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
}
