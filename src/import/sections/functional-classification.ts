import type { PartExtractor } from "./context.ts";

/** Reads 功能分类科目说明. */
export const extractFunctionalClassification: PartExtractor = {
  name: "功能分类科目说明",
  run() {
    // Not yet implemented.
  },
};
