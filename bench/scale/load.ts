/**
 * Loads a generated province (bench/scale/generate.ts) into a fresh store and
 * reports load throughput (disclosures per second, and per core), database
 * bytes per disclosure and what the checker found in the generated documents.
 * Each disclosure is read and checked from its canonical JSON on the worker
 * threads (src/service/load.ts, one per core) and stored as a published
 * version whose original file is the rendered document.
 *
 *   node --import tsx bench/scale/load.ts --from /tmp/gongkai-scale [--engine pglite|postgres]
 *
 * Options: --data DIR (PGlite folder, /tmp/gongkai-scale-db), --url URL (PostgreSQL,
 * postgres://postgres@127.0.0.1:5432/gongkai_scale), --workers N (cores), --json,
 * --limit N (the first N of the manifest), --keep (load into the store as it is: what is
 * stored already is skipped, so a load can be done in parts).
 */
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { systemActor } from "../../src/service/actor.ts";
import { createRegion } from "../../src/service/catalogue.ts";
import { loadFiles } from "../../src/service/load.ts";
import { DEFAULT_EXTENSION } from "../../src/render/index.ts";
import type { Store } from "../../src/store/index.ts";
import { argOf, hasFlag } from "./args.ts";
import type { Manifest } from "./generate.ts";
import { databaseBytes, folderBytes, openScaleStore, scaleStoreOptions } from "./store.ts";

const actor = systemActor("scale-bench");

/** The province's regions, created in order; returns the province's id. */
async function createRegions(store: Store, manifest: Manifest): Promise<number> {
  const ids: number[] = [];
  for (const r of manifest.regions) {
    const parentId = r.parent >= 0 ? ids[r.parent]! : null;
    const created = await createRegion(store, actor, {
      name: r.name,
      level: r.level,
      code: r.code,
      parentId,
    });
    ids.push(created.id);
  }
  return ids[0]!;
}

async function provinceOf(store: Store): Promise<number> {
  const r = await sql<{ id: number }>`select id from region where parent_id is null`.execute(
    store.db,
  );
  return r.rows[0]!.id;
}

async function countVersions(store: Store): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from version`.execute(store.db);
  return r.rows[0]!.n;
}

/** Versions by their error and warning counts: what the checker made of the generated documents. */
async function findingsOf(store: Store) {
  const r = await sql<{
    with_errors: number;
    with_warnings: number;
    errors: number;
    warnings: number;
    n: number;
  }>`
    select count(*) filter (where error_count > 0)::int as with_errors,
           count(*) filter (where warning_count > 0)::int as with_warnings,
           coalesce(sum(error_count), 0)::int as errors,
           coalesce(sum(warning_count), 0)::int as warnings,
           count(*)::int as n
    from version`.execute(store.db);
  return r.rows[0]!;
}

async function main(): Promise<void> {
  const from = argOf("--from", "/tmp/gongkai-scale");
  const o = scaleStoreOptions();
  const workers = Number(argOf("--workers", String(availableParallelism())));
  const manifest = JSON.parse(await readFile(join(from, "manifest.json"), "utf8")) as Manifest;
  const keep = hasFlag("--keep");
  const store = await openScaleStore(o, !keep);
  try {
    const province = keep ? await provinceOf(store) : await createRegions(store, manifest);
    const emptyBytes = await databaseBytes(store);
    const ext = DEFAULT_EXTENSION[manifest.format];
    const limit = Number(argOf("--limit", String(manifest.items.length)));
    const items = manifest.items.slice(0, limit).map((i) => ({
      path: join(from, "docs", `${i.stem}${ext}`),
      dataPath: join(from, "docs", `${i.stem}.json`),
    }));
    const cpu0 = process.cpuUsage();
    const summary = await loadFiles(store, actor, {
      items,
      regionId: province,
      workers,
      onProgress: (p) => {
        if (p.done % 500 === 0) process.stderr.write(`${p.done}/${p.total}\n`);
      },
    });
    const cpu = process.cpuUsage(cpu0);
    const loadedBytes = await databaseBytes(store);
    const report = {
      engine: o.engine,
      disclosures: summary.imported,
      skipped: summary.skipped,
      unreadable: summary.unreadable.length,
      seconds: Number(summary.seconds.toFixed(1)),
      perSecond: Number((summary.imported / summary.seconds).toFixed(1)),
      cores: availableParallelism(),
      workers,
      perSecondPerCore: Number(
        (summary.imported / summary.seconds / availableParallelism()).toFixed(1),
      ),
      processCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      // Meaningful when other processes share the cores: this process's CPU (workers included).
      cpuMsPerDisclosure: Math.round((cpu.user + cpu.system) / 1e3 / Math.max(1, summary.imported)),
      databaseBytes: loadedBytes,
      bytesPerDisclosure: Math.round((loadedBytes - emptyBytes) / Math.max(1, summary.imported)),
      bytesPerStoredDisclosure: Math.round(loadedBytes / Math.max(1, await countVersions(store))),
      findings: await findingsOf(store),
    };
    await store.close();
    const folder = o.engine === "pglite" ? { folderBytes: await folderBytes(o.dataDir) } : {};
    if (hasFlag("--json")) console.log(JSON.stringify({ ...report, ...folder }));
    else console.table({ ...report, findings: JSON.stringify(report.findings), ...folder });
    if (summary.unreadable.length) console.error(summary.unreadable.slice(0, 5));
  } catch (error) {
    await store.close();
    throw error;
  }
}

await main();
