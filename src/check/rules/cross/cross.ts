/** The parts of a disclosure agree with each other (cn-standards §0, §2). */
import {
  fmt,
  has,
  notApplicable,
  notEvaluable,
  outcome,
  passed,
  type CheckContext,
  type Term,
} from "../../context.ts";
import type { Draft } from "../../types.ts";
import { BASIS, defineRule, ROUNDING } from "../define.ts";
import { functionLevel, hasCode, isCarriedForward } from "../../../model/disclosure.ts";

export const incomeEqualsExpenditure = defineRule(
  {
    id: "XPT-001",
    family: "cross",
    severity: "error",
    category: "收支总表",
    title: "收入总计等于支出总计",
    expects: "收入总计 = 支出总计（本年支出合计 + 结转下年）",
    tolerance: ROUNDING,
    basis: BASIS.rules143,
  },
  (ctx, self) => {
    const inc = ctx.d.income?.total;
    const e = ctx.d.expenditure;
    if (!has(inc) || !has(e?.total)) return notApplicable("未同时列示收入总计和支出合计");
    // Final accounts carry 年末结转和结余 on the expenditure side; without it the totals cannot be compared.
    if (ctx.d.kind === "final" && !(e.otherItems ?? []).some((o) => isCarriedForward(o)))
      return notEvaluable("决算未列示年末结转和结余，无法比较收支总计");
    // A balance brought in on the income side ("上年实户资金余额", the 西安 template) is matched
    // on the expenditure side by a line the importer does not read ("未安排支出的实户资金").
    const balance = ctx.d.income?.items?.find(
      (it) => /余额/.test(it.label) && has(it.amount) && it.amount !== 0,
    );
    if (balance && !(e.otherItems ?? []).some((o) => !isCarriedForward(o)))
      return notEvaluable(
        `收入方列有「${balance.label}」${balance.amount} 万元，支出方与之对应的项目未导入，无法比较收支总计`,
      );
    const parts: Term[] = [{ path: "/expenditure/total", value: e.total, label: "本年支出合计" }];
    (e.otherItems ?? []).forEach((o, i) => {
      if (isCarriedForward(o))
        parts.push({
          path: `/expenditure/otherItems/${i}/amount`,
          value: o.amount,
          label: o.label,
        });
    });
    return outcome([
      ctx.equation(
        {
          title: "收入总计 = 支出总计",
          total: { path: "/income/total", value: inc, label: "收入总计" },
          parts,
        },
        self.severity,
      ),
    ]);
  },
);

export const projectTablesCoverProjects = defineRule(
  {
    id: "XPT-002",
    family: "cross",
    severity: "warning",
    category: "项目绩效",
    title: "项目绩效目标表的预算数之和不超过项目支出",
    expects:
      "各项目绩效目标表预算数之和不超过项目支出；说明称所有支出（项目）实行绩效目标管理时，等于项目支出（否则可只公开部分项目）",
    tolerance: ROUNDING,
    basis: BASIS.perf88,
  },
  (ctx, self) => {
    const projects = ctx.d.performance?.projects ?? [];
    const project = ctx.d.expenditure?.project;
    const budgets = projects.map((p, i) => ({ p, i })).filter(({ p }) => has(p.budget));
    if (!has(project) || !budgets.length) return notApplicable("未同时列示项目支出和项目预算数");
    const parts = budgets.map(({ p, i }) => ({
      path: `/performance/projects/${i}/budget`,
      value: p.budget!,
      label: p.name,
    }));
    // Only some projects publish target tables: their budgets may add up to less than 项目支出,
    // unless the text says every project (all expenditure) is under target management.
    const sum = parts.reduce((s, p) => s + ctx.fen(p.value), 0n);
    if (sum <= ctx.fen(project) && !allUnderTargets(ctx)) return passed();
    return outcome([
      ctx.equation(
        {
          title: "项目支出 = 各项目绩效目标表预算数之和",
          path: "/performance/projects",
          total: { path: "/expenditure/project", value: project, label: "项目支出" },
          parts,
        },
        self.severity,
      ),
    ]);
  },
);

