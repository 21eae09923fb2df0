/**
 * What the labels of a “三公”经费 table name: one of the five amounts, a
 * 小计, a column that is not 三公 at all (会议费, 培训费, 机关运行经费), or a
 * year / change heading over a group of columns; and the figures a table
 * yields (shared by the row-wise and column-wise readers).
 */
import type { Fen } from "../../../model/amount.ts";
import type { Mode, Key } from "./narrative.ts";

export type Role = Key | "subtotal" | "other";

/** Which of the five amounts a header label or row label names. */
export function keyOf(label: string): Role | undefined {
  if (/机关运行|会议费|培训费/.test(label)) return "other";
  if (/购置(?:及|和|与)运/.test(label)) return "vehicle";
  if (/出国/.test(label)) return "overseas";
  if (/接待/.test(label)) return "reception";
  if (/购置/.test(label)) return "purchase";
  if (/运行|运维/.test(label)) return "operation";
  if (/小计/.test(label)) return "subtotal";
  if (/合计|总额|总计|三公/.test(label)) return "total";
  return undefined;
}

/** Only a total or the vehicle heading has labels under it; 公务接待费 over a stray 小计 is still a leaf. */
export const canHaveChildren = (role: Role | undefined): boolean =>
  role === "total" || role === "vehicle";

const GROUP =
  /^(?:(\d{4})年度?(?:预算|决算|执行)?数?|(上年|本年|当年)(?:预算|决算)?数?|(增减|变化|变动|比上年增减)(?:变化)?(?:情况|额|数)?)$/;

/**
 * The mode of a year / change heading ("2020年", "2021年预算数", "增减变化情况",
 * "上年预算数"), or undefined when the label is no such heading. `year` is the
 * budget year; without it a year heading is taken as current.
 */
export function groupMode(label: string, year: number | undefined): Mode | undefined {
  const m = GROUP.exec(label);
  if (!m) return undefined;
  if (m[3]) return "change";
  if (m[2]) return m[2] === "上年" ? "previous" : "current";
  const y = Number(m[1]);
  if (year === undefined || y === year) return "current";
  return y < year ? "previous" : undefined;
}

/**
 * The mode of a data row from its label: 上年 / an earlier year → previous,
 * 增减 → change, 本年 / this year → current; undefined when the label says
 * none of these.
 */
export function rowMode(label: string, year: number | undefined): Mode | undefined {
  if (/增减|变化|变动/.test(label)) return "change";
  if (/上年/.test(label)) return "previous";
  if (/本年|当年/.test(label)) return "current";
  const y = /(\d{4})年/.exec(label);
  if (!y) return undefined;
  if (year === undefined || Number(y[1]) === year) return "current";
  return Number(y[1]) < year ? "previous" : undefined;
}

/** One figure read from the table. */
export interface TableValue {
  fen: Fen;
  line: number;
  raw: string;
}

export interface TableResult {
  /** `${mode}:${key}` → figure. */
  values: Map<string, TableValue>;
  fundSources?: { label: string; amount: number }[];
  changeRate?: { value: number; line: number; raw: string };
}
