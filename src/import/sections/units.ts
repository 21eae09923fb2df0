import type { PartExtractor } from "./context.ts";

/** Reads 机构设置. */
export const extractUnits: PartExtractor = {
  name: "机构设置",
  run() {
    // Not yet implemented.
  },
};
