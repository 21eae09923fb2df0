import { fenToWan, type Fen, type MoneyUnit } from "../../model/amount.ts";
import type { ThreePublic } from "../../model/disclosure.ts";
import { squash } from "../source-document.ts";
import type { ExtractContext, PartExtractor } from "./context.ts";
import { cellAmount, gridRows, tableUnit, type GridCell, type GridRow } from "./procurement-grid.ts";
import { readNarrative, type Key, type Mode } from "./three-public-narrative.ts";
import { sectionText } from "./three-public-text.ts";

type Amounts = Omit<ThreePublic, "previous" | "change" | "changeRate" | "fundSources" | "explanation">;

interface Value {
  fen: Fen;
  line: number;
  raw: string;
}

/** Reads “三公”经费 from its table and its paragraph; the table's figures win where both state one. */
export const extractThreePublic: PartExtractor = {
  name: "“三公”经费",
  run(ctx) {
    const found = new Map<string, Value>();
    const out: ThreePublic = {};
    const table = readTable(ctx);
    if (table) {
      for (const [k, v] of table.values) found.set(k, v);
      if (table.fundSources?.length) out.fundSources = table.fundSources;
      if (table.changeRate) {
        out.changeRate = table.changeRate.value;
        ctx.cite("/threePublic/changeRate", table.changeRate.line, table.changeRate.raw);
      }
    }
    for (const sec of sectionText(ctx.doc, /三公/, /名词解释|^[\d一二三四五六七八九十]+[、.．]?“?三公”?经费[:：]指|：指|是指/)) {
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
      if (n.explanation) {
        out.explanation = n.explanation.text;
        ctx.cite("/threePublic/explanation", sec.lineAt(n.explanation.index), n.explanation.text);
      }
      break;
    }
    if (found.size === 0) return;
    const build = (mode: Mode, base: string): Amounts | undefined => {
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
    };
    Object.assign(out, build("current", "/threePublic"));
    const previous = build("previous", "/threePublic/previous");
    if (previous) out.previous = previous;
    const change = build("change", "/threePublic/change");
    if (change) out.change = change;
    if (out.total === undefined && out.overseas === undefined && out.reception === undefined && !out.vehicle) {
      ctx.diagnose("warning", "找到“三公”经费说明，但未能读出本年金额（三公 section found, no current amounts read）", "threePublic");
    }
    // Fields before fundSources/explanation, as format.md lists them.
    const ordered: ThreePublic = {};
    for (const k of ["total", "overseas", "vehicle", "reception", "previous", "change", "changeRate", "fundSources", "explanation"] as const) {
      if (out[k] !== undefined) (ordered as Record<string, unknown>)[k] = out[k];
    }
    ctx.disclosure.threePublic = ordered;
  },
};

interface TableResult {
  values: Map<string, Value>;
  fundSources?: { label: string; amount: number }[];
  changeRate?: { value: number; line: number; raw: string };
}

const TITLE = /三公.{0,12}(?:经费)?.{0,20}表/;

