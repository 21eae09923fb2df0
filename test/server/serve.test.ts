/**
 * `gongkai serve --samples` as a user runs it: on a new PGlite data folder it
 * loads the bundled samples, prints its address, answers the API over real
 * HTTP, and exits cleanly on SIGTERM (the store closed, nothing left hanging).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { cli } from "../support/paths.ts";

it("serve --samples loads the samples, serves the API and stops on SIGTERM", async () => {
  const dir = await mkdtemp(join(tmpdir(), "gongkai-serve-"));
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA: join(dir, "data") };
  delete env.DATABASE_URL;
  const child = spawn(cli, ["serve", "--port", "0", "--samples"], { env });
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => {
    stderr += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${stderr}`)), 240_000);
      child.stderr.on("data", () => {
        const m = stderr.match(/已启动：(http:\/\/[\d.]+:\d+)\//);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    assert.match(stderr, /已载入样例：\d+ 份公开文件/);
    const res = await fetch(`${address}/api/v1/disclosures?pageSize=1`);
    assert.equal(res.status, 200);
    const page = (await res.json()) as { total: number; items: { latest: { state: string } }[] };
    assert.ok(page.total >= 5, `${page.total} disclosures`);
    assert.equal(page.items[0]!.latest.state, "published");
  } finally {
    child.kill("SIGTERM");
    const code = await Promise.race([
      exited,
      new Promise((r) => setTimeout(() => r("hung"), 20_000)),
    ]);
    if (code === "hung") child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
    assert.equal(code, 0, `exit on SIGTERM: ${code}\n${stderr}`);
  }
});
