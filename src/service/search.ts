/**
 * Searching what is published: one box over departments, disclosures,
 * projects, classification lines and the explanations' sections, ranked,
 * with marked snippets and facet counts (region, year, budget/final, type).
 * Two queries per search, both in the database: the page of results and the
 * facets. Everything is public (only published versions are indexed).
 */
import type { Store } from "../store/index.ts";
import { SEARCH_KINDS, type SearchKind } from "../store/schema.ts";
import { regionById } from "../store/queries/catalogue.ts";
import * as sq from "../store/queries/search.ts";
import { type ParsedQuery, parseQuery } from "../search/query.ts";
import { SEGMENT_SEPARATOR } from "../search/segment.ts";
import type { Actor } from "./actor.ts";

export { SEARCH_KINDS, type SearchKind } from "../store/schema.ts";

export const SEARCH_KIND_LABEL: Record<SearchKind, string> = {
  department: "部门",
  disclosure: "公开文件",
  project: "项目",
  line: "科目",
  paragraph: "说明",
};

export interface SearchRequest {
  q: string;
  regionId?: number;
  year?: number;
  kind?: "budget" | "final";
  type?: SearchKind;
  /** From 1. */
  page?: number;
  pageSize?: number;
}

/** A run of text, marked when it is a matched word. */
export interface Marked {
  text: string;
  mark?: true;
}

export interface SearchItem {
  type: SearchKind;
  title: Marked[];
  /** Matched passages of the text (fragments separated by "…"), when the item has text. */
  snippet: Marked[] | null;
  /** Where the item lives on the portal (a disclosure page's anchor for its parts). */
  href: string;
  context: string | null;
  departmentId: number;
  departmentName: string;
  regionId: number;
  regionName: string;
  disclosureId: number | null;
  year: number | null;
  kind: "budget" | "final" | null;
  /** 万元, exact decimal text (a project's budget, a line's total). */
  amount: string | null;
  rank: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  query: ParsedQuery;
  items: SearchItem[];
  /** Matches (at most MATCH_CAP: see `capped`). */
  total: number;
  /** More than MATCH_CAP matched: ranked among the first of them, facet counts partial. */
  capped: boolean;
  page: number;
  pageSize: number;
  facets: { type: FacetValue[]; region: FacetValue[]; year: FacetValue[]; kind: FacetValue[] };
  /** The region filter in force (unknown ids are ignored). */
  region: { id: number; name: string } | null;
}

export const SEARCH_PAGE_SIZE = 20;
export const MAX_SEARCH_PAGE_SIZE = 50;
/** Pages beyond this are not served: nobody reads them, and deep offsets cost. */
export const MAX_SEARCH_PAGE = 50;

const EMPTY_FACETS = { type: [], region: [], year: [], kind: [] };

