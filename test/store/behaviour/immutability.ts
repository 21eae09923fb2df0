/** The database itself refuses to change or delete a published version, its files and the audit log. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import {
  approveVersion,
  publishVersion,
  submitVersion,
  withdrawVersion,
} from "../../../src/service/workflow.ts";
import { uploadVersion } from "../../../src/service/upload.ts";
import { CLEAN, corpusFile, makeWorld } from "../world.ts";
import { type FactoryRef, guarded } from "./helpers.ts";

export function immutabilityTests(factory: FactoryRef): void {
  test("UPDATE and DELETE on a published version, its files or stored bytes fail in the database", async () => {
    const store = await factory().fresh();
    const w = await makeWorld(store);
    const v = await uploadVersion(store, w.officer, {
      departmentId: w.dept.id,
      year: 2026,
      kind: "budget",
      files: [corpusFile(CLEAN)],
    });
    // A draft may still change (the workflow moves it), so the guard is about publication.
    await sql`update version set updated_at = now() where id = ${v.id}`.execute(store.db);
    await submitVersion(store, w.officer, v.id);
    await approveVersion(store, w.reviewer, v.id);
    await publishVersion(store, w.financeAdmin, v.id);
    const db = store.db;
    await guarded(
      sql`update version set canonical = '{}' where id = ${v.id}`.execute(db),
      /GONGKAI_IMMUTABLE/,
    );
    await guarded(
      sql`update version set report = '{}'::jsonb where id = ${v.id}`.execute(db),
      /GONGKAI_IMMUTABLE/,
    );
    await guarded(
      sql`update version set published_at = now() where id = ${v.id}`.execute(db),
      /GONGKAI_IMMUTABLE/,
    );
    await guarded(
      sql`update version set state = 'draft' where id = ${v.id}`.execute(db),
      /GONGKAI_IMMUTABLE/,
    );
    await guarded(sql`delete from version where id = ${v.id}`.execute(db), /GONGKAI_IMMUTABLE/);
    await guarded(
      sql`delete from version_file where version_id = ${v.id}`.execute(db),
      /GONGKAI_IMMUTABLE/,
    );
    await guarded(
      sql`update version_file set file_name = 'x' where version_id = ${v.id}`.execute(db),
      /GONGKAI_IMMUTABLE/,
    );
    await guarded(sql`update blob set bytes = '\\x00'`.execute(db), /GONGKAI_IMMUTABLE/);
    await guarded(sql`delete from blob`.execute(db), /foreign key|violates/);
    await guarded(sql`update audit_log set actor = 'x'`.execute(db), /GONGKAI_APPEND_ONLY/);
    await guarded(sql`delete from audit_log`.execute(db), /GONGKAI_APPEND_ONLY/);
    await guarded(sql`truncate audit_log`.execute(db), /GONGKAI_APPEND_ONLY/);
    const row = await db
      .selectFrom("version")
      .select(["state", "canonical"])
      .where("id", "=", v.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, "published");
    assert.match(row.canonical, /苏州市审计局/);
    // Withdrawal is the one change allowed, and then the row is frozen again.
    await withdrawVersion(store, w.financeAdmin, v.id, "撤回测试");
    await guarded(
      sql`update version set withdrawn_reason = '改' where id = ${v.id}`.execute(db),
      /GONGKAI_IMMUTABLE/,
    );
    await guarded(
      sql`update version set state = 'published' where id = ${v.id}`.execute(db),
      /GONGKAI_IMMUTABLE/,
    );
  });
}
