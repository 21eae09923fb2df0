/**
 * @module Approval dates (批复日期): the finance bureau records when it
 * approved its region's departmental budgets or final accounts of a year (or
 * one disclosure's, when that was approved apart); the 20-day publication
 * deadline runs from it. Only a finance-bureau administrator or reviewer of
 * the region or a region above it may record one; each record is audited.
 */
import { appendAudit } from "../store/audit.ts";
import type { Store } from "../store/index.ts";
import { departmentById, disclosureById, regionById } from "../store/queries/catalogue.ts";
import {
  type ApprovalKey,
  approvalOf,
  approvalsFor,
  putApproval,
} from "../store/queries/approvals.ts";
import { type Actor, actorLabel } from "./actor.ts";
import { validDate } from "./deadline.ts";
import { ServiceError, notFound } from "./errors.ts";
import { requireRegion } from "./policy.ts";

export interface ApprovalInput extends ApprovalKey {
  /** YYYY-MM-DD. */
  date: string;
  /** A date for this one disclosure of the region, overriding the region's. */
  disclosureId?: number;
}

export interface ApprovalRecord extends ApprovalKey {
  date: string;
  disclosureId: number | null;
  previous: string | null;
}

function checkedInput(input: ApprovalInput): string {
  const date = validDate(input.date ?? "");
  if (!date) {
    throw new ServiceError(
      "INVALID_INPUT",
      `批复日期须为有效日期，格式如 2026-02-15（invalid date: ${input.date}）`,
    );
  }
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) {
    throw new ServiceError("INVALID_INPUT", `年度无效：${input.year}（invalid year）`);
  }
  if (input.kind !== "budget" && input.kind !== "final") {
    throw new ServiceError("INVALID_INPUT", `类型须为预算或决算（invalid kind）`);
  }
  return date;
}

/** The disclosure the date is for must be of this region, year and kind. */
async function checkDisclosure(store: Store, input: ApprovalInput): Promise<void> {
  if (input.disclosureId === undefined) return;
  const d = await disclosureById(store.db, input.disclosureId);
  const dep = d && (await departmentById(store.db, d.department_id));
  if (!d || !dep) throw notFound("公开文件", input.disclosureId);
  if (dep.region_id !== input.regionId || d.year !== input.year || d.kind !== input.kind) {
    throw new ServiceError(
      "INVALID_INPUT",
      "该公开文件不属于所选地区、年度和类型（disclosure does not match）",
    );
  }
}

export async function recordApprovalDate(
  store: Store,
  actor: Actor,
  input: ApprovalInput,
): Promise<ApprovalRecord> {
  if (!(await regionById(store.db, input.regionId))) throw notFound("地区", input.regionId);
  await requireRegion(store, actor, "recordApproval", input.regionId);
  const date = checkedInput(input);
  await checkDisclosure(store, input);
  const key = { regionId: input.regionId, year: input.year, kind: input.kind };
  const disclosureId = input.disclosureId ?? null;
  return store.db.transaction().execute(async (trx) => {
    const before = await approvalOf(trx, key, disclosureId);
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: "approval.record",
      subject: disclosureId === null ? `region:${key.regionId}` : `disclosure:${disclosureId}`,
      detail: { ...key, disclosureId, date, previous: before?.approved_on ?? null },
    });
    // After the append, which locks the audit head: concurrent records of one key queue there,
    // and the later one finds the earlier's row and replaces it rather than colliding.
    await putApproval(trx, key, disclosureId, date, actorLabel(actor));
    return { ...key, date, disclosureId, previous: before?.approved_on ?? null };
  });
}

/** The recorded dates of a year and kind for some regions: each region's own, and disclosures' own. */
export interface ApprovalDates {
  /** The date a disclosure's deadline runs from: its own, else its department's region's. */
  of(regionId: number, disclosureId: number | null | undefined): string | undefined;
  /** True when the disclosure has a date of its own. */
  own(disclosureId: number | null | undefined): boolean;
}

export async function approvalDates(
  store: Store,
  input: { regionIds: number[]; year: number; kind: "budget" | "final" },
): Promise<ApprovalDates> {
  const rows = await approvalsFor(store.db, input.regionIds, input.year, input.kind);
  const own = (id: number | null | undefined) =>
    id == null ? undefined : rows.find((r) => r.disclosure_id === id)?.approved_on;
  return {
    of: (regionId, disclosureId) =>
      own(disclosureId) ??
      rows.find((r) => r.region_id === regionId && r.disclosure_id === null)?.approved_on,
    own: (disclosureId) => own(disclosureId) !== undefined,
  };
}
