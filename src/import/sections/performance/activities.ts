/**
 * The 部门职责—工作活动绩效目标 part: duties, their activities and each activity's graded indicators, read from the table grid (grid.ts).
 */
import type { PartExtractor, ExtractContext } from "../context.ts";
import type { Activity, GradedIndicator } from "../../../model/disclosure.ts";
import { declaredUnit, fenToWan, parseAmount, type MoneyUnit } from "../../../model/amount.ts";
import { squash } from "../../source-document.ts";
import { findLine, stripNumbering } from "../../toolkit/find.ts";
import {
  GRADE_ROLES,
  cellText,
  findActivityGrids,
  type ActivityGrid,
  type ColumnRole,
  type ActivityCell,
  type ActivityRow,
} from "./grid.ts";

const SECTION = "职责—活动绩效目标";
const TITLE = /职责.{0,3}(?:工作)?活动.{0,2}绩效目标/;
/** "一、" / "（一）": a duty row in a combined 职责活动 column. */
const CHINESE_NUMBERED = /^[（(]?[一二三四五六七八九十百]+[、.．）)]/;

/** Reads 职责—活动绩效目标. */
export const extractActivities: PartExtractor = {
  name: SECTION,
  run(ctx) {
    const grids = findActivityGrids(ctx.doc);
    if (!grids.length) {
      const title = findLine(ctx.doc, TITLE);
      if (title && !/^\S*[.…·]{4,}/.test(title.text))
        ctx.diagnose(
          "warning",
          `找到「部门职责—工作活动绩效目标」标题，但未识别出表头（活动名称、绩效指标、评价标准）（activity table header not recognised）`,
          SECTION,
          title.no,
        );
      return;
    }
    const activities: Activity[] = [];
    for (const grid of grids) readGrid(ctx, grid, activities);
    if (!activities.length) return;
    ctx.disclosure.performance ??= {};
    ctx.disclosure.performance.activities = activities;
  },
};

/** The money unit of the table: its own 单位 caption just above the header, else 万元. */
function tableUnit(ctx: ExtractContext, grid: ActivityGrid): MoneyUnit {
  const inHeader = /预算[^|]*[（(]\s*(亿元|万元|元)\s*[）)]/.exec(grid.headerText);
  if (inHeader) return inHeader[1] as MoneyUnit;
  const lines = ctx.doc.lines.filter((l) => l.no < grid.headerLine && l.no >= grid.headerLine - 8);
  for (const l of lines.reverse()) {
    const unit = declaredUnit(l.text);
    if (unit) return unit;
  }
  return "万元";
}

/** A duty as the rows above name it, with its budget when the table gives one. */
interface Duty {
  name: string;
  budget?: number;
  line: number;
  budgetLine?: number;
  budgetText?: string;
}

/** In a combined 职责活动 column, activities are numbered 1、. */
const ARABIC_NUMBERED = /^[（(]?\d+[、.．）)]/;

const cellAt = (row: ActivityRow, k: number) => (k >= 0 ? row.cells[k] : undefined);
const textAt = (row: ActivityRow, k: number) => cellText(cellAt(row, k)?.text ?? "");
const pointer = (i: number, ...rest: (string | number)[]) =>
  ["/performance/activities", i, ...rest].join("/");

function readGrid(ctx: ExtractContext, grid: ActivityGrid, out: Activity[]): void {
  new GridReader(ctx, grid, out).read();
}

/** Reads one grid's rows into activities, carrying the current duty and activity from row to row. */
class GridReader {
  private readonly combined: boolean;
  private readonly dutyCol: number;
  private readonly activityCol: number;
  private readonly budgetCol: number;
  /** With separate columns, a budget column left of the activity column belongs to the duty. */
  private readonly budgetIsDuty: boolean;
  private readonly unit: MoneyUnit;
  private readonly gradeCols: (readonly [(typeof GRADE_ROLES)[number], number])[];
  /** A table that numbers only its activities leaves its duties unnumbered. */
  private readonly unnumberedDuties: boolean;
  private duty: Duty | undefined;
  private current: { activity: Activity; index: number } | undefined;

  constructor(
    private readonly ctx: ExtractContext,
    private readonly grid: ActivityGrid,
    private readonly out: Activity[],
  ) {
    const col = (role: ColumnRole) => this.col(role);
    this.combined = col("dutyActivity") >= 0;
    this.dutyCol = this.combined ? col("dutyActivity") : col("duty");
    this.activityCol = this.combined ? col("dutyActivity") : col("activity");
    this.budgetCol = col("budget");
    this.budgetIsDuty =
      !this.combined &&
      this.budgetCol >= 0 &&
      this.dutyCol >= 0 &&
      this.budgetCol < this.activityCol;
    this.unit = tableUnit(ctx, grid);
    this.gradeCols = GRADE_ROLES.map((g) => [g, col(g)] as const).filter(([, k]) => k >= 0);
    // In a combined 职责活动 column duties are numbered 一、 and activities 1、.
    const combinedTexts = this.combined
      ? grid.rows.map((r) => cellText(r.cells[this.activityCol]?.text ?? "")).filter(Boolean)
      : [];
    this.unnumberedDuties =
      this.combined &&
      !combinedTexts.some((t) => CHINESE_NUMBERED.test(t)) &&
      combinedTexts.some((t) => ARABIC_NUMBERED.test(t));
  }

