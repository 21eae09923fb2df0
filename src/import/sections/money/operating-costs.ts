/**
 * The 机关运行经费 part: the amount (from its table or the text), its items, change and reason.
 */
import { fenToWan, formatWan, parseAmount, type Fen } from "../../../model/amount.ts";
import type { OperatingCosts } from "../../../model/disclosure.ts";
import type { ExtractContext, PartExtractor } from "../context.ts";
import {
  AMT,
  amountOf,
  changeEvents,
  lineAt,
  narrativeStream,
  sentenceEnd,
  type Stream,
} from "./narrative.ts";
import { findTableRegions, rowLabel, rowNumbers, tokenAmount } from "./standard-tables.ts";
import { headingRank } from "../../toolkit/section-text.ts";

const SECTION = "机关运行经费";
const AMOUNT = new RegExp(AMT);

interface Found {
  fen: Fen;
  line: number;
  text: string;
  /** Offset in the narrative stream, for statements. */
  index?: number;
}

/**
 * The narrative statement: the first mention of 机关运行经费 (not a definition
 * "机关运行经费：指…") followed in the same sentence by an amount, e.g.
 * "三、机关运行经费安排情况 2020年开发区各部门公用经费支出1059万元".
 */
export function readNarrativeOperatingCosts(stream: Stream): Found | undefined {
  // The full name first: a bare 运行经费 ("信息系统运行经费20万元") may be something else.
  return statementOf(stream, /机关运行经费/g) ?? statementOf(stream, /运行经费/g);
}

function statementOf(stream: Stream, re: RegExp): Found | undefined {
  const text = stream.text;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (/^[）)]?[：:]?(?:是|是指|指)/.test(after)) continue;
    // "公务用车（购置及）运行经费", "车辆运行经费" are 三公 items, not the 机关运行经费.
    if (/车(?:辆)?(?:购置)?[及和与]?$/.test(text.slice(Math.max(0, m.index - 6), m.index)))
      continue;
    const end = Math.min(sentenceEnd(text, m.index), m.index + 120);
    const window = text.slice(m.index, end);
    const a = AMOUNT.exec(window);
    if (!a) continue;
    // "…机关运行经费预算表 … 单位：万元" is a table title, not a statement.
    const lead = window.slice(0, a.index);
    if (/表/.test(lead) && !/情况|说明|安排/.test(lead)) continue;
    // Other figures between the name and the amount: a table's cells, not a statement.
    if (/\d/.test(lead.replace(/\d{4}年度?/g, ""))) continue;
    const fen = amountOf(a[1]!, a[2]!);
    if (fen === undefined) continue;
    return { fen, line: lineAt(stream, m.index + a.index), text: a[0], index: m.index + a.index };
  }
  return undefined;
}

/**
 * Zero stated in words: "本单位无机关运行经费。", "按照上述定义，无机关运行经费" (a
 * 事业单位 outside the definition) is a disclosed zero, not a missing figure.
 */
function statedNone(stream: Stream): Found | undefined {
  const m = /(?:无|没有|不涉及)机关运行经费(?![：:]|是|指)/.exec(stream.text);
  if (!m) return undefined;
  return { fen: 0n, line: lineAt(stream, m.index), text: m[0] };
}

/** The 机关运行经费 table (一般公共预算机关运行经费支出预算表): its 合计 row. */
function readOperatingTable(
  ctx: ExtractContext,
): { total: Found; items: { name: string; found: Found }[] } | undefined {
  for (const region of findTableRegions(ctx.doc, /机关运行经费.*表/)) {
    if (/三公/.test(region.title)) continue;
    const totalRow = region.rows.find(
      (r) => /^(?:合计|总计)$/.test(rowLabel(r)) && rowNumbers(r).length === 1,
    );
    if (!totalRow) continue;
    const tok = rowNumbers(totalRow)[0]!;
    const fen = tokenAmount(tok, region.unit);
    if (fen === undefined) continue;
    // Items: the 款 rows (5-digit 经济分类 codes) under the 类 rows.
    const items: { name: string; found: Found }[] = [];
    for (const r of region.rows) {
      const code = r.tokens[0];
      const nums = rowNumbers(r);
      if (!code || code.kind !== "num" || !/^\d{5}$/.test(code.text) || nums.length !== 2) continue;
      const name = r.tokens
        .filter((t) => t.kind === "text")
        .map((t) => t.text)
        .join("");
      const f = tokenAmount(nums[1], region.unit);
      if (name && f !== undefined)
        items.push({ name, found: { fen: f, line: r.line, text: nums[1]!.text } });
    }
    return { total: { fen, line: tok.line, text: tok.text }, items };
  }
  return undefined;
}

/** "（其中办公费5.4万元、邮电费4.6万元、…、公务用车运行维护费4.5、…）" after the amount. */
export function readStatedItems(
  stream: Stream,
  from: number,
): { name: string; fen: Fen; line: number; text: string }[] {
  const text = stream.text;
  // The list may follow a few sentences on ("…安排机关运行经费29.41万元。…具体情况如下：…29.41万元（其中办公费…）"),
  // never in a later part: "（二）“三公”经费预算：…5.00万元（其中，公务用车购置费…）" lists 三公 items.
  const limit = Math.min(partEnd(stream, from), from + 400);
  const m =
    /万元[（(]其中[：:，,]?([^）)]+)[）)]/.exec(text.slice(from, limit)) ??
    listAfter(text, from, limit);
  if (!m) return [];
  const base = from + m.index + m[0].indexOf(m[1]!);
  if (/[一二三四五六七八九十]、/.test(text.slice(from, base))) return [];
  const out: { name: string; fen: Fen; line: number; text: string }[] = [];
  let offset = 0;
  for (const clause of m[1]!.split(/[、，,；;]/)) {
    const c = /^([^\d]{2,20}?)(\d[\d,]*(?:\.\d+)?)(万元|元)?$/.exec(clause);
    if (c) {
      const fen = parseAmount(c[2]!, (c[3] ?? "万元") as "万元" | "元");
      if (fen !== undefined)
        out.push({ name: c[1]!, fen, line: lineAt(stream, base + offset), text: clause });
    }
    offset += clause.length + 1;
  }
  return out;
}

