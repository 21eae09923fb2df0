/**
 * Queries on versions: storing one with its files (bytes content-addressed,
 * stored once), conditional state changes (UPDATE … WHERE state IN … RETURNING,
 * so of two concurrent actors exactly one wins), history and responses.
 */
import { createHash } from "node:crypto";
import { sql, type Updateable } from "kysely";
import type { VersionState, VersionTable, VersionRow } from "../schema.ts";
import type { Db } from "./catalogue.ts";

export const OPEN_STATES: VersionState[] = [
  "draft",
  "submitted",
  "returned",
  "approved",
  "scheduled",
];
export const PUBLIC_STATES: VersionState[] = ["published", "superseded", "withdrawn"];

export interface StoredFile {
  name: string;
  bytes: Uint8Array;
  role?: string;
}

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash("sha256").update(bytes).digest("hex");

/** Stores the bytes once under their sha256; returns the hash. */
export async function putBlob(db: Db, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await db
    .insertInto("blob")
    .values({ sha256, size: bytes.length, bytes })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
  return sha256;
}

export async function blobExists(db: Db, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom("blob")
    .select("sha256")
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  return row !== undefined;
}

export interface VersionContent {
  canonical: string;
  diagnostics: unknown[];
  report: unknown;
  narrative: unknown[];
  counts: { error: number; warning: number; info: number };
}

export async function insertVersion(
  db: Db,
  input: {
    disclosureId: number;
    state: VersionState;
    content: VersionContent;
    files: StoredFile[];
    createdBy: string;
    correctionNote?: string | null;
    correctsId?: number | null;
    publishedAt?: Date | null;
  },
): Promise<VersionRow> {
  const last = await db
    .selectFrom("version")
    .select(sql<number>`coalesce(max(number), 0)`.as("n"))
    .where("disclosure_id", "=", input.disclosureId)
    .executeTakeFirstOrThrow();
  const c = input.content;
  const row = await db
    .insertInto("version")
    .values({
      disclosure_id: input.disclosureId,
      number: Number(last.n) + 1,
      state: input.state,
      canonical: c.canonical,
      diagnostics: JSON.stringify(c.diagnostics),
      report: JSON.stringify(c.report),
      narrative: JSON.stringify(c.narrative),
      error_count: c.counts.error,
      warning_count: c.counts.warning,
      info_count: c.counts.info,
      correction_note: input.correctionNote ?? null,
      corrects_id: input.correctsId ?? null,
      published_at: input.publishedAt ?? null,
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const [position, file] of input.files.entries()) {
    const sha256 = await putBlob(db, file.bytes);
    await db
      .insertInto("version_file")
      .values({
        version_id: row.id,
        position,
        sha256,
        file_name: file.name,
        role: file.role ?? null,
      })
      .execute();
  }
  return row;
}

/** Moves the version from one of `from` to a new state; undefined when it was not in `from`. */
export function transitionVersion(
  db: Db,
  id: number,
  from: VersionState[],
  set: Updateable<VersionTable>,
): Promise<VersionRow | undefined> {
  return db
    .updateTable("version")
    .set({ ...set, updated_at: new Date() })
    .where("id", "=", id)
    .where("state", "in", from)
    .returningAll()
    .executeTakeFirst();
}

export async function recordEvent(
  db: Db,
  e: {
    versionId: number;
    action: string;
    from: string | null;
    to: string;
    actor: string;
    comment?: string | null;
  },
): Promise<void> {
  await db
    .insertInto("version_event")
    .values({
      version_id: e.versionId,
      action: e.action,
      from_state: e.from,
      to_state: e.to,
      actor: e.actor,
      comment: e.comment ?? null,
    })
    .execute();
}

/** A version with where it belongs (department, region path), for permission checks. */
export function versionWithOwner(db: Db, id: number) {
  return db
    .selectFrom("version as v")
    .innerJoin("disclosure as d", "d.id", "v.disclosure_id")
    .innerJoin("department as dep", "dep.id", "d.department_id")
    .selectAll("v")
    .select(["d.department_id", "d.year", "d.kind", "dep.region_id"])
    .where("v.id", "=", id)
    .executeTakeFirst();
}

/** Whether the disclosure (department × year × kind) has a published version: an upload there is a correction. */
export async function hasPublished(
  db: Db,
  key: { departmentId: number; year: number; kind: "budget" | "final" },
): Promise<boolean> {
  const row = await db
    .selectFrom("version as v")
    .innerJoin("disclosure as d", "d.id", "v.disclosure_id")
    .select("v.id")
    .where("d.department_id", "=", key.departmentId)
    .where("d.year", "=", key.year)
    .where("d.kind", "=", key.kind)
    .where("v.state", "=", "published")
    .executeTakeFirst();
  return row !== undefined;
}

/** A version's columns without its content (JSON, report, narrative): what lists and histories show. */
export const SUMMARY_COLUMNS = [
  "id",
  "disclosure_id",
  "number",
  "state",
  "error_count",
  "warning_count",
  "info_count",
  "correction_note",
  "corrects_id",
  "publish_at",
  "published_at",
  "superseded_at",
  "withdrawn_at",
  "withdrawn_reason",
  "created_at",
  "updated_at",
] as const;

export function versionsOf(db: Db, disclosureId: number, states?: VersionState[]) {
  let q = db
    .selectFrom("version")
    .select(SUMMARY_COLUMNS)
    .where("disclosure_id", "=", disclosureId);
  if (states) q = q.where("state", "in", states);
  return q.orderBy("number").execute();
}

export function filesOf(db: Db, versionId: number) {
  return db
    .selectFrom("version_file as f")
    .innerJoin("blob as b", "b.sha256", "f.sha256")
    .select(["f.position", "f.file_name", "f.role", "f.sha256", "b.size"])
    .where("f.version_id", "=", versionId)
    .orderBy("f.position")
    .execute();
}

export function fileBytes(db: Db, versionId: number, position: number) {
  return db
    .selectFrom("version_file as f")
    .innerJoin("blob as b", "b.sha256", "f.sha256")
    .select(["f.file_name", "f.sha256", "f.role", "b.bytes"])
    .where("f.version_id", "=", versionId)
    .where("f.position", "=", position)
    .executeTakeFirst();
}

export function eventsOf(db: Db, versionId: number) {
  return db
    .selectFrom("version_event")
    .selectAll()
    .where("version_id", "=", versionId)
    .orderBy("id")
    .execute();
}

export function responsesOf(db: Db, versionId: number) {
  return db
    .selectFrom("finding_response")
    .selectAll()
    .where("version_id", "=", versionId)
    .orderBy("finding_index")
    .execute();
}

export async function upsertResponse(
  db: Db,
  r: { versionId: number; index: number; rule: string; response: string; actor: string },
): Promise<void> {
  await db
    .insertInto("finding_response")
    .values({
      version_id: r.versionId,
      finding_index: r.index,
      rule: r.rule,
      response: r.response,
      actor: r.actor,
    })
    .onConflict((oc) =>
      oc.columns(["version_id", "finding_index"]).doUpdateSet({
        response: r.response,
        actor: r.actor,
        at: new Date(),
      }),
    )
    .execute();
}
