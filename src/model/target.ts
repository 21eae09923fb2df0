/**
 * 指标值 (performance targets) as printed: `≥95%`, `95%以上`, `≤0.1万元/次`,
 * `1 项`, `优`, `12 月底前完成` … parsed into an operator, a value and a unit
 * when the text states a quantity, or marked qualitative when it does not.
 */
import { normalizeNumberText } from "./amount.ts";

export type TargetOp = ">=" | "<=" | ">" | "<" | "=";

export interface Target {
  raw: string;
  op?: TargetOp;
  value?: number;
  unit?: string;
  qualitative?: true;
}

const LEADING_OPS: [RegExp, TargetOp][] = [
  [/^(≥|≧|>=|＞=|=>|不低于|不少于|大于等于|大于或等于|至少|达到|高于等于)/, ">="],
  [/^(≤|≦|<=|＜=|=<|不高于|不超过|不多于|小于等于|小于或等于|低于等于|控制在)/, "<="],
  [/^(>|＞|大于|高于|超过)/, ">"],
  [/^(<|＜|小于|低于)/, "<"],
  [/^(=|＝|等于)/, "="],
];

// Words after the number that turn "95%" into "≥95%" (95%以上) or "≤95%" (95%以内).
const TRAILING_OPS: [RegExp, TargetOp][] = [
  [/^(及以上|以上|或以上|及其以上|以上（含）|\(含\)以上)/, ">="],
  [/^(及以下|以下|以内|之内|或以下|内)/, "<="],
];

// Units a target may carry, longest first so 万元/次 wins over 万元 and 人次 over 人.
const UNITS = [
  "百分比",
  "百分点",
  "%",
  "‰",
  "平方公里",
  "平方米",
  "立方米",
  "公里",
  "千米",
  "公顷",
  "亩",
  "米",
  "km",
  "m²",
  "㎡",
  "亿美元",
  "万美元",
  "亿元",
  "万元",
  "千元",
  "元",
  "万人次",
  "人次",
  "万人",
  "人天",
  "人",
  "户次",
  "户",
  "家次",
  "家",
  "个",
  "次",
  "项",
  "件",
  "场",
  "期",
  "篇",
  "份",
  "批",
  "套",
  "台",
  "张",
  "本",
  "册",
  "部",
  "辆",
  "条",
  "座",
  "所",
  "处",
  "宗",
  "类",
  "种",
  "支",
  "名",
  "组",
  "班",
  "门",
  "课时",
  "学时",
  "小时",
  "分钟",
  "工作日",
  "天",
  "日",
  "周",
  "月",
  "年",
  "季度",
  "吨",
  "千克",
  "公斤",
  "kg",
  "MB",
  "GB",
  "TB",
  "G",
  "M",
  "兆",
  "棵",
  "株",
  "只",
  "头",
  "块",
  "间",
  "栋",
  "幢",
  "层",
  "节",
  "站",
  "网点",
  "床",
  "册次",
  "分",
];

const UNIT_ALIASES: Record<string, string> = { 百分比: "%", "％": "%" };

function matchUnit(rest: string): { unit: string; length: number } | undefined {
  for (const u of UNITS) {
    if (rest.startsWith(u)) {
      let unit = u;
      let length = u.length;
      // Rate units such as 万元/次, 元/月, 万元/项.
      const per = /^[/／每]([\u4e00-\u9fa5]{1,2}|[a-zA-Z]+)/.exec(rest.slice(length));
      if (per && !/^(以|及|或)/.test(per[1]!)) {
        unit = `${u}/${per[1]}`;
        length += per[0].length;
      }
      return { unit: UNIT_ALIASES[unit] ?? unit, length };
    }
  }
  return undefined;
}

/** Dates and deadlines are qualitative: "12 月底前完成", "2021 年底之前", "6月30日前". */
const DEADLINE =
  /^\d{1,4}(年|月|季度)(底|末|初|中|份)?(前|之前|以前|内|完成)|^\d{1,2}月\d{1,2}日|^\d{4}年(\d{1,2}月)?/;

export function parseTarget(printed: string): Target {
  const raw = printed.trim();
  const target: Target = { raw };
  let s = normalizeNumberText(raw).replace(/％/g, "%");
  if (!s) return { raw, qualitative: true };

  let op: TargetOp | undefined;
  for (const [re, o] of LEADING_OPS) {
    const m = re.exec(s);
    if (m) {
      op = o;
      s = s.slice(m[0].length);
      break;
    }
  }
  const num = /^[+-]?(\d+(?:\.\d+)?|\.\d+)/.exec(s);
  if (!num || DEADLINE.test(s)) return { raw, qualitative: true };
  const value = Number(num[0]);
  let rest = s.slice(num[0].length);

  const unit = matchUnit(rest);
  if (unit) rest = rest.slice(unit.length);
  if (!op) {
    for (const [re, o] of TRAILING_OPS) {
      if (re.test(rest)) {
        op = o;
        break;
      }
    }
  }
  // A bare number followed by a long phrase with no unit ("3个工作日内完成" has one;
  // "2023年度完成" is a date) stays quantitative only when something tied it to a quantity.
  if (!unit && !op && /^[\u4e00-\u9fa5]{2,}/.test(rest) && !/^(以上|以下|以内)/.test(rest)) {
    return { raw, qualitative: true };
  }
  target.op = op ?? "=";
  target.value = value;
  if (unit) target.unit = unit.unit;
  return target;
}
