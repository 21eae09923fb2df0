/**
 * The explanation's sentences, generated from the numbers: amounts, changes
 * and rates go through numbers.ts (exact 分), so the text states exactly what
 * the tables print. Wording follows the standard phrasing of real
 * disclosures ("2021年收入预算总计X万元，比上年增加Y万元，增长Z%"), which is
 * also what the importer recognises.
 */
import { isCarriedForward, type Disclosure } from "../model/disclosure.ts";
import {
  addWan,
  changeClause,
  printPercent,
  printWan,
  ratePercent,
  subtractWan,
} from "./numbers.ts";
import { threePublicChange } from "./tables/standard.ts";

interface Words {
  /** 预算 / 决算 */
  kind: string;
  /** "2021年" or "本年" */
  year: string;
  /** "上年" */
  previous: string;
  /** "2020年预算数": how a stated previous amount is named. */
  previousNamed: string;
}

function words(d: Disclosure): Words {
  const kind = d.kind === "final" ? "决算" : "预算";
  return {
    kind,
    year: d.year ? `${d.year}年` : "本年",
    previous: "上年",
    previousNamed: d.year ? `${d.year - 1}年${kind}数` : `上年${kind}数`,
  };
}

/**
 * "，比上年增加X万元，增长Y%" from a stated change or from current and previous.
 * A rate is computed only from a stated previous amount: a change alone says
 * nothing about the base it was measured against.
 */
function versusPrevious(
  w: Words,
  current: number | undefined,
  previous: number | undefined,
  change?: number,
  rate?: number,
): string {
  const c = change ?? subtractWan(current, previous);
  if (c === undefined) return "";
  const r = rate ?? ratePercent(c, previous);
  const clause = changeClause(c, r);
  // A stated previous amount is named with its year, as real texts do ("比2020年预算数6.45万元增加…").
  const base = previous !== undefined ? `${w.previousNamed}${printWan(previous)}万元` : w.previous;
  return clause === "持平" ? `，与${base}持平` : `，比${base}${clause}`;
}

/** A rate stated without the amounts it came from ("，比上年增长27.82%"), so that it is not lost. */
function rateOnly(w: Words, rate: number | undefined): string {
  return rate === undefined
    ? ""
    : `，比${w.previous}${rate < 0 ? "下降" : "增长"}${printPercent(Math.abs(rate))}`;
}

/** "，主要原因是…" right after the change it explains (how real disclosures state it). */
function because(reason: string | undefined): string {
  const r = reason?.trim().replace(/[。；;，,\s]+$/, "");
  return r ? `，主要原因是${r.replace(/^(主要原因(是|为)?|原因(是|为)?)[：:，,]?/, "")}` : "";
}

export function incomeText(d: Disclosure): string[] {
  const income = d.income;
  if (!income) return [];
  const w = words(d);
  const total = income.total ?? addWan((income.items ?? []).map((i) => i.amount));
  const out: string[] = [];
  const lead = `${w.year}收入${w.kind}总计${printWan(total)}万元${versusPrevious(w, total, income.previousTotal, income.change, income.changeRate)}。`;
  const items = income.items ?? [];
  const parts = items.map((i) => `${i.label}${printWan(i.amount)}万元`);
  out.push(parts.length ? `${lead}其中：${parts.join("，")}。` : lead);
  return out;
}

/**
 * `expenditure.total` is 本年支出合计. It is the 支出总计 (the figure beside 收入总计) only
 * when nothing is carried forward; otherwise it is named as what it is, as 决算 texts do
 * ("本年支出合计2940.05万元" beside "收入支出总计2995.39万元").
 */
function expenditureTotalWords(d: Disclosure, w: Words): string {
  const carried = (d.expenditure?.otherItems ?? []).some(isCarriedForward);
  if (!carried) return `${w.year}支出${w.kind}总计`;
  return d.kind === "final" ? "本年支出合计" : "本年支出预算合计";
}

