import type { PartExtractor } from "./context.ts";

/** Reads 总体及分项绩效目标. */
export const extractPerformanceGoals: PartExtractor = {
  name: "总体及分项绩效目标",
  run() {
    // Not yet implemented.
  },
};
