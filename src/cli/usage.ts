/**
 * The argument parser's own complaints (commander writes them in English) as
 * gongkai's usage errors: Chinese first, commander's English in parentheses,
 * exit status 2.
 */
import type { CommanderError } from "commander";
import { UserError } from "../app/errors.ts";

/** Chinese wording for each commander error code; `$1` is the quoted name in the English text. */
const WORDING: Record<string, string> = {
  "commander.missingArgument": "缺少参数 $1",
  "commander.optionMissingArgument": "选项 $1 缺少取值",
  "commander.missingMandatoryOptionValue": "缺少必需的选项 $1",
  "commander.unknownOption": "未知选项 $1",
  "commander.unknownCommand": "未知命令 $1",
  "commander.excessArguments": "参数过多",
  "commander.conflictingOption": "选项不能同时使用",
  "commander.invalidArgument": "参数取值无效",
};

/** A commander error as a UserError with code `usage`; help and version are not errors (undefined). */
export function usageError(error: CommanderError): UserError | undefined {
  if (error.exitCode === 0) return undefined;
  const english = error.message.replace(/^error:\s*/, "").trim();
  const quoted = /'([^']+)'/.exec(english)?.[1] ?? "";
  const chinese = (WORDING[error.code] ?? "用法错误").replace("$1", quoted).trim();
  const hint = "运行 gongkai --help 查看用法";
  return new UserError(
    error.code === "commander.help"
      ? `请指定命令；${hint}（a command is required）`
      : `${chinese}；${hint}（${english}）`,
    "usage",
  );
}
