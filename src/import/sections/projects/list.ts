/**
 * 项目支出绩效目标表 printed as one list for many projects (Beijing 预算12表,
 * Hunan 项目支出绩效目标表, Chongqing 一般性项目绩效目标表, a 重点项目 summary):
 * a header with a name column, an amount column and a goal or indicator
 * column, then one block of lines per project. In PDF text a project's cells
 * wrap over several lines, so a project is found by the amount in its amount
 * column and its name gathered from the name column around that line.
 */
import { fenToWan, parseAmount } from "../../../model/amount.ts";
import type { Project } from "../../../model/disclosure.ts";
import { squash, type Cell, type SourceDocument, type SourceLine } from "../../source-document.ts";
import { labelText } from "./labels.ts";
import type { ParsedProject } from "./table.ts";
import { splitColumns } from "../../readers/text.ts";
import { readListIndicators, type ProjectPrint } from "./list-indicators.ts";

const LIST_NAME =
  /^(项目名称|单位\(项目\)名称|一级项目名称|二级项目名称|项目\(资金\)名称|专项资金名称|专项名称)$/;
const LIST_AMOUNT =
  /^(项目总额|资金总额|预算数|预算金额|当年预算|年度预算|预算总额|金额|合计|当年财政拨款(预算金额)?|年度资金总额|财政拨款)(\(万元\)|\(元\))?$/;
const LIST_GOAL = /^(绩效目标|当年绩效目标|年度绩效目标|年度目标|一级指标|指标名称|绩效指标)$/;
const TOTAL = /^(合计|总计|小计|本级|全部)$/;
/**
 * "部门：…" / "单位名称：长沙市公安局" over the list: the unit whose own row (its code, its name,
 * the list's total) heads its projects and is no project.
 */
const UNIT_CAPTION = /^(部门|单位|预算单位)(名称)?[:：](.+?)((?:金额)?单位[:：].*)?$/;
const MONEY_UNIT = /^(?:万元|元|千元|亿元)$/;
const AMOUNT = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;
/** A project code printed in the name column: letters and digits, at least ten. */
const CODE = /^(?=.*\d)[0-9A-Z-]{10,}$/;
const STOP_TITLE =
  /绩效目标表|^表[\d一二三四五六七八九十]+|^第[一二三四五六七八九十]+部分|^预算\d+表|^公开\d+表/;

interface Header {
  line: number;
  /** Name column: from the end of the column to its left up to the amount column. */
  nameFrom: number;
  nameTo: number;
  /** Where the name label starts: an amount lies right of it. */
  nameX: number;
  /** Amount column: from the name column to the goal column. */
  amountTo: number;
  title: string;
}

export function findProjectLists(doc: SourceDocument): { line: number; parsed: ParsedProject }[] {
  if (doc.layout !== "columns") return [];
  const lines = doc.lines.filter((l) => !l.furniture);
  const out: { line: number; parsed: ParsedProject }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = headerAt(lines, i);
    if (!header) continue;
    const { projects, end } = readList(lines, i, header);
    out.push(...projects);
    i = Math.max(i, end);
  }
  return out;
}

/** A name column label; every one ends in 名称, so other cells are not normalised at all. */
const isNameLabel = (c: Cell): boolean =>
  c.text.includes("称") && LIST_NAME.test(labelText(c.text));

function cellsOf(line: SourceLine): Cell[] {
  // "44210-法律援助值 1,582.550000 1,582.550000": amounts set off by one space from the name.
  const out: Cell[] = [];
  for (const c of splitColumns(line.text, line.no)) {
    // "138.11 动信访矛盾…": an amount set off by one space from the next column's text.
    const lead = /^([-\d,]+\.\d+) (\S.*)$/.exec(c.text);
    if (lead && AMOUNT.test(lead[1]!)) {
      out.push({ ...c, text: lead[1]!, end: c.x! + lead[1]!.length });
      const x = c.x! + lead[1]!.length + 1;
      out.push({ ...c, text: lead[2]!, x, end: x + lead[2]!.length });
      continue;
    }
    const m = /^(.*?\S)((?: [-\d,]+\.\d+)+)$/.exec(c.text);
    if (m && !AMOUNT.test(c.text) && !/\d$/.test(m[1]!)) {
      out.push({ ...c, text: m[1]!, end: c.x! + m[1]!.length });
      let x = c.x! + m[1]!.length;
      for (const part of m[2]!.split(" ").filter(Boolean)) {
        x += 1;
        out.push({ text: part, line: c.line, x, end: x + part.length });
        x += part.length;
      }
    } else out.push(c);
  }
  return out;
}

