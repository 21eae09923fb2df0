/** The disclosure publishes what the rules require (cn-standards §1.4, §6.3). */
import { has, notApplicable, notEvaluable, outcome, passed } from "../../context.ts";
import { functionLevel, type Disclosure } from "../../../model/disclosure.ts";
import type { Draft, Severity } from "../../types.ts";
import { BASIS, defineRule, EXACT } from "../define.ts";
import { sectionInText } from "./text-sections.ts";
import { HALF_LABEL, halfOf, reportsPerformanceManagement, type Half } from "./publication.ts";
import type { CheckContext } from "../../context.ts";
import { partLabel } from "../../report/labels.ts";

/**
 * `inText`: headings that show the part is explained in words even when no data was read
 * from it (the importer reads Hebei-style tables; other provinces write these parts as prose).
 */
function presenceRule(
  id: string,
  severity: Severity,
  category: string,
  title: string,
  path: string,
  basis: string | undefined,
  present: (d: Disclosure) => boolean,
  message: string,
  inText?: RegExp,
  /** The half of a split publication that carries this part: not required of the other half alone. */
  half?: Half,
  /** A reason the part is not required of this document (决算 report 绩效管理, not targets). */
  exempt?: (ctx: CheckContext) => string | undefined,
) {
  return defineRule(
    {
      id,
      family: "completeness",
      severity,
      category,
      title,
      expects: `公开文件包含${category}`,
      tolerance: EXACT,
      ...(basis ? { basis } : {}),
    },
    (ctx) => {
      if (present(ctx.d) || explainedInText(ctx, inText)) return passed();
      // Printed but left out by the importer's plausibility checks: not evidence of absence.
      if (leftOutAsDoubtful(ctx.d, category)) {
        return notEvaluable(`导入时${category}的数据前后不一致，未导入，见「核对」提示`);
      }
      const why = exempt?.(ctx);
      if (why) return notApplicable(why);
      const other = halfOf(ctx);
      if (half && other && other !== half) return notApplicable(HALF_LABEL[other]);
      return outcome([{ path, message }]);
    },
  );
}

