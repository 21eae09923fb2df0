/**
 * `gongkai load` killed with SIGKILL midway, then run again: the store holds
 * every file exactly once, and nothing half-written (each file is one
 * transaction). Run on the embedded store, and on PostgreSQL when reachable.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { openStore, type StoreOptions } from "../../src/store/index.ts";
import { cli, corpusDir, seedsDir } from "../support/paths.ts";
import { postgresFactory, postgresUnavailable, type StoreFactory } from "../store/engines.ts";

let work: string;
let docs: string;
let fileCount = 0;

before(async () => {
  work = await mkdtemp(join(tmpdir(), "gongkai-resume-"));
  docs = join(work, "docs");
  await mkdir(join(docs, "corpus"), { recursive: true });
  for (const f of (await readdir(seedsDir)).filter((f) => f.endsWith(".txt"))) {
    await copyFile(join(seedsDir, f), join(docs, f));
    fileCount++;
  }
  for (const f of (await readdir(corpusDir)).filter((f) => f.endsWith(".txt"))) {
    await copyFile(join(corpusDir, f), join(docs, "corpus", f));
    fileCount++;
  }
});
after(() => rm(work, { recursive: true, force: true }));

/** Starts a load and SIGKILLs it once `after` files are stored; resolves with the lines it printed. */
function loadAndKill(env: NodeJS.ProcessEnv, afterFiles: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      cli,
      ["load", docs, "--region", "130000", "--year", "2021", "--workers", "2"],
      { env },
    );
    const lines: string[] = [];
    let buffer = "";
    child.stderr.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const parts = buffer.split("\n");
      buffer = parts.pop()!;
      lines.push(...parts);
      if (lines.filter((l) => l.includes("已导入")).length >= afterFiles) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      if (signal !== "SIGKILL")
        reject(new Error(`load finished before it was killed:\n${lines.join("\n")}`));
      else resolve(lines);
    });
  });
}

async function assertEveryFileOnce(options: StoreOptions): Promise<void> {
  const store = await openStore(options);
  try {
    const perFile = await sql<{
      n: number;
    }>`select count(*)::int as n from version_file group by sha256`.execute(store.db);
    assert.equal(perFile.rows.length, fileCount, "every file stored");
    assert.ok(
      perFile.rows.every((r) => r.n === 1),
      "each exactly once",
    );
    const counts = await sql<{
      versions: number;
      orphans: number;
      unreferenced: number;
      loads: number;
    }>`
      select (select count(*)::int from version) as versions,
             (select count(*)::int from version v where not exists (select 1 from version_file f where f.version_id = v.id)) as orphans,
             (select count(*)::int from blob b where not exists (select 1 from version_file f where f.sha256 = b.sha256)) as unreferenced,
             (select count(*)::int from audit_log where action = 'version.load') as loads`.execute(
      store.db,
    );
    assert.deepEqual(counts.rows[0], {
      versions: fileCount,
      orphans: 0,
      unreferenced: 0,
      loads: fileCount,
    });
  } finally {
    await store.close();
  }
}

async function killThenResume(env: NodeJS.ProcessEnv, options: StoreOptions): Promise<void> {
  const killed = await loadAndKill(env, 3);
  const stored = killed.filter((l) => l.includes("已导入")).length;
  assert.ok(stored >= 3 && stored < fileCount, `killed midway (${stored} of ${fileCount})`);
  const rerun = spawnSync(
    cli,
    ["load", docs, "--region", "130000", "--year", "2021", "--workers", "2"],
    { env, encoding: "utf8" },
  );
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stdout, new RegExp(`已导入 ${fileCount - stored}（`));
  assert.match(rerun.stdout, new RegExp(`已存在而跳过 ${stored}\\n`));
  await assertEveryFileOnce(options);
  const verify = spawnSync(cli, ["audit", "verify"], { env, encoding: "utf8" });
  assert.equal(verify.status, 0, verify.stdout + verify.stderr);
}

test("load killed with SIGKILL midway then run again: every file stored exactly once (PGlite)", async () => {
  const dataDir = join(work, "data");
  const env = { ...process.env, GONGKAI_DATA: dataDir, DATABASE_URL: "" };
  await killThenResume(env, { dataDir });
});

test("load killed with SIGKILL midway then run again: every file stored exactly once (PostgreSQL)", async (t) => {
  const reason = await postgresUnavailable();
  if (reason) {
    if (process.env.GONGKAI_SKIP_POSTGRES === "1") return t.skip(reason);
    throw new Error(reason);
  }
  const factory: StoreFactory = await postgresFactory();
  try {
    const store = await factory.fresh();
    const url = (store as unknown as { location: string }).location;
    await store.close();
    await killThenResume({ ...process.env, DATABASE_URL: url }, { url });
  } finally {
    await factory.dispose();
  }
});
