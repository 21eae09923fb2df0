/** Migrations: forward from empty, and over data stored under the previous schema. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { migrateStore } from "../../../src/store/index.ts";
import { LATEST_MIGRATION, migrations } from "../../../src/store/migrations/index.ts";
import { TABLES } from "../../../src/store/schema.ts";
import { createSession, sessionActor } from "../../../src/service/sessions.ts";
import { type FactoryRef, guarded } from "./helpers.ts";

export function migrationTests(factory: FactoryRef): void {
  test("migrates an empty database forward to the latest schema, then has nothing to do", async () => {
    const store = await factory().fresh({ migrate: false });
    const before = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(
      store.db,
    );
    assert.equal(before.rows[0]!.n, 0);
    const result = await migrateStore(store);
    assert.deepEqual(
      result.results?.map((r) => [r.migrationName, r.status]),
      Object.keys(migrations).map((m) => [m, "Success"]),
    );
    const tables = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(
      store.db,
    );
    for (const t of TABLES)
      assert.ok(
        tables.rows.some((r) => r.table_name === t),
        `table ${t}`,
      );
    assert.deepEqual((await migrateStore(store)).results, []);
  });

  test("each migration keeps the data stored under the schema before it", async () => {
    const store = await factory().fresh({ migrate: false });
    const [first, second] = Object.keys(migrations);
    await migrateStore(store, first!);
    await sql`
      insert into region (name, level, code) values ('河北省', 'province', '130000');
      insert into region (name, level, parent_id) values ('沧州市', 'city', 1);
      insert into department (region_id, name) values (2, '沧州市审计局');
      insert into disclosure (department_id, year, kind) values (1, 2025, 'budget');
      insert into blob (sha256, size, bytes) values (repeat('a', 64), 3, '\\x010203');
      insert into version (disclosure_id, number, state, canonical, report, created_by)
        values (1, 1, 'published', '{"format":"x"}', '{"findings":[]}', 'system:old');
      insert into version_file (version_id, position, sha256, file_name) values (1, 0, repeat('a', 64), 'a.txt');
    `.execute(store.db);
    // Migration 2 guards a version published before the guard existed.
    await migrateStore(store, second!);
    const v = await store.db.selectFrom("version").selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([v.state, v.canonical], ["published", '{"format":"x"}']);
    const r = await store.db.selectFrom("region").select(["name", "path"]).orderBy("id").execute();
    assert.deepEqual(r, [
      { name: "河北省", path: "/1/" },
      { name: "沧州市", path: "/1/2/" },
    ]);
    assert.equal(
      Number((await store.db.selectFrom("audit_head").selectAll().executeTakeFirstOrThrow()).seq),
      0,
    );
    await guarded(
      sql`update version set canonical = '{}' where id = 1`.execute(store.db),
      /GONGKAI_IMMUTABLE/,
    );
    await guarded(sql`delete from version_file`.execute(store.db), /GONGKAI_IMMUTABLE/);
    await sql`insert into app_user (username, password_hash, role) values ('old-admin', 'scrypt$x', 'sysadmin')`.execute(
      store.db,
    );
    // Migration 3 (sessions) serves the user created before it.
    await migrateStore(store);
    const user = await store.db
      .selectFrom("app_user")
      .select(["id", "username"])
      .executeTakeFirstOrThrow();
    assert.equal(user.username, "old-admin");
    const actor = {
      kind: "user" as const,
      id: user.id,
      name: user.username,
      roles: ["sysadmin" as const],
      scope: {},
    };
    const { secret } = await createSession(store, actor);
    assert.deepEqual(await sessionActor(store, secret), actor);
    const applied = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(store.db);
    assert.equal(applied.rows.at(-1)!.name, LATEST_MIGRATION);
  });
}
