/**
 * The nine standard public tables (cn-standards.md §2) built from a
 * disclosure. Only what the disclosure states is printed; a table without
 * data is still published, empty, with the standard explanation (R7).
 */
import {
  isCarriedForward,
  type Disclosure,
  type FunctionLine,
  type IncomeSource,
} from "../../model/disclosure.ts";
import { addWan, chineseNumber, printWan, subtractWan } from "../numbers.ts";
import { text, type Cell, type TableModel } from "./model.ts";

/** Standard wording of each income source, used when a table row has no document label. */
export const SOURCE_LABELS: Record<IncomeSource, string> = {
  generalBudget: "一般公共预算拨款收入",
  governmentFund: "政府性基金预算拨款收入",
  stateCapital: "国有资本经营预算拨款收入",
  fiscalSpecial: "财政专户管理资金收入",
  fiscalUnsplit: "财政拨款收入",
  business: "事业收入",
  operating: "事业单位经营收入",
  superiorSubsidy: "上级补助收入",
  subordinateRemit: "附属单位上缴收入",
  carryOver: "上年结转结余",
  other: "其他收入",
};

export interface TableContext {
  d: Disclosure;
  final: boolean;
  /** 预算数 / 决算数 */
  amountWord: string;
  caption: string;
}

export function tableContext(d: Disclosure): TableContext {
  const final = d.kind === "final";
  const name = d.department?.name ?? d.units?.[0]?.name;
  return {
    d,
    final,
    amountWord: final ? "决算数" : "预算数",
    caption: name ? `部门：${name}` : "",
  };
}

const amountCell = (wan: number | undefined, extra: Partial<Cell> = {}): Cell =>
  wan === undefined
    ? text("", extra)
    : { text: printWan(wan), amount: wan, align: "right", ...extra };
const head = (t: string, extra: Partial<Cell> = {}): Cell => ({
  text: t,
  align: "center",
  bold: true,
  ...extra,
});
const totalLabel = (t: string, extra: Partial<Cell> = {}): Cell => ({
  text: t,
  align: "center",
  bold: true,
  ...extra,
});

function amountOf(d: Disclosure, source: IncomeSource): number | undefined {
  const items = d.income?.items?.filter((i) => i.source === source) ?? [];
  return addWan(items.map((i) => i.amount));
}

function isZeroOrAbsent(v: number | undefined): boolean {
  return v === undefined || v === 0;
}

/**
 * Functional classification lines in code order. A list whose codes repeat holds several
 * units' rows one after another (a table without unit names): it keeps the printed order.
 */
function functionLines(d: Disclosure): FunctionLine[] {
  const lines = d.expenditureByFunction ?? [];
  if (new Set(lines.map((l) => l.code)).size < lines.length) return [...lines];
  return [...lines].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : a.code.length - b.code.length,
  );
}

/** The 类 lines' total, exactly. */
function classTotal(d: Disclosure): number | undefined {
  return addWan(
    (d.expenditureByFunction ?? []).filter((l) => l.code.length === 3).map((l) => l.total),
  );
}

/**
 * The format does not say which table the functional lines came from. They
 * are the 一般公共预算 table's when their 类 add up to the 一般公共预算 money,
 * or when the department has no other fiscal money.
 */
function linesAreGeneralBudget(d: Disclosure): boolean {
  if (!d.expenditureByFunction?.length) return false;
  const general = amountOf(d, "generalBudget");
  if (general !== undefined && classTotal(d) === general) return true;
  return (
    isZeroOrAbsent(amountOf(d, "governmentFund")) && isZeroOrAbsent(amountOf(d, "stateCapital"))
  );
}

/** …and the whole department's when their 类 add up to its total expenditure. */
function linesAreDepartment(d: Disclosure): boolean {
  if (!d.expenditureByFunction?.length) return false;
  return (
    d.expenditure?.total === undefined ||
    classTotal(d) === d.expenditure.total ||
    (linesAreGeneralBudget(d) &&
      isZeroOrAbsent(amountOf(d, "governmentFund")) &&
      isZeroOrAbsent(amountOf(d, "stateCapital")))
  );
}

function functionRows(lines: FunctionLine[], cols: ("total" | "basic" | "project")[]): Cell[][] {
  return lines.map((l) => [
    text(l.code),
    text(l.name, { align: "left", bold: l.code.length === 3 }),
    ...cols.map((c) => amountCell(l[c], { bold: l.code.length === 3 })),
  ]);
}

const emptyNote = (what: string, final: boolean) =>
  `本部门${final ? "本年度" : ""}无${what}，此表为空表。`;

// ── T1 部门收支总表 ────────────────────────────────────────────────────────────

