/**
 * Migration 5: the approval dates (批复日期) a finance bureau records — when
 * it approved its region's departmental budgets or final accounts of a year.
 * The 20-day publication deadline runs from that date. One date per region ×
 * year × kind, and optionally a date for one disclosure that was approved
 * apart from the rest (a row with disclosure_id). The date is text
 * (YYYY-MM-DD, a calendar date in Beijing): a SQL date would come back from
 * the drivers as a Date at some time zone's midnight.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table approval_date (
      id serial primary key,
      region_id integer not null references region(id),
      year integer not null,
      kind text not null check (kind in ('budget', 'final')),
      disclosure_id integer references disclosure(id),
      approved_on text not null check (approved_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      recorded_by text not null,
      recorded_at timestamptz not null default now()
    );
    create unique index approval_date_region on approval_date (region_id, year, kind)
      where disclosure_id is null;
    create unique index approval_date_disclosure on approval_date (disclosure_id)
      where disclosure_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table approval_date`.execute(db);
}
