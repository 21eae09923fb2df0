/**
 * Worker thread entry: imports the engine once, then runs one task at a time
 * for the pool (pool.ts), posting each compact result back.
 */
import { parentPort } from "node:worker_threads";
import { runTask } from "./task.ts";
import type { BatchTask } from "./types.ts";

const port = parentPort;
if (!port) throw new Error("worker.ts runs only as a worker thread");
port.on("message", async (task: BatchTask) => {
  port.postMessage({ id: task.id, result: await runTask(task) });
});
// The engine's modules are loaded by the static imports above: the pool starts each file's
// timer only after this, so a slow start is not charged to the first file.
port.postMessage({ ready: true });
