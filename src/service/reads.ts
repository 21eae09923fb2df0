/**
 * Reading disclosures and versions. The public sees published, superseded and
 * withdrawn versions (a withdrawn one by its history and reason, not its
 * content); staff also see unpublished versions of what their scope covers.
 */
import { type ExpressionBuilder, sql } from "kysely";
import type { Store } from "../store/index.ts";
import type { Database, VersionState } from "../store/schema.ts";
import { OWNER_COLUMNS, disclosureOwners, regionById } from "../store/queries/catalogue.ts";
import * as vq from "../store/queries/versions.ts";
import type { Actor } from "./actor.ts";
import {
  type CheckReport,
  type Disclosure,
  type NarrativeLine,
  checkDisclosure,
} from "./engine.ts";
import type { StoredReport } from "./engine.ts";
import { ServiceError, notFound } from "./errors.ts";
import { coversDepartment, hasRole } from "./policy.ts";
import { type Page, type PageRequest, pageOf } from "./page.ts";

export interface DisclosureFilter extends PageRequest {
  regionId?: number;
  /** With regionId: include every region under it. */
  subtree?: boolean;
  departmentId?: number;
  year?: number;
  kind?: "budget" | "final";
}

export interface VersionSummary {
  id: number;
  number: number;
  state: VersionState;
  counts: { error: number; warning: number; info: number };
  correctionNote: string | null;
  correctsId: number | null;
  publishAt: Date | null;
  publishedAt: Date | null;
  supersededAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  createdAt: Date;
}

export interface DisclosureItem {
  id: number;
  departmentId: number;
  departmentName: string;
  regionId: number;
  regionName: string;
  year: number;
  kind: "budget" | "final";
  /** The newest version the actor may see (for the public: the newest public one). */
  latest: VersionSummary | null;
}

export type Eb = ExpressionBuilder<
  Database & { d: Database["disclosure"]; dep: Database["department"]; r: Database["region"] },
  "d" | "dep" | "r"
>;

/** SQL condition: the actor may see this disclosure's unpublished versions. */
export async function staffScope(store: Store, actor: Actor) {
  if (!hasRole(actor, "readUnpublished")) return (_eb: Eb) => sql<boolean>`false`;
  if (actor.roles.includes("sysadmin")) return (_eb: Eb) => sql<boolean>`true`;
  const region = actor.scope.regionId
    ? await regionById(store.db, actor.scope.regionId)
    : undefined;
  const dep = actor.scope.departmentId ?? -1;
  if (!region) return (eb: Eb) => eb("dep.id", "=", dep);
  return (eb: Eb) => eb.or([eb("dep.id", "=", dep), eb("r.path", "like", `${region.path}%`)]);
}

