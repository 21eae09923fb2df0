/**
 * Every migration, in order. Listed here (not read from a folder) so they work
 * the same from sources under tsx, in workers and in a bundle.
 */
import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_catalogue_and_versions.ts";
import * as m0002 from "./0002_workflow_users_audit.ts";
import * as m0003 from "./0003_sessions_usernames.ts";
import * as m0004 from "./0004_search.ts";
import * as m0005 from "./0005_approval_dates.ts";

export const migrations: Record<string, Migration> = {
  "0001_catalogue_and_versions": m0001,
  "0002_workflow_users_audit": m0002,
  "0003_sessions_usernames": m0003,
  "0004_search": m0004,
  "0005_approval_dates": m0005,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const LATEST_MIGRATION = Object.keys(migrations).at(-1)!;
