/**
 * Batch check and extract: many files and folders on every core, one
 * combined report, one exit status. The library face of batch mode; the CLI
 * (src/cli/batch-options.ts) only parses arguments and prints.
 */
export { runBatch, DEFAULT_TIMEOUT_MS, type BatchOptions, type BatchRun } from "./run.ts";
export { BatchUsageError, type BatchUsageCode } from "./errors.ts";
export { expandInputs, DISCLOSURE_EXTENSIONS, type InputFile } from "./inputs.ts";
export { REPORT_EXTENSIONS, writeBatchReport } from "./report/index.ts";
export { fileLine, summaryLine, exitStatusOf, tallyOf, type Tally } from "./verdict.ts";
export type * from "./types.ts";
