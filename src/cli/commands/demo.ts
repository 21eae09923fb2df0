/** `gongkai demo`: imports and summarises the bundled sample disclosures (or a folder's files). */
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import {
  describeError,
  loadDisclosure,
  readInputFile,
  summaryLines,
  UserError,
} from "../../app/index.ts";

/** The bundled sample disclosures (five published Hebei department budgets). */
export const SAMPLES_DIR = resolve(import.meta.dirname, "../../../samples");

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "导入并汇总随附的五份样例公开文件（import and summarise the bundled sample disclosures）",
    )
    .option("--dir <dir>", "样例目录", SAMPLES_DIR)
    .action(async (options: { dir: string }) => {
      const names = await readdir(options.dir).catch(() => {
        throw new UserError(`找不到目录：${options.dir}（folder not found）`, "file-not-found");
      });
      const files = names.filter((f) => !f.startsWith(".")).sort();
      console.log(`gongkai 样例：${files.length} 份部门预算公开文件（${options.dir}）\n`);
      for (const file of files) {
        const started = performance.now();
        try {
          const { bytes } = await readInputFile(join(options.dir, file));
          const { disclosure } = await loadDisclosure(bytes, { fileName: file });
          console.log(`${file}　（${(performance.now() - started).toFixed(0)} ms）`);
          for (const line of summaryLines(disclosure)) console.log(line);
        } catch (error) {
          console.log(`${file}：无法导入：${describeError(error).message}`);
        }
        console.log("");
      }
    });
}
