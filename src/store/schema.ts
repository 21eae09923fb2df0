/**
 * The store's tables as Kysely sees them (one interface per table, snake_case
 * as in SQL). The migrations in ./migrations/ create exactly these.
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const REGION_LEVELS = ["country", "province", "city", "county", "zone", "other"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const VERSION_STATES = [
  "draft",
  "submitted",
  "returned",
  "approved",
  "scheduled",
  "published",
  "superseded",
  "withdrawn",
  "replaced",
] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export const ROLES = ["sysadmin", "finance_admin", "reviewer", "officer"] as const;
export type Role = (typeof ROLES)[number];

export interface RegionTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string | null;
  name: string;
  level: RegionLevel;
  /** Materialised path of ids, "/1/5/23/": set by a trigger; a prefix match finds a subtree. */
  path: Generated<string>;
  created_at: Timestamp;
}

export interface DepartmentTable {
  id: Generated<number>;
  region_id: number;
  name: string;
  code: string | null;
  created_at: Timestamp;
}

export interface UnitTable {
  id: Generated<number>;
  department_id: number;
  name: string;
  code: string | null;
}

export interface DisclosureTable {
  id: Generated<number>;
  department_id: number;
  year: number;
  kind: "budget" | "final";
  created_at: Timestamp;
}

export interface BlobTable {
  sha256: string;
  size: number;
  bytes: Uint8Array;
  created_at: Timestamp;
}

export interface VersionTable {
  id: Generated<number>;
  disclosure_id: number;
  number: number;
  state: VersionState;
  /** The canonical JSON exactly as produced (text, so the served bytes never change). */
  canonical: string;
  diagnostics: Json<unknown[]>;
  /** The checker report as it stood when the version was stored. */
  report: Json<unknown>;
  /** The document's running text the narrative rules read (NarrativeLine[]). */
  narrative: Json<unknown[]>;
  error_count: number;
  warning_count: number;
  info_count: number;
  correction_note: string | null;
  corrects_id: number | null;
  publish_at: Timestamp | null;
  published_at: Timestamp | null;
  superseded_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  withdrawn_reason: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VersionFileTable {
  version_id: number;
  position: number;
  sha256: string;
  file_name: string;
  role: string | null;
}

export interface VersionEventTable {
  id: Generated<number>;
  version_id: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor: string;
  comment: string | null;
  at: Timestamp;
}

export interface FindingResponseTable {
  version_id: number;
  finding_index: number;
  rule: string;
  response: string;
  actor: string;
  at: Timestamp;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  password_hash: string;
  role: Role;
  region_id: number | null;
  department_id: number | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  prefix: string;
  role: Role;
  region_id: number | null;
  department_id: number | null;
  created_by: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface SigninThrottleTable {
  username: string;
  failures: number;
  locked_until: Timestamp | null;
  last_failure_at: Timestamp | null;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor: string;
  action: string;
  subject: string;
  detail: Json<unknown>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SessionTable {
  /** sha256 of the cookie's secret. */
  id_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: Timestamp | null;
}

export const SEARCH_KINDS = ["department", "disclosure", "project", "line", "paragraph"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One findable thing (migration 0004); `tsv` is written as SQL (to_tsvector). */
export interface SearchDocTable {
  id: Generated<number>;
  kind: SearchKind;
  department_id: number;
  region_id: number;
  /** The region's materialised path, copied: a region filter is a prefix match. */
  region_path: string;
  disclosure_id: number | null;
  version_id: number | null;
  year: number | null;
  disclosure_kind: "budget" | "final" | null;
  /** The fragment on the disclosure's page (a table's or project's id). */
  anchor: string | null;
  title: string;
  /** `title` as jieba words joined by U+001F, for ts_headline. */
  title_seg: string;
  context: string | null;
  body_seg: string;
  /** 万元, exact (numeric). */
  amount: ColumnType<string | null, string | null | undefined, string | null>;
  position: number;
  tsv: ColumnType<string, string, never>;
}

/** A finance bureau's approval date of a year's budgets or final accounts (migration 0005). */
export interface ApprovalDateTable {
  id: Generated<number>;
  region_id: number;
  year: number;
  kind: "budget" | "final";
  /** Set: the date of this one disclosure, overriding its region's. */
  disclosure_id: number | null;
  /** YYYY-MM-DD, a calendar date in Beijing. */
  approved_on: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface Database {
  region: RegionTable;
  department: DepartmentTable;
  unit: UnitTable;
  disclosure: DisclosureTable;
  blob: BlobTable;
  version: VersionTable;
  version_file: VersionFileTable;
  version_event: VersionEventTable;
  finding_response: FindingResponseTable;
  app_user: UserTable;
  api_token: ApiTokenTable;
  signin_throttle: SigninThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  app_session: SessionTable;
  search_doc: SearchDocTable;
  approval_date: ApprovalDateTable;
}

export type RegionRow = Selectable<RegionTable>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type DisclosureRow = Selectable<DisclosureTable>;
export type VersionRow = Selectable<VersionTable>;
export type UserRow = Selectable<UserTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type NewVersion = Insertable<VersionTable>;

/**
 * Tables in dependency order (parents first): backup writes and restore reads in this order.
 * Sessions are left out: a restored store starts with everyone signed out.
 */
export const TABLES = [
  "region",
  "department",
  "unit",
  "disclosure",
  "blob",
  "version",
  "version_file",
  "version_event",
  "finding_response",
  "app_user",
  "api_token",
  "signin_throttle",
  "audit_log",
  "audit_head",
  "approval_date",
] as const satisfies readonly (keyof Database)[];
