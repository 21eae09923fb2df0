import type { PartExtractor } from "./context.ts";

/** Reads 基本信息（类型、年度、地区、部门）. */
export const extractMeta: PartExtractor = {
  name: "基本信息（类型、年度、地区、部门）",
  run() {
    // Not yet implemented.
  },
};