  private col(role: ColumnRole): number {
    return this.grid.roles.indexOf(role);
  }

  /**
   * A table without a 职责 column (部门整体绩效目标 tables list 活动 only) gives its activities
   * duty "": the document names no duty, and a caption would pass for one.
   */
  private get noDutyColumn(): boolean {
    return this.dutyCol < 0;
  }

  private isDutyRow(t: string): boolean {
    return CHINESE_NUMBERED.test(t) || (this.unnumberedDuties && !ARABIC_NUMBERED.test(t));
  }

  read(): void {
    const { ctx, grid } = this;
    // Said once, not per row.
    if (this.noDutyColumn)
      ctx.diagnose(
        "info",
        `表格没有职责列（表头：${grid.headerText.replace(/\s+/g, "")}），各活动的职责留空（table has no 职责 column; duty left blank）`,
        SECTION,
        grid.headerLine,
      );
    for (const cell of grid.outside ?? [])
      ctx.diagnose(
        "info",
        `表格左侧的“${cell.text}”不在任何列内（可能是外层表格在新页重复的标签），未读入（text outside the table's columns ignored）`,
        SECTION,
        cell.line,
      );
    for (const row of grid.rows) this.readRow(row);
  }

  /** A budget cell in 万元; undefined when blank or a dash, with a warning when not an amount. */
  private amount(cell: ActivityCell | undefined): number | undefined {
    const text = cellText(cell?.text ?? "");
    if (!text || /^[-—–－\s]+$/.test(text)) return undefined;
    const fen = parseAmount(text, this.unit);
    if (fen === undefined) {
      this.ctx.diagnose(
        "warning",
        `年度预算数“${text}”不是金额，已忽略（budget is not a number）`,
        SECTION,
        cell!.line,
      );
      return undefined;
    }
    return fenToWan(fen);
  }

  private readRow(row: ActivityRow): void {
    const { ctx } = this;
    if (row.cells.every((c) => !squash(c.text))) return;
    if (row.incomplete)
      ctx.diagnose(
        "warning",
        `表格行的单元格少于表头列数（可能被截断或合并），缺少的列按空白处理（row has fewer cells than the header）`,
        SECTION,
        row.line,
      );
    if (row.joinedAt)
      ctx.diagnose(
        "info",
        `表格行被分页或空行拆开，已与第${row.joinedAt}行的部分合并，请核对各列内容（row split across a break, joined）`,
        SECTION,
        row.line,
      );
    if (this.readDuty(row)) return;
    this.readActivity(row);
    this.readIndicator(row);
  }

  /** Takes the duty a row names; true when the row is nothing but a duty (combined column). */
  private readDuty(row: ActivityRow): boolean {
    const { budgetCol } = this;
    const dutyBudget = (duty: Duty) => {
      const b = this.amount(cellAt(row, budgetCol));
      if (b !== undefined)
        Object.assign(duty, {
          budget: b,
          budgetLine: cellAt(row, budgetCol)!.line,
          budgetText: textAt(row, budgetCol),
        });
    };
    if (this.combined) {
      const t = textAt(row, this.activityCol);
      if (!t || !this.isDutyRow(t)) return false;
      this.duty = { name: stripNumbering(t), line: cellAt(row, this.activityCol)!.line };
      dutyBudget(this.duty);
      this.current = undefined;
      return true;
    }
    if (this.dutyCol >= 0 && textAt(row, this.dutyCol)) {
      this.duty = {
        name: stripNumbering(textAt(row, this.dutyCol)),
        line: cellAt(row, this.dutyCol)!.line,
      };
      if (this.budgetIsDuty) dutyBudget(this.duty);
    }
    return false;
  }

