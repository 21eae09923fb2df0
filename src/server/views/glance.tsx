/**
 * 一图读懂: a disclosure in ten seconds — a few sentences generated from its
 * numbers and the charts that show them (income by source, spending by
 * function, 基本 / 项目, "三公"经费 by item).
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { Chart, barSvg, ringSvg, treemapSvg } from "./charts.tsx";
import { figures, incomeBySource, spendingByFunction, threePublicItems } from "./figures.ts";
import { change, share, wan } from "./format.ts";

/** The sentences, each standing alone; only what the disclosure states. */
export function glanceSentences(d: Disclosure): string[] {
  const f = figures(d);
  const word = d.kind === "final" ? "决算" : "预算";
  const year = d.year ? `${d.year}年` : "本年";
  const out: string[] = [];
  if (f.income !== undefined || f.expenditure !== undefined) {
    const parts = [
      f.income !== undefined ? `收入${word} ${wan(f.income)} 万元` : "",
      f.expenditure !== undefined ? `支出${word} ${wan(f.expenditure)} 万元` : "",
    ].filter(Boolean);
    out.push(`${year}，${d.department?.name ?? "本部门"}${parts.join("，")}。`);
  }
  const sources = incomeBySource(d);
  const biggestSource = [...sources].sort((a, b) => b.value - a.value)[0];
  const sourceShare = biggestSource && share(biggestSource.value, f.income);
  if (biggestSource && sourceShare) {
    out.push(
      `收入中最大的一块是${biggestSource.name}，${wan(biggestSource.value)} 万元，占 ${sourceShare}。`,
    );
  }
  const basicShare = share(f.basic, f.expenditure);
  const projectShare = share(f.project, f.expenditure);
  if (basicShare && projectShare) {
    out.push(
      `每 100 元支出中，约 ${Math.round(parseFloat(basicShare))} 元用于保障机构运转和人员（基本支出），约 ${Math.round(parseFloat(projectShare))} 元用于完成特定任务（项目支出）。`,
    );
  }
  const top = spendingByFunction(d)[0];
  const topShare = top && share(top.value, f.expenditure);
  if (top && topShare)
    out.push(`按用途看，花得最多的是“${top.name}”，${wan(top.value)} 万元，占 ${topShare}。`);
  if (f.threePublic !== undefined) {
    const diff =
      f.threePublicPrevious !== undefined
        ? `，比上年${change(f.threePublic, f.threePublicPrevious)}`
        : "";
    out.push(`“三公”经费 ${wan(f.threePublic)} 万元${diff}。`);
  }
  if (f.operatingCosts !== undefined) {
    const diff =
      f.operatingCostsPrevious !== undefined
        ? `，比上年${change(f.operatingCosts, f.operatingCostsPrevious)}`
        : "";
    out.push(`机关运行经费 ${wan(f.operatingCosts)} 万元${diff}。`);
  }
  return out;
}

export function Glance(props: { d: Disclosure }) {
  const d = props.d;
  const f = figures(d);
  const sentences = glanceSentences(d);
  const sources = incomeBySource(d);
  const functions = spendingByFunction(d);
  const three = threePublicItems(d);
  const split =
    f.basic !== undefined && f.project !== undefined
      ? [
          { name: "基本支出", value: f.basic },
          { name: "项目支出", value: f.project },
        ].filter((i) => i.value > 0)
      : [];
  return (
    <section class="glance" aria-labelledby="glance">
      <h2 id="glance">一图读懂</h2>
      {sentences.length ? (
        <ul class="sentences">
          {sentences.map((s) => (
            <li>{s}</li>
          ))}
        </ul>
      ) : (
        <p>本文件未列出可汇总的收支数字。</p>
      )}
      <div class="charts">
        {sources.length > 1 ? (
          <Chart svg={ringSvg(sources, "收入来源构成")} caption="钱从哪里来：收入来源" />
        ) : null}
        {split.length > 1 ? (
          <Chart
            svg={ringSvg(split, "基本支出与项目支出")}
            caption="钱怎么分：基本支出与项目支出"
          />
        ) : null}
        {functions.length ? (
          <Chart
            svg={
              functions.length > 2
                ? treemapSvg(functions, "按功能分类的支出")
                : barSvg(functions, "按功能分类的支出")
            }
            caption="钱花在哪里：按功能分类（类）的支出（万元）"
          />
        ) : null}
        {three.length ? (
          <Chart svg={barSvg(three, "“三公”经费分项")} caption="“三公”经费分项（万元）" />
        ) : null}
      </div>
    </section>
  );
}
