/**
 * The canonical disclosure (docs/format.md): the runtime schema and the
 * TypeScript types inferred from it, so the two can never drift apart.
 */
import { z } from "zod";

export const FORMAT_ID = "gongkai.disclosure/1";

/** An amount in 万元: a finite number with at most six decimals (one 分). */
const amount = z
  .number()
  .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e13 && /^-?\d+(\.\d{1,6})?$/.test(plain(n)), {
    message: "金额须为万元数值，最多 6 位小数（1 分）",
  });
/** The amount schema itself: tools that walk the schema (the scale benchmark) find amounts by it. */
export const AmountSchema = amount;
function plain(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(10).replace(/0+$/, "").replace(/\.$/, "") : s;
}
const percent = z.number().refine(Number.isFinite, { message: "百分比须为有限数值" });
const text = z.string();

export const UnitSchema = z.object({
  code: text.optional(),
  name: text,
  nature: text.optional(),
  level: text.optional(),
  funding: text.optional(),
});

export const INCOME_SOURCES = [
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "fiscalSpecial",
  "fiscalUnsplit",
  "business",
  "operating",
  "superiorSubsidy",
  "subordinateRemit",
  "carryOver",
  "other",
] as const;

export const IncomeSchema = z.object({
  total: amount.optional(),
  items: z.array(z.object({ source: z.enum(INCOME_SOURCES), label: text, amount })).optional(),
  previousTotal: amount.optional(),
  change: amount.optional(),
  changeRate: percent.optional(),
});

const splitAmounts = z.object({
  total: amount.optional(),
  basic: amount.optional(),
  project: amount.optional(),
});

export const ExpenditureSchema = z.object({
  total: amount.optional(),
  basic: amount.optional(),
  personnel: amount.optional(),
  publicOperating: amount.optional(),
  project: amount.optional(),
  otherItems: z.array(z.object({ label: text, amount })).optional(),
  previous: splitAmounts.optional(),
  change: splitAmounts.optional(),
  changeRate: percent.optional(),
  changeReason: text.optional(),
});

/**
 * An expenditure `otherItems` line that is carried forward (结转下年, 年末结转和结余,
 * 结余分配): printed below 本年支出合计 and not part of it, unlike 上缴上级支出 or
 * 对附属单位补助支出 (format.md, Expenditure).
 */
export function isCarriedForward(item: { label: string }): boolean {
  return /结转|结余/.test(item.label);
}

export const OperatingCostsSchema = z.object({
  amount: amount.optional(),
  previous: amount.optional(),
  change: amount.optional(),
  changeRate: percent.optional(),
  items: z.array(z.object({ name: text, amount })).optional(),
  explanation: text.optional(),
});

const vehicle = z.object({
  total: amount.optional(),
  purchase: amount.optional(),
  operation: amount.optional(),
});
const threePublicAmounts = z.object({
  total: amount.optional(),
  overseas: amount.optional(),
  vehicle: vehicle.optional(),
  reception: amount.optional(),
});

export const ThreePublicSchema = threePublicAmounts.extend({
  previous: threePublicAmounts.optional(),
  change: threePublicAmounts.optional(),
  changeRate: percent.optional(),
  fundSources: z.array(z.object({ label: text, amount })).optional(),
  explanation: text.optional(),
});

const fundSources = z.array(z.object({ label: text, amount }));

export const ProcurementSchema = z.object({
  total: amount.optional(),
  none: z.literal(true).optional(),
  fundSources: fundSources.optional(),
  items: z
    .array(
      z.object({
        project: text.optional(),
        item: text,
        catalogCode: text.optional(),
        category: text.optional(),
        measure: text.optional(),
        quantity: z.number().optional(),
        unitPrice: amount.optional(),
        amount,
        fundSources: fundSources.optional(),
      }),
    )
    .optional(),
});

const assetValues = {
  quantity: z.number().optional(),
  originalValue: amount.optional(),
  depreciation: amount.optional(),
  netValue: amount.optional(),
};

export const AssetsSchema = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "日期须为 YYYY-MM-DD")
    .optional(),
  total: z.object(assetValues).optional(),
  items: z.array(z.object({ category: text, parent: text.optional(), ...assetValues })).optional(),
  plannedPurchases: z.object({ text: text.optional(), amount: amount.optional() }).optional(),
});