/** Which of the five amounts a header label or row label names. */
function keyOf(label: string): Key | "subtotal" | "other" | undefined {
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

function readTable(ctx: ExtractContext): TableResult | undefined {
  const doc = ctx.doc;
  for (const l of doc.lines) {
    const t = squash(l.text);
    if (t.length > 80 || !TITLE.test(t) || /(\.{4,}|…{2,}|·{4,})/.test(t) || /说明|^[一二三四五六七八九十]+、/.test(t)) continue;
    const unit = tableUnit(doc, l.no);
    const rows = gridRows(doc, l.no + 1, l.no + (doc.layout === "columns" ? 45 : 90));
    const r = doc.layout === "columns" ? readColumnsTable(rows, unit, ctx.disclosure.year) : readRowsTable(rows, unit);
    if (r && r.values.size > 0) return r;
  }
  return undefined;
}

/** Word/tab tables that list one 三公 item per row (项目 | 合计 | 同比 | 资金来源…). */
function readRowsTable(rows: GridRow[], unit: MoneyUnit): TableResult | undefined {
  const h = rows.findIndex((r) => r.cells.some((c) => /^(项目|名称|科目)$/.test(squash(c.text))) && r.cells.some((c) => /合计|金额|预算/.test(squash(c.text))));
  if (h < 0) return undefined;
  const head = rows[h]!.cells.map((c) => squash(c.text));
  const amountCol = head.findIndex((x, i) => i > 0 && /合计|金额|预算数/.test(x));
  const rateCol = head.findIndex((x) => /同比|增减率|增长率|下降|增长/.test(x));
  const fundCol = head.findIndex((x) => /资金来源/.test(x));
  const sub = rows[h + 1]?.cells.map((c) => squash(c.text)) ?? [];
  const fundLabels = fundCol >= 0 ? sub.map((x, i) => (i >= fundCol && x ? x : "")) : [];
  const out: TableResult = { values: new Map() };
  for (const r of rows.slice(h + 1)) {
    const cells = r.cells.map((c) => squash(c.text));
    const key = keyOf(cells[0] ?? "");
    if (!key || key === "subtotal" || key === "other") {
      if (out.values.size > 0 && cells.filter(Boolean).length === 1) break;
      continue;
    }
    const fen = cellAmount(cells[amountCol] ?? "", unit);
    if (fen === undefined) continue;
    out.values.set(`current:${key}`, { fen, line: r.line, raw: `${cells[amountCol]}` });
    if (key === "total") {
      const rate = cells[rateCol];
      if (rateCol >= 0 && rate && /\d/.test(rate)) {
        const v = Number(rate.replace(/[%％]/g, ""));
        const down = /下降|减少|降低/.test(head[rateCol]!);
        if (Number.isFinite(v)) out.changeRate = { value: down ? -v : v, line: r.line, raw: `${head[rateCol]}${rate}` };
      }
      const funds = fundLabels
        .map((label, i) => ({ label, fen: label ? cellAmount(cells[i] ?? "", unit) : undefined }))
        .filter((f): f is { label: string; fen: Fen } => f.fen !== undefined)
        .map((f) => ({ label: f.label, amount: fenToWan(f.fen) }));
      if (funds.length) out.fundSources = funds;
    }
  }
  return out;
}

/**
 * PDF tables with one column per amount under a multi-line header. The
 * header's leaf labels (those with no named label under them) are matched to
 * the figures of each data row in order, skipping the blank cells by
 * position; a row labelled with an earlier year is 上年, one labelled 增减 the
 * change. Tables that split every amount by fund type sum each group.
 */
function readColumnsTable(rows: GridRow[], unit: MoneyUnit, year?: number): TableResult | undefined {
  const isAmount = (c: GridCell) => cellAmount(c.text, unit) !== undefined && /\./.test(c.text);
  const first = rows.findIndex((r) => splitWords(r.cells).some(isAmount));
  if (first < 1) return undefined;
  const header: GridCell[] = rows.slice(0, first).flatMap((r) => splitWords(r.cells)).filter((c) => !/单位[:：]|部门(?:名称)?[:：]|单位名称[:：]|编制/.test(c.text));
  if (header.some((c) => /决算数/.test(c.text)) && header.some((c) => /预算数/.test(c.text))) return undefined;
  const keyed = stackLabels(header).filter((h) => keyOf(h.text) !== undefined);
  const overlaps = (a: GridCell, b: GridCell) => a.x < b.end && b.x < a.end;
  const leaves = keyed.filter((h) => !keyed.some((o) => o.line > h.line && overlaps(o, h))).sort((a, b) => a.x - b.x);
  if (leaves.length === 0) return undefined;
  const hasMeetings = leaves.some((c) => /会议费|培训费/.test(c.text));
  const roles: (Key | "other")[] = [];
  let overseasSeen = false;
  for (const leaf of leaves) {
    let key = keyOf(leaf.text)!;
    if (key === "subtotal") key = overseasSeen ? "vehicle" : "total";
    if (key === "overseas") overseasSeen = true;
    roles.push(key);
  }
  // With 会议费/培训费 beside them, a 合计 before the 三公 小计 is the grand total, not the 三公 total.
  if (hasMeetings) {
    const totals = roles.flatMap((r, i) => (r === "total" ? [i] : []));
    if (totals.length > 1) roles[totals[0]!] = "other";
  }
  // A header printed once per year or per unit (several 出国 columns) is not one row of amounts.
  if (roles.filter((r) => r === "overseas").length > 1 || roles.filter((r) => r === "reception").length > 1) return undefined;
  const out: TableResult = { values: new Map() };
  const years: number[] = [];
  const dataRows = rows.slice(first).filter((r) => splitWords(r.cells).some(isAmount)).slice(0, 4);
  for (const r of dataRows) for (const m of rowLabel(r).matchAll(/(\d{4})年/g)) years.push(Number(m[1]));
  const current = year ?? (years.length ? Math.max(...years) : undefined);
  for (const [n, r] of dataRows.entries()) {
    const label = rowLabel(r);
    const y = /(\d{4})年/.exec(label);
    const mode: Mode | undefined = /增减|变化|变动/.test(label) ? "change" : y ? (current !== undefined && Number(y[1]) < current ? "previous" : "current") : n === 0 ? "current" : undefined;
    if (!mode) continue;
    const cells = splitWords(r.cells).filter(isAmount).sort((a, b) => a.x - b.x);
    const assigned = assign(cells, leaves);
    if (!assigned) continue;
    for (const [i, group] of assigned.entries()) {
      const role = roles[i]!;
      if (role === "other" || group.length === 0) continue;
      const id = `${mode}:${role}`;
      if (out.values.has(id)) continue;
      const fen = group.reduce((s, c) => s + cellAmount(c.text, unit)!, 0n);
      out.values.set(id, { fen, line: r.line, raw: group.map((c) => c.text).join("+") });
    }
  }
  return out.values.size ? out : undefined;
}

/** The words of a row that are not amounts (its 年度 or 项目 label). */
function rowLabel(r: GridRow): string {
  return r.cells.filter((c) => !/^[-\d,.\s]+$/.test(c.text)).map((c) => squash(c.text)).join("");
}

/**
 * PDF headers break a label over lines ("公务接" / "待费"): words stacked under
 * a fragment that names nothing yet are joined to it.
 */
function stackLabels(words: GridCell[]): GridCell[] {
  const stacks: GridCell[] = [];
  for (const w of [...words].sort((a, b) => a.line - b.line || a.x - b.x)) {
    const s = stacks
      .filter((k) => k.line < w.line && k.x < w.end && w.x < k.end && keyOf(k.text) === undefined && k.text.length <= 8)
      .sort((a, b) => b.line - a.line)[0];
    if (s) {
      s.text += w.text;
      s.x = Math.min(s.x, w.x);
      s.end = Math.max(s.end, w.end);
      s.line = w.line;
    } else stacks.push({ ...w });
  }
  return stacks;
}

/**
 * Figures to leaf labels: k figures per label when the row has k times as many
 * (one per fund type), else an order-keeping alignment that leaves the blank
 * columns out with the least horizontal distance.
 */
function assign(cells: GridCell[], leaves: GridCell[]): GridCell[][] | undefined {
  const n = cells.length;
  const m = leaves.length;
  if (n > m) {
    if (n % m !== 0) return undefined;
    const k = n / m;
    return leaves.map((_, i) => cells.slice(i * k, (i + 1) * k));
  }
  const cost = (c: GridCell, l: GridCell) => Math.min(Math.abs((c.x + c.end) / 2 - (l.x + l.end) / 2), Math.abs(c.end - l.end));
  const INF = Number.POSITIVE_INFINITY;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  for (let j = 0; j <= m; j++) dp[0]![j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= m; j++) {
      dp[i]![j] = Math.min(dp[i]![j - 1]!, dp[i - 1]![j - 1]! + cost(cells[i - 1]!, leaves[j - 1]!));
    }
  }
  const out: GridCell[][] = leaves.map(() => []);
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (dp[i]![j] === dp[i]![j - 1] && j > i) j--;
    else {
      out[j - 1]!.push(cells[i - 1]!);
      i--;
      j--;
    }
  }
  return out;
}

/** Header cells split at single spaces too ("合计 因公出国（境）费" printed close together). */
function splitWords(cells: GridCell[]): GridCell[] {
  const out: GridCell[] = [];
  for (const c of cells) {
    let x = c.x;
    for (const part of c.text.split(/(\s+)/)) {
      if (part.trim()) out.push({ ...c, text: squash(part), x, end: x + part.length });
      x += part.length;
    }
  }
  return out;
}
