/**
 * Whole-store backup and restore: gzip-compressed JSON lines, a header then
 * every row of every table in dependency order (file bytes base64, times ISO),
 * the same on both engines, so a PGlite store can move to PostgreSQL and back.
 * Restore requires an empty store and keeps every id, so the audit chain
 * (whose entries name versions and users by id) still verifies.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import { type Kysely, sql } from "kysely";
import type { Store } from "./index.ts";
import { LATEST_MIGRATION } from "./migrations/index.ts";
import { type Database, TABLES } from "./schema.ts";

export const BACKUP_FORMAT = "gongkai-backup/1";

const KEY: Record<(typeof TABLES)[number], string[]> = {
  region: ["id"],
  department: ["id"],
  unit: ["id"],
  disclosure: ["id"],
  blob: ["sha256"],
  version: ["id"],
  version_file: ["version_id", "position"],
  version_event: ["id"],
  finding_response: ["version_id", "finding_index"],
  app_user: ["id"],
  api_token: ["id"],
  signin_throttle: ["username"],
  audit_log: ["seq"],
  audit_head: ["id"],
  approval_date: ["id"],
};
const JSON_COLUMNS = new Set(["diagnostics", "report", "narrative", "detail"]);
const SERIAL_TABLES = [
  "region",
  "department",
  "unit",
  "disclosure",
  "version",
  "version_event",
  "app_user",
  "api_token",
  "approval_date",
];
const PAGE = 200;

export interface BackupHeader {
  format: string;
  migration: string;
  engine: string;
  createdAt: string;
  counts: Record<string, number>;
}

function encode(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString("base64") } : v;
  }
  return out;
}

function decode(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v && typeof v === "object" && "$bytes" in v)
      out[k] = Buffer.from((v as { $bytes: string }).$bytes, "base64");
    else if (JSON_COLUMNS.has(k)) out[k] = JSON.stringify(v);
    else out[k] = v;
  }
  return out;
}

async function* backupLines(db: Kysely<Database>, engine: string): AsyncGenerator<string> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      db,
    );
    counts[table] = r.rows[0]!.n;
  }
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    migration: LATEST_MIGRATION,
    engine,
    createdAt: new Date().toISOString(),
    counts,
  };
  yield `${JSON.stringify(header)}\n`;
  for (const table of TABLES) {
    const order = KEY[table].map((c) => sql.ref(c));
    // Stored files in small pages: each may be up to the importer's size limit.
    const page = table === "blob" ? 5 : PAGE;
    for (let offset = 0; ; offset += page) {
      const rows = await sql<
        Record<string, unknown>
      >`select * from ${sql.table(table)} order by ${sql.join(order)} limit ${page} offset ${offset}`.execute(
        db,
      );
      for (const row of rows.rows) yield `${JSON.stringify({ t: table, r: encode(row) })}\n`;
      if (rows.rows.length < page) break;
    }
  }
}

/** Writes the whole store to `file`: one repeatable-read transaction, so one consistent snapshot. */
export async function backupStore(store: Store, file: string): Promise<BackupHeader> {
  return store.db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute((trx) => writeBackup(backupLines(trx, store.engine), file));
}

async function writeBackup(lines: AsyncGenerator<string>, file: string): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  const source = Readable.from(
    (async function* () {
      for await (const line of lines) {
        header ??= JSON.parse(line) as BackupHeader;
        yield line;
      }
    })(),
  );
  await pipeline(source, createGzip(), createWriteStream(file));
  return header!;
}

export class BackupError extends Error {}

/** Reads a backup into an empty store; returns its header. */
export async function restoreStore(store: Store, file: string): Promise<BackupHeader> {
  const existing = await sql<{
    n: number;
  }>`select (select count(*) from region) + (select count(*) from audit_log) + (select count(*) from app_user) as n`.execute(
    store.db,
  );
  if (Number(existing.rows[0]!.n) > 0) {
    throw new BackupError("目标数据库不是空的，恢复只能写入空库（the target store is not empty）");
  }
  let header: BackupHeader | undefined;
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("audit_head").execute();
    let batch: { t: string; r: Record<string, unknown> }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const table = batch[0]!.t as (typeof TABLES)[number];
      await trx
        .insertInto(table)
        .values(batch.map((b) => decode(b.r)) as never)
        .execute();
      batch = [];
    };
    // Opened here, just before it is read: lines a readline emits before its iterator starts are lost.
    const lines = createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    try {
      for await (const line of lines) {
        if (!line) continue;
        if (!header) {
          header = JSON.parse(line) as BackupHeader;
          if (header.format !== BACKUP_FORMAT)
            throw new BackupError(`不是 gongkai 备份文件（not a gongkai backup）：${file}`);
          continue;
        }
        const entry = JSON.parse(line) as { t: string; r: Record<string, unknown> };
        if (!(TABLES as readonly string[]).includes(entry.t))
          throw new BackupError(`备份中有未知的表：${entry.t}（unknown table）`);
        // Regions one at a time (each row's path trigger reads its parent's row); file bytes one at a time (memory).
        const max = entry.t === "region" || entry.t === "blob" ? 1 : 100;
        if (batch.length && (batch[0]!.t !== entry.t || batch.length >= max)) await flush();
        batch.push(entry);
      }
      await flush();
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `备份文件损坏或无法读取：${(error as Error).message}（unreadable backup）`,
      );
    }
    if (!header) throw new BackupError(`备份文件为空（empty backup）：${file}`);
    for (const table of SERIAL_TABLES) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
        trx,
      );
    }
  });
  return header!;
}