export function expenditureText(d: Disclosure): string[] {
  const e = d.expenditure;
  if (!e) return [];
  const w = words(d);
  const sentences: string[] = [];
  if (e.total !== undefined) {
    const versus =
      versusPrevious(w, e.total, e.previous?.total, e.change?.total, e.changeRate) ||
      rateOnly(w, e.changeRate);
    sentences.push(
      `${expenditureTotalWords(d, w)}${printWan(e.total)}万元${versus}${versus ? reasonOf(e.changeReason) : "。"}`,
    );
  }
  const parts: string[] = [];
  if (e.basic !== undefined) {
    const split = [
      e.personnel !== undefined ? `人员经费${printWan(e.personnel)}万元` : "",
      e.publicOperating !== undefined ? `日常公用经费${printWan(e.publicOperating)}万元` : "",
    ].filter(Boolean);
    parts.push(
      `基本支出${printWan(e.basic)}万元${split.length ? `（${split.join("，")}）` : ""}${versusPrevious(w, e.basic, e.previous?.basic, e.change?.basic)}`,
    );
  }
  if (e.project !== undefined)
    parts.push(
      `项目支出${printWan(e.project)}万元${versusPrevious(w, e.project, e.previous?.project, e.change?.project)}`,
    );
  for (const o of e.otherItems ?? [])
    if (!isCarriedForward(o)) parts.push(`${o.label}${printWan(o.amount)}万元`);
  if (parts.length) sentences.push(`其中：${parts.join("；")}。`);
  // Carried forward is not part of this year's expenditure: stated after it, not among its parts.
  const carried = (e.otherItems ?? [])
    .filter(isCarriedForward)
    .map((o) => `${o.label}${printWan(o.amount)}万元`);
  if (carried.length) sentences.push(`此外，${carried.join("，")}。`);
  const out = [sentences.join("")];
  if (
    e.changeReason &&
    (e.total === undefined ||
      !(
        versusPrevious(w, e.total, e.previous?.total, e.change?.total, e.changeRate) ||
        rateOnly(w, e.changeRate)
      ))
  ) {
    out.push(`增减变化的主要原因：${e.changeReason}`);
  }
  return out.filter(Boolean);
}

/**
 * The reason after the change of the total, closing its sentence: a reason
 * written as a sentence of its own (ending in 。) is printed as one, whole,
 * so that it reads back as written; a clause joins the change's sentence.
 */
function reasonOf(reason: string | undefined): string {
  const r = reason?.trim();
  if (r?.endsWith("。"))
    return `。主要原因是${r.replace(/^(主要原因(是|为)?|原因(是|为)?)[：:，,]?/, "")}`;
  return `${because(reason)}。`;
}

export function operatingCostsText(d: Disclosure): string[] {
  const o = d.operatingCosts;
  if (!o) return [];
  const w = words(d);
  const out: string[] = [];
  if (o.amount !== undefined) {
    const items = (o.items ?? []).map((i) => `${i.name}${printWan(i.amount)}万元`);
    const versus =
      versusPrevious(w, o.amount, o.previous, o.change, o.changeRate) || rateOnly(w, o.changeRate);
    out.push(
      `${w.year}机关运行经费${w.kind}${printWan(o.amount)}万元${versus}${versus ? because(o.explanation) : ""}。` +
        (items.length ? `其中：${items.join("、")}。` : ""),
    );
    if (o.explanation && !versus) out.push(o.explanation);
  } else if (o.explanation) out.push(o.explanation);
  return out;
}