/** A header line: a name column label, with an amount and a goal/indicator label near it. */
function headerAt(lines: SourceLine[], i: number): Header | undefined {
  // Every name label ends in 名称: skip the column split for all other lines.
  if (!/名\s*称/.test(lines[i]!.text)) return undefined;
  const cells = cellsOf(lines[i]!);
  const nameIdx = cells.findIndex(isNameLabel);
  if (nameIdx < 0) return undefined;
  const name = cells[nameIdx]!;
  // The label right after the name must be a label too (a list header), not the project's name.
  const after = cells[nameIdx + 1];
  if (!after || !(LIST_AMOUNT.test(labelText(after.text)) || LIST_GOAL.test(labelText(after.text))))
    return undefined;
  const near = lines.slice(Math.max(0, i - 3), i + 4).flatMap(cellsOf);
  const amount = near
    .filter((c) => c.x! > name.x! && LIST_AMOUNT.test(labelText(c.text)))
    .sort((a, b) => a.x! - b.x!)[0];
  if (!amount) return undefined;
  const goal = near
    .filter((c) => c.x! > amount.x! && LIST_GOAL.test(labelText(c.text)))
    .sort((a, b) => a.x! - b.x!)[0];
  if (!goal) return undefined;
  const left = cells[nameIdx - 1];
  let title = "";
  for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
    const t = squash(lines[j]!.text);
    if (/绩效目标表/.test(t)) {
      title = t.replace(/^.*?(?=\d{4}年|[^\d]*绩效目标表)/, "");
      break;
    }
  }
  return {
    line: lines[i]!.no,
    nameFrom: left ? left.end! : 0,
    nameTo: amount.x!,
    nameX: name.x!,
    amountTo: goal.x!,
    title,
  };
}

interface DataLine {
  index: number;
  line: SourceLine;
  amount: Cell;
  nameParts: { index: number; text: string; line: number }[];
  code?: { text: string; line: number };
  leftCode?: { text: string; line: number };
}

/** A name piece or code printed on a line without an amount: it belongs to the nearest project line. */
interface LoosePart {
  index: number;
  text: string;
  line: number;
  code: boolean;
}

/** What one pass over a list's lines finds. */
interface ListScan {
  data: DataLine[];
  loose: LoosePart[];
  /** Indexes of the header line on each page. */
  headers: number[];
  end: number;
  departmentName: string | undefined;
}

function readList(
  lines: SourceLine[],
  start: number,
  header: Header,
): { projects: { line: number; parsed: ParsedProject }[]; end: number } {
  const scan = scanList(lines, start, header);
  attachLoose(scan.data, scan.loose);
  const { projects, prints } = listProjects(scan.data, scan.departmentName);
  const { byProject } = readListIndicators(
    lines,
    scan.headers,
    scan.end,
    prints,
    projects.map((p) => p.parsed.project.name),
  );
  for (const [p, found] of byProject) {
    const { parsed } = projects[p]!;
    if (found.indicators.length) parsed.project.indicators = found.indicators;
    parsed.cites.push(...found.cites);
    parsed.problems.push(...found.problems);
  }
  return { projects, end: scan.end };
}

/** The list's lines from its header on: project lines (with an amount), loose name parts, page headers. */
function scanList(lines: SourceLine[], start: number, header: Header): ListScan {
  const scan: ListScan = {
    data: [],
    loose: [],
    headers: [start],
    end: start,
    departmentName: undefined,
  };
  for (let j = Math.max(0, start - 4); j < start; j++) {
    const m = UNIT_CAPTION.exec(squash(lines[j]!.text));
    if (m && !MONEY_UNIT.test(m[3]!)) scan.departmentName = m[3];
  }
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const text = squash(line.text);
    if (!text) continue;
    if (STOP_TITLE.test(text)) {
      // The list's own title repeated on a new page does not end it.
      if (!(header.title && text.endsWith(header.title)) && !/项目.*绩效目标表/.test(text)) break;
      continue;
    }
    if (headerAt(lines, i)) {
      scan.headers.push(i);
      continue;
    }
    const dept = UNIT_CAPTION.exec(text);
    if (dept && !MONEY_UNIT.test(dept[3]!)) {
      scan.departmentName = dept[3];
      continue;
    }
    scan.end = i;
    scanLine(scan, line, i, header);
  }
  return scan;
}