export const TargetSchema = z.object({
  raw: text,
  op: z.enum([">=", "<=", ">", "<", "="]).optional(),
  value: z.number().optional(),
  unit: text.optional(),
  qualitative: z.literal(true).optional(),
});

const grades = z.object({
  excellent: text.optional(),
  good: text.optional(),
  fair: text.optional(),
  poor: text.optional(),
});

export const ActivitySchema = z.object({
  duty: text,
  dutyBudget: amount.optional(),
  activity: text,
  budget: amount.optional(),
  description: text.optional(),
  goal: text.optional(),
  indicators: z
    .array(z.object({ name: text, description: text.optional(), goal: text.optional(), grades }))
    .optional(),
});

export const ProjectIndicatorSchema = z.object({
  level1: text,
  level2: text,
  name: text,
  description: text.optional(),
  target: TargetSchema,
  basis: text.optional(),
});

export const ProjectSchema = z.object({
  unit: z.object({ code: text.optional(), name: text.optional() }).optional(),
  code: text.optional(),
  name: text,
  budget: amount.optional(),
  fiscalFunds: amount.optional(),
  otherFunds: amount.optional(),
  purpose: text.optional(),
  spendingPlan: z
    .object({
      mar: percent.optional(),
      jun: percent.optional(),
      oct: percent.optional(),
      dec: percent.optional(),
    })
    .optional(),
  goals: z.array(text).optional(),
  indicators: z.array(ProjectIndicatorSchema).optional(),
});

export const PerformanceSchema = z.object({
  overallGoal: text.optional(),
  goals: z
    .array(z.object({ title: text, goal: text.optional(), indicatorText: text.optional() }))
    .optional(),
  activities: z.array(ActivitySchema).optional(),
  projects: z.array(ProjectSchema).optional(),
});

export const FunctionLineSchema = z.object({
  /** Absent when the document prints no 科目编码 (names only): never invented. */
  code: z
    .string()
    .regex(/^\d{3}(\d{2}){0,2}$/, "功能分类科目编码须为 3、5 或 7 位数字")
    .optional(),
  /** 1 = 类, 2 = 款, 3 = 项; set only when there is no code and the level is printed (indentation). */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  name: text,
  total: amount,
  basic: amount.optional(),
  project: amount.optional(),
});

/** gongkai extension: a line of 基本支出 by 部门预算支出经济分类 (类 3 digits, 款 5 digits). */
export const EconomicLineSchema = z.object({
  code: z.string().regex(/^\d{3}(\d{2})?$/, "经济分类科目编码须为 3 或 5 位数字"),
  name: text,
  total: amount,
  personnel: amount.optional(),
  publicOperating: amount.optional(),
});

const ordinal = z.number().int().positive();

/**
 * gongkai extension: where a line sits in the original file, as a reviewer
 * finds it: a PDF's page and line on that page, a .docx paragraph or table
 * cell, an .xlsx sheet and cell (or row). A plain text file needs none: its
 * source line is the place.
 */
export const SourceLocationSchema = z.object({
  /** PDF: 1-based page of the file (as a viewer counts them, not the printed number). */
  page: ordinal.optional(),
  /** PDF: the line on that page (non-blank lines from the top, running header included). */
  line: ordinal.optional(),
  /** .docx: the paragraph of the body (non-empty paragraphs outside tables, from 1). */
  paragraph: ordinal.optional(),
  /** .docx: the table (top-level tables, from 1), its row and its grid column. */
  table: ordinal.optional(),
  row: ordinal.optional(),
  column: ordinal.optional(),
  /** .xlsx: the sheet's name and the cell's address ("B12"), or only the sheet `row`. */
  sheet: text.optional(),
  cell: text.optional(),
});

export const DiagnosticSchema = z.object({
  level: z.enum(["error", "warning", "info"]),
  message: text,
  section: text.optional(),
  line: ordinal.optional(),
  /** gongkai extension: where `line` sits in the original file (PDF page and line …). */
  location: SourceLocationSchema.optional(),
});

/** Where a value came from: the printed wording and its source line. */
export const SourceRefSchema = z.object({
  line: ordinal,
  text: text.optional(),
  location: SourceLocationSchema.optional(),
});

