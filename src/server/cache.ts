/**
 * @module The server's memory cache of what the public reads. A published
 * version's content (its page's parts, downloads, canonical JSON, report,
 * original files) never changes; the pages and lists around it change only
 * when something is written. So every public (anonymous) GET answered 200
 * with a `public` Cache-Control is kept, bytes and strong ETag, in one LRU
 * bounded by bytes, tagged with the store's public generation (a counter the
 * database moves whenever what the public can see changes, migration 6):
 *
 * - an entry of the current generation is served as it is (304 when the
 *   reader's If-None-Match has its ETag);
 * - after such a change, pages and lists are made again; a version's immutable
 *   content is kept once its version is checked to be still public (a
 *   withdrawal ends it).
 *
 * The generation is read from the store before answering from the cache (one
 * query shared by every request waiting for it, so 50 concurrent readers cost
 * one query, not 50), so a write by any process is seen at once; with
 * `generationMaxAgeMs` it is trusted that long instead (a write through this
 * server is still seen at once: a non-GET request marks it stale).
 */
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { isPublicContent, publicGeneration } from "../service/reads.ts";
import type { Store } from "../store/index.ts";
import type { ServerEnv } from "./env.ts";

export interface CacheOptions {
  /** Memory for cached responses, bytes (default 128 MB; 0 turns the cache off). */
  cacheBytes?: number;
  /** How long a generation read from the store is trusted, ms (default 0: read for each request). */
  generationMaxAgeMs?: number;
}

/** A map that forgets its least recently used entries beyond `maxBytes`. */
export class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recent.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.total -= e.bytes;
  }
}

/**
 * The store's generation, read at most every `maxAgeMs` (one query shared by
 * the requests waiting for it); `stale()` makes the next read ask the store.
 */
export class Generation {
  private value = -1;
  private readAt = Number.NEGATIVE_INFINITY;
  private epoch = 0;
  private pending: Promise<number> | undefined;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly maxAgeMs: number,
  ) {}

  current(): Promise<number> {
    if (performance.now() - this.readAt < this.maxAgeMs) return Promise.resolve(this.value);
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  stale(): void {
    this.epoch++;
    this.readAt = Number.NEGATIVE_INFINITY;
  }

  private async refresh(): Promise<number> {
    const epoch = this.epoch;
    const started = performance.now();
    const value = await this.read();
    // A write finished while reading: the value may predate it, so it is not trusted for long.
    if (epoch === this.epoch) {
      this.value = value;
      this.readAt = started;
    }
    return value;
  }
}

interface Entry {
  generation: number;
  body: Uint8Array;
  etag: string;
  headers: [string, string][];
  /** Set when the content is a version's and immutable: kept across generations while public. */
  versionId?: number;
}

/** The headers a cached response is sent again with (never Set-Cookie). */
const KEPT_HEADERS = [
  "content-type",
  "cache-control",
  "content-disposition",
  "x-content-sha256",
  "etag",
];

/** A version's immutable API content: downloads, canonical JSON, report, original files. */
const VERSION_CONTENT = /^\/api\/v1\/versions\/(\d+)\/(?:download|files|canonical|report)\b/;

/** Strong ETag of bytes (what the ETag middleware makes when the handler set none). */
function etagOf(body: Uint8Array): string {
  return `"${createHash("sha1").update(body).digest("hex")}"`;
}

export function responseCache(
  store: Store,
  options: CacheOptions = {},
): MiddlewareHandler<ServerEnv> {
  const lru = new ByteLru<Entry>(options.cacheBytes ?? 128 * 1024 * 1024);
  const generation = new Generation(() => publicGeneration(store), options.generationMaxAgeMs ?? 0);
  return async (c, next) => {
    if (c.req.method !== "GET") {
      try {
        await next();
      } finally {
        if (c.req.method !== "HEAD") generation.stale();
      }
      return;
    }
    if (lru.maxBytes === 0 || c.var.actor.kind !== "anonymous") return next();
    const key = c.req.url.slice(c.req.url.indexOf("/", 8));
    const current = await generation.current();
    const hit = lru.get(key);
    if (hit && (await stillValid(store, hit, current))) return send(c, hit);
    await next();
    const entry = await entryOf(c, current);
    if (entry) lru.set(key, entry, entry.body.length + key.length + 256);
  };
}

async function stillValid(store: Store, e: Entry, current: number): Promise<boolean> {
  if (e.generation === current) return true;
  if (e.versionId === undefined || !(await isPublicContent(store, e.versionId))) return false;
  e.generation = current;
  return true;
}

function send(c: Context<ServerEnv>, e: Entry): Response {
  const match = c.req
    .header("If-None-Match")
    ?.match(/"[^"]*"/g)
    ?.includes(e.etag);
  for (const [name, value] of e.headers) c.header(name, value);
  return match ? c.body(null, 304) : c.body(e.body as Uint8Array<ArrayBuffer>, 200);
}

/** The response as a cache entry, when it is public and whole; the response is rebuilt. */
async function entryOf(c: Context<ServerEnv>, generation: number): Promise<Entry | undefined> {
  const res = c.res;
  if (res.status !== 200 || res.headers.has("set-cookie")) return undefined;
  if (!/\bpublic\b/.test(res.headers.get("cache-control") ?? "")) return undefined;
  const body = new Uint8Array(await res.arrayBuffer());
  const etag = res.headers.get("etag") ?? etagOf(body);
  c.res = new Response(body, { status: 200, headers: res.headers });
  c.res.headers.set("ETag", etag);
  const headers = KEPT_HEADERS.flatMap((h): [string, string][] => {
    const v = h === "etag" ? etag : res.headers.get(h);
    return v ? [[h, v]] : [];
  });
  const immutable = /\bimmutable\b/.test(res.headers.get("cache-control") ?? "");
  const versionId = immutable ? Number(VERSION_CONTENT.exec(c.req.path)?.[1]) : Number.NaN;
  return {
    generation,
    body,
    etag,
    headers,
    ...(Number.isFinite(versionId) ? { versionId } : {}),
  };
}
