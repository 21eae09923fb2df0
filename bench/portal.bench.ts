/**
 * The portal under 50 concurrent readers on loopback (issue 12, item 8): for
 * each page kind, autocannon against the real server (createApp on
 * @hono/node-server, bench/scale/serve.ts, over the scale store) and, in the
 * same run, against a bare node:http server sending the same bytes
 * (bench/scale/bare-server.ts); each in its own process. Prints p50/p99
 * latency and requests per second of both, and their ratio.
 *
 *   node --import tsx bench/portal.bench.ts [--engine pglite|postgres] [--duration 10]
 *
 * First: bench/scale/generate.ts and bench/scale/load.ts (docs/scale.md). Options:
 * --connections 50, --urls 100 (distinct addresses per page kind, cycled),
 * --cache-mb 128 (0: the server's memory cache off), --generation-ms 0 (how long the server
 * trusts the store's public generation; 0: read for each request), --json. The store options are
 * bench/scale/store.ts's (--data, --url). A page kind whose first address answers
 * 404 (a page another branch adds) is left out.
 */
import { type ChildProcess, fork } from "node:child_process";
import autocannon from "autocannon";
import { argOf, hasFlag } from "./scale/args.ts";
import type { BareResponse } from "./scale/bare-server.ts";

interface Ids {
  regions: number[];
  departments: number[];
  disclosures: number[];
  /** A department's disclosures of one kind in consecutive years (its page's 与上年比较). */
  yearPairs: [number, number][];
}

interface PageKind {
  name: string;
  urls: (ids: Ids) => string[];
  /** The p99 target, ms. */
  p99: number;
}

/** The pages measured; add a kind here (a page another branch adds is skipped while it 404s). */
const PAGES: PageKind[] = [
  { name: "home", urls: () => ["/"], p99: 100 },
  { name: "region", urls: (ids) => ids.regions.map((id) => `/regions/${id}`), p99: 100 },
  {
    name: "department",
    urls: (ids) => ids.departments.map((id) => `/departments/${id}`),
    p99: 100,
  },
  {
    name: "disclosure",
    urls: (ids) => ids.disclosures.map((id) => `/disclosures/${id}`),
    p99: 100,
  },
  {
    name: "comparison",
    urls: (ids) => ids.yearPairs.map(([a, b]) => `/compare?d=${a}&d=${b}`),
    p99: 100,
  },
  {
    name: "search",
    // Words, a classification code, pinyin initials (三公经费), names of departments and regions.
    urls: () =>
      ["三公经费", "2010401", "sgjf", "教育局", "公用经费", "财政拨款", "行政运行", "江南省"].map(
        (q) => `/search?q=${q}`,
      ),
    p99: 200,
  },
];

const connections = Number(argOf("--connections", "50"));
const duration = Number(argOf("--duration", "10"));
const perKind = Number(argOf("--urls", "100"));

/** A child process on a loopback port: the real server or the bare one. */
async function start(
  script: string,
  args: string[],
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(new URL(script, import.meta.url), args, { execArgv: ["--import", "tsx"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    child.on("message", (m: { port?: number }) => m.port && resolve(m.port));
  });
  return { child, port };
}

/** `n` items spread evenly over the list. */
const spread = <T>(xs: T[], n: number) =>
  xs.length <= n ? xs : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);

