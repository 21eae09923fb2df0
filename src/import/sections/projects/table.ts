/**
 * One 项目绩效目标表 (one project per table): label cells (项目编码, 项目名称,
 * 预算数, 资金支出计划, 绩效目标 …) each followed by their value, then the
 * indicator grid under its 一级指标/二级指标/三级指标 header. Labels are
 * recognised by their wording, values taken from the cell after the label,
 * the spending plan by the column of each month label.
 */
import { declaredUnit, fenToWan, parseAmount, type MoneyUnit } from "../../../model/amount.ts";
import type { Project, ProjectIndicator } from "../../../model/disclosure.ts";
import { parseTarget } from "../../../model/target.ts";
import { squash, type Cell } from "../../source-document.ts";
import { memoByText } from "../../memo.ts";
import { cellText, type ProjectRow } from "./rows.ts";
import { columnsGrids, type ColumnsGrid } from "./columns.ts";
import { indicatorColumns, labelText, type IndicatorRole } from "./labels.ts";

/** A value and where it was printed. */
export interface Sourced {
  /** JSON Pointer relative to the project, e.g. "/budget". */
  path: string;
  line: number;
  text: string;
}

export interface ParsedProject {
  project: Project;
  cites: Sourced[];
  problems: { level: "error" | "warning" | "info"; message: string; line: number }[];
}

export const CODE_LABEL = /^项目(编码|代码|编号)$/;
export const NAME_LABEL =
  /^(项目名称|专项资金名称|专项名称|项目\(资金\)名称|资金名称|一级项目名称|二级项目名称)$/;
const BUDGET_LABEL =
  /^(预算数|预算金额|年度预算数?|年度资金总额|资金总额|当年预算|预算总额|项目总额|当年财政拨款预算金额|实施期资金总额)$/;
const FISCAL_LABEL = /^(其中)?[:：]?(财政资金|财政拨款)$/;
const OTHER_LABEL = /^(其中)?[:：]?其他资金$/;
const PURPOSE_LABEL = /^(资金用途|主要用途|项目概况|项目内容|项目简介)$/;
const UNIT_LABEL = /^(实施单位|单位名称|预算单位)$/;
const PLAN_LABEL = /资金支出计划|支出进度计划|资金使用计划|支出计划\(%\)|资金支出进度/;
const GOALS_LABEL =
  /^(绩效目标|年度绩效目标|当年绩效目标|项目绩效目标|年度目标|年度总体目标|总体目标|项目目标)$/;
const MONTH_LABEL = /^(\d{1,2})月(底|末|份)?(前)?$/;
const MONTH_KEYS: Record<string, keyof NonNullable<Project["spendingPlan"]>> = {
  "3": "mar",
  "6": "jun",
  "10": "oct",
  "12": "dec",
};

const ANY_LABEL = [
  CODE_LABEL,
  NAME_LABEL,
  BUDGET_LABEL,
  FISCAL_LABEL,
  OTHER_LABEL,
  PURPOSE_LABEL,
  UNIT_LABEL,
  PLAN_LABEL,
  GOALS_LABEL,
];
export const isLabel: (text: string) => boolean = memoByText((text) => {
  const t = labelText(text);
  return (
    ANY_LABEL.some((re) => re.test(t)) ||
    MONTH_LABEL.test(t) ||
    /^预算规模/.test(t) ||
    /^(一|二|三)级指标$/.test(t)
  );
});

const numberValue = (text: string): number | undefined => {
  const m = /^([+-]?\d+(?:\.\d+)?)\s*[%％]?$/.exec(squash(text).replace(/,/g, ""));
  return m ? Number(m[1]) : undefined;
};

/** Splits 绩效目标 into its numbered items ("1、…2、…", "1. … 2. …"), numbering removed. */
export function splitGoals(text: string): string[] {
  const t = text.replace(/\s*\n\s*/g, "\n").trim();
  if (!t) return [];
  const first = /^[（(]?1[)）]?\s*[、.．:：]?\s*(?=\S)/.exec(t);
  if (!first || !/^[（(]?1\s*[)）、.．]/.test(t)) return [cellTextOf(t)];
  const items: string[] = [];
  let rest = t.slice(first[0].length);
  for (let k = 2; ; k++) {
    // The next number only counts at a line start or after whitespace or punctuation.
    const re = new RegExp(`(^|[\\s；;。，,！!])[（(]?${k}\\s*[)）]?\\s*[、.．](?!\\d)`, "m");
    const m = re.exec(rest);
    if (!m) break;
    items.push(rest.slice(0, m.index + m[1]!.length));
    rest = rest.slice(m.index + m[0].length);
  }
  items.push(rest);
  return items.map((s) => cellTextOf(s)).filter((s) => s !== "");
}

