/**
 * A disclosure whose 功能分类 table prints names only (杭州 P030: no 科目编码,
 * levels by indentation) goes through the store and the portal: loaded as a
 * published disclosure, its page lists the lines by name in print order with
 * their amounts, and its downloads and search work — no "undefined", no
 * invented code.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { Hono } from "hono";
import type { ServerEnv } from "../../src/server/env.ts";
import { notFoundPage, pages } from "../../src/server/pages/index.ts";
import { ANONYMOUS, systemActor } from "../../src/service/actor.ts";
import { regionByCodeOrProvince } from "../../src/service/ingest.ts";
import { listDisclosures } from "../../src/service/reads.ts";
import { loadFiles } from "../../src/service/load.ts";
import type { Store } from "../../src/store/index.ts";
import { pgliteFactory } from "../store/engines.ts";
import { sharedDir } from "../support/paths.ts";

const factory = pgliteFactory();
let store: Store;
let app: Hono<ServerEnv>;
let id = 0;

before(async () => {
  store = await factory.fresh();
  const actor = systemActor("test");
  const province = await regionByCodeOrProvince(store, actor, "330000");
  const summary = await loadFiles(store, actor, {
    regionId: province.id,
    items: [{ path: join(sharedDir, "wild", "docs", "P030.pdf") }],
    workers: 1,
  });
  assert.equal(summary.imported, 1, JSON.stringify(summary));
  const list = await listDisclosures(store, ANONYMOUS, { limit: 10 });
  id = list.items.find((d) => d.departmentName === "杭州市司法局")!.id;
  app = new Hono<ServerEnv>();
  app.use(async (c, next) => {
    c.set("store", store);
    c.set("actor", ANONYMOUS);
    c.set("csrfToken", "test-token");
    await next();
  });
  app.route("/", pages);
  app.notFound((c) => notFoundPage(c));
});
after(() => factory.dispose());

test("the disclosure page shows names-only 功能分类 lines in a table of their own, in print order, saying why", async () => {
  const res = await app.request(`/disclosures/${id}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.doesNotMatch(html, /undefined|NaN/);
  // Their 类 add up to 一般公共预算 plus 上年结转: tables 3 and 5 cannot take them; table 10 shows them.
  const at = html.lastIndexOf("按支出功能分类科目的支出（原文件所列）");
  assert.ok(at > 0, "the as-printed table");
  const table = html.slice(at, html.indexOf("</table>", at));
  const rows = [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
  for (const row of ["公共安全支出 69,081.15 60,830.83 8,250.32", "其他司法支出 669.61 669.61"])
    assert.ok(rows.includes(row), `${row} in ${JSON.stringify(rows.slice(0, 12))}`);
  // Print order: 公共安全支出 (类) before 监狱 (款) before 罪犯生活及医疗卫生 (项).
  const order = ["公共安全支出", "监狱", "罪犯生活及医疗卫生"].map((n) =>
    rows.findIndex((r) => r.startsWith(`${n} `)),
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.ok(order[0]! >= 0);
  assert.match(
    html,
    /各类合计 91842\.81 万元，与支出合计 99230\.46 万元、一般公共预算 91495\.48 万元均不一致/,
  );
});

test("its downloads render", async () => {
  const page = await (await app.request(`/disclosures/${id}`)).text();
  const csv = /href="(\/api\/v1\/versions\/\d+\/download\/csv)"/.exec(page)?.[1];
  const links = [...page.matchAll(/href="(\/disclosures\/\d+\/versions\/\d+[^"]*)"/g)].map(
    (m) => m[1]!,
  );
  assert.ok(links.length || csv, "the page links its version");
  for (const link of links.slice(0, 3)) {
    const res = await app.request(link);
    assert.equal(res.status, 200, link);
    assert.doesNotMatch(await res.text(), /undefined/, link);
  }
});
