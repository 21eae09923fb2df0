/**
 * A batch-load worker thread: reads and checks the files it is sent and cuts
 * their search entries into words (the CPU-heavy parts), and posts both back;
 * the main thread writes to the store (PGlite allows one process, and one
 * writer keeps transactions simple).
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parentPort } from "node:worker_threads";
import { contentEntries, type SearchEntry } from "../search/documents.ts";
import { analyseFiles, UnreadableFile } from "./engine.ts";

export interface LoadJob {
  id: number;
  path: string;
}

export type LoadJobResult =
  | {
      id: number;
      ok: true;
      analysis: Awaited<ReturnType<typeof analyseFiles>>;
      /** Its search content, segmented here rather than on the writing thread. */
      searchContent: SearchEntry[];
    }
  | { id: number; ok: false; reason: string };

export async function runJob(job: LoadJob): Promise<LoadJobResult> {
  try {
    const bytes = new Uint8Array(await readFile(job.path));
    const analysis = await analyseFiles([{ name: basename(job.path), bytes }]);
    return { id: job.id, ok: true, analysis, searchContent: contentEntries(analysis.disclosure) };
  } catch (error) {
    const reason =
      error instanceof UnreadableFile
        ? error.message.slice(error.file.length + 1)
        : `读取失败：${(error as Error)?.message ?? String(error)}（read failed）`;
    return { id: job.id, ok: false, reason };
  }
}

parentPort?.on("message", async (job: LoadJob) => {
  parentPort!.postMessage(await runJob(job));
});
