import type { Command } from "commander";
import { UserError } from "../user-error.ts";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("（尚未实现 not implemented yet）")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("命令 demo 尚未实现（not implemented yet）");
    });
}
