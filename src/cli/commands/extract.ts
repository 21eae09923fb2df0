import type { Command } from "commander";
import { basename } from "node:path";
import { importDisclosure } from "../../import/index.ts";
import { canonicalJson, importFailure, readInputFile } from "../input.ts";
import {
  addBatchOptions,
  type BatchCliOptions,
  isBatch,
  runBatchCommand,
} from "../batch-options.ts";

export function registerExtract(program: Command): void {
  addBatchOptions(program.command("extract"), "extract")
    .description(
      "读取公开文件（.txt/.docx/.xlsx/.pdf），输出标准 JSON（import a disclosure, print canonical JSON）",
    )
    .argument("<files...>", "公开文件或文件夹路径（files or folders）")
    .option("--compact", "输出紧凑 JSON（one line）")
    .option(
      "--text",
      "输出读取器得到的文本与表格结构，而非 JSON（print the intermediate document）",
    )
    .action(async (files: string[], options: BatchCliOptions & { text?: boolean }) => {
      if (await isBatch(files, options)) return runBatchCommand("extract", files, options);
      const file = files[0]!;
      const bytes = await readInputFile(file);
      // Canonical JSON is validated and printed as it is (a round trip, or a check of hand-edited data).
      const json = options.text ? undefined : canonicalJson(bytes, file);
      if (json) {
        process.stdout.write(JSON.stringify(json, null, options.compact ? 0 : 2) + "\n");
        return;
      }
      const { disclosure, document } = await importDisclosure(bytes, {
        fileName: basename(file),
      }).catch((e: unknown) => importFailure(e, file));
      if (options.text) {
        process.stdout.write(JSON.stringify(document, null, 1) + "\n");
        return;
      }
      process.stdout.write(JSON.stringify(disclosure, null, options.compact ? 0 : 2) + "\n");
      for (const d of disclosure.diagnostics ?? []) {
        const where = [d.section, d.line ? `第 ${d.line} 行` : undefined]
          .filter(Boolean)
          .join("，");
        process.stderr.write(
          `${{ error: "错误", warning: "警告", info: "提示" }[d.level]}${where ? `（${where}）` : ""}：${d.message}\n`,
        );
      }
    });
}
