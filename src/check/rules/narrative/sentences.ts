/**
 * The explanation text as sentences, each with its source line and the topic
 * of the section it sits in (三公, 机关运行经费, 收入 …), and an index of the
 * disclosure's named amounts so a number in the text can be tied to its subject.
 */
import { normalizeNumberText, parseAmount, type Fen } from "../../../model/amount.ts";
import type { CheckContext } from "../../context.ts";
import type { Disclosure } from "../../../model/disclosure.ts";
import type { NarrativeLine } from "../../types.ts";

export type Topic =
  | "threePublic"
  | "operatingCosts"
  | "procurement"
  | "assets"
  | "income"
  | "expenditure"
  | "performance"
  | "other";

export interface Sentence {
  text: string;
  line?: number;
  topic: Topic;
}

const TOPICS: [RegExp, Topic][] = [
  [/三公/, "threePublic"],
  [/机关运行/, "operatingCosts"],
  [/采购/, "procurement"],
  [/资产/, "assets"],
  [/绩效/, "performance"],
  [/收入/, "income"],
  [/支出|预算|收支/, "expenditure"],
];

export function topicOf(text: string): Topic | undefined {
  for (const [re, t] of TOPICS) if (re.test(text)) return t;
  return undefined;
}

const HEADING =
  /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/;

const cache = new WeakMap<CheckContext, Sentence[]>();

/** Sentences of the running text; falls back to the explanation fields of the disclosure. */
export function sentencesOf(ctx: CheckContext): Sentence[] {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const out: Sentence[] = [];
  if (ctx.narrative?.length) {
    let topic: Topic = "other";
    for (const para of paragraphs(ctx.narrative)) {
      const text = para.text;
      if (HEADING.test(text) && text.length < 60) topic = topicOf(text) ?? "other";
      for (const s of split(text)) out.push({ text: s, line: para.line, topic });
    }
  } else {
    const d = ctx.d;
    const fields: [string | undefined, string, Topic][] = [
      [d.expenditure?.changeReason, "/expenditure/changeReason", "expenditure"],
      [d.threePublic?.explanation, "/threePublic/explanation", "threePublic"],
      [d.operatingCosts?.explanation, "/operatingCosts/explanation", "operatingCosts"],
      [d.otherNotes, "/otherNotes", "other"],
    ];
    for (const [text, path, topic] of fields) {
      if (!text) continue;
      const line = d.sourceMap?.[path]?.line;
      for (const s of split(text.replace(/\s+/g, "")))
        out.push({ text: s, ...(line ? { line } : {}), topic });
    }
    // The cited wording of values is explanation text too ("较2020年增加…").
    for (const [path, ref] of Object.entries(d.sourceMap ?? {})) {
      if (!ref.text || ref.text.length < 8 || !/[\u4e00-\u9fa5]{4,}/.test(ref.text)) continue;
      for (const s of split(ref.text.replace(/\s+/g, "")))
        out.push({ text: s, line: ref.line, topic: topicFromPath(path) });
    }
  }
  cache.set(ctx, out);
  return out;
}

function topicFromPath(path: string): Topic {
  const head = path.split("/")[1] ?? "";
  return (
    (
      [
        "threePublic",
        "operatingCosts",
        "procurement",
        "assets",
        "income",
        "expenditure",
        "performance",
      ] as const
    ).find((t) => t === head) ?? "other"
  );
}

/**
 * Text blocks joined back into paragraphs: a block that does not end a sentence
 * continues on the next one (readers break at line ends and page breaks), unless
 * the next one starts a new numbered heading.
 */
function paragraphs(lines: NarrativeLine[]): NarrativeLine[] {
  const out: NarrativeLine[] = [];
  let open = false;
  for (const l of lines) {
    const text = l.text.replace(/\s+/g, "");
    if (!text) continue;
    const last = out[out.length - 1];
    if (open && last && !HEADING.test(text) && last.text.length < 4000) last.text += text;
    else out.push({ line: l.line, text });
    open = !/[。；;！？：:]$/.test(text) && !(HEADING.test(text) && text.length < 60);
  }
  return out;
}

