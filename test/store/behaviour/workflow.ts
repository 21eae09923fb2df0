/** The publishing workflow through the service layer: gate, roles, transitions, corrections, races. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ANONYMOUS } from "../../../src/service/actor.ts";
import {
  approveVersion,
  publishDue,
  publishVersion,
  returnVersion,
  submitVersion,
  withdrawVersion,
} from "../../../src/service/workflow.ts";
import { respondToFinding, uploadVersion } from "../../../src/service/upload.ts";
import {
  getCanonical,
  getDisclosure,
  getVersion,
  listDisclosures,
} from "../../../src/service/reads.ts";
import { verifyAudit } from "../../../src/service/audit.ts";
import { ServiceError } from "../../../src/service/errors.ts";
import { transitionVersion } from "../../../src/store/queries/versions.ts";
import type { Store } from "../../../src/store/index.ts";
import {
  CLEAN,
  SEED_WITH_ERROR,
  WARNINGS,
  type World,
  corpusFile,
  makeWorld,
  seedFile,
} from "../world.ts";
import { type FactoryRef, refused } from "./helpers.ts";

async function setup(factory: FactoryRef): Promise<{ store: Store; w: World }> {
  const store = await factory().fresh();
  return { store, w: await makeWorld(store) };
}

const upload = (
  store: Store,
  w: World,
  file = corpusFile(CLEAN),
  extra: { correctionNote?: string } = {},
) =>
  uploadVersion(store, w.officer, {
    departmentId: w.dept.id,
    year: 2026,
    kind: "budget",
    files: [file],
    ...extra,
  });

/** Uploads, submits, approves and publishes a clean document. */
async function published(store: Store, w: World) {
  const v = await upload(store, w);
  await submitVersion(store, w.officer, v.id);
  await approveVersion(store, w.reviewer, v.id);
  return publishVersion(store, w.financeAdmin, v.id);
}

export function workflowTests(factory: FactoryRef): void {
  test("a clean document goes draft → submitted → approved → published, each step recorded", () =>
    happyPath(factory));
  test("checker gate: errors block submission; every warning needs a response first", () =>
    checkerGate(factory));
  test("each transition only to its role and scope; illegal ones refused in Chinese with a stable code", () =>
    rolesAndIllegalTransitions(factory));
  test("two reviewers acting on one version at once: exactly one wins", () =>
    reviewerRace(factory));
  test("a reviewer acting while another's change is uncommitted loses cleanly", () =>
    heldRowLock(factory));
  test("a correction needs a 更正说明, supersedes the published version, and every version stays visible", () =>
    correctionAndWithdrawal(factory));
  test("re-uploading a draft replaces it; scheduled publication happens when due", () =>
    reuploadAndSchedule(factory));
  test("the finance bureau corrects a published disclosure of its region: straight to review, a second person approves", () =>
    bureauCorrection(factory));
}

async function happyPath(factory: FactoryRef): Promise<void> {
  const { store, w } = await setup(factory);
  const v = await upload(store, w);
  assert.equal(v.state, "draft");
  assert.deepEqual(v.counts, { error: 0, warning: 0, info: 0 });
  assert.equal((await submitVersion(store, w.officer, v.id)).state, "submitted");
  assert.equal((await approveVersion(store, w.cityReviewer, v.id, "符合要求")).state, "approved");
  const p = await publishVersion(store, w.financeAdmin, v.id);
  assert.equal(p.state, "published");
  const detail = await getVersion(store, ANONYMOUS, v.id);
  assert.deepEqual(
    detail.events.map((e) => [e.action, e.from, e.to]),
    [
      ["upload", null, "draft"],
      ["submit", "draft", "submitted"],
      ["approve", "submitted", "approved"],
      ["publish", "approved", "published"],
    ],
  );
  assert.ok(
    detail.events.every((e) => e.actor === null),
    "the public does not see who acted",
  );
  assert.ok(detail.publishedAt instanceof Date);
  assert.equal(detail.files[0]!.fileName, CLEAN);
  const canonical = JSON.parse(await getCanonical(store, ANONYMOUS, v.id));
  assert.equal(canonical.department.name, "苏州市审计局");
  const audit = await verifyAudit(store);
  assert.ok(audit.ok, JSON.stringify(audit.problems));
  const actions = await store.db.selectFrom("audit_log").select("action").orderBy("seq").execute();
  assert.deepEqual(actions.map((a) => a.action).slice(-4), [
    "version.upload",
    "version.submit",
    "version.approve",
    "version.publish",
  ]);
}

