/**
 * Approval dates (批复日期) and the scoreboard they drive: who may record a
 * date, the audit entry each record leaves, and the statuses computed from
 * the dates (on time, late, overdue, not yet due, missing).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ANONYMOUS } from "../../../src/service/actor.ts";
import { recordApprovalDate } from "../../../src/service/approvals.ts";
import { listAudit, verifyAudit } from "../../../src/service/audit.ts";
import { createDepartment } from "../../../src/service/catalogue.ts";
import { beijingDate } from "../../../src/service/deadline.ts";
import { scoreboard } from "../../../src/service/scoreboard.ts";
import { uploadVersion } from "../../../src/service/upload.ts";
import { approveVersion, publishVersion, submitVersion } from "../../../src/service/workflow.ts";
import type { Store } from "../../../src/store/index.ts";
import { CLEAN, type World, corpusFile, makeWorld } from "../world.ts";
import { type FactoryRef, refused } from "./helpers.ts";

const DAY = 86_400_000;
const daysAgo = (n: number, now = new Date()) => beijingDate(new Date(now.getTime() - n * DAY));

/** 沧州市审计局 publishes its clean 2026 budget (corpus 022) through the workflow, today. */
async function publishClean(store: Store, w: World) {
  const v = await uploadVersion(store, w.officer, {
    departmentId: w.dept.id,
    year: 2026,
    kind: "budget",
    files: [corpusFile(CLEAN)],
  });
  await submitVersion(store, w.officer, v.id);
  await approveVersion(store, w.reviewer, v.id);
  await publishVersion(store, w.financeAdmin, v.id);
  return v;
}

async function recordsAndRefusals(store: Store): Promise<void> {
  const w = await makeWorld(store);
  const key = { regionId: w.cangzhou.id, year: 2026, kind: "budget" as const };
  const first = await recordApprovalDate(store, w.reviewer, { ...key, date: "2026-02-01" });
  assert.deepEqual(first, { ...key, date: "2026-02-01", disclosureId: null, previous: null });
  const second = await recordApprovalDate(store, w.cityReviewer, { ...key, date: "2026-02-03" });
  assert.equal(second.previous, "2026-02-01");
  await recordApprovalDate(store, w.financeAdmin, { ...key, date: "2026-02-03" });

  await refused(
    recordApprovalDate(store, w.cityReviewer, {
      ...key,
      regionId: w.hebei.id,
      date: "2026-02-01",
    }),
    "FORBIDDEN",
  );
  await refused(
    recordApprovalDate(store, w.beijingReviewer, { ...key, date: "2026-02-01" }),
    "FORBIDDEN",
  );
  await refused(recordApprovalDate(store, w.officer, { ...key, date: "2026-02-01" }), "FORBIDDEN");
  await refused(
    recordApprovalDate(store, ANONYMOUS, { ...key, date: "2026-02-01" }),
    "UNAUTHENTICATED",
  );
  await refused(
    recordApprovalDate(store, w.reviewer, { ...key, date: "2026-02-30" }),
    "INVALID_INPUT",
  );
  await refused(
    recordApprovalDate(store, w.reviewer, { ...key, regionId: 999_999, date: "2026-02-01" }),
    "NOT_FOUND",
  );

  const audit = await listAudit(store, w.admin, { action: "approval." });
  assert.equal(audit.total, 3, "one entry per record, none for refusals");
  assert.deepEqual(audit.items.at(-1)!.detail, {
    ...key,
    disclosureId: null,
    date: "2026-02-01",
    previous: null,
  });
  assert.equal(audit.items.at(-1)!.subject, `region:${w.cangzhou.id}`);
  assert.ok((await verifyAudit(store)).ok);
}

async function statusesFromDates(store: Store): Promise<void> {
  const w = await makeWorld(store);
  const idle = await createDepartment(store, w.admin, {
    regionId: w.cangzhou.id,
    name: "沧州市财政局",
  });
  const v = await publishClean(store, w);
  const board = (now?: Date) =>
    scoreboard(store, {
      regionId: w.hebei.id,
      year: 2026,
      kind: "budget",
      ...(now ? { now } : {}),
    });
  const row = (b: Awaited<ReturnType<typeof board>>, id: number) =>
    b.rows.find((r) => r.departmentId === id)!;

  const undated = await board();
  assert.equal(undated.rows.length, 2, "departments of the region's subtree");
  assert.deepEqual(row(undated, w.dept.id).timeliness, { kind: "published" });
  assert.deepEqual(row(undated, idle.id).timeliness, { kind: "missing" });
  assert.equal(row(undated, w.dept.id).errors, 0);
  assert.equal(row(undated, w.dept.id).corrections, 0);
  const c = row(undated, w.dept.id).completeness!;
  assert.ok(c.required >= 8 && c.present === c.required, JSON.stringify(c));

  const key = { regionId: w.cangzhou.id, year: 2026, kind: "budget" as const };
  await recordApprovalDate(store, w.reviewer, { ...key, date: daysAgo(30) });
  const dated = await board();
  assert.deepEqual(row(dated, w.dept.id).timeliness, { kind: "late", days: 30, late: 10 });
  assert.deepEqual(row(dated, idle.id).timeliness, { kind: "overdue", overdue: 10 });
  assert.deepEqual(dated.summary, { onTime: 0, late: 1, unpublished: 1, overdue: 1, undated: 0 });

  // The department's disclosure was approved apart, five days ago: on time.
  await recordApprovalDate(store, w.cityReviewer, {
    ...key,
    date: daysAgo(5),
    disclosureId: v.disclosureId,
  });
  const own = await board();
  assert.deepEqual(row(own, w.dept.id).timeliness, { kind: "onTime", days: 5 });
  assert.equal(row(own, w.dept.id).approvalOwn, true);
  assert.deepEqual(row(own, idle.id).timeliness, { kind: "overdue", overdue: 10 });

  // Seen 25 days earlier, the idle department was still within its limit.
  const earlier = await board(new Date(Date.now() - 25 * DAY));
  assert.deepEqual(row(earlier, idle.id).timeliness, { kind: "pending", daysLeft: 15 });
  await refused(
    recordApprovalDate(store, w.reviewer, {
      ...key,
      regionId: w.hebei.id,
      date: daysAgo(5),
      disclosureId: v.disclosureId,
    }),
    "INVALID_INPUT",
  );
}

export function approvalTests(factory: FactoryRef): void {
  test("approval dates: finance reviewers and administrators of the region or above record them, audited; others are refused", async () =>
    recordsAndRefusals(await factory().fresh()));
  test("scoreboard: statuses from the recorded dates — missing, late, overdue, on time by a disclosure's own date, pending", async () =>
    statusesFromDates(await factory().fresh()));
}
