/**
 * Plausibility checks run after every extractor: the figures a disclosure's
 * tables must satisfy (a 收支总表 balances, 基本 + 项目 = 合计, a part is not
 * larger than its whole, the text and the table state the same amount, no
 * amount is 10,000 times another it should equal). A figure that fails and that
 * no other relation vouches for is removed, with a diagnostic in Chinese saying
 * what disagreed and where: an absent figure is better than a wrong one.
 */
import { fenToWan, formatWan, wanToFen, type Fen } from "../model/amount.ts";
import { isCarriedForward, type Diagnostic, type Disclosure } from "../model/disclosure.ts";

const SECTION = "核对";

/** A figure the checks may vouch for or remove. */
export type Pointer =
  | "/income/total"
  | "/income/items"
  | "/expenditure/total"
  | "/expenditure/basic"
  | "/expenditure/project"
  | "/expenditure/personnel"
  | "/expenditure/publicOperating"
  | "/threePublic/total"
  | "/threePublic/overseas"
  | "/threePublic/vehicle/total"
  | "/threePublic/vehicle/purchase"
  | "/threePublic/vehicle/operation"
  | "/threePublic/reception"
  | "/operatingCosts/amount";

const NAMES: Record<Pointer, string> = {
  "/income/total": "收入总计",
  "/income/items": "收入分项",
  "/expenditure/total": "支出合计",
  "/expenditure/basic": "基本支出",
  "/expenditure/project": "项目支出",
  "/expenditure/personnel": "人员经费",
  "/expenditure/publicOperating": "公用经费",
  "/threePublic/total": "“三公”经费合计",
  "/threePublic/overseas": "因公出国（境）费",
  "/threePublic/vehicle/total": "公务用车购置及运行维护费",
  "/threePublic/vehicle/purchase": "公务用车购置费",
  "/threePublic/vehicle/operation": "公务用车运行维护费",
  "/threePublic/reception": "公务接待费",
  "/operatingCosts/amount": "机关运行经费",
};

/** The same figure read a second time, from the text. */
interface Witness {
  pointer: Pointer;
  fen: Fen;
  line: number;
}

const witnesses = new WeakMap<Disclosure, Witness[]>();

/**
 * Records that the text states `fen` for the figure at `pointer` (read from a
 * table, or from elsewhere in the text). The checks compare the two.
 */
export function witness(disclosure: Disclosure, pointer: Pointer, fen: Fen, line: number): void {
  const list = witnesses.get(disclosure) ?? [];
  list.push({ pointer, fen, line });
  witnesses.set(disclosure, list);
}

type Diagnose = (
  level: Diagnostic["level"],
  message: string,
  section?: string,
  line?: number,
) => void;

/** What each check works with. */
interface Run {
  f: Figures;
  seen: Witness[];
  diagnose: Diagnose;
  /** Removes a figure and its source-map entries. */
  drop(p: Pointer): void;
  /** " (第N行)" for a figure the source map places, else "". */
  at(p: Pointer): string;
  line(p: Pointer): number | undefined;
}

/** Rounding tails: 万元 tables rounded from 元 differ by a cent (0.01万元) per figure added. */
const TAIL = 10_000n;

const abs = (a: Fen) => (a < 0n ? -a : a);
const leaf = (p: Pointer) => p.slice(p.lastIndexOf("/") + 1);

/** Equal to the printed cent, however many figures were added to get either. */
export function agree(a: Fen, b: Fen, terms = 1): boolean {
  return abs(a - b) <= TAIL * BigInt(Math.max(1, terms)) || formatWan(a) === formatWan(b);
}

/** One amount is 10,000 times the other (元 read as 万元 or the reverse), to the printed cent. */
export function unitSlip(a: Fen, b: Fen): boolean {
  if (a === 0n || b === 0n) return false;
  const [small, large] = abs(a) < abs(b) ? [abs(a), abs(b)] : [abs(b), abs(a)];
  return abs(small * 10_000n - large) <= 10_000n * TAIL;
}

