/**
 * The one door from the service layer to the importer and the checker: read
 * a version's files into a canonical disclosure plus the narrative text the
 * checker's narrative rules read, and check it. Everything else in
 * src/service/ goes through here (the lead may repoint it to src/app/).
 */
import { InvalidDisclosure, loadCheckInput } from "../check/input.ts";
import { runChecks } from "../check/engine.ts";
import { ImportError } from "../import/errors.ts";
import type { Disclosure } from "../model/disclosure.ts";
import type { CheckInput, CheckReport, Finding, NarrativeLine } from "../check/types.ts";

export type { Disclosure } from "../model/disclosure.ts";
export type { CheckReport, Finding, NarrativeLine, Severity } from "../check/types.ts";

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
export async function analyseFiles(files: SourceFile[]): Promise<Analysis> {
  const inputs: CheckInput[] = [];
  for (const file of files) inputs.push(await readOne(file));
  const disclosure = mergeDisclosures(inputs.map((i) => i.disclosure));
  const narrative = inputs.flatMap((i) => i.narrative ?? []);
  return { disclosure, narrative, report: checkDisclosure(disclosure, narrative) };
}

/** Checks a disclosure with its stored narrative: the same call for a new and a stored version. */
export function checkDisclosure(disclosure: Disclosure, narrative: NarrativeLine[]): CheckReport {
  return runChecks({ disclosure, narrative });
}

async function readOne(file: SourceFile): Promise<CheckInput> {
  try {
    const input = await loadCheckInput(file.bytes, file.name);
    return { disclosure: input.disclosure, narrative: input.narrative ?? [] };
  } catch (error) {
    if (error instanceof ImportError) throw new UnreadableFile(file.name, error.message);
    if (error instanceof InvalidDisclosure) {
      const first = error.problems
        .slice(0, 3)
        .map((p) => `${p.path || "/"} ${p.message}`)
        .join("；");
      throw new UnreadableFile(file.name, `${error.message}：${first}（invalid disclosure JSON）`);
    }
    throw new UnreadableFile(
      file.name,
      `读取失败：${(error as Error)?.message ?? String(error)}（read failed）`,
    );
  }
}

function mergeDisclosures(list: Disclosure[]): Disclosure {
  if (list.length === 1) return list[0]!;
  const merged: Record<string, unknown> = {};
  for (const d of list) {
    for (const [key, value] of Object.entries(d)) {
      if (key === "diagnostics" || key === "sourceMap") continue;
      if (merged[key] === undefined) merged[key] = value;
    }
  }
  const diagnostics = list.flatMap((d) => d.diagnostics ?? []);
  if (diagnostics.length) merged.diagnostics = diagnostics;
  const sourceMap = Object.assign({}, ...list.map((d) => d.sourceMap ?? {}).reverse());
  if (Object.keys(sourceMap).length) merged.sourceMap = sourceMap;
  return merged as Disclosure;
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