const cellTextOf = (text: string): string => cellText({ text, line: 0 });

/** Reads one project from its rows (from the row naming it to the end of its table). */
export function parseProjectTable(
  rows: ProjectRow[],
  defaultUnit: MoneyUnit = "万元",
): ParsedProject {
  return new ProjectTableReader(rows, defaultUnit).read();
}

/** The indicator header found under the labels (empty roles when a PDF-text grid reads it). */
interface IndicatorHeader {
  roles: Partial<Record<IndicatorRole, number>>;
  width: number;
  key: string;
  line: number;
}

/** Reads a project table's label rows down to the indicator header, then its indicators. */
class ProjectTableReader {
  private readonly project: Partial<Project> & { indicators?: ProjectIndicator[] } = {};
  private readonly cites: Sourced[] = [];
  private readonly problems: ParsedProject["problems"] = [];
  private budgetRow = -1;
  /** "预算规模及资金用途": the label spans the budget row and the 资金用途 row under it. */
  private purposeBelow = false;
  private goals: { text: string; row: number } | undefined;
  private grids: ColumnsGrid[] | undefined;
  private header: IndicatorHeader | undefined;

  constructor(
    private readonly rows: ProjectRow[],
    private moneyUnit: MoneyUnit,
  ) {}

  read(): ParsedProject {
    const { rows, project, cites, problems } = this;
    let r = 0;
    for (; r < rows.length && !this.header; r++) {
      const cells = rows[r]!.cells;
      const texts = cells.map((c) => labelText(c.text));
      const unit = cells.map((c) => declaredUnit(c.text)).find((u) => u);
      if (unit) this.moneyUnit = unit;
      if (this.continuesGoals(r, cells)) continue;
      if (this.findHeader(r, cells, texts)) break;
      if (this.readLabels(r, cells, texts)) readSpendingPlan(rows, r, project, cites, problems);
      this.readPurposeBelow(r, cells, texts);
    }

    if (this.goals) {
      const items = splitGoals(this.goals.text);
      if (items.length) project.goals = items;
    }
    if (!this.header)
      problems.push({
        level: "info",
        message:
          "未找到绩效指标表头（一级指标/二级指标/三级指标），指标未导入（no indicator header）",
        line: rows[rows.length - 1]?.line ?? 0,
      });
    if (this.grids) readColumnsIndicators(this.grids, this.header!.line, project, cites, problems);
    else if (this.header) readIndicators(rows.slice(r + 1), this.header, project, cites, problems);
    return { project: project as Project, cites, problems };
  }

  private cite(path: string, cell: Cell): void {
    this.cites.push({ path, line: cell.line, text: cellText(cell) });
  }

  private amount(cell: Cell | undefined): number | undefined {
    if (!cell) return undefined;
    const fen = parseAmount(squash(cell.text), this.moneyUnit);
    return fen === undefined ? undefined : fenToWan(fen);
  }

  /** 绩效目标 items printed one per row under the first. */
  private continuesGoals(r: number, cells: Cell[]): boolean {
    const goals = this.goals;
    if (!goals || goals.row !== r - 1) return false;
    const filled = cells.filter((c) => cellText(c));
    if (filled.length !== 1 || isLabel(filled[0]!.text)) return false;
    goals.text += `\n${filled[0]!.text}`;
    goals.row = r;
    return true;
  }

  /** Whether row `r` is the indicator header (or, in PDF text, starts a grid placed by x). */
  private findHeader(r: number, cells: Cell[], texts: string[]): boolean {
    const { rows } = this;
    // PDF text: the header may be stacked over lines and the rows wrapped; place cells by x.
    if (
      cells.length &&
      cells.every((c) => c.x !== undefined) &&
      cells.some((c) => /指标/.test(c.text))
    ) {
      const found = columnsGrids(rows, r);
      if (found.length) {
        this.grids = found;
        this.header = { roles: {}, width: 0, key: "", line: rows[r]!.line };
        return true;
      }
    }
    const roles = indicatorColumns(cells);
    if (!roles) return false;
    this.header = { roles, width: cells.length, key: texts.join("|"), line: rows[r]!.line };
    return true;
  }