/** Reads and removes the checked figures of a disclosure. */
class Figures {
  constructor(readonly d: Disclosure) {}

  get(p: Pointer): Fen | undefined {
    if (p === "/income/items") {
      const items = this.d.income?.items;
      return items?.length ? items.reduce((a, i) => a + wanToFen(i.amount), 0n) : undefined;
    }
    const v = this.parent(p)?.[leaf(p)];
    return typeof v === "number" ? wanToFen(v) : undefined;
  }

  set(p: Pointer, fen: Fen): void {
    const holder = this.parent(p);
    if (holder) holder[leaf(p)] = fenToWan(fen);
  }

  /** Deletes the figure, and the objects it leaves empty. */
  remove(p: Pointer): void {
    const keys = p.split("/").slice(1);
    const chain: Record<string, unknown>[] = [this.d as unknown as Record<string, unknown>];
    for (const k of keys.slice(0, -1)) {
      const next = chain[chain.length - 1]![k];
      if (!next || typeof next !== "object") return;
      chain.push(next as Record<string, unknown>);
    }
    delete chain[chain.length - 1]![keys[keys.length - 1]!];
    for (let i = chain.length - 1; i > 0 && !Object.keys(chain[i]!).length; i--)
      delete chain[i - 1]![keys[i - 1]!];
  }

  private parent(p: Pointer): Record<string, unknown> | undefined {
    let at: unknown = this.d;
    for (const k of p.split("/").slice(1, -1)) {
      if (!at || typeof at !== "object") return undefined;
      at = (at as Record<string, unknown>)[k];
    }
    return at && typeof at === "object" ? (at as Record<string, unknown>) : undefined;
  }

  /** 结转下年 and the like: printed below 本年支出合计, not part of it. */
  carried(): Fen {
    const items = this.d.expenditure?.otherItems ?? [];
    return items.filter(isCarriedForward).reduce((a, i) => a + wanToFen(i.amount), 0n);
  }

  /** 上缴上级支出, 对附属单位补助支出 …: parts of 本年支出合计 besides 基本 and 项目. */
  otherParts(): Fen {
    const items = this.d.expenditure?.otherItems ?? [];
    return items.filter((i) => !isCarriedForward(i)).reduce((a, i) => a + wanToFen(i.amount), 0n);
  }
}

/** An equality between figures: `whole` = Σ `parts` (+ a constant the disclosure adds). */
interface Equation {
  name: string;
  whole: Pointer;
  parts: Pointer[];
  extra: (f: Figures) => Fen;
  /** Whether a failure may remove figures: only when no unread figure can explain the gap. */
  strict: (whole: Fen, sum: Fen) => boolean;
  /** Parts that may be absent (not stated, or zero): counted as 0 while two are present. */
  optional?: boolean;
}

const EQUATIONS: Equation[] = [
  {
    name: "收支总表收支平衡（收入总计 = 本年支出合计 + 结转下年）",
    whole: "/income/total",
    parts: ["/expenditure/total"],
    extra: (f) => f.carried(),
    // A 上年结转 on the income side with its 结转下年 not read leaves a gap: only a gross one counts.
    strict: (whole, sum) =>
      unitSlip(whole, sum) || abs(whole) > 3n * abs(sum) || abs(sum) > 3n * abs(whole),
  },
  {
    name: "基本支出 + 项目支出 = 支出合计",
    whole: "/expenditure/total",
    parts: ["/expenditure/basic", "/expenditure/project"],
    extra: (f) => f.otherParts(),
    strict: () => true,
  },
  {
    name: "收入各项之和 = 收入总计",
    whole: "/income/total",
    parts: ["/income/items"],
    extra: () => 0n,
    // Rows the reader missed leave the items short; items above the total are wrong.
    strict: (whole, sum) => unitSlip(whole, sum) || sum > whole,
  },
  {
    name: "“三公”经费 = 因公出国（境）费 + 公务用车费 + 公务接待费",
    whole: "/threePublic/total",
    parts: ["/threePublic/overseas", "/threePublic/vehicle/total", "/threePublic/reception"],
    // Without a 公务用车 total, its 购置 and 运行维护 stand for it.
    extra: (f) =>
      f.get("/threePublic/vehicle/total") === undefined
        ? (f.get("/threePublic/vehicle/purchase") ?? 0n) +
          (f.get("/threePublic/vehicle/operation") ?? 0n)
        : 0n,
    optional: true,
    // With a part not read, only parts above the total are sure to be wrong.
    strict: (whole, sum) => sum > whole,
  },
  {
    name: "公务用车费 = 购置费 + 运行维护费",
    whole: "/threePublic/vehicle/total",
    parts: ["/threePublic/vehicle/purchase", "/threePublic/vehicle/operation"],
    extra: () => 0n,
    strict: () => true,
  },
];

