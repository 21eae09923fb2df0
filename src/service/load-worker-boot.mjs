// Worker entry. Compiled (dist/), the JavaScript worker beside this file runs as it is; from the
// sources, tsx's loader is registered in this thread first (as bin/gongkai does).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const compiled = new URL("./load-worker.js", import.meta.url);
if (existsSync(fileURLToPath(compiled))) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./load-worker.ts");
}
