/**
 * The audit log: append-only (a database trigger refuses UPDATE and DELETE)
 * and hash-chained: each entry's hash covers the previous entry's hash and the
 * entry's canonical content, so a changed, inserted or removed entry breaks
 * the chain. Appends take a row lock on audit_head, which serialises writers
 * and lets the head also witness the last entry (removing it is detected too).
 */
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { canonicalJson } from "./canonical-json.ts";
import type { AuditRow, Database } from "./schema.ts";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  /** What the entry is about, e.g. "version:12", "user:3". */
  subject: string;
  detail?: Record<string, unknown>;
  at?: Date;
}

export function entryHash(
  prevHash: string,
  e: { seq: number; at: Date; actor: string; action: string; subject: string; detail: unknown },
): string {
  const content = canonicalJson({
    seq: e.seq,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    detail: e.detail,
  });
  return createHash("sha256").update(`${prevHash}\n${content}`).digest("hex");
}

/** Appends one entry inside the caller's transaction (the write and its record commit together). */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<number> {
  const head = await trx
    .selectFrom("audit_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const seq = Number(head.seq) + 1;
  // Millisecond precision: what a JavaScript Date carries back from the database.
  const at = new Date(Math.floor((entry.at ?? new Date()).getTime()));
  const detail = entry.detail ?? {};
  const hash = entryHash(head.hash, { seq, at, ...entry, detail });
  await trx
    .insertInto("audit_log")
    .values({
      seq,
      at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      detail: canonicalJson(detail),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await trx.updateTable("audit_head").set({ seq, hash }).where("id", "=", 1).execute();
  return seq;
}

export interface AuditProblem {
  seq: number;
  problem: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  problems: AuditProblem[];
}

/** Walks the whole chain in order, recomputing every hash; reads in pages to bound memory. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (let after = 0; ; ) {
    const page = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(1000)
      .execute();
    if (page.length === 0) break;
    for (const row of page) {
      checkEntry(row, prev, expectedSeq, problems);
      prev = row.hash;
      expectedSeq = Number(row.seq) + 1;
      entries++;
    }
    after = Number(page.at(-1)!.seq);
  }
  const head = await db.selectFrom("audit_head").selectAll().executeTakeFirst();
  if (!head || Number(head.seq) !== expectedSeq - 1 || head.hash !== prev) {
    problems.push({
      seq: expectedSeq,
      problem: `日志末尾与记录的链头不符（链头 ${head?.seq ?? "缺失"}），末尾的条目可能被删除（the chain head does not match the last entry: entries removed）`,
    });
  }
  return { ok: problems.length === 0, entries, problems };
}

function checkEntry(row: AuditRow, prev: string, expectedSeq: number, out: AuditProblem[]): void {
  const seq = Number(row.seq);
  if (seq !== expectedSeq) {
    out.push({
      seq,
      problem: `缺少第 ${expectedSeq}–${seq - 1} 条（entries missing before ${seq}）`,
    });
  }
  if (row.prev_hash !== prev) {
    out.push({ seq, problem: "前一条的哈希不符（previous hash does not match）" });
  }
  const recomputed = entryHash(row.prev_hash, { ...row, seq, detail: row.detail });
  if (recomputed !== row.hash) {
    out.push({ seq, problem: "条目内容与其哈希不符，已被修改（entry content changed）" });
  }
}
