/**
 * The search index's SQL: writing a disclosure's or a department's rows, and
 * the two queries of a search (one for the ranked, highlighted page of
 * results, one for every facet's counts via grouping sets). Matching, ranking
 * and highlighting all run in the database on the GIN-indexed tsvector; the
 * caller hands in tsquery text built from sanitised words only.
 */
import { type RawBuilder, sql } from "kysely";
import type { SearchKind } from "../schema.ts";
import type { Db } from "./catalogue.ts";

/** Marks ts_headline puts around a matched word, and between fragments (never in stored text). */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";
export const FRAGMENT_GAP = "\u0004";

export interface SearchOwner {
  departmentId: number;
  regionId: number;
  regionPath: string;
  disclosureId?: number;
  versionId?: number;
  year?: number;
  kind?: "budget" | "final";
}

export interface SearchRow {
  kind: SearchKind;
  title: string;
  /** The title as words joined by U+001F. */
  titleSeg: string;
  context: string | null;
  bodySeg: string;
  anchor: string | null;
  amount: number | null;
  position: number;
  /** Space-separated lexemes by weight: A names, B context, C running text. */
  lexemes: { a: string; b: string; c: string };
}

/**
 * Filter keys as lexemes (D): type, year, budget/final and every region on
 * the path, so a filtered search is one GIN lookup, not a heap scan of every
 * match. "@" never survives segmentation: no typed word can equal a key.
 */
const key = {
  type: (t: SearchKind) => `@t${t}`,
  year: (y: number) => `@y${y}`,
  kind: (k: string) => `@k${k}`,
  region: (id: string) => `@r${id}`,
};

function filterKeys(owner: SearchOwner, kind: SearchKind): string[] {
  return [
    key.type(kind),
    ...(owner.year === undefined ? [] : [key.year(owner.year)]),
    ...(owner.kind ? [key.kind(owner.kind)] : []),
    ...owner.regionPath.split("/").filter(Boolean).map(key.region),
  ];
}

const tsv = (l: SearchRow["lexemes"], keys: string[]) =>
  sql<string>`setweight(to_tsvector('simple', ${l.a}), 'A') || setweight(to_tsvector('simple', ${l.b}), 'B') || setweight(to_tsvector('simple', ${l.c}), 'C') || setweight(array_to_tsvector(${keys}::text[]), 'D')`;

const BATCH = 200;

async function insertRows(db: Db, owner: SearchOwner, rows: SearchRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto("search_doc")
      .values(
        rows.slice(i, i + BATCH).map((r) => ({
          kind: r.kind,
          department_id: owner.departmentId,
          region_id: owner.regionId,
          region_path: owner.regionPath,
          disclosure_id: owner.disclosureId ?? null,
          version_id: owner.versionId ?? null,
          year: owner.year ?? null,
          disclosure_kind: owner.kind ?? null,
          anchor: r.anchor,
          title: r.title,
          title_seg: r.titleSeg,
          context: r.context,
          body_seg: r.bodySeg,
          amount: r.amount === null ? null : String(r.amount),
          position: r.position,
          tsv: tsv(r.lexemes, filterKeys(owner, r.kind)),
        })),
      )
      .execute();
  }
}

/** The disclosure's rows become those of this version (the one now published). */
export async function replaceDisclosureRows(
  db: Db,
  owner: SearchOwner & { disclosureId: number; versionId: number },
  rows: SearchRow[],
): Promise<void> {
  await removeDisclosureRows(db, owner.disclosureId);
  await insertRows(db, owner, rows);
}

export async function removeDisclosureRows(db: Db, disclosureId: number): Promise<void> {
  await db.deleteFrom("search_doc").where("disclosure_id", "=", disclosureId).execute();
}

/** Removes a version's rows (when it is withdrawn). */
export async function removeVersionRows(db: Db, versionId: number): Promise<void> {
  await db.deleteFrom("search_doc").where("version_id", "=", versionId).execute();
}

