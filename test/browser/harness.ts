/**
 * @module One real server and one real browser for the browser tests: the app
 * `gongkai serve` runs (createApp) on @hono/node-server at a free port, over a
 * fresh PGlite store in a temp folder with the samples loaded (all but corpus
 * 007, 上海市普陀区财政局 2025 预算, whose PDF the story uploads), three users made
 * through the service (an officer of that department, a reviewer and a
 * finance-bureau administrator of its region), and Debian's Chromium driven by
 * playwright-core. Every request a page makes to another host is aborted and
 * recorded in `foreign`; `assertNoForeignRequests` fails the test on any.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { Browser, BrowserContext } from "playwright-core";
import { launchChromium } from "../../src/render/pdf.ts";
import { createApp } from "../../src/server/app.ts";
import { systemActor } from "../../src/service/actor.ts";
import { ANONYMOUS } from "../../src/service/actor.ts";
import { listDisclosures } from "../../src/service/reads.ts";
import { loadSamples } from "../../src/service/samples.ts";
import { createUser } from "../../src/service/users.ts";
import { type Store, openStore } from "../../src/store/index.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";

/** The sample the story publishes itself: its PDF is uploaded, so it is not preloaded. */
export const STORY_SAMPLE = { text: "007.txt", pdf: join(corpusDir, "007.pdf") };
export const STORY_DEPARTMENT = "上海市普陀区财政局";

export const PASSWORD = "浏览器测试-口令-2026";

export interface StoryUsers {
  officer: string;
  reviewer: string;
  publisher: string;
}

export interface BrowserHarness {
  origin: string;
  store: Store;
  browser: Browser;
  users: StoryUsers;
  departmentId: number;
  regionId: number;
  /** URLs of other hosts that a page asked for (aborted). */
  foreign: string[];
  /** A new browser context (its own cookies) with the request guard. */
  context(options?: { width?: number; height?: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** The store: fresh PGlite in a temp folder, samples loaded, the story's users created. */
async function prepareStore(dir: string) {
  const store = await openStore({ dataDir: join(dir, "data") });
  await loadSamples(store, { samplesDir: seedsDir, corpusDir, except: [STORY_SAMPLE.text] });
  const list = await listDisclosures(store, ANONYMOUS, { limit: 500 });
  const target = list.items.find((d) => d.departmentName === STORY_DEPARTMENT);
  if (!target) throw new Error(`sample ${STORY_DEPARTMENT} missing`);
  const admin = systemActor("browser-test");
  const users: StoryUsers = {
    officer: "officer.putuo",
    reviewer: "reviewer.putuo",
    publisher: "admin.putuo",
  };
  await createUser(store, admin, {
    username: users.officer,
    password: PASSWORD,
    displayName: "普陀区财政局经办人",
    role: "officer",
    departmentId: target.departmentId,
  });
  await createUser(store, admin, {
    username: users.reviewer,
    password: PASSWORD,
    displayName: "普陀区审核员",
    role: "reviewer",
    regionId: target.regionId,
  });
  await createUser(store, admin, {
    username: users.publisher,
    password: PASSWORD,
    displayName: "普陀区财政局管理员",
    role: "finance_admin",
    regionId: target.regionId,
  });
  return { store, users, departmentId: target.departmentId, regionId: target.regionId };
}

export async function startHarness(): Promise<BrowserHarness> {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-browser-"));
  const { store, users, departmentId, regionId } = await prepareStore(dir);
  const app = createApp({ store, secureCookies: false });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const foreign: string[] = [];
  return {
    origin,
    store,
    browser,
    users,
    departmentId,
    regionId,
    foreign,
    async context(options = {}) {
      const context = await browser.newContext({
        baseURL: origin,
        locale: "zh-CN",
        acceptDownloads: true,
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      });
      // A missing element fails in seconds, not after playwright's default 30.
      context.setDefaultTimeout(10_000);
      await context.route(
        (url) => url.origin !== origin,
        (route) => {
          foreign.push(route.request().url());
          return route.abort("blockedbyclient");
        },
      );
      return context;
    },
    async close() {
      await browser.close().catch(() => {});
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The rule: no page loads anything from another host. */
export function assertNoForeignRequests(h: BrowserHarness): void {
  assert.deepEqual(h.foreign, [], "requests to another host");
}