function t1(ctx: TableContext): TableModel {
  const { d, amountWord, final } = ctx;
  const items = d.income?.items ?? [];
  const current = items.filter((i) => i.source !== "carryOver");
  const carry = items.filter((i) => i.source === "carryOver");
  const left: Cell[][] = current.map((i, n) => [
    text(`${chineseNumber(n + 1)}、${i.label}`, { align: "left" }),
    amountCell(i.amount),
  ]);
  const leftCarry: Cell[][] = carry.map((i) => [
    text(i.label, { align: "left" }),
    amountCell(i.amount),
  ]);
  const incomeYear = addWan(current.map((i) => i.amount));
  const incomeTotal = d.income?.total ?? addWan(items.map((i) => i.amount));

  const e = d.expenditure;
  // 结转下年 / 年末结转和结余 sit below 本年支出合计 and add up to 支出总计; 上缴上级支出 … are part of 本年支出合计.
  const carried = (e?.otherItems ?? []).filter(isCarriedForward);
  const ownOthers = (e?.otherItems ?? []).filter((o) => !isCarriedForward(o));
  const classes = linesAreDepartment(d) ? functionLines(d).filter((l) => l.code.length === 3) : [];
  const byKind: { label: string; amount: number }[] = [
    ...(e?.basic !== undefined ? [{ label: "基本支出", amount: e.basic }] : []),
    ...(e?.project !== undefined ? [{ label: "项目支出", amount: e.project }] : []),
    ...ownOthers,
  ];
  const right: Cell[][] = classes.length
    ? classes.map((l, n) => [
        text(`${chineseNumber(n + 1)}、${l.name}`, { align: "left" }),
        amountCell(l.total),
      ])
    : byKind.map((o, n) => [
        text(`${chineseNumber(n + 1)}、${o.label}`, { align: "left" }),
        amountCell(o.amount),
      ]);
  const rightCarry: Cell[][] = carried.map((o) => [
    text(o.label, { align: "left" }),
    amountCell(o.amount),
  ]);
  const expenditureTotal = addWan([e?.total, ...carried.map((o) => o.amount)]);

  const pair = (a: Cell[][], b: Cell[][]): Cell[][] => {
    const n = Math.max(a.length, b.length);
    return Array.from({ length: n }, (_, k) => [
      ...(a[k] ?? [text(""), text("")]),
      ...(b[k] ?? [text(""), text("")]),
    ]);
  };
  const empty = !items.length && !e;
  const body = empty
    ? []
    : [
        ...pair(left, right),
        [
          totalLabel("本年收入合计"),
          amountCell(incomeYear, { bold: true }),
          totalLabel("本年支出合计"),
          amountCell(e?.total, { bold: true }),
        ],
        ...pair(leftCarry, rightCarry),
        [
          totalLabel("收入总计"),
          amountCell(incomeTotal, { bold: true }),
          totalLabel("支出总计"),
          amountCell(expenditureTotal, { bold: true }),
        ],
      ];
  return {
    id: "t1",
    title: final ? "收入支出决算总表" : "部门收支总表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [3, 1.4, 3, 1.4],
    header: [
      [head("收入", { colSpan: 2 }), head("支出", { colSpan: 2 })],
      [head("项目"), head(amountWord), head("项目"), head(amountWord)],
    ],
    body,
    ...(empty ? { empty: true, note: emptyNote("收支数据", final) } : {}),
  };
}

// ── T2 部门收入总表 ────────────────────────────────────────────────────────────

const T2_SOURCES: IncomeSource[] = [
  "carryOver",
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "fiscalSpecial",
  "fiscalUnsplit",
  "business",
  "operating",
  "superiorSubsidy",
  "subordinateRemit",
  "other",
];

function t2(ctx: TableContext): TableModel {
  const { d, final } = ctx;
  const items = d.income?.items ?? [];
  // Only the sources the document states get a column: a column of blanks says nothing.
  const sources = T2_SOURCES.filter((s) => items.some((i) => i.source === s));
  const labelOf = (s: IncomeSource) =>
    (s === "other" ? items.find((i) => i.source === s)?.label : undefined) ?? SOURCE_LABELS[s];
  const total = d.income?.total ?? addWan(items.map((i) => i.amount));
  const empty = !items.length && total === undefined;
  return {
    id: "t2",
    title: final ? "收入决算表" : "部门收入总表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [1.2, 3, 1.4, ...sources.map(() => 1.4)],
    header: [
      [
        head(d.department?.code ? "单位编码" : "科目编码"),
        head(d.department?.code ? "单位名称" : "科目名称"),
        head("合计"),
        ...sources.map((s) => head(labelOf(s))),
      ],
    ],
    body: empty
      ? []
      : [
          [
            text(""),
            totalLabel("合计"),
            amountCell(total, { bold: true }),
            ...sources.map((s) => amountCell(amountOf(d, s), { bold: true })),
          ],
          // The department as a whole, under its code (the 单位编码 | 单位名称 rows of real tables).
          ...(d.department?.code
            ? [
                [
                  text(d.department.code),
                  text(d.department.name, { align: "left" }),
                  amountCell(total),
                  ...sources.map((s) => amountCell(amountOf(d, s))),
                ],
              ]
            : []),
        ],
    landscape: sources.length > 4,
    ...(empty ? { empty: true, note: emptyNote("收入数据", final) } : {}),
  };
}