export async function listDisclosures(
  store: Store,
  actor: Actor,
  filter: DisclosureFilter = {},
): Promise<Page<DisclosureItem>> {
  const { limit, offset } = pageOf(filter);
  const staff = await staffScope(store, actor);
  let base = disclosureOwners(store.db).where((eb) =>
    eb.or([
      staff(eb as Eb),
      eb.exists(
        eb
          .selectFrom("version as pv")
          .select("pv.id")
          .whereRef("pv.disclosure_id", "=", "d.id")
          .where("pv.state", "in", vq.PUBLIC_STATES),
      ),
    ]),
  );
  if (filter.departmentId !== undefined)
    base = base.where("d.department_id", "=", filter.departmentId);
  if (filter.year !== undefined) base = base.where("d.year", "=", filter.year);
  if (filter.kind !== undefined) base = base.where("d.kind", "=", filter.kind);
  if (filter.regionId !== undefined) {
    if (filter.subtree) {
      const region = await regionById(store.db, filter.regionId);
      if (!region) throw notFound("地区", filter.regionId);
      base = base.where("r.path", "like", `${region.path}%`);
    } else base = base.where("dep.region_id", "=", filter.regionId);
  }
  const [rows, total] = await Promise.all([
    base
      .select((eb) => [...OWNER_COLUMNS, sql<boolean>`(${staff(eb as Eb)})`.as("staff")])
      .orderBy("d.year", "desc")
      .orderBy("d.id")
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  const latest = await latestVisible(store, rows);
  const items: DisclosureItem[] = rows.map((r) => ({
    ...ownerOf(r),
    latest: latest.get(r.id) ?? null,
  }));
  return { items, total: total.n, limit, offset };
}

/** The newest visible version of each listed disclosure, in one query for the whole page. */
async function latestVisible(
  store: Store,
  rows: { id: number; staff: boolean }[],
): Promise<Map<number, VersionSummary>> {
  const out = new Map<number, VersionSummary>();
  if (rows.length === 0) return out;
  const staff = new Set(rows.filter((r) => r.staff).map((r) => r.id));
  const versions = await store.db
    .selectFrom("version")
    .select(vq.SUMMARY_COLUMNS)
    .where(
      "disclosure_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("disclosure_id")
    .orderBy("number")
    .execute();
  for (const v of versions) {
    if (staff.has(v.disclosure_id) || vq.PUBLIC_STATES.includes(v.state)) {
      out.set(v.disclosure_id, toSummary(v));
    }
  }
  return out;
}

async function visibleVersions(
  store: Store,
  actor: Actor,
  disclosureId: number,
  departmentId: number,
): Promise<VersionSummary[]> {
  const staff = await coversDepartment(store, actor, "readUnpublished", departmentId);
  const rows = await vq.versionsOf(store.db, disclosureId, staff ? undefined : vq.PUBLIC_STATES);
  return rows.map(toSummary);
}

type SummaryRow = Awaited<ReturnType<typeof vq.versionsOf>>[number];

function toSummary(v: SummaryRow): VersionSummary {
  return {
    id: v.id,
    number: v.number,
    state: v.state,
    counts: { error: v.error_count, warning: v.warning_count, info: v.info_count },
    correctionNote: v.correction_note,
    correctsId: v.corrects_id,
    publishAt: v.publish_at,
    publishedAt: v.published_at,
    supersededAt: v.superseded_at,
    withdrawnAt: v.withdrawn_at,
    withdrawnReason: v.withdrawn_reason,
    createdAt: v.created_at,
  };
}

type OwnerRow = {
  id: number;
  department_id: number;
  dep_name: string;
  region_id: number;
  region_name: string;
  year: number;
  kind: "budget" | "final";
};

/** A disclosure as listings name it, from a row of OWNER_COLUMNS. */
export const ownerOf = (row: OwnerRow): Omit<DisclosureItem, "latest"> => ({
  id: row.id,
  departmentId: row.department_id,
  departmentName: row.dep_name,
  regionId: row.region_id,
  regionName: row.region_name,
  year: row.year,
  kind: row.kind,
});

/** One disclosure with every version the actor may see, oldest first. */
export async function getDisclosure(
  store: Store,
  actor: Actor,
  id: number,
): Promise<Omit<DisclosureItem, "latest"> & { versions: VersionSummary[] }> {
  const row = await disclosureOwners(store.db)
    .select(OWNER_COLUMNS)
    .where("d.id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("公开文件", id);
  const versions = await visibleVersions(store, actor, id, row.department_id);
  if (versions.length === 0) throw notFound("公开文件", id);
  return { ...ownerOf(row), versions };
}

/** Loads a version the actor may see; `content` also requires that its content is public to them. */
async function visibleVersion(store: Store, actor: Actor, id: number, content: boolean) {
  const v = await vq.versionWithOwner(store.db, id);
  if (!v) throw notFound("版本", id);
  if (await coversDepartment(store, actor, "readUnpublished", v.department_id)) return v;
  if (!vq.PUBLIC_STATES.includes(v.state)) throw notFound("版本", id);
  if (content && v.state === "withdrawn") {
    throw new ServiceError(
      "FORBIDDEN",
      `该版本已撤回（${v.withdrawn_reason ?? ""}），内容不再公开（withdrawn）`,
    );
  }
  return v;
}

export interface FindingWithResponse {
  index: number;
  finding: StoredReport["findings"][number];
  response: { text: string; actor: string; at: Date } | null;
}

export interface VersionDetail extends VersionSummary {
  disclosureId: number;
  departmentId: number;
  year: number;
  kind: "budget" | "final";
  files: {
    position: number;
    fileName: string;
    role: string | null;
    sha256: string;
    size: number;
  }[];
  diagnostics: unknown[];
  coverage: StoredReport["coverage"];
  findings: FindingWithResponse[];
  /** The version's history; actors named only to staff. */
  events: {
    action: string;
    from: string | null;
    to: string;
    actor: string | null;
    comment: string | null;
    at: Date;
  }[];
}

export async function getVersion(store: Store, actor: Actor, id: number): Promise<VersionDetail> {
  const v = await visibleVersion(store, actor, id, false);
  const staff = await coversDepartment(store, actor, "readUnpublished", v.department_id);
  const [files, responses, events] = await Promise.all([
    vq.filesOf(store.db, id),
    vq.responsesOf(store.db, id),
    vq.eventsOf(store.db, id),
  ]);
  const report = v.report as StoredReport;
  const byIndex = new Map(responses.map((r) => [r.finding_index, r]));
  return {
    id: v.id,
    disclosureId: v.disclosure_id,
    departmentId: v.department_id,
    year: v.year,
    kind: v.kind,
    number: v.number,
    state: v.state,
    counts: { error: v.error_count, warning: v.warning_count, info: v.info_count },
    correctionNote: v.correction_note,
    correctsId: v.corrects_id,
    publishAt: v.publish_at,
    publishedAt: v.published_at,
    supersededAt: v.superseded_at,
    withdrawnAt: v.withdrawn_at,
    withdrawnReason: v.withdrawn_reason,
    createdAt: v.created_at,
    files: files.map((f) => ({
      position: f.position,
      fileName: f.file_name,
      role: f.role,
      sha256: f.sha256,
      size: f.size,
    })),
    diagnostics: v.diagnostics,
    coverage: report.coverage,
    findings: report.findings.map((finding, index) => {
      const r = byIndex.get(index);
      return {
        index,
        finding,
        response: r ? { text: r.response, actor: r.actor, at: r.at } : null,
      };
    }),
    events: events.map((e) => ({
      action: e.action,
      from: e.from_state,
      to: e.to_state,
      actor: staff ? e.actor : null,
      comment: e.comment,
      at: e.at,
    })),
  };
}

/** The canonical JSON exactly as stored (the bytes never change once published). */
export async function getCanonical(store: Store, actor: Actor, id: number): Promise<string> {
  return (await visibleVersion(store, actor, id, true)).canonical;
}

/** The stored checker report (as it stood when the version was stored). */
export async function getReport(store: Store, actor: Actor, id: number): Promise<StoredReport> {
  return (await visibleVersion(store, actor, id, true)).report as StoredReport;
}

/** One original file of the version. */
export async function getVersionFile(
  store: Store,
  actor: Actor,
  id: number,
  position: number,
): Promise<{ fileName: string; role: string | null; sha256: string; bytes: Uint8Array }> {
  await visibleVersion(store, actor, id, true);
  const f = await vq.fileBytes(store.db, id, position);
  if (!f) throw notFound("文件", `${id}/${position}`);
  return { fileName: f.file_name, role: f.role, sha256: f.sha256, bytes: new Uint8Array(f.bytes) };
}

/** The stored disclosure and narrative, as the checker takes them. */
export async function getCheckInput(
  store: Store,
  actor: Actor,
  id: number,
): Promise<{ disclosure: Disclosure; narrative: NarrativeLine[] }> {
  const v = await visibleVersion(store, actor, id, true);
  return {
    disclosure: JSON.parse(v.canonical) as Disclosure,
    narrative: v.narrative as NarrativeLine[],
  };
}

/** Checks the stored version again (today's catalogue): equals the stored report while rules are unchanged. */
export async function recheckVersion(store: Store, actor: Actor, id: number): Promise<CheckReport> {
  const input = await getCheckInput(store, actor, id);
  return checkDisclosure(input.disclosure, input.narrative);
}
