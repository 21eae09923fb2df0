/** A region's page: its departments with their status for a year, and the regions under it. */
import type { Context } from "hono";
import type { Store } from "../../store/index.ts";
import type { Actor } from "../../service/actor.ts";
import { getRegion, listDepartments, type Department } from "../../service/catalogue.ts";
import { approvalDates } from "../../service/approvals.ts";
import { publicationDeadline } from "../../service/deadline.ts";
import { type DisclosureItem, listDisclosures } from "../../service/reads.ts";
import type { ServerEnv } from "../env.ts";
import { KIND_LABEL, LEVEL_LABEL, date } from "../views/format.ts";
import { Layout } from "../views/layout.tsx";
import { MAX_COMPARED } from "../compare/align.ts";
import { CoverageTable } from "./home.tsx";
import { coverageOf } from "./queries.ts";
import { idParam, notFoundPage, orNotFound, sendPage } from "./respond.tsx";
import { type Status, statusOf } from "./status.ts";
import { scrollBox } from "../views/table.tsx";

/** Every page of a paginated service list. */
async function all<T>(
  fetch: (offset: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const page = await fetch(out.length);
    out.push(...page.items);
    if (!page.items.length || out.length >= page.total) return out;
  }
}

export const regionDisclosures = (store: Store, actor: Actor, regionId: number) =>
  all((offset) => listDisclosures(store, actor, { regionId, subtree: true, limit: 500, offset }));

export async function regionPage(c: Context<ServerEnv>): Promise<Response> {
  const id = idParam(c.req.param("id"));
  if (!id) return notFoundPage(c);
  return orNotFound(c, async () => {
    const { store, actor } = c.var;
    const region = await getRegion(store, id);
    const [departments, disclosures, children] = await Promise.all([
      all((offset) => listDepartments(store, { regionId: id, subtree: true, limit: 500, offset })),
      regionDisclosures(store, actor, id),
      coverageOf(store, id),
    ]);
    const years = [...new Set(disclosures.map((d) => d.year))].sort((a, b) => b - a);
    const asked = Number(c.req.query("year"));
    const year = years.includes(asked) ? asked : years[0];
    const regionIds = [...new Set([id, ...departments.map((d) => d.regionId)])];
    const dates = year
      ? await Promise.all(
          (["budget", "final"] as const).map((kind) =>
            approvalDates(store, { regionIds, year, kind }),
          ),
        )
      : undefined;
    const crumbs = [
      ...region.ancestors.map((a) => ({ label: a.name, href: `/regions/${a.id}` })),
      { label: region.name },
    ];
    return sendPage(
      c,
      <Layout
        title={region.name}
        crumbs={crumbs}
        description={`${region.name}各部门预算、决算公开情况`}
      >
        <h1>{region.name}</h1>
        <p class="lead">
          {LEVEL_LABEL[region.level] ?? ""}
          {region.code ? `（行政区划代码 ${region.code}）` : ""}：本地区及下辖地区共{" "}
          {departments.length} 个部门，{disclosures.length} 份公开文件。
        </p>
        {years.length ? <YearNav years={years} current={year!} regionId={id} /> : null}
        <StatusTable
          departments={departments}
          disclosures={disclosures}
          year={year}
          deadline={(d, kind, item) => {
            const on = dates?.[kind === "budget" ? 0 : 1]!.of(d.regionId, item?.id);
            return on ? publicationDeadline(on) : undefined;
          }}
        />
        {year ? <RegionTools regionId={id} year={year} /> : null}
        {children.length ? (
          <CoverageTable coverage={children} caption={`${region.name}下辖地区公开情况`} />
        ) : null}
      </Layout>,
    );
  });
}

function YearNav(props: { years: number[]; current: number; regionId: number }) {
  return (
    <nav class="tabs" aria-label="选择年度">
      {props.years.map((y) =>
        y === props.current ? (
          <span aria-current="true">{y}年</span>
        ) : (
          <a href={`/regions/${props.regionId}?year=${y}`}>{y}年</a>
        ),
      )}
    </nav>
  );
}

type Kind = "budget" | "final";

