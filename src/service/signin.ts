/**
 * Sign-in with throttling. Failed attempts are counted per username (known or
 * not, so the answer never tells which usernames exist); after
 * MAX_FAILURES the name is locked for LOCK_MINUTES, doubling with each further
 * failure up to a day. The state lives in the store (signin_throttle), so it
 * holds across restarts and server processes. Each failure is audited.
 */
import type { Store } from "../store/index.ts";
import { appendAudit } from "../store/audit.ts";
import type { Actor } from "./actor.ts";
import { ServiceError } from "./errors.ts";
import { decoyHash, verifyPassword } from "./password.ts";
import { type User, actorOfUser, toUser } from "./users.ts";

export const THROTTLE = { maxFailures: 5, lockMinutes: 15, maxLockMinutes: 24 * 60 };

export interface SignInContext {
  now?: Date;
  /** Where the attempt came from (an IP address), recorded with failures. */
  from?: string;
}

export async function signIn(
  store: Store,
  credentials: { username: string; password: string },
  context: SignInContext = {},
): Promise<{ actor: Actor; user: User }> {
  const now = context.now ?? new Date();
  const key = String(credentials.username ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 64);
  const throttle = await store.db
    .selectFrom("signin_throttle")
    .selectAll()
    .where("username", "=", key)
    .executeTakeFirst();
  if (throttle?.locked_until && throttle.locked_until > now) {
    await recordFailure(store, key, now, "locked", context.from);
    throw lockedError(throttle.locked_until);
  }
  const user = await store.db
    .selectFrom("app_user")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", key))
    .executeTakeFirst();
  const ok = await verifyPassword(
    String(credentials.password ?? ""),
    user?.password_hash ?? (await decoyHash()),
  );
  if (!user || !ok || user.disabled) {
    const lockedUntil = await recordFailure(
      store,
      key,
      now,
      user?.disabled ? "disabled" : "bad-credentials",
      context.from,
    );
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new ServiceError("SIGNIN_FAILED", "用户名或密码不正确（wrong username or password）");
  }
  if (throttle) await store.db.deleteFrom("signin_throttle").where("username", "=", key).execute();
  return { actor: actorOfUser(user), user: toUser(user) };
}

function lockedError(until: Date): ServiceError {
  return new ServiceError(
    "SIGNIN_LOCKED",
    `登录失败次数过多，已暂时锁定，请于 ${until.toISOString()} 后再试（too many failed attempts; locked）`,
    { lockedUntil: until.toISOString() },
  );
}

/** Counts a failure (and audits it) in one transaction; returns the lock time when it locks. */
async function recordFailure(
  store: Store,
  key: string,
  now: Date,
  reason: string,
  from: string | undefined,
): Promise<Date | null> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("signin_throttle")
      .values({ username: key, failures: 1, last_failure_at: now, locked_until: null })
      .onConflict((oc) =>
        oc.column("username").doUpdateSet((eb) => ({
          failures: eb("signin_throttle.failures", "+", 1),
          last_failure_at: now,
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    let lockedUntil: Date | null = null;
    if (reason !== "locked" && row.failures >= THROTTLE.maxFailures) {
      const minutes = Math.min(
        THROTTLE.lockMinutes * 2 ** (row.failures - THROTTLE.maxFailures),
        THROTTLE.maxLockMinutes,
      );
      lockedUntil = new Date(now.getTime() + minutes * 60_000);
      await trx
        .updateTable("signin_throttle")
        .set({ locked_until: lockedUntil })
        .where("username", "=", key)
        .execute();
    }
    await appendAudit(trx, {
      actor: "anonymous",
      action: "signin.failed",
      subject: `username:${key}`,
      at: now,
      detail: {
        reason,
        failures: row.failures,
        ...(from ? { from } : {}),
        ...(lockedUntil ? { lockedUntil } : {}),
      },
    });
    return lockedUntil;
  });
}

/** The throttle state of a username (for the sign-in page and the tests). */
export async function signInThrottle(store: Store, username: string) {
  const row = await store.db
    .selectFrom("signin_throttle")
    .selectAll()
    .where("username", "=", username.trim().toLowerCase())
    .executeTakeFirst();
  return { failures: row?.failures ?? 0, lockedUntil: row?.locked_until ?? null };
}
