import type { PartExtractor } from "./context.ts";

/** Reads 项目绩效目标表. */
export const extractProjects: PartExtractor = {
  name: "项目绩效目标表",
  run() {
    // Not yet implemented.
  },
};
