import type { Command } from "commander";
import { UserError } from "../user-error.ts";

export function registerRules(program: Command): void {
  program
    .command("rules")
    .description("（尚未实现 not implemented yet）")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("命令 rules 尚未实现（not implemented yet）");
    });
}