function StatusTable(props: {
  departments: (Department & { regionName: string })[];
  disclosures: DisclosureItem[];
  year: number | undefined;
  /** The end of the 20-day limit from the recorded approval date, when there is one. */
  deadline: (d: Department, kind: Kind, item: DisclosureItem | undefined) => Date | undefined;
}) {
  const find = (depId: number, kind: "budget" | "final") =>
    props.disclosures.find(
      (d) => d.departmentId === depId && d.year === props.year && d.kind === kind,
    );
  const status = (d: Department, kind: Kind) => {
    const item = find(d.id, kind);
    return statusOf(item, props.deadline(d, kind, item));
  };
  return (
    <section aria-labelledby="status">
      <h2 id="status">{props.year ? `${props.year}年各部门公开情况` : "各部门公开情况"}</h2>
      <form method="get" action="/compare" id="compare-departments" />
      <div {...scrollBox("各部门公开状态")}>
        <table class="list">
          <caption>
            {props.year ? `${props.year}年` : ""}
            部门预算、决算公开状态（按时与否依财政局登记的批复日期计算 20
            日期限；未登记批复日期的只标明是否公开）
          </caption>
          <thead>
            <tr>
              <th scope="col">部门</th>
              <th scope="col">所属地区</th>
              <th scope="col">{KIND_LABEL.budget}</th>
              <th scope="col">{KIND_LABEL.final}</th>
            </tr>
          </thead>
          <tbody>
            {props.departments.map((d) => (
              <tr>
                <th scope="row" class="left">
                  <a href={`/departments/${d.id}`}>{d.name}</a>
                </th>
                <td>{d.regionName}</td>
                <td>
                  <StatusCell status={status(d, "budget")} />
                  <CompareBox item={find(d.id, "budget")} />
                </td>
                <td>
                  <StatusCell status={status(d, "final")} />
                  <CompareBox item={find(d.id, "final")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A checkbox of the comparison form, beside a disclosure in force. */
function CompareBox(props: { item: DisclosureItem | undefined }) {
  const item = props.item;
  if (item?.latest?.state !== "published") return null;
  return (
    <input
      type="checkbox"
      name="d"
      value={String(item.id)}
      form="compare-departments"
      class="pick"
      aria-label={`比较${item.departmentName}${item.year}年${KIND_LABEL[item.kind]}`}
    />
  );
}

/** Comparing the ticked departments, and the year's scoreboard. */
function RegionTools(props: { regionId: number; year: number }) {
  return (
    <section aria-labelledby="tools">
      <h2 id="tools">比较与考核</h2>
      <p>
        在上表勾选两个或更多部门的公开文件（最多 {MAX_COMPARED} 份，第一个为基数），然后{" "}
        <button type="submit" form="compare-departments">
          比较所选部门
        </button>
      </p>
      <p>
        <a href={`/regions/${props.regionId}/scoreboard?year=${props.year}&kind=budget`}>
          {props.year}年部门预算公开考核表
        </a>
        {" · "}
        <a href={`/regions/${props.regionId}/scoreboard?year=${props.year}&kind=final`}>
          {props.year}年部门决算公开考核表
        </a>
        （是否公开、是否在批复后 20 日内公开、完整性、审核问题与更正）
      </p>
    </section>
  );
}

export function StatusCell(props: { status: Status }) {
  const s = props.status;
  const badge = <span class={`status s-${s.kind}`}>{s.label}</span>;
  if (!s.disclosureId) return badge;
  return (
    <span>
      <a href={`/disclosures/${s.disclosureId}`}>{badge}</a>
      {s.publishedAt ? <span class="muted small"> {date(s.publishedAt)}</span> : null}
    </span>
  );
}

/** /regions: the top-level regions with their coverage. */
export async function regionsPage(c: Context<ServerEnv>): Promise<Response> {
  const coverage = await coverageOf(c.var.store, null);
  return sendPage(
    c,
    <Layout title="地区" crumbs={[{ label: "地区" }]}>
      <h1>地区</h1>
      <CoverageTable coverage={coverage} caption="各地区公开情况（含下辖地区）" />
    </Layout>,
  );
}
