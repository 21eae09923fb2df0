/** What an engine adapter hands the store: a node-postgres pool and how to close it. */
import pg from "pg";

/** int8 (count(*), bigserial) as a number on both engines; the store's counts stay far below 2^53. */
export function configureTypes(): void {
  pg.types.setTypeParser(20, Number);
}

export interface Connection {
  engine: "pglite" | "postgres";
  pool: pg.Pool;
  /** Closes what the pool does not own (the PGlite instance); called after the pool ends. */
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball (tests clone a migrated template with it). */
  dump?: () => Promise<Blob | File>;
}
