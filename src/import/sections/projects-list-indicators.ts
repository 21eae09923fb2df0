/**
 * The indicator columns of a project list (Beijing 预算12表, Hunan 项目支出绩效目标表):
 * 一级/二级/三级指标, 指标值 … printed right of the project's name, amount and
 * goal, one row per indicator while the project's own cells are merged over
 * its rows. Each page of the list is read as one grid (pdftotext shifts
 * columns from page to page), and each indicator given to the project whose
 * merged cells it sits beside.
 */
import type { ProjectIndicator } from "../../model/disclosure.ts";
import { squash, type SourceLine } from "../source-document.ts";
import { splitColumns } from "../readers/text.ts";
import { columnsGrids, columnsHeader } from "./projects-columns.ts";
import { cellText, type ProjectRow } from "./projects-rows.ts";
import { bestGridIndicators, indicatorColumns, type ParsedProject, type Sourced } from "./projects-table.ts";
import { parseTarget } from "../../model/target.ts";
import type { Cell } from "../source-document.ts";

/** A printing of a project's merged cells: its line, and the project it names. */
export interface ProjectPrint {
  line: number;
  project: number;
  /** The whole name on the printing's line (a merged cell kept at its top, not wrapped around its middle). */
  oneLine: boolean;
}

export interface ListIndicators {
  /** Per project index: its indicators, their cites (paths relative to the project) and problems. */
  byProject: Map<number, { indicators: ProjectIndicator[]; cites: Sourced[]; problems: ParsedProject["problems"] }>;
}

const LEVEL_HEADER = /[一二三]\s*级\s*指\s*标/;
/** Lines that are no rows of the list: a title or the 部门名称 caption over a page's copy of the table. */
const NOT_A_ROW = /绩效目标表|^部门(名称)?[:：]|^(单位|金额单位)[:：]/;

/**
 * Reads the indicator grid of each page of a list. `headers` are the indices
 * (into `lines`) of the list's header line on each page, `end` the index of
 * its last line, `prints` the lines of the projects' merged cells.
 */
export function readListIndicators(lines: SourceLine[], headers: number[], end: number, prints: ProjectPrint[], names: string[]): ListIndicators {
  const byProject: ListIndicators["byProject"] = new Map();
  const entry = (p: number) => {
    let e = byProject.get(p);
    if (!e) byProject.set(p, (e = { indicators: [], cites: [], problems: [] }));
    return e;
  };
  let lastOwner: number | undefined;
  headers.forEach((h, k) => {
    const last = k + 1 < headers.length ? headers[k + 1]! - 1 : end;
    const rows = segmentRows(lines, h, last);
    const at = rows.findIndex((r) => LEVEL_HEADER.test(r.text ?? ""));
    if (at < 0) return;
    const grids = columnsGrids(rows, at, { ordered: true });
    const headerLine = rows[at]!.line;
    const lastLine = rows[rows.length - 1]!.line;
    const here = prints.filter((p) => p.line > headerLine && p.line <= lastLine);
    const header = grids[0]?.header ?? columnsHeader(rows, at)?.header;
    let best = grids.length ? bestGridIndicators(grids, headerLine, true) : undefined;
    // Rows that print both labels on every line are read by their wording when the columns do not line up.
    if ((!best || !best.aligned) && header) {
      const worded = wordedRows(rows.slice(at + 1), header);
      if (worded && worded.indicators.length + worded.unread.length) {
        const owner = ownersOf([...worded.lines, ...worded.unread], here, lastOwner);
        const unreadOwner = owner.slice(worded.lines.length);
        worded.unread.forEach((line, i) => {
          const p = unreadOwner[i];
          if (p !== undefined) entry(p).problems.push({ level: "warning", message: `第 ${line} 行的绩效指标跨行或缺列，无法按列读取（indicator row wrapped or incomplete）`, line });
        });
        best = { indicators: worded.indicators, lines: worded.lines, cites: worded.cites, problems: [], aligned: true };
      }
    }
    if (!best || !best.indicators.length) return;
    if (!best.aligned) {
      const owners = new Set(here.map((p) => p.project));
      if (!owners.size && lastOwner !== undefined) owners.add(lastOwner);
      for (const p of owners) {
        entry(p).problems.push({ level: "warning", message: `第 ${headerLine} 行起的绩效指标列无法可靠对齐，本页指标未导入（indicator columns could not be aligned）`, line: headerLine });
      }
      return;
    }
    const owner = ownersOf(best.lines, here, lastOwner);
    if (owner.some((p) => p === undefined)) {
      for (const p of uncertain(best.lines, here)) {
        entry(p).problems.push({ level: "warning", message: `第 ${headerLine} 行起的项目清单中，项目名称印在合并单元格中部，无法确定哪些指标行属于本项目，本页指标未导入（indicator rows cannot be assigned to the project）`, line: headerLine });
      }
    }
    best.indicators.forEach((indicator, i) => {
      const p = owner[i];
      if (p === undefined) return;
      const e = entry(p);
      const n = e.indicators.length;
      e.indicators.push(indicator);
      const prefix = `/indicators/${i}/`;
      for (const c of best.cites) if (c.path.startsWith(prefix)) e.cites.push({ ...c, path: `/indicators/${n}/${c.path.slice(prefix.length)}` });
    });
    for (const problem of best.problems) {
      const i = nearest(best.lines, problem.line);
      const p = i < 0 ? undefined : owner[i];
      if (p !== undefined) entry(p).problems.push(problem);
    }
    if (here.length) lastOwner = here[here.length - 1]!.project;
    else if (owner.length) lastOwner = owner[owner.length - 1];
  });
  // A project with a page or row that could not be read keeps none: a partial list would pass for the whole.
  for (const e of byProject.values()) {
    if (e.indicators.length && e.problems.some((p) => /could not be aligned|wrapped or incomplete|cannot be assigned/.test(p.message))) {
      e.problems.push({ level: "warning", message: `其他页已读出的 ${e.indicators.length} 条指标也未导入，以免只导入部分指标（partial indicators dropped）`, line: e.cites[0]?.line ?? 0 });
      e.indicators = [];
      e.cites = [];
    }
  }
  // A project whose indicators were all skipped keeps none; say so where the grid was read for others.
  if (byProject.size) {
    names.forEach((name, p) => {
      if (!byProject.has(p) && prints.some((x) => x.project === p)) {
        const line = prints.find((x) => x.project === p)!.line;
        entry(p).problems.push({ level: "warning", message: `项目“${name}”旁未找到绩效指标行，指标未导入（no indicator rows beside the project）`, line });
      }
    });
  }
  return { byProject };
}

