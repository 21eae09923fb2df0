/**
 * /compare?d=ID&d=ID…: two to eight published disclosures (by disclosure id,
 * each read at its version in force) side by side — headline totals, 功能分类
 * and 经济分类 aligned by code, each later column with its difference from
 * the first and the rate — with a chart and the same table as CSV
 * (/compare.csv with the same query).
 */
import type { Context } from "hono";
import { ServiceError } from "../../service/errors.ts";
import { type ComparedLine, MAX_COMPARED, type Change } from "../compare/align.ts";
import { comparisonCsv } from "../compare/csv.ts";
import { type LoadedComparison, loadComparison } from "../compare/load.ts";
import type { ServerEnv } from "../env.ts";
import { Chart, columnsSvg } from "../views/charts.tsx";
import { KIND_LABEL, date, exactWan, wan } from "../views/format.ts";
import { Layout } from "../views/layout.tsx";
import { idParam, notFoundPage, sendPage } from "./respond.tsx";
import { scrollBox } from "../views/table.tsx";

/** The `d` parameters as ids; a malformed one is refused by name. */
function askedIds(c: Context<ServerEnv>): number[] {
  return (c.req.queries("d") ?? []).map((raw) => {
    const id = idParam(raw);
    if (!id) {
      throw new ServiceError("INVALID_INPUT", `比较对象的编号无效：${raw}（invalid id）`);
    }
    return id;
  });
}

/** Runs `serve` on the loaded comparison; a refusal becomes the Chinese page that explains it. */
async function withComparison(
  c: Context<ServerEnv>,
  serve: (loaded: LoadedComparison) => Promise<Response> | Response,
): Promise<Response> {
  let loaded: LoadedComparison;
  try {
    loaded = await loadComparison(c.var.store, askedIds(c));
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const message = error.message.replace(/（[a-z][^（]*）$/, "。");
    if (error.code === "NOT_FOUND") return notFoundPage(c, message);
    return sendPage(c, <CannotCompare message={message} />, 400);
  }
  return serve(loaded);
}

export const comparePage = (c: Context<ServerEnv>) =>
  withComparison(c, (loaded) => sendPage(c, <ComparisonView loaded={loaded} query={query(c)} />));

export const compareCsv = (c: Context<ServerEnv>) =>
  withComparison(c, (loaded) => {
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="compare.csv"`);
    c.header("Cache-Control", "public, max-age=60");
    return c.body(comparisonCsv(loaded.labels, loaded.comparison));
  });

const query = (c: Context<ServerEnv>) => new URL(c.req.url).search;

function CannotCompare(props: { message: string }) {
  return (
    <Layout title="比较" crumbs={[{ label: "比较" }]}>
      <h1>比较公开文件</h1>
      <p class="notice" role="alert">
        {props.message}
      </p>
      <p>
        在部门页选择年度（“与上年比较”），或在地区页勾选同一年度的部门，即可把 2 至 {MAX_COMPARED}{" "}
        份已公开的预算、决算并排比较。<a href="/regions">按地区查找</a>
      </p>
    </Layout>
  );
}

function ComparisonView(props: { loaded: LoadedComparison; query: string }) {
  const { labels, comparison } = props.loaded;
  return (
    <Layout
      title={`比较：${labels.join("、")}`}
      crumbs={[{ label: "比较" }]}
      description="部门预算、决算并排比较"
    >
      <h1>比较公开文件</h1>
      <p class="lead">
        以第一列“{labels[0]}
        ”为基数，其后各列给出增减额和增减率。金额单位：万元；某一列未列示的科目留空，不按零计。
      </p>
      <Sources loaded={props.loaded} />
      <p>
        <a href={`/compare.csv${props.query}`} download="compare.csv">
          下载比较表（CSV）
        </a>
      </p>
      <TotalsChart labels={labels} totals={comparison.totals} />
      <LinesTable id="totals" title="主要数字" labels={labels} lines={comparison.totals} />
      <LinesTable
        id="functional"
        title="按功能分类的支出（类、款、项）"
        labels={labels}
        lines={comparison.functional}
        coded
      />
      <LinesTable
        id="economic"
        title="基本支出按经济分类"
        labels={labels}
        lines={comparison.economic}
        coded
      />
    </Layout>
  );
}

function Sources(props: { loaded: LoadedComparison }) {
  return (
    <ol class="sources">
      {props.loaded.columns.map((col, i) => (
        <li>
          <a href={`/disclosures/${col.id}`}>{props.loaded.labels[i]}</a>：{col.regionName} ·{" "}
          {col.departmentName} · {col.year}年{KIND_LABEL[col.kind]}，
          <a href={`/disclosures/${col.id}/versions/${col.version.number}`}>
            第 {col.version.number} 版
          </a>
          ，发布于 {date(col.version.publishedAt)}
        </li>
      ))}
    </ol>
  );
}

const CHART_KEYS = ["income", "expenditure", "basic", "project"];

function TotalsChart(props: { labels: string[]; totals: ComparedLine[] }) {
  const series = props.totals
    .filter((l) => CHART_KEYS.includes(l.key))
    .map((l) => ({ name: l.name, values: l.amounts.map((a) => a ?? null) }));
  if (!series.length) return null;
  return (
    <div class="charts">
      <Chart
        svg={columnsSvg(props.labels, series, "各文件收入、支出合计及基本、项目支出")}
        caption="收入、支出合计与基本、项目支出（万元）"
      />
    </div>
  );
}

const signed = (v: number) => (v > 0 ? `+${wan(v)}` : wan(v));
const rateText = (ch: Change) =>
  ch.rate === undefined ? "—" : `${ch.rate > 0 ? "+" : ""}${ch.rate.toFixed(2)}%`;

function Amount(props: { value: number | undefined }) {
  if (props.value === undefined) return <td class="right blank" title="未列示"></td>;
  return (
    <td class="right" title={exactWan(props.value)}>
      {wan(props.value)}
    </td>
  );
}

function LinesTable(props: {
  id: string;
  title: string;
  labels: string[];
  lines: ComparedLine[];
  coded?: boolean;
}) {
  if (!props.lines.length) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <div {...scrollBox(props.title)}>
        <table class="list compare">
          <caption>{props.title}（金额单位：万元；增减、增减率均相对第一列）</caption>
          <thead>
            <tr>
              {props.coded ? <th scope="col">科目编码</th> : null}
              <th scope="col">项目</th>
              {props.labels.map((l, i) =>
                i === 0
                  ? [<th scope="col">{l}</th>]
                  : [
                      <th scope="col">{l}</th>,
                      <th scope="col">增减</th>,
                      <th scope="col">增减率</th>,
                    ],
              )}
            </tr>
          </thead>
          <tbody>
            {props.lines.map((l) => (
              <tr class={l.level ? `level-${l.code?.length}` : undefined}>
                {props.coded ? <td class="code">{l.code}</td> : null}
                <th scope="row" class="left">
                  {l.name}
                </th>
                {l.amounts.map((a, i) => {
                  const ch = l.changes[i];
                  if (i === 0) return [<Amount value={a} />];
                  return [
                    <Amount value={a} />,
                    <td class="right">{ch ? signed(ch.difference) : ""}</td>,
                    <td class="right">{ch ? rateText(ch) : ""}</td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
