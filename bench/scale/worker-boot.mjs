// Worker entry for the scale benchmarks: Node 20 does not hand `--import tsx` to worker
// threads, so the thread registers tsx itself and then runs the TypeScript module it names.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
