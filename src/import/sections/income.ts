import type { PartExtractor } from "./context.ts";

/** Reads 收入. */
export const extractIncome: PartExtractor = {
  name: "收入",
  run() {
    // Not yet implemented.
  },
};
