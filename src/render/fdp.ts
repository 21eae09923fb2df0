/**
 * A Fiscal Data Package (OpenSpending; anchors-open-budget.md A1): CSV files
 * plus datapackage.json whose fields carry FDP `columnType`s — 功能分类
 * 类/款/项 as functional-classification levels 1–3, 部门预算支出经济分类
 * 类/款 as economic-classification levels 1–2, the department as the
 * administrative classification — and a logical model (measures in CNY with
 * factor 10000, since amounts are 万元; phase proposed for 预算, executed for 决算).
 * Facts are the leaf lines only, so summing a column never double-counts.
 */
import { strToU8, zipSync } from "fflate";
import { fenToDecimal, wanToFen } from "../model/amount.ts";
import { hasCode, isCarriedForward, type Disclosure } from "../model/disclosure.ts";
import { csvText, type CsvValue } from "./csv.ts";
import { documentTitle } from "./document.ts";

interface Field {
  name: string;
  title: string;
  type: "string" | "number" | "integer" | "year";
  columnType: string;
}

interface Resource {
  name: string;
  path: string;
  fields: Field[];
  rows: CsvValue[][];
  measures: Record<string, { source: string; title: string }>;
  dimensions: Record<
    string,
    { dimensionType: string; attributes: Record<string, { source: string }>; primaryKey: string }
  >;
}

const exact = (v: number | undefined): string =>
  v === undefined ? "" : fenToDecimal(wanToFen(v), 6);

/** Lines whose code is not the prefix of another listed line's code. */
function leaves<T extends { code: string }>(lines: T[]): T[] {
  return lines.filter((l) => !lines.some((o) => o.code !== l.code && o.code.startsWith(l.code)));
}

function adminFields(): Field[] {
  return [
    { name: "fiscal_year", title: "预算年度", type: "year", columnType: "date:fiscal-year" },
    {
      name: "admin_code",
      title: "部门编码",
      type: "string",
      columnType: "administrative-classification:generic:level1:code",
    },
    {
      name: "admin_label",
      title: "部门名称",
      type: "string",
      columnType: "administrative-classification:generic:level1:label",
    },
  ];
}

const adminDimension = {
  administrative: {
    dimensionType: "classification",
    attributes: { code: { source: "admin_code" }, label: { source: "admin_label" } },
    primaryKey: "code",
  },
  date: {
    dimensionType: "datetime",
    attributes: { year: { source: "fiscal_year" } },
    primaryKey: "year",
  },
};

function functionResource(d: Disclosure): Resource | undefined {
  // The package's classification is keyed by code: lines printed without one (names only) are not facts of it.
  const lines = (d.expenditureByFunction ?? []).filter(hasCode);
  if (!lines.length) return undefined;
  const name = (code: string) => lines.find((l) => l.code === code)?.name ?? "";
  const levelFields: Field[] = [1, 2, 3].flatMap((n) => [
    {
      name: `function_l${n}_code`,
      title: ["类", "款", "项"][n - 1] + "编码",
      type: "string" as const,
      columnType: `functional-classification:generic:level${n}:code`,
    },
    {
      name: `function_l${n}_label`,
      title: ["类", "款", "项"][n - 1] + "名称",
      type: "string" as const,
      columnType: `functional-classification:generic:level${n}:label`,
    },
  ]);
  const rows = leaves(lines)
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((l) => {
      const codes = [
        l.code.slice(0, 3),
        l.code.length >= 5 ? l.code.slice(0, 5) : "",
        l.code.length === 7 ? l.code : "",
      ];
      return [
        d.year,
        d.department?.code,
        d.department?.name,
        ...codes.flatMap((c) => [c, c ? name(c) : ""]),
        exact(l.total),
        exact(l.basic),
        exact(l.project),
      ];
    });
  return {
    name: "expenditure-by-function",
    path: "expenditure-by-function.csv",
    fields: [
      ...adminFields(),
      ...levelFields,
      { name: "total", title: "合计", type: "number", columnType: "value" },
      { name: "basic", title: "基本支出", type: "number", columnType: "value" },
      { name: "project", title: "项目支出", type: "number", columnType: "value" },
    ],
    rows,
    measures: {
      total: { source: "total", title: "合计" },
      basic: { source: "basic", title: "基本支出" },
      project: { source: "project", title: "项目支出" },
    },
    dimensions: {
      ...adminDimension,
      functional: {
        dimensionType: "classification",
        attributes: Object.fromEntries(
          levelFields.map((f) => [f.name.replace("function_", ""), { source: f.name }]),
        ),
        primaryKey: "l3_code",
      },
    },
  };
}

