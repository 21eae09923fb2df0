/** `gongkai restore FILE`: a backup into an empty store; then verifies the audit chain. */
import type { Command } from "commander";
import { UserError } from "../../app/errors.ts";
import { withStore } from "./store-session.ts";

export function registerRestore(program: Command): void {
  program
    .command("restore")
    .argument("<file>", "备份文件")
    .description("从备份恢复到空数据库（restore a backup into an empty store）")
    .action((file: string) =>
      withStore(async (store) => {
        const { BackupError, restoreStore } = await import("../../store/backup.ts");
        const { verifyAudit } = await import("../../service/audit.ts");
        let header: Awaited<ReturnType<typeof restoreStore>>;
        try {
          header = await restoreStore(store, file);
        } catch (error) {
          if (error instanceof BackupError) throw new UserError(error.message);
          if ((error as NodeJS.ErrnoException).code === "ENOENT")
            throw new UserError(`找不到文件：${file}（file not found）`);
          throw error;
        }
        // The search index is derived, not backed up: rebuilt from the restored versions.
        const { rebuildSearchIndex } = await import("../../service/search-index.ts");
        await rebuildSearchIndex(store);
        const audit = await verifyAudit(store);
        const c = header.counts;
        process.stdout.write(
          `已从 ${file} 恢复：公开文件 ${c.disclosure}，版本 ${c.version}，原始文件 ${c.blob}，审计条目 ${c.audit_log}；审计链${audit.ok ? "校验通过" : "校验失败"}\n`,
        );
        if (!audit.ok) process.exitCode = 1;
      }),
    );
}
