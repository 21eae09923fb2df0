/**
 * API tokens for machine clients (a 预算管理一体化 system pushing
 * disclosures): scoped like users, shown once at creation, stored only as a
 * sha256 hash (the token is 256 random bits, so a fast hash suffices), revocable.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Store } from "../store/index.ts";
import type { Role } from "../store/schema.ts";
import { appendAudit } from "../store/audit.ts";
import { type Actor, actorLabel } from "./actor.ts";
import { ServiceError, notFound } from "./errors.ts";
import { requireRegion, requireRole } from "./policy.ts";
import { type RoleAssignment, validateAssignment } from "./users.ts";
import { departmentById } from "../store/queries/catalogue.ts";

export const TOKEN_PREFIX = "gk_";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface TokenInfo {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  regionId: number | null;
  departmentId: number | null;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** Creates a token; the secret is returned here and never again. */
export async function createToken(
  store: Store,
  actor: Actor,
  input: RoleAssignment & { name: string },
): Promise<{ token: string; info: TokenInfo }> {
  requireRole(actor, "manageTokens");
  if (input.role === "sysadmin") {
    throw new ServiceError("INVALID_INPUT", "接口令牌不能授予系统管理员角色（no sysadmin tokens）");
  }
  await validateAssignment(store, input);
  if (!actor.roles.includes("sysadmin")) {
    const regionId =
      input.regionId ?? (await departmentById(store.db, input.departmentId!))!.region_id;
    await requireRegion(store, actor, "manageTokens", regionId);
  }
  const name = input.name?.trim();
  if (!name) throw new ServiceError("INVALID_INPUT", "令牌名称不能为空（name required）");
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("api_token")
      .values({
        name,
        token_hash: hashToken(token),
        prefix: token.slice(0, 8),
        role: input.role,
        region_id: input.regionId ?? null,
        department_id: input.departmentId ?? null,
        created_by: actorLabel(actor),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: "token.create",
      subject: `token:${row.id}`,
      detail: { name, role: row.role, regionId: row.region_id, departmentId: row.department_id },
    });
    return { token, info: toInfo(row) };
  });
}

function toInfo(r: {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  region_id: number | null;
  department_id: number | null;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}): TokenInfo {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    regionId: r.region_id,
    departmentId: r.department_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}

export async function listTokens(store: Store, actor: Actor): Promise<TokenInfo[]> {
  requireRole(actor, "manageTokens");
  const rows = await store.db.selectFrom("api_token").selectAll().orderBy("id").execute();
  return rows.map(toInfo);
}

export async function revokeToken(store: Store, actor: Actor, tokenId: number): Promise<void> {
  requireRole(actor, "manageTokens");
  const row = await store.db
    .selectFrom("api_token")
    .selectAll()
    .where("id", "=", tokenId)
    .executeTakeFirst();
  if (!row) throw notFound("令牌", tokenId);
  if (!actor.roles.includes("sysadmin")) {
    const regionId =
      row.region_id ?? (await departmentById(store.db, row.department_id!))!.region_id;
    await requireRegion(store, actor, "manageTokens", regionId);
  }
  await store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("api_token")
      .set({ revoked_at: new Date() })
      .where("id", "=", tokenId)
      .where("revoked_at", "is", null)
      .execute();
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: "token.revoke",
      subject: `token:${tokenId}`,
    });
  });
}

/** The actor a request bearing this token acts as; refused when unknown or revoked. */
export async function authenticateToken(store: Store, token: string): Promise<Actor> {
  const row = token?.startsWith(TOKEN_PREFIX)
    ? await store.db
        .selectFrom("api_token")
        .selectAll()
        .where("token_hash", "=", hashToken(token))
        .executeTakeFirst()
    : undefined;
  if (!row || row.revoked_at) {
    throw new ServiceError("TOKEN_INVALID", "接口令牌无效或已撤销（token invalid or revoked）");
  }
  await store.db
    .updateTable("api_token")
    .set({ last_used_at: new Date() })
    .where("id", "=", row.id)
    .execute();
  return {
    kind: "token",
    id: row.id,
    name: row.name,
    roles: [row.role],
    scope: {
      ...(row.region_id !== null ? { regionId: row.region_id } : {}),
      ...(row.department_id !== null ? { departmentId: row.department_id } : {}),
    },
  };
}