/** Sentences; a sentence that only continues the comparison ("与上年相比增加…") stays with the one before. */
function split(text: string): string[] {
  // "；" separates the clauses of one statement (its year still applies), so only 。！？ end a sentence.
  const parts = text
    .split(/(?<=[。！？])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const out: string[] = [];
  for (const p of parts) {
    if (out.length && /^((与|比|较|同|和)(上年|上一年|去年|\d{4}年)|其中)/.test(p))
      out[out.length - 1] += p;
    else out.push(p);
  }
  return out;
}

/** A number as printed in running text, with its unit, in 分 and with its printed decimals in 万元. */
export interface TextAmount {
  fen: Fen;
  places: number;
  raw: string;
}

export function textAmount(number: string, unit: string): TextAmount | undefined {
  const clean = normalizeNumberText(number);
  const u = unit === "元" ? "元" : unit === "亿元" ? "亿元" : "万元";
  const fen = parseAmount(clean, u);
  if (fen === undefined) return undefined;
  const dec = /\.(\d+)/.exec(clean)?.[1]?.length ?? 0;
  const places = u === "元" ? dec + 4 : u === "亿元" ? Math.max(0, dec - 4) : dec;
  return { fen, places: Math.min(6, places), raw: number };
}

/** Never the tail of a longer figure: "1,541.50.00 万元" (pool P064, a typo) is no 50.00 万元. */
export const NUM = String.raw`(?<![\d.])(\d[\d,，]*(?:\.\d+)?)`;
/** A money unit; a bare 万 at the end of a paragraph is 万元 whose 元 fell on the next line or page. */
export const UNIT = String.raw`(亿元|万元|元|万(?=$|[，。；,、）)]))`;

/** Something in the disclosure the text may speak about: a name, the pointer of its amount, and of its change. */
export interface Subject {
  names: string[];
  path: string;
  value: number;
  changePath?: string;
  topic: Topic;
}

const subjectCache = new WeakMap<CheckContext, Subject[]>();

export function subjectsOf(ctx: CheckContext): Subject[] {
  const hit = subjectCache.get(ctx);
  if (hit) return hit;
  const s: Subject[] = [];
  const add: AddSubject = (names, path, value, topic, changePath) => {
    if (typeof value === "number")
      s.push({ names, path, value, topic, ...(changePath ? { changePath } : {}) });
  };
  addBudgetSubjects(ctx.d, add);
  addThreePublicSubjects(ctx.d, add);
  addOtherSubjects(ctx.d, add);
  subjectCache.set(ctx, s);
  return s;
}

type AddSubject = (
  names: string[],
  path: string,
  value: number | undefined,
  topic: Topic,
  changePath?: string,
) => void;

/** Totals of expenditure and income, their parts and named items. */
function addBudgetSubjects(d: Disclosure, add: AddSubject): void {
  const e = d.expenditure;
  add(
    ["支出", "支出总额", "支出合计", "支出预算", "部门预算"],
    "/expenditure/total",
    e?.total,
    "expenditure",
    "/expenditure/change/total",
  );
  add(["基本支出"], "/expenditure/basic", e?.basic, "expenditure", "/expenditure/change/basic");
  add(
    ["项目支出"],
    "/expenditure/project",
    e?.project,
    "expenditure",
    "/expenditure/change/project",
  );
  add(["人员经费"], "/expenditure/personnel", e?.personnel, "expenditure");
  add(["公用经费"], "/expenditure/publicOperating", e?.publicOperating, "expenditure");
  e?.otherItems?.forEach((o, i) =>
    add([o.label], `/expenditure/otherItems/${i}`, o.amount, "expenditure"),
  );
  add(
    ["收入", "收入总额", "收入总计", "收入预算"],
    "/income/total",
    d.income?.total,
    "income",
    "/income/change",
  );
  d.income?.items?.forEach((it, i) => add([it.label], `/income/items/${i}`, it.amount, "income"));
}

/** The "三公" total and its items. */
function addThreePublicSubjects(d: Disclosure, add: AddSubject): void {
  const t = d.threePublic;
  add(["三公"], "/threePublic/total", t?.total, "threePublic", "/threePublic/change/total");
  add(
    ["因公出国"],
    "/threePublic/overseas",
    t?.overseas,
    "threePublic",
    "/threePublic/change/overseas",
  );
  add(
    ["公务用车购置及运行"],
    "/threePublic/vehicle/total",
    t?.vehicle?.total,
    "threePublic",
    "/threePublic/change/vehicle/total",
  );
  add(
    ["公务用车购置", "车辆购置"],
    "/threePublic/vehicle/purchase",
    t?.vehicle?.purchase,
    "threePublic",
    "/threePublic/change/vehicle/purchase",
  );
  add(
    ["公务用车运行", "车辆运行"],
    "/threePublic/vehicle/operation",
    t?.vehicle?.operation,
    "threePublic",
    "/threePublic/change/vehicle/operation",
  );
  add(
    ["公务接待"],
    "/threePublic/reception",
    t?.reception,
    "threePublic",
    "/threePublic/change/reception",
  );
}

/** 机关运行经费, 政府采购, function lines and projects. */
function addOtherSubjects(d: Disclosure, add: AddSubject): void {
  add(
    ["机关运行经费"],
    "/operatingCosts/amount",
    d.operatingCosts?.amount,
    "operatingCosts",
    "/operatingCosts/change",
  );
  add(["政府采购"], "/procurement/total", d.procurement?.total, "procurement");
  d.expenditureByFunction?.forEach((l, i) =>
    add([l.name.replace(/\s/g, "")], `/expenditureByFunction/${i}`, l.total, "expenditure"),
  );
  d.performance?.projects?.forEach((p, i) =>
    add([p.name.replace(/\s/g, "")], `/performance/projects/${i}`, p.budget, "performance"),
  );
}

const ROOT: Record<Topic, string> = {
  threePublic: "/threePublic",
  operatingCosts: "/operatingCosts",
  procurement: "/procurement",
  assets: "/assets",
  income: "/income",
  expenditure: "/expenditure",
  performance: "/performance",
  other: "/otherNotes",
};

/**
 * The subject a printed amount in a sentence speaks about: one whose value is
 * that amount and whose name appears before it in the sentence; else one whose
 * value is that amount in the sentence's topic; else the topic's part.
 */
export function resolveSubject(
  ctx: CheckContext,
  sentence: Sentence,
  before: string,
  amount: TextAmount | undefined,
): { subject?: Subject; path: string } {
  const subjects = subjectsOf(ctx);
  if (amount) {
    const tol = 10n ** BigInt(6 - amount.places) / 2n + 5000n;
    const equal = subjects.filter((s) => {
      const d = ctx.fen(s.value) - amount.fen;
      return d <= tol && -d <= tol;
    });
    const named = equal.filter((s) => s.names.some((n) => n && before.includes(n)));
    const pick =
      named.sort((a, b) => lastIndex(before, b) - lastIndex(before, a))[0] ??
      equal.find((s) => s.topic === sentence.topic);
    if (pick) return { subject: pick, path: pick.path };
  }
  return { path: ROOT[topicFor(sentence, before)] };
}

/** The topic a claim is about: a specific subject named before it, else its section, else any subject named. */
export function topicFor(sentence: Sentence, before: string): Topic {
  const named = topicOf(before);
  // "预算" alone names no part; 收入, 三公, 机关运行 … do.
  if (named && named !== "expenditure") return named;
  if (sentence.topic !== "other") return sentence.topic;
  return named ?? "other";
}

function lastIndex(text: string, s: Subject): number {
  return Math.max(...s.names.map((n) => (n ? text.lastIndexOf(n) : -1)));
}
