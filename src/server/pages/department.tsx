/** A department's page: every year and kind it published, and its trend over the years. */
import type { Context } from "hono";
import type { Disclosure } from "../../model/disclosure.ts";
import { getDepartment, getRegion } from "../../service/catalogue.ts";
import { type DisclosureItem, getCanonical, listDisclosures } from "../../service/reads.ts";
import { ServiceError } from "../../service/errors.ts";
import { STATE_LABEL } from "../../service/states.ts";
import type { ServerEnv } from "../env.ts";
import { Chart, trendSvg } from "../views/charts.tsx";
import { type Figures, figures } from "../views/figures.ts";
import { KIND_LABEL, date, wan } from "../views/format.ts";
import { Layout } from "../views/layout.tsx";
import { MAX_COMPARED } from "../compare/align.ts";
import { idParam, notFoundPage, orNotFound, sendPage } from "./respond.tsx";
import { scrollBox } from "../views/table.tsx";

interface Row {
  item: DisclosureItem;
  figures: Figures | undefined;
}

const TREND: { key: keyof Figures; label: string }[] = [
  { key: "income", label: "收入合计" },
  { key: "expenditure", label: "支出合计" },
  { key: "basic", label: "基本支出" },
  { key: "project", label: "项目支出" },
  { key: "threePublic", label: "“三公”经费" },
  { key: "operatingCosts", label: "机关运行经费" },
];

export async function departmentPage(c: Context<ServerEnv>): Promise<Response> {
  const id = idParam(c.req.param("id"));
  if (!id) return notFoundPage(c);
  return orNotFound(c, async () => {
    const { store, actor } = c.var;
    const dep = await getDepartment(store, id);
    const [region, list] = await Promise.all([
      getRegion(store, dep.regionId),
      listDisclosures(store, actor, { departmentId: id, limit: 500 }),
    ]);
    // Oldest first; in one year the budget before the final accounts.
    const items = [...list.items].sort((a, b) => a.year - b.year || (a.kind === "budget" ? -1 : 1));
    const rows: Row[] = await Promise.all(
      items.map(async (item) => ({ item, figures: await figuresOf(c, item) })),
    );
    const crumbs = [
      ...region.ancestors.map((a) => ({ label: a.name, href: `/regions/${a.id}` })),
      { label: region.name, href: `/regions/${region.id}` },
      { label: dep.name },
    ];
    return sendPage(
      c,
      <Layout title={dep.name} crumbs={crumbs} description={`${dep.name}历年部门预算、决算公开`}>
        <h1>{dep.name}</h1>
        <p class="lead">
          {region.name} · 共公开 {rows.length} 份部门预算、决算
          {dep.code ? ` · 部门编码 ${dep.code}` : ""}
        </p>
        <Publications rows={rows} />
        <CompareYears rows={rows} />
        {rows.some((r) => r.figures) ? <Trend rows={rows.filter((r) => r.figures)} /> : null}
      </Layout>,
    );
  });
}

async function figuresOf(
  c: Context<ServerEnv>,
  item: DisclosureItem,
): Promise<Figures | undefined> {
  if (!item.latest || item.latest.state === "withdrawn") return undefined;
  try {
    return figures(
      JSON.parse(await getCanonical(c.var.store, c.var.actor, item.latest.id)) as Disclosure,
    );
  } catch (error) {
    if (error instanceof ServiceError) return undefined;
    throw error;
  }
}

const label = (i: DisclosureItem) => `${i.year}年${KIND_LABEL[i.kind]}`;

/** Only a version in force can be compared (a withdrawn one has no public content). */
const comparable = (item: DisclosureItem) => item.latest?.state === "published";

