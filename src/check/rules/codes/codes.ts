/** Classification codes: shape, nesting, names by year; project codes unique. */
import { notApplicable, notEvaluable, outcome } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { BASIS, defineRule, EXACT } from "../define.ts";
import { CLASS_NAMES_2019, RENAMED } from "./classification.ts";
import type { CheckContext } from "../../context.ts";
import { hasCode } from "../../../model/disclosure.ts";

const squash = (s: string | undefined) => (s ?? "").replace(/[\s\u3000]/g, "");
const CODE = /^\d{3}(\d{2}){0,2}$/;

/** Why a rule on codes has nothing to check: the expenditure table prints names only. */
const NO_CODES = "支出功能分类表只印科目名称、未印科目编码";

/** The expenditure table's lines are all printed without 科目编码. */
function uncoded(ctx: CheckContext): boolean {
  const lines = ctx.d.expenditureByFunction ?? [];
  return lines.length > 0 && !lines.some(hasCode);
}

/** Every coded line in the disclosure: the expenditure table and the named or explained codes. */
function codedLines(ctx: CheckContext): { code: string; name: string; path: string }[] {
  return [
    ...(ctx.d.expenditureByFunction ?? []).flatMap((l, i) =>
      hasCode(l) ? [{ code: l.code, name: l.name, path: `/expenditureByFunction/${i}` }] : [],
    ),
    ...(ctx.d.functionalClassification ?? []).map((l, i) => ({
      code: l.code,
      name: l.name,
      path: `/functionalClassification/${i}`,
    })),
  ];
}

export const codeShape = defineRule(
  {
    id: "COD-001",
    family: "codes",
    severity: "error",
    category: "功能分类",
    title: "功能分类编码为 3、5 或 7 位数字",
    expects: "类 3 位、款 5 位、项 7 位数字",
    tolerance: EXACT,
    basis: BASIS.classification,
  },
  (ctx, self) => {
    const lines = codedLines(ctx);
    if (!lines.length) return notApplicable(uncoded(ctx) ? NO_CODES : "没有功能分类科目");
    return outcome(
      lines.map((l): Draft | undefined =>
        CODE.test(l.code)
          ? undefined
          : {
              path: `${l.path}/code`,
              severity: self.severity,
              message: `功能分类编码「${l.code}」（${l.name}）不是 3、5 或 7 位数字`,
              actual: l.code,
            },
      ),
    );
  },
);

export const codeNesting = defineRule(
  {
    id: "COD-002",
    family: "codes",
    severity: "warning",
    category: "功能分类",
    title: "款、项科目有其上级科目",
    expects: "支出表列出款（项）时，也列出其所属的类（款）",
    tolerance: EXACT,
    basis: BASIS.classification,
  },
  (ctx) => {
    const all = ctx.d.expenditureByFunction ?? [];
    if (!all.length) return notApplicable("未列示按功能分类的支出");
    // Lines printed without codes are left out: their parents are known by indentation only.
    const lines = all.filter(hasCode);
    if (!lines.length) return notEvaluable(NO_CODES);
    const at = new Map(lines.map((l) => [l, all.indexOf(l)]));
    const codes = new Set(lines.map((l) => l.code));
    const hasLevel = (n: number) => lines.some((l) => l.code.length === n);
    return outcome(
      lines.map((l): Draft | undefined => {
        if (l.code.length <= 3) return undefined;
        const parent = l.code.slice(0, l.code.length - 2);
        if (!hasLevel(parent.length) || codes.has(parent)) return undefined;
        return {
          path: `/expenditureByFunction/${at.get(l)}/code`,
          message: `科目 ${l.code} ${l.name} 的上级科目 ${parent} 未列出`,
        };
      }),
    );
  },
);

export const outdatedNames = defineRule(
  {
    id: "COD-003",
    family: "codes",
    severity: "warning",
    category: "功能分类",
    title: "科目名称为当年的名称",
    expects:
      "科目更名当年起使用新名称（2019 年起 210 卫生健康支出，而非医疗卫生与计划生育支出；2020 年起 20805 行政事业单位养老支出）",
    tolerance: "忽略空白",
    basis: BASIS.classification,
  },
  (ctx) => {
    const year = ctx.d.year;
    if (year === undefined) return notEvaluable("未知预算年度");
    if (year < 2019) return notApplicable("2019 年以前的文件使用旧科目名称");
    const lines = codedLines(ctx);
    if (!lines.length) return notApplicable(uncoded(ctx) ? NO_CODES : "没有功能分类科目");
    return outcome(
      lines.map((l): Draft | undefined => {
        const r = RENAMED[l.code];
        if (!r || year < r.since || !squash(l.name).startsWith(r.old)) return undefined;
        return {
          path: `${l.path}/name`,
          message: `${year} 年的文件仍使用旧科目名称「${l.code} ${l.name}」，${r.since} 年起为「${r.current}」`,
          actual: l.name,
          expected: r.current,
        };
      }),
    );
  },
);

