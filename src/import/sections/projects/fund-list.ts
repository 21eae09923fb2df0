/**
 * A drawn list of projects one row each, every project's indicators run
 * together in one cell (广州 项目支出绩效目标表（含转移支付项目）): columns
 * 项目名称（资金使用单位） / 总计 / 财政拨款 / 财政专户拨款 / 其他资金 / 绩效目标 /
 * 绩效指标, the header repeated on every page. Besides the projects the list
 * prints a 合计 row and, above each unit's projects, the unit's own row (its
 * name and amounts, no goal, no indicators): the unit row names the projects'
 * 资金使用单位 and is no project. The indicator cell reads
 *
 *   1.1－产出指标，11－数量指标，项目专职环保员数量；实施周期指标值：≦核定人数，年度指标值：≦核定人数；
 *   2、1－产出指标，12－质量指标，…
 *
 * (an item number, then 一级指标 and 二级指标 each behind its code, the 三级指标,
 * and the values for the whole period and for the year): the 年度指标值 is the
 * year's target.
 */
import {
  fenToWan,
  formatWan,
  parseAmount,
  roundingTolerance,
  sumFen,
  type Fen,
} from "../../../model/amount.ts";
import type { Project, ProjectIndicator } from "../../../model/disclosure.ts";
import { parseTarget } from "../../../model/target.ts";
import { gridOf, squash, type DrawnCell, type SourceDocument } from "../../source-document.ts";
import type { ParsedProject, Sourced } from "./table.ts";
import { splitGoals } from "./table.ts";
import { cellText } from "./rows.ts";

interface Columns {
  name: number;
  total: number;
  fiscal?: number;
  special?: number;
  other?: number;
  goal: number;
  indicators: number;
  width: number;
}

interface Amount {
  fen: Fen;
  text: string;
}

const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const LEVEL1 = "(?:产出|效益|效果|满意度|成本)指标";
/** An item's coded 一级指标: "1－产出指标，". */
const CODE = String.raw`\d\s*[－\-—]\s*${LEVEL1}\s*[，,]`;
/**
 * Where an indicator item starts: its number ("2、", "1.") before the coded 一级指标,
 * whatever ends the item before ("；", "。", or nothing after an empty 年度指标值),
 * or the coded 一级指标 alone after a "；" or "。".
 */
const ITEM_START = new RegExp(
  String.raw`(?<![\d.．])\d{1,2}\s*[、.．]\s*(?=${CODE})|(?<=[；;。])\s*(?=${CODE})`,
  "g",
);
const ITEM = new RegExp(
  String.raw`^(?:\d{1,2}\s*[、.．]\s*)?\d\s*[－\-—]\s*(${LEVEL1})\s*[，,]\s*\d{1,3}\s*[－\-—]\s*([^，,；;]+?)\s*[，,]\s*(.+?)\s*[；;。]?\s*实施周期指标值\s*[：:]?(.*?)[，,。；;]?\s*年度指标值\s*[：:]?(.*?)[；;。，,\s]*$`,
  "s",
);
/** Words that never fall inside one item's name or values: a second item run into it. */
const RUN_ON = new RegExp(String.raw`实施周期指标值|年度指标值|${CODE}`);

/** The list's columns from its header row, or undefined when the row is not such a header. */
function headerColumns(cells: DrawnCell[]): Columns | undefined {
  const grid = gridOf(cells);
  const at = (re: RegExp) => {
    for (const [x, c] of grid) if (re.test(squash(c.text))) return x;
    return undefined;
  };
  const name = at(/^项目名称/);
  const total = at(/^总计[:：]?$/);
  const goal = at(/^绩效目标$/);
  const indicators = at(/^绩效指标$/);
  const fiscal = at(/^财政拨款$/);
  const special = at(/^财政专户(?:管理资金|拨款)?$/);
  const other = at(/^其他资金$/);
  if (name === undefined || total === undefined || goal === undefined || indicators === undefined)
    return undefined;
  if (fiscal === undefined && other === undefined) return undefined;
  return {
    name,
    total,
    goal,
    indicators,
    width: cells.reduce((n, c) => n + c.span, 0),
    ...(fiscal === undefined ? {} : { fiscal }),
    ...(special === undefined ? {} : { special }),
    ...(other === undefined ? {} : { other }),
  };
}

function amountIn(grid: Map<number, DrawnCell>, x: number | undefined): Amount | undefined {
  if (x === undefined) return undefined;
  const text = squash(grid.get(x)?.text ?? "");
  if (!AMOUNT.test(text)) return undefined;
  const fen = parseAmount(text);
  return fen === undefined ? undefined : { fen, text };
}

interface Row {
  line: number;
  name: string;
  total?: Amount;
  fiscal?: Amount;
  special?: Amount;
  other?: Amount;
  goal: string;
  indicators: string;
}

