/**
 * `gongkai load DIR --region CODE [--year Y]`: every file under DIR into the
 * store as published disclosures of the region, on every core. A progress bar
 * on a terminal (count, rate, time left), one line per file otherwise, and a
 * summary at the end. Safe to interrupt and run again. The service layer and
 * the progress bar load when the command runs.
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { systemActor } from "../../service/actor.ts";
import type { LoadProgress, LoadSummary } from "../../service/load.ts";
import { UserError } from "../../app/errors.ts";
import { withStore } from "./store-session.ts";

const OUTCOME: Record<LoadProgress["outcome"], string> = {
  imported: "已导入",
  skipped: "已存在，跳过",
  unreadable: "无法读取",
};

export function registerLoad(program: Command): void {
  program
    .command("load")
    .argument("<dir>", "文件夹（递归读取其中所有文件）")
    .requiredOption("--region <code>", "地区的行政区划代码（省级代码不存在时自动创建）")
    .option("--year <year>", "文件未注明年度时使用的年度")
    .option("--workers <n>", "工作线程数（默认每核一个）")
    .description("批量导入文件夹中的公开文件（load a folder of disclosures into the store）")
    .action((dir: string, opts: { region: string; year?: string; workers?: string }) =>
      withStore(async (store) => {
        const year = opts.year ? Number(opts.year) : undefined;
        if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) {
          throw new UserError(`年度不正确：${opts.year}（invalid year）`);
        }
        const workers = opts.workers ? Number(opts.workers) : availableParallelism();
        if (!Number.isInteger(workers) || workers < 1)
          throw new UserError(`线程数不正确：${opts.workers}`);
        const actor = systemActor("load");
        const { regionByCodeOrProvince } = await import("../../service/ingest.ts");
        const { loadDirectory } = await import("../../service/load.ts");
        const region = await regionByCodeOrProvince(store, actor, opts.region);
        const progress = await progressReporter();
        let summary: LoadSummary;
        try {
          summary = await loadDirectory(store, actor, {
            dir,
            regionId: region.id,
            ...(year ? { year } : {}),
            workers,
            onProgress: progress.update,
          });
        } finally {
          progress.stop();
        }
        printSummary(summary, region.name, workers);
        if (summary.unreadable.length) process.exitCode = 1;
      }),
    );
}

interface Reporter {
  update: (p: LoadProgress) => void;
  stop: () => void;
}

async function progressReporter(): Promise<Reporter> {
  if (!process.stderr.isTTY) {
    return {
      update: (p) =>
        process.stderr.write(`[${p.done}/${p.total}] ${OUTCOME[p.outcome]} ${p.file}\n`),
      stop: () => {},
    };
  }
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      format: "导入 [{bar}] {value}/{total} | {rate} 份/秒 | 剩余 {eta_formatted} | {file}",
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let begun = false;
  return {
    update(p) {
      if (!begun) {
        bar.start(p.total, 0, { rate: "0.0", file: "" });
        begun = true;
      }
      const rate = p.done / Math.max(0.001, (performance.now() - started) / 1000);
      bar.update(p.done, { rate: rate.toFixed(1), file: p.file.slice(-40) });
    },
    stop: () => begun && bar.stop(),
  };
}

function printSummary(s: LoadSummary, region: string, workers: number): void {
  const out = process.stdout;
  out.write(
    `\n导入完成（${region}，${workers} 个线程，${s.seconds.toFixed(1)} 秒）：共 ${s.files} 个文件\n`,
  );
  out.write(`  已导入 ${s.imported}（其中有审核问题的 ${s.withFindings}）\n`);
  out.write(`  已存在而跳过 ${s.skipped}\n`);
  out.write(`  无法读取 ${s.unreadable.length}\n`);
  for (const u of s.unreadable) out.write(`    ${u.file}：${u.reason}\n`);
}