export const activitiesCoverProjects = defineRule(
  {
    id: "XPT-003",
    family: "cross",
    severity: "warning",
    category: "职责活动绩效",
    title: "职责—活动预算数之和与项目支出一致",
    expects: "部门职责—工作活动绩效目标表各职责的年度预算数之和 = 项目支出",
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    const acts = ctx.d.performance?.activities ?? [];
    const project = ctx.d.expenditure?.project;
    if (!has(project) || !acts.length) return notApplicable("未同时列示项目支出和职责活动表");
    // One budget per duty: the duty's own figure when printed, otherwise the sum of its activities.
    const parts: Term[] = [];
    const seen = new Set<string>();
    acts.forEach((a, i) => {
      if (seen.has(a.duty)) return;
      seen.add(a.duty);
      if (has(a.dutyBudget))
        parts.push({
          path: `/performance/activities/${i}/dutyBudget`,
          value: a.dutyBudget,
          label: a.duty,
        });
      else
        acts.forEach((b, j) => {
          if (b.duty === a.duty && has(b.budget))
            parts.push({
              path: `/performance/activities/${j}/budget`,
              value: b.budget,
              label: b.activity,
            });
        });
    });
    if (!parts.length) return notApplicable("职责活动表未列示年度预算数");
    return outcome([
      ctx.equation(
        {
          title: "项目支出 = 各职责年度预算数之和",
          path: "/performance/activities",
          total: { path: "/expenditure/project", value: project, label: "项目支出" },
          parts,
        },
        self.severity,
      ),
    ]);
  },
);

export const functionClassesCoverTotal = defineRule(
  {
    id: "XPT-004",
    family: "cross",
    severity: "warning",
    category: "功能分类",
    title: "功能分类各类之和与支出合计一致",
    expects: "按功能分类的各类（3 位编码）合计之和 = 支出合计（表只列财政拨款时可能不同）",
    tolerance: ROUNDING,
    basis: BASIS.regulation6,
  },
  (ctx, self) => {
    const lines = (ctx.d.expenditureByFunction ?? [])
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => functionLevel(l) === 1);
    const total = ctx.d.expenditure?.total;
    if (!has(total) || !lines.length) return notApplicable("未同时列示支出合计和功能分类类级科目");
    // Without codes a 类 is known by its name (a 类 name does not recur under another 类).
    if (new Set(lines.map(({ l }) => l.code ?? l.name)).size !== lines.length)
      return notApplicable("类级科目重复（混合了多张表）");
    const parts = lines.map(({ l, i }) => ({
      path: `/expenditureByFunction/${i}/total`,
      value: l.total,
      label: l.code ? `${l.code} ${l.name}` : l.name,
    }));
    const fiscal = fiscalOnlyTable(ctx, parts);
    if (fiscal)
      return notApplicable(
        `功能分类表只列${fiscal.label}安排的支出（各类之和 ${fmt(fiscal.sum)} 万元等于${fiscal.label}），不含其他资金，不与支出合计比较`,
      );
    return outcome([
      ctx.equation(
        {
          title: "支出合计 = 功能分类各类之和",
          path: "/expenditureByFunction",
          total: { path: "/expenditure/total", value: total, label: "支出合计" },
          parts,
        },
        self.severity,
      ),
    ]);
  },
);

/**
 * Many provinces publish the functional table for 财政拨款 (or only 一般公共预算拨款) funds while
 * 支出合计 covers every source. The table is recognised by its sum: when the classes add up to
 * that income (within rounding), comparing them with 支出合计 would only report the other sources.
 */