  /** Starts a new activity when the row names one. */
  private readActivity(row: ActivityRow): void {
    const { ctx, duty, activityCol, budgetCol } = this;
    const name = textAt(row, activityCol);
    // Tables without duties (部门整体绩效目标) print the activity on each of its indicator
    // rows: the same name on the next row, with nothing of its own but an indicator, is the
    // same activity. (With duties, seeds list an activity twice on purpose: kept apart.)
    const repeated =
      this.noDutyColumn &&
      !!this.current &&
      !!name &&
      stripNumbering(name) === this.current.activity.activity &&
      !textAt(row, this.col("description")) &&
      !textAt(row, this.col("goal")) &&
      !textAt(row, budgetCol);
    if (!name || repeated) return;
    const activity: Activity = {
      duty: duty?.name ?? "",
      activity: stripNumbering(name),
      indicators: [],
    };
    const index = this.out.length;
    if (duty) {
      ctx.cite(pointer(index, "duty"), duty.line, duty.name);
      if (duty.budget !== undefined) {
        activity.dutyBudget = duty.budget;
        ctx.cite(pointer(index, "dutyBudget"), duty.budgetLine!, duty.budgetText);
      }
    } else if (!this.noDutyColumn) {
      ctx.diagnose(
        "warning",
        `活动“${activity.activity}”之前没有职责名称（activity without a duty）`,
        SECTION,
        cellAt(row, activityCol)!.line,
      );
    }
    ctx.cite(pointer(index, "activity"), cellAt(row, activityCol)!.line, name);
    if (!this.budgetIsDuty) {
      const b = this.amount(cellAt(row, budgetCol));
      if (b !== undefined) {
        activity.budget = b;
        ctx.cite(pointer(index, "budget"), cellAt(row, budgetCol)!.line, textAt(row, budgetCol));
      }
    }
    this.out.push(activity);
    this.current = { activity, index };
  }

  /** The row's description, goal and indicator, added to the current activity. */
  private readIndicator(row: ActivityRow): void {
    const { ctx } = this;
    const col = (role: ColumnRole) => this.col(role);
    const text = (k: number) => textAt(row, k);
    const description = text(col("description"));
    const goal = text(col("goal"));
    const indicatorName = text(col("indicator"));
    const indicatorDescription = text(col("indicatorDescription"));
    const target = targetText(
      text(col("indicatorKind")),
      text(col("indicatorValue")),
      text(col("indicatorUnit")),
    );
    const grades = this.gradeCols
      .map(([g, k]) => [g, text(k), cellAt(row, k)] as const)
      .filter(([, t]) => t);
    const hasIndicator = !!(indicatorName || indicatorDescription || target || grades.length);

    if (!this.current) {
      if (hasIndicator || description || goal)
        ctx.diagnose(
          "warning",
          `此行有绩效内容但没有活动名称，已忽略（row without an activity）`,
          SECTION,
          row.line,
        );
      return;
    }
    const { activity, index } = this.current;
    if (description && !activity.description) {
      activity.description = description;
      ctx.cite(pointer(index, "description"), cellAt(row, col("description"))!.line, description);
    }
    let indicatorGoal: string | undefined;
    if (goal) {
      if (!activity.goal) {
        activity.goal = goal;
        ctx.cite(pointer(index, "goal"), cellAt(row, col("goal"))!.line, goal);
      } else if (squash(goal) !== squash(activity.goal)) {
        indicatorGoal = goal;
      }
    }
    if (!hasIndicator) return;
    const indicators = (activity.indicators ??= []);
    const indicator: GradedIndicator = { name: indicatorName, grades: {} };
    const j = indicators.length;
    if (indicatorName)
      ctx.cite(
        pointer(index, "indicators", j, "name"),
        cellAt(row, col("indicator"))!.line,
        indicatorName,
      );
    else
      ctx.diagnose(
        "info",
        `活动“${activity.activity}”有一行指标没有指标名称（indicator without a name）`,
        SECTION,
        row.line,
      );
    if (indicatorDescription || target) {
      indicator.description = [indicatorDescription, target].filter(Boolean).join("；");
      ctx.cite(
        pointer(index, "indicators", j, "description"),
        indicatorDescription
          ? cellAt(row, col("indicatorDescription"))!.line
          : targetLine(row, col)!,
        indicator.description,
      );
    }
    if (indicatorGoal) indicator.goal = indicatorGoal;
    for (const [g, t, cell] of grades) {
      indicator.grades[g] = t;
      ctx.cite(pointer(index, "indicators", j, "grades", g), cell!.line, t);
    }
    indicators.push(indicator);
  }
}

/** The line of an indicator's target: its 指标值, else 指标性质, else 度量单位. */
function targetLine(row: ActivityRow, col: (role: ColumnRole) => number): number | undefined {
  return [col("indicatorValue"), col("indicatorKind"), col("indicatorUnit")]
    .map((k) => (textAt(row, k) ? cellAt(row, k)!.line : undefined))
    .find((l) => l !== undefined);
}

/**
 * The one target of an indicator in a table without 优良中差 (指标性质 / 指标值 / 度量单位,
 * e.g. "≥" "95" "%", or "定性" "效果显著"). A GradedIndicator has no target field and the
 * target is no grade (putting it under 优 would invent a grading the table does not have),
 * so it goes to the description, prefixed "指标值：" and printed as the table prints it:
 * "指标值：≥95%", "指标值：效果显著（定性）".
 */
function targetText(kind: string, value: string, unit: string): string {
  if (!kind && !value && !unit) return "";
  if (/^定性$/.test(kind)) return `指标值：${value}${unit}（定性）`;
  return `指标值：${kind}${value}${unit}`;
}
