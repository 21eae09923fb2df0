/** Queries on approval dates (批复日期): one per region × year × kind, or one disclosure's own. */
import type { Db } from "./catalogue.ts";

export interface ApprovalKey {
  regionId: number;
  year: number;
  kind: "budget" | "final";
}

/** The date recorded for exactly this key (or this disclosure), if any. */
export function approvalOf(db: Db, key: ApprovalKey, disclosureId: number | null) {
  let q = db
    .selectFrom("approval_date")
    .select(["id", "approved_on"])
    .where("region_id", "=", key.regionId)
    .where("year", "=", key.year)
    .where("kind", "=", key.kind);
  q =
    disclosureId === null
      ? q.where("disclosure_id", "is", null)
      : q.where("disclosure_id", "=", disclosureId);
  return q.executeTakeFirst();
}

/** Records (or replaces) the date; returns the row's id. */
export async function putApproval(
  db: Db,
  key: ApprovalKey,
  disclosureId: number | null,
  approvedOn: string,
  recordedBy: string,
): Promise<number> {
  const existing = await approvalOf(db, key, disclosureId);
  if (existing) {
    await db
      .updateTable("approval_date")
      .set({ approved_on: approvedOn, recorded_by: recordedBy, recorded_at: new Date() })
      .where("id", "=", existing.id)
      .execute();
    return existing.id;
  }
  const row = await db
    .insertInto("approval_date")
    .values({
      region_id: key.regionId,
      year: key.year,
      kind: key.kind,
      disclosure_id: disclosureId,
      approved_on: approvedOn,
      recorded_by: recordedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every date of a year and kind for the regions given (their own rows and disclosure rows). */
export function approvalsFor(db: Db, regionIds: number[], year: number, kind: "budget" | "final") {
  if (!regionIds.length) return Promise.resolve([]);
  return db
    .selectFrom("approval_date")
    .select(["region_id", "disclosure_id", "approved_on", "recorded_at"])
    .where("region_id", "in", regionIds)
    .where("year", "=", year)
    .where("kind", "=", kind)
    .execute();
}
