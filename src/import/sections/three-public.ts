import type { PartExtractor } from "./context.ts";

/** Reads “三公”经费. */
export const extractThreePublic: PartExtractor = {
  name: "“三公”经费",
  run() {
    // Not yet implemented.
  },
};
