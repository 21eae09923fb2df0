/**
 * How the portal prints numbers, dates and labels: amounts in 万元 with
 * thousands separators and at least two decimals (exact, through the
 * renderer's bigint 分 printing, never rounded away), dates in Beijing time.
 */
import { printWan, ratePercent, subtractWan } from "../../render/numbers.ts";

/**
 * 1234567.5 → "1,234,567.50": two decimals, rounded half away from zero on the
 * exact decimal text (a value stated to the 元 or 分 is shown to the 百元 as
 * the standard tables print it; `exactWan` keeps every digit).
 */
export function wan(value: number | undefined): string {
  if (value === undefined) return "—";
  const exact = printWan(value);
  const negative = exact.startsWith("-");
  const [whole = "0", frac = ""] = (negative ? exact.slice(1) : exact).split(".");
  let hundredths = BigInt(whole + frac.slice(0, 2).padEnd(2, "0"));
  if ((frac[2] ?? "0") >= "5") hundredths += 1n;
  const digits = hundredths.toString().padStart(3, "0");
  const grouped = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = negative && hundredths !== 0n ? "-" : "";
  return `${sign}${grouped}.${digits.slice(-2)}`;
}

/** The exact amount when `wan` rounded it (for a title attribute), else undefined. */
export function exactWan(value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const exact = printWan(value);
  return exact.split(".")[1]!.length > 2 ? `${exact} 万元（精确值）` : undefined;
}

/** "1,234.50 万元" */
export const wanUnit = (value: number | undefined): string =>
  value === undefined ? "未公开" : `${wan(value)} 万元`;

/** Re-prints a renderer cell's plain amount ("1234.50") with separators. */
export const regroup = (text: string): string =>
  /^-?\d+\.\d+$/.test(text) ? wan(Number(text)) : text;

/** Change and rate between two amounts: "增加 12.30 万元（+5.00%）". */
export function change(current: number | undefined, previous: number | undefined): string {
  const diff = subtractWan(current, previous);
  if (diff === undefined) return "—";
  if (diff === 0) return "持平";
  const rate = ratePercent(diff, previous);
  const rateText =
    rate === undefined ? "" : `（${diff > 0 ? "+" : "-"}${Math.abs(rate).toFixed(2)}%）`;
  return `${diff > 0 ? "增加" : "减少"} ${wan(Math.abs(diff))} 万元${rateText}`;
}

/** Share of a part in a whole, "37.5%"; undefined without a positive whole. */
export function share(part: number | undefined, whole: number | undefined): string | undefined {
  if (part === undefined || whole === undefined || whole <= 0) return undefined;
  return `${((100 * part) / whole).toFixed(1)}%`;
}

const DATE = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const DATE_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** 2026/12/07 in Beijing time. */
export const date = (d: Date | string | null | undefined): string =>
  d ? DATE.format(new Date(d)) : "—";
export const dateTime = (d: Date | string | null | undefined): string =>
  d ? DATE_TIME.format(new Date(d)) : "—";
/** The machine-readable form for <time datetime>. */
export const isoDate = (d: Date | string | null | undefined): string =>
  d ? new Date(d).toISOString() : "";

export const KIND_LABEL = { budget: "部门预算", final: "部门决算" } as const;

export const LEVEL_LABEL: Record<string, string> = {
  country: "中央",
  province: "省级",
  city: "市级",
  county: "县级",
  zone: "开发区",
  other: "其他",
};

export const SEVERITY_LABEL = { error: "错误", warning: "警告", info: "提示" } as const;
