/**
 * A list of projects (北京 预算表12 项目支出绩效目标表) in a PDF that draws the
 * table's rules (SourceLine.drawnRow): columns 项目名称 / 项目总额 / 其中 财政资金,
 * 其他资金 / 绩效目标 / 一级指标 … 绩效度量单位, each project's name, amounts and
 * goal merged over its indicator rows. The drawn cells say where a merged cell
 * starts (a cell not `continued`), so a project's band is read from the rules,
 * not from where its centred name happens to be printed. Across a page break a
 * band goes on in a new part of the cell (not `continued` on the page's first
 * row, its text printed again or not at all); the header repeated on the page,
 * and whatever of the project is printed in and around it, is left out.
 */
import { fenToWan, parseAmount, type Fen } from "../../../model/amount.ts";
import type { Project, ProjectIndicator } from "../../../model/disclosure.ts";
import { parseTarget } from "../../../model/target.ts";
import { gridOf, squash, type DrawnCell, type SourceDocument } from "../../source-document.ts";
import type { ParsedProject, Sourced } from "./table.ts";

/** 北京's project code (110000 + year + kind + number) glued to the project's own "2127-" name. */
const CODE_NAME = /^(\d{8}[A-Z]\d{8})(\d{4}-.+)$/;
/** Header words that share a cell with a project's text continued from the page before. */
const HEADER_WORDS = /项目名称|项目总额|其中[:：]?|财政资金|其他资金|绩效目标|金额单位[:：]万元/g;
const AMOUNT = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;
const LEVEL1 = /^(产出|效益|效果|满意度|成本)指标$/;
const COMPARISON = /^(≥|≤|＝|=|＞|＜|>|<)$/;

interface Columns {
  name: number;
  total: number;
  fiscal?: number;
  other?: number;
  goal?: number;
  level1: number;
  level2: number;
  level3: number;
  op: number;
  value: number;
  measure?: number;
}

/** An amount group: one 项目总额 / 财政资金 / 其他资金 printing and the goal beside it. */
interface Group {
  line: number;
  total?: { fen: Fen; text: string; line: number };
  fiscal?: { fen: Fen; text: string };
  other?: { fen: Fen; text: string };
  goal: string;
}

interface Band {
  line: number;
  name?: { text: string; raw: string; line: number; code?: string };
  groups: Group[];
  indicators: { indicator: ProjectIndicator; cites: Sourced[] }[];
}

const flat = (t: string) => squash(t).replace(/\s+/g, "");

/** The list's columns from a header row (and the 财政资金 / 其他资金 row under it). */
function headerColumns(cells: DrawnCell[], below: DrawnCell[] | undefined): Columns | undefined {
  const at = (re: RegExp, from = gridOf(cells)) => {
    for (const [x, c] of from) if (re.test(flat(c.text))) return x;
    return undefined;
  };
  const name = at(/项目名称/);
  const total = at(/项目总额/);
  const level1 = at(/^一级指标$/);
  const level2 = at(/^二级指标$/);
  const level3 = at(/^三级指标$/);
  const op = at(/^(绩效)?指标性质$/);
  const value = at(/^(本年)?(绩效)?指标值$/);
  if (
    name === undefined ||
    total === undefined ||
    level1 === undefined ||
    level2 === undefined ||
    level3 === undefined ||
    op === undefined ||
    value === undefined
  )
    return undefined;
  const sub = below ? gridOf(below) : undefined;
  const cols: Columns = { name, total, level1, level2, level3, op, value };
  const fiscal = sub && at(/财政资金/, sub);
  const other = sub && at(/其他资金/, sub);
  const goal = at(/绩效目标/);
  const measure = at(/度量单位/);
  if (fiscal !== undefined) cols.fiscal = fiscal;
  if (other !== undefined) cols.other = other;
  if (goal !== undefined) cols.goal = goal;
  if (measure !== undefined) cols.measure = measure;
  return cols;
}

const isHeaderRow = (cells: DrawnCell[]) =>
  cells.some((c) => flat(c.text) === "一级指标") && cells.some((c) => /项目总额/.test(c.text));

/** A cell's text without the header words a repeated header prints into it. */
const clean = (c: DrawnCell | undefined) => (c ? flat(c.text).replace(HEADER_WORDS, "") : "");