function Publications(props: { rows: Row[] }) {
  return (
    <section aria-labelledby="published">
      <h2 id="published">历年公开</h2>
      <form method="get" action="/compare" id="compare-years" />
      <div {...scrollBox("各年度部门预算、决算")}>
        <table class="list">
          <caption>各年度部门预算、决算（金额单位：万元）</caption>
          <thead>
            <tr>
              <th scope="col">年度与类型</th>
              <th scope="col">版本</th>
              <th scope="col">发布日期</th>
              <th scope="col">收入合计</th>
              <th scope="col">支出合计</th>
              <th scope="col">比较</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map(({ item, figures: f }) => (
              <tr>
                <th scope="row" class="left">
                  <a href={`/disclosures/${item.id}`}>{label(item)}</a>
                </th>
                <td>
                  {item.latest
                    ? `第 ${item.latest.number} 版 · ${STATE_LABEL[item.latest.state]}`
                    : "—"}
                </td>
                <td>{date(item.latest?.publishedAt)}</td>
                <td class="right">{wan(f?.income)}</td>
                <td class="right">{wan(f?.expenditure)}</td>
                <td>
                  {comparable(item) ? (
                    <input
                      type="checkbox"
                      name="d"
                      value={String(item.id)}
                      form="compare-years"
                      aria-label={`比较${label(item)}`}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * 与上年比较: the newest disclosure of each kind against the same kind a year
 * before, when both are in force (else the two newest, whatever their kinds);
 * and the button of the year picker above.
 */
function CompareYears(props: { rows: Row[] }) {
  const items = props.rows.map((r) => r.item).filter(comparable);
  const pairs = (["budget", "final"] as const).flatMap((kind) => {
    const latest = items.filter((i) => i.kind === kind).at(-1);
    const before = latest && items.find((i) => i.kind === kind && i.year === latest.year - 1);
    return latest && before ? [{ latest, before }] : [];
  });
  if (items.length < 2) return null;
  return (
    <section aria-labelledby="compare">
      <h2 id="compare">比较</h2>
      <p>
        {pairs.map(({ latest, before }) => (
          <a class="button" href={`/compare?d=${before.id}&d=${latest.id}`}>
            {label(latest)}与上年比较
          </a>
        ))}
        {pairs.length ? null : (
          <a class="button" href={`/compare?d=${items.at(-2)!.id}&d=${items.at(-1)!.id}`}>
            比较最近两份：{label(items.at(-2)!)}与{label(items.at(-1)!)}
          </a>
        )}
      </p>
      <p>
        在上表“比较”一栏勾选两个或更多年度（最多 {MAX_COMPARED} 个，第一个为基数），然后{" "}
        <button type="submit" form="compare-years">
          比较所选年度
        </button>
      </p>
    </section>
  );
}

function Trend(props: { rows: Row[] }) {
  const years = props.rows.map((r) => label(r.item));
  const series = (keys: (keyof Figures)[]) =>
    TREND.filter((t) => keys.includes(t.key)).map((t) => ({
      name: t.label,
      values: props.rows.map((r) => r.figures?.[t.key] ?? null),
    }));
  const present = <S extends { values: (number | null)[] }>(s: S[]) =>
    s.filter((x) => x.values.some((v) => v !== null));
  const totals = present(series(["income", "expenditure"]));
  const split = present(series(["basic", "project"]));
  const small = present(series(["threePublic", "operatingCosts"]));
  return (
    <section aria-labelledby="trend">
      <h2 id="trend">历年变化</h2>
      <div class="charts">
        {totals.length ? (
          <Chart
            svg={trendSvg(years, totals, "收入与支出合计的变化")}
            caption="收入、支出合计（万元）"
          />
        ) : null}
        {split.length ? (
          <Chart
            svg={trendSvg(years, split, "基本支出与项目支出的变化")}
            caption="基本支出、项目支出（万元）"
          />
        ) : null}
        {small.length ? (
          <Chart
            svg={trendSvg(years, small, "“三公”经费与机关运行经费的变化")}
            caption="“三公”经费、机关运行经费（万元）"
          />
        ) : null}
      </div>
      <div {...scrollBox("历年主要数字")}>
        <table class="list">
          <caption>历年主要数字（金额单位：万元）</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              {years.map((y) => (
                <th scope="col">{y}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TREND.map((t) => (
              <tr>
                <th scope="row" class="left">
                  {t.label}
                </th>
                {props.rows.map((r) => (
                  <td class="right">{wan(r.figures?.[t.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
