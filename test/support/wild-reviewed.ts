/**
 * The error findings on shared/wild read against the document and found real (docs/precision.md,
 * "Wild documents"): document → rule and pointer. The wild bars count every other error finding
 * as a misreading until it is read.
 */
import type { Finding } from "../../src/check/types.ts";

export const REVIEWED_REAL: Record<string, { rule: string; path: string }[]> = {
  "docs/P053.pdf": [{ rule: "ARI-005", path: "/expenditure/change" }],
  "docs/P055.pdf": [
    { rule: "TXT-002", path: "/threePublic/total" },
    { rule: "YOY-011", path: "/threePublic/changeRate" },
  ],
  "docs/P166.pdf": [{ rule: "TXT-012", path: "/threePublic/total" }],
  "docs/P186.pdf": [{ rule: "ARI-005", path: "/expenditure/change" }],
  "pool/P058.pdf": [
    { rule: "TXT-002", path: "/threePublic/total" },
    { rule: "TXT-002", path: "/threePublic/reception" },
    { rule: "TXT-002", path: "/threePublic/vehicle/operation" },
  ],
  "pool/P061.pdf": [{ rule: "TXT-002", path: "/threePublic/reception" }],
};

/** Whether a finding on a wild document is one of those read and found real. */
export const reviewedReal = (doc: string, f: Pick<Finding, "rule" | "path">): boolean =>
  (REVIEWED_REAL[doc] ?? []).some((r) => r.rule === f.rule && r.path === f.path);
