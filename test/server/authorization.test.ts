/**
 * Authorisation, proven: every route of the app (its own route table) × every
 * role, each answer checked against an explicit matrix. A route missing from
 * the matrix fails the test, so a new route must state who may use it.
 *
 * Writes target versions in states where the allowed roles get a refusal of
 * the workflow (409/422) rather than a change, so one store serves every
 * cell: an answer other than 401/403/404 proves the request got past the
 * authorisation checks.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { respondToFinding, uploadVersion } from "../../src/service/upload.ts";
import { approveVersion, publishVersion, submitVersion } from "../../src/service/workflow.ts";
import { getVersion } from "../../src/service/reads.ts";
import { seedFile } from "../store/world.ts";
import { CSS_PATH, JS_PATH } from "../../src/server/views/assets.ts";
import {
  type Call,
  ROLE_NAMES,
  type RoleName,
  type Server,
  PASSWORD,
  call,
  signInClient,
  startServer,
} from "./harness.ts";

/** Seed 004: no errors, several warnings (each needs a response before submission). */
const SEED = "004_51b2d206ba941185.txt";

let s: Server;
const ids = { draft: 0, submitted: 0, published: 0, publishedDisclosure: 0, draftDisclosure: 0 };

before(async () => {
  s = await startServer();
  const officer = s.actors.officer!;
  const upload = (year: number) =>
    uploadVersion(s.store, officer, {
      departmentId: s.world.dept.id,
      year,
      kind: "budget",
      files: [seedFile(SEED)],
    });
  const answerAll = async (id: number) => {
    const v = await getVersion(s.store, officer, id);
    for (const f of v.findings) {
      if (f.finding.severity === "warning")
        await respondToFinding(s.store, officer, id, f.index, "已核实（checked）");
    }
  };
  const draft = await upload(2020);
  ids.draft = draft.id;
  ids.draftDisclosure = draft.disclosureId;
  const submitted = await upload(2021);
  await answerAll(submitted.id);
  await submitVersion(s.store, officer, submitted.id);
  ids.submitted = submitted.id;
  const published = await upload(2022);
  await answerAll(published.id);
  await submitVersion(s.store, officer, published.id);
  await approveVersion(s.store, s.actors.reviewer!, published.id);
  await publishVersion(s.store, s.actors.finance!, published.id);
  ids.published = published.id;
  ids.publishedDisclosure = published.disclosureId;
});
after(() => s?.close());

type Row = Record<RoleName, number>;
const all = (status: number): Row => Object.fromEntries(ROLE_NAMES.map((r) => [r, status])) as Row;
/** What a draft of the officer's department answers to reads: staff covering it see it, others do not. */
const draftRead: Row = {
  anonymous: 404,
  sysadmin: 200,
  finance: 200,
  reviewer: 200,
  reviewerOther: 404,
  officer: 200,
  officerOther: 404,
  token: 200,
};
/** Officer writes on the department: the officer and the officer's token pass (to `passed`). */
const officerWrite = (passed: number): Row => ({
  anonymous: 401,
  sysadmin: 403,
  finance: 403,
  reviewer: 403,
  reviewerOther: 403,
  officer: passed,
  officerOther: 403,
  token: passed,
});
/** Review actions: reviewers and finance administrators of the region. */
const reviewWrite = (passed: number): Row => ({
  anonymous: 401,
  sysadmin: 403,
  finance: passed,
  reviewer: passed,
  reviewerOther: 403,
  officer: 403,
  officerOther: 403,
  token: 403,
});
const financeWrite = (passed: number): Row => ({ ...reviewWrite(passed), reviewer: 403 });
const tokenAdmin = (passed: number): Row => ({
  ...all(403),
  anonymous: 401,
  sysadmin: passed,
  finance: passed,
});

/** An upload whose file cannot be read: past the checks it is refused on its content (422). */
const unreadable = (year = 2023) => {
  const form = new FormData();
  form.set("departmentId", String(s.world.dept.id));
  form.set("year", String(year));
  form.set("kind", "budget");
  form.set("correctionNote", "更正（correction）");
  form.append("files", new File(["hello"], "x.txt"));
  return form;
};

/** The approval-date form as a browser posts it (the CSRF token goes in the header here). */
const approvalForm = () => {
  const form = new FormData();
  form.set("year", "2022");
  form.set("kind", "budget");
  form.set("date", "2022-02-01");
  return form;
};
/** A comparison of the published disclosure with a draft: refused to everyone, staff included. */
const compareWithDraft = () => `d=${ids.publishedDisclosure}&d=${ids.draftDisclosure}`;

interface Case {
  path: () => string;
  init?: () => Call;
  expect: Row;
}

const v =
  (which: keyof typeof ids, rest = "") =>
  () =>
    `/api/v1/versions/${ids[which]}${rest}`;
