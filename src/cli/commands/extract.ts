/**
 * `gongkai extract FILE`: a disclosure file (or `-`, standard input) in,
 * canonical JSON out; a canonical JSON is validated and printed as it is.
 * The importer's diagnostics go to standard error.
 */
import type { Command } from "commander";
import { diagnosticLines, loadDisclosure, readInput, UserError } from "../../app/index.ts";
import { about } from "../failure.ts";
import { addMergeOption, loadMerged } from "../merge-input.ts";
import {
  addBatchOptions,
  type BatchCliOptions,
  isBatch,
  runBatchCommand,
} from "../batch-options.ts";

type ExtractOptions = BatchCliOptions & { text?: boolean; merge?: boolean };

export function registerExtract(program: Command): void {
  addMergeOption(addBatchOptions(program.command("extract"), "extract"))
    .description(
      "读取公开文件（.txt/.docx/.xlsx/.pdf），输出标准 JSON（import a disclosure, print canonical JSON）",
    )
    .argument(
      "<files...>",
      "公开文件或文件夹路径，- 为标准输入（files or folders, or - for stdin）",
    )
    .option("--compact", "输出紧凑 JSON（one line）")
    .option(
      "--text",
      "输出读取器得到的文本与表格结构，而非 JSON（print the intermediate document）",
    )
    .action(async (files: string[], options: ExtractOptions) => {
      if (options.merge) return extractMerged(files, options);
      if (await isBatch(files, options)) return runBatchCommand("extract", files, options);
      const file = files[0]!;
      const input = await readInput(file);
      const loaded = await about(input.label, () =>
        loadDisclosure(input.bytes, { fileName: input.fileName, acceptJson: !options.text }),
      );
      if (options.text) {
        process.stdout.write(`${JSON.stringify(loaded.document, null, 1)}\n`);
        return;
      }
      process.stdout.write(`${JSON.stringify(loaded.disclosure, null, options.compact ? 0 : 2)}\n`);
      // A canonical JSON's diagnostics were printed when it was extracted; not again.
      if (loaded.origin === "document") {
        for (const line of diagnosticLines(loaded.disclosure)) process.stderr.write(`${line}\n`);
      }
    });
}

/** `extract --merge A B …`: the files as one disclosure, printed as one JSON; where they disagree goes to stderr. */
async function extractMerged(files: string[], options: ExtractOptions): Promise<void> {
  if (options.text || options.outDir !== undefined)
    throw new UserError(
      "--merge 输出一份合并后的 JSON，不能与 --text 或 --out-dir 同用（--merge prints one JSON）",
      "usage",
    );
  const { loaded } = await loadMerged(files);
  process.stdout.write(`${JSON.stringify(loaded.disclosure, null, options.compact ? 0 : 2)}\n`);
  for (const line of diagnosticLines(loaded.disclosure)) process.stderr.write(`${line}\n`);
}