function amountOf(c: DrawnCell | undefined): { fen: Fen; text: string } | undefined {
  const t = clean(c);
  if (!t || !AMOUNT.test(t)) return undefined;
  const fen = parseAmount(t);
  return fen === undefined ? undefined : { fen, text: t };
}

/**
 * The projects of every drawn project list of the document, and the lines the
 * lists cover (for the text reader to leave alone).
 */
export function findDrawnProjectLists(doc: SourceDocument): {
  projects: { line: number; parsed: ParsedProject }[];
  covered: [number, number][];
} {
  const projects: { line: number; parsed: ParsedProject }[] = [];
  const covered: [number, number][] = [];
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const row = lines[i]!.drawnRow;
    if (!row || !isHeaderRow(row.cells)) continue;
    const read = readList(doc, i);
    if (!read) continue;
    projects.push(...read.projects);
    covered.push([lines[i]!.no, lines[read.end]!.no]);
    i = read.end;
  }
  return { projects, covered };
}

function readList(
  doc: SourceDocument,
  start: number,
): { projects: { line: number; parsed: ParsedProject }[]; end: number } | undefined {
  const lines = doc.lines;
  const bands: Band[] = [];
  let cols: Columns | undefined;
  /** The grid's width under the header (the 财政资金 row's). */
  let width = 0;
  let page = -1;
  /** Body rows of the page read so far. */
  let bodyRows = 0;
  let inBody = false;
  let end = start;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const drawn = line.drawnRow;
    if (!drawn) continue;
    if (line.page !== page) {
      page = line.page ?? page;
      bodyRows = 0;
      // A page that repeats the header starts its body after it; one without goes on with the list's columns.
      if (pageHasHeader(lines, i)) inBody = false;
    }
    if (isHeaderRow(drawn.cells)) {
      const below = lines[i + 1]?.drawnRow?.cells;
      const found = headerColumns(drawn.cells, below);
      if (!found) break;
      cols = found;
      // The 财政资金 / 其他资金 row under the header is the header's too.
      if (below?.some((c) => /财政资金/.test(c.text))) {
        width = spanOf(below);
        i++;
      } else width = spanOf(drawn.cells);
      inBody = true;
      end = i;
      continue;
    }
    if (!inBody || !cols) continue;
    let cells = drawn.cells;
    // A page may draw only the indicator columns, the project's name and amounts printed beside them as plain text.
    if (spanOf(cells) === width - cols.level1 && cols.level1 > cols.name && indicatorOnly(cells))
      cells = [...leftCells(lines, i, cols, bodyRows === 0, bands), ...cells];
    // A part of the table drawn on a new page may lose the empty column at its left: align on the right.
    const shift = width - spanOf(cells);
    if (shift < 0 || shift > 1 || cols.name - shift < 0) break;
    end = i;
    readRow(bands, cells, shifted(cols, shift), line.no, bodyRows === 0);
    bodyRows++;
  }
  if (!bands.length) return undefined;
  bands.forEach((band, n) => {
    if (!band.name) namePrinted(band, lines, bands[n + 1]?.line ?? lines[end]!.no + 1);
  });
  return { projects: projectsOf(bands), end };
}

/** A row of the indicator columns only: its first cell an 一级指标 (or empty, merged over). */
const indicatorOnly = (cells: DrawnCell[]) => {
  const first = flat(cells[0]?.text ?? "");
  return !first || LEVEL1.test(first);
};

/**
 * The cells left of the indicator columns on a page that draws only those: on the page's first
 * row, the project name and amounts printed as plain text on the page (a name cut at the page's
 * edge, or a bare code, names nothing), as a drawn row would hold them; below it, merged over.
 */
