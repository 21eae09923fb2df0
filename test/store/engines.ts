/**
 * Fresh stores for tests, one factory per engine. PGlite: a template data
 * folder is built once per run (initdb costs seconds) and every store is a copy
 * of it. PostgreSQL: a new database gongkai_test_<random> per store on the
 * server at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * dropped at the end; when no server answers, the run fails with a clear
 * message unless GONGKAI_SKIP_POSTGRES=1.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Store, migrateStore, openStore } from "../../src/store/index.ts";

export interface StoreFactory {
  engine: "pglite" | "postgres";
  /** A store migrated to the latest schema (migrate: false gives an empty database). */
  fresh(options?: { migrate?: boolean }): Promise<Store>;
  /** Closes every store handed out and removes what was created. */
  dispose(): Promise<void>;
}

export function pgliteFactory(): StoreFactory {
  let templates: Promise<{ empty: Blob; migrated: Blob }> | undefined;
  const open: Store[] = [];
  const build = async () => {
    const s = await openStore({ dataDir: "memory://", migrate: false });
    try {
      const empty = await s.dump!();
      await migrateStore(s);
      return { empty, migrated: await s.dump!() };
    } finally {
      await s.close();
    }
  };
  return {
    engine: "pglite",
    async fresh(options = {}) {
      templates ??= build();
      const t = await templates;
      const template = options.migrate === false ? t.empty : t.migrated;
      const store = await openStore({ dataDir: "memory://", template, migrate: false });
      open.push(store);
      return store;
    },
    async dispose() {
      for (const s of open.splice(0)) await s.close().catch(() => {});
    },
  };
}

export const DEFAULT_TEST_URL = "postgres://postgres@127.0.0.1:5432/test";

/** The admin connection (to the URL's database, or `postgres` when that one does not exist). */
async function adminClient(url: string): Promise<{ client: pg.Client; base: URL }> {
  const base = new URL(url);
  for (const db of [base.pathname.slice(1) || "postgres", "postgres"]) {
    const u = new URL(url);
    u.pathname = `/${db}`;
    const client = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      return { client, base };
    } catch (error) {
      await client.end().catch(() => {});
      if ((error as { code?: string }).code !== "3D000") throw error;
    }
  }
  throw new Error("unreachable");
}

export async function postgresFactory(
  url = process.env.DATABASE_URL ?? DEFAULT_TEST_URL,
): Promise<StoreFactory> {
  const { client, base } = await adminClient(url);
  const created: string[] = [];
  const open: Store[] = [];
  return {
    engine: "postgres",
    async fresh(options = {}) {
      const name = `gongkai_test_${randomBytes(6).toString("hex")}`;
      await client.query(`create database ${name}`);
      created.push(name);
      const u = new URL(base.toString());
      u.pathname = `/${name}`;
      const store = await openStore({
        url: u.toString(),
        migrate: options.migrate !== false,
        poolSize: 6,
      });
      open.push(store);
      return store;
    },
    async dispose() {
      for (const s of open.splice(0)) await s.close().catch(() => {});
      for (const name of created.splice(0)) {
        await client.query(`drop database if exists ${name} with (force)`).catch(() => {});
      }
      await client.end();
    },
  };
}

/** Explains why PostgreSQL tests cannot run, or undefined when a server answers. */
export async function postgresUnavailable(
  url = process.env.DATABASE_URL ?? DEFAULT_TEST_URL,
): Promise<string | undefined> {
  try {
    const { client } = await adminClient(url);
    await client.end();
    return undefined;
  } catch (error) {
    return `PostgreSQL 不可用（${url}）：${(error as Error).message}。请运行 scripts/setup.sh 启动，或设置 DATABASE_URL；确需跳过请设 GONGKAI_SKIP_POSTGRES=1（PostgreSQL unreachable）`;
  }
}