  /** Reads the labels of row `r` and their values; true when the row is the spending plan's. */
  private readLabels(r: number, cells: Cell[], texts: string[]): boolean {
    let planRow = false;
    for (let i = 0; i < cells.length; i++) {
      const read = this.readLabel(r, cells, texts, i);
      if (read === "goals") break;
      if (read === "plan") planRow = true;
    }
    return planRow;
  }

  /** Reads label `i` of row `r` (the first kind of label it matches) and its value. */
  private readLabel(
    r: number,
    cells: Cell[],
    texts: string[],
    i: number,
  ): "goals" | "plan" | undefined {
    const { project } = this;
    const t = texts[i]!;
    // The value is the next cell; a merged label may leave blank cells before it.
    let next = cells[i + 1];
    if (next && !squash(next.text) && (cells[i]!.span ?? 1) > 1)
      next = cells.slice(i + 1).find((c) => squash(c.text));
    if (CODE_LABEL.test(t) && next && project.code === undefined && squash(next.text)) {
      project.code = squash(next.text);
      this.cite("/code", next);
      return undefined;
    }
    if (
      NAME_LABEL.test(t) &&
      next &&
      project.name === undefined &&
      cellText(next) &&
      !isLabel(next.text)
    ) {
      project.name = cellText(next);
      this.cite("/name", next);
      return undefined;
    }
    if (BUDGET_LABEL.test(t) && project.budget === undefined) {
      if (this.readAmount("budget", next)) {
        this.budgetRow = r;
        this.purposeBelow = texts.some((x) => /资金用途|用途$/.test(x));
      }
      return undefined;
    }
    if (FISCAL_LABEL.test(t) && project.fiscalFunds === undefined) {
      this.readAmount("fiscalFunds", next);
      return undefined;
    }
    if (OTHER_LABEL.test(t) && project.otherFunds === undefined) {
      this.readAmount("otherFunds", next);
      return undefined;
    }
    if (PURPOSE_LABEL.test(t) && project.purpose === undefined && next && cellText(next)) {
      project.purpose = next.x === undefined ? cellText(next) : gatherColumn(this.rows, r, next);
      this.cite("/purpose", next);
      return undefined;
    }
    if (UNIT_LABEL.test(t) && next && cellText(next) && !isLabel(next.text)) {
      this.readUnit(next);
      return undefined;
    }
    if (GOALS_LABEL.test(t) && this.goals === undefined) {
      this.readGoals(r, cells, i);
      return "goals";
    }
    return MONTH_LABEL.test(t) ? "plan" : undefined;
  }

  /** An amount field from the value cell; true when it holds an amount. */
  private readAmount(
    key: "budget" | "fiscalFunds" | "otherFunds",
    next: Cell | undefined,
  ): boolean {
    const v = this.amount(next);
    if (v === undefined) return false;
    this.project[key] = v;
    this.cite(`/${key}`, next!);
    return true;
  }

  private readUnit(next: Cell): void {
    const { project } = this;
    // "303001 秦皇岛经济技术开发区经济发展局": code and name in one cell.
    const coded = /^(\d{6,})\s*([^\d\s].*)$/.exec(cellText(next));
    // A cell of digits alone is the unit's code (a unit listed by code only).
    const codeOnly = /^\d{6,}$/.test(cellText(next));
    project.unit = coded
      ? { code: coded[1]!, name: coded[2]! }
      : codeOnly
        ? { ...project.unit, code: cellText(next) }
        : { ...project.unit, name: cellText(next) };
    this.cite(codeOnly ? "/unit/code" : "/unit/name", next);
  }

  /** The 绩效目标 beside its label at cell `i` of row `r`. */
  private readGoals(r: number, cells: Cell[], i: number): void {
    const { rows } = this;
    const values = cells.slice(i + 1).filter((c) => cellText(c));
    if (values.length === 1) {
      this.goals = {
        text:
          values[0]!.x === undefined ? values[0]!.text : gatherColumn(rows, r, values[0]!, "\n"),
        row: r,
      };
      this.cite("/goals", values[0]!);
    } else if (!values.length && cells[i]!.x !== undefined) {
      // PDF text: a one-line label beside a wrapped paragraph, the label on no line of its own value.
      for (const k of [r - 1, r + 1]) {
        const near = rows[k];
        const only = near?.cells.filter((c) => c.x! > cells[i]!.end!);
        if (
          near &&
          Math.abs(near.line - rows[r]!.line) === 1 &&
          only?.length === 1 &&
          near.cells.length === 1
        ) {
          this.goals = { text: gatherColumn(rows, k, only[0]!, "\n", false), row: r };
          this.cite("/goals", only[0]!);
          break;
        }
      }
    } else if (values.length > 1) {
      this.problems.push({
        level: "warning",
        message:
          "“绩效目标”一行的内容混有其他单元格，无法可靠读取，未导入（goals cell is garbled）",
        line: rows[r]!.line,
      });
    }
  }

