/**
 * /search?q=…&region=…&year=…&kind=…&type=…&page=…: the portal's search.
 * Results typed (部门 / 公开文件 / 项目 / 科目 / 说明), each linking to its page
 * (a project or line to its disclosure page's anchor), with the matched
 * words in <mark> (the rest escaped by JSX), facets with counts as links,
 * pages, and a Chinese page saying so when nothing is found. Plain links and
 * a GET form: it works without JavaScript. Bad parameters are ignored, never
 * an error: whatever is typed gets a normal page.
 */
import type { Context } from "hono";
import {
  type FacetValue,
  type Marked,
  type SearchItem,
  type SearchRequest,
  type SearchResult,
  MAX_SEARCH_PAGE,
  SEARCH_KIND_LABEL,
  isSearchKind,
  search,
  suggestions,
} from "../../service/search.ts";
import type { ServerEnv } from "../env.ts";
import { KIND_LABEL, wan } from "../views/format.ts";
import { Layout, SearchBox } from "../views/layout.tsx";
import { idParam, sendPage } from "./respond.tsx";

type Params = Partial<Record<"q" | "region" | "year" | "kind" | "type" | "page", string>>;

/** The request's parameters as a search; anything malformed is dropped. */
export function searchRequest(p: Params): SearchRequest {
  const region = idParam(p.region);
  const year = p.year && /^\d{4}$/.test(p.year) ? Number(p.year) : undefined;
  const page = idParam(p.page);
  return {
    q: (p.q ?? "").slice(0, 1000),
    ...(region ? { regionId: region } : {}),
    ...(year ? { year } : {}),
    ...(p.kind === "budget" || p.kind === "final" ? { kind: p.kind } : {}),
    ...(p.type && isSearchKind(p.type) ? { type: p.type } : {}),
    ...(page ? { page: Math.min(page, MAX_SEARCH_PAGE) } : {}),
  };
}

/** The address of a search: the current one with some parameters changed (undefined: removed). */
function hrefOf(r: SearchRequest, change: Partial<Record<keyof Params, string | undefined>>) {
  const current: Params = {
    q: r.q,
    region: r.regionId?.toString(),
    year: r.year?.toString(),
    kind: r.kind,
    type: r.type,
  };
  const merged = { ...current, ...change };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v) qs.set(k, v);
  return `/search?${qs.toString()}`;
}

export async function searchPage(c: Context<ServerEnv>): Promise<Response> {
  const request = searchRequest(c.req.query());
  const result = await search(c.var.store, c.var.actor, request);
  const text = result.query.text;
  return sendPage(
    c,
    <Layout
      title={text ? `搜索：${text}` : "搜索"}
      crumbs={[{ label: "搜索" }]}
      query={text}
      description="搜索部门、公开文件、项目、支出科目和情况说明"
    >
      <h1>{text ? `“${text}”的搜索结果` : "搜索"}</h1>
      <SearchBox query={text} id="page-search" />
      {!text ? <Prompt /> : result.total ? <Results r={request} res={result} /> : null}
      {text && !result.total ? <Empty r={request} res={result} /> : null}
    </Layout>,
  );
}

const EXAMPLES = ["三公经费", "sgjf", "2010401", "行政运行", "政府采购", "财政局"];

function Prompt() {
  return (
    <section>
      <p>
        在上面的搜索框输入关键词，可查找部门、公开文件、项目名称、支出科目（名称或编码）和情况说明中的文字。
        支持拼音首字母（如 sgjf 查“三公”经费）和常用同义说法。
      </p>
      <p>
        例如：
        <Examples searches={EXAMPLES} />
      </p>
    </section>
  );
}

/** Searches as links, separated by "、". */
function Examples(props: { searches: string[] }) {
  return (
    <>
      {props.searches.map((text, i) => (
        <>
          {i ? "、" : ""}
          <a href={`/search?q=${encodeURIComponent(text)}`}>{text}</a>
        </>
      ))}
    </>
  );
}

function Empty(props: { r: SearchRequest; res: SearchResult }) {
  const { r, res } = props;
  const filtered = r.regionId || r.year || r.kind || r.type;
  return (
    <section class="empty">
      <p>
        没有找到与“{res.query.text}”相关的结果
        {filtered ? "（已按筛选条件限定范围）" : ""}。
      </p>
      <ul>
        {filtered ? (
          <li>
            <a
              href={hrefOf(r, {
                region: undefined,
                year: undefined,
                kind: undefined,
                type: undefined,
              })}
            >
              取消全部筛选条件后再搜索
            </a>
          </li>
        ) : null}
        <li>检查是否有错别字，或换一个更短、更常用的词。</li>
        <li>部门名称可只输入其中的关键字，如“财政局”；科目可输入编码，如“2010401”。</li>
        <li>
          也可以试试：
          <Examples searches={suggestions(res.query)} />
        </li>
      </ul>
    </section>
  );
}

