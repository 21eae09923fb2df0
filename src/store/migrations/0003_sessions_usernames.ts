/**
 * Migration 3: usernames unique regardless of case (sign-in matches them so),
 * and server-side sign-in sessions. The browser holds a random
 * secret in an HttpOnly cookie; the store keeps only its sha256, so sessions
 * can be ended (sign-out, password change, disabled user) and a database
 * leak yields no usable cookie.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_session (
      id_hash text primary key,
      user_id integer not null references app_user(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      ended_at timestamptz
    );
    create index app_session_user on app_session (user_id) where ended_at is null;
    create unique index app_user_username_lower on app_user (lower(username));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index app_user_username_lower; drop table app_session`.execute(db);
}