/** The department's own row, replaced (its name or region may have changed). */
export async function replaceDepartmentRow(
  db: Db,
  owner: SearchOwner,
  row: SearchRow,
): Promise<void> {
  await db
    .deleteFrom("search_doc")
    .where("kind", "=", "department")
    .where("department_id", "=", owner.departmentId)
    .execute();
  await insertRows(db, owner, [row]);
}

/** Removes the department's row when it has no published disclosure left. */
export async function pruneDepartmentRow(db: Db, departmentId: number): Promise<void> {
  await db
    .deleteFrom("search_doc")
    .where("kind", "=", "department")
    .where("department_id", "=", departmentId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("version as v")
            .innerJoin("disclosure as d", "d.id", "v.disclosure_id")
            .select("v.id")
            .where("d.department_id", "=", departmentId)
            .where("v.state", "=", "published"),
        ),
      ),
    )
    .execute();
}

export async function clearSearchIndex(db: Db): Promise<void> {
  await db.deleteFrom("search_doc").execute();
}

export interface SearchFilters {
  /** A region's path: it and every region under it. */
  regionPath?: string;
  year?: number;
  kind?: "budget" | "final";
  type?: SearchKind;
}

export interface SearchSpec {
  /** tsquery text of the words to match (all of them). */
  match: string;
  /** tsquery text of the words to mark (any of them). */
  highlight: string;
  /** The query as typed, cleaned: a title equal to it comes first. */
  exact: string;
  filters: SearchFilters;
  limit: number;
  offset: number;
}

export interface SearchHit {
  id: number;
  kind: SearchKind;
  department_id: number;
  region_id: number;
  disclosure_id: number | null;
  year: number | null;
  disclosure_kind: "budget" | "final" | null;
  anchor: string | null;
  title: string;
  context: string | null;
  amount: string | null;
  rank: number;
  department_name: string;
  region_name: string;
  /** Title and body with MARK_START/MARK_END around matched words, words joined by U+001F. */
  title_marked: string;
  body_marked: string | null;
  /** The snippet begins where the text begins (else it is cut from the middle). */
  body_from_start: boolean;
}

/** The match and the filters as one tsquery (filter keys as lexemes, read by the GIN index). */
function where(spec: Pick<SearchSpec, "match" | "filters">): RawBuilder<boolean> {
  const f = spec.filters;
  const keys = [
    ...(f.type ? [key.type(f.type)] : []),
    ...(f.year === undefined ? [] : [key.year(f.year)]),
    ...(f.kind ? [key.kind(f.kind)] : []),
    ...(f.regionPath ? [key.region(f.regionPath.split("/").filter(Boolean).at(-1)!)] : []),
  ];
  const match = sql`to_tsquery('simple', ${spec.match})`;
  if (!keys.length) return sql<boolean>`s.tsv @@ ${match}`;
  // A tsquery literal, not parsed: the keys' "@" stays.
  const filters = keys.map((k) => `'${k}'`).join(" & ");
  return sql<boolean>`s.tsv @@ (${match} && ${filters}::tsquery)`;
}

/**
 * The most matches a search reads: ranking and facet counts cost a little
 * for every match, so a word found everywhere (经费) is ranked among its
 * first MATCH_CAP matches (and a title equal to the query), and its counts
 * say "more than". Anything more specific is ranked and counted exactly.
 */
export const MATCH_CAP = 2000;

const MARKS = MARK_START + MARK_END;
const HEADLINE_TITLE = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`;
const HEADLINE_BODY = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=36, MinWords=12, ShortWord=0, MaxFragments=2, FragmentDelimiter=${FRAGMENT_GAP}`;

/**
 * One page of matches, best first, marked (ranked among at most MATCH_CAP
 * matches and every title equal to the query). Names weigh most (A), context less
 * (B), running text least (C); ts_rank's length normalisation (1) lets a short
 * name beat a long paragraph; each kind has a factor (a section of the
 * explanation is the vaguest hit), and a title equal to the query comes
 * first. Matches are read once (rank computed as they are read); only the
 * page's rows are read again for display and marked (ts_headline re-reads
 * their text).
 */
