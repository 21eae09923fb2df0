/** The 20-day publication limit, counted in Beijing calendar days from the approval date. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  beijingDate,
  daysBetween,
  publicationDeadline,
  timeliness,
  validDate,
} from "../../src/service/deadline.ts";

const at = (iso: string) => new Date(iso);

test("a publication on the 20th day is on time, on the 21st one day late", () => {
  assert.deepEqual(timeliness("2026-02-01", at("2026-02-21T02:00:00Z"), at("2026-12-01")), {
    kind: "onTime",
    days: 20,
  });
  assert.deepEqual(timeliness("2026-02-01", at("2026-02-22T02:00:00Z"), at("2026-12-01")), {
    kind: "late",
    days: 21,
    late: 1,
  });
});

test("days are Beijing days: 23:30 UTC on the 21st is already the 22nd in Beijing", () => {
  assert.equal(beijingDate(at("2026-02-21T15:59:00Z")), "2026-02-21");
  assert.equal(beijingDate(at("2026-02-21T16:00:00Z")), "2026-02-22");
  assert.equal(timeliness("2026-02-01", at("2026-02-21T23:30:00Z"), at("2026-12-01")).kind, "late");
});

test("unpublished: pending within the limit, overdue after it; without a date only missing or published", () => {
  assert.deepEqual(timeliness("2026-02-01", null, at("2026-02-11T04:00:00Z")), {
    kind: "pending",
    daysLeft: 10,
  });
  assert.deepEqual(timeliness("2026-02-01", null, at("2026-03-05T04:00:00Z")), {
    kind: "overdue",
    overdue: 12,
  });
  assert.deepEqual(timeliness(undefined, null, at("2026-03-05")), { kind: "missing" });
  assert.deepEqual(timeliness(undefined, at("2026-03-05"), at("2026-03-05")), {
    kind: "published",
  });
});

test("dates: only real calendar days, across a leap day and a year end", () => {
  assert.equal(validDate("2024-02-29"), "2024-02-29");
  assert.equal(validDate("2026-02-29"), undefined);
  assert.equal(validDate("2026-2-1"), undefined);
  assert.equal(validDate("二〇二六年二月一日"), undefined);
  assert.equal(daysBetween("2024-02-28", "2024-03-01"), 2);
  assert.equal(daysBetween("2025-12-31", "2026-01-20"), 20);
});

test("the deadline instant (for the region page's badge) agrees with the day count", () => {
  const end = publicationDeadline("2026-02-01");
  assert.equal(end.toISOString(), "2026-02-21T15:59:59.999Z");
  assert.equal(timeliness("2026-02-01", end, end).kind, "onTime");
  assert.equal(timeliness("2026-02-01", new Date(end.getTime() + 1), end).kind, "late");
});
