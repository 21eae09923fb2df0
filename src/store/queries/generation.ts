/** The public generation (migration 6): moves whenever what the public can see changes. */
import { sql } from "kysely";
import type { Db } from "./catalogue.ts";

export async function publicGeneration(db: Db): Promise<number> {
  const r = await sql<{
    n: string;
  }>`select n::text as n from public_generation where id = 1`.execute(db);
  return Number(r.rows[0]!.n);
}
