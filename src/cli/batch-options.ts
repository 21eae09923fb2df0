/**
 * Batch mode of `check` and `extract`: several files or a folder. The command
 * files keep their single-file code; they add these options and hand over to
 * runBatchCommand when isBatch says so. The engine (src/app/batch/) is loaded
 * only then, so single-file runs and --help do not pay for it.
 */
import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { UserError } from "../app/errors.ts";

export interface BatchCliOptions {
  jobs?: string;
  timeout?: string;
  force?: boolean;
  outDir?: string;
  out?: string;
  json?: boolean;
  compact?: boolean;
  /** extract --text prints one document's structure: not a batch output. */
  text?: boolean;
}

type Mode = "check" | "extract";

/** Adds the batch options (an option the command already has is left as it is). */
export function addBatchOptions(command: Command, mode: Mode): Command {
  const has = (flag: string) => command.options.some((o) => o.long === flag);
  if (mode === "extract" && !has("--out-dir")) {
    command.option(
      "--out-dir <dir>",
      "批量导出：每个文件的 JSON 写到该文件夹（NAME.json）（output folder, required for several inputs）",
    );
  }
  command.option("--jobs <n>", "同时处理的文件数，默认为 CPU 核数（parallel workers）");
  command.option(
    "--timeout <seconds>",
    "单个文件的处理时限，默认 120 秒（per-file time limit, seconds）",
  );
  if (!has("--force"))
    command.option("-f, --force", "覆盖已存在的输出文件（replace existing outputs）");
  return command;
}

/** Several inputs, a folder, or an output folder (extract): the batch engine's work. */
export async function isBatch(
  files: readonly string[],
  options: BatchCliOptions,
): Promise<boolean> {
  if (files.length > 1 || options.outDir !== undefined) return true;
  const s = await stat(files[0]!).catch(() => undefined);
  return s?.isDirectory() === true;
}

export async function runBatchCommand(
  mode: Mode,
  files: readonly string[],
  options: BatchCliOptions,
): Promise<void> {
  if (options.text) {
    throw new UserError("--text 只能用于单个文件（--text takes a single file）", "usage");
  }
  const batch = await import("../app/batch/index.ts");
  let run: Awaited<ReturnType<typeof batch.runBatch>>;
  try {
    run = await batch.runBatch({
      mode,
      inputs: files,
      ...(options.outDir !== undefined ? { outDir: options.outDir } : {}),
      ...(mode === "check" && options.out ? { report: options.out } : {}),
      ...(options.jobs !== undefined ? { jobs: positive(options.jobs, "--jobs", true) } : {}),
      ...(options.timeout !== undefined
        ? { timeoutMs: positive(options.timeout, "--timeout", false) * 1000 }
        : {}),
      force: options.force === true,
      compact: options.compact === true,
      progress: process.stderr,
    });
  } catch (error) {
    if (error instanceof batch.BatchUsageError) throw new UserError(error.message, "usage");
    throw error;
  }
  if (options.json) {
    const { results, tally, exitStatus, seconds } = run;
    process.stdout.write(`${JSON.stringify({ files: results, tally, exitStatus, seconds })}\n`);
    process.stderr.write(`${batch.summaryLine(mode, run.tally, run.seconds)}\n`);
  } else {
    for (const r of run.results) process.stdout.write(`${batch.fileLine(mode, r)}\n`);
    process.stdout.write(`${batch.summaryLine(mode, run.tally, run.seconds)}\n`);
  }
  if (mode === "check" && options.out) process.stderr.write(`已写出审核报告：${options.out}\n`);
  // Batch exits 1 on error findings in every output mode, --json included (issue 10, item 5).
  process.exitCode = run.exitStatus;
}

function positive(text: string, flag: string, integer: boolean): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UserError(
      `${flag} 须为正${integer ? "整" : ""}数：${text}（${flag} must be a positive ${integer ? "integer" : "number"}）`,
      "usage",
    );
  }
  return n;
}
