/**
 * /regions/:id/scoreboard?year=…&kind=…&sort=…: each department of the region
 * (and of the regions under it) for a year's budgets or final accounts —
 * published or not, days after the approval date against the 20-day limit,
 * completeness and 空表说明, the checker's errors and warnings at
 * publication, corrections — sortable by plain links. A finance-bureau
 * reviewer or administrator of the region sees a form (POST, CSRF token) to
 * record the approval date.
 */
import type { Context } from "hono";
import { getRegion } from "../../service/catalogue.ts";
import { coversRegion } from "../../service/policy.ts";
import { type ScoreRow, type Scoreboard, scoreboard } from "../../service/scoreboard.ts";
import { recordApprovalDate } from "../../service/approvals.ts";
import { PUBLICATION_DAYS, type Timeliness } from "../../service/deadline.ts";
import { ServiceError } from "../../service/errors.ts";
import type { ServerEnv } from "../env.ts";
import { KIND_LABEL, date } from "../views/format.ts";
import { Layout } from "../views/layout.tsx";
import { regionDisclosures } from "./region.tsx";
import { idParam, notFoundPage, orNotFound, sendPage } from "./respond.tsx";
import { scrollBox } from "../views/table.tsx";

type Kind = "budget" | "final";

const SORTS = {
  name: "部门",
  status: "公开时效",
  completeness: "完整性",
  errors: "错误",
  warnings: "警告",
  corrections: "更正",
} as const;
type Sort = keyof typeof SORTS;

/** Worst first: overdue, late, missing, not yet due, published undated, on time. */
const RANK: Record<Timeliness["kind"], number> = {
  overdue: 0,
  late: 1,
  missing: 2,
  pending: 3,
  published: 4,
  onTime: 5,
};
const lateness = (t: Timeliness) =>
  t.kind === "overdue" ? t.overdue : t.kind === "late" ? t.late : 0;
const share = (r: ScoreRow) =>
  r.completeness?.required ? r.completeness.present / r.completeness.required : 2;

const ORDER: Record<Exclude<Sort, "name">, (a: ScoreRow, b: ScoreRow) => number> = {
  status: (a, b) =>
    RANK[a.timeliness.kind] - RANK[b.timeliness.kind] ||
    lateness(b.timeliness) - lateness(a.timeliness),
  completeness: (a, b) => share(a) - share(b),
  errors: (a, b) => (b.errors ?? -1) - (a.errors ?? -1),
  warnings: (a, b) => (b.warnings ?? -1) - (a.warnings ?? -1),
  corrections: (a, b) => b.corrections - a.corrections,
};

export function sortRows(rows: ScoreRow[], sort: Sort): ScoreRow[] {
  return sort === "name" ? rows : [...rows].sort(ORDER[sort]);
}

interface Asked {
  year: number;
  kind: Kind;
  sort: Sort;
}

/** The years the region (with the regions under it) has disclosures of, newest first. */
async function regionYears(c: Context<ServerEnv>, regionId: number): Promise<number[]> {
  const items = await regionDisclosures(c.var.store, c.var.actor, regionId);
  return [...new Set(items.map((d) => d.year))].sort((a, b) => b - a);
}

const plausibleYear = (y: number) => Number.isInteger(y) && y >= 1990 && y <= 2100;

/** The year (default: the newest the region published, else this year), kind and order asked. */
function asked(c: Context<ServerEnv>, years: number[]): Asked {
  const kind: Kind = c.req.query("kind") === "final" ? "final" : "budget";
  const sortText = c.req.query("sort") ?? "name";
  const sort = (sortText in SORTS ? sortText : "name") as Sort;
  const year = Number(c.req.query("year"));
  if (plausibleYear(year)) return { year, kind, sort };
  return { year: years[0] ?? new Date().getFullYear(), kind, sort };
}

export async function scoreboardPage(c: Context<ServerEnv>): Promise<Response> {
  const id = idParam(c.req.param("id"));
  if (!id) return notFoundPage(c);
  return orNotFound(c, async () => renderScoreboard(c, id, asked(c, await regionYears(c, id))));
}

