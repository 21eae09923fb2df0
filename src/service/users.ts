/**
 * Users, their roles and scopes, and sign-in with throttling. Every change and
 * every failed sign-in is written to the audit log in the same transaction.
 * No user exists until `gongkai user add` creates the first administrator.
 */
import type { Store } from "../store/index.ts";
import type { Kysely } from "kysely";
import type { Database, Role, UserRow } from "../store/schema.ts";
import { appendAudit } from "../store/audit.ts";
import { departmentById, regionById } from "../store/queries/catalogue.ts";
import { type Actor, ROLES, actorLabel } from "./actor.ts";
import { ServiceError, notFound } from "./errors.ts";
import { requireRole } from "./policy.ts";
import { assertStrongPassword, decoyHash, hashPassword, verifyPassword } from "./password.ts";

export interface User {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  regionId: number | null;
  departmentId: number | null;
  disabled: boolean;
  createdAt: Date;
}

export const toUser = (u: UserRow): User => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  regionId: u.region_id,
  departmentId: u.department_id,
  disabled: u.disabled,
  createdAt: u.created_at,
});

export function actorOfUser(
  u: Pick<UserRow, "id" | "username" | "role" | "region_id" | "department_id">,
): Actor {
  return {
    kind: "user",
    id: u.id,
    name: u.username,
    roles: [u.role],
    scope: {
      ...(u.region_id !== null ? { regionId: u.region_id } : {}),
      ...(u.department_id !== null ? { departmentId: u.department_id } : {}),
    },
  };
}

export interface RoleAssignment {
  role: Role;
  regionId?: number | null;
  departmentId?: number | null;
}

/** Checks that the role carries the scope it needs (and no other) and that the scope exists. */
export async function validateAssignment(store: Store, a: RoleAssignment): Promise<void> {
  if (!ROLES.includes(a.role)) {
    throw new ServiceError("INVALID_INPUT", `未知角色：${a.role}（unknown role）`);
  }
  const needsRegion = a.role === "finance_admin" || a.role === "reviewer";
  const needsDept = a.role === "officer";
  if (needsRegion !== (a.regionId != null) || needsDept !== (a.departmentId != null)) {
    throw new ServiceError(
      "INVALID_INPUT",
      "财政局管理员和审核员须指定地区，部门经办人须指定部门，系统管理员不指定范围（role scope mismatch）",
    );
  }
  if (a.regionId != null && !(await regionById(store.db, a.regionId)))
    throw notFound("地区", a.regionId);
  if (a.departmentId != null && !(await departmentById(store.db, a.departmentId))) {
    throw notFound("部门", a.departmentId);
  }
}

const USERNAME = /^[A-Za-z0-9_.@-]{2,64}$/;

export async function createUser(
  store: Store,
  actor: Actor,
  input: RoleAssignment & { username: string; password: string; displayName?: string },
): Promise<User> {
  requireRole(actor, "manageUsers");
  if (!USERNAME.test(input.username ?? "")) {
    throw new ServiceError(
      "INVALID_INPUT",
      "用户名须为 2–64 个字母、数字或 _.@-（invalid username）",
    );
  }
  await validateAssignment(store, input);
  assertStrongPassword(input.password, input.username);
  const existing = await store.db
    .selectFrom("app_user")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", input.username.toLowerCase()))
    .executeTakeFirst();
  if (existing)
    throw new ServiceError("DUPLICATE", `用户名已存在：${input.username}（username taken）`);
  const password_hash = await hashPassword(input.password);
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("app_user")
      .values({
        username: input.username,
        display_name: input.displayName?.trim() || null,
        password_hash,
        role: input.role,
        region_id: input.regionId ?? null,
        department_id: input.departmentId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: "user.create",
      subject: `user:${row.id}`,
      detail: {
        username: row.username,
        role: row.role,
        regionId: row.region_id,
        departmentId: row.department_id,
      },
    });
    return toUser(row);
  });
}

async function userRow(store: Store, id: number): Promise<UserRow> {
  const row = await store.db
    .selectFrom("app_user")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("用户", id);
  return row;
}

export async function setUserRole(
  store: Store,
  actor: Actor,
  userId: number,
  a: RoleAssignment,
): Promise<User> {
  requireRole(actor, "manageUsers");
  const before = await userRow(store, userId);
  await validateAssignment(store, a);
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("app_user")
      .set({
        role: a.role,
        region_id: a.regionId ?? null,
        department_id: a.departmentId ?? null,
        updated_at: new Date(),
      })
      .where("id", "=", userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: "user.role",
      subject: `user:${userId}`,
      detail: {
        from: { role: before.role, regionId: before.region_id, departmentId: before.department_id },
        to: { role: row.role, regionId: row.region_id, departmentId: row.department_id },
      },
    });
    return toUser(row);
  });
}

/** Sets a password: an administrator for anyone, a user for themselves (with the current one). */
export async function setUserPassword(
  store: Store,
  actor: Actor,
  userId: number,
  password: string,
  currentPassword?: string,
): Promise<void> {
  const row = await userRow(store, userId);
  const self = actor.kind === "user" && actor.id === userId;
  if (self && !(await verifyPassword(currentPassword ?? "", row.password_hash))) {
    throw new ServiceError("SIGNIN_FAILED", "当前密码不正确（current password wrong）");
  }
  if (!self) requireRole(actor, "manageUsers");
  assertStrongPassword(password, row.username);
  const hash = await hashPassword(password);
  await store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ password_hash: hash, updated_at: new Date() })
      .where("id", "=", userId)
      .execute();
    await trx
      .deleteFrom("signin_throttle")
      .where("username", "=", row.username.toLowerCase())
      .execute();
    await endSessionsOf(trx, userId);
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: "user.password",
      subject: `user:${userId}`,
    });
  });
}

/** Ends every live session of the user (password changed, user disabled). */
async function endSessionsOf(db: Kysely<Database>, userId: number): Promise<void> {
  await db
    .updateTable("app_session")
    .set({ ended_at: new Date() })
    .where("user_id", "=", userId)
    .where("ended_at", "is", null)
    .execute();
}

export async function setUserDisabled(
  store: Store,
  actor: Actor,
  userId: number,
  disabled: boolean,
): Promise<User> {
  requireRole(actor, "manageUsers");
  await userRow(store, userId);
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("app_user")
      .set({ disabled, updated_at: new Date() })
      .where("id", "=", userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (disabled) await endSessionsOf(trx, userId);
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: disabled ? "user.disable" : "user.enable",
      subject: `user:${userId}`,
    });
    return toUser(row);
  });
}

export async function listUsers(store: Store, actor: Actor): Promise<User[]> {
  requireRole(actor, "manageUsers");
  return (await store.db.selectFrom("app_user").selectAll().orderBy("id").execute()).map(toUser);
}

export async function countUsers(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom("app_user")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The actor a session of this user acts as (refused when the user is gone or disabled). */
export async function actorForUser(store: Store, userId: number): Promise<Actor> {
  const row = await store.db
    .selectFrom("app_user")
    .selectAll()
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!row || row.disabled)
    throw new ServiceError("UNAUTHENTICATED", "用户不存在或已停用（user unknown or disabled）");
  return actorOfUser(row);
}