export const DisclosureSchema = z.object({
  format: z.literal(FORMAT_ID),
  kind: z.enum(["budget", "final"]).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  region: z.object({ name: text, code: text.optional() }).optional(),
  department: z.object({ name: text, code: text.optional() }).optional(),
  amountUnit: z.literal("万元"),
  units: z.array(UnitSchema).optional(),
  duties: text.optional(),
  income: IncomeSchema.optional(),
  expenditure: ExpenditureSchema.optional(),
  operatingCosts: OperatingCostsSchema.optional(),
  threePublic: ThreePublicSchema.optional(),
  procurement: ProcurementSchema.optional(),
  assets: AssetsSchema.optional(),
  performance: PerformanceSchema.optional(),
  expenditureByFunction: z.array(FunctionLineSchema).optional(),
  /** gongkai extension: 一般公共预算基本支出 by economic classification (the 基本支出表's rows). */
  basicByEconomic: z.array(EconomicLineSchema).optional(),
  functionalClassification: z
    .array(z.object({ code: text, name: text, description: text.optional() }))
    .optional(),
  glossary: z.array(z.object({ term: text, definition: text })).optional(),
  otherNotes: text.optional(),
  source: z
    .object({ file: text.optional(), sha256: text.optional(), format: text.optional() })
    .optional(),
  /** gongkai extension: JSON Pointer → the printed wording and source line of that value. */
  sourceMap: z.record(z.string(), SourceRefSchema).optional(),
  diagnostics: z.array(DiagnosticSchema).optional(),
});

export type Disclosure = z.infer<typeof DisclosureSchema>;
export type SourceLocation = z.infer<typeof SourceLocationSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type Income = z.infer<typeof IncomeSchema>;
export type IncomeSource = (typeof INCOME_SOURCES)[number];
export type Expenditure = z.infer<typeof ExpenditureSchema>;
export type OperatingCosts = z.infer<typeof OperatingCostsSchema>;
export type ThreePublic = z.infer<typeof ThreePublicSchema>;
export type Procurement = z.infer<typeof ProcurementSchema>;
export type Assets = z.infer<typeof AssetsSchema>;
export type Performance = z.infer<typeof PerformanceSchema>;
export type Activity = z.infer<typeof ActivitySchema>;
export type GradedIndicator = NonNullable<Activity["indicators"]>[number];
export type Project = z.infer<typeof ProjectSchema>;
export type ProjectIndicator = z.infer<typeof ProjectIndicatorSchema>;
export type FunctionLine = z.infer<typeof FunctionLineSchema>;
/** A FunctionLine whose 科目编码 is printed. */
export type CodedFunctionLine = FunctionLine & { code: string };

/** Whether the document printed this line's 科目编码. */
export function hasCode(l: FunctionLine): l is CodedFunctionLine {
  return l.code !== undefined;
}

/** The line's level (1 = 类, 2 = 款, 3 = 项): from its code, else as printed; undefined when unknown. */
export function functionLevel(l: FunctionLine): 1 | 2 | 3 | undefined {
  if (l.code !== undefined) return ((l.code.length - 1) / 2) as 1 | 2 | 3;
  return l.level;
}
export type EconomicLine = z.infer<typeof EconomicLineSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type SourceRef = z.infer<typeof SourceRefSchema>;

export interface SchemaProblem {
  /** JSON Pointer of the offending field. */
  path: string;
  message: string;
}

/** Validates unknown JSON; problems name the field by JSON Pointer, in Chinese. */
export function validateDisclosure(
  value: unknown,
): { ok: true; disclosure: Disclosure } | { ok: false; problems: SchemaProblem[] } {
  const result = DisclosureSchema.safeParse(value);
  if (result.success) return { ok: true, disclosure: result.data };
  const problems = result.error.issues.map((issue) => ({
    path: "/" + issue.path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/"),
    message: describeIssue(issue),
  }));
  return { ok: false, problems };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `缺少必填字段（应为 ${issue.expected}）`
        : `类型错误：应为 ${issue.expected}`;
    case "invalid_value":
      return `取值无效：应为 ${issue.values.map((v) => JSON.stringify(v)).join(" / ")}`;
    case "too_small":
    case "too_big":
      return `数值超出范围（${issue.message}）`;
    case "invalid_format":
      return `格式错误：${issue.message}`;
    default:
      return issue.message;
  }
}
