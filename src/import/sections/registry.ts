/**
 * The part extractors, in the order they run: the header facts (kind, year,
 * department) first, because later parts use them.
 */
import type { PartExtractor } from "./context.ts";

export const extractors: PartExtractor[] = [];