/** One line of the list: a project line when it has an amount, else loose name parts. */
function scanLine(scan: ListScan, line: SourceLine, i: number, header: Header): void {
  const cells = cellsOf(line);
  // Labels of a header repeated on a new page are not names.
  if (cells.some(isNameLabel)) return;
  const amount = cells.find(
    (c) => c.x! > header.nameX && c.x! < header.amountTo && AMOUNT.test(c.text.trim()),
  );
  const nameCells = cells.filter(
    (c) =>
      c.x! >= header.nameFrom - 1 &&
      c.x! < header.nameTo &&
      c !== amount &&
      !AMOUNT.test(c.text.trim()),
  );
  const leftCells = cells.filter((c) => c.x! < header.nameFrom);
  if (amount) {
    const d: DataLine = { index: i, line, amount, nameParts: [] };
    for (const c of nameCells) {
      if (CODE.test(c.text.trim())) d.code = { text: c.text.trim(), line: line.no };
      else d.nameParts.push({ index: i, text: c.text.trim(), line: line.no });
    }
    const lc = leftCells.find((c) => /^\d{3,}$/.test(c.text.trim()));
    if (lc) d.leftCode = { text: lc.text.trim(), line: line.no };
    scan.data.push(d);
  } else {
    for (const c of nameCells)
      scan.loose.push({
        index: i,
        text: c.text.trim(),
        line: line.no,
        code: CODE.test(c.text.trim()),
      });
  }
}

/**
 * Wrapped name lines and codes belong to the nearest project line (within a few lines).
 * `data` is in line order: the candidates are the neighbours of the part's place in it.
 */
function attachLoose(data: DataLine[], loose: LoosePart[]): void {
  for (const part of loose) {
    let lo = 0;
    let hi = data.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (data[mid]!.index < part.index) lo = mid + 1;
      else hi = mid;
    }
    let best: DataLine | undefined;
    let dist = 7;
    for (const d of data.slice(Math.max(0, lo - 1), lo + 1)) {
      const dd = Math.abs(d.index - part.index);
      if (dd < dist || (dd === dist && d.index > part.index)) [best, dist] = [d, dd];
    }
    if (!best) continue;
    if (part.code) best.code ??= { text: part.text, line: part.line };
    else best.nameParts.push({ index: part.index, text: part.text, line: part.line });
  }
}

/** The projects of the list's lines, and where each project's merged cells are printed. */
function listProjects(
  data: DataLine[],
  departmentName: string | undefined,
): { projects: { line: number; parsed: ParsedProject }[]; prints: ProjectPrint[] } {
  const units = new Set<string>();
  if (departmentName) units.add(squash(departmentName));
  const projects: { line: number; parsed: ParsedProject }[] = [];
  let previous: Project | undefined;
  const prints: ProjectPrint[] = [];
  // Codes in one list share one length: a name that starts with a longer run of code characters has its code run into it.
  const codeLengths = new Set(data.flatMap((d) => (d.code ? [d.code.text.length] : [])));
  const codeLength = codeLengths.size === 1 ? [...codeLengths][0]! : undefined;
  for (const d of data) {
    d.nameParts.sort((a, b) => a.index - b.index);
    let name = d.nameParts.map((p) => p.text).join("");
    const glued = codeLength && !d.code ? /^[0-9A-Z]+(?=[-\u4e00-\u9fff])/.exec(name) : null;
    if (glued && glued[0].length > codeLength! && CODE.test(glued[0].slice(0, codeLength))) {
      d.code = { text: name.slice(0, codeLength), line: d.nameParts[0]!.line };
      name = name.slice(codeLength);
    }
    if (!name || TOTAL.test(squash(name)) || units.has(squash(name))) continue;
    const fen = parseAmount(d.amount.text);
    if (fen === undefined) continue;
    const budget = fenToWan(fen);
    const oneLine = d.nameParts.every((x) => x.line === d.line.no);
    // A project whose merged cells are printed again after a page break is one project.
    if (previous && previous.budget === budget && squash(previous.name) === squash(name)) {
      prints.push({ line: d.line.no, project: projects.length - 1, oneLine });
      continue;
    }
    const project: Project = { name, budget };
    if (d.code) project.code = d.code.text;
    if (d.leftCode) project.unit = { code: d.leftCode.text };
    const cites = [
      { path: "/name", line: d.nameParts[0]!.line, text: name },
      { path: "/budget", line: d.amount.line, text: d.amount.text },
    ];
    if (d.code) cites.push({ path: "/code", line: d.code.line, text: d.code.text });
    prints.push({ line: d.line.no, project: projects.length, oneLine });
    projects.push({ line: d.line.no, parsed: { project, cites, problems: [] } });
    previous = project;
  }
  return { projects, prints };
}
