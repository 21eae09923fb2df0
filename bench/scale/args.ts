/** Command-line options of the scale benchmarks (`--name value`), and where the samples are. */
import { join, resolve } from "node:path";

export function argOf(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
}

export const hasFlag = (name: string) => process.argv.slice(2).includes(name);

export const SHARED = resolve(
  process.env.GONGKAI_SHARED ?? join(import.meta.dirname, "..", "..", "..", "shared"),
);

/** The p-quantile of a list of numbers (nearest rank). */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
}