/**
 * Where the part holding `from` ends in the stream: the start of the next
 * source line whose outline numbering ("（二）", "3.", "四、") is of the same or
 * a higher rank than the heading the part opens with (any numbering when
 * no heading precedes it).
 */
function partEnd(stream: Stream, from: number): number {
  const rankAt = (k: number) =>
    headingRank(stream.text.slice(stream.starts[k]!.offset, stream.starts[k]!.offset + 8));
  let k = stream.starts.findIndex((s) => s.offset > from);
  if (k < 0) return stream.text.length;
  let own: number | undefined;
  for (let j = k - 1; j >= 0 && own === undefined; j--) own = rankAt(j);
  for (; k < stream.starts.length; k++) {
    const r = rankAt(k);
    if (r !== undefined && (own === undefined || r <= own)) return stream.starts[k]!.offset;
  }
  return stream.text.length;
}

/**
 * "…万元，比上年增加…。其中：办公费60.20万元、差旅费40.00万元。": a list opened by 其中 in
 * the amount's sentence or the next one, read up to the sentence's end. Shaped like the
 * bracketed match (whole text, then the list) so both read the same way.
 */
function listAfter(
  text: string,
  from: number,
  end: number,
): ([string, string] & { index: number }) | undefined {
  const limit = Math.min(end, sentenceEnd(text, sentenceEnd(text, from) + 1));
  const window = text.slice(from, limit);
  const at = /其中[：:，,]?/.exec(window);
  if (!at) return undefined;
  const rest = window.slice(at.index + at[0].length);
  // The list ends with its own sentence ("其中：办公费10万元，差旅费15万元。" in the amount's sentence).
  const list = rest.slice(0, sentenceEnd(rest, 0));
  // Only a list of "name amount" clauses: "其中：财政拨款…" over several sentences is not one.
  const clauses = list.split(/[、，,；;]/);
  if (
    clauses.length < 2 ||
    !clauses.every((c) => /^[^\d]{2,20}?\d[\d,]*(?:\.\d+)?(?:万元|元)?$/.test(c))
  )
    return undefined;
  return Object.assign([at[0] + list, list] as [string, string], { index: at.index });
}

export const extractOperatingCosts: PartExtractor = {
  name: SECTION,
  run(ctx: ExtractContext) {
    const oc: OperatingCosts = {};
    const stream = narrativeStream(ctx.doc);
    const table = readOperatingTable(ctx);
    const stated = readNarrativeOperatingCosts(stream);
    const amount = table?.total ?? stated ?? statedNone(stream);
    if (!amount) {
      ctx.diagnose("info", "未找到机关运行经费的金额（no 机关运行经费 amount found）", SECTION);
      return;
    }
    oc.amount = fenToWan(amount.fen);
    ctx.cite("/operatingCosts/amount", amount.line, amount.text);
    if (table && stated && table.total.fen !== stated.fen) {
      ctx.diagnose(
        "warning",
        `机关运行经费：表格为${formatWan(table.total.fen)}万元，文字说明为${formatWan(stated.fen)}万元，采用表格数（table and text disagree; the table's figure is kept）`,
        SECTION,
        stated.line,
      );
    }

    const from = stated?.index ?? 0;
    if (stated?.index !== undefined) {
      // The change follows the amount within the same or the next sentence.
      const limit = sentenceEnd(stream.text, sentenceEnd(stream.text, from) + 1);
      const ev = changeEvents(stream).find(
        (e) => e.subject === "operating" && e.index >= from && e.index <= limit,
      );
      if (ev) {
        const line = lineAt(stream, ev.index);
        if (ev.amount !== undefined) {
          oc.change = fenToWan(ev.amount);
          ctx.cite("/operatingCosts/change", line, ev.raw);
        }
        if (ev.rate !== undefined) {
          oc.changeRate = ev.rate;
          ctx.cite("/operatingCosts/changeRate", line, ev.raw);
        }
        if (ev.previous !== undefined) oc.previous = fenToWan(ev.previous);
        const reason = /(?:主要原因(?:是|为)?|原因(?:是|为)?|主要是)[：:，,]?([^。]+)/.exec(
          stream.text.slice(
            ev.index,
            Math.min(limit + 200, sentenceEnd(stream.text, sentenceEnd(stream.text, ev.index) + 1)),
          ),
        );
        if (reason) oc.explanation = reason[1]!;
      }
      const items = readStatedItems(stream, from);
      if (items.length) {
        oc.items = items.map((i) => ({ name: i.name, amount: fenToWan(i.fen) }));
        items.forEach((i, n) => ctx.cite(`/operatingCosts/items/${n}/amount`, i.line, i.text));
      }
    }
    if (!oc.items && table?.items.length) {
      oc.items = table.items.map((i) => ({ name: i.name, amount: fenToWan(i.found.fen) }));
      table.items.forEach((i, n) =>
        ctx.cite(`/operatingCosts/items/${n}/amount`, i.found.line, i.found.text),
      );
    }
    ctx.disclosure.operatingCosts = oc;
  },
};