/** The importer's plausibility section (import/plausibility.ts): figures it read but left out. */
const PLAUSIBILITY = "核对";
const unquote = (text: string) => text.replace(/[“”"「」]/g, "");

/** True when a 核对 diagnostic says figures of this part were read and left out as doubtful. */
function leftOutAsDoubtful(d: Disclosure, category: string): boolean {
  return (d.diagnostics ?? []).some((x) => {
    if (x.section !== PLAUSIBILITY) return false;
    const left = unquote(x.message).split("未导入")[1];
    return left !== undefined && left.includes(unquote(category));
  });
}

const explainedInText = (ctx: CheckContext, topic: RegExp | undefined) =>
  topic !== undefined && sectionInText(ctx, topic) !== undefined;

/** Heading wordings of the parts some documents write as prose (narrow: duty headings mention 国有资产管理, 绩效管理改革). */
const ASSETS_HEADING = /国有资产(信息|占用|占有|使用|情况|预算)|资产(占用|占有)情况/;
const PERFORMANCE_HEADING = /绩效(目标|信息|评价|情况|管理(工作)?情况)/;
// A combined "部门职责及机构设置" heading is followed by the duties, so it proves nothing about the units.
const UNITS_HEADING = /^(?!.*职责).*(机构设置|单位构成|^机构编制(?:情况)?$)/;

const nonEmpty = (s: string | undefined) => !!s && s.trim().length > 0;

export const hasIncome = presenceRule(
  "CMP-001",
  "warning",
  "收入",
  "公开了收入情况",
  "/income",
  BASIS.regulation5,
  (d) => has(d.income?.total) || !!d.income?.items?.length,
  "未公开收入情况（收入总计及构成）",
);
export const hasExpenditure = presenceRule(
  "CMP-002",
  "warning",
  "支出",
  "公开了支出情况",
  "/expenditure",
  BASIS.regulation5,
  (d) => has(d.expenditure?.total),
  "未公开支出合计",
);
export const hasBasicAndProject = presenceRule(
  "CMP-003",
  "warning",
  "支出",
  "公开了基本支出和项目支出",
  "/expenditure",
  BASIS.regulation6,
  (d) =>
    !has(d.expenditure?.total) ||
    ((has(d.expenditure?.basic) || has(d.expenditure?.personnel)) && has(d.expenditure?.project)),
  "未分别公开基本支出和项目支出（实施条例第六条要求公开）",
  undefined,
  "tablesOnly",
);
export const hasOperatingCosts = presenceRule(
  "CMP-004",
  "warning",
  "机关运行经费",
  "说明了机关运行经费",
  "/operatingCosts",
  BASIS.budgetLaw14,
  (d) => has(d.operatingCosts?.amount) || nonEmpty(d.operatingCosts?.explanation),
  "未说明机关运行经费安排情况（预算法第十四条）",
  // A heading of its own ("二、机关运行经费预算　本单位无机关运行经费。") explains it in words.
  /机关运行经费/,
  "explanationOnly",
);
export const hasThreePublic = presenceRule(
  "CMP-005",
  "warning",
  "三公经费",
  `公开了"三公"经费`,
  "/threePublic",
  BASIS.rules143,
  (d) => has(d.threePublic?.total) || nonEmpty(d.threePublic?.explanation),
  `未公开"三公"经费`,
);
export const hasVehicleSplit = defineRule(
  {
    id: "CMP-006",
    family: "completeness",
    severity: "warning",
    category: "三公经费",
    title: "公务用车费用细化到购置费和运行费",
    expects: "公务用车购置及运行费细化为公务用车购置费和公务用车运行费",
    tolerance: EXACT,
    basis: BASIS.rules143,
  },
  (ctx) => {
    const v = ctx.d.threePublic?.vehicle;
    if (!v || !has(v.total) || v.total === 0) return notApplicable("没有公务用车购置及运行费");
    return has(v.purchase) || has(v.operation)
      ? passed()
      : outcome([
          {
            path: "/threePublic/vehicle",
            message: "公务用车购置及运行费未细化到公务用车购置费和公务用车运行费",
          },
        ]);
  },
);
export const hasProcurement = presenceRule(
  "CMP-007",
  "warning",
  "政府采购",
  "说明了政府采购预算",
  "/procurement",
  "《预算法》第十四条第三款",
  (d) =>
    !!d.procurement &&
    (d.procurement.none === true || has(d.procurement.total) || !!d.procurement.items?.length),
  "未说明政府采购预算情况（无采购时也应说明）",
  undefined,
  "explanationOnly",
);
export const hasAssets = presenceRule(
  "CMP-008",
  "warning",
  "国有资产",
  "说明了国有资产占用情况",
  "/assets",
  BASIS.rules143,
  (d) =>
    !!d.assets && (!!d.assets.total || !!d.assets.items?.length || !!d.assets.plannedPurchases),
  "未说明国有资产占用情况",
  ASSETS_HEADING,
  "explanationOnly",
);
export const hasPerformance = presenceRule(
  "CMP-009",
  "warning",
  "绩效信息",
  "公开了绩效目标",
  "/performance",
  "中发〔2018〕34号；" + BASIS.perf88,
  (d) =>
    !!d.performance &&
    (nonEmpty(d.performance.overallGoal) ||
      !!d.performance.goals?.length ||
      !!d.performance.activities?.length ||
      !!d.performance.projects?.length),
  "未公开绩效目标",
  PERFORMANCE_HEADING,
  "tablesOnly",
  (ctx) =>
    reportsPerformanceManagement(ctx) ? "决算公开绩效管理（评价）情况，不公开绩效目标" : undefined,
);
export const hasGlossary = presenceRule(
  "CMP-010",
  "info",
  "名词解释",
  "解释了专业名词",
  "/glossary",
  BASIS.rules143,
  (d) => !!d.glossary?.length,
  "未对专业性较强的名词进行解释",
  undefined,
  "explanationOnly",
);
export const hasUnits = defineRule(
  {
    id: "CMP-011",
    family: "completeness",
    severity: "warning",
    category: "机构设置",
    title: "列示了机构设置",
    expects: "机构设置部分列出所属预算单位",
    tolerance: EXACT,
    basis: BASIS.rules143,
  },
  (ctx) => {
    const u = ctx.d.units;
    if (u?.length) return passed();
    // Units listed in prose under their own heading ("二、部门预算单位构成　……包括本级和所属 3 家事业单位").
    if (!u && explainedInText(ctx, UNITS_HEADING)) return passed();
    const half = halfOf(ctx);
    if (!u && half === "tablesOnly") return notApplicable(HALF_LABEL[half]);
    return outcome([
      {
        path: "/units",
        message: u ? "机构设置部分有标题但未列出任何单位" : "未公开机构设置（所属预算单位）",
      },
    ]);
  },
);
export const hasDuties = presenceRule(
  "CMP-012",
  "info",
  "部门职责",
  "说明了部门职责",
  "/duties",
  BASIS.rules143,
  (d) => nonEmpty(d.duties),
  "未说明部门职责",
  undefined,
  "explanationOnly",
);
export const hasYear = presenceRule(
  "CMP-013",
  "warning",
  "基本信息",
  "写明了预算年度",
  "/year",
  undefined,
  (d) => d.year !== undefined,
  "文件未写明预算年度",
);
export const hasDepartment = presenceRule(
  "CMP-014",
  "warning",
  "基本信息",
  "写明了部门名称",
  "/department",
  undefined,
  (d) => nonEmpty(d.department?.name),
  "文件未写明部门名称",
);

export const functionDetail = defineRule(
  {
    id: "CMP-015",
    family: "completeness",
    severity: "warning",
    category: "功能分类",
    title: "功能分类公开到项",
    expects: "按功能分类的支出细化到项级科目（7 位编码）",
    tolerance: EXACT,
    basis: BASIS.regulation6,
  },
  (ctx) => {
    const lines = ctx.d.expenditureByFunction ?? [];
    if (!lines.length) return notApplicable("未列示按功能分类的支出");
    const levels = lines.map(functionLevel);
    if (!levels.includes(3) && levels.includes(undefined))
      return notEvaluable("支出功能分类表未印科目编码，也未显示层级，无法判断是否细化到项");
    return levels.includes(3)
      ? passed()
      : outcome([
          {
            path: "/expenditureByFunction",
            message: "按功能分类的支出未细化到项级科目（7 位编码）",
          },
        ]);
  },
);

export const emptyTablesExplained = defineRule(
  {
    id: "CMP-016",
    family: "completeness",
    severity: "info",
    category: "空表说明",
    title: "零收支的预算类型有空表说明",
    expects: "政府性基金、国有资本经营预算拨款为零时，公开空表并说明",
    tolerance: EXACT,
    basis: BASIS.rules143,
  },
  (ctx) => {
    const items = ctx.d.income?.items ?? [];
    const zero = items
      .map((it, i) => ({ it, i }))
      .filter(
        ({ it }) =>
          (it.source === "governmentFund" || it.source === "stateCapital") && it.amount === 0,
      );
    if (!zero.length) return notApplicable("没有为零的政府性基金或国有资本经营预算拨款");
    const text = [ctx.d.otherNotes, ...(ctx.narrative ?? []).map((l) => l.text)]
      .join("")
      .replace(/\s/g, "");
    const explained =
      /空表|为零|为0|无(政府性基金|国有资本经营)|没有(政府性基金|国有资本经营)/.test(text);
    if (explained) return passed();
    return outcome(
      zero.map(
        ({ it, i }): Draft => ({
          path: `/income/items/${i}`,
          message: `「${it.label}」为零，未见空表说明`,
        }),
      ),
    );
  },
);

/** "表格为 227358.37 万元，文字说明为 227358.37 万元…不一致": two equal figures called different. */
function equalDisagreement(message: string): boolean {
  if (!/不一致|不符|不等|disagree|differ/.test(message)) return false;
  // Places (第 3 页第 12 行, 表 2, 第 4 段) are not figures.
  const figures = message.replace(/第\s?\d+\s?[页行段列]|表\s?\d+|工作表「[^」]*」[A-Z]*\d*/g, "");
  const nums = (figures.match(/-?\d[\d,]*(?:\.\d+)?/g) ?? []).map((x) =>
    Number(x.replace(/,/g, "")),
  );
  return nums.length === 2 && nums[0] === nums[1];
}

export const importDiagnostics = defineRule(
  {
    id: "CMP-017",
    family: "completeness",
    severity: "warning",
    category: "导入",
    title: "文件的各部分均能读取",
    expects: "导入时没有无法读取或被截断的部分",
    tolerance: EXACT,
  },
  (ctx) => {
    const diags = ctx.d.diagnostics ?? [];
    if (!diags.length) return passed();
    // A "disagreement" between two equal printed figures is no disagreement.
    // Errors, and figures the plausibility checks left out: a printed sum that does not add up
    // is a defect of the document or a misreading, and the reviewer has to see it either way.
    const serious = diags.filter(
      (x) =>
        (x.level === "error" || (x.level === "warning" && x.section === PLAUSIBILITY)) &&
        !equalDisagreement(x.message),
    );
    return outcome(
      serious.map(
        (x): Draft => ({
          message: `导入时${x.section ? `「${partLabel(x.section)}」` : ""}：${x.message}`,
          ...(x.line ? { line: x.line } : {}),
          ...(x.location ? { location: x.location } : {}),
        }),
      ),
    );
  },
);
