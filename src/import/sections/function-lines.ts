import type { PartExtractor } from "./context.ts";

/** Reads 支出功能分类表. */
export const extractFunctionLines: PartExtractor = {
  name: "支出功能分类表",
  run() {
    // Not yet implemented.
  },
};