  /** The row after 预算数 with no label of its own is 资金用途 (under "预算规模及资金用途"). */
  private readPurposeBelow(r: number, cells: Cell[], texts: string[]): void {
    if (
      this.budgetRow < 0 ||
      r !== this.budgetRow + 1 ||
      !this.purposeBelow ||
      this.project.purpose !== undefined ||
      texts.some((t, i) => t && isLabel(cells[i]!.text))
    )
      return;
    const filled = cells.filter((c) => cellText(c));
    const text = filled[filled.length - 1];
    if (text && this.amount(text) === undefined) {
      this.project.purpose = cellText(text);
      this.cite("/purpose", text);
    }
  }
}

/**
 * PDF text: a label sits on the middle line of its wrapped value, so the value
 * is the run of adjacent lines that hold one cell starting where it starts.
 */
function gatherColumn(
  rows: ProjectRow[],
  r: number,
  cell: Cell,
  joiner = "",
  symmetric = true,
): string {
  const alone = (k: number) => {
    const row = rows[k];
    if (!row) return undefined;
    const cells = row.cells.filter((c) => Math.abs(c.x! - cell.x!) > 2);
    const own = row.cells.filter((c) => Math.abs(c.x! - cell.x!) <= 2);
    return own.length === 1 &&
      cells.every((c) => c.end! <= cell.x! && !isLabel(c.text) && c.text.length <= 2)
      ? own[0]
      : undefined;
  };
  const parts = [cellText(cell)];
  for (let k = r - 1, line = rows[r]!.line; k >= 0 && rows[k]!.line === line - 1; k--, line--) {
    const c = alone(k);
    if (!c) break;
    parts.unshift(cellText(c));
  }
  // The label is centred on its value: no more lines below it than above (a run below belongs to the next label).
  const below = symmetric ? parts.length - 1 : Infinity;
  for (
    let k = r + 1, line = rows[r]!.line;
    k < rows.length && rows[k]!.line === line + 1 && k - r <= below;
    k++, line++
  ) {
    const c = alone(k);
    if (!c) break;
    parts.push(cellText(c));
  }
  return parts.join(joiner);
}

/** 资金支出计划: month labels in one row, values in the next at the same column (or the same x). */
function readSpendingPlan(
  rows: ProjectRow[],
  r: number,
  project: Partial<Project>,
  cites: Sourced[],
  problems: ParsedProject["problems"],
): void {
  const labels = rows[r]!.cells;
  const months = labels.map((c) => MONTH_LABEL.exec(labelText(c.text))?.[1]);
  const plan = { ...project.spendingPlan };
  const set = (month: string, cell: Cell) => {
    const key = MONTH_KEYS[month];
    const v = numberValue(cell.text);
    if (!key || v === undefined) return false;
    plan[key] = v;
    cites.push({ path: `/spendingPlan/${key}`, line: cell.line, text: cellText(cell) });
    return true;
  };
  // A label followed by its value in the same row ("12 月底 | 100.00%", blank cells between).
  let inline = false;
  for (let i = 0; i < labels.length; i++) {
    if (!months[i]) continue;
    const next = labels.slice(i + 1).find((c) => cellText(c));
    if (next && numberValue(next.text) !== undefined) inline = set(months[i]!, next) || inline;
  }
  const valueRow = rows[r + 1];
  if (!inline && valueRow && valueRow.cells.some((c) => numberValue(c.text) !== undefined)) {
    const byX =
      labels.every((c) => c.x !== undefined) && valueRow.cells.every((c) => c.x !== undefined);
    valueRow.cells.forEach((cell, j) => {
      if (!cellText(cell)) return;
      let month: string | undefined;
      if (byX) {
        const centre = ((cell.x ?? 0) + (cell.end ?? cell.x ?? 0)) / 2;
        let best = Infinity;
        labels.forEach((l, i) => {
          if (!months[i]) return;
          const d = Math.abs(((l.x ?? 0) + (l.end ?? l.x ?? 0)) / 2 - centre);
          if (d < best && d <= 8) [best, month] = [d, months[i]];
        });
      } else month = months[j];
      if (!month) {
        if (numberValue(cell.text) !== undefined) {
          problems.push({
            level: "warning",
            message: `资金支出计划中的数值“${cellText(cell)}”没有对应的月份表头，未导入（spending-plan value without a month label）`,
            line: cell.line,
          });
        }
        return;
      }
      if (!MONTH_KEYS[month]) {
        problems.push({
          level: "info",
          message: `资金支出计划“${month}月底”不在 3/6/10/12 月之列，未导入（month not in the format）`,
          line: cell.line,
        });
        return;
      }
      set(month, cell);
    });
  }
  if (Object.keys(plan).length) project.spendingPlan = plan;
}

