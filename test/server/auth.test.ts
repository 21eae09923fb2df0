/**
 * Sign-in and sign-out through the API, the lockout after repeated failures,
 * CSRF refusals, security headers, and errors as JSON with Chinese messages.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { THROTTLE } from "../../src/service/signin.ts";
import { PASSWORD, type Server, call, cookieOf, signInClient, startServer } from "./harness.ts";

let s: Server;
before(async () => {
  s = await startServer();
});
after(() => s.close());

const anon = { role: "anonymous" as const };

describe("sign-in and sign-out", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie and names the user", async () => {
    const res = await call(s.app, anon, "/api/v1/session", {
      method: "POST",
      json: { username: "reviewer", password: PASSWORD },
    });
    assert.equal(res.status, 200);
    const line = res.headers.getSetCookie().find((l) => l.startsWith("gk_session="))!;
    assert.match(line, /HttpOnly/);
    assert.match(line, /SameSite=Strict/);
    assert.doesNotMatch(line, /Secure/, "plain http: no Secure flag");
    const body = (await res.json()) as {
      actor: { name: string; roles: string[] };
      csrfToken: string;
    };
    assert.equal(body.actor.name, "reviewer");
    assert.deepEqual(body.actor.roles, ["reviewer"]);
    const me = await call(
      s.app,
      { role: "reviewer", cookie: cookieOf(res, "gk_session") },
      "/api/v1/session",
    );
    assert.equal(((await me.json()) as { actor: { name: string } }).actor.name, "reviewer");
  });

  it("marks the cookie Secure over https", async () => {
    const res = await s.app.request("https://gongkai.example/api/v1/session", {
      method: "POST",
      headers: { origin: "https://gongkai.example", "content-type": "application/json" },
      body: JSON.stringify({ username: "officer", password: PASSWORD }),
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.getSetCookie().join("\n"), /gk_session=[^;]+;.*Secure/);
  });

  it("sign-out ends the session: the old cookie is anonymous afterwards", async () => {
    const client = await signInClient(s.app, "sysadmin", "admin");
    assert.equal((await call(s.app, client, "/api/v1/tokens")).status, 200);
    const out = await call(s.app, client, "/api/v1/session", { method: "DELETE" });
    assert.equal(out.status, 204);
    assert.match(out.headers.getSetCookie().join("\n"), /gk_session=;/);
    const me = await call(s.app, { role: "sysadmin", cookie: client.cookie }, "/api/v1/session");
    assert.equal(((await me.json()) as { actor: { kind: string } }).actor.kind, "anonymous");
    assert.equal((await call(s.app, client, "/api/v1/tokens")).status, 401);
  });

  it("refuses a wrong password with a Chinese message and no cookie", async () => {
    const res = await call(s.app, anon, "/api/v1/session", {
      method: "POST",
      json: { username: "finance", password: "not-the-password" },
    });
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), {
      error: { code: "SIGNIN_FAILED", message: "用户名或密码不正确（wrong username or password）" },
    });
    assert.equal(cookieOf(res, "gk_session"), undefined);
  });
});

describe("throttling", () => {
  it(`locks a username after ${THROTTLE.maxFailures} failures, even against the right password`, async () => {
    const attempt = (password: string) =>
      call(s.app, anon, "/api/v1/session", {
        method: "POST",
        json: { username: "officer-bj", password },
      });
    const statuses: number[] = [];
    for (let i = 0; i < THROTTLE.maxFailures; i++)
      statuses.push((await attempt(`wrong-${i}-password`)).status);
    assert.deepEqual(statuses, [...Array(THROTTLE.maxFailures - 1).fill(401), 429]);
    const locked = await attempt(PASSWORD);
    assert.equal(locked.status, 429);
    const retry = Number(locked.headers.get("retry-after"));
    assert.ok(retry > 14 * 60 && retry <= THROTTLE.lockMinutes * 60, `Retry-After ${retry}`);
    const body = (await locked.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "SIGNIN_LOCKED");
    assert.match(body.error.message, /登录失败次数过多/);
    // Another user is not affected.
    await signInClient(s.app, "finance", "finance");
  });
});

describe("CSRF", () => {
  it("refuses a signed-in write without the token, and accepts it with the token", async () => {
    const c = s.clients.officer;
    const without = await call(s.app, { ...c, csrf: undefined }, "/api/v1/versions/999/submit", {
      method: "POST",
    });
    assert.equal(without.status, 403);
    assert.equal(((await without.json()) as { error: { code: string } }).error.code, "CSRF");
    const wrong = await call(s.app, { ...c, csrf: "forged" }, "/api/v1/versions/999/submit", {
      method: "POST",
    });
    assert.equal(wrong.status, 403);
    const right = await call(s.app, c, "/api/v1/versions/999/submit", { method: "POST" });
    assert.equal(right.status, 404, "past the CSRF check: the version does not exist");
  });

  it("accepts the token as the _csrf field of a form post", async () => {
    const c = s.clients.officer;
    const form = new FormData();
    form.set("_csrf", c.csrf!);
    const res = await call(s.app, { ...c, csrf: undefined }, "/api/v1/versions/999/submit", {
      method: "POST",
      form,
    });
    assert.equal(res.status, 404);
  });

  it("refuses a write from another origin, or with no origin at all", async () => {
    const c = s.clients.officer;
    const foreign = await call(s.app, c, "/api/v1/versions/999/submit", {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    assert.equal(foreign.status, 403);
    assert.match(
      ((await foreign.json()) as { error: { message: string } }).error.message,
      /不是本站/,
    );
    const signIn = await s.app.request("/api/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "officer", password: PASSWORD }),
    });
    assert.equal(signIn.status, 403, "a sign-in form posted from nowhere we can verify");
    const sameSite = await s.app.request("/api/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ username: "officer", password: PASSWORD }),
    });
    assert.equal(sameSite.status, 200);
  });

  it("exempts token-authenticated calls (no cookie, no origin)", async () => {
    const res = await call(s.app, s.clients.token, "/api/v1/versions/999/submit", {
      method: "POST",
    });
    assert.equal(res.status, 404);
  });

  it("refuses a revoked or unknown token instead of treating it as anonymous", async () => {
    const res = await call(s.app, { role: "token", bearer: "gk_unknown" }, "/api/v1/regions");
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "TOKEN_INVALID");
  });
});

describe("errors and headers", () => {
  it("answers every error as JSON with a Chinese message and no stack trace", async () => {
    const cases: [string, number, string, RegExp][] = [
      ["/api/v1/nowhere", 404, "NOT_FOUND", /找不到该地址/],
      ["/api/v1/versions/abc", 400, "INVALID_INPUT", /编号须为正整数/],
      ["/api/v1/versions/424242", 404, "NOT_FOUND", /找不到版本：424242/],
      ["/api/v1/disclosures?kind=both", 400, "INVALID_INPUT", /kind/],
      ["/api/v1/departments?pageSize=501", 400, "INVALID_INPUT", /每页条数须为 1–500/],
      ["/api/v1/versions/1/download/doc", 400, "INVALID_INPUT", /format/],
    ];
    for (const [path, status, code, message] of cases) {
      const res = await s.app.request(path);
      assert.equal(res.status, status, path);
      assert.match(res.headers.get("content-type") ?? "", /application\/json/);
      const text = await res.text();
      const body = JSON.parse(text) as { error: { code: string; message: string } };
      assert.equal(body.error.code, code, path);
      assert.match(body.error.message, message, path);
      assert.match(body.error.message, /[\u4e00-\u9fff]/, `${path}: Chinese message`);
      assert.doesNotMatch(text, /\bat .*\.ts:\d+/, `${path}: no stack trace`);
    }
  });

  it("sends security headers and a CSP without outside hosts", async () => {
    const res = await s.app.request("/api/v1/regions");
    const csp = res.headers.get("content-security-policy")!;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /https?:/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.equal(res.headers.get("x-frame-options"), "SAMEORIGIN");
  });
});
