/** Project funding splits and the functional classification hierarchy add up. */
import { has, notApplicable, notEvaluable, outcome, type Term } from "../../context.ts";
import type { Draft } from "../../types.ts";
import { BASIS, defineRule, ROUNDING } from "../define.ts";

export const projectFunding = defineRule(
  {
    id: "ARI-040",
    family: "arithmetic",
    severity: "error",
    category: "项目绩效",
    title: "项目预算数等于财政资金与其他资金之和",
    expects: "项目绩效目标表：预算数 = 财政资金 + 其他资金",
    tolerance: ROUNDING,
    basis: BASIS.perf88,
  },
  (ctx, self) => {
    const projects = (ctx.d.performance?.projects ?? [])
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => has(p.budget) && has(p.fiscalFunds));
    if (!projects.length) return notApplicable("项目表未列示预算数及其资金构成");
    return outcome(
      projects.map(({ p, i }) => {
        const base = `/performance/projects/${i}`;
        const parts: Term[] = [
          { path: `${base}/fiscalFunds`, value: p.fiscalFunds!, label: "财政资金" },
        ];
        if (has(p.otherFunds))
          parts.push({ path: `${base}/otherFunds`, value: p.otherFunds, label: "其他资金" });
        // Tables may add funding columns the format has no field for (上年结转 …).
        return ctx.equation(
          {
            title: `项目「${p.name}」预算数 = 财政资金 + 其他资金`,
            path: `${base}/budget`,
            total: { path: `${base}/budget`, value: p.budget!, label: "预算数" },
            parts,
            partsMayBeIncomplete: true,
          },
          self.severity,
        );
      }),
    );
  },
);

/** A classification table's lines: where they live, and how its rules and messages name them. */
export interface LevelTable {
  part: "expenditureByFunction" | "basicByEconomic";
  category: string;
  /** The table's name in titles ("功能分类", "基本支出经济分类"). */
  name: string;
  /** Expectations start with it ("一般公共预算基本支出表："), or nothing. */
  where: string;
  /** Not applicable: the table is absent. */
  absent: string;
  /** Not evaluable: codes repeat. */
  repeated: string;
}

const FUNCTION_TABLE: LevelTable = {
  part: "expenditureByFunction",
  category: "功能分类",
  name: "功能分类",
  where: "",
  absent: "未列示按功能分类的支出",
  repeated: "功能分类科目编码重复（可能混合了多张表），无法确定层级",
};

/** Each parent line (类 / 款) of a classification table equals the sum of its children. */
export function levelRule(
  id: string,
  table: LevelTable,
  parentDigits: 3 | 5,
  childDigits: 5 | 7,
  parentWord: string,
  childWord: string,
) {
  return defineRule(
    {
      id,
      family: "arithmetic",
      severity: "error",
      category: table.category,
      title: `${table.name}${parentWord}级合计等于其下${childWord}级之和`,
      expects: `${table.where}每个${parentWord}（${parentDigits} 位编码）的合计 = 其下各${childWord}（${childDigits} 位编码）合计之和`,
      tolerance: ROUNDING,
      basis: BASIS.regulation6,
    },
    (ctx, self) => {
      const lines: LevelLine[] = ctx.d[table.part] ?? [];
      if (!lines.length) return notApplicable(table.absent);
      const kidsOf = childrenOf(lines, parentDigits, childDigits);
      if (kidsOf === "repeated") return notEvaluable(table.repeated);
      if (kidsOf === "unknown")
        return notEvaluable("科目未印编码，层级（缩进）也无法确定，无法核对上下级合计");
      const drafts: (Draft | undefined)[] = [];
      const label = (l: LevelLine) => (l.code ? `${l.code} ${l.name}` : l.name);
      lines.forEach((l, i) => {
        const kids = (kidsOf.get(i) ?? []).map((j) => ({ k: lines[j]!, j }));
        if (!kids.length) return;
        const parts: Term[] = kids.map(({ k, j }) => ({
          path: `/${table.part}/${j}/total`,
          value: k.total,
          label: label(k),
        }));
        // A table may list only some children of a parent: a total above its parts may only miss a row.
        drafts.push(
          ctx.equation(
            {
              title: `${label(l)} = 其下${childWord}之和`,
              path: `/${table.part}/${i}`,
              total: { path: `/${table.part}/${i}/total`, value: l.total, label: "合计" },
              parts,
              partsMayBeIncomplete: true,
            },
            self.severity,
          ),
        );
      });
      if (!drafts.length) return notApplicable(`没有带${childWord}级明细的${parentWord}`);
      return outcome(drafts);
    },
  );
}

