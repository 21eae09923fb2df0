/** `gongkai backup FILE`: the whole store (every version, file and audit entry) into one file. */
import type { Command } from "commander";
import { withStore } from "./store-session.ts";

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .argument("<file>", "备份文件（.jsonl.gz）")
    .description("备份整个数据库（back up the whole store）")
    .action((file: string) =>
      withStore(async (store) => {
        const { backupStore } = await import("../../store/backup.ts");
        const header = await backupStore(store, file);
        const c = header.counts;
        process.stdout.write(
          `已备份到 ${file}：公开文件 ${c.disclosure}，版本 ${c.version}，原始文件 ${c.blob}，审计条目 ${c.audit_log}，用户 ${c.app_user}\n`,
        );
      }),
    );
}
