/**
 * `gongkai check FILE`: runs the rule catalogue and reports (terminal, --json,
 * --out .xlsx/.html). Exits 1 when an error-severity finding exists, in every
 * output mode; with --json every failure is JSON too.
 */
import type { Command } from "commander";
import {
  checkDisclosure,
  checkOutput,
  hasErrors,
  loadDisclosure,
  readInput,
  renderReport,
  reportFormatOf,
  reportTitle,
  STDIN,
  writeOutput,
  type Loaded,
} from "../../app/index.ts";
import { about } from "../failure.ts";
import { addMergeOption, loadMerged } from "../merge-input.ts";
import {
  addBatchOptions,
  type BatchCliOptions,
  isBatch,
  runBatchCommand,
} from "../batch-options.ts";

type CheckOptions = BatchCliOptions & {
  json?: boolean;
  out?: string;
  force?: boolean;
  merge?: boolean;
};

export function registerCheck(program: Command): void {
  addMergeOption(addBatchOptions(program.command("check"), "check"))
    .argument(
      "<files...>",
      "公开文件（txt/docx/xlsx/pdf）、规范 JSON 或文件夹，- 为标准输入（disclosure files, canonical JSON or folders; - reads stdin）",
    )
    .description("按规则目录审核公开文件 (check a disclosure against the rule catalogue)")
    .option("--json", "输出 JSON：{findings, coverage} (print JSON)")
    .option("--out <report>", "写出审核报告 .xlsx 或 .html，批量时也可 .csv (write a report file)")
    .action(async (files: string[], opts: CheckOptions) => {
      if (!opts.merge && (await isBatch(files, opts))) return runBatchCommand("check", files, opts);
      const inputs = files.filter((f) => f !== STDIN);
      // The report's path is checked before the document is read: a bad path fails in an instant.
      const format = opts.out ? reportFormatOf(opts.out) : undefined;
      if (opts.out) await checkOutput(opts.out, { force: opts.force, inputs });
      const { loaded, name, notes } = opts.merge
        ? await loadMerged(files)
        : await loadOne(files[0]!);
      // Where the files disagree is said before the report: those facts were left unset.
      for (const line of notes) process.stderr.write(`${line}\n`);
      const report = await checkDisclosure(loaded);
      const title = reportTitle(loaded.disclosure, name);
      if (opts.out && format)
        await writeOutput(opts.out, await renderReport(report, title, format));
      if (opts.json) {
        const { toJson } = await import("../../check/report/json.ts");
        process.stdout.write(`${toJson(report)}\n`);
      } else if (!opts.out) {
        const { toTerminal } = await import("../../check/report/terminal.ts");
        process.stdout.write(toTerminal(report, title, process.stdout.isTTY === true));
      } else {
        const n = report.coverage.findings;
        process.stderr.write(
          `已写出审核报告：${opts.out}（错误 ${n.error}，警告 ${n.warning}，提示 ${n.info}）\n`,
        );
      }
      if (hasErrors(report)) process.exitCode = 1;
    });
}

/** One file (or stdin) loaded, and the name its report goes by. */
async function loadOne(file: string): Promise<{ loaded: Loaded; name: string; notes: string[] }> {
  const input = await readInput(file);
  const loaded = await about(input.label, () =>
    loadDisclosure(input.bytes, { fileName: input.fileName }),
  );
  return { loaded, name: input.fileName ?? "标准输入", notes: [] };
}