/**
 * The projects of every such list in the document, and the lines the lists
 * cover (for the other list readers to leave alone).
 */
export function findFundProjectLists(doc: SourceDocument): {
  projects: { line: number; parsed: ParsedProject }[];
  covered: [number, number][];
} {
  const projects: { line: number; parsed: ParsedProject }[] = [];
  const covered: [number, number][] = [];
  let cols: Columns | undefined;
  let rows: Row[] = [];
  let from = 0;
  let to = 0;
  const flush = () => {
    if (cols && rows.length) {
      projects.push(...projectsOf(rows));
      covered.push([from, to]);
    }
    rows = [];
    cols = undefined;
  };
  for (const line of doc.lines) {
    const drawn = line.drawnRow;
    if (!drawn) continue;
    const header = headerColumns(drawn.cells);
    if (header) {
      // The header repeated over each page's part of the table goes on with the same list.
      if (!cols || header.width !== cols.width) {
        flush();
        from = line.no;
      }
      cols = header;
      to = line.no;
      continue;
    }
    if (!cols) continue;
    const width = drawn.cells.reduce((n, c) => n + c.span, 0);
    if (width !== cols.width) {
      flush();
      continue;
    }
    const grid = gridOf(drawn.cells);
    const text = (x: number) => cellText({ text: grid.get(x)?.text ?? "", line: line.no });
    const row: Row = {
      line: line.no,
      name: squash(text(cols.name)),
      goal: text(cols.goal),
      indicators: text(cols.indicators),
    };
    const total = amountIn(grid, cols.total);
    const fiscal = amountIn(grid, cols.fiscal);
    const special = amountIn(grid, cols.special);
    const other = amountIn(grid, cols.other);
    if (total) row.total = total;
    if (fiscal) row.fiscal = fiscal;
    if (special) row.special = special;
    if (other) row.other = other;
    rows.push(row);
    to = line.no;
  }
  flush();
  return { projects, covered };
}

const SUM_ROW = /^(?:合计|总计)[:：]?$/;

/** The rows read: units named, the 合计 row checked, every other row a project. */
function projectsOf(rows: Row[]): { line: number; parsed: ParsedProject }[] {
  const out: { line: number; parsed: ParsedProject }[] = [];
  let unit: { row: Row; projects: Fen[] } | undefined;
  const units: { row: Row; projects: Fen[] }[] = [];
  let sumRow: Row | undefined;
  const read = new Set<Row>();
  for (const row of rows) {
    if (!row.name) {
      // A row without a name is no one's: said beside the project above, never merged into it.
      if (row.total || row.goal || row.indicators)
        out[out.length - 1]?.parsed.problems.push({
          level: "warning",
          message: `第 ${row.line} 行未印项目名称，其金额、绩效目标和指标未导入（a row without a name）`,
          line: row.line,
        });
      continue;
    }
    if (SUM_ROW.test(row.name)) {
      sumRow ??= row;
      continue;
    }
    // A unit's own row: its amounts, nothing of a project's targets.
    if (!row.goal && !row.indicators) {
      unit = { row, projects: [] };
      units.push(unit);
      continue;
    }
    if (row.total) unit?.projects.push(row.total.fen);
    read.add(row);
    out.push({ line: row.line, parsed: parsedOf(row, unit?.row) });
  }
  // The unit rows and the 合计 add up what was read: a project missed or misread shows here,
  // beyond the rounding of each printed figure (the projects are summed in 元, then rounded).
  const off = (sum: Fen, printed: Amount, terms: number) => {
    const d = sum - printed.fen;
    return (d < 0n ? -d : d) > BigInt(terms + 1) * roundingTolerance(printed.text);
  };
  for (const u of units) {
    const sum = sumFen(u.projects);
    if (!u.row.total || !off(sum, u.row.total, u.projects.length)) continue;
    const owner = out.find((p) => p.line > u.row.line) ?? out[out.length - 1];
    owner?.parsed.problems.push({
      level: "warning",
      message: `资金使用单位「${u.row.name}」一行为${u.row.total.text}万元，其下读出的项目合计${formatWan(sum)}万元，两者不符（the unit's row ≠ the sum of its projects read）`,
      line: u.row.line,
    });
  }
  const all = sumFen(rows.flatMap((r) => (r.total && read.has(r) ? [r.total.fen] : [])));
  if (sumRow?.total && off(all, sumRow.total, read.size) && out.length)
    out[0]!.parsed.problems.push({
      level: "warning",
      message: `项目表合计为${sumRow.total.text}万元，读出的各项目总计之和为${formatWan(all)}万元，两者不符（the list's 合计 ≠ the sum of the projects read）`,
      line: sumRow.line,
    });
  return out;
}

