/**
 * Migration 6, for scale (bench/scale, docs/scale.md):
 *
 * - indexes the public reads need: the latest publications without sorting
 *   every version, a region's children without scanning the tree, and the
 *   disclosure list's order (newest year first) walked instead of sorted;
 * - the public generation: a counter that triggers move whenever what the
 *   public can see changes (a version becoming published, superseded or
 *   withdrawn; a region, department, unit or approval date (the scoreboard's)
 *   written), so a cache of public
 *   pages asks one row whether it is still good. Drafts, reviews, responses,
 *   sign-ins leave it alone.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index version_published_recent on version (published_at desc, id desc)
      where state = 'published';
    create index region_parent on region (parent_id);
    create index disclosure_year_id on disclosure (year desc, id);

    create table public_generation (id integer primary key check (id = 1), n bigint not null);
    insert into public_generation (id, n) values (1, 0);
    create function public_generation_bump() returns trigger language plpgsql as $$
    begin
      update public_generation set n = n + 1 where id = 1;
      return null;
    end $$;
    create trigger version_public after insert or update of state on version for each row
      when (new.state in ('published', 'superseded', 'withdrawn'))
      execute function public_generation_bump();
    create trigger region_public after insert or update or delete on region
      for each statement execute function public_generation_bump();
    create trigger department_public after insert or update or delete on department
      for each statement execute function public_generation_bump();
    create trigger unit_public after insert or update or delete on unit
      for each statement execute function public_generation_bump();
    create trigger approval_date_public after insert or update or delete on approval_date
      for each statement execute function public_generation_bump();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger approval_date_public on approval_date; drop trigger unit_public on unit; drop trigger department_public on department;
    drop trigger region_public on region; drop trigger version_public on version;
    drop function public_generation_bump(); drop table public_generation;
    drop index disclosure_year_id; drop index region_parent; drop index version_published_recent;
  `.execute(db);
}
