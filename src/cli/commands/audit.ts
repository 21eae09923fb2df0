/** `gongkai audit verify|list`: checks the audit log's hash chain; lists recent entries. */
import type { Command } from "commander";
import { systemActor } from "../../service/actor.ts";
import { withStore } from "./store-session.ts";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("审计日志（audit log）");
  audit
    .command("verify")
    .description("校验审计日志的哈希链，被改动或删除的条目以非零状态退出（verify the hash chain）")
    .action(() =>
      withStore(async (store) => {
        const { verifyAudit } = await import("../../service/audit.ts");
        const result = await verifyAudit(store);
        if (result.ok) {
          process.stdout.write(
            `审计日志完整：${result.entries} 条，哈希链校验通过（audit chain intact）\n`,
          );
          return;
        }
        process.stdout.write(
          `审计日志校验失败：${result.problems.length} 处问题（audit chain broken）\n`,
        );
        for (const p of result.problems) process.stdout.write(`  第 ${p.seq} 条：${p.problem}\n`);
        process.exitCode = 1;
      }),
    );
  audit
    .command("list")
    .option("--limit <n>", "条数", "20")
    .description("列出最近的审计条目（recent entries）")
    .action((opts: { limit: string }) =>
      withStore(async (store) => {
        const { listAudit } = await import("../../service/audit.ts");
        const page = await listAudit(store, systemActor(), { limit: Number(opts.limit) });
        for (const e of page.items) {
          process.stdout.write(
            `${e.seq}\t${e.at.toISOString()}\t${e.actor}\t${e.action}\t${e.subject}\n`,
          );
        }
      }),
    );
}
