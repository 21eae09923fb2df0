/**
 * The one door from the service layer to the importer and the checker: read
 * a version's files into a canonical disclosure plus the narrative text the
 * checker's narrative rules read, and check it. Everything else in
 * src/service/ goes through here; files are loaded by the library face (src/app/).
 */
import { describeError } from "../app/errors.ts";
import { loadDisclosure, looksLikeJson } from "../app/load.ts";
import { catalogue } from "../check/catalogue.ts";
import { runChecks } from "../check/engine.ts";
import { mergeDisclosures } from "../import/merge.ts";
import { readSource, sniff } from "../import/read.ts";
import type { SourceLine } from "../import/source-document.ts";
import type { Disclosure } from "../model/disclosure.ts";
import type { CheckInput, CheckReport, Finding, NarrativeLine, RuleMeta } from "../check/types.ts";

export type { Disclosure } from "../model/disclosure.ts";
export type { CheckReport, Finding, NarrativeLine, Severity } from "../check/types.ts";
export type { LineBox, SourceLine } from "../import/source-document.ts";

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
  /** What the file is within the disclosure, e.g. "说明", "报表" (free text). */
  role?: string;
}

export interface Analysis {
  disclosure: Disclosure;
  narrative: NarrativeLine[];
  report: CheckReport;
}

/** Why a file could not be read: the importer's or validator's message (Chinese first). */
export class UnreadableFile extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}：${message}`);
  }
}

/**
 * Reads every file (documents or canonical JSON) and checks the result. Several
 * files make one disclosure: each part comes from the first file that has it
 * (an explanation and a separate 报表 attachment complement each other), and
 * the narrative is the files' texts in order.
 */
export async function analyseFiles(
  files: SourceFile[],
  /** Told each document file's printed lines as read (the working pages keep them for display). */
  onLines?: (file: SourceFile, read: { format: string; lines: SourceLine[] }) => void,
): Promise<Analysis> {
  const inputs: CheckInput[] = [];
  for (const file of files) inputs.push(await readOne(file, onLines));
  const disclosure =
    inputs.length === 1
      ? inputs[0]!.disclosure
      : mergeDisclosures(
          inputs.map((i, n) => ({ disclosure: i.disclosure, file: files[n]!.name })),
        );
  const narrative = inputs.flatMap((i) => i.narrative ?? []);
  return { disclosure, narrative, report: checkDisclosure(disclosure, narrative) };
}

/** Checks a disclosure with its stored narrative: the same call for a new and a stored version. */
export function checkDisclosure(disclosure: Disclosure, narrative: NarrativeLine[]): CheckReport {
  return runChecks({ disclosure, narrative });
}

async function readOne(
  file: SourceFile,
  onLines?: (file: SourceFile, read: { format: string; lines: SourceLine[] }) => void,
): Promise<CheckInput> {
  try {
    const input = await loadDisclosure(file.bytes, { fileName: file.name });
    const doc = input.document;
    if (doc && onLines) onLines(file, { format: doc.format, lines: doc.lines });
    return { disclosure: input.disclosure, narrative: input.narrative ?? [] };
  } catch (error) {
    const { code, message } = describeError(error);
    if (code === "internal") {
      throw new UnreadableFile(file.name, `读取失败：${message}（read failed）`);
    }
    throw new UnreadableFile(file.name, message);
  }
}

/** The report as stored: findings, coverage, and each rule's outcome by id (not its whole metadata). */
export interface StoredReport {
  findings: Finding[];
  coverage: CheckReport["coverage"];
  results: { rule: string; status: string; reason?: string }[];
}

export function storedReport(report: CheckReport): StoredReport {
  return {
    findings: report.findings,
    coverage: report.coverage,
    results: report.results.map((r) => ({
      rule: r.rule.id,
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
    })),
  };
}

/** What a stored file is, by its content: a canonical JSON (no printed lines), a PDF, or another document. */
export function fileKind(bytes: Uint8Array): "json" | "pdf" | "document" {
  if (looksLikeJson(bytes)) return "json";
  return sniff(bytes) === "pdf" ? "pdf" : "document";
}

/** A stored file's lines as its reader prints them (with each line's place and, in a PDF, its box). */
export async function readLines(
  bytes: Uint8Array,
): Promise<{ format: string; lines: SourceLine[] }> {
  const { format, lines } = await readSource(bytes);
  return { format, lines };
}

/** A rule's catalogue entry by its id (to read a stored report's results), or undefined if retired. */
export const ruleById = (id: string): RuleMeta | undefined => catalogue.find((r) => r.id === id);