/** The page's lines from its header to its last row, each line a row of cells at their x. */
function segmentRows(lines: SourceLine[], header: number, last: number): ProjectRow[] {
  // Header labels stacked above the name label ("绩效指标" over its columns) belong to the header.
  let from = header;
  while (from > 0 && header - from < 3 && !NOT_A_ROW.test(squash(lines[from - 1]!.text))) from--;
  const rows: ProjectRow[] = [];
  for (let i = from; i <= last && i < lines.length; i++) {
    const line = lines[i]!;
    const t = squash(line.text);
    if (!t) continue;
    // The next page's title ends this page.
    if (i > header && NOT_A_ROW.test(t)) break;
    rows.push({ cells: splitColumns(line.text, line.no), line: line.no, block: -1, text: line.text });
  }
  return rows;
}

/**
 * The project of each indicator line. A reader that keeps a merged cell at its
 * top prints the project, its name on one line, on its first indicator's line:
 * its rows run to the next such printing. A merged cell printed around its
 * middle (pdftotext) gives no sure boundary between projects, so rows near one
 * are left without a project (undefined) rather than guessed.
 */
function ownersOf(indicatorLines: number[], prints: ProjectPrint[], before: number | undefined): (number | undefined)[] {
  const top = (p: ProjectPrint) => p.oneLine && indicatorLines.includes(p.line);
  return indicatorLines.map((l) => {
    if (!prints.length || l < prints[0]!.line) return prints.length ? undefined : before;
    let k = 0;
    while (k + 1 < prints.length && prints[k + 1]!.line <= l) k++;
    const here = prints[k]!;
    const next = prints[k + 1];
    return top(here) && (!next || top(next)) ? here.project : undefined;
  });
}

/** Projects whose rows cannot be told from their neighbours' (see ownersOf). */
function uncertain(indicatorLines: number[], prints: ProjectPrint[]): Set<number> {
  const top = (p: ProjectPrint) => p.oneLine && indicatorLines.includes(p.line);
  const out = new Set<number>();
  prints.forEach((p, k) => {
    const next = prints[k + 1];
    if (!top(p) || (next && !top(next))) out.add(p.project);
  });
  return out;
}

function nearest(lines: number[], line: number): number {
  let best = -1;
  lines.forEach((l, i) => {
    if (best < 0 || Math.abs(l - line) < Math.abs(lines[best]! - line)) best = i;
  });
  return best;
}

const LEVEL1_WORD = /^(产出|效益|效果|满意度|成本)指标$/;
const LEVEL2_WORD = /^[\u4e00-\u9fff]{2,10}指标$/;
const OP_WORD = /^(≥|≤|＝|=|＞|＜|>|<|定性|定量)$/;
const COMPARISON = /^(≥|≤|＝|=|＞|＜|>|<)$/;

