// After `tsc`: copies what the compiled code reads beside it but tsc does not emit (the portal's
// stylesheet, the worker boot file), every non-TypeScript file of src/ to the same place in dist/.
import { cpSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || /\.tsx?$/.test(entry.name)) continue;
  const from = join(entry.parentPath, entry.name);
  cpSync(from, join(root, "dist", relative(src, from)));
}
