/**
 * `--merge` of `extract` and `check`: the files named are one disclosure
 * published as several (情况说明 + 预算报表, one file per table), read each on
 * its own and merged into one (app mergeLoaded), instead of a batch of
 * separate disclosures.
 */
import type { Command } from "commander";
import {
  diagnosticLines,
  loadDisclosure,
  mergeLoaded,
  readInput,
  STDIN,
  UserError,
} from "../app/index.ts";
import type { Loaded } from "../app/index.ts";
import { about } from "./failure.ts";

export function addMergeOption(command: Command): Command {
  return command.option(
    "--merge",
    "把所列文件作为同一份公开文件的几个部分合并读取（如情况说明 + 预算报表）（read the files as one disclosure）",
  );
}

/**
 * The files, each read and loaded (failures named by file), merged into one
 * disclosure; `notes` are the merge's own diagnostics as lines (where the files disagree).
 */
export async function loadMerged(
  files: readonly string[],
): Promise<{ loaded: Loaded; name: string; notes: string[] }> {
  if (files.length < 2)
    throw new UserError("--merge 需要至少两个文件（--merge takes two or more files）", "usage");
  if (files.includes(STDIN))
    throw new UserError(
      "--merge 不能读取标准输入，请给出文件路径（--merge reads files, not stdin）",
      "usage",
    );
  const parts = [];
  for (const file of files) {
    const input = await readInput(file);
    const loaded = await about(input.label, () =>
      loadDisclosure(input.bytes, { fileName: input.fileName }),
    );
    parts.push({ loaded, file: input.fileName ?? input.label });
  }
  const { mergeNotes, ...loaded } = await mergeLoaded(parts);
  const notes = diagnosticLines({ ...loaded.disclosure, diagnostics: mergeNotes });
  return { loaded, name: parts.map((p) => p.file).join(" + "), notes };
}
