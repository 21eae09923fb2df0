/**
 * The batch engine's only link to the import and check engine: the library
 * face (src/app/). Everything the workers need (load a file, check it, make
 * its canonical JSON, word a failure) goes through these few functions.
 */
import type { Finding } from "../../check/types.ts";
import type { Disclosure } from "../../model/disclosure.ts";
import { placesOf } from "../../check/report/labels.ts";
import { checkDisclosure } from "../check.ts";
import { describeError } from "../errors.ts";
import { MAX_FILE_BYTES } from "../input.ts";
import { loadDisclosure } from "../load.ts";
import { diagnosticLines } from "../summarise.ts";
import type { BatchFinding, FileFailure, FileSummary } from "./types.ts";

/** Largest input read, as for a single file on the command line (bytes). */
export const MAX_INPUT_BYTES = MAX_FILE_BYTES;

export interface CheckedFile {
  summary: FileSummary;
  findings: BatchFinding[];
}

/** Loads a document or canonical JSON and runs the whole rule catalogue on it. */
export async function checkDocument(bytes: Uint8Array, fileName: string): Promise<CheckedFile> {
  const loaded = await loadDisclosure(bytes, { fileName });
  const report = await checkDisclosure(loaded);
  return { summary: summaryOf(loaded.disclosure), findings: report.findings.map(toBatchFinding) };
}

/**
 * The canonical disclosure `extract` prints for this file: a canonical JSON
 * input validated and kept as it is, any other document imported.
 */
export async function extractDocument(bytes: Uint8Array, fileName: string): Promise<Disclosure> {
  return (await loadDisclosure(bytes, { fileName })).disclosure;
}

export function summaryOf(d: Disclosure): FileSummary {
  return {
    ...(d.department?.name ? { department: d.department.name } : {}),
    ...(d.year ? { year: d.year } : {}),
    ...(d.kind ? { kind: d.kind } : {}),
    ...(d.income?.total !== undefined ? { incomeTotal: d.income.total } : {}),
    ...(d.expenditure?.total !== undefined ? { expenditureTotal: d.expenditure.total } : {}),
    diagnostics: diagnosticLines(d),
  };
}

/** A finding as a row of the combined report: its place as a reviewer finds it, never a pointer. */
export function toBatchFinding(f: Finding): BatchFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    location: placesOf(f).join("；"),
  };
}

/** Any error thrown while loading or checking one file, as a code and a Chinese message. */
export function failureOf(error: unknown): FileFailure {
  const { code, message } = describeError(error);
  return { code, message };
}
