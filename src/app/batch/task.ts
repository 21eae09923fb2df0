/**
 * One file's work, as a worker does it: read the bytes, check or extract,
 * and hand back a compact result. Any error becomes a failed result, so one
 * bad file never stops the batch.
 */
import { rename, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { checkDocument, extractDocument, failureOf, summaryOf } from "./engine-adapter.ts";
import { readInputFile } from "../input.ts";
import { countOf } from "./results.ts";
import type { BatchTask, FileFailure, FileResult } from "./types.ts";

export async function runTask(task: BatchTask): Promise<FileResult> {
  const started = performance.now();
  const done = (r: Omit<FileResult, "file" | "ms">): FileResult => ({
    file: task.file,
    ...r,
    ms: Math.round(performance.now() - started),
  });
  try {
    const bytes = await readInput(task.path);
    if (task.mode === "check") {
      const { summary, findings } = await checkDocument(bytes, basename(task.file));
      const counts = countOf(findings);
      return done({ status: counts.error ? "errors" : "passed", summary, findings, counts });
    }
    const disclosure = await extractDocument(bytes, basename(task.file));
    const outPath = task.outPath!;
    const text = `${JSON.stringify(disclosure, null, task.compact ? 0 : 2)}\n`;
    // Written beside and renamed, so an interrupted run never leaves half a JSON under the name.
    await writeFile(`${outPath}.partial`, text);
    await rename(`${outPath}.partial`, outPath);
    return done({
      status: "passed",
      summary: summaryOf(disclosure),
      findings: [],
      counts: countOf([]),
      output: outPath,
    });
  } catch (error) {
    const failure = error instanceof ReadFailure ? error.failure : failureOf(error);
    return done({ status: "failed", failure, findings: [], counts: countOf([]) });
  }
}

class ReadFailure extends Error {
  constructor(readonly failure: FileFailure) {
    super(failure.message);
  }
}

/** The face's reader: the same size limits (text and file) as a single file on the command line. */
async function readInput(path: string): Promise<Uint8Array> {
  try {
    return (await readInputFile(path)).bytes;
  } catch (error) {
    const { code, message } = failureOf(error);
    throw new ReadFailure({ code, message: message.replace(`${path}：`, "") });
  }
}
