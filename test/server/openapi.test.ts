/**
 * The OpenAPI document: valid OpenAPI 3.1 (checked against the official
 * schema by @seriousme/openapi-schema-validator), generated from the routes
 * themselves so that every API route of the app's route table is in it with
 * its method, and every path parameter is declared; the reference page and
 * its assets come from our own origin.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { createApp } from "../../src/server/app.ts";
import type { Store } from "../../src/store/index.ts";
import { pgliteFactory } from "../store/engines.ts";

const factory = pgliteFactory();
let store: Store;
let app: ReturnType<typeof createApp>;
before(async () => {
  store = await factory.fresh();
  app = createApp({ store });
});
after(() => factory.dispose());

/** Routes that serve the document and its reader, not the API itself. */
const DOCUMENTATION = /^\/api\/v1\/(openapi\.json|docs(\/.*)?)$/;

interface Doc {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>
  >;
}

it("is a valid OpenAPI 3.1 document", async () => {
  const res = await app.request("/api/v1/openapi.json");
  assert.equal(res.status, 200);
  const doc = (await res.json()) as Doc;
  assert.equal(doc.openapi, "3.1.0");
  const result = await new Validator().validate(doc as never);
  assert.deepEqual(result.errors ?? [], [], "schema errors");
  assert.equal(result.valid, true);
});

it("holds every API route of the app, with its path parameters", async () => {
  const doc = (await (await app.request("/api/v1/openapi.json")).json()) as Doc;
  const routes = [
    ...new Set(
      app.routes
        .filter(
          (r) => r.path.startsWith("/api/v1/") && r.method !== "ALL" && !DOCUMENTATION.test(r.path),
        )
        .map((r) => `${r.method} ${r.path}`),
    ),
  ];
  assert.ok(routes.length >= 25, `${routes.length} routes`);
  const missing: string[] = [];
  for (const key of routes) {
    const [method, path] = key.split(" ") as [string, string];
    const docPath = path.slice("/api/v1".length).replace(/:(\w+)/g, "{$1}");
    const op = doc.paths[docPath]?.[method.toLowerCase()];
    if (!op) {
      missing.push(key);
      continue;
    }
    for (const name of [...path.matchAll(/:(\w+)/g)].map((m) => m[1])) {
      const p = op.parameters?.find((x) => x.in === "path" && x.name === name);
      if (!p?.required) missing.push(`${key}: path parameter ${name}`);
    }
  }
  assert.deepEqual(missing, []);
  const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.keys(ops).map((m) => `${m} ${p}`),
  );
  assert.equal(documented.length, routes.length, "no documented operation without a route");
});

it("serves the reference in Chinese: every operation, its parameters, and the shapes it links to", async () => {
  const doc = (await (await app.request("/api/v1/openapi.json")).json()) as Doc;
  const page = await app.request("/api/v1/docs");
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /<h1>数据接口说明<\/h1>/);
  assert.doesNotMatch(html, /https?:\/\/(?!localhost)/, "no outside host");
  for (const [path, ops] of Object.entries(doc.paths))
    for (const method of Object.keys(ops))
      assert.ok(
        html.includes(
          `<code class="api-method">${method.toUpperCase()}</code> <code>${path}</code>`,
        ),
        `${method} ${path}`,
      );
  // Every in-page link lands on something the page holds.
  const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
  const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(targets.length > 40);
  assert.deepEqual(
    targets.filter((t) => !ids.has(t)),
    [],
  );
  // Who may call what: a write names the identity it needs, a read says it is public.
  assert.match(
    html,
    /<code>\/versions\/\{id\}\/approve<\/code><\/h3><p>审核通过<\/p><p class="small">权限：需要身份（接口令牌或登录会话）/,
  );
  assert.match(
    html,
    /<code>\/regions<\/code><\/h3><p>[^<]+<\/p><p class="small">权限：公开，无需登录/,
  );
});

it("serves Swagger UI for trying requests, and its assets, from our own origin", async () => {
  const page = await app.request("/api/v1/docs/swagger");
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.doesNotMatch(html, /https?:\/\//, "no outside host");
  for (const src of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const res = await app.request(
      new URL(src[1]!, "http://localhost/api/v1/docs/swagger").pathname,
    );
    assert.equal(res.status, 200, src[1]);
    assert.ok((await res.arrayBuffer()).byteLength > 0, src[1]);
  }
  const init = await (await app.request("/api/v1/docs/init.js")).text();
  const spec = /url: "([^"]+)"/.exec(init)![1]!;
  assert.equal(
    new URL(spec, "http://localhost/api/v1/docs/swagger").pathname,
    "/api/v1/openapi.json",
  );
  assert.equal((await app.request("/api/v1/docs/assets/package.json")).status, 404);
});
