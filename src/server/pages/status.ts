/**
 * A department's publication status for a year and kind, as the region page
 * shows it: published (on time or late when the deadline is known), corrected,
 * withdrawn or missing.
 */
import type { DisclosureItem } from "../../service/reads.ts";

export type StatusKind = "published" | "late" | "corrected" | "withdrawn" | "missing";

export interface Status {
  kind: StatusKind;
  label: string;
  disclosureId?: number;
  versionNumber?: number;
  publishedAt?: Date | null;
}

export const STATUS_LABEL: Record<StatusKind, string> = {
  published: "已按时公开",
  late: "逾期公开",
  corrected: "已公开（有更正）",
  withdrawn: "已撤回",
  missing: "未公开",
};

/**
 * The status of one disclosure (undefined: none). `deadline` is the 20-day
 * limit from the finance bureau's approval date; without it a published
 * disclosure is 已公开 and neither on time nor late is claimed.
 */
export function statusOf(item: DisclosureItem | undefined, deadline?: Date): Status {
  const v = item?.latest;
  if (!item || !v) return { kind: "missing", label: STATUS_LABEL.missing };
  const base = { disclosureId: item.id, versionNumber: v.number, publishedAt: v.publishedAt };
  if (v.state === "withdrawn") return { kind: "withdrawn", label: STATUS_LABEL.withdrawn, ...base };
  if (v.correctsId !== null || (v.number > 1 && v.state === "published")) {
    return { kind: "corrected", label: STATUS_LABEL.corrected, ...base };
  }
  if (!deadline) return { kind: "published", label: "已公开", ...base };
  const late = v.publishedAt !== null && v.publishedAt > deadline;
  return {
    kind: late ? "late" : "published",
    label: STATUS_LABEL[late ? "late" : "published"],
    ...base,
  };
}
