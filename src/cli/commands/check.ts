import type { Command } from "commander";
import { UserError } from "../user-error.ts";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("（尚未实现 not implemented yet）")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("命令 check 尚未实现（not implemented yet）");
    });
}
