/**
 * Who may do what. Each action names the roles allowed; scope is checked
 * against the target department: an officer only on their own department, a
 * finance role only on departments of their region or a region under it, the
 * system administrator and the command-line operator everywhere their role
 * is listed. Uploading is one rule (requireUpload): a first draft is the
 * department officer's, a correction of a published disclosure also the
 * finance bureau's.
 */
import type { Store } from "../store/index.ts";
import { departmentById, regionWithin } from "../store/queries/catalogue.ts";
import type { Actor, Role } from "./actor.ts";
import { ServiceError, forbidden, notFound } from "./errors.ts";

export const PERMISSIONS = {
  /** A first draft, or a re-upload before publication: the department's own. */
  upload: ["officer"],
  /** A correction of a published disclosure (更正说明 required): the department or its finance bureau. */
  correct: ["officer", "reviewer", "finance_admin"],
  respond: ["officer"],
  submit: ["officer"],
  return: ["reviewer", "finance_admin"],
  approve: ["reviewer", "finance_admin"],
  publish: ["finance_admin"],
  withdraw: ["finance_admin"],
  /** Read drafts, submissions and reviews (not yet public). */
  readUnpublished: ["sysadmin", "finance_admin", "reviewer", "officer"],
  manageCatalogue: ["sysadmin", "finance_admin"],
  manageUsers: ["sysadmin"],
  manageTokens: ["sysadmin", "finance_admin"],
  readAudit: ["sysadmin"],
  /** Store published versions directly (batch loading of already public documents). */
  loadPublished: ["sysadmin"],
  /** Record the date the finance bureau approved a year's budgets or final accounts. */
  recordApproval: ["finance_admin", "reviewer"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export const ACTION_LABEL: Record<Action, string> = {
  upload: "上传公开文件",
  correct: "更正已发布的公开文件",
  respond: "答复审核问题",
  submit: "提交审核",
  return: "退回",
  approve: "审核通过",
  publish: "发布",
  withdraw: "撤回",
  readUnpublished: "查看未公开的版本",
  manageCatalogue: "管理地区和部门",
  manageUsers: "管理用户",
  manageTokens: "管理接口令牌",
  readAudit: "查看审计日志",
  loadPublished: "批量导入已公开文件",
  recordApproval: "登记批复日期",
};

export function hasRole(actor: Actor, action: Action): boolean {
  const allowed: readonly Role[] = PERMISSIONS[action];
  return actor.roles.some((r) => allowed.includes(r));
}

function refuse(actor: Actor, action: Action): ServiceError {
  if (actor.kind === "anonymous") {
    return new ServiceError(
      "UNAUTHENTICATED",
      `请先登录再${ACTION_LABEL[action]}（sign-in required）`,
    );
  }
  return forbidden(ACTION_LABEL[action]);
}

/** Refuses unless the actor has a role for the action, whatever the target. */
export function requireRole(actor: Actor, action: Action): void {
  if (!hasRole(actor, action)) throw refuse(actor, action);
}

/** True when the actor's role for `action` covers the department. */
export async function coversDepartment(
  store: Store,
  actor: Actor,
  action: Action,
  departmentId: number,
): Promise<boolean> {
  const allowed: readonly Role[] = PERMISSIONS[action];
  for (const role of actor.roles) {
    if (!allowed.includes(role)) continue;
    if (role === "sysadmin") return true;
    if (role === "officer" && actor.scope.departmentId === departmentId) return true;
    if ((role === "finance_admin" || role === "reviewer") && actor.scope.regionId !== undefined) {
      const dep = await departmentById(store.db, departmentId);
      if (dep && (await regionWithin(store.db, dep.region_id, actor.scope.regionId))) return true;
    }
  }
  return false;
}

export async function requireDepartment(
  store: Store,
  actor: Actor,
  action: Action,
  departmentId: number,
): Promise<void> {
  if (!(await departmentById(store.db, departmentId))) throw notFound("部门", departmentId);
  if (!(await coversDepartment(store, actor, action, departmentId))) throw refuse(actor, action);
}

/** True when the actor's role for `action` covers the region (finance roles: their subtree). */
export async function coversRegion(
  store: Store,
  actor: Actor,
  action: Action,
  regionId: number,
): Promise<boolean> {
  const allowed: readonly Role[] = PERMISSIONS[action];
  for (const role of actor.roles) {
    if (!allowed.includes(role)) continue;
    if (role === "sysadmin") return true;
    if ((role === "finance_admin" || role === "reviewer") && actor.scope.regionId !== undefined) {
      if (await regionWithin(store.db, regionId, actor.scope.regionId)) return true;
    }
  }
  return false;
}

export async function requireRegion(
  store: Store,
  actor: Actor,
  action: Action,
  regionId: number,
): Promise<void> {
  if (!(await coversRegion(store, actor, action, regionId))) throw refuse(actor, action);
}

/** Who issues an upload: the department itself, or its finance bureau (a correction only). */
export type Issuer = "department" | "bureau";

/**
 * May the actor upload to the department: a correction (`correcting`, the
 * disclosure has a published version) needs `correct`, anything else
 * `upload`. A finance role correcting is the bureau (its correction enters
 * review directly, upload.ts); a finance role uploading a first draft is told why not.
 */
export async function requireUpload(
  store: Store,
  actor: Actor,
  departmentId: number,
  correcting: boolean,
): Promise<Issuer> {
  if (!(await departmentById(store.db, departmentId))) throw notFound("部门", departmentId);
  const action: Action = correcting ? "correct" : "upload";
  if (await coversDepartment(store, actor, action, departmentId)) {
    const own = await coversDepartment(store, actor, "upload", departmentId);
    return own ? "department" : "bureau";
  }
  if (!correcting && (await coversDepartment(store, actor, "correct", departmentId))) {
    throw new ServiceError(
      "FORBIDDEN",
      "该公开文件尚未发布：初稿由部门经办人上传，财政局只能更正已发布的公开文件（forbidden: a first draft is the department's）",
    );
  }
  throw refuse(actor, action);
}
