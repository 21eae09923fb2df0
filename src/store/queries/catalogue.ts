/** Queries on regions (a tree with materialised paths), departments and disclosures. */
import { type Kysely, sql } from "kysely";
import type { Database, RegionLevel, RegionRow, DepartmentRow, DisclosureRow } from "../schema.ts";

export type Db = Kysely<Database>;

export interface RegionInput {
  name: string;
  level: RegionLevel;
  code?: string | null;
  parentId?: number | null;
}

/** The region named so under that parent, created when missing (safe under concurrency). */
export async function ensureRegion(db: Db, input: RegionInput): Promise<RegionRow> {
  const existing = await findRegion(db, input.name, input.parentId ?? null);
  if (existing) return existing;
  const code = input.code && !(await regionByCode(db, input.code)) ? input.code : null;
  await db
    .insertInto("region")
    .values({ name: input.name, level: input.level, code, parent_id: input.parentId ?? null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await findRegion(db, input.name, input.parentId ?? null);
  if (!row) throw new Error(`region ${input.name} not created`);
  return row;
}

export function findRegion(db: Db, name: string, parentId: number | null) {
  return db
    .selectFrom("region")
    .selectAll()
    .where("name", "=", name)
    .where(sql<boolean>`coalesce(parent_id, 0) = ${parentId ?? 0}`)
    .executeTakeFirst();
}

export function regionById(db: Db, id: number) {
  return db.selectFrom("region").selectAll().where("id", "=", id).executeTakeFirst();
}

export function regionByCode(db: Db, code: string) {
  return db.selectFrom("region").selectAll().where("code", "=", code).executeTakeFirst();
}

export function childRegions(db: Db, parentId: number | null) {
  let q = db.selectFrom("region").selectAll();
  q = parentId === null ? q.where("parent_id", "is", null) : q.where("parent_id", "=", parentId);
  return q.orderBy("code").orderBy("name").execute();
}

/** The region and every region above it, from the top. */
export async function regionAncestry(db: Db, id: number): Promise<RegionRow[]> {
  const region = await regionById(db, id);
  if (!region) return [];
  const ids = region.path.split("/").filter(Boolean).map(Number);
  const rows = await db.selectFrom("region").selectAll().where("id", "in", ids).execute();
  return ids.map((i) => rows.find((r) => r.id === i)!).filter(Boolean);
}

/** True when `inner` is `outer` or lies under it. */
export async function regionWithin(db: Db, inner: number, outer: number): Promise<boolean> {
  const row = await db
    .selectFrom("region as i")
    .innerJoin("region as o", (j) => j.on("o.id", "=", outer))
    .select(sql<boolean>`i.path like o.path || '%'`.as("within"))
    .where("i.id", "=", inner)
    .executeTakeFirst();
  return row?.within === true;
}

export async function ensureDepartment(
  db: Db,
  input: { regionId: number; name: string; code?: string | null },
): Promise<DepartmentRow> {
  await db
    .insertInto("department")
    .values({ region_id: input.regionId, name: input.name, code: input.code ?? null })
    .onConflict((oc) => oc.columns(["region_id", "name"]).doNothing())
    .execute();
  return db
    .selectFrom("department")
    .selectAll()
    .where("region_id", "=", input.regionId)
    .where("name", "=", input.name)
    .executeTakeFirstOrThrow();
}

export function departmentById(db: Db, id: number) {
  return db.selectFrom("department").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function ensureUnits(
  db: Db,
  departmentId: number,
  units: { name?: string; code?: string }[],
): Promise<void> {
  const rows = units
    .filter((u) => u.name)
    .map((u) => ({ department_id: departmentId, name: u.name!, code: u.code ?? null }));
  if (rows.length === 0) return;
  await db
    .insertInto("unit")
    .values(rows)
    .onConflict((oc) => oc.columns(["department_id", "name"]).doNothing())
    .execute();
}

/** The disclosure (department × year × kind), created when missing, locked for this transaction. */
export async function ensureDisclosureLocked(
  db: Db,
  input: { departmentId: number; year: number; kind: "budget" | "final" },
): Promise<DisclosureRow> {
  await db
    .insertInto("disclosure")
    .values({ department_id: input.departmentId, year: input.year, kind: input.kind })
    .onConflict((oc) => oc.columns(["department_id", "year", "kind"]).doNothing())
    .execute();
  return db
    .selectFrom("disclosure")
    .selectAll()
    .where("department_id", "=", input.departmentId)
    .where("year", "=", input.year)
    .where("kind", "=", input.kind)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Disclosures joined to their department and region (aliases d, dep, r). */
export function disclosureOwners(db: Db) {
  return db
    .selectFrom("disclosure as d")
    .innerJoin("department as dep", "dep.id", "d.department_id")
    .innerJoin("region as r", "r.id", "dep.region_id");
}

/** Versions joined to their disclosure, department and region (aliases v, d, dep, r). */
export function versionOwners(db: Db) {
  return disclosureOwners(db).innerJoin("version as v", "v.disclosure_id", "d.id");
}

/** What a listing names a disclosure by: its department and region, year and kind. */
export const OWNER_COLUMNS = [
  "d.id",
  "d.department_id",
  "dep.name as dep_name",
  "dep.region_id",
  "r.name as region_name",
  "d.year",
  "d.kind",
] as const;

export function disclosureById(db: Db, id: number) {
  return db.selectFrom("disclosure").selectAll().where("id", "=", id).executeTakeFirst();
}
