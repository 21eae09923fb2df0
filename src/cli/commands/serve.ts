/**
 * `gongkai serve [--port N] [--samples]`: the web server on the store the
 * environment names (DATABASE_URL, else the PGlite folder GONGKAI_DATA or
 * ./data). `--samples` first loads the bundled samples into an empty store.
 * Publishes scheduled versions when due; closes the store on SIGINT/SIGTERM.
 * The server, the store and the PDF printer load only when the command runs.
 */
import type { Command } from "commander";
import type { PdfPrinter } from "../../render/pdf.ts";
import type { Store } from "../../store/index.ts";
import { UserError } from "../../app/errors.ts";

const SCHEDULE_MS = 30_000;

export function registerServe(program: Command): void {
  program
    .command("serve")
    .option("--port <n>", "端口（默认 8080，或环境变量 PORT）")
    .option("--host <addr>", "监听地址（默认 127.0.0.1）", "127.0.0.1")
    .option("--samples", "先把附带的样例载入空数据库")
    .option("--secure-cookies", "总是设置 Secure Cookie（默认仅 https 请求时）")
    .option("--trust-proxy", "信任反向代理的 X-Forwarded-Proto/-Host")
    .description("启动网站与 API（start the web server and the API）")
    .action(async (opts: ServeOptions) => runServer(opts));
}

interface ServeOptions {
  port?: string;
  host: string;
  samples?: boolean;
  secureCookies?: boolean;
  trustProxy?: boolean;
}

async function runServer(opts: ServeOptions): Promise<void> {
  const port = Number(opts.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UserError(`端口不正确：${opts.port}（invalid port）`);
  }
  const { openStore, storeOptionsFromEnv } = await import("../../store/index.ts");
  const { createApp } = await import("../../server/app.ts");
  const { publishDue } = await import("../../service/workflow.ts");
  const { serve } = await import("@hono/node-server");
  const options = storeOptionsFromEnv();
  const store = await openStore(options).catch((error: Error) => {
    const where = "url" in options ? "DATABASE_URL" : options.dataDir;
    throw new UserError(
      `无法打开数据库（${where}）：${error.message}（cannot open the store）`,
      "store-unavailable",
      4,
    );
  });
  if (opts.samples) await samples(store);
  // A store from before search has published versions and no index yet.
  const { rebuildSearchIndex, searchIndexMissing } = await import("../../service/search-index.ts");
  if (await searchIndexMissing(store)) {
    process.stderr.write("正在为已发布的文件建立检索索引…（building the search index）\n");
    await rebuildSearchIndex(store);
  }
  let printer: Promise<PdfPrinter> | undefined;
  const app = createApp({
    store,
    secureCookies: opts.secureCookies ? true : "auto",
    trustProxy: !!opts.trustProxy,
    printer: () => (printer ??= import("../../render/pdf.ts").then((m) => m.PdfPrinter.open())),
  });
  const timer = setInterval(() => {
    publishDue(store).catch((e: Error) => console.error(`定时发布失败：${e.message}`));
  }, SCHEDULE_MS);
  const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
    process.stderr.write(
      `gongkai 已启动：http://${opts.host}:${info.port}/（API：/api/v1/docs）\n`,
    );
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.stderr.write("正在关闭…\n");
      clearInterval(timer);
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      server.close(async () => {
        if (printer) await (await printer.catch(() => undefined))?.close?.();
        await store.close();
        resolve();
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

async function samples(store: Store): Promise<void> {
  const { loadSamples } = await import("../../service/samples.ts");
  const { ServiceError } = await import("../../service/errors.ts");
  try {
    const s = await loadSamples(store);
    process.stderr.write(`已载入样例：${s.disclosures} 份公开文件，${s.files} 个文件\n`);
  } catch (error) {
    if (error instanceof ServiceError && error.code === "STORE_NOT_EMPTY") {
      process.stderr.write(`${error.message}，未载入样例\n`);
      return;
    }
    throw error;
  }
}
