/**
 * @module Publication on time: a department publishes its budget or final
 * accounts within 20 days of the finance bureau's approval (《预算法》第十四条：
 * 经本级政府财政部门批复后二十日内). Counted in calendar days between Beijing
 * dates; pure, so the scoreboard's statuses are tested without a clock.
 */

export const PUBLICATION_DAYS = 20;

export type Timeliness =
  /** Published within the limit (days after approval, ≤ 20; negative: before it). */
  | { kind: "onTime"; days: number }
  /** Published, `late` days after the limit. */
  | { kind: "late"; days: number; late: number }
  /** Not published, the limit not yet reached. */
  | { kind: "pending"; daysLeft: number }
  /** Not published and the limit passed `overdue` days ago. */
  | { kind: "overdue"; overdue: number }
  /** Published; no approval date recorded, so on time or late cannot be said. */
  | { kind: "published" }
  /** Not published; no approval date recorded. */
  | { kind: "missing" };

const BEIJING = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Beijing of an instant, YYYY-MM-DD. */
export const beijingDate = (at: Date): string => BEIJING.format(at);

const DATE = /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/;

/** A YYYY-MM-DD that names a real day (2026-02-30 does not), else undefined. */
export function validDate(text: string): string | undefined {
  const g = DATE.exec(text.trim())?.groups;
  if (!g) return undefined;
  const t = Date.UTC(Number(g.y), Number(g.m) - 1, Number(g.d));
  return new Date(t).toISOString().slice(0, 10) === text.trim() ? text.trim() : undefined;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Calendar days from one YYYY-MM-DD to another (the next day is 1). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

export function timeliness(
  approvedOn: string | undefined,
  publishedAt: Date | null | undefined,
  now: Date,
): Timeliness {
  if (!approvedOn) return publishedAt ? { kind: "published" } : { kind: "missing" };
  if (publishedAt) {
    const days = daysBetween(approvedOn, beijingDate(publishedAt));
    return days <= PUBLICATION_DAYS
      ? { kind: "onTime", days }
      : { kind: "late", days, late: days - PUBLICATION_DAYS };
  }
  const elapsed = daysBetween(approvedOn, beijingDate(now));
  return elapsed <= PUBLICATION_DAYS
    ? { kind: "pending", daysLeft: PUBLICATION_DAYS - elapsed }
    : { kind: "overdue", overdue: elapsed - PUBLICATION_DAYS };
}

/** The last instant still on time: the end of the 20th day after approval, Beijing time. */
export function publicationDeadline(approvedOn: string): Date {
  const next = new Date(`${approvedOn}T00:00:00+08:00`);
  return new Date(next.getTime() + (PUBLICATION_DAYS + 1) * 86_400_000 - 1);
}