async function renderScoreboard(
  c: Context<ServerEnv>,
  regionId: number,
  q: Asked,
  problem?: ServiceError,
): Promise<Response> {
  const { store, actor } = c.var;
  const region = await getRegion(store, regionId);
  const board = await scoreboard(store, { regionId, year: q.year, kind: q.kind });
  const years = await regionYears(c, regionId);
  const mayRecord = await coversRegion(store, actor, "recordApproval", regionId);
  const title = `${region.name}${q.year}年${KIND_LABEL[q.kind]}公开考核表`;
  const crumbs = [
    ...region.ancestors.map((a) => ({ label: a.name, href: `/regions/${a.id}` })),
    { label: region.name, href: `/regions/${region.id}?year=${q.year}` },
    { label: "公开考核表" },
  ];
  return sendPage(
    c,
    <Layout title={title} crumbs={crumbs} description={`${title}：是否按时公开、完整性与审核问题`}>
      <h1>{title}</h1>
      <KindNav board={board} years={years} />
      <Summary board={board} />
      {problem ? (
        <p class="notice" role="alert">
          {problem.message}
        </p>
      ) : null}
      {mayRecord ? <ApprovalForm board={board} csrf={c.var.csrfToken} /> : null}
      <ScoreTable board={board} sort={q.sort} />
    </Layout>,
    problem?.status as 400 | 401 | 403 | 404 | 409 | 422 | undefined,
  );
}

const boardHref = (b: { regionId: number; year: number; kind: Kind }, sort?: Sort) =>
  `/regions/${b.regionId}/scoreboard?year=${b.year}&kind=${b.kind}${sort && sort !== "name" ? `&sort=${sort}` : ""}`;

/** The years the region has disclosures of (and the one shown), and the other kind. */
function KindNav(props: { board: Scoreboard; years: number[] }) {
  const b = props.board;
  const years = [...new Set([...props.years, b.year])].sort((x, y) => y - x);
  return (
    <nav class="tabs" aria-label="选择年度与类型">
      {years.map((y) =>
        y === b.year ? (
          <span aria-current="true">{y}年</span>
        ) : (
          <a href={boardHref({ ...b, year: y })}>{y}年</a>
        ),
      )}
      {(["budget", "final"] as const).map((k) =>
        k === b.kind ? (
          <span aria-current="true">{KIND_LABEL[k]}</span>
        ) : (
          <a href={boardHref({ ...b, kind: k })}>{KIND_LABEL[k]}</a>
        ),
      )}
    </nav>
  );
}

function Summary(props: { board: Scoreboard }) {
  const { summary: s, approvedOn, rows } = props.board;
  return (
    <div>
      <p class="lead summary">
        按时公开 {s.onTime} / 逾期 {s.late} / 未公开 {s.unpublished}
        {s.overdue ? `（其中已超过期限 ${s.overdue}）` : ""}
        {s.undated ? ` / 已公开但无批复日期可比 ${s.undated}` : ""}（共 {rows.length} 个部门）
      </p>
      <p>
        {approvedOn
          ? `本级财政批复日期：${approvedOn}；应在批复后 ${PUBLICATION_DAYS} 日内公开。`
          : `未登记批复日期：本级财政部门尚未登记批复日期，只标明是否公开，不计按时与否（应在批复后 ${PUBLICATION_DAYS} 日内公开）。`}
        下级地区各按本级财政部门登记的日期计算。
      </p>
    </div>
  );
}

/** What the 时效 column says. */
export function timelinessText(t: Timeliness): { label: string; tone: string } {
  switch (t.kind) {
    case "onTime":
      return { label: `按时（批复后第 ${t.days} 天）`, tone: "published" };
    case "late":
      return { label: `逾期 ${t.late} 天（批复后第 ${t.days} 天）`, tone: "late" };
    case "pending":
      return { label: `未公开（期限内，剩 ${t.daysLeft} 天）`, tone: "info" };
    case "overdue":
      return { label: `未公开，已逾期 ${t.overdue} 天`, tone: "missing" };
    case "published":
      return { label: "已公开（未登记批复日期）", tone: "info" };
    case "missing":
      return { label: "未公开", tone: "missing" };
  }
}

const EMPTY_TABLES = { explained: "有", unexplained: "缺", none: "不涉及" } as const;

