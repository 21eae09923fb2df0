import type { PartExtractor } from "./context.ts";

/** Reads 机关运行经费. */
export const extractOperatingCosts: PartExtractor = {
  name: "机关运行经费",
  run() {
    // Not yet implemented.
  },
};