const w =
  (which: keyof typeof ids, rest = "") =>
  () =>
    `/work/versions/${ids[which]}${rest}`;
const fields = (values: Record<string, string>) => {
  const form = new FormData();
  for (const [k, value] of Object.entries(values)) form.set(k, value);
  return form;
};
/** A working page's form: an API token is no browser session, so like the signed-out it gets 401. */
const pageWrite = (row: Row): Row => ({ ...row, token: 401 });
/** Those who may read the draft get 400 (the request was read and refused on its content). */
const all400 = (row: Row): Partial<Row> =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([, n]) => n === 200)
      .map(([k]) => [k, 400]),
  );

/** The matrix: `METHOD /route/pattern` → the request made and each role's expected status. */
const MATRIX: Record<string, Case> = {
  "GET /api/v1/regions": { path: () => "/api/v1/regions", expect: all(200) },
  "GET /api/v1/regions/:id": {
    path: () => `/api/v1/regions/${s.world.hebei.id}`,
    expect: all(200),
  },
  "GET /api/v1/departments": { path: () => "/api/v1/departments", expect: all(200) },
  "GET /api/v1/departments/:id": {
    path: () => `/api/v1/departments/${s.world.dept.id}`,
    expect: all(200),
  },
  "GET /api/v1/disclosures": { path: () => "/api/v1/disclosures", expect: all(200) },
  "GET /api/v1/search": { path: () => "/api/v1/search?q=%E5%AE%A1%E8%AE%A1", expect: all(200) },
  "GET /api/v1/disclosures/:id": {
    path: () => `/api/v1/disclosures/${ids.draftDisclosure}`,
    expect: draftRead,
  },
  "GET /api/v1/versions/:id": { path: v("draft"), expect: draftRead },
  "GET /api/v1/versions/:id/canonical": { path: v("draft", "/canonical"), expect: draftRead },
  "GET /api/v1/versions/:id/report": { path: v("draft", "/report"), expect: draftRead },
  "GET /api/v1/versions/:id/files/:position": { path: v("draft", "/files/0"), expect: draftRead },
  "GET /api/v1/versions/:id/download/:format": {
    path: v("draft", "/download/json"),
    expect: draftRead,
  },
  "POST /api/v1/versions": {
    path: () => "/api/v1/versions",
    init: () => ({ method: "POST", form: unreadable() }),
    expect: officerWrite(422),
  },
  // A correction: the department's officer, or the finance bureau of the region (policy.ts `correct`).
  "POST /api/v1/disclosures/:id/corrections": {
    path: () => `/api/v1/disclosures/${ids.publishedDisclosure}/corrections`,
    init: () => ({ method: "POST", form: unreadable() }),
    expect: { ...officerWrite(422), finance: 422, reviewer: 422 },
  },
  "PUT /api/v1/versions/:id/findings/:index/response": {
    path: v("submitted", "/findings/0/response"),
    init: () => ({ method: "PUT", json: { text: "说明" } }),
    expect: officerWrite(409),
  },
  "POST /api/v1/versions/:id/submit": {
    path: v("draft", "/submit"),
    init: () => ({ method: "POST" }),
    expect: officerWrite(422),
  },
  "POST /api/v1/versions/:id/return": {
    path: v("draft", "/return"),
    init: () => ({ method: "POST", json: { comment: "请补充（more please）" } }),
    expect: reviewWrite(409),
  },
  "POST /api/v1/versions/:id/approve": {
    path: v("draft", "/approve"),
    init: () => ({ method: "POST", json: {} }),
    expect: reviewWrite(409),
  },
  "POST /api/v1/versions/:id/publish": {
    path: v("draft", "/publish"),
    init: () => ({ method: "POST", json: {} }),
    expect: financeWrite(409),
  },
  "POST /api/v1/versions/:id/withdraw": {
    path: v("draft", "/withdraw"),
    init: () => ({ method: "POST", json: { reason: "有误（wrong）" } }),
    expect: financeWrite(409),
  },
  // Comparisons read published versions only, whoever asks: a draft is not found even by staff.
  "GET /api/v1/compare": { path: () => `/api/v1/compare?${compareWithDraft()}`, expect: all(404) },
  "PUT /api/v1/regions/:id/approval-dates": {
    path: () => `/api/v1/regions/${s.world.hebei.id}/approval-dates`,
    init: () => ({ method: "PUT", json: { year: 2022, kind: "budget", date: "2022-02-01" } }),
    expect: reviewWrite(200),
  },
  "GET /api/v1/session": { path: () => "/api/v1/session", expect: all(200) },
  "POST /api/v1/session": {
    path: () => "/api/v1/session",
    init: () => ({ method: "POST", json: { username: "reviewer", password: "Kai-9-lu-Xun-2026" } }),
    expect: all(200),
  },
  "DELETE /api/v1/session": {
    path: () => "/api/v1/session",
    init: () => ({ method: "DELETE" }),
    expect: all(204),
  },
  "GET /api/v1/tokens": { path: () => "/api/v1/tokens", expect: tokenAdmin(200) },
  "POST /api/v1/tokens": {
    path: () => "/api/v1/tokens",
    init: () => ({ method: "POST", json: { name: "x", role: "sysadmin" } }),
    expect: tokenAdmin(400),
  },
  "DELETE /api/v1/tokens/:id": {
    path: () => "/api/v1/tokens/999999",
    init: () => ({ method: "DELETE" }),
    expect: tokenAdmin(404),
  },
  // The portal's public pages: anyone reads what is published; a draft only staff covering it.
  "GET /": { path: () => "/", expect: all(200) },
  [`GET ${CSS_PATH}`]: { path: () => CSS_PATH, expect: all(200) },
  [`GET ${JS_PATH}`]: { path: () => JS_PATH, expect: all(200) },
  "GET /regions": { path: () => "/regions", expect: all(200) },
  // Search finds published content only: the same answer for everyone.
  "GET /search": { path: () => "/search?q=%E5%AE%A1%E8%AE%A1", expect: all(200) },
  "GET /regions/:id": { path: () => `/regions/${s.world.hebei.id}`, expect: all(200) },
  "GET /departments/:id": { path: () => `/departments/${s.world.dept.id}`, expect: all(200) },
  "GET /disclosures/:id": {
    path: () => `/disclosures/${ids.draftDisclosure}`,
    expect: draftRead,
  },
  "GET /disclosures/:id/versions/:n": {
    path: () => `/disclosures/${ids.publishedDisclosure}/versions/1`,
    expect: all(200),
  },
  "GET /compare": { path: () => `/compare?${compareWithDraft()}`, expect: all(404) },
  "GET /compare.csv": { path: () => `/compare.csv?${compareWithDraft()}`, expect: all(404) },
  "GET /regions/:id/scoreboard": {
    path: () => `/regions/${s.world.hebei.id}/scoreboard?year=2022`,
    expect: all(200),
  },
  // The approval-date form: the region's finance reviewers and administrators (then 303 back).
  "POST /regions/:id/scoreboard/approval": {
    path: () => `/regions/${s.world.hebei.id}/scoreboard/approval`,
    init: () => ({ method: "POST", form: approvalForm() }),
    expect: reviewWrite(303),
  },
  // The working pages: signed out, a page sends to /signin (303) and a form gets 401; an API
  // token is no browser session. A workflow refusal past the checks comes back as 303 to the form.
  "GET /signin": { path: () => "/signin", expect: all(200) },
  "POST /signin": {
    path: () => "/signin",
    init: () => ({ method: "POST", form: fields({ username: "reviewer", password: PASSWORD }) }),
    expect: all(303),
  },
  "POST /signout": {
    path: () => "/signout",
    init: () => ({ method: "POST", form: fields({}) }),
    expect: all(303),
  },
  "GET /work": { path: () => "/work", expect: { ...all(200), anonymous: 303, token: 303 } },
  "GET /work/upload": {
    path: () => "/work/upload",
    expect: { ...all(403), anonymous: 303, token: 303, officer: 200, officerOther: 200 },
  },
  "POST /work/upload": {
    path: () => "/work/upload",
    init: () => ({ method: "POST", form: unreadable() }),
    expect: pageWrite(officerWrite(303)),
  },
  "GET /work/versions/:id": {
    path: w("draft"),
    expect: { ...draftRead, anonymous: 303, token: 303 },
  },
  // The draft is a text file: past the checks, "not a PDF" (400).
  "GET /work/versions/:id/files/:position/pages/:page": {
    path: w("draft", "/files/0/pages/1"),
    expect: { ...draftRead, ...all400(draftRead), anonymous: 303, token: 303 },
  },
  "POST /work/versions/:id/findings/:index/response": {
    path: w("submitted", "/findings/0/response"),
    init: () => ({ method: "POST", form: fields({ text: "说明" }) }),
    expect: pageWrite(officerWrite(303)),
  },
  "POST /work/versions/:id/submit": {
    path: w("draft", "/submit"),
    init: () => ({ method: "POST", form: fields({}) }),
    expect: pageWrite(officerWrite(303)),
  },
  "POST /work/versions/:id/return": {
    path: w("draft", "/return"),
    init: () => ({ method: "POST", form: fields({ comment: "请补充" }) }),
    expect: pageWrite(reviewWrite(303)),
  },
  "POST /work/versions/:id/approve": {
    path: w("draft", "/approve"),
    init: () => ({ method: "POST", form: fields({}) }),
    expect: pageWrite(reviewWrite(303)),
  },
  "POST /work/versions/:id/publish": {
    path: w("draft", "/publish"),
    init: () => ({ method: "POST", form: fields({}) }),
    expect: pageWrite(financeWrite(303)),
  },
  "POST /work/versions/:id/withdraw": {
    path: w("draft", "/withdraw"),
    init: () => ({ method: "POST", form: fields({ reason: "有误" }) }),
    expect: pageWrite(financeWrite(303)),
  },
  "GET /api/v1/openapi.json": { path: () => "/api/v1/openapi.json", expect: all(200) },
  "GET /api/v1/docs": { path: () => "/api/v1/docs", expect: all(200) },
  "GET /api/v1/docs/swagger": { path: () => "/api/v1/docs/swagger", expect: all(200) },
  "GET /api/v1/docs/init.js": { path: () => "/api/v1/docs/init.js", expect: all(200) },
  "GET /api/v1/docs/contrast.css": { path: () => "/api/v1/docs/contrast.css", expect: all(200) },
  "GET /api/v1/docs/assets/:file": {
    path: () => "/api/v1/docs/assets/swagger-ui.css",
    expect: all(200),
  },
};

