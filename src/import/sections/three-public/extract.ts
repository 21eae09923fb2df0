/**
 * The “三公”经费 part: figures from its table and its paragraph, by mode (this
 * year, last year, the change), with fund sources, change rate and reason.
 */
import { fenToWan } from "../../../model/amount.ts";
import type { ThreePublic } from "../../../model/disclosure.ts";
import type { ExtractContext, PartExtractor } from "../context.ts";
import { readNarrative, type Key, type Mode } from "./narrative.ts";
import { readTable } from "./table.ts";
import type { TableValue } from "./labels.ts";
import { sectionText, type SectionText } from "../../toolkit/section-text.ts";

type Amounts = Omit<
  ThreePublic,
  "previous" | "change" | "changeRate" | "fundSources" | "explanation"
>;

type Value = TableValue;

/** Reads “三公”经费 from its table and its paragraph; the table's figures win where both state one. */
export const extractThreePublic: PartExtractor = {
  name: "“三公”经费",
  run(ctx) {
    const found = new Map<string, Value>();
    const out: ThreePublic = {};
    readFromTable(ctx, found, out);
    const sections = sectionText(
      ctx.doc,
      /三公/,
      /名词解释|^[\d一二三四五六七八九十]+[、.．]?“?三公”?经费[:：]指|：指|是指/,
    );
    readFromNarrative(ctx, sections, found, out);
    if (found.size === 0) {
      // A heading with a body but no figure in it is worth a look; no 三公 part at all is only noted.
      const at = sections.find((sec) => sec.text.length > 40);
      if (at)
        ctx.diagnose(
          "warning",
          `第 ${at.heading} 行的“三公”经费部分未能读出金额（三公 section found, no amounts read）`,
          "threePublic",
          at.heading,
        );
      else
        ctx.diagnose(
          "info",
          "未找到“三公”经费表或说明（no 三公 table or paragraph found）",
          "threePublic",
        );
      return;
    }
    Object.assign(out, amountsOf(ctx, found, "current", "/threePublic"));
    const previous = amountsOf(ctx, found, "previous", "/threePublic/previous");
    if (previous) out.previous = previous;
    const change = amountsOf(ctx, found, "change", "/threePublic/change");
    if (change) out.change = change;
    if (
      out.total === undefined &&
      out.overseas === undefined &&
      out.reception === undefined &&
      !out.vehicle
    ) {
      ctx.diagnose(
        "warning",
        "找到“三公”经费说明，但未能读出本年金额（三公 section found, no current amounts read）",
        "threePublic",
      );
    }
    ctx.disclosure.threePublic = inFormatOrder(out);
  },
};

/** The table's figures, fund sources and change rate. */
function readFromTable(ctx: ExtractContext, found: Map<string, Value>, out: ThreePublic): void {
  const table = readTable(ctx);
  if (!table) return;
  for (const [k, v] of table.values) found.set(k, v);
  if (table.fundSources?.length) out.fundSources = table.fundSources;
  if (table.changeRate) {
    out.changeRate = table.changeRate.value;
    ctx.cite("/threePublic/changeRate", table.changeRate.line, table.changeRate.raw);
  }
}

/** The first paragraph with figures: those the table did not give, its change rate, fund sources and reason. */
function readFromNarrative(
  ctx: ExtractContext,
  sections: SectionText[],
  found: Map<string, Value>,
  out: ThreePublic,
): void {
  for (const sec of sections) {
    const n = readNarrative(sec.text, ctx.disclosure.year);
    if (n.values.length === 0) continue;
    for (const v of n.values) {
      const id = `${v.mode}:${v.key}`;
      if (!found.has(id)) found.set(id, { fen: v.fen, line: sec.lineAt(v.index), raw: v.raw });
    }
    if (n.changeRate && out.changeRate === undefined) {
      out.changeRate = n.changeRate.value;
      ctx.cite("/threePublic/changeRate", sec.lineAt(n.changeRate.index), n.changeRate.raw);
    }
    if (n.fundSources && !out.fundSources) {
      out.fundSources = n.fundSources.map((f, i) => {
        ctx.cite(`/threePublic/fundSources/${i}/amount`, sec.lineAt(f.index), f.raw);
        return { label: f.label, amount: fenToWan(f.fen) };
      });
    }
    if (n.explanation) {
      out.explanation = n.explanation.text;
      ctx.cite("/threePublic/explanation", sec.lineAt(n.explanation.index), n.explanation.text);
    }
    return;
  }
}

/** The five amounts of one mode (this year, last year, the change), cited under `base`. */
function amountsOf(
  ctx: ExtractContext,
  found: Map<string, Value>,
  mode: Mode,
  base: string,
): Amounts | undefined {
  const a: Amounts = {};
  const get = (key: Key, path: string) => {
    const v = found.get(`${mode}:${key}`);
    if (!v) return undefined;
    ctx.cite(`${base}/${path}`, v.line, v.raw);
    return fenToWan(v.fen);
  };
  const total = get("total", "total");
  if (total !== undefined) a.total = total;
  const overseas = get("overseas", "overseas");
  if (overseas !== undefined) a.overseas = overseas;
  const vt = get("vehicle", "vehicle/total");
  const vp = get("purchase", "vehicle/purchase");
  const vo = get("operation", "vehicle/operation");
  if (vt !== undefined || vp !== undefined || vo !== undefined) {
    a.vehicle = {};
    if (vt !== undefined) a.vehicle.total = vt;
    if (vp !== undefined) a.vehicle.purchase = vp;
    if (vo !== undefined) a.vehicle.operation = vo;
  }
  const reception = get("reception", "reception");
  if (reception !== undefined) a.reception = reception;
  return Object.keys(a).length ? a : undefined;
}

/** Fields before fundSources/explanation, as format.md lists them. */
function inFormatOrder(out: ThreePublic): ThreePublic {
  const ordered: ThreePublic = {};
  for (const k of [
    "total",
    "overseas",
    "vehicle",
    "reception",
    "previous",
    "change",
    "changeRate",
    "fundSources",
    "explanation",
  ] as const) {
    if (out[k] !== undefined) (ordered as Record<string, unknown>)[k] = out[k];
  }
  return ordered;
}
