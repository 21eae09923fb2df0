// Worker entry: registers tsx's loader in this thread (as bin/gongkai does), then runs the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./load-worker.ts");
