/** Regions and departments: public listings, and creation by administrators (audited). */
import { sql } from "kysely";
import type { Store } from "../store/index.ts";
import { appendAudit } from "../store/audit.ts";
import { REGION_LEVELS, type RegionLevel, type RegionRow } from "../store/schema.ts";
import * as q from "../store/queries/catalogue.ts";
import { type Actor, actorLabel } from "./actor.ts";
import { ServiceError, forbidden, notFound } from "./errors.ts";
import { requireRegion, requireRole } from "./policy.ts";
import { type Page, type PageRequest, pageOf } from "./page.ts";

export interface Region {
  id: number;
  parentId: number | null;
  code: string | null;
  name: string;
  level: RegionLevel;
}

export interface Department {
  id: number;
  regionId: number;
  name: string;
  code: string | null;
}

export const toRegion = (r: RegionRow): Region => ({
  id: r.id,
  parentId: r.parent_id,
  code: r.code,
  name: r.name,
  level: r.level,
});

function cleanName(name: string | undefined, what: string): string {
  const n = name?.trim();
  if (!n) throw new ServiceError("INVALID_INPUT", `${what}名称不能为空（name required）`);
  if (n.length > 200) throw new ServiceError("INVALID_INPUT", `${what}名称过长（name too long）`);
  return n;
}

export async function createRegion(
  store: Store,
  actor: Actor,
  input: { name: string; level: RegionLevel; code?: string; parentId?: number | null },
): Promise<Region> {
  const name = cleanName(input.name, "地区");
  if (!REGION_LEVELS.includes(input.level)) {
    throw new ServiceError("INVALID_INPUT", `未知的地区级别：${input.level}（unknown level）`);
  }
  if (input.parentId == null) {
    // A top-level region (province, 中央) only by the system administrator.
    requireRole(actor, "manageCatalogue");
    if (!actor.roles.includes("sysadmin")) throw forbidden("创建省级地区");
  } else {
    if (!(await q.regionById(store.db, input.parentId))) throw notFound("上级地区", input.parentId);
    await requireRegion(store, actor, "manageCatalogue", input.parentId);
  }
  if (input.code && (await q.regionByCode(store.db, input.code))) {
    throw new ServiceError("DUPLICATE", `行政区划代码已存在：${input.code}（duplicate code）`);
  }
  return store.db.transaction().execute(async (trx) => {
    const row = await q.ensureRegion(trx, { ...input, name });
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: "region.create",
      subject: `region:${row.id}`,
      detail: {
        name,
        level: input.level,
        code: input.code ?? null,
        parentId: input.parentId ?? null,
      },
    });
    return toRegion(row);
  });
}

export async function createDepartment(
  store: Store,
  actor: Actor,
  input: { regionId: number; name: string; code?: string },
): Promise<Department> {
  const name = cleanName(input.name, "部门");
  if (!(await q.regionById(store.db, input.regionId))) throw notFound("地区", input.regionId);
  await requireRegion(store, actor, "manageCatalogue", input.regionId);
  return store.db.transaction().execute(async (trx) => {
    const row = await q.ensureDepartment(trx, { ...input, name });
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: "department.create",
      subject: `department:${row.id}`,
      detail: { name, regionId: input.regionId, code: input.code ?? null },
    });
    return { id: row.id, regionId: row.region_id, name: row.name, code: row.code };
  });
}

/** Regions directly under `parentId` (null: the top level). Public. */
export async function listRegions(store: Store, parentId: number | null = null): Promise<Region[]> {
  return (await q.childRegions(store.db, parentId)).map(toRegion);
}

/** One region with the chain of regions above it (top first). Public. */
export async function getRegion(
  store: Store,
  id: number,
): Promise<Region & { ancestors: Region[]; children: Region[] }> {
  const chain = await q.regionAncestry(store.db, id);
  if (chain.length === 0) throw notFound("地区", id);
  const self = chain.at(-1)!;
  const children = await q.childRegions(store.db, id);
  return {
    ...toRegion(self),
    ancestors: chain.slice(0, -1).map(toRegion),
    children: children.map(toRegion),
  };
}

/** Departments of a region (with `subtree`, of every region under it too). Public. */
export async function listDepartments(
  store: Store,
  filter: { regionId?: number; subtree?: boolean } & PageRequest = {},
): Promise<Page<Department & { regionName: string }>> {
  let base = store.db.selectFrom("department as d").innerJoin("region as r", "r.id", "d.region_id");
  if (filter.regionId !== undefined) {
    if (filter.subtree) {
      const region = await q.regionById(store.db, filter.regionId);
      if (!region) throw notFound("地区", filter.regionId);
      base = base.where("r.path", "like", `${region.path}%`);
    } else base = base.where("d.region_id", "=", filter.regionId);
  }
  const { limit, offset } = pageOf(filter);
  const [rows, total] = await Promise.all([
    base
      .select(["d.id", "d.region_id", "d.name", "d.code", "r.name as region_name"])
      .orderBy("d.region_id")
      .orderBy("d.name")
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      regionId: r.region_id,
      name: r.name,
      code: r.code,
      regionName: r.region_name,
    })),
    total: total.n,
    limit,
    offset,
  };
}

export async function getDepartment(store: Store, id: number): Promise<Department> {
  const row = await q.departmentById(store.db, id);
  if (!row) throw notFound("部门", id);
  return { id: row.id, regionId: row.region_id, name: row.name, code: row.code };
}
