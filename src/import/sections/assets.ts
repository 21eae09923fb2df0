import type { PartExtractor } from "./context.ts";

/** Reads 国有资产. */
export const extractAssets: PartExtractor = {
  name: "国有资产",
  run() {
    // Not yet implemented.
  },
};
