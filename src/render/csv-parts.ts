/**
 * The disclosure's parts as CSV tables, one builder per file; a part the
 * disclosure lacks gives no file. Amounts are exact decimal strings of 万元.
 */
import { fenToDecimal, wanToFen } from "../model/amount.ts";
import { functionLevel, isCarriedForward, type Disclosure } from "../model/disclosure.ts";

export type CsvValue = string | number | boolean | undefined;

export interface CsvFile {
  name: string;
  header: string[];
  rows: CsvValue[][];
}

const exact = (v: number | undefined): string =>
  v === undefined ? "" : fenToDecimal(wanToFen(v), 6);

const file = (name: string, header: string[], rows: CsvValue[][]): CsvFile | undefined =>
  rows.length ? { name, header, rows } : undefined;

function disclosureFile(d: Disclosure): CsvFile | undefined {
  return file(
    "disclosure.csv",
    ["field", "value"],
    [
      ["format", d.format],
      ["kind", d.kind],
      ["year", d.year],
      ["region", d.region?.name],
      ["regionCode", d.region?.code],
      ["department", d.department?.name],
      ["departmentCode", d.department?.code],
      ["amountUnit", d.amountUnit],
      ["duties", d.duties],
      ["otherNotes", d.otherNotes],
    ].filter((r) => r[1] !== undefined),
  );
}

function unitsFile(d: Disclosure): CsvFile | undefined {
  return file(
    "units.csv",
    ["code", "name", "nature", "level", "funding"],
    (d.units ?? []).map((u) => [u.code, u.name, u.nature, u.level, u.funding]),
  );
}

function incomeFile(d: Disclosure): CsvFile | undefined {
  const inc = d.income;
  if (!inc) return undefined;
  return file(
    "income.csv",
    ["source", "label", "amount"],
    [
      ...(inc.items ?? []).map((i) => [i.source, i.label, exact(i.amount)]),
      ...(inc.total !== undefined ? [["total", "收入总计", exact(inc.total)]] : []),
      ...(inc.previousTotal !== undefined
        ? [["previousTotal", "上年收入总计", exact(inc.previousTotal)]]
        : []),
      ...(inc.change !== undefined ? [["change", "增减额", exact(inc.change)]] : []),
      ...(inc.changeRate !== undefined ? [["changeRate", "增减率（%）", inc.changeRate]] : []),
    ],
  );
}

function expenditureFile(d: Disclosure): CsvFile | undefined {
  const e = d.expenditure;
  if (!e) return undefined;
  const rows: CsvValue[][] = [];
  const line = (item: string, label: string, cur?: number, prev?: number, change?: number) => {
    if (cur !== undefined || prev !== undefined || change !== undefined)
      rows.push([item, label, exact(cur), exact(prev), exact(change)]);
  };
  line("total", "本年支出合计", e.total, e.previous?.total, e.change?.total);
  line("basic", "基本支出", e.basic, e.previous?.basic, e.change?.basic);
  line("personnel", "人员经费", e.personnel);
  line("publicOperating", "日常公用经费", e.publicOperating);
  line("project", "项目支出", e.project, e.previous?.project, e.change?.project);
  // 结转下年 is listed beside the year's spending, not part of it: its own item, so a sum of "other" stays spending.
  for (const o of e.otherItems ?? [])
    line(isCarriedForward(o) ? "carriedForward" : "other", o.label, o.amount);
  return file("expenditure.csv", ["item", "label", "amount", "previous", "change"], rows);
}

function functionLinesFile(d: Disclosure): CsvFile | undefined {
  return file(
    "expenditure-by-function.csv",
    ["code", "level", "name", "total", "basic", "project"],
    (d.expenditureByFunction ?? []).map((l) => [
      l.code ?? "",
      ["", "类", "款", "项"][functionLevel(l) ?? 0],
      l.name,
      exact(l.total),
      exact(l.basic),
      exact(l.project),
    ]),
  );
}

function economicLinesFile(d: Disclosure): CsvFile | undefined {
  return file(
    "basic-by-economic.csv",
    ["code", "level", "name", "total", "personnel", "publicOperating"],
    (d.basicByEconomic ?? []).map((l) => [
      l.code,
      l.code.length === 3 ? "类" : "款",
      l.name,
      exact(l.total),
      exact(l.personnel),
      exact(l.publicOperating),
    ]),
  );
}

function operatingCostsFile(d: Disclosure): CsvFile | undefined {
  const oc = d.operatingCosts;
  if (!oc) return undefined;
  return file(
    "operating-costs.csv",
    ["item", "amount"],
    [
      ...(oc.amount !== undefined ? [["机关运行经费", exact(oc.amount)]] : []),
      ...(oc.previous !== undefined ? [["上年", exact(oc.previous)]] : []),
      ...(oc.change !== undefined ? [["增减额", exact(oc.change)]] : []),
      ...(oc.items ?? []).map((i) => [i.name, exact(i.amount)]),
    ],
  );
}

function threePublicFile(d: Disclosure): CsvFile | undefined {
  const t = d.threePublic;
  if (!t) return undefined;
  const rows: CsvValue[][] = [];
  const put = (
    item: string,
    label: string,
    pick: (x: typeof t | undefined) => number | undefined,
  ) => {
    const vals = [
      pick(t),
      pick(t.previous as typeof t | undefined),
      pick(t.change as typeof t | undefined),
    ];
    if (vals.some((v) => v !== undefined)) rows.push([item, label, ...vals.map(exact)]);
  };
  put("total", "合计", (x) => x?.total);
  put("overseas", "因公出国（境）费", (x) => x?.overseas);
  put("vehicle", "公务用车购置及运行费", (x) => x?.vehicle?.total);
  put("vehiclePurchase", "公务用车购置费", (x) => x?.vehicle?.purchase);
  put("vehicleOperation", "公务用车运行费", (x) => x?.vehicle?.operation);
  put("reception", "公务接待费", (x) => x?.reception);
  return file("three-public.csv", ["item", "label", "amount", "previous", "change"], rows);
}

