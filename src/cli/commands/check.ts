/** `gongkai check FILE`: runs the rule catalogue and reports (terminal, --json, --out .xlsx/.html). */
import { writeFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { Command } from "commander";
import { UserError } from "../user-error.ts";
import { importFailure, readInputFile } from "../input.ts";
import { InvalidDisclosure, loadCheckInput } from "../../check/input.ts";
import { runChecks } from "../../check/engine.ts";
import { toTerminal } from "../../check/report/terminal.ts";
import { toJson } from "../../check/report/json.ts";
import { toXlsx } from "../../check/report/xlsx.ts";
import { toHtml } from "../../check/report/html.ts";
import type { CheckInput } from "../../check/types.ts";
import {
  addBatchOptions,
  type BatchCliOptions,
  isBatch,
  runBatchCommand,
} from "../batch-options.ts";

export function registerCheck(program: Command): void {
  addBatchOptions(program.command("check"), "check")
    .argument(
      "<files...>",
      "公开文件（txt/docx/xlsx/pdf）、规范 JSON 或文件夹（disclosure files, canonical JSON or folders）",
    )
    .description("按规则目录审核公开文件 (check a disclosure against the rule catalogue)")
    .option("--json", "输出 JSON：{findings, coverage} (print JSON)")
    .option("--out <report>", "写出审核报告 .xlsx 或 .html，批量时也可 .csv (write a report file)")
    .option(
      "--exit-code",
      "与 --json 同用时，有错误级问题也以非零状态退出 (with --json, exit non-zero on errors too)",
    )
    .action(async (files: string[], opts: BatchCliOptions & { exitCode?: boolean }) => {
      if (await isBatch(files, opts)) return runBatchCommand("check", files, opts);
      const file = files[0]!;
      const bytes = await readInputFile(file);
      let input: CheckInput;
      try {
        input = await loadCheckInput(bytes, basename(file));
      } catch (error) {
        if (error instanceof InvalidDisclosure) {
          const list = error.problems
            .slice(0, 50)
            .map((p) => `  ${p.path || "/"}：${p.message}`)
            .join("\n");
          throw new UserError(`${file}：${error.message}（invalid disclosure JSON）\n${list}`, 2);
        }
        importFailure(error, file);
      }
      const report = runChecks(input);
      const title = [
        input.disclosure.department?.name,
        input.disclosure.year ? `${input.disclosure.year} 年` : undefined,
        input.disclosure.kind === "final"
          ? "决算"
          : input.disclosure.kind === "budget"
            ? "预算"
            : undefined,
        `（${basename(file)}）`,
      ]
        .filter(Boolean)
        .join(" ");
      if (opts.out) {
        const ext = extname(opts.out).toLowerCase();
        if (ext === ".xlsx") await writeFile(opts.out, await toXlsx(report, title));
        else if (ext === ".html" || ext === ".htm")
          await writeFile(opts.out, toHtml(report, title));
        else
          throw new UserError(
            `不支持的报告格式：${opts.out}，请使用 .xlsx 或 .html（unsupported report format）`,
          );
      }
      if (opts.json) process.stdout.write(toJson(report) + "\n");
      else if (!opts.out)
        process.stdout.write(toTerminal(report, title, process.stdout.isTTY === true));
      else
        process.stderr.write(
          `已写出审核报告：${opts.out}（错误 ${report.coverage.findings.error}，警告 ${report.coverage.findings.warning}，提示 ${report.coverage.findings.info}）\n`,
        );
      // With --json the verdict is in coverage.findings.error and the status says the check ran
      // (scripts and the scoring tool read the JSON); elsewhere errors make the status 1.
      if (report.coverage.findings.error > 0 && (!opts.json || opts.exitCode)) process.exitCode = 1;
    });
}
