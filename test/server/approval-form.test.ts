/**
 * The scoreboard's approval-date form as a browser uses it: shown to the
 * region's reviewer with the session's CSRF token, posted as a plain form
 * (the token in the `_csrf` field, no header), refused without the token,
 * to an officer (403) and to the public (401); and the same write through
 * the API.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { type Client, type Server, call, startServer } from "./harness.ts";

let s: Server;
before(async () => {
  s = await startServer();
});
after(() => s?.close());

const board = () => `/regions/${s.world.cangzhou.id}/scoreboard?year=2026&kind=budget`;
const action = () => `/regions/${s.world.cangzhou.id}/scoreboard/approval`;

function approvalForm(date: string, csrf?: string): FormData {
  const form = new FormData();
  if (csrf) form.set("_csrf", csrf);
  form.set("year", "2026");
  form.set("kind", "budget");
  form.set("date", date);
  form.set("disclosureId", "");
  return form;
}

/** Posted as the browser posts the form: cookie and Origin, the token only in the body. */
const post = (client: Client, form: FormData) =>
  call(s.app, { ...client, csrf: undefined }, action(), { method: "POST", form });

it("a reviewer of the region sees the form with the session's CSRF token; the public does not", async () => {
  const reviewer = s.clients.reviewer;
  const html = await (await call(s.app, reviewer, board())).text();
  assert.match(html, new RegExp(`<form method="post" action="${action()}"`));
  assert.match(html, new RegExp(`name="_csrf" value="${reviewer.csrf}"`));
  assert.match(html, /<input type="date" name="date" required/);
  for (const role of ["anonymous", "officer", "reviewerOther"] as const) {
    const other = await (await call(s.app, s.clients[role], board())).text();
    assert.doesNotMatch(other, /name="_csrf"/, role);
    assert.match(other, /未登记批复日期/, role);
  }
});

it("the form posts without JavaScript: recorded, then back to the scoreboard showing the date", async () => {
  const reviewer = s.clients.reviewer;
  const res = await post(reviewer, approvalForm("2026-02-01", reviewer.csrf));
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), board());
  const html = await (await call(s.app, s.clients.anonymous, board())).text();
  assert.match(html, /本级财政批复日期：2026-02-01/);
});

it("refused: without the CSRF token (403), to an officer (403), to the public (401), a bad date (400)", async () => {
  const reviewer = s.clients.reviewer;
  const noToken = await post(reviewer, approvalForm("2026-03-01"));
  assert.equal(noToken.status, 403);
  assert.match(await noToken.text(), /防跨站令牌/);
  const officer = await post(s.clients.officer, approvalForm("2026-03-01", s.clients.officer.csrf));
  assert.equal(officer.status, 403);
  assert.match(await officer.text(), /无权登记批复日期/);
  const anonymous = await post(s.clients.anonymous, approvalForm("2026-03-01"));
  assert.equal(anonymous.status, 401);
  assert.match(await anonymous.text(), /请先登录再登记批复日期/);
  const bad = await post(reviewer, approvalForm("2026-02-30", reviewer.csrf));
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /批复日期须为有效日期/);
  const html = await (await call(s.app, s.clients.anonymous, board())).text();
  assert.match(html, /本级财政批复日期：2026-02-01/, "nothing refused was recorded");
});

it("the API records through the same service: the previous date comes back", async () => {
  const res = await call(
    s.app,
    s.clients.finance,
    `/api/v1/regions/${s.world.cangzhou.id}/approval-dates`,
    {
      method: "PUT",
      json: { year: 2026, kind: "budget", date: "2026-02-05" },
    },
  );
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {
    regionId: s.world.cangzhou.id,
    year: 2026,
    kind: "budget",
    date: "2026-02-05",
    disclosureId: null,
    previous: "2026-02-01",
  });
});
