/** Backup and restore round-trip a whole store; batch loading is idempotent; the samples load. */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile, mkdir, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sql } from "kysely";
import { backupStore, restoreStore, BackupError } from "../../../src/store/backup.ts";
import { TABLES } from "../../../src/store/schema.ts";
import type { Store } from "../../../src/store/index.ts";
import { verifyAudit } from "../../../src/service/audit.ts";
import { createUser } from "../../../src/service/users.ts";
import { createDepartment } from "../../../src/service/catalogue.ts";
import { signIn } from "../../../src/service/signin.ts";
import { loadSamples } from "../../../src/service/samples.ts";
import { loadDirectory } from "../../../src/service/load.ts";
import { listDisclosures, getVersionFile } from "../../../src/service/reads.ts";
import { ANONYMOUS, systemActor } from "../../../src/service/actor.ts";
import { corpusDir, seedsDir } from "../../support/paths.ts";
import { makeWorld } from "../world.ts";
import { type FactoryRef, refused } from "./helpers.ts";

async function dumpTables(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(
      store.db,
    );
    out[t] = rows.rows
      .map((r) =>
        JSON.stringify(r, (_k, v) =>
          v?.type === "Buffer" ? Buffer.from(v.data).toString("base64") : v,
        ),
      )
      .sort();
  }
  return out;
}

export function backupTests(factory: FactoryRef): void {
  test("the bundled samples load as published disclosures of their regions; backup and restore round-trip them", () =>
    samplesBackupRestore(factory));
  test("batch loading a folder: every file once, unreadable ones named, a second run skips them all", () =>
    loadTwice(factory));
}

async function samplesBackupRestore(factory: FactoryRef): Promise<void> {
  const store = await factory().fresh();
  const w = await makeWorld(store);
  const summary = await loadSamples(store, { samplesDir: seedsDir, corpusDir });
  assert.deepEqual(summary, { disclosures: 15, versions: 15, files: 16 });
  await refused(loadSamples(store, { samplesDir: seedsDir, corpusDir }), "STORE_NOT_EMPTY");
  const hebei = await listDisclosures(store, ANONYMOUS, { regionId: w.hebei.id, subtree: true });
  assert.equal(hebei.total, 5, "the five seeds under 河北省");
  const beijing = await listDisclosures(store, ANONYMOUS, {
    regionId: w.beijing.id,
    subtree: true,
  });
  assert.equal(beijing.total, 1);
  const twoFiles = await store.db
    .selectFrom("version_file")
    .select(["file_name", "role"])
    .where("role", "is not", null)
    .orderBy("position")
    .execute();
  assert.deepEqual(twoFiles, [
    { file_name: "003.txt", role: "说明" },
    { file_name: "004.txt", role: "报表" },
  ]);
  await createUser(store, w.admin, {
    username: "root",
    password: "测试-Backup-Pass-1",
    role: "sysadmin",
  });
  await refused(signIn(store, { username: "root", password: "wrong-one-x" }), "SIGNIN_FAILED");

  const dir = await mkdtemp(join(tmpdir(), "gongkai-backup-"));
  try {
    const file = join(dir, "store.jsonl.gz");
    const header = await backupStore(store, file);
    assert.equal(header.counts.version, 15);
    const copy = await factory().fresh();
    await restoreStore(copy, file);
    assert.deepEqual(
      await dumpTables(copy),
      await dumpTables(store),
      "every row of every table comes back",
    );
    const audit = await verifyAudit(copy);
    assert.ok(audit.ok);
    assert.equal(audit.entries, (await verifyAudit(store)).entries);
    const first = (await listDisclosures(copy, ANONYMOUS, { limit: 1 })).items[0]!;
    const bytes = await getVersionFile(copy, ANONYMOUS, first.latest!.id, 0);
    const original = await getVersionFile(store, ANONYMOUS, first.latest!.id, 0);
    assert.deepEqual(bytes, original);
    await signIn(copy, { username: "root", password: "测试-Backup-Pass-1" });
    // New rows after a restore get fresh ids (sequences moved past the restored ones).
    const added = await createDepartment(copy, w.admin, {
      regionId: w.hebei.id,
      name: "恢复后新建的局",
    });
    const maxId = await store.db
      .selectFrom("department")
      .select((eb) => eb.fn.max("id").as("m"))
      .executeTakeFirstOrThrow();
    assert.ok(added.id > Number(maxId.m));
    await assert.rejects(restoreStore(copy, file), BackupError);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function loadTwice(factory: FactoryRef): Promise<void> {
  const store = await factory().fresh();
  const w = await makeWorld(store);
  const dir = await mkdtemp(join(tmpdir(), "gongkai-load-"));
  try {
    await mkdir(join(dir, "nested", ".hidden"), { recursive: true });
    for (const f of ["000_f6eb8ece6d8b211d.txt", "003_728ba56877c78465.txt"])
      await copyFile(join(seedsDir, f), join(dir, f));
    await copyFile(join(corpusDir, "026.txt"), join(dir, "nested", "026.txt"));
    await copyFile(join(corpusDir, "022.txt"), join(dir, "nested", ".hidden", "022.txt"));
    await writeFile(join(dir, "nested", "notes.txt"), "这是一份会议纪要，与预算无关。");
    const actor = systemActor("test");
    const first = await loadDirectory(store, actor, {
      dir,
      regionId: w.hebei.id,
      year: 2021,
      workers: 2,
    });
    // With findings: seeds 000 and 003; corpus 026 has none (深圳's 机构编制 heading is its 机构设置).
    assert.deepEqual(
      [first.files, first.imported, first.skipped, first.withFindings],
      [4, 3, 0, 2],
    );
    assert.deepEqual(
      first.unreadable.map((u) => u.file),
      ["nested/notes.txt"],
    );
    assert.match(first.unreadable[0]!.reason, /不是部门预算/);
    const regions = await store.db
      .selectFrom("region")
      .select("name")
      .where("parent_id", "=", w.hebei.id)
      .orderBy("name")
      .execute();
    assert.ok(
      regions.some((r) => r.name === "深圳市"),
      "a region the document names is created under the given one",
    );
    const again = await loadDirectory(store, actor, {
      dir,
      regionId: w.hebei.id,
      year: 2021,
      workers: 2,
    });
    assert.deepEqual([again.imported, again.skipped, again.unreadable.length], [0, 3, 1]);
    const perFile = await sql<{
      n: number;
    }>`select count(*)::int as n from version_file group by sha256`.execute(store.db);
    assert.deepEqual(
      perFile.rows.map((r) => r.n),
      [1, 1, 1],
    );
    await refused(loadDirectory(store, w.reviewer, { dir, regionId: w.hebei.id }), "FORBIDDEN");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