function leftCells(
  lines: SourceDocument["lines"],
  i: number,
  cols: Columns,
  pageStart: boolean,
  bands: Band[],
): DrawnCell[] {
  const out: DrawnCell[] = [];
  for (let x = 0; x < cols.level1; x++) out.push({ text: "", span: 1, continued: !pageStart });
  if (!pageStart) return out;
  const page = lines[i]!.page;
  let from = i;
  let to = i;
  while (from > 0 && lines[from - 1]!.page === page) from--;
  while (to < lines.length && lines[to]!.page === page) to++;
  const printed = plainProject(lines, from, to);
  const band = bands[bands.length - 1];
  let name = printed.name;
  const named = name ? nameOf(name, lines[i]!.no) : undefined;
  if (named && band?.name) {
    const key = (n: NonNullable<Band["name"]>) =>
      `${n.code ?? ""}${/^\d{4}-/.exec(n.text)?.[0] ?? n.text}`;
    // The project printed again on the page: no new project. A bare code read before gets its name.
    if (/^[0-9A-Z]+$/.test(band.name.raw) && named.raw.startsWith(band.name.raw)) {
      band.name = named;
      name = "";
    } else if (key(band.name) === key(named)) name = "";
  }
  out[cols.name]!.text = name ?? "";
  const amounts = printed.amounts;
  if (amounts.length >= 2 && amounts.length <= 3) {
    out[cols.total]!.text = amounts[0]!;
    if (cols.fiscal !== undefined) out[cols.fiscal]!.text = amounts[1]!;
    if (cols.other !== undefined && amounts[2]) out[cols.other]!.text = amounts[2];
  }
  const group = band?.groups[band.groups.length - 1];
  // A goal printed again (or cut at the page's edge) on a later page adds nothing to the one read.
  if (cols.goal !== undefined && !(name === "" && group?.goal)) out[cols.goal]!.text = printed.goal;
  return out;
}

/**
 * A page's plain text beside drawn indicator rows, as printed: the name column's text starts
 * its lines (wrapped, the code on its own line or glued to "NNNN-"), the amounts and the goal
 * come after runs of spaces. A name that is not a whole code + "NNNN-name" is not taken.
 */
function plainProject(
  lines: SourceDocument["lines"],
  from: number,
  to: number,
): { name?: string; amounts: string[]; goal: string } {
  let name = "";
  let goal = "";
  const amounts: string[] = [];
  for (let j = from; j < to && j < lines.length; j++) {
    const line = lines[j]!;
    if (line.furniture) continue;
    let text = line.text;
    const drawn = line.drawnRow;
    if (drawn) {
      // The name column's text printed on a drawn row's line, left of its first cell that holds text.
      const first = squash(drawn.cells.find((c) => squash(c.text))?.text ?? "").slice(0, 4);
      const at = first ? text.indexOf(first) : -1;
      if (at <= 0) continue;
      text = text.slice(0, at);
    }
    if (!text.trim()) continue;
    const parts = text.split(/\s{2,}/);
    parts.forEach((part, n) => {
      const t = part.trim();
      if (!t) return;
      if (n === 0 && !/^\s/.test(text)) name += t;
      else if (AMOUNT.test(t)) amounts.push(t);
      else goal += t;
    });
  }
  name = flat(name);
  return CODE_NAME.test(name) && amounts.length <= 3
    ? { name, amounts, goal: flat(goal) }
    : { amounts: [], goal: "" };
}

/**
 * A band whose name cell prints nothing may have its name (and amounts) printed as plain text
 * over its rows, outside the cells the PDF draws (P109 p40): taken when it is a whole
 * code + "NNNN-name" (lines numbered from 1 in order: line n is lines[n - 1]).
 */
function namePrinted(band: Band, lines: SourceDocument["lines"], until: number): void {
  const printed = plainProject(lines, band.line - 1, until - 1);
  if (!printed.name) return;
  band.name = nameOf(printed.name, band.line);
  const [total, fiscal, other] = printed.amounts.map((t) => ({ t, fen: parseAmount(t) }));
  if (band.groups.some((g) => g.total) || total?.fen === undefined || fiscal?.fen === undefined)
    return;
  const group = band.groups[0] ?? { line: band.line, goal: "" };
  if (!band.groups.length) band.groups.push(group);
  group.total = { fen: total.fen, text: total.t, line: band.line };
  group.fiscal = { fen: fiscal.fen, text: fiscal.t };
  if (other?.fen !== undefined) group.other = { fen: other.fen, text: other.t };
}

const spanOf = (cells: DrawnCell[]) => cells.reduce((n, c) => n + c.span, 0);

function shifted(cols: Columns, by: number): Columns {
  if (!by) return cols;
  return Object.fromEntries(
    Object.entries(cols).map(([k, v]) => [k, v - by]),
  ) as unknown as Columns;
}

