/**
 * gongkai command line: argument handling and printing only; the work is done
 * by the library face (src/app/). Each command lives in commands/ and loads
 * what it needs when it runs, so `--help` and light commands start quickly.
 * Usage errors, the parser's included, are Chinese with exit status 2.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { registerCheck } from "./commands/check.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerExtract } from "./commands/extract.ts";
import { registerRender } from "./commands/render.ts";
import { registerRules } from "./commands/rules.ts";
import { reportFailure } from "./failure.ts";
import { usageError } from "./usage.ts";
import { registerUser } from "./commands/user.ts";
import { registerAudit } from "./commands/audit.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerRestore } from "./commands/restore.ts";
import { registerLoad } from "./commands/load.ts";
import { registerServe } from "./commands/serve.ts";
import { registerSearchIndex } from "./commands/search-index.ts";

// A reader that stops early (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

// The same path from src/cli/ and from the compiled dist/cli/.
const { version } = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { version: string };

const program = new Command()
  .name("gongkai")
  .description(
    "公开：部门预算/决算公开文件的导入、审核、生成与发布 (Chinese budget disclosures: import, check, render, publish)",
  )
  .version(version, "-V, --version", "显示版本号（print the version）")
  .helpOption("-h, --help", "显示帮助（show help）")
  .helpCommand("help [command]", "显示命令的帮助（show help for a command）")
  // Subcommands inherit both: parser errors are thrown to be translated below, not printed.
  .exitOverride()
  .configureOutput({ outputError: () => {} });

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
registerSearchIndex(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  let failure = error;
  if (error instanceof CommanderError) {
    failure = usageError(error);
    if (!failure) process.exit(error.exitCode);
  }
  process.exit(reportFailure(failure, process.argv.includes("--json")));
}