// ── T3 部门支出总表 ────────────────────────────────────────────────────────────

function t3(ctx: TableContext): TableModel {
  const { d, final } = ctx;
  const e = d.expenditure;
  const lines = linesAreDepartment(d) ? functionLines(d) : [];
  const empty = !e && !lines.length;
  // Other items that are parts of the total (单位预留机动经费, 上缴上级支出 …) get their own column, as printed;
  // what is carried forward is not this year's expenditure.
  const others = (e?.otherItems ?? []).filter((o) => !isCarriedForward(o));
  const parts =
    others.length &&
    e?.total !== undefined &&
    addWan([e.basic ?? 0, e.project ?? 0, ...others.map((o) => o.amount)]) === e.total
      ? others
      : [];
  return {
    id: "t3",
    title: final ? "支出决算表" : "部门支出总表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [1.3, 4, 1.4, 1.4, 1.4, ...parts.map(() => 1.4)],
    header: [
      [
        head("科目编码"),
        head("科目名称"),
        head("合计"),
        head("基本支出"),
        head("项目支出"),
        ...parts.map((o) => head(o.label)),
      ],
    ],
    body: empty
      ? []
      : [
          [
            text(""),
            totalLabel("合计"),
            amountCell(e?.total, { bold: true }),
            amountCell(e?.basic, { bold: true }),
            amountCell(e?.project, { bold: true }),
            ...parts.map((o) => amountCell(o.amount, { bold: true })),
          ],
          ...functionRows(lines, ["total", "basic", "project"]).map((r) => [
            ...r,
            ...parts.map(() => text("")),
          ]),
        ],
    ...(empty ? { empty: true, note: emptyNote("支出数据", final) } : {}),
  };
}

// ── T4 财政拨款收支总表 ────────────────────────────────────────────────────────

function t4(ctx: TableContext): TableModel {
  const { d, amountWord, final } = ctx;
  const fiscal: IncomeSource[] = [
    "generalBudget",
    "governmentFund",
    "stateCapital",
    "fiscalUnsplit",
  ];
  const rows = fiscal
    .map((s) => ({
      s,
      amount: amountOf(d, s),
      label: d.income?.items?.find((i) => i.source === s)?.label ?? SOURCE_LABELS[s],
    }))
    .filter((r) => r.amount !== undefined);
  const incomeTotal = addWan(rows.map((r) => r.amount));
  const classes = linesAreGeneralBudget(d)
    ? functionLines(d).filter((l) => l.code.length === 3)
    : [];
  const left: Cell[][] = rows.map((r, n) => [
    text(`${chineseNumber(n + 1)}、${r.label}`, { align: "left" }),
    amountCell(r.amount),
  ]);
  const right: Cell[][] = classes.map((l, n) => [
    text(`${chineseNumber(n + 1)}、${l.name}`, { align: "left" }),
    amountCell(l.total),
    amountCell(l.total),
    text(""),
    text(""),
  ]);
  const n = Math.max(left.length, right.length);
  const empty = !rows.length;
  const expenditureTotal = classes.length ? addWan(classes.map((l) => l.total)) : undefined;
  const body: Cell[][] = empty
    ? []
    : [
        ...Array.from({ length: n }, (_, k) => [
          ...(left[k] ?? [text(""), text("")]),
          ...(right[k] ?? [text(""), text(""), text(""), text(""), text("")]),
        ]),
        [
          totalLabel("收入总计"),
          amountCell(incomeTotal, { bold: true }),
          totalLabel("支出总计"),
          amountCell(expenditureTotal, { bold: true }),
          amountCell(expenditureTotal, { bold: true }),
          text(""),
          text(""),
        ],
      ];
  return {
    id: "t4",
    title: final ? "财政拨款收入支出决算总表" : "财政拨款收支总表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [3, 1.3, 3, 1.3, 1.3, 1.3, 1.3],
    landscape: true,
    header: [
      [head("收入", { colSpan: 2 }), head("支出", { colSpan: 5 })],
      [
        head("项目", { rowSpan: 2 }),
        head(amountWord, { rowSpan: 2 }),
        head("项目", { rowSpan: 2 }),
        head(amountWord, { colSpan: 4 }),
      ],
      [head("合计"), head("一般公共预算"), head("政府性基金预算"), head("国有资本经营预算")],
    ],
    body,
    ...(empty ? { empty: true, note: emptyNote("财政拨款收支", final) } : {}),
  };
}

