/**
 * The benchmark's store: a PGlite folder (`--engine pglite`, default
 * /tmp/gongkai-scale-db) or the PostgreSQL database `gongkai_scale` on
 * 127.0.0.1:5432 (`--engine postgres`, or --url). `fresh` empties it first.
 */
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { sql } from "kysely";
import { openStore, type Store } from "../../src/store/index.ts";
import { argOf } from "./args.ts";

export const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/gongkai_scale";

export interface ScaleStoreOptions {
  engine: "pglite" | "postgres";
  dataDir: string;
  url: string;
}

export function scaleStoreOptions(): ScaleStoreOptions {
  return {
    engine: argOf("--engine", "pglite") as "pglite" | "postgres",
    dataDir: argOf("--data", "/tmp/gongkai-scale-db"),
    url: argOf("--url", process.env.SCALE_DATABASE_URL ?? DEFAULT_URL),
  };
}

/** Drops and creates the PostgreSQL database named by the URL (through the `postgres` database). */
async function recreateDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^gongkai_scale\w*$/.test(name)) throw new Error(`refusing to recreate ${name}`);
  u.pathname = "/postgres";
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

export async function openScaleStore(o: ScaleStoreOptions, fresh: boolean): Promise<Store> {
  if (o.engine === "postgres") {
    if (fresh) await recreateDatabase(o.url);
    return openStore({ url: o.url, poolSize: 10 });
  }
  if (fresh) await rm(o.dataDir, { recursive: true, force: true });
  return openStore({ dataDir: o.dataDir });
}

/** Bytes of every file under a folder. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  }
  return total;
}

/** The database's own size (pg_database_size; PGlite answers it too). */
export async function databaseBytes(store: Store): Promise<number> {
  const r = await sql<{
    n: string;
  }>`select pg_database_size(current_database())::text as n`.execute(store.db);
  return Number(r.rows[0]!.n);
}
