/**
 * The publishing workflow: draft → submitted → returned | approved →
 * published (now or scheduled) → superseded (by a published correction) or
 * withdrawn. Every transition is allowed to one set of roles, checked against
 * the version's department, made with a conditional UPDATE (of two actors on
 * the same version exactly one wins), and recorded in the version's history
 * and the audit log in the same transaction.
 */
import type { Transaction } from "kysely";
import type { Store } from "../store/index.ts";
import type { Database, VersionRow, VersionState } from "../store/schema.ts";
import { appendAudit } from "../store/audit.ts";
import * as vq from "../store/queries/versions.ts";
import { type Actor, actorLabel, systemActor } from "./actor.ts";
import { ServiceError, notFound } from "./errors.ts";
import { indexPublishedVersion, unindexVersion } from "./search-index.ts";
import { ACTION_LABEL, type Action, requireDepartment } from "./policy.ts";
import { STATE_LABEL } from "./states.ts";
import { type VersionRef, versionRef } from "./upload.ts";

interface Step {
  action: Action;
  from: VersionState[];
  to: VersionState;
  comment?: string | null;
  set?: Partial<
    Pick<VersionRow, "publish_at" | "published_at" | "withdrawn_at" | "withdrawn_reason">
  >;
  /** Runs in the transaction before the state changes (the checker gate). */
  gate?: (trx: Transaction<Database>, v: VersionRow) => Promise<void>;
  /** Runs in the transaction after the state changed (superseding the earlier version). */
  after?: (trx: Transaction<Database>, v: VersionRow, actor: string) => Promise<void>;
  /** The scheduler publishing what a finance administrator already scheduled: no role check. */
  trusted?: true;
}

async function act(store: Store, actor: Actor, versionId: number, step: Step): Promise<VersionRef> {
  const v = await vq.versionWithOwner(store.db, versionId);
  if (!v) throw notFound("版本", versionId);
  if (!step.trusted) await requireDepartment(store, actor, step.action, v.department_id);
  if (!step.from.includes(v.state)) throw illegal(v, step);
  const label = actorLabel(actor);
  return store.db.transaction().execute(async (trx) => {
    if (step.gate) await step.gate(trx, v);
    const row = await vq.transitionVersion(trx, versionId, step.from, {
      state: step.to,
      ...step.set,
    });
    if (!row) throw await changed(trx, versionId);
    await vq.recordEvent(trx, {
      versionId,
      action: step.action,
      from: v.state,
      to: step.to,
      actor: label,
      comment: step.comment ?? null,
    });
    if (step.after) await step.after(trx, row, label);
    await appendAudit(trx, {
      actor: label,
      action: `version.${step.action}`,
      subject: `version:${versionId}`,
      detail: {
        from: v.state,
        to: step.to,
        ...(step.comment ? { comment: step.comment } : {}),
        ...(step.set?.publish_at ? { publishAt: step.set.publish_at } : {}),
      },
    });
    return versionRef(row);
  });
}

function illegal(v: { number: number; state: VersionState }, step: Step): ServiceError {
  return new ServiceError(
    "ILLEGAL_TRANSITION",
    `第 ${v.number} 版当前${STATE_LABEL[v.state]}，不能${ACTION_LABEL[step.action]}（illegal transition: ${v.state} → ${step.to}）`,
    { state: v.state },
  );
}

async function changed(trx: Transaction<Database>, id: number): Promise<ServiceError> {
  const now = await trx
    .selectFrom("version")
    .select("state")
    .where("id", "=", id)
    .executeTakeFirst();
  const state = now?.state;
  return new ServiceError(
    "STATE_CHANGED",
    `该版本刚被他人处理，当前${state ? STATE_LABEL[state] : "状态未知"}，请刷新后重试（the version changed state meanwhile）`,
    { state },
  );
}

function required(text: string | undefined, code: "COMMENT_REQUIRED" | "REASON_REQUIRED"): string {
  const t = text?.trim();
  if (!t) {
    throw new ServiceError(
      code,
      code === "COMMENT_REQUIRED"
        ? "退回须填写审核意见（a return needs comments）"
        : "撤回须说明理由（a withdrawal needs a reason）",
    );
  }
  return t;
}

/**
 * The checker gate: no error-severity finding, and a written response to every
 * warning. Read inside the transaction so the decision and the change agree.
 */
async function checkerGate(trx: Transaction<Database>, v: VersionRow): Promise<void> {
  if (v.error_count > 0) {
    throw new ServiceError(
      "CHECK_ERRORS",
      `审核发现 ${v.error_count} 个错误，须改正后重新上传才能提交（errors must be fixed first）`,
      { errors: v.error_count },
    );
  }
  const findings = (v.report as { findings: { severity: string }[] }).findings;
  const answered = new Set((await vq.responsesOf(trx, v.id)).map((r) => r.finding_index));
  const missing = findings.flatMap((f, i) =>
    f.severity === "warning" && !answered.has(i) ? [i] : [],
  );
  if (missing.length) {
    throw new ServiceError(
      "UNANSWERED_WARNINGS",
      `还有 ${missing.length} 个警告未填写说明，不能提交（every warning needs a response）`,
      { findings: missing },
    );
  }
}

