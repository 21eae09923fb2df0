/**
 * The command line starts fast because commands load their dependencies when
 * they run (issue 10): `bin/gongkai` is spawned with a preload that logs every
 * module resolved, and the heavy packages (database, server, document readers
 * and writers, browser) must be absent for help and the light commands. A
 * store command that fails to connect shows the log does see them.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { cli, repoRoot, seedsDir } from "../support/paths.ts";

const recorder = join(repoRoot, "test", "support", "record-loads.mjs");
const scratch = mkdtempSync(join(tmpdir(), "gongkai-lazy-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const HEAVY = [
  "kysely",
  "@electric-sql/pglite",
  "pg",
  "hono",
  "@hono/node-server",
  "@hono/zod-openapi",
  "cli-progress",
  "exceljs",
  "pdfjs-dist",
  "docx",
  "playwright-core",
];

let runs = 0;

/** Runs bin/gongkai under the recorder: exit status and the packages it resolved. */
function packagesLoaded(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stderr: string; packages: Set<string> }> {
  const log = join(scratch, `loads-${runs++}.txt`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", recorder, cli, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env, GONGKAI_LOAD_LOG: log },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString("utf8");
    });
    child.on("error", fail);
    child.on("close", (code) => {
      const packages = new Set<string>();
      for (const url of readFileSync(log, "utf8").split("\n")) {
        // The innermost node_modules folder names the package (scoped or not).
        const names = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
        const last = names.at(-1)?.[1];
        if (last) packages.add(last);
      }
      done({ code: code ?? -1, stderr, packages });
    });
  });
}

function heavyIn(packages: Set<string>): string[] {
  return HEAVY.filter((name) => packages.has(name));
}

const seed = join(seedsDir, readdirSync(seedsDir).find((f) => f.endsWith(".txt"))!);

describe("the command line loads heavy packages only when a command needs them", () => {
  const light: string[][] = [
    ["--help"],
    ["help", "serve"],
    ["user", "add", "--help"],
    ["load", "--help"],
    ["rules"],
    ["extract", seed],
  ];
  for (const args of light) {
    it(`gongkai ${args.join(" ").replace(seedsDir, "seeds")}`, async () => {
      const run = await packagesLoaded(args);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.packages.has("commander"), "the recorder saw commander");
      assert.deepEqual(heavyIn(run.packages), []);
    });
  }

  it("a store command does load the database packages (the recorder sees them)", async () => {
    // Port 1 refuses at once: the store is opened (Kysely, pg) and the command fails cleanly.
    const run = await packagesLoaded(["audit", "verify"], {
      DATABASE_URL: "postgres://gongkai@127.0.0.1:1/none",
    });
    assert.equal(run.code, 4, run.stderr);
    assert.match(run.stderr, /无法打开数据库/);
    assert.deepEqual(heavyIn(run.packages), ["kysely", "pg"]);
  });
});
