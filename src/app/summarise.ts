/**
 * Words about a disclosure for people: the title a check report carries, a
 * few lines saying what an import found, and the importer's diagnostics as
 * lines. Shared by the command line and the coming portal.
 */
import { formatWan, wanToFen } from "../model/amount.ts";
import type { Disclosure } from "../model/disclosure.ts";
import { formatLocation } from "../check/types.ts";
import { partLabel } from "../check/report/labels.ts";

const KIND_NAME = { final: "决算", budget: "预算" } as const;

/** 「部门 2026 年 预算（file.txt）」: what a check report is about. */
export function reportTitle(d: Disclosure, fileName?: string): string {
  return [
    d.department?.name,
    d.year ? `${d.year} 年` : undefined,
    d.kind ? KIND_NAME[d.kind] : undefined,
    fileName ? `（${fileName}）` : undefined,
  ]
    .filter(Boolean)
    .join(" ");
}

const wan = (n: number | undefined) => (n === undefined ? "—" : formatWan(wanToFen(n)));

/** One line per part that the import filled, so a reader sees what was read. */
export function summaryLines(d: Disclosure): string[] {
  const p = d.performance;
  const dept = `${d.department?.name ?? "（未注明）"}${d.department?.code ? `（${d.department.code}）` : ""}`;
  const kind = d.kind ? `部门${KIND_NAME[d.kind]}` : "（未注明）";
  const lines = [
    `  部门：${dept}　地区：${d.region?.name ?? "（未注明）"}　年度：${d.year ?? "（未注明）"}　类型：${kind}`,
    `  收入总计 ${wan(d.income?.total)} 万元　支出合计 ${wan(d.expenditure?.total)} 万元（基本 ${wan(d.expenditure?.basic)}，项目 ${wan(d.expenditure?.project)}）`,
    `  机关运行经费 ${wan(d.operatingCosts?.amount)} 万元　“三公”经费 ${wan(d.threePublic?.total)} 万元　政府采购 ${d.procurement?.none ? "无" : `${wan(d.procurement?.total)} 万元`}`,
    `  预算单位 ${d.units?.length ?? 0} 个　功能分类科目 ${d.expenditureByFunction?.length ?? 0} 行　经济分类科目 ${d.basicByEconomic?.length ?? 0} 行　职责活动 ${p?.activities?.length ?? 0} 项　项目绩效目标表 ${p?.projects?.length ?? 0} 张　名词解释 ${d.glossary?.length ?? 0} 条`,
  ];
  const diags = d.diagnostics ?? [];
  if (diags.length) {
    const count = (level: string) => diags.filter((x) => x.level === level).length;
    lines.push(`  导入提示 ${diags.length} 条（错误 ${count("error")}，警告 ${count("warning")}）`);
  }
  return lines;
}

const LEVEL_NAME = { error: "错误", warning: "警告", info: "提示" } as const;

/** The importer's diagnostics, one line each: level, section and line, message. */
export function diagnosticLines(d: Disclosure): string[] {
  return (d.diagnostics ?? []).map((x) => {
    const section = x.section && partLabel(x.section);
    const at = x.location ? formatLocation(x.location) : x.line ? `第 ${x.line} 行` : undefined;
    const where = [section, at].filter(Boolean).join("，");
    return `${LEVEL_NAME[x.level]}${where ? `（${where}）` : ""}：${x.message}`;
  });
}