export const submitVersion = (store: Store, actor: Actor, id: number): Promise<VersionRef> =>
  act(store, actor, id, {
    action: "submit",
    from: ["draft", "returned"],
    to: "submitted",
    gate: checkerGate,
  });

export const returnVersion = async (
  store: Store,
  actor: Actor,
  id: number,
  comment: string,
): Promise<VersionRef> => {
  const text = required(comment, "COMMENT_REQUIRED");
  return act(store, actor, id, {
    action: "return",
    from: ["submitted"],
    to: "returned",
    comment: text,
  });
};

/**
 * Four eyes: nobody approves a version they uploaded (the case of a correction
 * the finance bureau issued itself: another reviewer or the administrator approves it).
 */
function notOwnUpload(actor: Actor) {
  return async (_trx: Transaction<Database>, v: VersionRow): Promise<void> => {
    if (v.created_by !== actorLabel(actor)) return;
    throw new ServiceError(
      "SELF_REVIEW",
      `第 ${v.number} 版是您本人上传的，须由财政局另一位审核员或管理员审核（four eyes: not your own upload）`,
    );
  };
}

export const approveVersion = (
  store: Store,
  actor: Actor,
  id: number,
  comment?: string,
): Promise<VersionRef> =>
  act(store, actor, id, {
    action: "approve",
    from: ["submitted"],
    to: "approved",
    comment: comment?.trim() || null,
    gate: notOwnUpload(actor),
  });

/** Publishes now, or schedules for `at` (a later time); publishDue() publishes what is due. */
export async function publishVersion(
  store: Store,
  actor: Actor,
  id: number,
  options: { at?: Date; now?: Date } = {},
): Promise<VersionRef> {
  const now = options.now ?? new Date();
  if (options.at && Number.isNaN(options.at.getTime())) {
    throw new ServiceError("INVALID_INPUT", "发布时间不正确（invalid time）");
  }
  if (options.at && options.at > now) {
    return act(store, actor, id, {
      action: "publish",
      from: ["approved"],
      to: "scheduled",
      set: { publish_at: options.at },
    });
  }
  return act(store, actor, id, {
    action: "publish",
    from: ["approved", "scheduled"],
    to: "published",
    set: { published_at: now },
    after: publishedNow,
  });
}

/** Publishing a correction supersedes the version it corrects (and any other published one). */
async function supersedeEarlier(
  trx: Transaction<Database>,
  v: VersionRow,
  actor: string,
): Promise<void> {
  const earlier = await trx
    .updateTable("version")
    .set({
      state: "superseded",
      superseded_at: v.published_at ?? new Date(),
      updated_at: new Date(),
    })
    .where("disclosure_id", "=", v.disclosure_id)
    .where("state", "=", "published")
    .where("id", "!=", v.id)
    .returning(["id"])
    .execute();
  for (const e of earlier) {
    await vq.recordEvent(trx, {
      versionId: e.id,
      action: "supersede",
      from: "published",
      to: "superseded",
      actor,
      comment: `由第 ${v.number} 版更正（superseded by version ${v.number}）`,
    });
  }
}

/** A version just published: it supersedes the earlier one, and replaces it in the search index. */
async function publishedNow(
  trx: Transaction<Database>,
  v: VersionRow,
  actor: string,
): Promise<void> {
  await supersedeEarlier(trx, v, actor);
  await indexPublishedVersion(trx, v.id);
}

/** Publishes every scheduled version whose time has come; returns them. Run by the server's timer. */
export async function publishDue(store: Store, now = new Date()): Promise<VersionRef[]> {
  const due = await store.db
    .selectFrom("version")
    .select("id")
    .where("state", "=", "scheduled")
    .where("publish_at", "<=", now)
    .execute();
  const out: VersionRef[] = [];
  for (const { id } of due) {
    try {
      out.push(
        await act(store, systemActor("scheduler"), id, {
          action: "publish",
          from: ["scheduled"],
          to: "published",
          set: { published_at: now },
          after: publishedNow,
          trusted: true,
        }),
      );
    } catch (error) {
      if (!(error instanceof ServiceError && error.code === "STATE_CHANGED")) throw error;
    }
  }
  return out;
}

export const withdrawVersion = async (
  store: Store,
  actor: Actor,
  id: number,
  reason: string,
): Promise<VersionRef> => {
  const text = required(reason, "REASON_REQUIRED");
  return act(store, actor, id, {
    action: "withdraw",
    from: ["published"],
    to: "withdrawn",
    comment: text,
    set: { withdrawn_at: new Date(), withdrawn_reason: text },
    after: (trx, v) => unindexVersion(trx, v.id),
  });
};