// ── T5 一般公共预算支出表 ──────────────────────────────────────────────────────

function t5(ctx: TableContext): TableModel {
  const { d, final } = ctx;
  const general = amountOf(d, "generalBudget") ?? amountOf(d, "fiscalUnsplit");
  const lines = linesAreGeneralBudget(d) ? functionLines(d) : [];
  const classes = lines.filter((l) => l.code.length === 3);
  const total = classes.length ? addWan(classes.map((l) => l.total)) : general;
  const empty = total === undefined;
  return {
    id: "t5",
    title: final ? "一般公共预算财政拨款支出决算表" : "一般公共预算支出表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [1.3, 4, 1.4, 1.4, 1.4],
    header: [
      [head("科目编码"), head("科目名称"), head("合计"), head("基本支出"), head("项目支出")],
    ],
    body: empty
      ? []
      : [
          [
            text(""),
            totalLabel("合计"),
            amountCell(total, { bold: true }),
            amountCell(classes.length ? addWan(classes.map((l) => l.basic)) : undefined, {
              bold: true,
            }),
            amountCell(classes.length ? addWan(classes.map((l) => l.project)) : undefined, {
              bold: true,
            }),
          ],
          ...functionRows(lines, ["total", "basic", "project"]),
        ],
    ...(empty ? { empty: true, note: emptyNote("一般公共预算财政拨款支出", final) } : {}),
  };
}

// ── T6 一般公共预算基本支出表 ──────────────────────────────────────────────────

function t6(ctx: TableContext): TableModel {
  const { d, final } = ctx;
  const e = d.expenditure;
  const lines = [...(d.basicByEconomic ?? [])].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  const hasTotals =
    e?.basic !== undefined || e?.personnel !== undefined || e?.publicOperating !== undefined;
  const empty = !hasTotals && !lines.length;
  // The 合计 row adds up the table's own lines (its 类, or its 款 when no 类 is listed), so the
  // table is consistent by construction; the department's 基本支出 may cover other funds too.
  // Without lines the department's figures are all there is.
  const classes = lines.filter((l) => l.code.length === 3);
  const top = classes.length ? classes : lines.filter((l) => l.code.length === 5);
  const column = (key: "personnel" | "publicOperating") =>
    top.some((l) => l[key] !== undefined) ? addWan(top.map((l) => l[key])) : undefined;
  const total = top.length
    ? addWan(top.map((l) => l.total))
    : (e?.basic ?? addWan([e?.personnel, e?.publicOperating]));
  // Lines printed with 合计 only (corpus 017) still show the department's split when it adds up to their total.
  const split =
    !top.some((l) => l.personnel !== undefined || l.publicOperating !== undefined) &&
    addWan([e?.personnel, e?.publicOperating]) === total;
  const personnel = top.length && !split ? column("personnel") : e?.personnel;
  const publicOperating = top.length && !split ? column("publicOperating") : e?.publicOperating;
  return {
    id: "t6",
    title: final ? "一般公共预算财政拨款基本支出决算表" : "一般公共预算基本支出表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [1.3, 4, 1.4, 1.4, 1.4],
    header: [
      [
        head("部门预算支出经济分类科目", { colSpan: 2 }),
        head("本年一般公共预算基本支出", { colSpan: 3 }),
      ],
      [head("科目编码"), head("科目名称"), head("合计"), head("人员经费"), head("公用经费")],
    ],
    body: empty
      ? []
      : [
          [
            text(""),
            totalLabel("合计"),
            amountCell(total, { bold: true }),
            amountCell(personnel, { bold: true }),
            amountCell(publicOperating, { bold: true }),
          ],
          ...lines.map((l) => [
            text(l.code),
            text(l.name, { align: "left", bold: l.code.length === 3 }),
            amountCell(l.total, { bold: l.code.length === 3 }),
            amountCell(l.personnel, { bold: l.code.length === 3 }),
            amountCell(l.publicOperating, { bold: l.code.length === 3 }),
          ]),
        ],
    ...(empty ? { empty: true, note: emptyNote("一般公共预算基本支出", final) } : {}),
  };
}

