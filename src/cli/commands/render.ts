import type { Command } from "commander";
import { UserError } from "../user-error.ts";

export function registerRender(program: Command): void {
  program
    .command("render")
    .description("（尚未实现 not implemented yet）")
    .allowUnknownOption()
    .action(() => {
      throw new UserError("命令 render 尚未实现（not implemented yet）");
    });
}
