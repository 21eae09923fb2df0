/**
 * A readable difference between two versions' canonical JSON: every changed,
 * added or removed value, named by the section it belongs to and its path,
 * amounts printed as 万元. Bookkeeping fields (source map, diagnostics,
 * source file) are left out: they change with every upload.
 */
import { wan } from "./format.ts";

export interface Change {
  section: string;
  path: string;
  before: string;
  after: string;
}

const SKIP = new Set(["sourceMap", "diagnostics", "source"]);

export const SECTION_LABEL: Record<string, string> = {
  year: "年度",
  kind: "类型",
  region: "地区",
  department: "部门",
  units: "机构设置",
  duties: "部门职责",
  income: "收入",
  expenditure: "支出",
  operatingCosts: "机关运行经费",
  threePublic: "“三公”经费",
  procurement: "政府采购",
  assets: "国有资产",
  performance: "绩效目标",
  expenditureByFunction: "支出功能分类",
  basicByEconomic: "基本支出经济分类",
  functionalClassification: "功能分类名词解释",
  glossary: "名词解释",
  otherNotes: "其他说明",
};

function flatten(value: unknown, path: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (path === "" && SKIP.has(k)) continue;
      flatten(v, `${path}/${k}`, out);
    }
    return;
  }
  out.set(path, value);
}

const show = (v: unknown) =>
  v === undefined ? "（无）" : typeof v === "number" ? wan(v) : String(v);

const CONTEXT = 24;

/**
 * Two long texts shown by the part that differs, with a little context either
 * side: a corrected word in a page of 职能 is found at a glance.
 */
function excerpt(before: string, after: string): [string, string] {
  if (before.length + after.length <= 160) return [before, after];
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (
    s < before.length - p &&
    s < after.length - p &&
    before[before.length - 1 - s] === after[after.length - 1 - s]
  ) {
    s++;
  }
  const cut = (t: string) => {
    const from = Math.max(0, p - CONTEXT);
    const to = Math.min(t.length, t.length - s + CONTEXT);
    return `${from > 0 ? "…" : ""}${t.slice(from, to)}${to < t.length ? "…" : ""}`;
  };
  return [cut(before), cut(after)];
}

export function diffDisclosures(before: unknown, after: unknown): Change[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, "", a);
  flatten(after, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .map((p) => {
      const [was, now] = excerpt(show(a.get(p)), show(b.get(p)));
      return {
        section: SECTION_LABEL[p.split("/")[1] ?? ""] ?? p.split("/")[1] ?? "",
        path: p,
        before: was,
        after: now,
      };
    });
}