// ── T7 / T8 政府性基金 / 国有资本经营 ──────────────────────────────────────────

function fundTable(ctx: TableContext, source: "governmentFund" | "stateCapital"): TableModel {
  const { d, final } = ctx;
  const amount = amountOf(d, source);
  const fund = source === "governmentFund";
  const what = fund ? "政府性基金预算财政拨款收支" : "国有资本经营预算财政拨款收支";
  const empty = isZeroOrAbsent(amount);
  return {
    id: fund ? "t7" : "t8",
    title: fund
      ? final
        ? "政府性基金预算财政拨款收入支出决算表"
        : "政府性基金预算支出表"
      : final
        ? "国有资本经营预算财政拨款支出决算表"
        : "国有资本经营预算支出表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [1.3, 4, 1.4, 1.4, 1.4],
    header: [
      [head("科目编码"), head("科目名称"), head("合计"), head("基本支出"), head("项目支出")],
    ],
    body: empty
      ? []
      : [[text(""), totalLabel("合计"), amountCell(amount, { bold: true }), text(""), text("")]],
    ...(empty ? { empty: true, note: emptyNote(what, final) } : {}),
  };
}

// ── T9 “三公”经费支出表 ────────────────────────────────────────────────────────

type ThreeAmounts = {
  total?: number;
  overseas?: number;
  vehicle?: { total?: number; purchase?: number; operation?: number };
  reception?: number;
};

function threeRow(label: string, a: ThreeAmounts): Cell[] {
  return [
    text(label, { align: "center" }),
    amountCell(a.total),
    amountCell(a.overseas),
    amountCell(a.vehicle?.total),
    amountCell(a.vehicle?.purchase),
    amountCell(a.vehicle?.operation),
    amountCell(a.reception),
  ];
}

/** The stated change, or current − previous where both are stated. */
export function threePublicChange(
  t: NonNullable<Disclosure["threePublic"]>,
): ThreeAmounts | undefined {
  const p = t.previous;
  const c = t.change;
  if (!p && !c) return undefined;
  const pick = (stated: number | undefined, cur: number | undefined, prev: number | undefined) =>
    stated ?? subtractWan(cur, prev);
  return {
    total: pick(c?.total, t.total, p?.total),
    overseas: pick(c?.overseas, t.overseas, p?.overseas),
    vehicle: {
      total: pick(c?.vehicle?.total, t.vehicle?.total, p?.vehicle?.total),
      purchase: pick(c?.vehicle?.purchase, t.vehicle?.purchase, p?.vehicle?.purchase),
      operation: pick(c?.vehicle?.operation, t.vehicle?.operation, p?.vehicle?.operation),
    },
    reception: pick(c?.reception, t.reception, p?.reception),
  };
}

function t9(ctx: TableContext): TableModel {
  const { d, final } = ctx;
  const t = d.threePublic;
  const year = d.year;
  const body: Cell[][] = [];
  if (t) {
    if (t.previous)
      body.push(
        threeRow(year ? `${year - 1}年${ctx.amountWord}` : `上年${ctx.amountWord}`, t.previous),
      );
    body.push(threeRow(year ? `${year}年${ctx.amountWord}` : `本年${ctx.amountWord}`, t));
    const change = threePublicChange(t);
    if (change) body.push(threeRow("增减额", change));
  }
  return {
    id: "t9",
    title: final ? "财政拨款“三公”经费支出决算表" : "财政拨款“三公”经费支出表",
    caption: ctx.caption,
    unit: "单位：万元",
    widths: [2.2, 1.3, 1.6, 1.3, 1.5, 1.5, 1.3],
    landscape: true,
    header: [
      [
        head("项目", { rowSpan: 2 }),
        head("合计", { rowSpan: 2 }),
        head("因公出国（境）费", { rowSpan: 2 }),
        head("公务用车购置及运行费", { colSpan: 3 }),
        head("公务接待费", { rowSpan: 2 }),
      ],
      [head("小计"), head("公务用车购置费"), head("公务用车运行费")],
    ],
    body,
    ...(t ? {} : { empty: true, note: emptyNote("财政拨款“三公”经费", final) }),
  };
}

/** The nine tables, in their standard order. */
export function standardTables(d: Disclosure): TableModel[] {
  const ctx = tableContext(d);
  return [
    t1(ctx),
    t2(ctx),
    t3(ctx),
    t4(ctx),
    t5(ctx),
    t6(ctx),
    fundTable(ctx, "governmentFund"),
    fundTable(ctx, "stateCapital"),
    t9(ctx),
  ];
}
