/**
 * Keeping the search index in step with the workflow: a version entering
 * `published` replaces its disclosure's rows (so a correction replaces what
 * it corrects), a withdrawn version's rows go, and a department is findable
 * while it has a published disclosure. Called inside the workflow's
 * transactions, so the index never shows what the store does not publish.
 */
import type { Kysely } from "kysely";
import { type SearchEntry, disclosureEntries, departmentEntry } from "../search/documents.ts";
import type { Disclosure } from "../model/disclosure.ts";
import type { Store } from "../store/index.ts";
import type { Database } from "../store/schema.ts";
import { regionAncestry, versionOwners } from "../store/queries/catalogue.ts";
import * as sq from "../store/queries/search.ts";

type Db = Kysely<Database>;

async function ownerOf(db: Db, versionId: number) {
  const v = await versionOwners(db)
    .select([
      "v.id",
      "v.state",
      "v.canonical",
      "d.id as disclosure_id",
      "d.year",
      "d.kind",
      "dep.id as department_id",
      "dep.name as department_name",
      "r.id as region_id",
      "r.path as region_path",
    ])
    .where("v.id", "=", versionId)
    .executeTakeFirst();
  if (!v) return undefined;
  const regionNames = (await regionAncestry(db, v.region_id)).map((r) => r.name);
  return { ...v, regionNames };
}

/**
 * Indexes a published version as its disclosure's current one (and its
 * department). `content`: the version's contentEntries, when computed already.
 */
export async function indexPublishedVersion(
  db: Db,
  versionId: number,
  content?: SearchEntry[],
): Promise<void> {
  const v = await ownerOf(db, versionId);
  if (!v || v.state !== "published") return;
  const owner = {
    departmentId: v.department_id,
    regionId: v.region_id,
    regionPath: v.region_path,
  };
  const entryOwner = {
    departmentName: v.department_name,
    regionNames: v.regionNames,
    year: v.year,
    kind: v.kind,
  };
  const entries = disclosureEntries(JSON.parse(v.canonical) as Disclosure, entryOwner, content);
  await sq.replaceDisclosureRows(
    db,
    { ...owner, disclosureId: v.disclosure_id, versionId: v.id, year: v.year, kind: v.kind },
    entries,
  );
  await sq.replaceDepartmentRow(db, owner, departmentEntry(v.department_name, v.regionNames));
}

/** Takes a version that is no longer public out of the index. */
export async function unindexVersion(db: Db, versionId: number): Promise<void> {
  const v = await ownerOf(db, versionId);
  if (!v) return;
  await sq.removeVersionRows(db, versionId);
  await sq.pruneDepartmentRow(db, v.department_id);
}

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * Re-indexes the whole store: every published version, in transactions of a
 * few versions each (the index is complete again when it returns; searches
 * meanwhile see part of it).
 */
export async function rebuildSearchIndex(
  store: Store,
  onProgress?: (p: RebuildProgress) => void,
): Promise<{ versions: number; rows: number }> {
  const ids = (
    await store.db
      .selectFrom("version")
      .select("id")
      .where("state", "=", "published")
      .orderBy("id")
      .execute()
  ).map((r) => r.id);
  await sq.clearSearchIndex(store.db);
  const BATCH = 20;
  for (let i = 0; i < ids.length; i += BATCH) {
    await store.db.transaction().execute(async (trx) => {
      for (const id of ids.slice(i, i + BATCH)) await indexPublishedVersion(trx, id);
    });
    onProgress?.({ done: Math.min(i + BATCH, ids.length), total: ids.length });
  }
  return { versions: ids.length, rows: await countSearchRows(store) };
}

export async function countSearchRows(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom("search_doc")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** True when published versions exist but the index is empty (a store from before search). */
export async function searchIndexMissing(store: Store): Promise<boolean> {
  const [indexed, published] = await Promise.all([
    store.db.selectFrom("search_doc").select("id").limit(1).executeTakeFirst(),
    store.db
      .selectFrom("version")
      .select("id")
      .where("state", "=", "published")
      .limit(1)
      .executeTakeFirst(),
  ]);
  return !indexed && !!published;
}