/** What the level rules read of a line: its code, or else its printed level (功能分类 without codes). */
interface LevelLine {
  code?: string;
  level?: number;
  name: string;
  total: number;
}

/**
 * Each parent line's children, by index: by code when every line has one (the same code
 * twice: "repeated"), else by level in print order when every line has one (the lines up to
 * the next line of the parent's level or above), else "unknown".
 */
function childrenOf(
  lines: LevelLine[],
  parentDigits: 3 | 5,
  childDigits: 5 | 7,
): Map<number, number[]> | "repeated" | "unknown" {
  const out = new Map<number, number[]>();
  if (lines.every((l) => l.code !== undefined)) {
    const codes = lines.map((l) => l.code!);
    if (new Set(codes).size !== codes.length) return "repeated";
    lines.forEach((l, i) => {
      if (l.code!.length !== parentDigits) return;
      out.set(
        i,
        lines.flatMap((k, j) =>
          k.code!.length === childDigits && k.code!.startsWith(l.code!) ? [j] : [],
        ),
      );
    });
    return out;
  }
  if (!lines.every((l) => l.code === undefined && l.level !== undefined)) return "unknown";
  const parent = (parentDigits - 1) / 2;
  lines.forEach((l, i) => {
    if (l.level !== parent) return;
    const kids: number[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.level! > parent; j++)
      if (lines[j]!.level === parent + 1) kids.push(j);
    out.set(i, kids);
  });
  return out;
}

export const classEqualsItems = levelRule("ARI-050", FUNCTION_TABLE, 3, 5, "类", "款");
export const itemEqualsEntries = levelRule("ARI-051", FUNCTION_TABLE, 5, 7, "款", "项");

export const functionLineSplit = defineRule(
  {
    id: "ARI-052",
    family: "arithmetic",
    severity: "error",
    category: "功能分类",
    title: "功能分类科目合计等于基本支出与项目支出之和",
    expects: "每个功能分类科目：合计 = 基本支出 + 项目支出",
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    const lines = (ctx.d.expenditureByFunction ?? [])
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => has(l.basic) && has(l.project));
    if (!lines.length) return notApplicable("功能分类科目未分列基本支出和项目支出");
    return outcome(
      lines.map(({ l, i }) => {
        const draft = ctx.equation(
          {
            title: `${l.code ? `${l.code} ` : ""}${l.name}：合计 = 基本支出 + 项目支出`,
            total: { path: `/expenditureByFunction/${i}/total`, value: l.total, label: "合计" },
            parts: [
              { path: `/expenditureByFunction/${i}/basic`, value: l.basic!, label: "基本支出" },
              { path: `/expenditureByFunction/${i}/project`, value: l.project!, label: "项目支出" },
            ],
          },
          self.severity,
        );
        // Three values read from a row that prints fewer figures (a blank 基本支出 column taken
        // from its neighbour): the read is misaligned, the document is not shown to be wrong.
        const printed = figuresPrinted(
          ctx.d.sourceMap?.[`/expenditureByFunction/${i}`]?.text,
          l.code,
        );
        if (draft && draft.severity === "error" && printed !== undefined && printed < 3) {
          draft.severity = "warning";
          draft.message += `；该行只印有 ${printed} 个数字，却读出合计、基本支出、项目支出三个数，可能是读取错位，请核对原表`;
        }
        return draft;
      }),
    );
  },
);

/** How many amounts a cited table row prints besides its code; undefined when the row's text is not known. */
function figuresPrinted(text: string | undefined, code: string | undefined): number | undefined {
  if (!text) return undefined;
  const figures = text.match(/-?\d[\d,]*(?:\.\d+)?/g) ?? [];
  return figures.filter((f) => f !== code).length;
}
