/**
 * “三公”经费 tables that print one column per amount: 合计 | 因公出国（境）费 |
 * 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费, with the years in
 * rows (上年 / 本年 / 增减额, as our own renderer and many jurisdictions print
 * it) or side by side as column groups under year headings (2020年 | 2021年 |
 * 增减变化情况).
 *
 * PDF text ("columns" layout) places header labels by their x position: a
 * label's leaves are the labels printed under it. Word and spreadsheet text
 * ("cells", "tabs") loses the width of merged header cells, so there the
 * leaves are found from what the labels mean: the vehicle heading is replaced
 * by the 小计 / 购置费 / 运行费 printed under it, in order.
 */
import type { MoneyUnit } from "../../../model/amount.ts";
import { squash } from "../../source-document.ts";
import { cellAmount, type GridCell, type GridRow } from "../../toolkit/grid.ts";
import { canHaveChildren, groupMode, keyOf, rowMode, type Role } from "./labels.ts";
import type { Key, Mode } from "./narrative.ts";
import type { TableResult } from "./labels.ts";

const CAPTION = /单位[:：]|部门(?:名称)?[:：]|单位名称[:：]|编制/;

/** True when the rows before the first figures name 出国 and 接待 in separate cells: the items are columns. */
export function itemsAsColumns(rows: GridRow[], unit: MoneyUnit, positioned: boolean): boolean {
  const first = firstDataRow(rows, unit, positioned);
  // A header is a few rows of short labels; paragraphs before a later table are not one.
  if (
    first < 1 ||
    first > 20 ||
    rows.slice(0, first).some((r) => r.cells.some((c) => squash(c.text).length > 40))
  )
    return false;
  const head = header(rows.slice(0, first), positioned);
  const roles = new Set((positioned ? stackLabels(head) : head).map((c) => keyOf(c.text)));
  return roles.has("overseas") && roles.has("reception");
}

export function readColumnsTable(
  rows: GridRow[],
  unit: MoneyUnit,
  year: number | undefined,
  positioned: boolean,
): TableResult | undefined {
  const first = firstDataRow(rows, unit, positioned);
  if (first < 1) return undefined;
  const head = header(rows.slice(0, first), positioned);
  // 决算 tables print the 年初预算 beside the 决算: as two groups of columns (the national
  // template: 预算数 | 决算数, each over the six amounts) the 决算 group is this year's; a
  // 预算数 / 决算数 pair under every item is not read.
  const pair = budgetFinalGroups(head);
  if (!pair && head.some((c) => /决算数/.test(c.text)) && head.some((c) => /预算数/.test(c.text)))
    return undefined;
  const groups = pair ?? groupHeadings(head, year);
  // Without the budget year, the latest year heading is this year's.
  const headed = groups.flatMap((g) => /^(\d{4})年/.exec(g.text)?.[1] ?? []).map(Number);
  if (year === undefined && headed.length) year = Math.max(...headed);
  const modeOf = (g: GridCell): Mode | undefined =>
    pair ? (/决算/.test(g.text) ? "current" : undefined) : groupMode(g.text, year);
  const labels = head.filter((c) => !groups.includes(c));
  const leaves = positioned ? positionedLeaves(labels) : indexedLeaves(labels);
  if (leaves.length === 0) return undefined;
  const dataRows = tableBody(rows.slice(first), unit, positioned);
  const out: TableResult = { values: new Map() };
  const put = (mode: Mode, role: Key | "other", cells: GridCell[]) => {
    const id = `${mode}:${role}`;
    if (role === "other" || cells.length === 0 || out.values.has(id)) return;
    const fen = cells.reduce((s, c) => s + cellAmount(c.text, unit)!, 0n);
    out.values.set(id, {
      fen,
      line: cells[0]!.line,
      raw: cells.map((c) => squash(c.text)).join("+"),
    });
  };

  if (groups.length >= 2) {
    // Years side by side: one row (the 合计 row, else the first) holds every figure.
    const row = dataRows.find((r) => /^(合计|总计)/.test(rowLabel(r))) ?? dataRows[0];
    if (!row) return undefined;
    const byGroup = groupLeaves(leaves, groups, positioned);
    const figs = positioned ? figures(row, unit) : undefined;
    // Every group repeats one header: when the figures divide evenly, the best-read group's roles serve for all.
    const k = figs && figs.length % groups.length === 0 ? figs.length / groups.length : 0;
    const template = k
      ? byGroup.map((g) => roles(g)).find((r) => r.length === k && r.includes("overseas"))
      : undefined;
    const aligned = template ? undefined : figs ? assign(figs, leaves) : byIndex(row, leaves, unit);
    let start = 0;
    for (const [gi, g] of groups.entries()) {
      const own = byGroup[gi]!;
      const mode = template || wellRead(roles(own)) ? modeOf(g) : undefined;
      const placed: [Key | "other", GridCell[]][] = [];
      if (template)
        for (const [i, role] of template.entries()) placed.push([role, [figs![gi * k + i]!]]);
      else if (aligned)
        for (const [i, role] of roles(own).entries()) placed.push([role, aligned[start + i] ?? []]);
      // A group read with another group's roles, or aligned by position, must add up.
      if (mode && sumsHold(placed, unit))
        for (const [role, cells] of placed) put(mode, role, cells);
      start += own.length;
    }
    return out.values.size ? out : undefined;
  }

  const roleOf = roles(leaves);
  // A header printed once per year or per unit (several 出国 columns) is not one row of amounts.
  if (
    roleOf.filter((r) => r === "overseas").length > 1 ||
    roleOf.filter((r) => r === "reception").length > 1
  )
    return undefined;
  const years = dataRows
    .slice(0, 4)
    .flatMap((r) => [...rowLabel(r).matchAll(/(\d{4})年/g)].map((m) => Number(m[1])));
  const current = year ?? (years.length ? Math.max(...years) : undefined);
  for (const [n, r] of dataRows.slice(0, 4).entries()) {
    const mode = rowMode(rowLabel(r), current) ?? (n === 0 ? "current" : undefined);
    if (!mode) continue;
    const assigned = positioned
      ? alignChecked(figures(r, unit), leaves, roleOf, unit)
      : byIndex(r, leaves, unit);
    if (!assigned) continue;
    for (const [i, group] of assigned.entries()) put(mode, roleOf[i]!, group);
  }
  return out.values.size ? out : undefined;
}