function procurementFile(d: Disclosure): CsvFile | undefined {
  const pr = d.procurement;
  if (!pr) return undefined;
  return file(
    "procurement.csv",
    ["project", "item", "catalogCode", "category", "measure", "quantity", "unitPrice", "amount"],
    [
      ...(pr.items ?? []).map((i) => [
        i.project,
        i.item,
        i.catalogCode,
        i.category,
        i.measure,
        i.quantity,
        exact(i.unitPrice),
        exact(i.amount),
      ]),
      ...(pr.total !== undefined ? [["合计", "", "", "", "", "", "", exact(pr.total)]] : []),
      ...(pr.none ? [["本部门无政府采购", "", "", "", "", "", "", ""]] : []),
    ],
  );
}

function assetsFile(d: Disclosure): CsvFile | undefined {
  const a = d.assets;
  if (!a) return undefined;
  return file(
    "assets.csv",
    ["category", "parent", "quantity", "originalValue", "depreciation", "netValue", "asOf"],
    [
      ...(a.total
        ? [
            [
              "合计",
              "",
              a.total.quantity,
              exact(a.total.originalValue),
              exact(a.total.depreciation),
              exact(a.total.netValue),
              a.asOf,
            ],
          ]
        : []),
      ...(a.items ?? []).map((i) => [
        i.category,
        i.parent,
        i.quantity,
        exact(i.originalValue),
        exact(i.depreciation),
        exact(i.netValue),
        a.asOf,
      ]),
    ],
  );
}

function goalsFile(d: Disclosure): CsvFile | undefined {
  const perf = d.performance;
  return file(
    "performance-goals.csv",
    ["title", "goal", "indicatorText"],
    [
      ...(perf?.overallGoal ? [["总体绩效目标", perf.overallGoal, ""]] : []),
      ...(perf?.goals ?? []).map((g) => [g.title, g.goal, g.indicatorText]),
    ],
  );
}

function activitiesFile(d: Disclosure): CsvFile | undefined {
  const perf = d.performance;
  return file(
    "activities.csv",
    [
      "duty",
      "dutyBudget",
      "activity",
      "budget",
      "description",
      "goal",
      "indicator",
      "indicatorDescription",
      "indicatorGoal",
      "excellent",
      "good",
      "fair",
      "poor",
    ],
    (perf?.activities ?? []).flatMap((x) =>
      (x.indicators?.length ? x.indicators : [undefined]).map((i) => [
        x.duty,
        exact(x.dutyBudget),
        x.activity,
        exact(x.budget),
        x.description,
        x.goal,
        i?.name,
        i?.description,
        i?.goal,
        i?.grades.excellent,
        i?.grades.good,
        i?.grades.fair,
        i?.grades.poor,
      ]),
    ),
  );
}

function projectsFile(d: Disclosure): CsvFile | undefined {
  const perf = d.performance;
  return file(
    "projects.csv",
    [
      "code",
      "name",
      "unitCode",
      "unitName",
      "budget",
      "fiscalFunds",
      "otherFunds",
      "purpose",
      "planMar",
      "planJun",
      "planOct",
      "planDec",
      "goals",
    ],
    (perf?.projects ?? []).map((p) => [
      p.code,
      p.name,
      p.unit?.code,
      p.unit?.name,
      exact(p.budget),
      exact(p.fiscalFunds),
      exact(p.otherFunds),
      p.purpose,
      p.spendingPlan?.mar,
      p.spendingPlan?.jun,
      p.spendingPlan?.oct,
      p.spendingPlan?.dec,
      (p.goals ?? []).join("\n"),
    ]),
  );
}

function projectIndicatorsFile(d: Disclosure): CsvFile | undefined {
  const perf = d.performance;
  return file(
    "project-indicators.csv",
    [
      "projectCode",
      "projectName",
      "level1",
      "level2",
      "name",
      "description",
      "target",
      "op",
      "value",
      "unit",
      "basis",
    ],
    (perf?.projects ?? []).flatMap((p) =>
      (p.indicators ?? []).map((i) => [
        p.code,
        p.name,
        i.level1,
        i.level2,
        i.name,
        i.description,
        i.target.raw,
        i.target.op,
        i.target.value,
        i.target.unit,
        i.basis,
      ]),
    ),
  );
}

function functionalClassificationFile(d: Disclosure): CsvFile | undefined {
  return file(
    "functional-classification.csv",
    ["code", "name", "description"],
    (d.functionalClassification ?? []).map((f) => [f.code, f.name, f.description]),
  );
}

function glossaryFile(d: Disclosure): CsvFile | undefined {
  return file(
    "glossary.csv",
    ["term", "definition"],
    (d.glossary ?? []).map((g) => [g.term, g.definition]),
  );
}

/** The files in the order they are zipped. */
const PARTS = [
  disclosureFile,
  unitsFile,
  incomeFile,
  expenditureFile,
  functionLinesFile,
  economicLinesFile,
  operatingCostsFile,
  threePublicFile,
  procurementFile,
  assetsFile,
  goalsFile,
  activitiesFile,
  projectsFile,
  projectIndicatorsFile,
  functionalClassificationFile,
  glossaryFile,
];

/** Every part the disclosure states, as a table of rows; parts it lacks are left out. */
export function csvParts(d: Disclosure): CsvFile[] {
  return PARTS.map((part) => part(d)).filter((f): f is CsvFile => f !== undefined);
}