function economicResource(d: Disclosure): Resource | undefined {
  const lines = d.basicByEconomic ?? [];
  if (!lines.length) return undefined;
  const name = (code: string) => lines.find((l) => l.code === code)?.name ?? "";
  const levelFields: Field[] = [1, 2].flatMap((n) => [
    {
      name: `economic_l${n}_code`,
      title: ["类", "款"][n - 1] + "编码",
      type: "string" as const,
      columnType: `economic-classification:generic:level${n}:code`,
    },
    {
      name: `economic_l${n}_label`,
      title: ["类", "款"][n - 1] + "名称",
      type: "string" as const,
      columnType: `economic-classification:generic:level${n}:label`,
    },
  ]);
  const rows = leaves(lines)
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((l) => {
      const codes = [l.code.slice(0, 3), l.code.length === 5 ? l.code : ""];
      return [
        d.year,
        d.department?.code,
        d.department?.name,
        ...codes.flatMap((c) => [c, c ? name(c) : ""]),
        exact(l.total),
        exact(l.personnel),
        exact(l.publicOperating),
      ];
    });
  return {
    name: "basic-expenditure-by-economic",
    path: "basic-expenditure-by-economic.csv",
    fields: [
      ...adminFields(),
      ...levelFields,
      { name: "total", title: "合计", type: "number", columnType: "value" },
      { name: "personnel", title: "人员经费", type: "number", columnType: "value" },
      { name: "public_operating", title: "公用经费", type: "number", columnType: "value" },
    ],
    rows,
    measures: {
      total: { source: "total", title: "合计" },
      personnel: { source: "personnel", title: "人员经费" },
      public_operating: { source: "public_operating", title: "公用经费" },
    },
    dimensions: {
      ...adminDimension,
      economic: {
        dimensionType: "classification",
        attributes: Object.fromEntries(
          levelFields.map((f) => [f.name.replace("economic_", ""), { source: f.name }]),
        ),
        primaryKey: "l2_code",
      },
    },
  };
}

/** Without functional lines the package still carries the 基本/项目 split of the totals. */
function summaryResource(d: Disclosure): Resource | undefined {
  const e = d.expenditure;
  if (!e) return undefined;
  const rows: CsvValue[][] = [];
  if (e.basic !== undefined)
    rows.push([
      d.year,
      d.department?.code,
      d.department?.name,
      "basic",
      "基本支出",
      exact(e.basic),
    ]);
  if (e.project !== undefined)
    rows.push([
      d.year,
      d.department?.code,
      d.department?.name,
      "project",
      "项目支出",
      exact(e.project),
    ]);
  if (!rows.length && e.total !== undefined)
    rows.push([
      d.year,
      d.department?.code,
      d.department?.name,
      "total",
      "支出合计",
      exact(e.total),
    ]);
  // 结转下年 is not spent this year: left out, so the resource's amounts add up to the year's spending.
  for (const o of e.otherItems ?? [])
    if (!isCarriedForward(o))
      rows.push([
        d.year,
        d.department?.code,
        d.department?.name,
        "other",
        o.label,
        exact(o.amount),
      ]);
  return {
    name: "expenditure-summary",
    path: "expenditure-summary.csv",
    fields: [
      ...adminFields(),
      {
        name: "type_code",
        title: "支出类型",
        type: "string",
        columnType: "activity:generic:program:code",
      },
      {
        name: "type_label",
        title: "支出类型名称",
        type: "string",
        columnType: "activity:generic:program:label",
      },
      { name: "amount", title: "金额", type: "number", columnType: "value" },
    ],
    rows,
    measures: { amount: { source: "amount", title: "金额" } },
    dimensions: {
      ...adminDimension,
      activity: {
        dimensionType: "activity",
        attributes: { code: { source: "type_code" }, label: { source: "type_label" } },
        primaryKey: "code",
      },
    },
  };
}

export function dataPackage(d: Disclosure): {
  descriptor: Record<string, unknown>;
  files: Record<string, string>;
} {
  const resources = [functionResource(d), economicResource(d), summaryResource(d)].filter(
    (r): r is Resource => !!r,
  );
  const phase = d.kind === "final" ? "executed" : "proposed";
  const files: Record<string, string> = {};
  for (const r of resources)
    files[r.path] = csvText(
      r.fields.map((f) => f.name),
      r.rows,
    );
  const descriptor = {
    profile: "fiscal-data-package",
    name: `gongkai-${d.department?.code ?? "department"}-${d.year ?? "year"}-${d.kind ?? "budget"}`.toLowerCase(),
    title: documentTitle(d),
    countryCode: "CN",
    ...(d.region?.code ? { regionCode: d.region.code } : {}),
    fiscalPeriod: d.year ? { start: `${d.year}-01-01`, end: `${d.year}-12-31` } : undefined,
    granularity: "aggregated",
    resources: resources.map((r) => ({
      name: r.name,
      path: r.path,
      profile: "tabular-data-resource",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      schema: {
        fields: r.fields.map((f) => ({
          ...f,
          ...(f.type === "number" ? { decimalChar: "." } : {}),
        })),
      },
      model: {
        measures: Object.fromEntries(
          Object.entries(r.measures).map(([k, m]) => [
            k,
            { ...m, currency: "CNY", factor: 10000, direction: "expenditure", phase },
          ]),
        ),
        dimensions: r.dimensions,
      },
    })),
  };
  return { descriptor, files };
}

/** The package as a zip: datapackage.json at the root beside its CSV files. */
export function renderFdpZip(d: Disclosure): Uint8Array {
  const { descriptor, files } = dataPackage(d);
  const entries: Record<string, Uint8Array> = {
    "datapackage.json": strToU8(JSON.stringify(descriptor, null, 2) + "\n"),
  };
  for (const [path, text] of Object.entries(files)) entries[path] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") });
}
