/**
 * gongkai command line. Each command lives in its own module under commands/
 * and registers itself on the program; this file only wires them together and
 * turns any unexpected failure into a message instead of a stack trace.
 */
import { Command } from "commander";
import { registerExtract } from "./commands/extract.ts";
import { registerCheck } from "./commands/check.ts";
import { registerRules } from "./commands/rules.ts";
import { registerRender } from "./commands/render.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerUser } from "./commands/user.ts";
import { registerAudit } from "./commands/audit.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerRestore } from "./commands/restore.ts";
import { registerLoad } from "./commands/load.ts";
import { registerServe } from "./commands/serve.ts";
import { UserError } from "./user-error.ts";

// A reader that stops early (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

const program = new Command()
  .name("gongkai")
  .description(
    "公开：部门预算/决算公开文件的导入、审核、生成与发布 (Chinese budget disclosures: import, check, render, publish)",
  )
  .showHelpAfterError("（运行 gongkai --help 查看用法）");

registerExtract(program);
registerCheck(program);
registerRules(program);
registerRender(program);
registerDemo(program);
registerUser(program);
registerAudit(program);
registerBackup(program);
registerRestore(program);
registerLoad(program);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof UserError) {
    process.stderr.write(`gongkai: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  // An unexpected failure is still reported in words; the trace only on request.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`gongkai: 内部错误（internal error）：${message}\n`);
  if (process.env.GONGKAI_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
  process.exit(70);
}
