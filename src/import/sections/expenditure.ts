import type { PartExtractor } from "./context.ts";

/** Reads 支出. */
export const extractExpenditure: PartExtractor = {
  name: "支出",
  run() {
    // Not yet implemented.
  },
};
