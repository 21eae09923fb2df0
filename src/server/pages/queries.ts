/**
 * Read-only aggregates the public pages need and the service layer does not
 * offer (coverage by region and year, the latest publications). They count
 * only what the public may see: a disclosure counts as published when one of
 * its versions is in the `published` state.
 */
import { sql } from "kysely";
import type { Store } from "../../store/index.ts";
import { versionOwners } from "../../store/queries/catalogue.ts";

export interface Coverage {
  regionId: number;
  regionName: string;
  regionCode: string | null;
  level: string;
  /** Departments known in the region and every region under it (应公开). */
  departments: number;
  /** Per year and kind: departments with a published disclosure (已公开). */
  years: { year: number; kind: "budget" | "final"; published: number }[];
}

/** Coverage of each region directly under `parentId` (null: the top level), subtrees included. */
export async function coverageOf(store: Store, parentId: number | null): Promise<Coverage[]> {
  const db = store.db;
  let top = db.selectFrom("region as r");
  top =
    parentId === null
      ? top.where("r.parent_id", "is", null)
      : top.where("r.parent_id", "=", parentId);
  const regions = await top
    .leftJoin("region as sub", (j) => j.on(sql<boolean>`sub.path like r.path || '%'`))
    .leftJoin("department as dep", "dep.region_id", "sub.id")
    .select([
      "r.id",
      "r.name",
      "r.code",
      "r.level",
      sql<number>`count(distinct dep.id)::int`.as("departments"),
    ])
    .groupBy(["r.id", "r.name", "r.code", "r.level"])
    .orderBy("r.code")
    .orderBy("r.name")
    .execute();
  if (!regions.length) return [];
  const published = await db
    .selectFrom("region as r")
    .innerJoin("region as sub", (j) => j.on(sql<boolean>`sub.path like r.path || '%'`))
    .innerJoin("department as dep", "dep.region_id", "sub.id")
    .innerJoin("disclosure as d", "d.department_id", "dep.id")
    .where(
      "r.id",
      "in",
      regions.map((r) => r.id),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("version as v")
          .select("v.id")
          .whereRef("v.disclosure_id", "=", "d.id")
          .where("v.state", "=", "published"),
      ),
    )
    .select(["r.id", "d.year", "d.kind", sql<number>`count(distinct dep.id)::int`.as("published")])
    .groupBy(["r.id", "d.year", "d.kind"])
    .orderBy("d.year", "desc")
    .execute();
  return regions.map((r) => ({
    regionId: r.id,
    regionName: r.name,
    regionCode: r.code,
    level: r.level,
    departments: r.departments,
    years: published
      .filter((p) => p.id === r.id)
      .map((p) => ({ year: p.year, kind: p.kind, published: p.published })),
  }));
}

export interface Publication {
  versionId: number;
  disclosureId: number;
  number: number;
  year: number;
  kind: "budget" | "final";
  departmentId: number;
  departmentName: string;
  regionId: number;
  regionName: string;
  publishedAt: Date;
  correctionNote: string | null;
}

/** The most recently published versions still in force (corrections included), newest first. */
export async function latestPublications(store: Store, limit = 10): Promise<Publication[]> {
  const rows = await versionOwners(store.db)
    .where("v.state", "=", "published")
    .where("v.published_at", "is not", null)
    .select([
      "v.id",
      "v.disclosure_id",
      "v.number",
      "d.year",
      "d.kind",
      "dep.id as dep_id",
      "dep.name as dep_name",
      "r.id as region_id",
      "r.name as region_name",
      "v.published_at",
      "v.correction_note",
    ])
    .orderBy("v.published_at", "desc")
    .orderBy("v.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    versionId: r.id,
    disclosureId: r.disclosure_id,
    number: r.number,
    year: r.year,
    kind: r.kind,
    departmentId: r.dep_id,
    departmentName: r.dep_name,
    regionId: r.region_id,
    regionName: r.region_name,
    publishedAt: r.published_at!,
    correctionNote: r.correction_note,
  }));
}

/** Totals of the whole store for the home page's headline. */
export async function totals(
  store: Store,
): Promise<{ regions: number; departments: number; disclosures: number }> {
  const row = await store.db
    .selectNoFrom([
      sql<number>`(select count(*)::int from region)`.as("regions"),
      sql<number>`(select count(*)::int from department)`.as("departments"),
      sql<number>`(select count(distinct disclosure_id)::int from version where state = 'published')`.as(
        "disclosures",
      ),
    ])
    .executeTakeFirstOrThrow();
  return row;
}
