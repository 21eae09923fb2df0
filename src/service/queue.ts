/**
 * The working lists: the versions in the actor's scope (an officer's
 * department, a finance role's region and the regions under it) in the
 * states asked for — a reviewer's queue is the submitted versions, oldest
 * first, then what awaits publication; an officer's list is their
 * department's versions.
 */
import type { Store } from "../store/index.ts";
import { versionOwners } from "../store/queries/catalogue.ts";
import type { VersionState } from "../store/schema.ts";
import type { Actor } from "./actor.ts";
import { hasRole } from "./policy.ts";
import { type Eb, staffScope } from "./reads.ts";

export interface WorkItem {
  versionId: number;
  number: number;
  state: VersionState;
  counts: { error: number; warning: number; info: number };
  disclosureId: number;
  departmentName: string;
  regionName: string;
  year: number;
  kind: "budget" | "final";
  correctionNote: string | null;
  publishAt: Date | null;
  /** When the version last changed state (submitted, approved …). */
  updatedAt: Date;
}

export async function listWork(
  store: Store,
  actor: Actor,
  states: readonly VersionState[],
  order: "oldest" | "newest" = "oldest",
): Promise<WorkItem[]> {
  if (!hasRole(actor, "readUnpublished") || states.length === 0) return [];
  const scope = await staffScope(store, actor);
  const rows = await versionOwners(store.db)
    .where((eb) => scope(eb as unknown as Eb))
    .where("v.state", "in", [...states])
    .select([
      "v.id",
      "v.number",
      "v.state",
      "v.error_count",
      "v.warning_count",
      "v.info_count",
      "v.correction_note",
      "v.publish_at",
      "v.updated_at",
      "d.id as disclosure_id",
      "d.year",
      "d.kind",
      "dep.name as dep_name",
      "r.name as region_name",
    ])
    .orderBy("v.updated_at", order === "oldest" ? "asc" : "desc")
    .orderBy("v.id")
    .limit(500)
    .execute();
  return rows.map((r) => ({
    versionId: r.id,
    number: r.number,
    state: r.state,
    counts: { error: r.error_count, warning: r.warning_count, info: r.info_count },
    disclosureId: r.disclosure_id,
    departmentName: r.dep_name,
    regionName: r.region_name,
    year: r.year,
    kind: r.kind,
    correctionNote: r.correction_note,
    publishAt: r.publish_at,
    updatedAt: r.updated_at,
  }));
}
