/**
 * The real server for the portal benchmark, in its own process (so the load
 * generator does not share its event loop): createApp on @hono/node-server
 * over the scale store, on a free loopback port it reports to the parent.
 *
 *   node --import tsx bench/scale/serve.ts [--engine pglite|postgres] [--cache-mb 128]
 *     [--generation-ms 0]
 */
import { serve } from "@hono/node-server";
import { createApp } from "../../src/server/app.ts";
import { argOf } from "./args.ts";
import { openScaleStore, scaleStoreOptions } from "./store.ts";

const store = await openScaleStore(scaleStoreOptions(), false);
const app = createApp({
  store,
  cacheBytes: Number(argOf("--cache-mb", "128")) * 1024 * 1024,
  generationMaxAgeMs: Number(argOf("--generation-ms", "0")),
});
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.send?.({ port: info.port });
});
process.on("disconnect", () => {
  server.close();
  store.close().finally(() => process.exit(0));
});
