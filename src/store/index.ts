/**
 * The store: one Kysely database over PGlite (embedded, a data folder) or
 * PostgreSQL (DATABASE_URL), migrated to the latest schema on open. Knows SQL
 * and nothing of HTTP; the service layer (src/service/) is its only user.
 */
import { resolve } from "node:path";
import { Kysely, Migrator, PostgresDialect, type MigrationResultSet, sql } from "kysely";
import type { Database } from "./schema.ts";
import type { Connection } from "./adapters/connection.ts";
import { migrationProvider } from "./migrations/index.ts";

export type { Database } from "./schema.ts";

export interface Store {
  db: Kysely<Database>;
  engine: "pglite" | "postgres";
  /** Where the data lives: the data folder or the URL without its password. */
  location: string;
  close(): Promise<void>;
  /** PGlite only: the data folder as a tarball. */
  dump?: () => Promise<Blob | File>;
}

export type StoreOptions = (
  | { dataDir: string; template?: Blob }
  | { url: string; poolSize?: number }
) & {
  /** Migrate to the latest schema on open (default true). */
  migrate?: boolean;
};

export class MigrationFailed extends Error {}

export async function openStore(options: StoreOptions): Promise<Store> {
  const connection = await connect(options);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: connection.pool }) });
  const store: Store = {
    db,
    engine: connection.engine,
    location: "url" in options ? redact(options.url) : options.dataDir,
    async close() {
      await db.destroy();
      await connection.close();
    },
    ...(connection.dump ? { dump: connection.dump } : {}),
  };
  if (options.migrate !== false) {
    try {
      await migrateStore(store);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

async function connect(options: StoreOptions): Promise<Connection> {
  if ("url" in options) {
    const { openPostgres } = await import("./adapters/postgres.ts");
    return openPostgres(options.url, options.poolSize);
  }
  const { openPglite } = await import("./adapters/pglite.ts");
  return openPglite(options.dataDir, options.template);
}

/** The store the environment names: DATABASE_URL, else the PGlite folder GONGKAI_DATA or ./data. */
export function storeOptionsFromEnv(env = process.env): StoreOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: resolve(env.GONGKAI_DATA ?? "data") };
}

/**
 * Refreshes the planner's statistics (ANALYZE). PGlite runs no autovacuum, so
 * after a bulk load its planner would go on guessing from an empty store and
 * scan every version for each listed disclosure (measured: lists 10–50 times
 * slower at 6,000 disclosures); PostgreSQL would get there by itself, later.
 */
export async function refreshStatistics(store: Store): Promise<void> {
  await sql`analyze`.execute(store.db);
}

/** Runs migrations forward to `target` (default: the latest). */
export async function migrateStore(store: Store, target?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider });
  const result = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "?";
    throw new MigrationFailed(
      `数据库迁移失败：${failed}：${(result.error as Error).message}（migration failed）`,
    );
  }
  return result;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres";
  }
}