function isAmount(c: GridCell, unit: MoneyUnit, positioned: boolean): boolean {
  return cellAmount(c.text, unit) !== undefined && (!positioned || /\./.test(c.text));
}

function firstDataRow(rows: GridRow[], unit: MoneyUnit, positioned: boolean): number {
  return rows.findIndex(
    (r) =>
      !isColumnNumbering(r) &&
      splitWords(r.cells, positioned).some((c) => isAmount(c, unit, positioned)),
  );
}

/** The 栏次 row under a header ("1 2 3 … 12", or 栏次 then the numbers): column numbers, not amounts. */
function isColumnNumbering(r: GridRow): boolean {
  const t = r.cells.map((c) => squash(c.text)).filter(Boolean);
  const nums = t[0] === "栏次" ? t.slice(1) : t;
  return nums.length >= 3 && nums.every((x, i) => x === String(i + 1));
}

/** The rows with figures up to where the table ends: a title, or two rows in a row without figures. */
function tableBody(rows: GridRow[], unit: MoneyUnit, positioned: boolean): GridRow[] {
  const out: GridRow[] = [];
  let gap = 0;
  for (const r of rows) {
    if (splitWords(r.cells, positioned).some((c) => isAmount(c, unit, positioned))) {
      out.push(r);
      gap = 0;
    } else if (++gap >= 2 || /表$/.test(rowLabel(r))) break;
  }
  return out;
}

function header(rows: GridRow[], positioned: boolean): GridCell[] {
  // Word cells keep their own line; a header label's line is its row's, so that a row's labels stay together.
  return rows
    .flatMap((r) => splitWords(r.cells, positioned).map((c) => ({ ...c, line: r.line })))
    .filter((c) => c.text && !CAPTION.test(c.text));
}

/** Year / change headings printed side by side on one line, left to right. */
function groupHeadings(head: GridCell[], year: number | undefined): GridCell[] {
  const byLine = new Map<number, GridCell[]>();
  for (const c of head) {
    if (
      keyOf(c.text) !== undefined ||
      (groupMode(c.text, year) === undefined && !/^\d{4}年/.test(c.text))
    )
      continue;
    const list = byLine.get(c.line) ?? [];
    list.push(c);
    byLine.set(c.line, list);
  }
  for (const list of byLine.values()) if (list.length >= 2) return list.sort((a, b) => a.x - b.x);
  return [];
}

/** "预算数" and "决算数" printed once each, side by side on one line: two groups of columns. */
function budgetFinalGroups(head: GridCell[]): GridCell[] | undefined {
  for (const line of new Set(head.map((c) => c.line))) {
    const on = head.filter((c) => c.line === line);
    const budget = on.filter((c) => /^(?:年初)?预算数?$/.test(c.text));
    const final = on.filter((c) => /^决算数?$/.test(c.text));
    if (budget.length === 1 && final.length === 1)
      return [budget[0]!, final[0]!].sort((a, b) => a.x - b.x);
  }
  return undefined;
}