/**
 * A part that may not exceed its whole; `proper` when it may not equal it either
 * (the "三公" or 机关运行经费 are never a department's whole expenditure).
 */
const PARTS: [Pointer, Pointer, "proper"?][] = [
  ["/expenditure/basic", "/expenditure/total"],
  ["/expenditure/project", "/expenditure/total"],
  ["/expenditure/personnel", "/expenditure/basic"],
  ["/expenditure/publicOperating", "/expenditure/basic"],
  ["/threePublic/total", "/expenditure/total", "proper"],
  ["/operatingCosts/amount", "/expenditure/total", "proper"],
  ["/threePublic/overseas", "/threePublic/total"],
  ["/threePublic/vehicle/total", "/threePublic/total"],
  ["/threePublic/reception", "/threePublic/total"],
  ["/threePublic/vehicle/purchase", "/threePublic/vehicle/total"],
  ["/threePublic/vehicle/operation", "/threePublic/vehicle/total"],
];

interface Outcome {
  eq: Equation;
  whole: Fen;
  sum: Fen;
  ok: boolean;
}

function evaluate(f: Figures, eq: Equation): Outcome | undefined {
  const whole = f.get(eq.whole);
  const parts = eq.parts.map((p) => f.get(p));
  const present = parts.filter((p) => p !== undefined).length;
  if (whole === undefined || present < (eq.optional ? 2 : parts.length)) return undefined;
  const sum = parts.reduce<Fen>((a, p) => a + (p ?? 0n), 0n) + eq.extra(f);
  return { eq, whole, sum, ok: agree(whole, sum, eq.parts.length) };
}

/** Figures some satisfied equation or agreeing text statement vouches for. */
function vouched(f: Figures, seen: Witness[]): Set<Pointer> {
  const out = new Set<Pointer>();
  for (const eq of EQUATIONS) {
    const o = evaluate(f, eq);
    if (o?.ok) for (const p of [eq.whole, ...eq.parts]) out.add(p);
  }
  for (const w of seen) {
    const v = f.get(w.pointer);
    if (v !== undefined && agree(v, w.fen)) out.add(w.pointer);
  }
  return out;
}

const wan = (fen: Fen) => `${formatWan(fen)}万元`;

/**
 * Runs every check over a disclosure whose extractors have all run, removing
 * figures that fail and that nothing vouches for; `sourceMap` loses their entries.
 */
export function checkPlausibility(
  disclosure: Disclosure,
  diagnose: Diagnose,
  sourceMap?: Record<string, unknown>,
): void {
  const f = new Figures(disclosure);
  const map = (sourceMap ?? {}) as Record<string, { line?: number } | undefined>;
  const line = (p: Pointer) => (map[p] ?? map[`${p}/0/amount`])?.line;
  const run: Run = {
    f,
    seen: witnesses.get(disclosure) ?? [],
    diagnose,
    drop(p) {
      f.remove(p);
      for (const key of Object.keys(map)) if (key.startsWith(p)) delete map[key];
    },
    line,
    at: (p) => (line(p) ? `（第${line(p)}行）` : ""),
  };
  // The text's figure replaces a table's that fits nothing when it fits; a part above its
  // whole goes first (it would spoil the sums), then what the equations doubt; a
  // disagreement still standing removes the table's figure.
  checkWitnesses(run, false);
  checkParts(run);
  checkEquations(run);
  checkWitnesses(run, true);
}

