/**
 * A batch from start to end: every input and output checked before any work
 * (a usage error costs nothing), the files spread over a pool of worker
 * threads, a progress line on a terminal, results kept in input order, the
 * combined report written, the exit status decided.
 */
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, resolve } from "node:path";
import { BatchUsageError } from "./errors.ts";
import { expandInputs } from "./inputs.ts";
import { planOutputs } from "./outputs.ts";
import { runPool, type Outcome } from "./pool.ts";
import { progressLine } from "./progress.ts";
import { checkReportPath, writeBatchReport } from "./report/index.ts";
import { failedResult } from "./results.ts";
import type { BatchMode, BatchTask, FileResult } from "./types.ts";
import { exitStatusOf, tallyOf, type Tally } from "./verdict.ts";
import { spawnBatchWorker } from "./worker-spawn.ts";

export interface BatchOptions {
  mode: BatchMode;
  /** Files and folders, as the user named them. */
  inputs: readonly string[];
  /** Extract: the folder for NAME.json (required). */
  outDir?: string;
  /** The combined report (.xlsx, .html, .csv). */
  report?: string;
  /** Replace existing outputs (never an input). */
  force?: boolean;
  /** Extract: one-line JSON. */
  compact?: boolean;
  /** Worker threads; every core by default. */
  jobs?: number;
  /** Per file; DEFAULT_TIMEOUT_MS by default. */
  timeoutMs?: number;
  /** Heap limit of each worker (MiB): a file that needs more fails alone. */
  memoryLimitMb?: number;
  /** Where the progress line goes (drawn only if it is a terminal). */
  progress?: { isTTY?: boolean; columns?: number; write(text: string): unknown };
}

export interface BatchRun {
  mode: BatchMode;
  results: FileResult[];
  tally: Tally;
  exitStatus: 0 | 1 | 3;
  seconds: number;
  jobs: number;
}

/**
 * Per file, wall clock. Generous on purpose: on a busy machine the largest corpus PDF took 30 s
 * (load average 17 on 2 cores), and a valid file failed for slowness is worse than a late stop.
 */
export const DEFAULT_TIMEOUT_MS = 120_000;
/**
 * Heap limit per worker (MiB): a corpus PDF leaves a worker near 250 MiB, so this only stops a
 * runaway file, which then fails alone. Caveat (Node 20): a limit reached while V8 compiles a
 * module is fatal to the whole process, seen in tests only with limits under 100 MiB.
 */
export const DEFAULT_MEMORY_LIMIT_MB = 1024;

/** Throws BatchUsageError (exit 2) before any work when an input or output is wrong. */
export async function runBatch(options: BatchOptions): Promise<BatchRun> {
  const started = performance.now();
  const tasks = await prepareTasks(options);
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), tasks.length));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const results: FileResult[] = new Array(tasks.length);
  const progress = progressLine(options.progress, tasks.length, LABEL[options.mode]);
  const limits = { maxOldGenerationSizeMb: options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB };
  try {
    await runPool<BatchTask, FileResult>(
      await largestFirst(tasks),
      { size: jobs, timeoutMs, spawn: () => spawnBatchWorker(limits) },
      {
        onDone(task, outcome) {
          results[task.id] = resultOf(task, outcome, timeoutMs);
          progress.tick(basename(task.file));
        },
      },
    );
  } finally {
    progress.finish();
  }
  if (options.report) await writeBatchReport(options.report, results);
  const tally = tallyOf(results);
  const seconds = (performance.now() - started) / 1000;
  return { mode: options.mode, results, tally, exitStatus: exitStatusOf(tally), seconds, jobs };
}

const LABEL = { check: "审核", extract: "导出" } as const;

async function prepareTasks(options: BatchOptions): Promise<BatchTask[]> {
  const skip = [options.outDir, options.report].filter((p): p is string => p !== undefined);
  const inputs = await expandInputs(options.inputs, skip);
  if (options.report) await checkReportPath(options.report, inputs, options.force);
  let outPaths: string[] | undefined;
  if (options.mode === "extract") {
    if (!options.outDir) {
      throw new BatchUsageError(
        "out-dir-required",
        "批量导出须用 --out-dir 指定输出文件夹（--out-dir is required for several inputs）",
      );
    }
    outPaths = await planOutputs(inputs, options.outDir, options.force);
  }
  return inputs.map((input, id) => ({
    id,
    mode: options.mode,
    path: resolve(input.path),
    file: input.file,
    ...(outPaths ? { outPath: outPaths[id]! } : {}),
    ...(options.compact ? { compact: true } : {}),
  }));
}

/**
 * Dispatch order: the largest files first, so that a big PDF does not start last and keep one
 * worker busy while the others idle. Results keep input order regardless.
 */
async function largestFirst(tasks: readonly BatchTask[]): Promise<BatchTask[]> {
  const sizes = await Promise.all(
    tasks.map((t) =>
      stat(t.path).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  return tasks
    .map((t, i) => ({ t, size: sizes[i]! }))
    .sort((a, b) => b.size - a.size || a.t.id - b.t.id)
    .map((x) => x.t);
}

function resultOf(task: BatchTask, outcome: Outcome<FileResult>, timeoutMs: number): FileResult {
  if (outcome.kind === "done") return outcome.value;
  if (outcome.kind === "timeout") {
    const seconds = Math.round(timeoutMs / 100) / 10;
    return failedResult(
      task,
      { code: "timeout", message: `处理超过 ${seconds} 秒，已中止（timed out）` },
      timeoutMs,
    );
  }
  return failedResult(task, { code: "crashed", message: outcome.message }, 0);
}