/** The indicator rows under the header; 一级/二级指标 carry down merged (blank) cells. */
function readIndicators(
  rows: ProjectRow[],
  header: {
    roles: Partial<Record<IndicatorRole, number>>;
    width: number;
    key: string;
    line: number;
  },
  project: Partial<Project>,
  cites: Sourced[],
  problems: ParsedProject["problems"],
  lines?: number[],
): void {
  const { roles, width } = header;
  const indicators: ProjectIndicator[] = [];
  let level1 = "";
  let level2 = "";
  for (let k = 0; k < rows.length; k++) {
    let cells = rows[k]!.cells;
    const texts = cells.map((c) => labelText(c.text));
    if (indicatorColumns(cells)) continue; // header repeated on a new page
    if (
      texts.some((t) => /^单位[:：]/.test(t) || CODE_LABEL.test(t) || NAME_LABEL.test(t)) ||
      cells.some((c) => /\n\S*单位[:：]/.test(c.text))
    ) {
      problems.push({
        level: "warning",
        message:
          "绩效指标表在此处中断（表格被截断或与其他内容混杂），其后的指标未导入（indicator table cut off）",
        line: rows[k]!.line,
      });
      break;
    }
    if (cells.length < width) {
      // A row split in two by a blank line: the two pieces together fill the row.
      const next = rows[k + 1];
      if (next && cells.length + next.cells.length === width && !indicatorColumns(next.cells)) {
        cells = [...cells, ...next.cells];
        k++;
      } else if (cells.length === 1 && indicators.length) {
        continue; // a stray wrapped fragment: cannot tell which column it belongs to
      } else {
        problems.push({
          level: "warning",
          message: `绩效指标行只有 ${cells.length} 个单元格（表头 ${width} 个），无法对齐各列，未导入（incomplete indicator row）`,
          line: rows[k]!.line,
        });
        continue;
      }
    }
    const at = (role: IndicatorRole): Cell | undefined =>
      roles[role] === undefined ? undefined : cells[roles[role]!];
    const l1 = cellText(at("level1"));
    const l2 = cellText(at("level2"));
    if (l1) level1 = l1;
    if (l2) level2 = l2;
    const name = cellText(at("name"));
    const targetCell = at("target");
    // 指标性质 (≥, =, 定性) and 计量单位 printed in columns of their own make one target text.
    const op = cellText(at("op"));
    const measure = cellText(at("measure"));
    const value = cellText(targetCell);
    const raw = `${/^(≥|≤|>|<|=|＝|＞|＜|大于|小于|等于|不低于|不高于)/.test(op) ? op : ""}${value}${value && measure && !value.endsWith(measure) ? measure : ""}`;
    if (!name && !raw) continue;
    const i = indicators.length;
    const indicator: ProjectIndicator = { level1, level2, name, target: parseTarget(raw) };
    const description = cellText(at("description"));
    if (description) indicator.description = description;
    const basis = cellText(at("basis"));
    if (basis) indicator.basis = basis;
    indicators.push(indicator);
    const line = rows[k]!.line;
    lines?.push(line);
    cites.push({ path: `/indicators/${i}/name`, line: at("name")?.line ?? line, text: name });
    if (targetCell)
      cites.push({ path: `/indicators/${i}/target`, line: targetCell.line, text: raw });
    if (!level1 || !level2)
      problems.push({
        level: "warning",
        message: `指标“${name}”没有一级或二级指标（missing indicator level）`,
        line,
      });
    if (!raw)
      problems.push({
        level: "warning",
        message: `指标“${name}”没有填写指标值（no target value）`,
        line,
      });
  }
  if (indicators.length) project.indicators = indicators;
}

