/**
 * The store commands as a user runs them, on an embedded store in a temporary
 * folder: the first administrator from stdin (never an argument), audit verify
 * failing on a tampered log, backup and restore into a fresh folder, the
 * search index rebuilt.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { openStore } from "../../src/store/index.ts";
import { signIn } from "../../src/service/signin.ts";
import { ANONYMOUS } from "../../src/service/actor.ts";
import { loadSamples } from "../../src/service/samples.ts";
import { search } from "../../src/service/search.ts";
import { cli } from "../support/paths.ts";

let work: string;
before(async () => {
  work = await mkdtemp(join(tmpdir(), "gongkai-cli-"));
});
after(() => rm(work, { recursive: true, force: true }));

const run = (dataDir: string, args: string[], input?: string) =>
  spawnSync(cli, args, {
    env: { ...process.env, GONGKAI_DATA: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
    ...(input !== undefined ? { input } : {}),
  });

test("user add reads the password from stdin; audit verify and backup/restore work from the command line", async () => {
  const data = join(work, "not-yet", "data"); // parents are created too
  const empty = run(data, ["user", "add", "root", "--role", "sysadmin"], "");
  assert.equal(empty.status, 2);
  assert.match(empty.stderr, /标准输入中没有密码/);
  const weak = run(data, ["user", "add", "root", "--role", "sysadmin"], "short\n");
  assert.equal(weak.status, 2);
  assert.match(weak.stderr, /密码至少 10 个字符.*\[WEAK_PASSWORD\]/);
  const added = run(
    data,
    ["user", "add", "root", "--role", "sysadmin", "--name", "管理员"],
    "Gongkai-Admin-2026\n",
  );
  assert.equal(added.status, 0, added.stderr);
  assert.match(added.stdout, /已创建用户 root（系统管理员/);
  const scoped = run(
    data,
    ["user", "add", "rev", "--role", "reviewer", "--region", "999999"],
    "Gongkai-Review-2026\n",
  );
  assert.match(scoped.stderr, /找不到行政区划代码为 999999 的地区/);
  assert.match(run(data, ["user", "list"]).stdout, /root\t系统管理员/);

  const ok = run(data, ["audit", "verify"]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /审计日志完整：1 条/);

  const backup = join(work, "store.jsonl.gz");
  const b = run(data, ["backup", backup]);
  assert.equal(b.status, 0, b.stderr);
  const copy = join(work, "copy");
  const r = run(copy, ["restore", backup]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /审计链校验通过/);
  const again = run(copy, ["restore", backup]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /不是空的/);

  const store = await openStore({ dataDir: copy });
  try {
    await signIn(store, { username: "root", password: "Gongkai-Admin-2026" });
    await sql`alter table audit_log disable trigger audit_guard`.execute(store.db);
    await sql`update audit_log set actor = 'system:someone-else'`.execute(store.db);
  } finally {
    await store.close();
  }
  const broken = run(copy, ["audit", "verify"]);
  assert.equal(broken.status, 1);
  assert.match(broken.stdout, /审计日志校验失败.*\n.*第 1 条：条目内容与其哈希不符/);
});

test("a data folder is opened by one process at a time; a lock left by a killed process is taken over", async () => {
  const data = join(work, "locked");
  const store = await openStore({ dataDir: data });
  try {
    const refused = run(data, ["audit", "verify"]);
    assert.equal(refused.status, 4);
    assert.match(refused.stderr, new RegExp(`正被进程 ${process.pid} 使用`));
  } finally {
    await store.close();
  }
  const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  await writeFile(`${data}.lock`, dead.stdout);
  const ok = run(data, ["audit", "verify"]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /审计日志完整：0 条/);
});

test("search-index counts the index, and --rebuild indexes a store whose index is empty", async () => {
  const data = join(work, "search");
  const store = await openStore({ dataDir: data });
  try {
    await loadSamples(store, { corpusDir: null });
    // A store from before search: published versions, no index.
    await sql`delete from search_doc`.execute(store.db);
  } finally {
    await store.close();
  }
  assert.match(run(data, ["search-index"]).stdout, /检索索引共 0 条/);
  const rebuilt = run(data, ["search-index", "--rebuild"]);
  assert.equal(rebuilt.status, 0, rebuilt.stderr);
  assert.match(rebuilt.stdout, /检索索引已重建：5 个已发布版本，\d+ 条/);
  const reopened = await openStore({ dataDir: data });
  try {
    const found = await search(reopened, ANONYMOUS, { q: "sgjf" });
    assert.ok(found.total >= 4);
  } finally {
    await reopened.close();
  }
});