export async function search(
  store: Store,
  _actor: Actor,
  request: SearchRequest,
): Promise<SearchResult> {
  const query = parseQuery(request.q);
  const pageSize = Math.min(
    Math.max(1, request.pageSize ?? SEARCH_PAGE_SIZE),
    MAX_SEARCH_PAGE_SIZE,
  );
  const page = Math.min(Math.max(1, request.page ?? 1), MAX_SEARCH_PAGE);
  const region = request.regionId ? await regionById(store.db, request.regionId) : undefined;
  const base = {
    query,
    page,
    pageSize,
    region: region ? { id: region.id, name: region.name } : null,
  };
  if (!query.match) return { ...base, items: [], total: 0, capped: false, facets: EMPTY_FACETS };
  const filters: sq.SearchFilters = {
    ...(region ? { regionPath: region.path } : {}),
    ...(request.year ? { year: request.year } : {}),
    ...(request.kind ? { kind: request.kind } : {}),
    ...(request.type ? { type: request.type } : {}),
  };
  const spec = { match: query.match, filters };
  const [hits, facetRows] = await Promise.all([
    sq.searchHits(store.db, {
      ...spec,
      highlight: query.highlight ?? query.match,
      exact: query.text,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
    sq.searchFacets(store.db, spec),
  ]);
  const facets = facetsOf(facetRows, region?.name);
  const total = facets.type.reduce((n, f) => n + f.count, 0);
  return {
    ...base,
    items: hits.map(itemOf),
    total: Math.min(total, sq.MATCH_CAP),
    capped: total > sq.MATCH_CAP,
    facets,
  };
}

function facetsOf(rows: sq.FacetRow[], regionName: string | undefined): SearchResult["facets"] {
  const of = (facet: sq.FacetRow["facet"], label: (r: sq.FacetRow) => string) =>
    rows
      .filter((r) => r.facet === facet && r.value !== null)
      .map((r) => ({ value: r.value!, label: label(r), count: r.count }));
  return {
    type: of("type", (r) => SEARCH_KIND_LABEL[r.value as SearchKind] ?? r.value!),
    // A match in the chosen region itself (not below it) has no next region: 本级.
    region: of("region", (r) => r.label ?? `${regionName ?? ""}本级`).filter(
      (f) => f.value !== "" || regionName,
    ),
    year: of("year", (r) => `${r.value}年`).sort((a, b) => Number(b.value) - Number(a.value)),
    kind: of("kind", (r) => (r.value === "final" ? "决算" : "预算")),
  };
}

function hrefOf(h: sq.SearchHit): string {
  if (h.kind === "department" || h.disclosure_id === null) return `/departments/${h.department_id}`;
  const page = `/disclosures/${h.disclosure_id}`;
  return h.anchor && h.kind !== "disclosure" ? `${page}#${encodeURIComponent(h.anchor)}` : page;
}

function itemOf(h: sq.SearchHit): SearchItem {
  return {
    type: h.kind,
    title: marked(h.title_marked),
    snippet: h.body_marked ? marked(`${h.body_from_start ? "" : "… "}${h.body_marked}`) : null,
    href: hrefOf(h),
    context: h.context,
    departmentId: h.department_id,
    departmentName: h.department_name,
    regionId: h.region_id,
    regionName: h.region_name,
    disclosureId: h.disclosure_id,
    year: h.year,
    kind: h.disclosure_kind,
    amount: h.amount,
    rank: h.rank,
  };
}

/**
 * ts_headline's output as runs: the word separators removed, fragments joined
 * by "…", and adjacent marked words one run (三公 + 经费 → one mark).
 */
export function marked(text: string): Marked[] {
  const out: Marked[] = [];
  const parts = text
    .replaceAll(SEGMENT_SEPARATOR, "")
    .replaceAll(sq.FRAGMENT_GAP, " … ")
    .split(sq.MARK_START);
  parts.forEach((part, i) => {
    const [inside, after] = i === 0 ? [undefined, part] : splitOnce(part, sq.MARK_END);
    if (inside) push(out, { text: inside, mark: true });
    if (after) push(out, { text: after });
  });
  return out;
}

function splitOnce(text: string, on: string): [string, string] {
  const at = text.indexOf(on);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + on.length)];
}

function push(out: Marked[], run: Marked): void {
  const last = out.at(-1);
  if (last && !!last.mark === !!run.mark) last.text += run.text;
  else out.push(run);
}

/** Marked runs as HTML: everything escaped, matched words in <mark>. */
export function markedHtml(runs: Marked[], escape: (s: string) => string): string {
  return runs.map((r) => (r.mark ? `<mark>${escape(r.text)}</mark>` : escape(r.text))).join("");
}

/** Searches to offer when nothing was found: each word alone, and what readers look for. */
export function suggestions(query: ParsedQuery): string[] {
  // Single characters (的, 不) find everything or nothing: only words are offered.
  const words = query.terms.length > 1 ? query.terms.filter((t) => t.length > 1) : [];
  return [...new Set([...words, "三公经费", "机关运行经费", "行政运行", "政府采购"])].filter(
    (s) => s !== query.text,
  );
}

export const isSearchKind = (v: string): v is SearchKind =>
  (SEARCH_KINDS as readonly string[]).includes(v);
