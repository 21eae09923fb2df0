/**
 * One file's work, as a worker does it: read the bytes, check or extract,
 * and hand back a compact result. Any error becomes a failed result, so one
 * bad file never stops the batch.
 */
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import {
  checkDocument,
  extractDocument,
  failureOf,
  MAX_INPUT_BYTES,
  summaryOf,
} from "./engine-adapter.ts";
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

async function readInput(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ReadFailure({ code: "not-found", message: "找不到文件（file not found）" });
  }
  if (size > MAX_INPUT_BYTES) {
    throw new ReadFailure({
      code: "too-large",
      message: `文件过大（${(size / 1048576).toFixed(0)} MB，上限 ${MAX_INPUT_BYTES / 1048576} MB）（file too large）`,
    });
  }
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new ReadFailure({ code: "unreadable", message: `无法读取文件（cannot read）：${code}` });
  }
}
