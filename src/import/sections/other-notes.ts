import type { PartExtractor } from "./context.ts";

/** Reads 其他需要说明的事项. */
export const extractOtherNotes: PartExtractor = {
  name: "其他需要说明的事项",
  run() {
    // Not yet implemented.
  },
};