/**
 * Indicator rows read by their wording: a line with a 一级指标 label and a
 * 二级指标 label side by side, then the 三级指标 and the target cells in the
 * header's order (name, then 指标性质 / 指标值 / 计量单位). Works wherever each
 * row is printed on one line, however its columns drift; a line with the
 * labels but cells that do not fit is returned as unread.
 */
function wordedRows(rows: ProjectRow[], header: Cell[]): { indicators: ProjectIndicator[]; lines: number[]; cites: Sourced[]; unread: number[] } | undefined {
  const roles = indicatorColumns(header);
  if (!roles || roles.op === undefined || roles.target === undefined) return undefined;
  // Only the simple grid: after 二级指标 exactly 三级指标, 指标性质, 指标值 and perhaps 计量单位.
  const after = (["name", "op", "target", "measure"] as const).filter((r) => roles[r] !== undefined);
  if (header.length - 1 - roles.level2! !== after.length || after.some((r) => roles[r]! <= roles.level2!)) return undefined;
  const order = [...after].sort((a, b) => roles[a]! - roles[b]!);
  if (order[0] !== "name") return undefined;
  const rest = order.slice(1);
  const out = { indicators: [] as ProjectIndicator[], lines: [] as number[], cites: [] as Sourced[], unread: [] as number[] };
  const byLine = new Map(rows.map((r) => [r.line, r]));
  for (const row of rows) {
    // "录入等形式对结 产出指标", "人民监督员履职人数 ＝": cells set off by one space.
    const cells = row.cells.flatMap((c) => {
      // "可持续影响指标 案卷存放安全性": the 二级指标 run into the name.
      const l2 = /^(\S+指标) (\S.*)$/.exec(c.text);
      if (l2 && LEVEL2_WORD.test(l2[1]!) && !LEVEL1_WORD.test(l2[1]!)) return [{ ...c, text: l2[1]!, end: c.x! + l2[1]!.length }, { ...c, text: l2[2]!, x: c.x! + l2[1]!.length + 1 }];
      const m = /^(.*\S) (\S+)$/.exec(c.text);
      if (!m || !(LEVEL1_WORD.test(m[2]!) || OP_WORD.test(m[2]!))) return [c];
      const x = c.end! - m[2]!.length;
      return [{ ...c, text: m[1]!, end: c.x! + m[1]!.length }, { ...c, text: m[2]!, x }];
    });
    const i = cells.findIndex((c, k) => LEVEL1_WORD.test(squash(c.text)) && k + 1 < cells.length);
    if (i < 0) continue;
    const level2 = cells[i + 1]!;
    const tail = cells.slice(i + 2);
    const j = tail.findIndex((c) => OP_WORD.test(squash(c.text)));
    // A name wrapped around its row: the lines above and below hold its pieces, the row none.
    if (j === rest.indexOf("op") && j >= 0) {
      const from = level2.end!;
      const to = tail[j]!.x!;
      const piece = (line: number) => byLine.get(line)?.cells.find((c) => c.x! >= from && c.end! <= to + 2);
      const above = piece(row.line - 1);
      const below = piece(row.line + 1);
      if (above || below) tail.unshift({ text: [above?.text, below?.text].filter(Boolean).join("\n"), line: (above ?? below)!.line, x: from, end: to });
    }
    const k = tail.findIndex((c) => OP_WORD.test(squash(c.text)));
    const nameCount = k - rest.indexOf("op");
    const parts = new Map<string, Cell>();
    if (LEVEL2_WORD.test(squash(level2.text)) && k >= 0 && nameCount === 1 && tail.length - nameCount <= rest.length) {
      rest.forEach((r, k) => {
        const c = tail[nameCount + k];
        if (c) parts.set(r, c);
      });
    }
    const name = tail[0];
    const valueCell = parts.get("target");
    if (!name || !valueCell || parts.size < rest.length - (parts.has("measure") || !rest.includes("measure") ? 0 : 1)) {
      out.unread.push(row.line);
      continue;
    }
    const op = squash(parts.get("op")?.text ?? "");
    const value = cellText(valueCell);
    const measure = cellText(parts.get("measure"));
    // Every cell in its role: a comparison is followed by a number, a qualitative target by words.
    if (COMPARISON.test(op) && !/^[-+]?\d/.test(squash(value))) {
      out.unread.push(row.line);
      continue;
    }
    const raw = `${COMPARISON.test(op) ? op : ""}${value}${value && measure && !value.endsWith(measure) ? measure : ""}`;
    const n = out.indicators.length;
    out.indicators.push({ level1: squash(cells[i]!.text), level2: squash(level2.text), name: cellText(name), target: parseTarget(raw) });
    out.lines.push(row.line);
    out.cites.push({ path: `/indicators/${n}/name`, line: row.line, text: cellText(name) }, { path: `/indicators/${n}/target`, line: row.line, text: raw });
  }
  return out;
}