function fiscalOnlyTable(
  ctx: CheckContext,
  parts: Term[],
): { label: string; sum: bigint } | undefined {
  const items = ctx.d.income?.items ?? [];
  const amount = (sources: string[]) => {
    const its = items.filter((it) => sources.includes(it.source) && has(it.amount));
    return its.length
      ? { fen: its.reduce((a, it) => a + ctx.fen(it.amount), 0n), n: its.length }
      : undefined;
  };
  const fiscal = ["generalBudget", "governmentFund", "stateCapital", "fiscalUnsplit"];
  // The 一般公共预算支出表 may spend the 上年结转 too (杭州 P030: 91,495.48 + 347.32 = its 合计).
  const carried = items.some((it) => it.source === "carryOver");
  const candidates: [string, ReturnType<typeof amount>][] = [
    ["一般公共预算拨款", amount(["generalBudget"])],
    ["财政拨款", amount(fiscal)],
    ...(carried
      ? ([
          ["一般公共预算拨款及上年结转", amount(["generalBudget", "carryOver"])],
          ["财政拨款及上年结转", amount([...fiscal, "carryOver"])],
        ] as [string, ReturnType<typeof amount>][])
      : []),
  ];
  const sum = parts.reduce((a, p) => a + ctx.fen(p.value), 0n);
  const tol = parts.reduce((a, p) => a + ctx.tolerance(p), 0n);
  for (const [label, c] of candidates) {
    if (!c || c.fen === ctx.fen(ctx.d.expenditure?.total ?? 0)) continue;
    const diff = sum - c.fen;
    // Each income amount carries its own half unit (2 decimals of 万元 when printed so).
    if ((diff < 0n ? -diff : diff) <= tol + BigInt(c.n) * 5000n) return { label, sum };
  }
  return undefined;
}

export const partsWithinWhole = defineRule(
  {
    id: "XPT-005",
    family: "cross",
    severity: "error",
    category: "支出",
    title: "部分不超过整体",
    expects:
      '基本支出、项目支出 ≤ 支出合计；人员经费、日常公用经费 ≤ 基本支出；"三公"经费 ≤ 支出合计',
    tolerance: ROUNDING,
  },
  (ctx, self) => {
    const e = ctx.d.expenditure;
    const pairs: [string, number | undefined, string, number | undefined][] = [
      ["/expenditure/basic", e?.basic, "/expenditure/total", e?.total],
      ["/expenditure/project", e?.project, "/expenditure/total", e?.total],
      ["/expenditure/personnel", e?.personnel, "/expenditure/basic", e?.basic],
      ["/expenditure/publicOperating", e?.publicOperating, "/expenditure/basic", e?.basic],
      ["/threePublic/total", ctx.d.threePublic?.total, "/expenditure/total", e?.total],
    ];
    // The message names each side in Chinese; the pointers go to `path` and `related`.
    const name: Record<string, string> = {
      "/expenditure/basic": "基本支出",
      "/expenditure/project": "项目支出",
      "/expenditure/total": "支出合计",
      "/expenditure/personnel": "人员经费",
      "/expenditure/publicOperating": "日常公用经费",
      "/threePublic/total": "“三公”经费",
    };
    const usable = pairs.filter(([, a, , b]) => has(a) && has(b));
    if (!usable.length) return notApplicable("没有可比较的部分与整体");
    const drafts: Draft[] = [];
    for (const [pa, a, pb, b] of usable) {
      const fa = ctx.fen(a!);
      const fb = ctx.fen(b!);
      if (fa > fb + 10000n) {
        drafts.push({
          path: pa,
          severity: self.severity,
          message: `${name[pa]} ${fmt(fa)} 万元超过了${name[pb]} ${fmt(fb)} 万元`,
          actual: a,
          expected: `≤ ${b}`,
          unit: "万元",
          related: [pb],
        });
      }
    }
    return outcome(drafts);
  },
);

/**
 * Until 2016 机关运行经费 was the 公用经费 of administrative units, so it could not exceed
 * 日常公用经费. Since the 2017 definition (goods and services bought to keep administrative
 * units running, from 基本支出 and 项目支出 alike) it may exceed it and is bounded only by the
 * expenditure as a whole.
 */
/** "本单位所有支出实行绩效目标管理", "全部项目纳入绩效目标管理". */
function allUnderTargets(ctx: CheckContext): boolean {
  const text = (ctx.narrative ?? []).map((l) => l.text.replace(/\s+/g, "")).join("");
  return /(所有|全部)(项目)?(支出|项目)[^。；]{0,6}(实行|纳入)[^。；]{0,4}绩效目标管理/.test(text);
}