function parsedOf(row: Row, unit: Row | undefined): ParsedProject {
  const project: Project = { name: row.name };
  const cites: Sourced[] = [{ path: "/name", line: row.line, text: row.name }];
  const problems: ParsedProject["problems"] = [];
  if (unit) {
    project.unit = { name: unit.name };
    cites.push({ path: "/unit/name", line: unit.line, text: unit.name });
  }
  if (row.total) {
    project.budget = fenToWan(row.total.fen);
    cites.push({ path: "/budget", line: row.line, text: row.total.text });
    readFunds(row, project, cites, problems);
  } else
    problems.push({
      level: "warning",
      message: "总计一栏未读出金额，项目预算未导入（no readable 总计）",
      line: row.line,
    });
  const goals = splitGoals(row.goal);
  if (goals.length) project.goals = goals;
  const read = readIndicators(row.indicators);
  project.indicators = read.indicators.map((x) => x.indicator);
  read.indicators.forEach((x, n) => {
    cites.push({ path: `/indicators/${n}/name`, line: row.line, text: x.indicator.name });
    cites.push({ path: `/indicators/${n}/target`, line: row.line, text: x.yearly });
  });
  if (read.unread.length)
    problems.push({
      level: "warning",
      message: `绩效指标一栏有 ${read.unread.length} 项未能按“一级指标，二级指标，三级指标；实施周期指标值，年度指标值”读出，未导入：「${read.unread.map((u) => u.slice(0, 40)).join("」「")}」（indicator items not read）`,
      line: row.line,
    });
  if (read.noYearly.length)
    problems.push({
      level: "warning",
      message: `绩效指标「${read.noYearly.join("」「")}」未填年度指标值，未导入（no 年度指标值 printed）`,
      line: row.line,
    });
  return { project, cites, problems };
}

/**
 * 财政拨款 and 财政专户拨款 are both the budget's fiscal money (财政资金, as against
 * 其他资金): fiscalFunds is their sum, kept only when 财政资金 and 其他资金 make up
 * the 总计 exactly.
 */
function readFunds(
  row: Row,
  project: Project,
  cites: Sourced[],
  problems: ParsedProject["problems"],
): void {
  const total = row.total!;
  const fiscalParts = [row.fiscal, row.special].filter((a): a is Amount => a !== undefined);
  const fiscal = fiscalParts.length ? sumFen(fiscalParts.map((a) => a.fen)) : undefined;
  const other = row.other?.fen;
  if (fiscal === undefined && other === undefined) return;
  if ((fiscal ?? 0n) + (other ?? 0n) !== total.fen) {
    problems.push({
      level: "warning",
      message: `总计 ${total.text} 不等于财政拨款 ${row.fiscal?.text ?? "0"}、财政专户拨款 ${row.special?.text ?? "0"} 与其他资金 ${row.other?.text ?? "0"} 之和，资金来源未导入（total ≠ fiscal + special + other）`,
      line: row.line,
    });
    return;
  }
  if (fiscal !== undefined) {
    project.fiscalFunds = fenToWan(fiscal);
    cites.push({
      path: "/fiscalFunds",
      line: row.line,
      text:
        fiscalParts.length === 1
          ? fiscalParts[0]!.text
          : fiscalParts.map((a) => a.text).join(" + "),
    });
  }
  if (row.other) {
    project.otherFunds = fenToWan(row.other.fen);
    cites.push({ path: "/otherFunds", line: row.line, text: row.other.text });
  }
}

/** The indicator cell's items: each read, or kept as printed among the unread. */
export function readIndicators(cell: string): {
  indicators: { indicator: ProjectIndicator; yearly: string }[];
  unread: string[];
  /** The names of items whose 年度指标值 is blank. */
  noYearly: string[];
} {
  const text = cell.replace(/\s*\n\s*/g, "").trim();
  const indicators: { indicator: ProjectIndicator; yearly: string }[] = [];
  const unread: string[] = [];
  const noYearly: string[] = [];
  if (!text) return { indicators, unread, noYearly };
  const starts = [...text.matchAll(ITEM_START)].map((m) => m.index);
  if (starts[0] !== 0) starts.unshift(0);
  starts.forEach((at, k) => {
    const item = text.slice(at, starts[k + 1] ?? text.length).trim();
    if (!item.replace(/[；;。，,\s]/g, "")) return;
    const m = ITEM.exec(item);
    const name = m?.[3]?.replace(/[。；;，,]+$/, "").trim();
    const yearly = m?.[5]?.trim();
    if (!m || !name || [name, m[4]!, yearly ?? ""].some((t) => RUN_ON.test(t))) {
      unread.push(item);
      return;
    }
    // No year's target printed: the period's is not this year's, so the item is left out.
    if (!yearly) {
      noYearly.push(name);
      return;
    }
    indicators.push({
      indicator: { level1: m[1]!, level2: squash(m[2]!), name, target: parseTarget(yearly) },
      yearly,
    });
  });
  return { indicators, unread, noYearly };
}
