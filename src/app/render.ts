/**
 * Rendering a disclosure to the files a department publishes, and where each
 * rendering is written: one file, a folder (fdp, several CSV tables) or
 * standard output. The renderers are loaded only when a rendering is made.
 */
import type { RenderFormat } from "../render/index.ts";
import type { Disclosure } from "../model/disclosure.ts";
import { UserError } from "./errors.ts";
import { besideInput, checkOutput, writeFolder, writeOutput } from "./output.ts";

export type { RenderFormat };

/** The formats `render --to` accepts (the renderers' list, kept here so listing it loads nothing). */
export const RENDER_FORMATS = [
  "xlsx",
  "docx",
  "pdf",
  "html",
  "csv",
  "json",
  "fdp",
] as const satisfies readonly RenderFormat[];
// Every renderer format is listed: this line fails to compile when one is missing.
const _complete: Record<RenderFormat, (typeof RENDER_FORMATS)[number]> = {
  xlsx: "xlsx",
  docx: "docx",
  pdf: "pdf",
  html: "html",
  csv: "csv",
  json: "json",
  fdp: "fdp",
};
void _complete;

/** The format named by `--to`, or a UserError listing the choices. */
export function renderFormat(name: string): RenderFormat {
  const format = name.toLowerCase() as RenderFormat;
  if (RENDER_FORMATS.includes(format)) return format;
  throw new UserError(
    `不支持的输出格式：${name}；可选 ${RENDER_FORMATS.join("、")}（unknown format）`,
    "unsupported-format",
  );
}

/** Where a rendering goes. `csv` with several tables needs a zip or a folder. */
export type RenderTarget =
  | { kind: "stdout" }
  | { kind: "file"; path: string }
  | { kind: "folder"; path: string };

const DEFAULT_EXTENSION: Record<RenderFormat, string> = {
  xlsx: ".xlsx",
  docx: ".docx",
  pdf: ".pdf",
  html: ".html",
  csv: ".csv.zip",
  json: ".json",
  fdp: ".fdp.zip",
};

const endsWith = (path: string, ext: string) => path.toLowerCase().endsWith(ext);

/** A folder is asked for by a trailing slash or a name without an extension. */
const namesFolder = (path: string) => /[\\/]$/.test(path) || !/\.[^./\\]+$/.test(path);

/**
 * Decides where a rendering goes, before any work: `-o` as given (a folder
 * for fdp without .zip, for csv without an extension), `-o -` for standard
 * output, else beside the input under a name that is not the input's.
 */
export function renderTarget(
  format: RenderFormat,
  options: { input?: string; output?: string },
): RenderTarget {
  const { output, input } = options;
  if (output === "-") {
    if (format === "fdp")
      throw new UserError("fdp 数据包不能写到标准输出（fdp cannot go to stdout）");
    return { kind: "stdout" };
  }
  if (output === undefined) {
    if (!input) {
      throw new UserError(
        "从标准输入读取时请用 -o 指定输出文件，或用 -o - 写到标准输出（use -o with standard input）",
      );
    }
    const marker = format === "json" ? ".gongkai" : ".rendered";
    return { kind: "file", path: besideInput(input, DEFAULT_EXTENSION[format], marker) };
  }
  if (format === "fdp") return { kind: endsWith(output, ".zip") ? "file" : "folder", path: output };
  if (format === "csv") {
    if (endsWith(output, ".zip") || endsWith(output, ".csv")) return { kind: "file", path: output };
    if (namesFolder(output)) return { kind: "folder", path: output };
    throw csvAdvice(output);
  }
  return { kind: "file", path: output };
}

function csvAdvice(output: string): UserError {
  return new UserError(
    `--to csv 的输出应为 .csv（仅一张表时）、.zip 文件或目录：${output}（csv output must be .csv, .zip or a folder）`,
    "usage",
  );
}

/** Checks a target before work: the same rules as every output (see output.ts). */
export async function checkRenderTarget(
  target: RenderTarget,
  options: { force?: boolean; inputs?: string[] },
): Promise<void> {
  if (target.kind === "stdout") return;
  await checkOutput(target.path, { ...options, folder: target.kind === "folder" });
}

/** The files of a rendering that is several files (csv tables, fdp), by name. */
async function renderFiles(d: Disclosure, format: "csv" | "fdp"): Promise<Record<string, string>> {
  if (format === "csv") {
    const { csvParts, csvText } = await import("../render/csv.ts");
    // With a BOM, as in the zip, so Excel on Chinese Windows opens them as UTF-8.
    return Object.fromEntries(
      csvParts(d).map((f) => [f.name, `\uFEFF${csvText(f.header, f.rows)}`]),
    );
  }
  const { dataPackage } = await import("../render/fdp.ts");
  const { descriptor, files } = dataPackage(d);
  return { "datapackage.json": `${JSON.stringify(descriptor, null, 2)}\n`, ...files };
}

/** One format's bytes (a zip for csv and fdp). */
export async function renderBytes(d: Disclosure, format: RenderFormat): Promise<Uint8Array> {
  const { renderDisclosure } = await import("../render/index.ts");
  const { RenderError } = await import("../render/pdf.ts");
  try {
    return await renderDisclosure(d, format);
  } catch (error) {
    if (error instanceof RenderError) throw new UserError(error.message, "render-failed");
    throw error;
  }
}

/**
 * Renders and writes. A .csv target (or csv to standard output) takes one
 * table only, else a UserError advising a .zip name or a folder. Returns the
 * paths written ("-" for standard output).
 */
export async function writeRendering(
  d: Disclosure,
  format: RenderFormat,
  target: RenderTarget,
  options: { force?: boolean; inputs?: string[] } = {},
): Promise<string[]> {
  if (target.kind === "folder") {
    const files = await renderFiles(d, format === "fdp" ? "fdp" : "csv");
    return writeFolder(target.path, files);
  }
  if (format === "csv" && (target.kind === "stdout" || endsWith(target.path, ".csv"))) {
    return writeSingleCsv(d, target, options);
  }
  const bytes = await renderBytes(d, format);
  if (target.kind === "stdout") {
    await writeStdout(bytes);
    return ["-"];
  }
  await writeOutput(target.path, bytes);
  return [target.path];
}

async function writeSingleCsv(
  d: Disclosure,
  target: RenderTarget,
  options: { force?: boolean; inputs?: string[] },
): Promise<string[]> {
  const files = Object.values(await renderFiles(d, "csv"));
  if (files.length !== 1) {
    const where = target.kind === "file" ? target.path : "-";
    throw new UserError(
      `该公开文件有 ${files.length} 张表，无法写成一个 .csv：${where}；请用 .zip 文件名（如 x.csv.zip）或一个目录（several tables: use a .zip name or a folder）`,
      "usage",
    );
  }
  if (target.kind === "stdout") {
    await writeStdout(new TextEncoder().encode(files[0]!));
    return ["-"];
  }
  await checkOutput(target.path, options);
  await writeOutput(target.path, files[0]!);
  return [target.path];
}

function writeStdout(bytes: Uint8Array): Promise<void> {
  return new Promise((done, fail) =>
    process.stdout.write(bytes, (error) => (error ? fail(error) : done())),
  );
}
