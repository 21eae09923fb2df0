import type { Command } from "commander";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { importDisclosure } from "../../import/index.ts";
import { formatWan, wanToFen } from "../../model/amount.ts";
import type { Disclosure } from "../../model/disclosure.ts";

/** The bundled sample disclosures (five published Hebei department budgets). */
export const SAMPLES_DIR = resolve(import.meta.dirname, "../../../samples");

const wan = (n: number | undefined) => (n === undefined ? "—" : formatWan(wanToFen(n)));

/** One line per part that the import filled, so a reader sees what was read. */
function summarise(d: Disclosure): string[] {
  const p = d.performance;
  const lines = [
    `  部门：${d.department?.name ?? "（未注明）"}${d.department?.code ? `（${d.department.code}）` : ""}　地区：${d.region?.name ?? "（未注明）"}　年度：${d.year ?? "（未注明）"}　类型：${d.kind === "final" ? "部门决算" : d.kind === "budget" ? "部门预算" : "（未注明）"}`,
    `  收入总计 ${wan(d.income?.total)} 万元　支出合计 ${wan(d.expenditure?.total)} 万元（基本 ${wan(d.expenditure?.basic)}，项目 ${wan(d.expenditure?.project)}）`,
    `  机关运行经费 ${wan(d.operatingCosts?.amount)} 万元　“三公”经费 ${wan(d.threePublic?.total)} 万元　政府采购 ${d.procurement?.none ? "无" : `${wan(d.procurement?.total)} 万元`}`,
    `  预算单位 ${d.units?.length ?? 0} 个　功能分类科目 ${d.expenditureByFunction?.length ?? 0} 行　经济分类科目 ${d.basicByEconomic?.length ?? 0} 行　职责活动 ${p?.activities?.length ?? 0} 项　项目绩效目标表 ${p?.projects?.length ?? 0} 张　名词解释 ${d.glossary?.length ?? 0} 条`,
  ];
  const diags = d.diagnostics ?? [];
  if (diags.length)
    lines.push(
      `  导入提示 ${diags.length} 条（错误 ${diags.filter((x) => x.level === "error").length}，警告 ${diags.filter((x) => x.level === "warning").length}）`,
    );
  return lines;
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "导入并汇总随附的五份样例公开文件（import and summarise the bundled sample disclosures）",
    )
    .option("--dir <dir>", "样例目录", SAMPLES_DIR)
    .action(async (options: { dir: string }) => {
      const files = (await readdir(options.dir)).filter((f) => !f.startsWith(".")).sort();
      console.log(`gongkai 样例：${files.length} 份部门预算公开文件（${options.dir}）\n`);
      for (const file of files) {
        const started = performance.now();
        try {
          const { disclosure } = await importDisclosure(
            new Uint8Array(await readFile(join(options.dir, file))),
            { fileName: file },
          );
          console.log(`${file}　（${(performance.now() - started).toFixed(0)} ms）`);
          for (const line of summarise(disclosure)) console.log(line);
        } catch (error) {
          console.log(`${file}：无法导入：${(error as Error).message}`);
        }
        console.log("");
      }
    });
}
