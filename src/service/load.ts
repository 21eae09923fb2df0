/**
 * Batch loading: every file under a folder (any mix of formats, recursively)
 * into the store as published disclosures of a region. Files are read and
 * checked on worker threads (one per core); each is stored in its own
 * transaction, so a load killed midway leaves whole files only. A file whose
 * sha256 is already stored is skipped, so running the load again resumes it.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import { refreshStatistics, type Store } from "../store/index.ts";
import type { Actor } from "./actor.ts";
import { ServiceError } from "./errors.ts";
import { blobExists } from "../store/queries/versions.ts";
import { ingestPublished } from "./ingest.ts";
import type { LoadJob, LoadJobResult } from "./load-worker.ts";
import { requireRole } from "./policy.ts";

export interface LoadOptions {
  dir: string;
  regionId: number;
  /** Year for documents that state none. */
  year?: number;
  /** Worker threads (default: one per core). */
  workers?: number;
  onProgress?: (p: LoadProgress) => void;
}

export interface LoadProgress {
  done: number;
  total: number;
  file: string;
  outcome: "imported" | "skipped" | "unreadable";
}

export interface LoadSummary {
  files: number;
  imported: number;
  /** Imported files with error or warning findings. */
  withFindings: number;
  /** Already stored (same sha256): skipped. */
  skipped: number;
  unreadable: { file: string; reason: string }[];
  seconds: number;
}

/** Every regular file under `dir`, recursively, hidden ones left out, in a stable order. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .filter(
      (p) =>
        !relative(dir, p)
          .split(/[\\/]/)
          .some((part) => part.startsWith(".")),
    )
    .sort();
}

async function sha256OfFile(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

export async function loadDirectory(
  store: Store,
  actor: Actor,
  options: LoadOptions,
): Promise<LoadSummary> {
  requireRole(actor, "loadPublished");
  let files: string[];
  try {
    files = await listFiles(options.dir);
  } catch {
    throw new ServiceError("NOT_FOUND", `找不到目录：${options.dir}（folder not found）`);
  }
  return loadFiles(store, actor, { ...options, items: files.map((path) => ({ path })) });
}

/** One file to load; `dataPath` is read and checked in its place (the canonical JSON of a rendered file). */
export interface LoadItem {
  path: string;
  dataPath?: string;
}

/**
 * Loads the given files (what loadDirectory found, or pairs of a stored file
 * and the data it was made from, as the scale benchmark loads them).
 */
export async function loadFiles(
  store: Store,
  actor: Actor,
  options: Omit<LoadOptions, "dir"> & { dir?: string; items: LoadItem[] },
): Promise<LoadSummary> {
  requireRole(actor, "loadPublished");
  const started = performance.now();
  const dir = options.dir ?? ".";
  const { items } = options;
  const summary: LoadSummary = {
    files: items.length,
    imported: 0,
    withFindings: 0,
    skipped: 0,
    unreadable: [],
    seconds: 0,
  };
  const todo: LoadItem[] = [];
  let done = 0;
  for (const item of items) {
    if (await blobExists(store.db, await sha256OfFile(item.path))) {
      summary.skipped++;
      options.onProgress?.({
        done: ++done,
        total: items.length,
        file: rel(dir, item.path),
        outcome: "skipped",
      });
    } else todo.push(item);
  }
  const jobs = todo.map((item) => item.dataPath ?? item.path);
  await runPool(jobs, options.workers ?? availableParallelism(), async (id, result) => {
    const path = todo[id]!.path;
    const file = rel(dir, path);
    let outcome: LoadProgress["outcome"] = "unreadable";
    if (!result.ok) summary.unreadable.push({ file, reason: result.reason });
    else {
      try {
        const bytes = new Uint8Array(await readFile(path));
        await ingestPublished(store, actor, {
          regionId: options.regionId,
          ...(options.year ? { year: options.year } : {}),
          files: [{ name: basename(path), bytes }],
          analysis: result.analysis,
          searchContent: result.searchContent,
        });
        summary.imported++;
        const f = result.analysis.report.coverage.findings;
        if (f.error + f.warning > 0) summary.withFindings++;
        outcome = "imported";
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        summary.unreadable.push({ file, reason: error.message });
      }
    }
    options.onProgress?.({ done: ++done, total: items.length, file, outcome });
  });
  if (summary.imported > 0) await refreshStatistics(store);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

const rel = (dir: string, path: string) => relative(dir, path) || basename(path);

/**
 * Sends each path to a free worker and hands results to `store` one at a time,
 * in completion order (stores are serialised; analysis runs in parallel).
 */
async function runPool(
  paths: string[],
  size: number,
  store: (id: number, result: LoadJobResult) => Promise<void>,
): Promise<void> {
  if (paths.length === 0) return;
  const workers = Array.from(
    { length: Math.max(1, Math.min(size, paths.length)) },
    () => new Worker(new URL("./load-worker-boot.mjs", import.meta.url)),
  );
  let next = 0;
  let writing = Promise.resolve();
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= paths.length) return resolve();
              const id = next++;
              worker.postMessage({ id, path: paths[id]! } satisfies LoadJob);
            };
            worker.on("message", (result: LoadJobResult) => {
              writing = writing.then(() => store(result.id, result));
              writing.then(feed, reject);
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (code !== 0) reject(new Error(`worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
    await writing;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