async function checkerGate(factory: FactoryRef): Promise<void> {
  const { store, w } = await setup(factory);
  const bad = await upload(store, w, seedFile(SEED_WITH_ERROR));
  assert.ok(bad.counts.error > 0);
  const e = await refused(submitVersion(store, w.officer, bad.id), "CHECK_ERRORS");
  assert.match(e.message, /错误/);
  const v = await upload(store, w, corpusFile(WARNINGS));
  assert.equal(v.counts.error, 0);
  assert.equal(v.counts.warning, 2);
  const missing = await refused(submitVersion(store, w.officer, v.id), "UNANSWERED_WARNINGS");
  assert.deepEqual(missing.details?.findings, [0, 1]);
  await respondToFinding(store, w.officer, v.id, 0, "文字说明中的金额为四舍五入后的数。");
  await refused(submitVersion(store, w.officer, v.id), "UNANSWERED_WARNINGS");
  await refused(respondToFinding(store, w.officer, v.id, 99, "x"), "INVALID_INPUT");
  await refused(respondToFinding(store, w.otherOfficer, v.id, 1, "x"), "FORBIDDEN");
  await respondToFinding(store, w.officer, v.id, 1, "已核对，口径不同。");
  assert.equal((await submitVersion(store, w.officer, v.id)).state, "submitted");
  const seen = await getVersion(store, w.reviewer, v.id);
  assert.deepEqual(
    seen.findings.map((f) => [f.finding.severity, f.response?.text]),
    [
      ["warning", "文字说明中的金额为四舍五入后的数。"],
      ["warning", "已核对，口径不同。"],
    ],
  );
  await refused(respondToFinding(store, w.officer, v.id, 1, "改"), "ILLEGAL_TRANSITION");
}

async function rolesAndIllegalTransitions(factory: FactoryRef): Promise<void> {
  const { store, w } = await setup(factory);
  await refused(upload(store, { ...w, officer: w.otherOfficer }), "FORBIDDEN");
  await refused(
    uploadVersion(store, ANONYMOUS, {
      departmentId: w.dept.id,
      year: 2026,
      kind: "budget",
      files: [corpusFile(CLEAN)],
    }),
    "UNAUTHENTICATED",
  );
  const v = await upload(store, w);
  const illegal = await refused(approveVersion(store, w.reviewer, v.id), "ILLEGAL_TRANSITION");
  assert.match(illegal.message, /草稿.*不能审核通过/);
  await refused(submitVersion(store, w.reviewer, v.id), "FORBIDDEN");
  await submitVersion(store, w.officer, v.id);
  await refused(approveVersion(store, w.officer, v.id), "FORBIDDEN");
  await refused(approveVersion(store, w.beijingReviewer, v.id), "FORBIDDEN");
  await refused(approveVersion(store, ANONYMOUS, v.id), "UNAUTHENTICATED");
  await refused(returnVersion(store, w.reviewer, v.id, "  "), "COMMENT_REQUIRED");
  await refused(publishVersion(store, w.reviewer, v.id), "FORBIDDEN");
  await refused(publishVersion(store, w.financeAdmin, v.id), "ILLEGAL_TRANSITION");
  const back = await returnVersion(store, w.cityReviewer, v.id, "请补充三公经费说明");
  assert.equal(back.state, "returned");
  const detail = await getVersion(store, w.officer, v.id);
  assert.equal(detail.events.at(-1)!.comment, "请补充三公经费说明");
  await submitVersion(store, w.officer, v.id);
  await approveVersion(store, w.reviewer, v.id);
  await refused(publishVersion(store, w.beijingFinanceAdmin, v.id), "FORBIDDEN");
  await publishVersion(store, w.financeAdmin, v.id);
  await refused(withdrawVersion(store, w.financeAdmin, v.id, ""), "REASON_REQUIRED");
  await refused(returnVersion(store, w.reviewer, v.id, "晚了"), "ILLEGAL_TRANSITION");
  await refused(getVersion(store, ANONYMOUS, 999999), "NOT_FOUND");
}