export function threePublicText(d: Disclosure): string[] {
  const t = d.threePublic;
  if (!t) return [];
  const w = words(d);
  const change = threePublicChange(t);
  const p = t.previous;
  const out: string[] = [];
  if (t.total !== undefined) {
    const versus = versusPrevious(w, t.total, p?.total, change?.total, t.changeRate);
    // A rate stated without the amounts it came from is still printed, so that it is not lost.
    const rateOnly =
      !versus && t.changeRate !== undefined
        ? `，比${w.previous}${t.changeRate < 0 ? "下降" : "增长"}${printPercent(Math.abs(t.changeRate))}`
        : "";
    out.push(`${w.year}财政拨款“三公”经费${w.kind}${printWan(t.total)}万元${versus}${rateOnly}。`);
  }
  const parts: string[] = [];
  if (t.overseas !== undefined)
    parts.push(
      `因公出国（境）费${printWan(t.overseas)}万元${versusPrevious(w, t.overseas, p?.overseas, change?.overseas)}`,
    );
  const v = t.vehicle;
  if (v) {
    const split = [
      v.purchase !== undefined
        ? `公务用车购置费${printWan(v.purchase)}万元${versusPrevious(w, v.purchase, p?.vehicle?.purchase, change?.vehicle?.purchase)}`
        : "",
      v.operation !== undefined
        ? `公务用车运行费${printWan(v.operation)}万元${versusPrevious(w, v.operation, p?.vehicle?.operation, change?.vehicle?.operation)}`
        : "",
    ].filter(Boolean);
    const lead =
      v.total !== undefined
        ? `公务用车购置及运行费${printWan(v.total)}万元${versusPrevious(w, v.total, p?.vehicle?.total, change?.vehicle?.total)}`
        : "";
    parts.push([lead, split.length ? `其中：${split.join("，")}` : ""].filter(Boolean).join("，"));
  }
  if (t.reception !== undefined)
    parts.push(
      `公务接待费${printWan(t.reception)}万元${versusPrevious(w, t.reception, p?.reception, change?.reception)}`,
    );
  if (parts.length) out.push(`具体情况如下：${parts.map((s, i) => `${i + 1}．${s}`).join("；")}。`);
  for (const f of t.fundSources ?? []) out.push(`资金来源：${f.label}${printWan(f.amount)}万元。`);
  if (t.explanation) out.push(`增减变化原因：${t.explanation}`);
  return out;
}

export function procurementText(d: Disclosure): string[] {
  const p = d.procurement;
  const w = words(d);
  if (!p) return [];
  if (p.none) return [`本部门${w.year}无政府采购${w.kind}。`];
  const out: string[] = [];
  if (p.total !== undefined) {
    const sources = (p.fundSources ?? []).map((f) => `${f.label}${printWan(f.amount)}万元`);
    out.push(
      `${w.year}政府采购${w.kind}总额${printWan(p.total)}万元${sources.length ? `，其中：${sources.join("，")}` : ""}。`,
    );
  }
  const categories = ["货物", "工程", "服务"]
    .map((c) => ({
      c,
      sum: addWan((p.items ?? []).filter((i) => i.category === c).map((i) => i.amount)),
    }))
    .filter((x) => x.sum !== undefined);
  if (categories.length)
    out.push(
      `按采购类别分：${categories.map((x) => `${x.c}类${printWan(x.sum)}万元`).join("，")}。`,
    );
  if (p.items?.length) out.push("具体情况见下表。");
  return out;
}

export function assetsText(d: Disclosure): string[] {
  const a = d.assets;
  if (!a) return [];
  const out: string[] = [];
  const when = a.asOf
    ? `截至${a.asOf.slice(0, 4)}年${Number(a.asOf.slice(5, 7))}月${Number(a.asOf.slice(8, 10))}日，`
    : "";
  const t = a.total;
  if (t) {
    const parts = [
      t.quantity !== undefined ? `${t.quantity}项（件）` : "",
      t.originalValue !== undefined ? `原值${printWan(t.originalValue)}万元` : "",
      t.depreciation !== undefined ? `累计折旧${printWan(t.depreciation)}万元` : "",
      t.netValue !== undefined ? `净值${printWan(t.netValue)}万元` : "",
    ].filter(Boolean);
    if (parts.length) out.push(`${when}本部门国有资产${parts.join("，")}。`);
  } else if (when && a.items?.length) out.push(`${when}本部门国有资产占用情况见下表。`);
  const plan = a.plannedPurchases;
  if (plan?.text) out.push(plan.text);
  else if (plan?.amount !== undefined) out.push(`本年度拟购置资产${printWan(plan.amount)}万元。`);
  return out;
}

export { printPercent };
