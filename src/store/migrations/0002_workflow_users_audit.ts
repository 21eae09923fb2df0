/**
 * Migration 2: the workflow's states and history, finding responses, users,
 * API tokens, sign-in throttling, the hash-chained audit log, and the
 * database-level guards: a published version and the audit log cannot be
 * changed or deleted, whatever the client.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await workflowTables(db);
  await userTables(db);
  await auditTables(db);
  await guards(db);
}

async function workflowTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table version add constraint version_state_known check (state in
      ('draft','submitted','returned','approved','scheduled','published','superseded','withdrawn','replaced'));
    create index version_scheduled on version (publish_at) where state = 'scheduled';
    create index version_disclosure on version (disclosure_id, number);
    create table version_event (
      id serial primary key,
      version_id integer not null references version(id),
      action text not null,
      from_state text,
      to_state text not null,
      actor text not null,
      comment text,
      at timestamptz not null default now()
    );
    create index version_event_version on version_event (version_id, id);
    create table finding_response (
      version_id integer not null references version(id),
      finding_index integer not null,
      rule text not null,
      response text not null check (length(response) > 0),
      actor text not null,
      at timestamptz not null default now(),
      primary key (version_id, finding_index)
    );
  `.execute(db);
}

async function userTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_user (
      id serial primary key,
      username text not null unique check (username ~ '^[A-Za-z0-9_.@-]{2,64}$'),
      display_name text,
      password_hash text not null,
      role text not null check (role in ('sysadmin','finance_admin','reviewer','officer')),
      region_id integer references region(id),
      department_id integer references department(id),
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((role = 'sysadmin' and region_id is null and department_id is null)
          or (role in ('finance_admin','reviewer') and region_id is not null and department_id is null)
          or (role = 'officer' and department_id is not null and region_id is null))
    );
    create table api_token (
      id serial primary key,
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      role text not null check (role in ('finance_admin','reviewer','officer')),
      region_id integer references region(id),
      department_id integer references department(id),
      created_by text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      last_used_at timestamptz,
      check ((role in ('finance_admin','reviewer') and region_id is not null and department_id is null)
          or (role = 'officer' and department_id is not null and region_id is null))
    );
    create table signin_throttle (
      username text primary key,
      failures integer not null default 0,
      locked_until timestamptz,
      last_failure_at timestamptz
    );
  `.execute(db);
}

async function auditTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_log (
      seq bigint primary key,
      at timestamptz not null,
      actor text not null,
      action text not null,
      subject text not null,
      detail jsonb not null,
      prev_hash text not null,
      hash text not null
    );
    create index audit_log_subject on audit_log (subject);
    create table audit_head (
      id integer primary key check (id = 1),
      seq bigint not null,
      hash text not null
    );
    insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));
  `.execute(db);
}

async function guards(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function version_guard() returns trigger language plpgsql as $$
    declare
      frozen constant text[] := array['published','superseded','withdrawn'];
      mutable constant text[] := array['state','superseded_at','withdrawn_at','withdrawn_reason','updated_at'];
    begin
      if tg_op = 'DELETE' then
        if old.state = any(frozen) then
          raise exception 'GONGKAI_IMMUTABLE: 已发布的版本不可删除（a published version cannot be deleted）';
        end if;
        return old;
      end if;
      if old.state = any(frozen) then
        if (to_jsonb(new) - mutable) is distinct from (to_jsonb(old) - mutable)
           or not ((old.state = 'published' and new.state in ('superseded','withdrawn'))
                   or (old.state = 'superseded' and new.state = 'withdrawn'))
        then
          raise exception 'GONGKAI_IMMUTABLE: 已发布的版本不可修改（a published version cannot be changed）';
        end if;
      end if;
      return new;
    end $$;
    create trigger version_guard before update or delete on version
      for each row execute function version_guard();

    create function version_file_guard() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from version v where v.id = old.version_id
                 and v.state in ('published','superseded','withdrawn')) then
        raise exception 'GONGKAI_IMMUTABLE: 已发布版本的文件不可修改或删除（files of a published version are immutable）';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$;
    create trigger version_file_guard before update or delete on version_file
      for each row execute function version_file_guard();

    create function blob_guard() returns trigger language plpgsql as $$
    begin
      raise exception 'GONGKAI_IMMUTABLE: 已存储的文件内容不可修改（stored file bytes are immutable）';
    end $$;
    create trigger blob_guard before update on blob for each row execute function blob_guard();

    create function audit_guard() returns trigger language plpgsql as $$
    begin
      raise exception 'GONGKAI_APPEND_ONLY: 审计日志只能追加（the audit log is append-only）';
    end $$;
    create trigger audit_guard before update or delete on audit_log
      for each row execute function audit_guard();
    create trigger audit_guard_truncate before truncate on audit_log
      for each statement execute function audit_guard();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger version_guard on version; drop function version_guard();
    drop trigger version_file_guard on version_file; drop function version_file_guard();
    drop trigger blob_guard on blob; drop function blob_guard();
    drop table audit_head; drop table audit_log; drop function audit_guard();
    drop table signin_throttle; drop table api_token; drop table app_user;
    drop table finding_response; drop table version_event;
    drop index version_scheduled; drop index version_disclosure;
    alter table version drop constraint version_state_known;
  `.execute(db);
}