export const operatingWithinPublicOperating = defineRule(
  {
    id: "XPT-006",
    family: "cross",
    severity: "warning",
    category: "机关运行经费",
    title: "机关运行经费不超过其资金来源",
    expects:
      "2017 年起：机关运行经费 ≤ 支出合计（可来自基本支出和项目支出）；2016 年及以前：机关运行经费 ≤ 日常公用经费",
    tolerance: ROUNDING,
    basis: BASIS.budgetLaw14,
  },
  (ctx) => {
    const oc = ctx.d.operatingCosts?.amount;
    if (!has(oc)) return notApplicable("未列示机关运行经费");
    const oldDefinition = ctx.d.year !== undefined && ctx.d.year < 2017;
    const bound = oldDefinition
      ? {
          path: "/expenditure/publicOperating",
          value: ctx.d.expenditure?.publicOperating,
          label: "日常公用经费",
        }
      : { path: "/expenditure/total", value: ctx.d.expenditure?.total, label: "支出合计" };
    if (!has(bound.value)) return notApplicable(`未列示${bound.label}`);
    const tol =
      ctx.tolerance({ path: "/operatingCosts/amount", value: oc, label: "机关运行经费" }) +
      ctx.tolerance({ path: bound.path, value: bound.value, label: bound.label });
    if (ctx.fen(oc) <= ctx.fen(bound.value) + tol) return outcome([]);
    return outcome([
      {
        path: "/operatingCosts/amount",
        message: `机关运行经费 ${oc} 万元超过${bound.label} ${bound.value} 万元`,
        actual: oc,
        expected: `≤ ${bound.value}`,
        unit: "万元",
        related: [bound.path],
      },
    ]);
  },
);

export const procurementWithinTotal = defineRule(
  {
    id: "XPT-007",
    family: "cross",
    severity: "warning",
    category: "政府采购",
    title: "政府采购预算不超过支出合计",
    expects: "政府采购预算合计 ≤ 支出合计",
    tolerance: ROUNDING,
  },
  (ctx) => {
    const p = ctx.d.procurement?.total;
    const t = ctx.d.expenditure?.total;
    if (!has(p) || !has(t)) return notApplicable("未同时列示政府采购合计和支出合计");
    return ctx.fen(p) > ctx.fen(t) + 10000n
      ? outcome([
          {
            path: "/procurement/total",
            message: `政府采购预算 ${p} 万元超过支出合计 ${t} 万元`,
            actual: p,
            expected: `≤ ${t}`,
            unit: "万元",
            related: ["/expenditure/total"],
          },
        ])
      : outcome([]);
  },
);

export const functionNamesAgree = defineRule(
  {
    id: "XPT-008",
    family: "cross",
    severity: "warning",
    category: "功能分类",
    title: "同一科目编码在各处名称一致",
    expects: "功能分类科目在支出表和名词解释中编码相同则名称相同",
    tolerance: "忽略空白",
  },
  (ctx) => {
    const lines = ctx.d.expenditureByFunction ?? [];
    const named = ctx.d.functionalClassification ?? [];
    if (!lines.length || !named.length) return notApplicable("未同时列示功能分类支出表和科目说明");
    if (!lines.some(hasCode)) return notEvaluable("支出功能分类表只印科目名称、未印科目编码");
    const squash = (s: string) => s.replace(/[\s\u3000]/g, "").replace(/[（(].*?[)）]$/, "");
    const drafts: Draft[] = [];
    named.forEach((n, i) => {
      const j = lines.findIndex((l) => l.code === n.code);
      if (j >= 0 && squash(lines[j]!.name) !== squash(n.name)) {
        drafts.push({
          path: `/functionalClassification/${i}/name`,
          message: `科目 ${n.code} 在说明中名为「${n.name}」，在支出表中名为「${lines[j]!.name}」`,
          actual: n.name,
          expected: lines[j]!.name,
          related: [`/expenditureByFunction/${j}/name`],
        });
      }
    });
    return outcome(drafts);
  },
);
