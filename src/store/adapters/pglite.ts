/**
 * Embedded engine: PGlite (PostgreSQL compiled to WebAssembly) in a data
 * folder, reached through its node-postgres adapter so the store speaks to it
 * exactly as to a PostgreSQL server. This module only opens the connection.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import pg from "pg";
import { type Connection, configureTypes } from "./connection.ts";
import { lockFolder } from "./folder-lock.ts";

configureTypes();

/** Opens (creating when empty) the PGlite database in `dataDir` ("memory://" for none on disk). */
export async function openPglite(dataDir: string, template?: Blob): Promise<Connection> {
  // PGlite creates the folder itself but not its parents (GONGKAI_DATA=/srv/gongkai/data).
  let release = async () => {};
  if (!dataDir.includes("://")) {
    await mkdir(dirname(dataDir), { recursive: true });
    release = await lockFolder(dataDir);
  }
  let lite: PGlite;
  try {
    lite = await PGlite.create(dataDir, template ? { loadDataDir: template } : {});
  } catch (error) {
    await release();
    throw error;
  }
  const pool = new pg.Pool(createPgConfig(lite) as pg.PoolConfig);
  return {
    engine: "pglite",
    pool,
    async close() {
      try {
        await lite.close();
      } finally {
        await release();
      }
    },
    dump: () => lite.dumpDataDir("none"),
  };
}
