/**
 * Search latency at scale (issue 12: p99 ≤ 200 ms at 20,000 disclosures).
 * Loads the bundled samples (seeds and corpus: 15 disclosures), then copies
 * their index rows until the index holds as many rows as N disclosures would
 * (years spread over 2000–2026 so the facets vary), and times the whole
 * search (the results query and the facets query, as the page runs them)
 * for a mix of common and rare queries.
 *
 *   node --import tsx bench/search.bench.ts [--disclosures 20000] [--runs 5] [--reuse]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/gongkai_bench node --import tsx bench/search.bench.ts
 *
 * On PostgreSQL, give it an empty database of its own (it loads the samples).
 * Department rows are not copied (one per department, a few thousand at most).
 * --reuse times the searches over the index a previous run left in that database.
 */
import { sql } from "kysely";
import { ANONYMOUS } from "../src/service/actor.ts";
import { loadSamples } from "../src/service/samples.ts";
import { search } from "../src/service/search.ts";
import { openStore, storeOptionsFromEnv } from "../src/store/index.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) =>
  Number(args[args.indexOf(`--${name}`) + 1] ?? 0) || fallback;
const disclosures = arg("disclosures", 20_000);
const runs = arg("runs", 5);
const reuse = args.includes("--reuse");

const QUERIES = [
  "三公经费",
  "sgjf",
  "经费",
  "行政运行",
  "2010401",
  "财政局",
  "机关运行经费",
  "因公出国费用",
  "人口普查费用",
  "秦皇岛经济技术开发区发展和改革委员会",
  "不存在的词",
  "2021 预算",
];

const store = await openStore(
  process.env.DATABASE_URL ? storeOptionsFromEnv() : { dataDir: "memory://" },
);
try {
  if (!reuse) await build();
  await measure();
} finally {
  await store.close();
}

async function build(): Promise<void> {
  let t = performance.now();
  await loadSamples(store, {});
  const n = await sql<{ n: number; d: number }>`
    select count(*)::int as n, count(distinct disclosure_id)::int as d from search_doc
    where kind <> 'department'`.execute(store.db);
  const { n: rows, d: loaded } = n.rows[0]!;
  const copies = Math.max(0, Math.ceil(disclosures / loaded) - 1);
  process.stderr.write(
    `样例 ${loaded} 份公开文件、${rows} 条索引，用时 ${((performance.now() - t) / 1000).toFixed(1)} 秒；复制 ${copies} 次…\n`,
  );
  t = performance.now();
  await sql`drop index search_doc_tsv`.execute(store.db);
  await sql`
    insert into search_doc (kind, department_id, region_id, region_path, disclosure_id,
      version_id, year, disclosure_kind, anchor, title, title_seg, context, body_seg, amount,
      position, tsv)
    select kind, department_id, region_id, region_path, disclosure_id, version_id,
      2000 + (g % 27), disclosure_kind, anchor, title, title_seg, context, body_seg, amount,
      position, tsv
    from search_doc, generate_series(1, ${copies}) as g
    where kind <> 'department'`.execute(store.db);
  await sql`create index search_doc_tsv on search_doc using gin (tsv)`.execute(store.db);
  await sql`analyze search_doc`.execute(store.db);
  const total = await sql<{ n: number }>`select count(*)::int as n from search_doc`.execute(
    store.db,
  );
  process.stderr.write(
    `索引 ${total.rows[0]!.n} 条（约 ${loaded * (copies + 1)} 份公开文件），用时 ${((performance.now() - t) / 1000).toFixed(1)} 秒\n`,
  );
}

async function measure(): Promise<void> {
  const all: number[] = [];
  console.log("query\thits (negative: more than)\tp50 ms\tmax ms");
  for (const q of QUERIES) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < runs + 1; i++) {
      const started = performance.now();
      const r = await search(store, ANONYMOUS, { q, ...(i % 2 ? { year: 2021 } : {}) });
      const ms = performance.now() - started;
      if (i === 0) hits = r.capped ? -r.total : r.total;
      if (i > 0) times.push(ms); // the first run warms caches (and loads the dictionary)
    }
    all.push(...times);
    times.sort((a, b) => a - b);
    console.log(
      `${q}\t${hits}\t${times[times.length >> 1]!.toFixed(1)}\t${times.at(-1)!.toFixed(1)}`,
    );
  }
  all.sort((a, b) => a - b);
  const pct = (p: number) => all[Math.min(all.length - 1, Math.floor((p / 100) * all.length))]!;
  console.log(
    `all\t${all.length} searches\tp50 ${pct(50).toFixed(1)} ms\tp95 ${pct(95).toFixed(1)} ms\tp99 ${pct(99).toFixed(1)} ms`,
  );
}
