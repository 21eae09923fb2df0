/**
 * Server engine: PostgreSQL at a connection URL through node-postgres. This
 * module only opens the connection pool.
 */
import pg from "pg";
import { type Connection, configureTypes } from "./connection.ts";

configureTypes();

export async function openPostgres(url: string, max = 10): Promise<Connection> {
  const pool = new pg.Pool({ connectionString: url, max });
  // Fail now, with the server's reason, rather than at the first query.
  const client = await pool.connect();
  client.release();
  return {
    engine: "postgres",
    pool,
    async close() {},
  };
}