function ScoreTable(props: { board: Scoreboard; sort: Sort }) {
  const b = props.board;
  const head = (sort: Sort) =>
    sort === props.sort ? (
      <th scope="col" aria-sort={sort === "name" ? "ascending" : "descending"}>
        {SORTS[sort]}
      </th>
    ) : (
      <th scope="col">
        <a href={boardHref(b, sort)}>{SORTS[sort]}</a>
      </th>
    );
  return (
    <div {...scrollBox(`各部门${b.year}年${KIND_LABEL[b.kind]}公开情况`)}>
      <table class="list scoreboard">
        <caption>
          各部门{b.year}年{KIND_LABEL[b.kind]}
          公开情况（错误、警告为首次发布时审核结果；点击表头排序）
        </caption>
        <thead>
          <tr>
            {head("name")}
            <th scope="col">所属地区</th>
            <th scope="col">发布日期</th>
            <th scope="col">批复日期</th>
            {head("status")}
            {head("completeness")}
            <th scope="col">空表说明</th>
            {head("errors")}
            {head("warnings")}
            {head("corrections")}
          </tr>
        </thead>
        <tbody>
          {sortRows(b.rows, props.sort).map((r) => (
            <ScoreLine row={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ScoreLine(props: { row: ScoreRow }) {
  const r = props.row;
  const t = timelinessText(r.timeliness);
  const c = r.completeness;
  return (
    <tr>
      <th scope="row" class="left">
        <a href={`/departments/${r.departmentId}`}>{r.departmentName}</a>
      </th>
      <td>{r.regionName}</td>
      <td>
        {r.first && r.disclosureId ? (
          <a href={`/disclosures/${r.disclosureId}/versions/${r.first.number}`}>
            {date(r.first.publishedAt)}
          </a>
        ) : (
          "—"
        )}
        {r.withdrawn ? <span class="status s-withdrawn">已撤回</span> : null}
      </td>
      <td>{r.approvedOn ? `${r.approvedOn}${r.approvalOwn ? "（单独批复）" : ""}` : "未登记"}</td>
      <td>
        <span class={`status s-${t.tone}`}>{t.label}</span>
      </td>
      <td title={c?.missing.length ? `缺少或不足：${c.missing.join("；")}` : undefined}>
        {c ? `${c.present}/${c.required}` : "—"}
        {c?.missing.length ? <span class="muted small">（缺：{c.missing.join("、")}）</span> : null}
      </td>
      <td>{c ? EMPTY_TABLES[c.emptyTables] : "—"}</td>
      <td class="right">{r.errors ?? "—"}</td>
      <td class="right">{r.warnings ?? "—"}</td>
      <td class="right">{r.first ? r.corrections : "—"}</td>
    </tr>
  );
}

function ApprovalForm(props: { board: Scoreboard; csrf: string }) {
  const b = props.board;
  const own = b.rows.filter((r) => r.regionId === b.regionId && r.disclosureId !== null);
  return (
    <form
      method="post"
      action={`/regions/${b.regionId}/scoreboard/approval`}
      class="approval"
      aria-labelledby="approval"
    >
      <h2 id="approval">登记批复日期</h2>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="year" value={String(b.year)} />
      <input type="hidden" name="kind" value={b.kind} />
      <label>
        {b.year}年{KIND_LABEL[b.kind]}批复日期{" "}
        <input type="date" name="date" required value={b.approvedOn ?? ""} />
      </label>{" "}
      <label>
        适用于{" "}
        <select name="disclosureId">
          <option value="">本级全部部门</option>
          {own.map((r) => (
            <option value={String(r.disclosureId)}>{r.departmentName}（单独批复）</option>
          ))}
        </select>
      </label>{" "}
      <button type="submit">登记</button>
    </form>
  );
}

/** POST /regions/:id/scoreboard/approval: records the date, then back to the scoreboard. */
export async function approvalPost(c: Context<ServerEnv>): Promise<Response> {
  const id = idParam(c.req.param("id"));
  if (!id) return notFoundPage(c);
  const form = await c.req.parseBody();
  const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
  const year = Number(field("year"));
  const q: Asked = {
    year: plausibleYear(year) ? year : new Date().getFullYear(),
    kind: field("kind") === "final" ? "final" : "budget",
    sort: "name",
  };
  return orNotFound(c, async () => {
    try {
      const disclosureId = idParam(field("disclosureId"));
      await recordApprovalDate(c.var.store, c.var.actor, {
        regionId: id,
        year,
        kind: field("kind") as "budget" | "final",
        date: field("date"),
        ...(disclosureId ? { disclosureId } : {}),
      });
    } catch (error) {
      if (!(error instanceof ServiceError) || error.code === "NOT_FOUND") throw error;
      return renderScoreboard(c, id, q, error);
    }
    return c.redirect(boardHref({ regionId: id, year: q.year, kind: q.kind }), 303);
  });
}