async function reviewerRace(factory: FactoryRef): Promise<void> {
  const { store, w } = await setup(factory);
  const v = await upload(store, w);
  await submitVersion(store, w.officer, v.id);
  const attempts = Array.from({ length: 8 }, (_, i) =>
    i % 2 === 0
      ? approveVersion(store, i % 4 === 0 ? w.reviewer : w.cityReviewer, v.id)
      : returnVersion(
          store,
          i % 4 === 1 ? w.reviewer : w.cityReviewer,
          v.id,
          `第 ${i} 位审核员退回`,
        ),
  );
  const results = await Promise.allSettled(attempts);
  const won = results.filter((r) => r.status === "fulfilled");
  assert.equal(won.length, 1, "exactly one reviewer wins");
  for (const r of results) {
    if (r.status === "rejected") {
      assert.ok(r.reason instanceof ServiceError);
      assert.ok(["STATE_CHANGED", "ILLEGAL_TRANSITION"].includes(r.reason.code), r.reason.code);
    }
  }
  const events = await store.db
    .selectFrom("version_event")
    .select("action")
    .where("version_id", "=", v.id)
    .execute();
  assert.equal(events.filter((e) => e.action === "approve" || e.action === "return").length, 1);
  assert.ok((await verifyAudit(store)).ok);
}

/**
 * The losing side of the race made deterministic: one reviewer's transaction
 * has changed the row but not committed when the other acts. On PostgreSQL the
 * second UPDATE waits for the row lock, then matches no row (STATE_CHANGED);
 * PGlite has one connection, so the second starts after and sees the new state.
 */
async function heldRowLock(factory: FactoryRef): Promise<void> {
  const { store, w } = await setup(factory);
  const v = await upload(store, w);
  await submitVersion(store, w.officer, v.id);
  let second: Promise<unknown> | undefined;
  await store.db.transaction().execute(async (trx) => {
    const won = await transitionVersion(trx, v.id, ["submitted"], { state: "approved" });
    assert.equal(won?.state, "approved");
    second = returnVersion(store, w.cityReviewer, v.id, "同时退回");
    second.catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
  });
  const lost = await refused(
    second!,
    store.engine === "postgres" ? "STATE_CHANGED" : "ILLEGAL_TRANSITION",
  );
  assert.match(lost.message, /审核通过/);
  const row = await store.db
    .selectFrom("version")
    .select("state")
    .where("id", "=", v.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.state, "approved");
}

async function correctionAndWithdrawal(factory: FactoryRef): Promise<void> {
  const { store, w } = await setup(factory);
  const v1 = await published(store, w);
  await refused(upload(store, w), "CORRECTION_NOTE_REQUIRED");
  const v2 = await upload(store, w, corpusFile(CLEAN), { correctionNote: "更正第三部分的表述" });
  assert.equal(v2.number, 2);
  await submitVersion(store, w.officer, v2.id);
  await refused(
    upload(store, w, corpusFile(CLEAN), { correctionNote: "再改" }),
    "OPEN_VERSION_EXISTS",
  );
  await approveVersion(store, w.reviewer, v2.id);
  await publishVersion(store, w.financeAdmin, v2.id);
  const pub = await getDisclosure(store, ANONYMOUS, v1.disclosureId);
  assert.deepEqual(
    pub.versions.map((v) => [v.number, v.state]),
    [
      [1, "superseded"],
      [2, "published"],
    ],
  );
  assert.equal(pub.versions[1]!.correctionNote, "更正第三部分的表述");
  assert.equal(pub.versions[1]!.correctsId, v1.id);
  assert.ok(await getCanonical(store, ANONYMOUS, v1.id), "the superseded version stays readable");
  await withdrawVersion(store, w.financeAdmin, v2.id, "数据口径有误，待重新发布");
  const after = await getVersion(store, ANONYMOUS, v2.id);
  assert.equal(after.state, "withdrawn");
  assert.equal(after.withdrawnReason, "数据口径有误，待重新发布");
  await refused(getCanonical(store, ANONYMOUS, v2.id), "FORBIDDEN");
  assert.ok(await getCanonical(store, w.reviewer, v2.id), "staff still read it");
  assert.ok((await verifyAudit(store)).ok);
}

async function reuploadAndSchedule(factory: FactoryRef): Promise<void> {
  const { store, w } = await setup(factory);
  const a = await upload(store, w);
  const b = await upload(store, w);
  const staff = await getDisclosure(store, w.officer, a.disclosureId);
  assert.deepEqual(
    staff.versions.map((v) => [v.number, v.state]),
    [
      [1, "replaced"],
      [2, "draft"],
    ],
  );
  assert.equal((await listDisclosures(store, ANONYMOUS)).total, 0, "nothing public yet");
  assert.equal((await listDisclosures(store, w.officer)).total, 1);
  assert.equal((await listDisclosures(store, w.beijingReviewer)).total, 0);
  await submitVersion(store, w.officer, b.id);
  await approveVersion(store, w.reviewer, b.id);
  const now = new Date("2026-03-01T00:00:00Z");
  const at = new Date("2026-03-05T09:00:00Z");
  assert.equal((await publishVersion(store, w.financeAdmin, b.id, { at, now })).state, "scheduled");
  await refused(getVersion(store, ANONYMOUS, b.id), "NOT_FOUND");
  assert.deepEqual(await publishDue(store, now), []);
  const due = await publishDue(store, new Date("2026-03-05T09:00:01Z"));
  assert.deepEqual(
    due.map((d) => [d.id, d.state]),
    [[b.id, "published"]],
  );
  const list = await listDisclosures(store, ANONYMOUS, { regionId: w.hebei.id, subtree: true });
  assert.equal(list.total, 1);
  assert.equal(list.items[0]!.latest!.state, "published");
  assert.equal(
    (await listDisclosures(store, ANONYMOUS, { regionId: w.beijing.id, subtree: true })).total,
    0,
  );
}