const rank = (spec: SearchSpec) => sql`
  ts_rank('{0.05, 0.2, 0.4, 1.0}', s.tsv, to_tsquery('simple', ${spec.match}), 1)
    * (case s.kind when 'department' then 1.5 when 'disclosure' then 1.2
       when 'paragraph' then 0.5 else 1.0 end)
    + (case when s.title = ${spec.exact} then 1 else 0 end)`;

export async function searchHits(db: Db, spec: SearchSpec): Promise<SearchHit[]> {
  const result = await sql<SearchHit>`
    with ranked as materialized (
      (select s.id, ${rank(spec)} as rank from search_doc s where ${where(spec)} limit ${MATCH_CAP})
      union
      (select s.id, ${rank(spec)} as rank from search_doc s
       where s.title = ${spec.exact} and ${where(spec)})
    ), page as (
      select id, max(rank) as rank from ranked group by id
      order by rank desc, id
      limit ${spec.limit} offset ${spec.offset}
    ), hits as (
      select s.id, s.kind, s.department_id, s.region_id, s.disclosure_id, s.year,
             s.disclosure_kind, s.anchor, s.title, s.title_seg, s.context, s.body_seg,
             s.amount::text as amount, p.rank
      from page p join search_doc s on s.id = p.id
    )
    select h.id, h.kind, h.department_id, h.region_id, h.disclosure_id, h.year, h.disclosure_kind,
           h.anchor, h.title, h.context, h.amount, h.rank::float8 as rank,
           dep.name as department_name, r.name as region_name,
           ts_headline('simple', h.title_seg, q.query, ${HEADLINE_TITLE}) as title_marked,
           b.marked as body_marked,
           coalesce(left(h.body_seg, 24) = left(translate(b.marked, ${MARKS}, ''), 24), true)
             as body_from_start
    from hits h
    join department dep on dep.id = h.department_id
    join region r on r.id = h.region_id
    cross join to_tsquery('simple', ${spec.highlight}) as q(query)
    cross join lateral (
      select case when h.body_seg = '' then null
                  else ts_headline('simple', h.body_seg, q.query, ${HEADLINE_BODY}) end as marked
    ) b
    order by h.rank desc, h.id
  `.execute(db);
  return result.rows;
}

export interface FacetRow {
  facet: "type" | "year" | "kind" | "region";
  value: string | null;
  label: string | null;
  count: number;
}

/**
 * Every facet's counts in one pass (grouping sets) over the matches with the
 * filters applied (at most MATCH_CAP + 1 of them: more are "more than" MATCH_CAP). Regions are counted one level below the chosen region (or
 * at the top): the next id in each match's region path.
 */
export async function searchFacets(
  db: Db,
  spec: Pick<SearchSpec, "match" | "filters">,
): Promise<FacetRow[]> {
  const depth = spec.filters.regionPath?.split("/").filter(Boolean).length ?? 0;
  const regionKey = sql`split_part(s.region_path, '/', ${sql.lit(depth + 2)})`;
  const result = await sql<FacetRow>`
    with matches as materialized (
      select s.kind, s.year, s.disclosure_kind, s.region_path from search_doc s
      where ${where(spec)} limit ${MATCH_CAP + 1}
    ), counted as (
      select s.kind, s.year, s.disclosure_kind,
             ${regionKey} as region_key,
             grouping(s.kind) as gk, grouping(s.year) as gy, grouping(s.disclosure_kind) as gd,
             count(*)::int as n
      from matches s
      group by grouping sets ((s.kind), (s.year), (s.disclosure_kind), (${regionKey}))
    )
    select case when gk = 0 then 'type' when gy = 0 then 'year' when gd = 0 then 'kind'
                else 'region' end as facet,
           case when gk = 0 then c.kind when gy = 0 then c.year::text
                when gd = 0 then c.disclosure_kind else c.region_key end as value,
           r.name as label, c.n as count
    from counted c
    left join region r on gk = 1 and gy = 1 and gd = 1 and c.region_key <> ''
      and r.id::text = c.region_key
    order by facet, count desc, value
  `.execute(db);
  return result.rows;
}