/** A figure the text states differently: kept when vouched for, the text's when that one fits, else removed. */
function checkWitnesses({ f, seen, diagnose, drop, at }: Run, removing: boolean): void {
  for (const w of seen) {
    const value = f.get(w.pointer);
    if (value === undefined || agree(value, w.fen)) continue;
    const name = NAMES[w.pointer];
    const slip = unitSlip(value, w.fen) ? "，相差一万倍，应是金额单位（元/万元）用错" : "";
    const where = `表格${at(w.pointer)}为${wan(value)}，文字说明（第${w.line}行）为${wan(w.fen)}${slip}`;
    const others = seen.filter((x) => x !== w);
    if (vouched(f, others).has(w.pointer)) continue; // the extractor has said so; the table stands
    // The text's figure satisfies an equation the table's does not: take it.
    f.set(w.pointer, w.fen);
    if (vouched(f, others).has(w.pointer)) {
      diagnose(
        "warning",
        `${name}：${where}；文字说明的数与其他数据相符，采用文字说明数（the text's figure fits the other figures and is kept）`,
        SECTION,
        w.line,
      );
      continue;
    }
    f.set(w.pointer, value);
    if (!removing) continue;
    drop(w.pointer);
    diagnose(
      "warning",
      `${name}：${where}，无法判断哪个正确，该数未导入（table and text disagree and nothing tells which is right: the figure is left out）`,
      SECTION,
      w.line,
    );
  }
}

function checkEquations({ f, seen, diagnose, drop, at, line }: Run): void {
  for (const eq of EQUATIONS) {
    const o = evaluate(f, eq);
    if (!o || o.ok) continue;
    const slip = unitSlip(o.whole, o.sum) ? "，相差一万倍，应是金额单位（元/万元）用错" : "";
    const sides = eq.parts.map((p) => `${NAMES[p]}${at(p)}`).join("、");
    const what = `${eq.name}不成立：${NAMES[eq.whole]}${at(eq.whole)}为${wan(o.whole)}，${sides}合计${wan(o.sum)}${slip}`;
    const where = line(eq.whole);
    const sure = vouched(f, seen);
    const doubtful = [eq.whole, ...eq.parts].filter((p) => !sure.has(p));
    if (!eq.strict(o.whole, o.sum) || !doubtful.length) {
      diagnose("info", `${what}（figures that should be equal are not）`, SECTION, where);
      continue;
    }
    for (const p of doubtful) drop(p);
    diagnose(
      "warning",
      `${what}；无法判断哪个数正确，未导入${doubtful.map((p) => NAMES[p]).join("、")}（figures that should be equal are not; the doubtful ones are left out）`,
      SECTION,
      where,
    );
  }
}

function checkParts({ f, seen, diagnose, drop, at, line }: Run): void {
  for (const [part, whole, proper] of PARTS) {
    const a = f.get(part);
    const b = f.get(whole);
    if (a === undefined || b === undefined) continue;
    if (proper ? a < b && !agree(a, b) : a <= b || agree(a, b)) continue;
    const sure = vouched(f, seen);
    // The whole vouched for: the part is wrong; the part vouched for: the whole; else both.
    const doubtful = sure.has(whole) ? [part] : sure.has(part) ? [whole] : [part, whole];
    const slip = unitSlip(a, b) ? "，相差一万倍，应是金额单位（元/万元）用错" : "";
    const relation = a > b ? "大于" : "等于";
    const message = `${NAMES[part]}${at(part)}${wan(a)}${relation}${NAMES[whole]}${at(whole)}${wan(b)}${slip}，未导入${doubtful.map((p) => NAMES[p]).join("、")}（a part ${a > b ? "larger than" : "as large as"} its whole: the doubtful figure is left out）`;
    const where = line(part);
    for (const p of doubtful) drop(p);
    diagnose("warning", message, SECTION, where);
  }
}
