/** Users, roles, sign-in throttling and API tokens. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ANONYMOUS } from "../../../src/service/actor.ts";
import {
  createUser,
  listUsers,
  setUserDisabled,
  setUserPassword,
  setUserRole,
} from "../../../src/service/users.ts";
import { THROTTLE, signIn, signInThrottle } from "../../../src/service/signin.ts";
import { createSession, endSession, sessionActor } from "../../../src/service/sessions.ts";
import { authenticateToken, createToken, revokeToken } from "../../../src/service/tokens.ts";
import { uploadVersion } from "../../../src/service/upload.ts";
import { verifyAudit } from "../../../src/service/audit.ts";
import { CLEAN, corpusFile, makeWorld } from "../world.ts";
import {
  createDepartment,
  createRegion,
  getRegion,
  listDepartments,
} from "../../../src/service/catalogue.ts";
import { type FactoryRef, refused } from "./helpers.ts";

const PASSWORD = "长城-Jinan-2026!";

export function userTests(factory: FactoryRef): void {
  test("regions: a province only by the system administrator, a region below by finance admins of the one above", () =>
    regionRights(factory));
  test("sessions: a signed-in user's cookie secret maps back to the user until it expires, ends, or the password changes", () =>
    sessions(factory));
  test("users: only an administrator creates them; scope must fit the role; passwords hashed with scrypt", () =>
    usersAndRoles(factory));
  test("sign-in throttling locks a name after repeated failures, known or not, and lifts when the lock ends", () =>
    signInThrottling(factory));
  test("API tokens act within their scope, are stored hashed, and stop working when revoked", () =>
    apiTokens(factory));
}

async function usersAndRoles(factory: FactoryRef): Promise<void> {
  const store = await factory().fresh();
  const w = await makeWorld(store);
  await refused(
    createUser(store, w.reviewer, { username: "x1", password: PASSWORD, role: "sysadmin" }),
    "FORBIDDEN",
  );
  await refused(
    createUser(store, ANONYMOUS, { username: "x1", password: PASSWORD, role: "sysadmin" }),
    "UNAUTHENTICATED",
  );
  await refused(
    createUser(store, w.admin, {
      username: "rev",
      password: "short",
      role: "reviewer",
      regionId: w.hebei.id,
    }),
    "WEAK_PASSWORD",
  );
  await refused(
    createUser(store, w.admin, { username: "rev", password: PASSWORD, role: "reviewer" }),
    "INVALID_INPUT",
  );
  await refused(
    createUser(store, w.admin, {
      username: "rev",
      password: PASSWORD,
      role: "officer",
      regionId: w.hebei.id,
    }),
    "INVALID_INPUT",
  );
  await refused(
    createUser(store, w.admin, { username: "a b", password: PASSWORD, role: "sysadmin" }),
    "INVALID_INPUT",
  );
  const rev = await createUser(store, w.admin, {
    username: "rev",
    password: PASSWORD,
    role: "reviewer",
    regionId: w.hebei.id,
  });
  await refused(
    createUser(store, w.admin, { username: "Rev", password: PASSWORD, role: "sysadmin" }),
    "DUPLICATE",
  );
  const row = await store.db
    .selectFrom("app_user")
    .select("password_hash")
    .where("id", "=", rev.id)
    .executeTakeFirstOrThrow();
  assert.match(row.password_hash, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  assert.ok(!row.password_hash.includes(PASSWORD));
  const { actor } = await signIn(store, { username: "REV", password: PASSWORD });
  assert.deepEqual(actor, {
    kind: "user",
    id: rev.id,
    name: "rev",
    roles: ["reviewer"],
    scope: { regionId: w.hebei.id },
  });
  const moved = await setUserRole(store, w.admin, rev.id, {
    role: "officer",
    departmentId: w.dept.id,
  });
  assert.deepEqual([moved.role, moved.regionId, moved.departmentId], ["officer", null, w.dept.id]);
  await setUserPassword(store, w.admin, rev.id, "另一个-Passwort-9");
  await refused(signIn(store, { username: "rev", password: PASSWORD }), "SIGNIN_FAILED");
  await signIn(store, { username: "rev", password: "另一个-Passwort-9" });
  await setUserDisabled(store, w.admin, rev.id, true);
  await refused(signIn(store, { username: "rev", password: "另一个-Passwort-9" }), "SIGNIN_FAILED");
  assert.equal((await listUsers(store, w.admin)).length, 1);
  const actions = (
    await store.db.selectFrom("audit_log").select("action").orderBy("seq").execute()
  ).map((a) => a.action);
  for (const a of ["user.create", "user.role", "user.password", "user.disable", "signin.failed"])
    assert.ok(actions.includes(a), a);
  assert.ok((await verifyAudit(store)).ok);
}

async function signInThrottling(factory: FactoryRef): Promise<void> {
  const store = await factory().fresh();
  const w = await makeWorld(store);
  await createUser(store, w.admin, {
    username: "fin",
    password: PASSWORD,
    role: "finance_admin",
    regionId: w.hebei.id,
  });
  const t0 = new Date("2026-06-01T08:00:00Z");
  for (let i = 1; i < THROTTLE.maxFailures; i++) {
    await refused(
      signIn(store, { username: "fin", password: "wrong-password" }, { now: t0, from: "10.0.0.9" }),
      "SIGNIN_FAILED",
    );
  }
  const lock = await refused(
    signIn(store, { username: "fin", password: "wrong-password" }, { now: t0 }),
    "SIGNIN_LOCKED",
  );
  assert.equal(
    lock.details?.lockedUntil,
    new Date(t0.getTime() + THROTTLE.lockMinutes * 60_000).toISOString(),
  );
  // Locked: even the right password is refused until the lock ends.
  await refused(
    signIn(
      store,
      { username: "fin", password: PASSWORD },
      { now: new Date(t0.getTime() + 60_000) },
    ),
    "SIGNIN_LOCKED",
  );
  const state = await signInThrottle(store, "fin");
  assert.equal(state.failures, THROTTLE.maxFailures + 1);
  await signIn(
    store,
    { username: "fin", password: PASSWORD },
    { now: new Date(t0.getTime() + 16 * 60_000) },
  );
  assert.equal((await signInThrottle(store, "fin")).failures, 0);
  for (let i = 0; i < THROTTLE.maxFailures - 1; i++) {
    await refused(
      signIn(store, { username: "nobody", password: "x" }, { now: t0 }),
      "SIGNIN_FAILED",
    );
  }
  await refused(signIn(store, { username: "nobody", password: "x" }, { now: t0 }), "SIGNIN_LOCKED");
  const failures = await store.db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", "signin.failed")
    .execute();
  assert.equal(failures.length, THROTTLE.maxFailures * 2 + 1);
  assert.ok(failures.some((f) => (f.detail as { from?: string }).from === "10.0.0.9"));
}

async function apiTokens(factory: FactoryRef): Promise<void> {
  const store = await factory().fresh();
  const w = await makeWorld(store);
  await refused(
    createToken(store, w.officer, { name: "一体化", role: "officer", departmentId: w.dept.id }),
    "FORBIDDEN",
  );
  await refused(
    createToken(store, w.beijingFinanceAdmin, {
      name: "一体化",
      role: "officer",
      departmentId: w.dept.id,
    }),
    "FORBIDDEN",
  );
  const { token, info } = await createToken(store, w.financeAdmin, {
    name: "预算管理一体化",
    role: "officer",
    departmentId: w.dept.id,
  });
  assert.match(token, /^gk_[A-Za-z0-9_-]{43}$/);
  const stored = await store.db.selectFrom("api_token").selectAll().executeTakeFirstOrThrow();
  assert.notEqual(stored.token_hash, token);
  assert.ok(!JSON.stringify(stored).includes(token.slice(8)));
  const actor = await authenticateToken(store, token);
  assert.deepEqual(
    [actor.kind, actor.roles, actor.scope],
    ["token", ["officer"], { departmentId: w.dept.id }],
  );
  const v = await uploadVersion(store, actor, {
    departmentId: w.dept.id,
    year: 2026,
    kind: "budget",
    files: [corpusFile(CLEAN)],
  });
  assert.equal(v.state, "draft");
  await refused(
    uploadVersion(store, actor, {
      departmentId: w.otherDept.id,
      year: 2026,
      kind: "budget",
      files: [corpusFile(CLEAN)],
    }),
    "FORBIDDEN",
  );
  await revokeToken(store, w.admin, info.id);
  await refused(authenticateToken(store, token), "TOKEN_INVALID");
  await refused(authenticateToken(store, "gk_forged"), "TOKEN_INVALID");
}

async function sessions(factory: FactoryRef): Promise<void> {
  const store = await factory().fresh();
  const w = await makeWorld(store);
  const u = await createUser(store, w.admin, {
    username: "off",
    password: PASSWORD,
    role: "officer",
    departmentId: w.dept.id,
  });
  const { actor } = await signIn(store, { username: "off", password: PASSWORD });
  const t0 = new Date("2026-05-01T08:00:00Z");
  const s1 = await createSession(store, actor, { now: t0 });
  assert.match(s1.secret, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(s1.expiresAt.toISOString(), "2026-05-01T20:00:00.000Z");
  const stored = await store.db.selectFrom("app_session").select("id_hash").execute();
  assert.ok(
    stored.every((r) => r.id_hash !== s1.secret),
    "only the hash is stored",
  );
  assert.deepEqual(await sessionActor(store, s1.secret, new Date("2026-05-01T19:59:00Z")), actor);
  await refused(
    sessionActor(store, s1.secret, new Date("2026-05-01T20:00:00Z")),
    "UNAUTHENTICATED",
  );
  await refused(sessionActor(store, "forged", t0), "UNAUTHENTICATED");
  await refused(createSession(store, ANONYMOUS), "INVALID_INPUT");
  const s2 = await createSession(store, actor, { now: t0 });
  await endSession(store, s2.secret, t0);
  await refused(sessionActor(store, s2.secret, t0), "UNAUTHENTICATED");
  const s3 = await createSession(store, actor);
  await sessionActor(store, s3.secret);
  await setUserPassword(store, w.admin, u.id, "新的-Password-2027");
  await refused(sessionActor(store, s3.secret), "UNAUTHENTICATED");
  const s4 = await createSession(store, actor);
  await setUserDisabled(store, w.admin, u.id, true);
  await refused(sessionActor(store, s4.secret), "UNAUTHENTICATED");
  const actions = (await store.db.selectFrom("audit_log").select("action").execute()).map(
    (a) => a.action,
  );
  assert.equal(actions.filter((a) => a === "session.create").length, 4);
  assert.equal(actions.filter((a) => a === "session.end").length, 1);
}

async function regionRights(factory: FactoryRef): Promise<void> {
  const store = await factory().fresh();
  const w = await makeWorld(store);
  await refused(
    createRegion(store, w.financeAdmin, { name: "天津市", level: "province" }),
    "FORBIDDEN",
  );
  await refused(
    createRegion(store, w.reviewer, { name: "衡水市", level: "city", parentId: w.hebei.id }),
    "FORBIDDEN",
  );
  await refused(
    createRegion(store, w.beijingFinanceAdmin, {
      name: "衡水市",
      level: "city",
      parentId: w.hebei.id,
    }),
    "FORBIDDEN",
  );
  const hs = await createRegion(store, w.financeAdmin, {
    name: "衡水市",
    level: "city",
    code: "131100",
    parentId: w.hebei.id,
  });
  await refused(
    createRegion(store, w.financeAdmin, {
      name: "别名",
      level: "city",
      code: "131100",
      parentId: w.hebei.id,
    }),
    "DUPLICATE",
  );
  const dep = await createDepartment(store, w.financeAdmin, {
    regionId: hs.id,
    name: "衡水市财政局",
  });
  await refused(
    createDepartment(store, w.cityReviewer, { regionId: hs.id, name: "x" }),
    "FORBIDDEN",
  );
  const region = await getRegion(store, hs.id);
  assert.deepEqual(
    region.ancestors.map((r) => r.name),
    ["河北省"],
  );
  const deps = await listDepartments(store, { regionId: w.hebei.id, subtree: true });
  assert.ok(deps.items.some((d) => d.id === dep.id && d.regionName === "衡水市"));
  assert.equal(
    (await listDepartments(store, { regionId: w.hebei.id })).total,
    0,
    "none directly under the province",
  );
}
