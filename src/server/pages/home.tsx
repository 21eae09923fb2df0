/** The home page: what is published, by region and year, with coverage, and the latest publications. */
import type { Context } from "hono";
import type { ServerEnv } from "../env.ts";
import { KIND_LABEL, LEVEL_LABEL, date, isoDate } from "../views/format.ts";
import { Layout } from "../views/layout.tsx";
import {
  type Coverage,
  type Publication,
  coverageOf,
  latestPublications,
  totals,
} from "./queries.ts";
import { sendPage } from "./respond.tsx";
import { scrollBox } from "../views/table.tsx";

export async function homePage(c: Context<ServerEnv>): Promise<Response> {
  const store = c.var.store;
  const [coverage, latest, sum] = await Promise.all([
    coverageOf(store, null),
    latestPublications(store, 10),
    totals(store),
  ]);
  return sendPage(
    c,
    <Layout title="首页" description="各地区部门预算、决算公开情况与最新发布">
      <h1>部门预决算公开</h1>
      <p class="lead">
        已收录 <strong>{sum.regions}</strong> 个地区、<strong>{sum.departments}</strong>{" "}
        个部门，已发布 <strong>{sum.disclosures}</strong>{" "}
        份部门预算、决算公开文件。每份文件都有九张公开表格、情况说明、绩效目标、审核结果和可下载的数据。
      </p>
      <div class="two-col">
        <CoverageTable coverage={coverage} caption="各地区公开情况（含下辖地区）" />
        <Latest items={latest} />
      </div>
    </Layout>,
  );
}

/** Coverage rows: one per region × year × kind, the region named once. */
export function CoverageTable(props: { coverage: Coverage[]; caption: string }) {
  return (
    <section aria-labelledby="coverage">
      <h2 id="coverage">按地区和年度</h2>
      <div {...scrollBox("各地区公开情况")}>
        <table class="list">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">地区</th>
              <th scope="col">年度</th>
              <th scope="col">公开情况</th>
            </tr>
          </thead>
          <tbody>
            {props.coverage.map((r) => {
              const rows = r.years.length ? r.years : [undefined];
              return rows.map((y, i) => (
                <tr>
                  {i === 0 ? (
                    <th scope="row" rowspan={rows.length} class="left">
                      <a href={`/regions/${r.regionId}`}>{r.regionName}</a>
                      {LEVEL_LABEL[r.level] !== r.regionName ? (
                        <span class="muted small"> {LEVEL_LABEL[r.level] ?? ""}</span>
                      ) : null}
                    </th>
                  ) : null}
                  <td>{y ? `${y.year}年${KIND_LABEL[y.kind]}` : "—"}</td>
                  <td>
                    {y ? (
                      <CoverageBar published={y.published} due={r.departments} />
                    ) : (
                      <span class="muted">暂无公开（应公开 {r.departments} 个部门）</span>
                    )}
                  </td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function CoverageBar(props: { published: number; due: number }) {
  const pct = props.due > 0 ? Math.min(100, Math.round((100 * props.published) / props.due)) : 0;
  return (
    <span class="coverage">
      <span class="bar" aria-hidden="true">
        <span style={`width:${pct}%`} />
      </span>
      已公开 {props.published} / 应公开 {props.due} 个部门
    </span>
  );
}

function Latest(props: { items: Publication[] }) {
  return (
    <section aria-labelledby="latest">
      <h2 id="latest">最新发布</h2>
      {props.items.length ? (
        <ol class="latest">
          {props.items.map((p) => (
            <li>
              <a href={`/disclosures/${p.disclosureId}/versions/${p.number}`}>
                {p.departmentName} {p.year}年{KIND_LABEL[p.kind]}
              </a>
              <span class="muted small">
                {" "}
                {p.regionName} ·{" "}
                <time datetime={isoDate(p.publishedAt)}>{date(p.publishedAt)}</time> 发布
                {p.number > 1 ? `（第 ${p.number} 版，更正）` : ""}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">尚无已发布的公开文件。</p>
      )}
    </section>
  );
}