function Results(props: { r: SearchRequest; res: SearchResult }) {
  const { r, res } = props;
  const first = (res.page - 1) * res.pageSize + 1;
  return (
    <div class="search-layout">
      <Facets r={r} res={res} />
      <section aria-labelledby="hits-title">
        <h2 id="hits-title" class="visually-hidden">
          搜索结果
        </h2>
        <p class="lead" aria-live="polite">
          {res.capped ? `找到超过 ${res.total} 条结果` : `共找到 ${res.total} 条结果`}
          {res.items.length ? `，显示第 ${first}–${first + res.items.length - 1} 条` : ""}
        </p>
        {res.capped ? (
          <p class="muted small">
            结果太多，只在前 {res.total} 条中排序和分类计数；请加关键词或用左侧条件缩小范围。
          </p>
        ) : null}
        <ActiveFilters r={r} res={res} />
        <ol class="hits" start={first}>
          {res.items.map((item) => (
            <Hit item={item} />
          ))}
        </ol>
        {res.items.length ? null : <p>本页没有结果，请返回第一页。</p>}
        <Pager r={r} res={res} />
      </section>
    </div>
  );
}

function Runs(props: { runs: Marked[] }) {
  return <>{props.runs.map((run) => (run.mark ? <mark>{run.text}</mark> : run.text))}</>;
}

function Hit(props: { item: SearchItem }) {
  const i = props.item;
  // A department or disclosure names itself in its title; its context is its region chain.
  const named = i.type === "department" || i.type === "disclosure";
  const where = named
    ? [i.context ?? i.regionName]
    : [
        i.regionName,
        i.departmentName,
        i.year && i.kind ? `${i.year}年${KIND_LABEL[i.kind]}` : null,
        i.context,
      ].filter(Boolean);
  return (
    <li>
      <h3>
        <span class="type">{SEARCH_KIND_LABEL[i.type]}</span>
        <a href={i.href}>
          <Runs runs={i.title} />
        </a>
      </h3>
      <p class="muted small">
        {where.join(" · ")}
        {i.amount !== null
          ? ` · ${i.type === "project" ? "预算" : "金额"} ${wan(Number(i.amount))} 万元`
          : ""}
      </p>
      {i.snippet?.length ? (
        <p class="snippet">
          <Runs runs={i.snippet} />
        </p>
      ) : null}
    </li>
  );
}

function ActiveFilters(props: { r: SearchRequest; res: SearchResult }) {
  const { r, res } = props;
  const active: [string, keyof Params][] = [];
  if (res.region) active.push([`地区：${res.region.name}`, "region"]);
  if (r.year) active.push([`年度：${r.year}年`, "year"]);
  if (r.kind) active.push([r.kind === "final" ? "决算" : "预算", "kind"]);
  if (r.type) active.push([`类型：${SEARCH_KIND_LABEL[r.type]}`, "type"]);
  if (!active.length) return null;
  return (
    <p class="filters small">
      已筛选：
      {active.map(([label, key]) => (
        <a href={hrefOf(r, { [key]: undefined })} title="取消此条件">
          {label} ✕
        </a>
      ))}
    </p>
  );
}

function Facets(props: { r: SearchRequest; res: SearchResult }) {
  const { r, res } = props;
  const groups: [string, keyof Params, FacetValue[], string | undefined][] = [
    ["类型", "type", res.facets.type, r.type],
    ["地区", "region", res.facets.region.filter((f) => f.value), r.regionId?.toString()],
    ["年度", "year", res.facets.year, r.year?.toString()],
    ["预算 / 决算", "kind", res.facets.kind, r.kind],
  ];
  return (
    <nav class="facets" aria-label="筛选">
      {groups.map(([title, key, values, current]) =>
        values.length ? (
          <section>
            <h2>{title}</h2>
            <ul>
              {values.map((f) => (
                <li>
                  <a
                    href={hrefOf(r, { [key]: f.value })}
                    {...(f.value === current ? { "aria-current": "true" } : {})}
                  >
                    {f.label}
                  </a>
                  <span class="muted">{f.count}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </nav>
  );
}

function Pager(props: { r: SearchRequest; res: SearchResult }) {
  const { r, res } = props;
  const last = Math.min(Math.ceil(res.total / res.pageSize), MAX_SEARCH_PAGE);
  if (last <= 1) return null;
  const from = Math.max(1, res.page - 4);
  const pages = Array.from({ length: Math.min(last, from + 8) - from + 1 }, (_, k) => from + k);
  const to = (n: number) => hrefOf(r, { page: String(n) });
  return (
    <nav class="pager" aria-label="分页">
      <ul>
        {res.page > 1 ? (
          <li>
            <a href={to(res.page - 1)} rel="prev">
              上一页
            </a>
          </li>
        ) : null}
        {pages.map((n) =>
          n === res.page ? (
            <li>
              <span aria-current="page">{n}</span>
            </li>
          ) : (
            <li>
              <a href={to(n)}>{n}</a>
            </li>
          ),
        )}
        {res.page < last ? (
          <li>
            <a href={to(res.page + 1)} rel="next">
              下一页
            </a>
          </li>
        ) : null}
      </ul>
      {last === MAX_SEARCH_PAGE ? (
        <p class="muted small">只列出前 {MAX_SEARCH_PAGE} 页；请加关键词或筛选条件缩小范围。</p>
      ) : null}
    </nav>
  );
}
