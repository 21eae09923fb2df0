/**
 * Migration 1: regions (a tree), departments and units, disclosures, the
 * content-addressed file store and versions with their files.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table region (
      id serial primary key,
      parent_id integer references region(id),
      code text unique,
      name text not null check (length(name) > 0),
      level text not null check (level in ('country','province','city','county','zone','other')),
      path text not null default '',
      created_at timestamptz not null default now()
    );
    create unique index region_parent_name on region (coalesce(parent_id, 0), name);
    create index region_path on region (path text_pattern_ops);

    create function region_set_path() returns trigger language plpgsql as $$
    begin
      new.path := coalesce((select path from region where id = new.parent_id), '/') || new.id || '/';
      return new;
    end $$;
    create trigger region_path_before_insert before insert on region
      for each row execute function region_set_path();

    create table department (
      id serial primary key,
      region_id integer not null references region(id),
      name text not null check (length(name) > 0),
      code text,
      created_at timestamptz not null default now(),
      unique (region_id, name)
    );

    create table unit (
      id serial primary key,
      department_id integer not null references department(id),
      name text not null,
      code text,
      unique (department_id, name)
    );

    create table disclosure (
      id serial primary key,
      department_id integer not null references department(id),
      year integer not null check (year between 1990 and 2100),
      kind text not null check (kind in ('budget','final')),
      created_at timestamptz not null default now(),
      unique (department_id, year, kind)
    );
    create index disclosure_year_kind on disclosure (year, kind);

    create table blob (
      sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
      size integer not null,
      bytes bytea not null,
      created_at timestamptz not null default now()
    );

    create table version (
      id serial primary key,
      disclosure_id integer not null references disclosure(id),
      number integer not null,
      state text not null default 'draft',
      canonical text not null,
      diagnostics jsonb not null default '[]',
      report jsonb not null,
      narrative jsonb not null default '[]',
      error_count integer not null default 0,
      warning_count integer not null default 0,
      info_count integer not null default 0,
      correction_note text,
      corrects_id integer references version(id),
      publish_at timestamptz,
      published_at timestamptz,
      superseded_at timestamptz,
      withdrawn_at timestamptz,
      withdrawn_reason text,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (disclosure_id, number)
    );
    create index version_state on version (state, disclosure_id);

    create table version_file (
      version_id integer not null references version(id),
      position smallint not null,
      sha256 text not null references blob(sha256),
      file_name text not null,
      role text,
      primary key (version_id, position)
    );
    create index version_file_sha256 on version_file (sha256);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table version_file; drop table version; drop table blob; drop table disclosure;
    drop table unit; drop table department; drop table region; drop function region_set_path();
  `.execute(db);
}
