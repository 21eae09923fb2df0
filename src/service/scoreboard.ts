/**
 * @module The scoreboard of a region for a year and kind: per department (the
 * region's and those of every region under it) whether it published, when,
 * and how that stands against the 20-day deadline from the approval date its
 * finance bureau recorded; the completeness and the checker's errors and
 * warnings of the first published version (as stored at publication); and
 * how many corrections followed. Public: it reads only what was published.
 */
import type { Store } from "../store/index.ts";
import { regionById } from "../store/queries/catalogue.ts";
import { type ApprovalDates, approvalDates } from "./approvals.ts";
import { type Completeness, completenessOf } from "./completeness.ts";
import { type Timeliness, timeliness } from "./deadline.ts";
import type { StoredReport } from "./engine.ts";
import { notFound } from "./errors.ts";

export interface ScoreRow {
  departmentId: number;
  departmentName: string;
  regionId: number;
  regionName: string;
  disclosureId: number | null;
  /** The date the deadline runs from: the disclosure's own, else its region's. */
  approvedOn: string | null;
  approvalOwn: boolean;
  /** The first publication (a correction does not move it). */
  first: { versionId: number; number: number; publishedAt: Date } | null;
  /** Published once, withdrawn since, nothing in force now. */
  withdrawn: boolean;
  timeliness: Timeliness;
  completeness: Completeness | null;
  errors: number | null;
  warnings: number | null;
  /** Published versions after the first. */
  corrections: number;
}

export interface ScoreSummary {
  onTime: number;
  late: number;
  unpublished: number;
  /** Of the unpublished: past the deadline now. */
  overdue: number;
  /** Published, without an approval date to judge by. */
  undated: number;
}

export interface Scoreboard {
  regionId: number;
  regionName: string;
  year: number;
  kind: "budget" | "final";
  /** The region's own date for the year and kind, if recorded. */
  approvedOn: string | null;
  rows: ScoreRow[];
  summary: ScoreSummary;
}

type Db = Store["db"];

function departmentsUnder(db: Db, path: string) {
  return db
    .selectFrom("department as dep")
    .innerJoin("region as r", "r.id", "dep.region_id")
    .select(["dep.id", "dep.name", "r.id as region_id", "r.name as region_name", "r.path"])
    .where("r.path", "like", `${path}%`)
    .orderBy("r.path")
    .orderBy("dep.name")
    .execute();
}

/** Every version that was ever published (it has a publication time), oldest first. */
function publishedVersions(db: Db, departmentIds: number[], year: number, kind: string) {
  return db
    .selectFrom("version as v")
    .innerJoin("disclosure as d", "d.id", "v.disclosure_id")
    .select([
      "d.id as disclosure_id",
      "d.department_id",
      "v.id",
      "v.number",
      "v.state",
      "v.published_at",
      "v.error_count",
      "v.warning_count",
    ])
    .where("d.department_id", "in", departmentIds)
    .where("d.year", "=", year)
    .where("d.kind", "=", kind as "budget" | "final")
    .where("v.published_at", "is not", null)
    .orderBy("v.number")
    .execute();
}

async function reportsOf(db: Db, versionIds: number[]): Promise<Map<number, StoredReport>> {
  if (!versionIds.length) return new Map();
  const rows = await db
    .selectFrom("version")
    .select(["id", "report"])
    .where("id", "in", versionIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.report as StoredReport]));
}

export function summarise(rows: ScoreRow[]): ScoreSummary {
  const count = (k: Timeliness["kind"][]) =>
    rows.filter((r) => k.includes(r.timeliness.kind)).length;
  return {
    onTime: count(["onTime"]),
    late: count(["late"]),
    unpublished: count(["pending", "overdue", "missing"]),
    overdue: count(["overdue"]),
    undated: count(["published"]),
  };
}

type Department = Awaited<ReturnType<typeof departmentsUnder>>[number];
type PublishedVersion = Awaited<ReturnType<typeof publishedVersions>>[number];

function scoreRow(
  dep: Department,
  versions: PublishedVersion[],
  dates: ApprovalDates,
  reports: Map<number, StoredReport>,
  now: Date,
): ScoreRow {
  const mine = versions.filter((v) => v.department_id === dep.id);
  const first = mine[0];
  const approvedOn = dates.of(dep.region_id, first?.disclosure_id) ?? null;
  const report = first && reports.get(first.id);
  return {
    departmentId: dep.id,
    departmentName: dep.name,
    regionId: dep.region_id,
    regionName: dep.region_name,
    disclosureId: first?.disclosure_id ?? null,
    approvedOn,
    approvalOwn: dates.own(first?.disclosure_id),
    first: first
      ? { versionId: first.id, number: first.number, publishedAt: first.published_at! }
      : null,
    withdrawn: mine.length > 0 && !mine.some((v) => v.state === "published"),
    timeliness: timeliness(approvedOn ?? undefined, first?.published_at, now),
    completeness: report ? completenessOf(report) : null,
    errors: first ? first.error_count : null,
    warnings: first ? first.warning_count : null,
    corrections: Math.max(0, mine.length - 1),
  };
}

export async function scoreboard(
  store: Store,
  input: { regionId: number; year: number; kind: "budget" | "final"; now?: Date },
): Promise<Scoreboard> {
  const region = await regionById(store.db, input.regionId);
  if (!region) throw notFound("地区", input.regionId);
  const deps = await departmentsUnder(store.db, region.path);
  const regionIds = [...new Set([region.id, ...deps.map((d) => d.region_id)])];
  const [versions, dates] = await Promise.all([
    deps.length
      ? publishedVersions(
          store.db,
          deps.map((d) => d.id),
          input.year,
          input.kind,
        )
      : Promise.resolve([]),
    approvalDates(store, { regionIds, year: input.year, kind: input.kind }),
  ]);
  const firsts = deps.flatMap((dep) => versions.find((v) => v.department_id === dep.id) ?? []);
  const reports = await reportsOf(
    store.db,
    firsts.map((v) => v.id),
  );
  const now = input.now ?? new Date();
  const rows = deps.map((dep) => scoreRow(dep, versions, dates, reports, now));
  return {
    regionId: region.id,
    regionName: region.name,
    year: input.year,
    kind: input.kind,
    approvedOn: dates.of(region.id, null) ?? null,
    rows,
    summary: summarise(rows),
  };
}
