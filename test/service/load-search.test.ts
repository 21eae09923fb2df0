/**
 * The batch loader segments a disclosure's search entries on its worker
 * threads and the writing thread stores them: the index it leaves must be
 * the one `search-index --rebuild` makes from the stored versions, row for
 * row, and answer searches the same. The seeds, loaded into PGlite.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { ANONYMOUS, systemActor } from "../../src/service/actor.ts";
import { regionByCodeOrProvince } from "../../src/service/ingest.ts";
import { loadDirectory } from "../../src/service/load.ts";
import { search } from "../../src/service/search.ts";
import { rebuildSearchIndex } from "../../src/service/search-index.ts";
import type { Store } from "../../src/store/index.ts";
import { pgliteFactory } from "../store/engines.ts";
import { seedsDir } from "../support/paths.ts";

/** Every index row but its serial id, in a stable order. */
async function indexRows(store: Store) {
  const r = await sql<Record<string, unknown>>`
    select kind, department_id, region_id, region_path, disclosure_id, version_id, year,
           disclosure_kind, anchor, title, title_seg, context, body_seg, amount::text, position,
           tsv::text
    from search_doc order by kind, department_id, version_id, position, title`.execute(store.db);
  return r.rows;
}

const QUERIES = ["三公经费", "sgjf", "2010401", "行政运行", "因公出国费用", "教育"];

const answers = (store: Store) =>
  Promise.all(QUERIES.map((q) => search(store, ANONYMOUS, { q, pageSize: 50 })));

test("a bulk load indexes for search exactly as a rebuild does", async () => {
  const factory = pgliteFactory();
  try {
    const store = await factory.fresh();
    const actor = systemActor("test");
    const region = await regionByCodeOrProvince(store, actor, "130000");
    const summary = await loadDirectory(store, actor, {
      dir: seedsDir,
      regionId: region.id,
      year: 2021,
      workers: 2,
    });
    assert.equal(summary.imported, 5);
    const loaded = await indexRows(store);
    const found = await answers(store);
    assert.equal(loaded.filter((r) => r.kind === "disclosure").length, 5);
    assert.ok(loaded.filter((r) => r.kind === "line").length > 20, `${loaded.length} rows`);
    for (const r of found) assert.ok(r.total > 0, `${r.query.text}: nothing found`);

    const rebuilt = await rebuildSearchIndex(store);
    assert.equal(rebuilt.versions, 5);
    assert.deepEqual(await indexRows(store), loaded);
    assert.deepEqual(await answers(store), found);
  } finally {
    await factory.dispose();
  }
});
