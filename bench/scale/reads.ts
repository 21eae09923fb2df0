/**
 * Latency of the main API reads on a loaded scale store (bench/scale/load.ts):
 * each read is requested `--samples` times in turn (after a warm-up) with ids
 * drawn from the store, through the real app in-process (createApp: routing,
 * validation, session and ETag middleware, the service and the database; no
 * sockets). Reports p50, p99 and max in milliseconds. The server's memory
 * cache is off unless --cache-mb N: what is measured is the work of a read
 * the cache has not seen (with the cache, a repeated read costs well under 1 ms).
 *
 *   node --import tsx bench/scale/reads.ts [--engine pglite|postgres] [--samples 200]
 */
import { sql } from "kysely";
import { createApp } from "../../src/server/app.ts";
import type { Store } from "../../src/store/index.ts";
import { argOf, hasFlag, quantile } from "./args.ts";
import { openScaleStore, scaleStoreOptions } from "./store.ts";

/** Ids to draw from: cities and counties, departments, disclosures, published versions. */
async function idsOf(store: Store) {
  const col = async (q: ReturnType<typeof sql<{ id: number }>>) =>
    (await q.execute(store.db)).rows.map((r) => r.id);
  return {
    cities: await col(sql`select id from region where level = 'city' order by id`),
    regions: await col(sql`select id from region where level in ('city','county') order by id`),
    departments: await col(sql`select id from department order by id`),
    disclosures: await col(sql`select id from disclosure order by id`),
    versions: await col(sql`select id from version where state = 'published' order by id`),
    yearPairs: (
      await sql<{ a: number; b: number }>`
        select d1.id as a, d2.id as b from disclosure d1
        join disclosure d2 on d2.department_id = d1.department_id and d2.kind = d1.kind
          and d2.year = d1.year + 1
        order by d1.id`.execute(store.db)
    ).rows.map((r) => [r.a, r.b] as const),
  };
}

type Ids = Awaited<ReturnType<typeof idsOf>>;

/** A deterministic generator (mulberry32), so runs draw the same ids. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The reads measured: a name and the URL of its n-th sample. */
export function readUrls(ids: Ids, pick: <T>(xs: T[]) => T): [string, () => string][] {
  const v = () => pick(ids.versions);
  return [
    ["regions (top level)", () => "/api/v1/regions"],
    ["regions under a city", () => `/api/v1/regions?parentId=${pick(ids.cities)}`],
    ["region", () => `/api/v1/regions/${pick(ids.regions)}`],
    ["departments of a region", () => `/api/v1/departments?regionId=${pick(ids.regions)}`],
    [
      "disclosures: city subtree, year, kind, page 2",
      () =>
        `/api/v1/disclosures?regionId=${pick(ids.cities)}&subtree=true&year=${pick([2023, 2024, 2025])}&kind=budget&page=2&pageSize=20`,
    ],
    ["disclosures: all, page 50", () => "/api/v1/disclosures?page=50&pageSize=50"],
    [
      "disclosures of a department",
      () => `/api/v1/disclosures?departmentId=${pick(ids.departments)}`,
    ],
    ["disclosure", () => `/api/v1/disclosures/${pick(ids.disclosures)}`],
    ["version", () => `/api/v1/versions/${v()}`],
    ["version canonical JSON", () => `/api/v1/versions/${v()}/canonical`],
    ["version report", () => `/api/v1/versions/${v()}/report`],
    ["original file (xlsx)", () => `/api/v1/versions/${v()}/files/0`],
    ["download csv (rendered)", () => `/api/v1/versions/${v()}/download/csv`],
    [
      "comparison: a department's two years",
      () => {
        const [a, b] = pick(ids.yearPairs);
        return `/api/v1/compare?d=${a}&d=${b}`;
      },
    ],
    ["search: 三公经费", () => `/api/v1/search?q=${encodeURIComponent("三公经费")}`],
    ["search: a code, 2010401", () => "/api/v1/search?q=2010401"],
    ["search: pinyin initials, sgjf", () => "/api/v1/search?q=sgjf"],
    [
      "search: 三公经费 in a city, a year",
      () =>
        `/api/v1/search?q=${encodeURIComponent("三公经费")}&region=${pick(ids.cities)}&year=${pick([2023, 2024, 2025])}`,
    ],
  ];
}

async function main(): Promise<void> {
  const samples = Number(argOf("--samples", "200"));
  const o = scaleStoreOptions();
  const store = await openScaleStore(o, false);
  const app = createApp({ store, cacheBytes: Number(argOf("--cache-mb", "0")) * 1024 * 1024 });
  const ids = await idsOf(store);
  const next = random(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const rows: Record<string, unknown>[] = [];
  for (const [name, url] of readUrls(ids, pick)) {
    for (let i = 0; i < 10; i++) await (await app.request(url())).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      const res = await app.request(url());
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${url()} answered ${res.status}`);
    }
    const ms = (q: number) => Number(quantile(times, q).toFixed(1));
    rows.push({ read: name, p50: ms(0.5), p99: ms(0.99), max: ms(1) });
  }
  await store.close();
  console.log(`${o.engine}: ${ids.disclosures.length} disclosures, ${samples} samples per read`);
  if (hasFlag("--json")) console.log(JSON.stringify(rows));
  else console.table(rows);
}

await main();
