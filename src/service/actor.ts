/**
 * Who is acting: a signed-in user, an API token, the anonymous public, or the
 * local operator at the command line (system). Roles are scoped: a
 * finance-bureau administrator or reviewer to a region and the regions under
 * it, a department officer to one department.
 */
import type { Role } from "../store/schema.ts";

export type { Role } from "../store/schema.ts";
export { ROLES } from "../store/schema.ts";

export interface Scope {
  /** Finance roles: the region (and its subtree) they act for. */
  regionId?: number;
  /** Officers: their department. */
  departmentId?: number;
}

export interface Actor {
  kind: "user" | "token" | "anonymous" | "system";
  /** User or token id (absent for anonymous and system). */
  id?: number;
  /** Username, token name, or the system actor's name. */
  name?: string;
  roles: Role[];
  scope: Scope;
}

export const ANONYMOUS: Actor = { kind: "anonymous", roles: [], scope: {} };

/** The operator at the command line (`gongkai load`, `user add`): acts as a system administrator. */
export function systemActor(name = "cli"): Actor {
  return { kind: "system", name, roles: ["sysadmin"], scope: {} };
}

/** How the actor is named in the audit log and version history. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === "anonymous") return "anonymous";
  if (actor.kind === "system") return `system:${actor.name ?? "cli"}`;
  return `${actor.kind}:${actor.id}:${actor.name ?? ""}`;
}

export const ROLE_LABEL: Record<Role, string> = {
  sysadmin: "系统管理员",
  finance_admin: "财政局管理员",
  reviewer: "财政局审核员",
  officer: "部门经办人",
};