/**
 * More cases of routes already in the matrix (`METHOD /route · what`): uploading is one route
 * for first drafts (the officer's) and corrections (the officer's or the region's bureau's).
 */
const VARIANTS: Record<string, Case> = {
  "POST /work/upload · the correction form of the published version's page": {
    path: () => `/work/upload?back=/work/versions/${ids.published}`,
    init: () => ({ method: "POST", form: unreadable(2022) }),
    expect: pageWrite({ ...officerWrite(303), finance: 303, reviewer: 303 }),
  },
  "POST /api/v1/versions · a correction of the published disclosure": {
    path: () => "/api/v1/versions",
    init: () => ({ method: "POST", form: unreadable(2022) }),
    expect: { ...officerWrite(422), finance: 422, reviewer: 422 },
  },
  "POST /api/v1/disclosures/:id/corrections · a disclosure not yet published": {
    path: () => `/api/v1/disclosures/${ids.draftDisclosure}/corrections`,
    init: () => ({ method: "POST", form: unreadable() }),
    // Those who cannot read the draft do not learn it exists (404).
    expect: { ...officerWrite(422), anonymous: 404, reviewerOther: 404, officerOther: 404 },
  },
};

/** The app's own route table, without middleware (method ALL on a wildcard). */
function routeKeys(): string[] {
  const keys = s.app.routes
    .filter((r) => !(r.method === "ALL" && r.path.includes("*")))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)];
}