async function json<T>(base: string, path: string): Promise<T> {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** Ids to visit, found through the public API: cities and counties, departments, disclosures. */
async function idsOf(base: string): Promise<Ids> {
  type Item = { id: number; departmentId: number; year: number; kind: string };
  type List = { items: Item[]; total: number };
  const ids = (l: List) => l.items.map((i) => i.id);
  const top = ids(await json<List>(base, "/api/v1/regions"));
  const cities = ids(await json<List>(base, `/api/v1/regions?parentId=${top[0]}&pageSize=500`));
  const counties: number[] = [];
  for (const city of cities.slice(0, 10)) {
    counties.push(...ids(await json<List>(base, `/api/v1/regions?parentId=${city}&pageSize=500`)));
  }
  const departments = await json<List>(base, "/api/v1/departments?pageSize=500");
  const disclosures: Item[] = [];
  const total = (await json<List>(base, "/api/v1/disclosures?pageSize=1")).total;
  for (let page = 1; page <= Math.ceil(total / 500) && page <= 40; page++) {
    disclosures.push(
      ...(await json<List>(base, `/api/v1/disclosures?pageSize=500&page=${page}`)).items,
    );
  }
  return {
    regions: spread([...cities, ...counties], perKind),
    departments: spread(ids(departments), perKind),
    disclosures: spread(
      disclosures.map((d) => d.id),
      perKind,
    ),
    yearPairs: spread(yearPairs(disclosures), perKind),
  };
}

/** Pairs of one department's disclosures of one kind, a year apart (earlier year first). */
function yearPairs(items: { id: number; departmentId: number; year: number; kind: string }[]) {
  const byKey = new Map(items.map((d) => [`${d.departmentId} ${d.kind} ${d.year}`, d.id]));
  return items.flatMap((d) => {
    const next = byKey.get(`${d.departmentId} ${d.kind} ${d.year + 1}`);
    return next === undefined ? [] : [[d.id, next] as [number, number]];
  });
}

/** Each address once (warming the server), kept as the bare server's copy. */
async function fetchAll(base: string, paths: string[]): Promise<BareResponse[]> {
  const out: BareResponse[] = [];
  for (const path of paths) {
    const res = await fetch(base + path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    const headers: Record<string, string> = {};
    for (const h of ["content-type", "etag", "cache-control"]) {
      const v = res.headers.get(h);
      if (v) headers[h] = v;
    }
    out.push({ path, headers, body: Buffer.from(await res.arrayBuffer()).toString("base64") });
  }
  return out;
}

async function hammer(port: number, paths: string[]) {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  if (r.non2xx || r.errors || r.timeouts) {
    throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  }
  return { p50: r.latency.p50, p99: r.latency.p99, rps: Math.round(r.requests.average) };
}

async function main(): Promise<void> {
  const storeArgs = ["--engine", "--data", "--url"].flatMap((o) =>
    hasFlag(o) ? [o, argOf(o, "")] : [],
  );
  const server = await start("./scale/serve.ts", [
    ...storeArgs,
    ...["--cache-mb", argOf("--cache-mb", "128"), "--generation-ms", argOf("--generation-ms", "0")],
  ]);
  const bare = await start("./scale/bare-server.ts", []);
  const base = `http://127.0.0.1:${server.port}`;
  const rows: Record<string, unknown>[] = [];
  try {
    const ids = await idsOf(base);
    for (const kind of PAGES) {
      const paths = kind.urls(ids).map((p) => encodeURI(p));
      if ((await fetch(base + paths[0])).status === 404) continue;
      const copies = await fetchAll(base, paths);
      await new Promise((resolve) => {
        bare.child.once("message", resolve);
        bare.child.send(copies);
      });
      const s = await hammer(server.port, paths);
      const b = await hammer(bare.port, paths);
      const kb = copies.reduce((n, c) => n + (c.body.length * 3) / 4, 0) / copies.length / 1024;
      rows.push({
        page: kind.name,
        urls: paths.length,
        "avg KB": Math.round(kb),
        "p50 ms": s.p50,
        "p99 ms": s.p99,
        "req/s": s.rps,
        "bare p50": b.p50,
        "bare p99": b.p99,
        "bare req/s": b.rps,
        "bare/server": Number((b.rps / s.rps).toFixed(2)),
        "p99 target": kind.p99,
      });
    }
  } finally {
    server.child.disconnect();
    bare.child.disconnect();
  }
  if (hasFlag("--json")) console.log(JSON.stringify(rows));
  else console.table(rows);
}

await main();
