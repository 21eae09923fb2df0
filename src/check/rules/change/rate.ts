/**
 * Recomputes a stated change rate from printed amounts. The amounts carry
 * their rounding (half a unit of the last printed digit), the rate its own;
 * the stated rate is wrong only when no values within those bounds give it,
 * rounded or cut to its printed decimals (± 0.01 percentage point).
 */
import type { Fen } from "../../../model/amount.ts";
import { rateAgrees } from "../../tolerance.ts";

export interface RateCheck {
  ok: boolean;
  computed: number;
}

export function checkRate(
  change: Fen,
  changeTol: Fen,
  previous: Fen,
  previousTol: Fen,
  stated: number,
): RateCheck | undefined {
  if (previous - previousTol <= 0n) return undefined;
  const corners: number[] = [];
  for (const c of [change - changeTol, change + changeTol]) {
    for (const p of [previous - previousTol, previous + previousTol])
      corners.push((Number(c) / Number(p)) * 100);
  }
  const computed = (Number(change) / Number(previous)) * 100;
  const lo = Math.min(...corners);
  const hi = Math.max(...corners);
  // A rate is sometimes printed without its sign (增长 / 下降 carry it), and sometimes cut, not rounded.
  return { ok: rateAgrees(stated, lo, hi), computed };
}

export const pct = (n: number): string => `${Math.round(n * 100) / 100}%`;
