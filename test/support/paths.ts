/** Where the shared documents live: beside the repository, as on developer machines and in CI. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const sharedDir = resolve(process.env.GONGKAI_SHARED ?? join(repoRoot, "..", "shared"));

if (!existsSync(join(sharedDir, "seeds"))) {
  throw new Error(`shared documents not found at ${sharedDir} (set GONGKAI_SHARED)`);
}

export const seedsDir = join(sharedDir, "seeds");
export const goldenDir = join(sharedDir, "golden");
export const corpusDir = join(sharedDir, "corpus");
export const corpusGoldenDir = join(sharedDir, "corpus-golden");
export const goldenTool = join(sharedDir, "tools", "golden-check.mjs");
export const cli = join(repoRoot, "bin", "gongkai");
