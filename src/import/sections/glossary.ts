import type { PartExtractor } from "./context.ts";

/** Reads 名词解释. */
export const extractGlossary: PartExtractor = {
  name: "名词解释",
  run() {
    // Not yet implemented.
  },
};
