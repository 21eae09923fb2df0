/**
 * Starts a batch worker for the way the program runs: from the TypeScript
 * sources, the worker first registers tsx's loader (as bin/gongkai does for
 * the main thread, since a programmatic register() does not reach workers);
 * compiled, it runs worker.js directly.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";

export function spawnBatchWorker(resourceLimits?: ResourceLimits): Worker {
  const options = resourceLimits ? { resourceLimits } : {};
  if (!import.meta.url.endsWith(".ts")) {
    return new Worker(new URL("./worker.js", import.meta.url), options);
  }
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./worker.ts", import.meta.url).href;
  const boot = `const tsx = await import(${JSON.stringify(tsx)});
tsx.register();
await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
