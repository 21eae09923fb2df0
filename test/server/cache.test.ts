/**
 * The server's memory cache of public reads (src/server/cache.ts): a publish,
 * a correction and a withdrawal through the API are seen at once by the
 * cached pages, lists and downloads; a published version's downloads keep
 * their strong ETag across writes; a write by another process is seen once
 * the generation is read again; signed-in readers never get the public copy.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createApp } from "../../src/server/app.ts";
import { ByteLru } from "../../src/server/cache.ts";
import { createDepartment } from "../../src/service/catalogue.ts";
import { approveVersion, submitVersion } from "../../src/service/workflow.ts";
import { uploadVersion } from "../../src/service/upload.ts";
import { CLEAN, corpusFile } from "../store/world.ts";
import { type Server, call, startServer } from "./harness.ts";

let s: Server;
before(async () => {
  s = await startServer();
});
after(() => s.close());

const anonymous = (path: string, headers: Record<string, string> = {}) =>
  call(s.app, s.clients.anonymous, path, { headers });
const post = (path: string, json: unknown = {}) =>
  call(s.app, s.clients.finance, path, { method: "POST", json });

/** An approved version of the world's department (uploaded, submitted, approved in the service). */
async function approved(correctionNote?: string): Promise<number> {
  const v = await uploadVersion(s.store, s.actors.officer!, {
    departmentId: s.world.dept.id,
    year: 2026,
    kind: "budget",
    files: [corpusFile(CLEAN)],
    ...(correctionNote ? { correctionNote } : {}),
  });
  await submitVersion(s.store, s.actors.officer!, v.id);
  await approveVersion(s.store, s.actors.reviewer!, v.id);
  return v.id;
}

describe("ByteLru", () => {
  it("keeps at most maxBytes, forgetting the least recently used first", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A", 40);
    lru.set("b", "B", 40);
    assert.equal(lru.get("a"), "A");
    lru.set("c", "C", 40);
    assert.deepEqual([lru.get("a"), lru.get("b"), lru.get("c")], ["A", undefined, "C"]);
    assert.equal(lru.bytes, 80);
    lru.set("huge", "H", 101);
    assert.equal(lru.get("huge"), undefined);
  });
});

let first: number;
let disclosureId: number;
describe("the response cache", () => {
  it("serves a public page again with its strong ETag, and 304 to a reader who has it", async () => {
    const a = await anonymous("/");
    assert.equal(a.status, 200);
    const etag = a.headers.get("etag")!;
    assert.match(etag, /^"[0-9a-f]+"$/);
    assert.match(await a.text(), /已发布 <strong>0<\/strong>/);
    const b = await anonymous("/");
    assert.equal(b.headers.get("etag"), etag);
    assert.equal((await anonymous("/", { "if-none-match": etag })).status, 304);
  });

  it("a publish through the API is on the home page and in the lists at once", async () => {
    assert.equal(
      ((await (await anonymous("/api/v1/disclosures")).json()) as { total: number }).total,
      0,
    );
    first = await approved();
    assert.equal((await post(`/api/v1/versions/${first}/publish`)).status, 200);
    const home = await (await anonymous("/")).text();
    assert.match(home, /已发布 <strong>1<\/strong>/);
    assert.match(home, /沧州市审计局 2026年/);
    const list = (await (await anonymous("/api/v1/disclosures")).json()) as {
      total: number;
      items: { id: number }[];
    };
    assert.equal(list.total, 1);
    disclosureId = list.items[0]!.id;
  });

  it("a correction shows at once; the first version's download stays, immutable", async () => {
    const download = `/api/v1/versions/${first}/download/csv`;
    const d1 = await anonymous(download);
    assert.equal(d1.status, 200);
    assert.match(d1.headers.get("cache-control")!, /immutable/);
    const etag = d1.headers.get("etag")!;
    const bytes = new Uint8Array(await d1.arrayBuffer());
    assert.match(await (await anonymous(`/disclosures/${disclosureId}`)).text(), /第 1 版（本页）/);

    const second = await approved("更正表一的合计（fix table 1's total）");
    assert.equal((await post(`/api/v1/versions/${second}/publish`)).status, 200);
    const page = await (await anonymous(`/disclosures/${disclosureId}`)).text();
    assert.match(page, /第 2 版（本页）/);
    assert.match(page, /更正表一的合计/);

    const d2 = await anonymous(download);
    assert.equal(d2.headers.get("etag"), etag);
    assert.deepEqual(new Uint8Array(await d2.arrayBuffer()), bytes);
    assert.equal((await anonymous(download, { "if-none-match": etag })).status, 304);
  });

  it("a withdrawal ends the cached content at once", async () => {
    const list = (await (await anonymous("/api/v1/disclosures")).json()) as {
      items: { latest: { id: number } }[];
    };
    const latest = list.items[0]!.latest.id;
    const download = `/api/v1/versions/${latest}/download/json`;
    assert.equal((await anonymous(download)).status, 200);
    assert.equal((await anonymous(`/api/v1/versions/${latest}/canonical`)).status, 200);
    const res = await post(`/api/v1/versions/${latest}/withdraw`, { reason: "数据有误" });
    assert.equal(res.status, 200);
    assert.equal((await anonymous(download)).status, 403);
    assert.equal((await anonymous(`/api/v1/versions/${latest}/canonical`)).status, 403);
    assert.match(await (await anonymous(`/disclosures/${disclosureId}`)).text(), /已撤回/);
  });
});

describe("the response cache and other writers and readers", () => {
  it("sees another process's write once the generation is read again", async () => {
    const path = `/api/v1/departments?regionId=${s.world.cangzhou.id}`;
    const names = async (app: ReturnType<typeof createApp>) =>
      ((await (await app.request(path)).json()) as { items: { name: string }[] }).items.map(
        (d) => d.name,
      );
    const trusting = createApp({ store: s.store, generationMaxAgeMs: 60_000 });
    const checking = createApp({ store: s.store, generationMaxAgeMs: 0 });
    assert.deepEqual(await names(trusting), ["沧州市审计局"]);
    assert.deepEqual(await names(checking), ["沧州市审计局"]);
    // Written to the store directly, as `gongkai load` in another process would.
    await createDepartment(s.store, s.world.admin, {
      regionId: s.world.cangzhou.id,
      name: "沧州市统计局",
    });
    assert.deepEqual(
      await names(trusting),
      ["沧州市审计局"],
      "kept while the generation is trusted",
    );
    assert.deepEqual((await names(checking)).sort(), ["沧州市审计局", "沧州市统计局"].sort());
  });

  it("an approval date recorded by the bureau is on the cached scoreboard at once", async () => {
    const board = `/regions/${s.world.cangzhou.id}/scoreboard?year=2026&kind=budget`;
    assert.match(await (await anonymous(board)).text(), /未登记批复日期/);
    const res = await call(
      s.app,
      s.clients.finance,
      `/api/v1/regions/${s.world.cangzhou.id}/approval-dates`,
      { method: "PUT", json: { year: 2026, kind: "budget", date: "2026-02-05" } },
    );
    assert.equal(res.status, 200);
    const after = await (await anonymous(board)).text();
    assert.match(after, /本级财政批复日期：2026-02-05/);
  });

  it("never serves the public's copy to a signed-in reader", async () => {
    await anonymous(`/disclosures/${disclosureId}`);
    const staff = await call(s.app, s.clients.officer, `/disclosures/${disclosureId}`);
    assert.equal(staff.status, 200);
    assert.match(staff.headers.get("cache-control")!, /private/);
  });
});