/**
 * Leaves of each group: in equal runs (Word, spreadsheets, and PDF when the
 * runs repeat one header), else by the nearest heading (PDF). A PDF heading
 * may sit at its group's left edge rather than over its middle, so equal
 * runs that name the same labels in the same order are the better evidence.
 */
function groupLeaves(leaves: GridCell[], groups: GridCell[], positioned: boolean): GridCell[][] {
  const out: GridCell[][] = groups.map(() => []);
  const k = Math.floor(leaves.length / groups.length);
  const runs = () => {
    for (const [i, l] of leaves.entries())
      out[Math.min(groups.length - 1, Math.floor(i / Math.max(1, k)))]!.push(l);
    return out;
  };
  if (!positioned) return runs();
  if (k > 1 && leaves.length === k * groups.length) {
    const sequence = (g: number) =>
      leaves
        .slice(g * k, (g + 1) * k)
        .map((l) => keyOf(l.text))
        .join();
    if (groups.every((_, g) => sequence(g) === sequence(0))) return runs();
  }
  const centre = (c: GridCell) => (c.x + c.end) / 2;
  for (const l of leaves) {
    let best = 0;
    for (let i = 1; i < groups.length; i++)
      if (Math.abs(centre(groups[i]!) - centre(l)) < Math.abs(centre(groups[best]!) - centre(l)))
        best = i;
    out[best]!.push(l);
  }
  return out;
}

/**
 * Whether a group's figures add up where they can be tested (合计 = 出国 + 车 + 接待,
 * 车 = 购置 + 运行, blanks as zero) to within one printed cent.
 */
function sumsHold(placed: [Key | "other", GridCell[]][], unit: MoneyUnit): boolean {
  const v = new Map<Key | "other", bigint>();
  for (const [role, cells] of placed)
    if (cells.length && !v.has(role))
      v.set(
        role,
        cells.reduce((s, c) => s + cellAmount(c.text, unit)!, 0n),
      );
  const cent = cellAmount("0.01", unit)!;
  const near = (a: bigint, b: bigint) => (a > b ? a - b : b - a) <= cent;
  const z = (k: Key) => v.get(k) ?? 0n;
  const parts = z("purchase") + z("operation");
  if (v.has("vehicle") && (v.has("purchase") || v.has("operation")) && !near(z("vehicle"), parts))
    return false;
  const vehicle = v.get("vehicle") ?? parts;
  return !v.has("total") || near(z("total"), z("overseas") + vehicle + z("reception"));
}

/**
 * A group's header read whole: it names 出国 and 接待, and no amount twice (a label
 * broken over lines, or letters printed one a line, read as two labels). Else its
 * figures cannot be told apart and the group is not read.
 */
function wellRead(roleOf: (Key | "other")[]): boolean {
  const keyed = roleOf.filter((r) => r !== "other");
  return (
    keyed.includes("overseas") &&
    keyed.includes("reception") &&
    new Set(keyed).size === keyed.length
  );
}

/** The role of each leaf, left to right: a 小计 before 出国 is the 三公 total, after it the vehicle subtotal. */
function roles(leaves: GridCell[]): (Key | "other")[] {
  const out: (Key | "other")[] = [];
  let overseasSeen = false;
  for (const leaf of leaves) {
    let key = keyOf(leaf.text)!;
    if (key === "subtotal") key = overseasSeen ? "vehicle" : "total";
    if (key === "overseas") overseasSeen = true;
    out.push(key);
  }
  // With 会议费/培训费 beside them, a 合计 before the 三公 小计 is the grand total, not the 三公 total.
  if (leaves.some((c) => /会议费|培训费/.test(c.text))) {
    const totals = out.flatMap((r, i) => (r === "total" ? [i] : []));
    if (totals.length > 1) out[totals[0]!] = "other";
  }
  return out;
}

/** PDF: keyed labels with no keyed label under them, left to right. */
function positionedLeaves(words: GridCell[]): GridCell[] {
  const keyed = stackLabels(words).filter((h) => keyOf(h.text) !== undefined);
  const overlaps = (a: GridCell, b: GridCell) => a.x < b.end && b.x < a.end;
  return keyed
    .filter(
      (h) =>
        !canHaveChildren(keyOf(h.text)) || !keyed.some((o) => o.line > h.line && overlaps(o, h)),
    )
    .sort((a, b) => a.x - b.x);
}

