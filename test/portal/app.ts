/**
 * The portal's pages on a real store for tests: PGlite loaded with the bundled
 * samples (seeds and corpus, published), plus one correction published through
 * the workflow (苏州市审计局 2026 re-uploaded with an edited 主要职能) and one
 * withdrawal (江苏省人大常委会办公厅 2018), mounted
 * in a tiny Hono app that sets the three request variables as the server does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import type { ServerEnv } from "../../src/server/env.ts";
import { notFoundPage, pages } from "../../src/server/pages/index.ts";
import { ANONYMOUS, type Actor } from "../../src/service/actor.ts";
import { getVersion, listDisclosures } from "../../src/service/reads.ts";
import { loadSamples } from "../../src/service/samples.ts";
import { respondToFinding, uploadVersion } from "../../src/service/upload.ts";
import {
  approveVersion,
  publishVersion,
  submitVersion,
  withdrawVersion,
} from "../../src/service/workflow.ts";
import type { Store } from "../../src/store/index.ts";
import { pgliteFactory } from "../store/engines.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";

export const CORRECTION_NOTE = "更正主要职能第一项的表述（测试更正）";
export const CORRECTED_FROM = "主管全市审计工作。";
export const CORRECTED_TO = "主管全市审计工作，更正后的表述。";

const actor = (id: number, role: Actor["roles"][number], scope: Actor["scope"]): Actor => ({
  kind: "user",
  id,
  name: `portal-${role}`,
  roles: [role],
  scope,
});

/** Publishes a correction of 苏州市审计局's 2026 budget (corpus 022) as the system actor. */
async function publishCorrection(store: Store): Promise<number> {
  const list = await listDisclosures(store, ANONYMOUS, { limit: 500 });
  const target = list.items.find((d) => d.departmentName === "苏州市审计局");
  if (!target) throw new Error("sample 苏州市审计局 missing");
  const officer = actor(9001, "officer", { departmentId: target.departmentId });
  const reviewer = actor(9002, "reviewer", { regionId: target.regionId });
  const publisher = actor(9003, "finance_admin", { regionId: target.regionId });
  const text = readFileSync(join(corpusDir, "022.txt"), "utf8").replace(
    CORRECTED_FROM,
    CORRECTED_TO,
  );
  const v = await uploadVersion(store, officer, {
    departmentId: target.departmentId,
    year: target.year,
    kind: target.kind,
    files: [{ name: "022-corrected.txt", bytes: new TextEncoder().encode(text) }],
    correctionNote: CORRECTION_NOTE,
  });
  const detail = await getVersion(store, officer, v.id);
  for (const f of detail.findings) {
    if (f.finding.severity === "warning")
      await respondToFinding(store, officer, v.id, f.index, "测试说明");
  }
  await submitVersion(store, officer, v.id);
  await approveVersion(store, reviewer, v.id);
  await publishVersion(store, publisher, v.id);
  return target.id;
}

export const WITHDRAWN_DEPARTMENT = "江苏省人大常委会办公厅";
export const WITHDRAWN_REASON = "测试撤回：文件有误";

/** Withdraws the 江苏省人大常委会办公厅 2018 budget (corpus 017) as its finance bureau. */
async function withdrawOne(store: Store): Promise<number> {
  const list = await listDisclosures(store, ANONYMOUS, { limit: 500 });
  const target = list.items.find((d) => d.departmentName === WITHDRAWN_DEPARTMENT);
  if (!target?.latest) throw new Error(`sample ${WITHDRAWN_DEPARTMENT} missing`);
  const admin = actor(9004, "finance_admin", { regionId: target.regionId });
  await withdrawVersion(store, admin, target.latest.id, WITHDRAWN_REASON);
  return target.id;
}

export interface PortalFixture {
  app: Hono<ServerEnv>;
  store: Store;
  correctedDisclosureId: number;
  withdrawnDisclosureId: number;
  close(): Promise<void>;
}

export async function portalFixture(): Promise<PortalFixture> {
  const factory = pgliteFactory();
  const store = await factory.fresh();
  await loadSamples(store, { samplesDir: seedsDir, corpusDir });
  const correctedDisclosureId = await publishCorrection(store);
  const withdrawnDisclosureId = await withdrawOne(store);
  const app = new Hono<ServerEnv>();
  app.use(async (c, next) => {
    c.set("store", store);
    c.set("actor", ANONYMOUS);
    c.set("csrfToken", "test-token");
    await next();
  });
  app.route("/", pages);
  app.notFound((c) => notFoundPage(c));
  return {
    app,
    store,
    correctedDisclosureId,
    withdrawnDisclosureId,
    close: () => factory.dispose(),
  };
}
