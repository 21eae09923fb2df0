/**
 * Server engine: PostgreSQL at a connection URL through node-postgres. This
 * module only opens the connection pool.
 */
import pg from "pg";
import { type Connection, configureTypes } from "./connection.ts";

configureTypes();

export async function openPostgres(url: string, max = 10): Promise<Connection> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server closes (restart, failover) must not crash the process:
  // the pool drops it and opens a new one on the next query.
  pool.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "57P01")
      process.stderr.write(
        `gongkai: 数据库连接中断（database connection lost）：${error.message}\n`,
      );
  });
  // Fail now, with the server's reason, rather than at the first query.
  const client = await pool.connect();
  client.release();
  return {
    engine: "postgres",
    pool,
    async close() {},
  };
}
