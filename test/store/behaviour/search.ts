/**
 * Search on a real store (run on PGlite and PostgreSQL): the bundled Hebei
 * seeds loaded as published, found by Chinese words, quoted and unquoted
 * terms, pinyin initials, synonyms, classification codes and names, project
 * and department names; facets filter; hostile input gives results, never an
 * error; and only each disclosure's current published version is found.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { ANONYMOUS } from "../../../src/service/actor.ts";
import { loadSamples } from "../../../src/service/samples.ts";
import { type SearchRequest, type SearchResult, search } from "../../../src/service/search.ts";
import { rebuildSearchIndex } from "../../../src/service/search-index.ts";
import { uploadVersion } from "../../../src/service/upload.ts";
import {
  approveVersion,
  publishVersion,
  submitVersion,
  withdrawVersion,
} from "../../../src/service/workflow.ts";
import type { Store } from "../../../src/store/index.ts";
import { CLEAN, corpusFile, makeWorld } from "../world.ts";
import type { FactoryRef } from "./helpers.ts";

const find = (store: Store, q: string, extra: Partial<SearchRequest> = {}) =>
  search(store, ANONYMOUS, { q, ...extra });

const plain = (runs: { text: string }[] | null) => (runs ?? []).map((r) => r.text).join("");
const marks = (r: SearchResult) =>
  r.items.flatMap((i) =>
    [...i.title, ...(i.snippet ?? [])].filter((m) => m.mark).map((m) => m.text),
  );

export function searchTests(factory: FactoryRef): void {
  describe("search over the bundled seeds", () => {
    let store: Store;
    before(async () => {
      store = await factory().fresh();
      await loadSamples(store, { corpusDir: null });
    });
    findingTests(() => store);
    listingTests(() => store);
  });
  currentVersionTest(factory);
}

function findingTests(get: () => Store): void {
  test("三公经费, “三公”经费 and sgjf find the 三公 sections, marked", async () => {
    const results = await Promise.all(
      ["三公经费", '"三公"经费', "“三公”经费", "sgjf"].map((q) => find(get(), q)),
    );
    for (const r of results) {
      assert.ok(r.total >= 4, `${r.query.text}: ${r.total}`);
      assert.match(plain(r.items[0]!.title), /三公/);
      assert.ok(marks(r).includes("三公经费") || marks(r).includes("三公"), marks(r).join(","));
    }
    assert.deepEqual(
      results.map((r) => r.total),
      results.map(() => results[0]!.total),
    );
  });

  test("a synonym finds the term as the document writes it", async () => {
    const r = await find(get(), "因公出国费用");
    assert.ok(r.total > 0);
    assert.ok(
      r.items.some((i) => /因公出国[(（]境[)）]费/.test(plain(i.snippet) + plain(i.title))),
    );
  });

  test("a classification code and a line's name find classification lines", async () => {
    const byCode = await find(get(), "2010401");
    assert.equal(byCode.items[0]?.type, "line");
    assert.match(plain(byCode.items[0]!.title), /^2010401 行政运行$/);
    assert.match(byCode.items[0]!.href, /^\/disclosures\/\d+#/);
    const byName = await find(get(), "行政运行", { type: "line" });
    const titles = byName.items.map((i) => plain(i.title));
    const named = titles.filter((t) => /^\d{7} 行政运行$/.test(t)).length;
    assert.ok(named >= 1, titles.join("；"));
    // Lines named so come before lines that only mention the words in their description.
    assert.ok(
      titles.slice(0, named).every((t) => t.endsWith(" 行政运行")),
      titles.join("；"),
    );
  });

  test("a project's name finds the project, linked to its table on the disclosure page", async () => {
    const r = await find(get(), "营商环境评价与研究经费");
    const hit = r.items[0]!;
    assert.equal(hit.type, "project");
    assert.equal(plain(hit.title), "营商环境评价与研究经费");
    assert.match(hit.href, /^\/disclosures\/\d+#project-13031121FNUPMT51ZT2SW$/);
  });

  test("an exact department name ranks the department first", async () => {
    const r = await find(get(), "秦皇岛经济技术开发区发展和改革委员会");
    assert.equal(r.items[0]?.type, "department");
    assert.equal(plain(r.items[0]!.title), "秦皇岛经济技术开发区发展和改革委员会");
    assert.match(r.items[0]!.href, /^\/departments\/\d+$/);
    assert.equal(r.items[1]?.type, "disclosure");
    // Part of a name, and its pinyin initials (秦皇岛经济技术… → qhdjjjs…), find it too.
    for (const q of ["发展和改革委员会", "秦皇岛 发展", "qhdjjjs"]) {
      const p = await find(get(), q);
      assert.ok(
        p.items.some((i) => i.type === "department" && plain(i.title).includes("秦皇岛")),
        q,
      );
    }
  });
}

function listingTests(get: () => Store): void {
  test("facets count the matches and filter them", async () => {
    const all = await find(get(), "经费");
    const year = all.facets.year.find((f) => f.value === "2021")!;
    const type = all.facets.type.find((f) => f.value === "project")!;
    assert.ok(year.count > 0 && year.count < all.total);
    const byYear = await find(get(), "经费", { year: 2021, pageSize: 50 });
    assert.equal(byYear.total, year.count);
    assert.ok(byYear.items.every((i) => i.year === 2021));
    const byType = await find(get(), "经费", { type: "project" });
    assert.equal(byType.total, type.count);
    assert.ok(byType.items.every((i) => i.type === "project"));
    const region = all.facets.region[0]!;
    assert.equal(region.label, "河北省");
    const byRegion = await find(get(), "经费", { regionId: Number(region.value) });
    assert.equal(byRegion.total, region.count);
    // Below 河北省 the facet names its cities and zones.
    assert.ok(byRegion.facets.region.some((f) => f.label === "秦皇岛市"));
    const budget = await find(get(), "经费", { kind: "final" });
    assert.equal(budget.total, 0);
  });

  test("pages are bounded and do not overlap", async () => {
    const p1 = await find(get(), "经费", { pageSize: 5 });
    const p2 = await find(get(), "经费", { pageSize: 5, page: 2 });
    assert.equal(p1.items.length, 5);
    assert.equal(p2.total, p1.total);
    const hrefs = new Set(p1.items.map((i) => `${i.href}|${plain(i.title)}`));
    assert.ok(p2.items.every((i) => !hrefs.has(`${i.href}|${plain(i.title)}`)));
  });

  test("hostile input gives an ordinary answer", async () => {
    const hostile = [
      "'",
      '"',
      "\\",
      "&|!():*",
      "三公 & | ! <-> :* ( )",
      "<script>alert(1)</script>",
      "a:*B & !c",
      "'; drop table search_doc; --",
      "三".repeat(5000),
      "x ".repeat(3000),
      "\u0000\u0002\u001f",
      "",
      "   ",
    ];
    for (const q of hostile) {
      const r = await find(get(), q);
      assert.ok(r.total >= 0 && Array.isArray(r.items), JSON.stringify(q.slice(0, 20)));
      for (const i of r.items)
        assert.doesNotMatch(plain(i.title) + plain(i.snippet), /[\u0000-\u001f]/);
    }
    assert.equal((await find(get(), "&|!():*")).query.match, undefined);
    const after = await find(get(), "三公经费");
    assert.ok(after.total >= 4, "the index survived");
  });

  test("a rebuild gives the same index", async () => {
    const before = await find(get(), "经费", { pageSize: 50 });
    const result = await rebuildSearchIndex(get());
    assert.equal(result.versions, 5);
    const after = await find(get(), "经费", { pageSize: 50 });
    assert.equal(after.total, before.total);
    assert.deepEqual(
      after.items.map((i) => plain(i.title)),
      before.items.map((i) => plain(i.title)),
    );
  });
}

function currentVersionTest(factory: FactoryRef): void {
  test("search finds only the current published version of each disclosure", async () => {
    const store = await factory().fresh();
    const w = await makeWorld(store);
    const publish = async (note?: string) => {
      const v = await uploadVersion(store, w.officer, {
        departmentId: w.dept.id,
        year: 2026,
        kind: "budget",
        files: [corpusFile(CLEAN)],
        ...(note ? { correctionNote: note } : {}),
      });
      await submitVersion(store, w.officer, v.id);
      await approveVersion(store, w.reviewer, v.id);
      return publishVersion(store, w.financeAdmin, v.id);
    };
    const versionsFound = async () => {
      const rows = await store.db
        .selectFrom("search_doc")
        .select("version_id")
        .distinct()
        .where("version_id", "is not", null)
        .execute();
      return rows.map((r) => r.version_id);
    };
    assert.equal((await find(store, "沧州市审计局")).total, 0, "nothing before publication");
    const first = await publish();
    assert.deepEqual(await versionsFound(), [first.id]);
    const dept = await find(store, "沧州市审计局");
    assert.equal(dept.items[0]?.type, "department");
    const correction = await publish("更正数据（correction）");
    assert.deepEqual(await versionsFound(), [correction.id], "the superseded version is gone");
    assert.equal((await find(store, "沧州市审计局", { type: "disclosure" })).total, 1);
    await withdrawVersion(store, w.financeAdmin, correction.id, "数据有误（wrong data）");
    assert.deepEqual(await versionsFound(), []);
    const gone = await find(store, "沧州市审计局");
    assert.equal(gone.total, 0, "neither the disclosure nor the department is found");
  });
}