export const classNames = defineRule(
  {
    id: "COD-004",
    family: "codes",
    severity: "warning",
    category: "功能分类",
    title: "类级科目名称与科目表一致",
    expects: "类级（3 位）科目的名称与当年《政府收支分类科目》一致",
    tolerance: "忽略空白和括号内注释",
    basis: BASIS.classification,
  },
  (ctx) => {
    const year = ctx.d.year;
    if (year === undefined) return notEvaluable("未知预算年度");
    if (year < 2019) return notEvaluable("只收录了 2019 年起的类级科目名称");
    const lines = codedLines(ctx).filter((l) => l.code.length === 3);
    if (!lines.length) return notApplicable(uncoded(ctx) ? NO_CODES : "没有类级科目");
    return outcome(
      lines.map((l): Draft | undefined => {
        const want = CLASS_NAMES_2019[l.code];
        const name = squash(l.name).replace(/[（(].*?[)）]/g, "");
        if (!want)
          return {
            path: `${l.path}/code`,
            severity: "info",
            message: `类级科目编码 ${l.code}（${l.name}）不在已收录的科目表中`,
          };
        if (name === want || RENAMED[l.code]?.old === name) return undefined;
        return {
          path: `${l.path}/name`,
          message: `类级科目 ${l.code} 名为「${l.name}」，科目表中为「${want}」`,
          actual: l.name,
          expected: want,
        };
      }),
    );
  },
);

export const projectCodesUnique = defineRule(
  {
    id: "COD-005",
    family: "codes",
    severity: "error",
    category: "项目绩效",
    title: "项目编码不重复",
    expects: "不同项目的项目编码互不相同",
    tolerance: EXACT,
    basis: "《预算管理一体化规范》：项目代码唯一",
  },
  (ctx, self) => {
    const projects = ctx.d.performance?.projects ?? [];
    const coded = projects.map((p, i) => ({ p, i })).filter(({ p }) => squash(p.code));
    if (coded.length < 2) return notApplicable("列有编码的项目少于两个");
    const first = new Map<string, number>();
    const drafts: Draft[] = [];
    const size = new Map<string, number>();
    for (const { p } of coded) size.set(squash(p.code), (size.get(squash(p.code)) ?? 0) + 1);
    for (const { p, i } of coded) {
      const k = squash(p.code);
      // A code shared by many projects, or by projects carrying their own numbers ("44194-…"), is a parent (一级项目) code.
      if (size.get(k)! > 2 || /^\d{3,}[-－]/.test(squash(p.name))) continue;
      const f = first.get(k);
      if (f === undefined) first.set(k, i);
      else if (squash(projects[f]!.name) !== squash(p.name))
        drafts.push({
          path: `/performance/projects/${i}/code`,
          severity: self.severity,
          message: `项目「${p.name}」与项目「${projects[f]!.name}」使用同一项目编码 ${p.code}`,
          related: [`/performance/projects/${f}/code`],
        });
    }
    return outcome(drafts);
  },
);

export const projectCodeShape = defineRule(
  {
    id: "COD-006",
    family: "codes",
    severity: "info",
    category: "项目绩效",
    title: "项目编码格式一致",
    expects: "同一文件中的项目编码长度和字符集一致",
    tolerance: EXACT,
  },
  (ctx) => {
    const projects = ctx.d.performance?.projects ?? [];
    const coded = projects.map((p, i) => ({ c: squash(p.code), p, i })).filter(({ c }) => c);
    if (coded.length < 3) return notApplicable("列有编码的项目少于三个");
    const shape = (c: string) => `${c.length}:${/^[0-9A-Z]+$/.test(c) ? "A" : "x"}`;
    const count = new Map<string, number>();
    for (const { c } of coded) count.set(shape(c), (count.get(shape(c)) ?? 0) + 1);
    const [common] = [...count].sort((a, b) => b[1] - a[1])[0]!;
    if (count.get(common)! * 2 <= coded.length) return notApplicable("项目编码没有统一格式");
    return outcome(
      coded.map(({ c, p, i }): Draft | undefined =>
        shape(c) === common
          ? undefined
          : {
              path: `/performance/projects/${i}/code`,
              message: `项目「${p.name}」的编码「${p.code}」与其他项目编码格式不同`,
            },
      ),
    );
  },
);

