import type { PartExtractor } from "./context.ts";

/** Reads 政府采购. */
export const extractProcurement: PartExtractor = {
  name: "政府采购",
  run() {
    // Not yet implemented.
  },
};
