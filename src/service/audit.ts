/** Reading and verifying the audit log (entries are written by the operations themselves). */
import type { Store } from "../store/index.ts";
import { type AuditVerification, verifyAuditChain } from "../store/audit.ts";
import type { Actor } from "./actor.ts";
import { requireRole } from "./policy.ts";
import { type Page, type PageRequest, pageOf } from "./page.ts";

export type { AuditVerification, AuditProblem } from "../store/audit.ts";

export interface AuditItem {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  detail: unknown;
  hash: string;
}

/** Recomputes the whole chain: ok is false when an entry was changed, inserted or removed. */
export function verifyAudit(store: Store): Promise<AuditVerification> {
  return verifyAuditChain(store.db);
}

/** Newest first; filter by subject ("version:12") or action prefix ("version."). */
export async function listAudit(
  store: Store,
  actor: Actor,
  filter: PageRequest & { subject?: string; action?: string } = {},
): Promise<Page<AuditItem>> {
  requireRole(actor, "readAudit");
  const { limit, offset } = pageOf(filter);
  let base = store.db.selectFrom("audit_log");
  if (filter.subject) base = base.where("subject", "=", filter.subject);
  if (filter.action) base = base.where("action", "like", `${filter.action}%`);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy("seq", "desc").limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      detail: r.detail,
      hash: r.hash,
    })),
    total: Number(total.n),
    limit,
    offset,
  };
}
