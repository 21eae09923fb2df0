/**
 * `gongkai search-index [--rebuild]`: how many rows the search index holds,
 * or (--rebuild) the index rebuilt from every published version — for a
 * store from before search, or after changing how text is segmented.
 */
import type { Command } from "commander";
import { withStore } from "./store-session.ts";

export function registerSearchIndex(program: Command): void {
  program
    .command("search-index")
    .option("--rebuild", "重建检索索引（rebuild the index from every published version）")
    .description("检索索引：查看条数，或重建（search index: count, or rebuild）")
    .action((opts: { rebuild?: boolean }) =>
      withStore(async (store) => {
        if (!opts.rebuild) {
          const { countSearchRows } = await import("../../service/search-index.ts");
          const n = await countSearchRows(store);
          process.stdout.write(`检索索引共 ${n} 条；加 --rebuild 重建（search index rows）\n`);
          return;
        }
        const { rebuildSearchIndex } = await import("../../service/search-index.ts");
        const started = performance.now();
        const result = await rebuildSearchIndex(store, (p) => {
          if (process.stderr.isTTY) process.stderr.write(`\r已索引 ${p.done}/${p.total} 个版本`);
        });
        if (process.stderr.isTTY) process.stderr.write("\n");
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `检索索引已重建：${result.versions} 个已发布版本，${result.rows} 条，用时 ${seconds} 秒（search index rebuilt）\n`,
        );
      }),
    );
}