/**
 * Word / spreadsheet: the first row that names 出国 or 接待 gives the order;
 * each vehicle heading there is replaced by the vehicle labels printed under
 * it (up to a repeat, which starts the next group's); a 合计 merged down from
 * a row above and left of them comes first.
 */
function indexedLeaves(cells: GridCell[]): GridCell[] {
  const keyed = cells.filter((c) => keyOf(c.text) !== undefined);
  const lines = [...new Set(keyed.map((c) => c.line))].sort((a, b) => a - b);
  const rowOf = (line: number) => keyed.filter((c) => c.line === line).sort((a, b) => a.x - b.x);
  const main = lines.find((l) =>
    rowOf(l).some((c) => keyOf(c.text) === "overseas" || keyOf(c.text) === "reception"),
  );
  if (main === undefined) return [];
  const mainRow = rowOf(main);
  const out: GridCell[] = [];
  for (const l of lines)
    if (l < main)
      for (const c of rowOf(l))
        if (/^(合计|总计)$/.test(c.text) && c.x < mainRow[0]!.x) out.push(c);
  const children = lines
    .filter((l) => l > main)
    .flatMap((l) => rowOf(l).filter((c) => /^(subtotal|purchase|operation)$/.test(keyOf(c.text)!)));
  let ci = 0;
  for (const c of mainRow) {
    if (keyOf(c.text) !== "vehicle" || ci >= children.length) {
      out.push(c);
      continue;
    }
    const seen = new Set<Role>();
    while (ci < children.length && !seen.has(keyOf(children[ci]!.text)!)) {
      seen.add(keyOf(children[ci]!.text)!);
      out.push(children[ci++]!);
    }
  }
  return out;
}

/** The words of a row that are not amounts (its 年度 or 项目 label). */
function rowLabel(r: GridRow): string {
  return r.cells
    .filter((c) => !/^[-\d,.\s]+$/.test(c.text))
    .map((c) => squash(c.text))
    .join("");
}

/** PDF: a row's figures left to right. */
function figures(r: GridRow, unit: MoneyUnit): GridCell[] {
  return splitWords(r.cells, true)
    .filter((c) => isAmount(c, unit, true))
    .sort((a, b) => a.x - b.x);
}

/**
 * Word / spreadsheet: leaf k is column start + k, where start is the first
 * leaf's column; a row with more cells than that (a label cell merged over two
 * columns in the header) is aligned from its right end instead.
 */
function byIndex(r: GridRow, leaves: GridCell[], unit: MoneyUnit): GridCell[][] | undefined {
  const m = leaves.length;
  const cells = r.cells;
  let start = leaves[0]!.x;
  if (cells.length > start + m && cells.slice(start + m).some((c) => squash(c.text)))
    start = cells.length - m;
  if (start < 0) return undefined;
  return leaves.map((_, k) => {
    const c = cells[start + k];
    return c && cellAmount(c.text, unit) !== undefined ? [c] : [];
  });
}

/**
 * PDF headers break a label over lines ("公务接" / "待费"): words stacked under
 * a fragment that names nothing yet are joined to it.
 */
function stackLabels(words: GridCell[]): GridCell[] {
  const stacks: GridCell[] = [];
  const vertical = new Set<GridCell>();
  const letters = words.filter((w) => [...w.text].length === 1);
  const overlaps = (a: GridCell, b: GridCell) => a.x < b.end && b.x < a.end;
  // A label printed a letter a line ("因 / 公 / 出 / 国") gathers its letters only: its first
  // letter is not the end of a label above it.
  const startsColumn = (w: GridCell) =>
    letters.some((o) => o.line > w.line && o.line <= w.line + 2 && overlaps(o, w));
  for (const w of [...words].sort((a, b) => a.line - b.line || a.x - b.x)) {
    const letter = [...w.text].length === 1;
    const s = stacks
      .filter(
        (k) =>
          k.line < w.line &&
          overlaps(k, w) &&
          (vertical.has(k) ? letter : !letter || !startsColumn(w)) &&
          ((keyOf(k.text) === undefined && k.text.length <= 8) ||
            CONTINUED.test(k.text) ||
            CONTINUATION.test(w.text)),
      )
      .sort((a, b) => b.line - a.line)[0];
    if (s) {
      s.text += w.text;
      s.x = Math.min(s.x, w.x);
      s.end = Math.max(s.end, w.end);
      s.line = w.line;
    } else {
      const k = { ...w };
      stacks.push(k);
      if (letter && startsColumn(w)) vertical.add(k);
    }
  }
  return stacks;
}