/** The finance bureau issues a correction with its 更正说明 (issue 12 item 5); first drafts stay the department's. */
async function bureauCorrection(factory: FactoryRef): Promise<void> {
  const { store, w } = await setup(factory);
  const as = (actor: typeof w.reviewer, note?: string, file = corpusFile(CLEAN)) =>
    uploadVersion(store, actor, {
      departmentId: w.dept.id,
      year: 2026,
      kind: "budget",
      files: [file],
      ...(note === undefined ? {} : { correctionNote: note }),
    });
  const first = await refused(as(w.reviewer), "FORBIDDEN");
  assert.match(first.message, /初稿由部门经办人上传/);
  await refused(as(w.financeAdmin, "更正"), "FORBIDDEN");
  const v1 = await published(store, w);
  for (const outsider of [w.beijingReviewer, w.beijingFinanceAdmin, w.otherOfficer]) {
    const e = await refused(as(outsider, "更正"), "FORBIDDEN");
    assert.match(e.message, /无权更正已发布的公开文件/);
  }
  await refused(as(w.cityReviewer), "CORRECTION_NOTE_REQUIRED");
  const bad = await refused(as(w.cityReviewer, "更正", seedFile(SEED_WITH_ERROR)), "CHECK_ERRORS");
  assert.match(bad.message, /更正文件审核发现 \d+ 个错误，须改正后重新上传：\S/);
  const note = "财政局更正：第三部分的表述有误。";
  const v2 = await as(w.cityReviewer, note);
  assert.deepEqual([v2.number, v2.state], [2, "submitted"]);
  await refused(as(w.officer, "部门也想更正"), "OPEN_VERSION_EXISTS");
  await refused(approveVersion(store, w.cityReviewer, v2.id), "SELF_REVIEW");
  await refused(publishVersion(store, w.financeAdmin, v2.id), "ILLEGAL_TRANSITION");
  await approveVersion(store, w.reviewer, v2.id, "核对无误");
  await publishVersion(store, w.financeAdmin, v2.id);
  const pub = await getDisclosure(store, ANONYMOUS, v1.disclosureId);
  assert.deepEqual(
    pub.versions.map((v) => [v.number, v.state, v.correctionNote, v.correctsId]),
    [
      [1, "superseded", null, null],
      [2, "published", note, v1.id],
    ],
  );
  const history = await getVersion(store, w.officer, v2.id);
  assert.deepEqual(
    history.events.map((e) => [e.action, e.from, e.to, e.actor?.split(":")[2]]),
    [
      ["upload", null, "submitted", "reviewer-cz"],
      ["approve", "submitted", "approved", "reviewer"],
      ["publish", "approved", "published", "finance"],
    ],
  );
  const audit = await store.db
    .selectFrom("audit_log")
    .select(["actor", "detail"])
    .where("action", "=", "version.correct")
    .execute();
  assert.equal(audit.length, 1);
  assert.match(audit[0]!.actor, /:reviewer-cz$/);
  assert.deepEqual(
    (({ corrects, correctionNote, issuedBy, state }) => ({
      corrects,
      correctionNote,
      issuedBy,
      state,
    }))(audit[0]!.detail as Record<string, unknown>),
    { corrects: v1.id, correctionNote: note, issuedBy: "bureau", state: "submitted" },
  );
  // The administrator's own correction: approved by a reviewer, not by the administrator.
  const v3 = await as(w.financeAdmin, "再次更正");
  await refused(approveVersion(store, w.financeAdmin, v3.id), "SELF_REVIEW");
  await approveVersion(store, w.cityReviewer, v3.id);
  assert.equal((await publishVersion(store, w.financeAdmin, v3.id)).state, "published");
  assert.ok((await verifyAudit(store)).ok);
}