it("every route has a matrix entry, and every entry a route", () => {
  const routes = routeKeys();
  const missing = routes.filter((k) => !(k in MATRIX));
  assert.deepEqual(missing, [], "routes without an authorisation matrix entry");
  assert.deepEqual(
    Object.keys(MATRIX).filter((k) => !routes.includes(k)),
    [],
    "matrix entries without a route",
  );
  const variantRoutes = Object.keys(VARIANTS).map((k) => k.split(" · ")[0]!);
  assert.deepEqual(
    variantRoutes.filter((k) => !routes.includes(k)),
    [],
    "variants of no route",
  );
});

it("every route × every role answers as the matrix says", async () => {
  const wrong: string[] = [];
  for (const key of routeKeys()) {
    const c = MATRIX[key];
    if (!c) continue;
    for (const role of ROLE_NAMES) {
      const res = await call(s.app, s.clients[role], c.path(), c.init?.() ?? {});
      await res.arrayBuffer();
      if (res.status !== c.expect[role])
        wrong.push(`${key} as ${role}: ${res.status}, expected ${c.expect[role]}`);
      const signsOut = key === "DELETE /api/v1/session" || key === "POST /signout";
      if (signsOut && role !== "anonymous" && role !== "token") {
        s.clients[role] = await signInClient(s.app, role, s.actors[role]!.name!);
      }
    }
  }
  for (const [key, c] of Object.entries(VARIANTS)) {
    for (const role of ROLE_NAMES) {
      const res = await call(s.app, s.clients[role], c.path(), c.init?.() ?? {});
      await res.arrayBuffer();
      if (res.status !== c.expect[role])
        wrong.push(`${key} as ${role}: ${res.status}, expected ${c.expect[role]}`);
    }
  }
  assert.deepEqual(wrong, []);
  // Nothing the matrix did changed a version's state.
  for (const [id, state] of [
    [ids.draft, "draft"],
    [ids.submitted, "submitted"],
    [ids.published, "published"],
  ] as const) {
    assert.equal((await getVersion(s.store, s.actors.sysadmin!, id)).state, state);
  }
});
