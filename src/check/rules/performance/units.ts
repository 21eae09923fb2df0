/** What kind of quantity an indicator measures, from its name and from the unit of its values. */
import { parseTarget, type Target } from "../../../model/target.ts";

export type Kind = "rate" | "count" | "money" | "area" | "time" | undefined;

const COUNT_UNITS = new Set([
  "个",
  "项",
  "次",
  "家",
  "人",
  "人次",
  "件",
  "篇",
  "场",
  "户",
  "名",
  "期",
  "批",
  "份",
  "套",
  "台",
  "辆",
  "处",
  "所",
  "座",
  "条",
  "册",
  "本",
  "部",
  "张",
  "类",
  "种",
  "万人次",
  "万人",
  "家次",
  "户次",
  "期",
  "门",
  "课时",
  "学时",
]);
const MONEY = /^(万元|亿元|元|千元|亿美元|万美元)(\/|$)/;

export function kindOfUnit(unit: string | undefined): Kind {
  if (!unit) return undefined;
  if (unit === "%" || unit === "‰" || unit === "百分点") return "rate";
  if (MONEY.test(unit)) return "money";
  if (/平方|公顷|亩|㎡|m²/.test(unit)) return "area";
  if (/^(天|日|小时|分钟|工作日|月|年|周|季度)$/.test(unit)) return "time";
  if (COUNT_UNITS.has(unit)) return "count";
  return undefined;
}

/** The unit an indicator's name declares in brackets: 数量（个）, 面积（平方米）, (%). */
export function declaredUnit(name: string): string | undefined {
  const m =
    /[（(]([^（()）]{1,4})[)）]\s*$/.exec(name.trim()) ??
    /[（(](%|％|个|项|次|家|人|人次|件|篇|场|户|名|万元|元|平方米|亩|天)[)）]/.exec(name);
  if (!m) return undefined;
  const u = m[1]!.replace("％", "%");
  return kindOfUnit(u) ? u : undefined;
}

/** What the indicator's name says it measures. */
export function kindOfName(name: string): Kind {
  const unit = declaredUnit(name);
  if (unit) return kindOfUnit(unit);
  const n = name.replace(/\s/g, "");
  // 效率 / 频率 are measured in time or counts (≤15分钟, ≥12次), and 及时性 as often in days as in %.
  if (/(?<![效频])(率|比例|占比|比重)(情况)?$|(?<![效频])率[（(]|占比情况/.test(n)) return "rate";
  if (/(个数|次数|人次|数量|件数|场次|户数|人数)(情况)?$/.test(n)) return "count";
  return undefined;
}

export const GRADE_KEYS = ["excellent", "good", "fair", "poor"] as const;
export const GRADE_LABEL = { excellent: "优", good: "良", fair: "中", poor: "差" } as const;

/** Targets parsed once per distinct text: the same grade strings repeat across hundreds of rows. */
const parsed = new Map<string, Target>();
export function parseCached(raw: string): Target {
  let t = parsed.get(raw);
  if (!t) {
    if (parsed.size > 20_000) parsed.clear();
    t = parseTarget(raw);
    parsed.set(raw, t);
  }
  return t;
}

type Grades = Partial<Record<(typeof GRADE_KEYS)[number], string>>;
export type ParsedGrade = { key: (typeof GRADE_KEYS)[number]; raw: string; t: Target };
const gradeCache = new WeakMap<Grades, ParsedGrade[]>();

/** The stated grades in order 优 良 中 差, parsed; computed once per grades object (six rules read them). */
export function parsedGrades(grades: Grades): ParsedGrade[] {
  const hit = gradeCache.get(grades);
  if (hit) return hit;
  const out = GRADE_KEYS.flatMap((key) => {
    const raw = grades[key]?.trim();
    return raw ? [{ key, raw, t: parseCached(raw) }] : [];
  });
  gradeCache.set(grades, out);
  return out;
}