/** Whether the page of line `i` prints the list's header (a new part of the table after a page break). */
function pageHasHeader(lines: SourceDocument["lines"], i: number): boolean {
  const page = lines[i]!.page;
  let from = i;
  while (from > 0 && lines[from - 1]!.page === page) from--;
  for (let j = from; j < lines.length && lines[j]!.page === page; j++) {
    const d = lines[j]!.drawnRow;
    if (d && isHeaderRow(d.cells)) return true;
  }
  return false;
}

function readRow(
  bands: Band[],
  cells: DrawnCell[],
  cols: Columns,
  lineNo: number,
  pageStart: boolean,
): void {
  const grid = gridOf(cells);
  const nameCell = grid.get(cols.name);
  let band = bands[bands.length - 1];
  const text = clean(nameCell);
  // A name cell that starts, empty, beside an amount merged from above: the name column's rules
  // are drawn row by row (P109 p40), no new project.
  const ruled = !text && !pageStart && grid.get(cols.total)?.continued === true;
  if (nameCell && !nameCell.continued && !ruled) {
    const named = text ? nameOf(text, lineNo) : undefined;
    // A page's first row starts a new part of the merged cell: the same project unless it names another.
    const same =
      pageStart &&
      band &&
      (!named || !band.name || (band.name.text === named.text && band.name.code === named.code));
    // A coded name wrapped over the page break goes on on the next page: "2938-道路交通信号" |
    // "灯专用设备采购项目（第四期）", or its code cut: "11000022T000000" | "456102-成本监审工作经费".
    const cut = pageStart && !same && named && band?.name;
    if (cut && /^[0-9A-Z]+$/.test(band!.name!.raw))
      band!.name = nameOf(band!.name!.raw + text, band!.name!.line);
    else if (cut && band!.name!.code && !named!.code) {
      band!.name!.text += named!.text;
      band!.name!.raw += named!.text;
    } else if (!same || !band) {
      band = { line: lineNo, groups: [], indicators: [] };
      if (named) band.name = named;
      bands.push(band);
    } else if (named && !band.name) band.name = named;
  }
  if (!band) return;
  readAmounts(band, grid, cols, lineNo, pageStart);
  const level1 = flat(grid.get(cols.level1)?.text ?? "");
  if (LEVEL1.test(level1)) {
    const read = indicatorOf(grid, cols, lineNo);
    if (read) band.indicators.push(read);
  }
}

function nameOf(text: string, line: number): Band["name"] {
  const m = CODE_NAME.exec(text);
  return m ? { text: m[2]!, raw: text, line, code: m[1]! } : { text, raw: text, line };
}

/** The 项目总额 / 财政资金 / 其他资金 and 绩效目标 of a row where their cells start. */
function readAmounts(
  band: Band,
  grid: Map<number, DrawnCell>,
  cols: Columns,
  lineNo: number,
  pageStart: boolean,
): void {
  const totalCell = grid.get(cols.total);
  const goalCell = cols.goal === undefined ? undefined : grid.get(cols.goal);
  let group = band.groups[band.groups.length - 1];
  if (totalCell && !totalCell.continued) {
    const total = amountOf(totalCell);
    const fiscal = cols.fiscal === undefined ? undefined : amountOf(grid.get(cols.fiscal));
    const other = cols.other === undefined ? undefined : amountOf(grid.get(cols.other));
    // A page's first row goes on with the group above: its amounts printed again, or printed only here.
    const goesOn = pageStart && group && (!total || !group.total || group.total.fen === total.fen);
    if (!goesOn || !group) {
      group = { line: lineNo, goal: "" };
      band.groups.push(group);
    }
    if (total && !group.total) {
      group.total = { ...total, line: lineNo };
      if (fiscal) group.fiscal = fiscal;
      if (other) group.other = other;
    }
  }
  if (group && goalCell && !goalCell.continued) group.goal += clean(goalCell);
}

function indicatorOf(
  grid: Map<number, DrawnCell>,
  cols: Columns,
  lineNo: number,
): { indicator: ProjectIndicator; cites: Sourced[] } | undefined {
  const text = (x: number | undefined) =>
    x === undefined ? "" : squash(grid.get(x)?.text ?? "").trim();
  const level1 = flat(text(cols.level1));
  const level2 = flat(text(cols.level2));
  const name = text(cols.level3);
  const op = flat(text(cols.op));
  const value = text(cols.value);
  const measure = text(cols.measure);
  if (!level2 || !name || !value) return undefined;
  if (COMPARISON.test(op) && !/^[-+]?\d/.test(value)) return undefined;
  const raw = `${COMPARISON.test(op) ? op : ""}${value}${measure && !value.endsWith(measure) ? measure : ""}`;
  return {
    indicator: { level1, level2, name, target: parseTarget(raw) },
    cites: [
      { path: "/name", line: lineNo, text: name },
      { path: "/target", line: lineNo, text: raw },
    ],
  };
}

