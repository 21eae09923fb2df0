import type { PartExtractor } from "./context.ts";

/** Reads 职责—活动绩效目标. */
export const extractActivities: PartExtractor = {
  name: "职责—活动绩效目标",
  run() {
    // Not yet implemented.
  },
};
