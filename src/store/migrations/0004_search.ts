/**
 * Migration 4: the search index. One row per thing a reader can find
 * (a department, a disclosure, a project, a classification line, a section
 * of the explanation), holding only the current published version of each
 * disclosure: rows are replaced when a correction is published and removed
 * on withdrawal. `tsv` is built by the service from text segmented in
 * JavaScript (jieba words, pinyin initials, synonym lexemes) with the
 * 'simple' configuration, so both engines index and match alike.
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table search_doc (
      id serial primary key,
      kind text not null check (kind in ('department','disclosure','project','line','paragraph')),
      department_id integer not null references department(id),
      region_id integer not null references region(id),
      region_path text not null,
      disclosure_id integer references disclosure(id),
      version_id integer references version(id),
      year integer,
      disclosure_kind text check (disclosure_kind in ('budget','final')),
      anchor text,
      title text not null,
      title_seg text not null,
      context text,
      body_seg text not null default '',
      amount numeric,
      position integer not null default 0,
      tsv tsvector not null,
      check ((kind = 'department') = (version_id is null))
    );
    create index search_doc_tsv on search_doc using gin (tsv);
    create index search_doc_disclosure on search_doc (disclosure_id);
    -- A title equal to the query is always ranked (hash: no length limit on a title).
    create index search_doc_title on search_doc using hash (title);
    create unique index search_doc_department on search_doc (department_id) where kind = 'department';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table search_doc`.execute(db);
}
