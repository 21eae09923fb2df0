/**
 * The batch engine's only link to the import and check engine. Everything the
 * workers need (load a file, check it, make its canonical JSON, word a
 * failure) goes through these few functions, so the engine behind them can be
 * swapped (for the library face in src/app/) by editing this file alone.
 */
import { importDisclosure } from "../../import/index.ts";
import { ImportError } from "../../import/errors.ts";
import { InvalidDisclosure, loadCheckInput, looksLikeJson } from "../../check/input.ts";
import { runChecks } from "../../check/engine.ts";
import type { Finding } from "../../check/types.ts";
import { FORMAT_ID, validateDisclosure, type Disclosure } from "../../model/disclosure.ts";
import type { BatchFinding, FileFailure, FileSummary } from "./types.ts";

/** Largest input read, as for a single file on the command line (bytes). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

const LEVEL = { error: "错误", warning: "警告", info: "提示" } as const;

export interface CheckedFile {
  summary: FileSummary;
  findings: BatchFinding[];
}

/** Loads a document or canonical JSON and runs the whole rule catalogue on it. */
export async function checkDocument(bytes: Uint8Array, fileName: string): Promise<CheckedFile> {
  const input = await loadCheckInput(bytes, fileName);
  const report = runChecks(input);
  return { summary: summaryOf(input.disclosure), findings: report.findings.map(toBatchFinding) };
}

/**
 * The canonical disclosure `extract` prints for this file: a canonical JSON
 * input validated and kept as it is, any other document imported.
 */
export async function extractDocument(bytes: Uint8Array, fileName: string): Promise<Disclosure> {
  const given = canonicalJson(bytes);
  if (given) return given;
  return (await importDisclosure(bytes, { fileName })).disclosure;
}

export function summaryOf(d: Disclosure): FileSummary {
  return {
    ...(d.department?.name ? { department: d.department.name } : {}),
    ...(d.year ? { year: d.year } : {}),
    ...(d.kind ? { kind: d.kind } : {}),
    ...(d.income?.total !== undefined ? { incomeTotal: d.income.total } : {}),
    ...(d.expenditure?.total !== undefined ? { expenditureTotal: d.expenditure.total } : {}),
    diagnostics: (d.diagnostics ?? []).map(
      (x) => `${LEVEL[x.level]}${x.line ? `（第 ${x.line} 行）` : ""}：${x.message}`,
    ),
  };
}

export function toBatchFinding(f: Finding): BatchFinding {
  const lines = f.lines?.length ? f.lines : f.line ? [f.line] : [];
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    location: lines.length ? `第 ${lines.join("、")} 行` : "",
  };
}

/** Any error thrown while loading or checking one file, as a code and a Chinese message. */
export function failureOf(error: unknown): FileFailure {
  if (error instanceof ImportError) return { code: error.code, message: error.message };
  if (error instanceof InvalidDisclosure) {
    const first = error.problems
      .slice(0, 3)
      .map((p) => `${p.path || "/"}：${p.message}`)
      .join("；");
    return {
      code: "invalid-json",
      message: `${error.message}（invalid disclosure JSON）：${first}`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal", message: `内部错误（internal error）：${message}` };
}

/** Mirrors the single-file extract: JSON input must be a valid canonical disclosure. */
function canonicalJson(bytes: Uint8Array): Disclosure | undefined {
  if (!looksLikeJson(bytes)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new ImportError(`JSON 格式错误：${(e as Error).message}（invalid JSON）`, "invalid-json");
  }
  if ((json as { format?: unknown })?.format !== FORMAT_ID) {
    throw new ImportError(
      `不是 gongkai 公开数据 JSON（缺少 "format": "${FORMAT_ID}"）（not a canonical disclosure）`,
      "invalid-json",
    );
  }
  const checked = validateDisclosure(json);
  if (!checked.ok) throw new InvalidDisclosure(checked.problems);
  return checked.disclosure;
}