const LEVEL1 = /^(产出|效益|效果|满意度|成本|社会|经济|生态|可持续|质量|数量|时效)?.*指标$/;

/** An indicator that reads like one: levels ending in 指标, a name that is not a target, a short target. */
function plausible(i: ProjectIndicator): boolean {
  const name = squash(i.name);
  const raw = squash(i.target.raw);
  return (
    LEVEL1.test(squash(i.level1)) &&
    /指标$/.test(squash(i.level2)) &&
    name.length > 0 &&
    name.length <= 40 &&
    !/[≥≤＞＜]/.test(name) &&
    raw.length > 0 &&
    raw.length <= 30
  );
}

/** Indicators read from a PDF-text grid, with the source line of each (its 指标性质 or 指标值). */
export interface GridIndicators {
  indicators: ProjectIndicator[];
  lines: number[];
  /** Paths relative to the project ("/indicators/0/name"). */
  cites: Sourced[];
  problems: ParsedProject["problems"];
  /** Every indicator reads like one: the grid's columns line up. */
  aligned: boolean;
}

/**
 * PDF text: of the grids built by character index and by display width, keep
 * the one whose rows read as indicators.
 */
export function bestGridIndicators(grids: ColumnsGrid[], line: number): GridIndicators | undefined {
  let best: (GridIndicators & { good: number }) | undefined;
  for (const grid of grids) {
    const roles = indicatorColumns(grid.header)!;
    const tmp: Partial<Project> = {};
    const c: Sourced[] = [];
    const p: ParsedProject["problems"] = [];
    const lines: number[] = [];
    readIndicators(
      grid.rows,
      { roles, width: grid.header.length, key: "", line },
      tmp,
      c,
      p,
      lines,
    );
    const indicators = tmp.indicators ?? [];
    const good = indicators.filter(plausible).length;
    if (
      !best ||
      good > best.good ||
      (good === best.good && indicators.length < best.indicators.length)
    ) {
      best = {
        indicators,
        lines,
        cites: c,
        problems: p,
        good,
        aligned: good === indicators.length,
      };
    }
  }
  if (!best) return undefined;
  const levels = grids.flatMap((g) => g.levelLabels ?? []);
  if (best.aligned) impliedLevel1(best.indicators, levels);
  return best;
}

/** The 一级指标 each standard 二级指标 belongs to (财预〔2020〕10号 framework). */
const IMPLIED_LEVEL1: [RegExp, RegExp][] = [
  [/^(数量|质量|时效)指标$/, /^产出指标$/],
  [/^(经济|社会|生态)效益指标$|^可持续影响指标$/, /^(效益|效果)指标$/],
  [/^(服务对象)?满意度指标$/, /^满意度指标$/],
  [/^(经济|社会|生态环境)成本指标$/, /^成本指标$/],
];

/**
 * A merged 一级指标 cell printed one character a line cannot always be placed
 * over the right rows; where the 二级指标 names a standard category whose
 * 一级指标 is printed in the same grid, that one is meant.
 */
function impliedLevel1(indicators: ProjectIndicator[], printed: string[]): void {
  const labels = [...new Set(printed.map(squash))];
  for (const i of indicators) {
    const rule = IMPLIED_LEVEL1.find(([l2]) => l2.test(squash(i.level2)));
    if (!rule || rule[1].test(squash(i.level1))) continue;
    const level1 = labels.find((l) => rule[1].test(l));
    if (level1) i.level1 = level1;
  }
}

/**
 * PDF text: the best grid's indicators; when no grid reads as indicators,
 * import none rather than misaligned ones.
 */
function readColumnsIndicators(
  grids: ColumnsGrid[],
  line: number,
  project: Partial<Project>,
  cites: Sourced[],
  problems: ParsedProject["problems"],
): void {
  const best = bestGridIndicators(grids, line);
  if (!best || !best.indicators.length) return;
  if (!best.aligned) {
    problems.push({
      level: "warning",
      message:
        "PDF 文本中的绩效指标表无法可靠对齐各列，指标未导入（indicator columns could not be aligned）",
      line,
    });
    return;
  }
  project.indicators = best.indicators;
  cites.push(...best.cites);
  problems.push(...best.problems);
}
