/**
 * Sign-in sessions for the web layer: `createSession` after a successful
 * `signIn` returns the secret for an HttpOnly, SameSite cookie; each request
 * turns it back into the user's Actor with `sessionActor`. Sessions expire
 * (absolute lifetime), end on sign-out, and all of a user's sessions end when
 * the password changes or the user is disabled.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Store } from "../store/index.ts";
import { appendAudit } from "../store/audit.ts";
import { type Actor, actorLabel } from "./actor.ts";
import { ServiceError } from "./errors.ts";
import { actorOfUser } from "./users.ts";

export const SESSION_HOURS = 12;

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Starts a session for a signed-in user; the secret is returned here only. */
export async function createSession(
  store: Store,
  actor: Actor,
  options: { now?: Date; hours?: number } = {},
): Promise<{ secret: string; expiresAt: Date }> {
  if (actor.kind !== "user" || actor.id === undefined) {
    throw new ServiceError("INVALID_INPUT", "只有登录的用户才有会话（sessions are for users）");
  }
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.hours ?? SESSION_HOURS) * 3_600_000);
  const secret = randomBytes(32).toString("base64url");
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("app_session")
      .values({
        id_hash: hashSecret(secret),
        user_id: actor.id!,
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
      })
      .execute();
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: "session.create",
      subject: `user:${actor.id}`,
      at: now,
    });
  });
  return { secret, expiresAt };
}

/** The actor of a live session; refused when unknown, ended, expired, or the user is disabled. */
export async function sessionActor(store: Store, secret: string, now = new Date()): Promise<Actor> {
  const row = secret
    ? await store.db
        .selectFrom("app_session as s")
        .innerJoin("app_user as u", "u.id", "s.user_id")
        .select([
          "s.id_hash",
          "s.expires_at",
          "s.ended_at",
          "s.last_seen_at",
          "u.id",
          "u.username",
          "u.role",
          "u.region_id",
          "u.department_id",
          "u.disabled",
        ])
        .where("s.id_hash", "=", hashSecret(secret))
        .executeTakeFirst()
    : undefined;
  if (!row || row.ended_at || row.expires_at <= now || row.disabled) {
    throw new ServiceError("UNAUTHENTICATED", "登录已失效，请重新登录（session expired or ended）");
  }
  // Touch at most once a minute: reads stay reads.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await store.db
      .updateTable("app_session")
      .set({ last_seen_at: now })
      .where("id_hash", "=", row.id_hash)
      .execute();
  }
  return actorOfUser(row);
}

/** Ends one session (sign-out). Unknown or ended sessions are ignored. */
export async function endSession(store: Store, secret: string, now = new Date()): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("app_session")
      .set({ ended_at: now })
      .where("id_hash", "=", hashSecret(secret))
      .where("ended_at", "is", null)
      .returning("user_id")
      .executeTakeFirst();
    if (row)
      await appendAudit(trx, {
        actor: `user:${row.user_id}:`,
        action: "session.end",
        subject: `user:${row.user_id}`,
        at: now,
      });
  });
}