export const functionCodesUnique = defineRule(
  {
    id: "COD-007",
    family: "codes",
    severity: "warning",
    category: "功能分类",
    title: "同一科目不以不同金额重复列示",
    expects: "支出表中同一编码只出现一次，或重复时金额相同",
    tolerance: EXACT,
  },
  (ctx) => {
    const lines = ctx.d.expenditureByFunction ?? [];
    if (!lines.length) return notApplicable("未列示按功能分类的支出");
    // Without codes a name may recur under another 款 (行政运行): nothing tells a repeat.
    if (uncoded(ctx)) return notEvaluable(NO_CODES);
    const first = new Map<string, number>();
    const drafts: Draft[] = [];
    lines.forEach((l, i) => {
      if (!hasCode(l)) return;
      const f = first.get(l.code);
      if (f === undefined) first.set(l.code, i);
      else if (lines[f]!.total !== l.total && squash(lines[f]!.name) === squash(l.name))
        drafts.push({
          path: `/expenditureByFunction/${i}`,
          severity: "info",
          message: `科目 ${l.code} ${l.name} 重复列示，金额 ${lines[f]!.total} 与 ${l.total} 不同（可能来自不同的表）`,
          related: [`/expenditureByFunction/${f}`],
        });
      else if (squash(lines[f]!.name) !== squash(l.name))
        drafts.push({
          path: `/expenditureByFunction/${i}/name`,
          message: `科目编码 ${l.code} 对应两个名称：「${lines[f]!.name}」与「${l.name}」`,
          related: [`/expenditureByFunction/${f}/name`],
        });
    });
    return outcome(drafts);
  },
);

export const procurementCatalogCodes = defineRule(
  {
    id: "COD-008",
    family: "codes",
    severity: "info",
    category: "政府采购",
    title: "政府采购目录编码格式",
    expects: "政府采购目录序号以 A（货物）、B（工程）或 C（服务）开头，后接数字",
    tolerance: EXACT,
  },
  (ctx) => {
    const items = (ctx.d.procurement?.items ?? [])
      .map((it, i) => ({ it, i }))
      .filter(({ it }) => it.catalogCode);
    if (!items.length) return notApplicable("采购项目未列示目录编码");
    return outcome(
      items.map(({ it, i }): Draft | undefined =>
        /^[ABC]\d*$/.test(squash(it.catalogCode))
          ? undefined
          : {
              path: `/procurement/items/${i}/catalogCode`,
              message: `采购项目「${it.item}」的目录编码「${it.catalogCode}」格式不符`,
            },
      ),
    );
  },
);

export const procurementCategoryMatchesCode = defineRule(
  {
    id: "COD-009",
    family: "codes",
    severity: "warning",
    category: "政府采购",
    title: "采购品目类别与目录编码一致",
    expects: "目录编码 A 为货物、B 为工程、C 为服务，与所填类别一致",
    tolerance: EXACT,
  },
  (ctx) => {
    const items = (ctx.d.procurement?.items ?? [])
      .map((it, i) => ({ it, i }))
      .filter(({ it }) => it.catalogCode && it.category);
    if (!items.length) return notApplicable("采购项目未同时列示目录编码和类别");
    const kind: Record<string, string> = { A: "货物", B: "工程", C: "服务" };
    return outcome(
      items.map(({ it, i }): Draft | undefined => {
        const want = kind[squash(it.catalogCode)[0] ?? ""];
        return !want || squash(it.category).includes(want)
          ? undefined
          : {
              path: `/procurement/items/${i}/category`,
              message: `采购项目「${it.item}」目录编码 ${it.catalogCode} 属${want}，类别却为「${it.category}」`,
            };
      }),
    );
  },
);

export const unitCodesUnderDepartment = defineRule(
  {
    id: "COD-010",
    family: "codes",
    severity: "info",
    category: "机构设置",
    title: "单位编码以部门编码开头",
    expects: "所属单位编码以部门编码开头（如部门 303，单位 303001）",
    tolerance: EXACT,
  },
  (ctx) => {
    const dept = squash(ctx.d.department?.code);
    const units = (ctx.d.units ?? []).map((u, i) => ({ u, i })).filter(({ u }) => squash(u.code));
    if (!dept || !units.length) return notApplicable("未同时列示部门编码和单位编码");
    return outcome(
      units.map(({ u, i }): Draft | undefined =>
        squash(u.code).startsWith(dept)
          ? undefined
          : {
              path: `/units/${i}/code`,
              message: `单位「${u.name}」的编码 ${u.code} 不以部门编码 ${dept} 开头`,
            },
      ),
    );
  },
);