/** A label broken at a conjunction ("公务用车购置及" / "运行维护费", "公务用车购置" / "及运行维护费"). */
const CONTINUED = /[及和与、]$/;
const CONTINUATION = /^[及和与]/;

/**
 * PDF text squeezes a header so that a figure may sit nearer the label beside
 * its own: among the alignments that move each figure at most one label from
 * its nearest, the one whose sums hold best (合计 = 出国 + 车 + 接待, 车 = 购置 +
 * 运行, blanks as zero) wins, then the nearest.
 */
function alignChecked(
  cells: GridCell[],
  leaves: GridCell[],
  roleOf: (Key | "other")[],
  unit: MoneyUnit,
): GridCell[][] | undefined {
  const n = cells.length;
  const m = leaves.length;
  if (n > m || n > 8 || n === 0) return assign(cells, leaves);
  const fen = cells.map((c) => cellAmount(c.text, unit)!);
  const has = (role: Key) => roleOf.includes(role);
  const score = (at: number[]): number => {
    const v = new Map<Key | "other", bigint>();
    at.forEach((j, i) => v.set(roleOf[j]!, fen[i]!));
    const z = (k: Key) => v.get(k) ?? 0n;
    let s = 0;
    if (v.has("vehicle") && (has("purchase") || has("operation")))
      s += v.get("vehicle") === z("purchase") + z("operation") ? 1 : -1;
    const vehicle = v.get("vehicle") ?? z("purchase") + z("operation");
    if (v.has("total")) s += v.get("total") === z("overseas") + vehicle + z("reception") ? 1 : -1;
    return s;
  };
  const nearest = cells.map((c) =>
    leaves.reduce((b, l, j) => (cost(c, l) < cost(c, leaves[b]!) ? j : b), 0),
  );
  let best: { at: number[]; score: number; cost: number } | undefined;
  const at: number[] = [];
  const walk = (i: number, total: number) => {
    if (i === n) {
      const s = score(at);
      if (!best || s > best.score || (s === best.score && total < best.cost))
        best = { at: [...at], score: s, cost: total };
      return;
    }
    for (
      let j = Math.max(nearest[i]! - 1, i === 0 ? 0 : at[i - 1]! + 1);
      j <= Math.min(nearest[i]! + 1, m - 1);
      j++
    ) {
      at.push(j);
      walk(i + 1, total + cost(cells[i]!, leaves[j]!));
      at.pop();
    }
  };
  walk(0, 0);
  if (!best) return assign(cells, leaves);
  const out: GridCell[][] = leaves.map(() => []);
  best.at.forEach((j, i) => out[j]!.push(cells[i]!));
  return out;
}

/** How far a figure sits from a label: centres, or right edges (PDF right-aligns numbers). */
const cost = (c: GridCell, l: GridCell) =>
  Math.min(Math.abs((c.x + c.end) / 2 - (l.x + l.end) / 2), Math.abs(c.end - l.end));

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
  const INF = Number.POSITIVE_INFINITY;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  for (let j = 0; j <= m; j++) dp[0]![j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= m; j++) {
      dp[i]![j] = Math.min(
        dp[i]![j - 1]!,
        dp[i - 1]![j - 1]! + cost(cells[i - 1]!, leaves[j - 1]!),
      );
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

/** The widest gap between the letters of a letter-spaced 合计 or 小计 printed as cells of their own. */
const LETTER_SPACING = 4;

/** PDF cells split at single spaces too ("合计 因公出国（境）费" printed close together); other layouts keep their cells. */
function splitWords(cells: GridCell[], positioned: boolean): GridCell[] {
  if (!positioned) return cells.map((c) => ({ ...c, text: squash(c.text) }));
  const out: GridCell[] = [];
  let spread = false;
  for (const c of cells) {
    let x = c.x;
    for (const part of c.text.split(/(\s+)/)) {
      const prev = out[out.length - 1];
      // A label letter-spaced over its column ("合 计", "小 计") is one word, not two; pdftotext
      // may space its letters wider ("合   计"), and so into cells of their own.
      const letter = /^[\u4e00-\u9fff]$/.test(part);
      const gap = prev ? x - prev.end : Number.POSITIVE_INFINITY;
      if (
        letter &&
        spread &&
        (gap <= 2 || (gap <= LETTER_SPACING && /^(?:合计|小计|总计)$/.test(prev!.text + part)))
      ) {
        prev!.text += part;
        prev!.end = x + 1;
      } else if (part.trim()) out.push({ ...c, text: squash(part), x, end: x + part.length });
      if (part.trim()) spread = letter;
      x += part.length;
    }
  }
  return out;
}