function projectsOf(bands: Band[]): { line: number; parsed: ParsedProject }[] {
  const out: { line: number; parsed: ParsedProject }[] = [];
  const unnamed: Band[] = [];
  for (const band of bands) {
    if (!band.name) {
      unnamed.push(band);
      continue;
    }
    // A band split in two (a page break misread) names its project twice in a row: one project.
    const last = out[out.length - 1];
    const prev = last && bands.find((b) => b.line === last.line);
    if (
      last &&
      prev?.name &&
      prev.name.text === band.name.text &&
      prev.name.code === band.name.code &&
      prev !== band
    ) {
      prev.groups.push(...band.groups);
      prev.indicators.push(...band.indicators);
      last.parsed = parsedOf(prev);
      continue;
    }
    out.push({ line: band.line, parsed: parsedOf(band) });
  }
  if (unnamed.length && out.length) {
    // Rows whose project cannot be named are nobody's: say so beside the project read before them.
    for (const band of unnamed) {
      const owner = [...out].reverse().find((p) => p.line < band.line) ?? out[0]!;
      owner.parsed.problems.push({
        level: "warning",
        message: `第 ${band.line} 行起的项目未印出名称，其金额和 ${band.indicators.length} 条绩效指标未导入（project rows without a name）`,
        line: band.line,
      });
    }
  }
  return out;
}

function parsedOf(band: Band): ParsedProject {
  const name = band.name!;
  const project: Project = { name: name.text };
  const cites: Sourced[] = [{ path: "/name", line: name.line, text: name.text }];
  const problems: ParsedProject["problems"] = [];
  if (name.code) {
    project.code = name.code;
    cites.push({ path: "/code", line: name.line, text: name.code });
  }
  const priced = band.groups.filter((g) => g.total);
  if (priced.length === 1) {
    const g = priced[0]!;
    const fiscal = g.fiscal?.fen ?? 0n;
    const other = g.other?.fen ?? 0n;
    if (fiscal + other === g.total!.fen) {
      project.budget = fenToWan(g.total!.fen);
      cites.push({ path: "/budget", line: g.total!.line, text: g.total!.text });
      if (g.fiscal) {
        project.fiscalFunds = fenToWan(g.fiscal.fen);
        cites.push({ path: "/fiscalFunds", line: g.total!.line, text: g.fiscal.text });
      }
      if (g.other) {
        project.otherFunds = fenToWan(g.other.fen);
        cites.push({ path: "/otherFunds", line: g.total!.line, text: g.other.text });
      }
    } else
      problems.push({
        level: "warning",
        message: `项目总额 ${g.total!.text} 不等于财政资金 ${g.fiscal?.text ?? "0"} 与其他资金 ${g.other?.text ?? "0"} 之和，金额未导入（total ≠ fiscal + other）`,
        line: g.total!.line,
      });
  } else if (!priced.length)
    problems.push({
      level: "warning",
      message: "项目总额一栏未读出单一金额，项目总额未导入（no readable 项目总额）",
      line: band.line,
    });
  else if (priced.length > 1)
    problems.push({
      level: "warning",
      message: `项目在 ${priced.length} 行分列金额（${priced.map((g) => g.total!.text).join("、")}），项目总额及各行的绩效指标未导入（several amounts under one project）`,
      line: priced[0]!.line,
    });
  const goals = band.groups.map((g) => g.goal).filter(Boolean);
  if (goals.length) project.goals = goals;
  // Several amount rows under one name are several parts (each unit's share, each with its own
  // indicators): run together they would read as one project repeating its indicators.
  if (priced.length > 1) return { project, cites, problems };
  project.indicators = band.indicators.map((x) => x.indicator);
  band.indicators.forEach((x, n) => {
    for (const c of x.cites) cites.push({ ...c, path: `/indicators/${n}${c.path}` });
  });
  return { project, cites, problems };
}
