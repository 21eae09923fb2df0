/** A small world for store and workflow tests: Hebei with a city, Beijing, departments, actors. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../../src/store/index.ts";
import { type Actor, systemActor } from "../../src/service/actor.ts";
import { createDepartment, createRegion } from "../../src/service/catalogue.ts";
import type { SourceFile } from "../../src/service/engine.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";

export const corpusFile = (name: string): SourceFile => ({
  name,
  bytes: new Uint8Array(readFileSync(join(corpusDir, name))),
});
export const seedFile = (name: string): SourceFile => ({
  name,
  bytes: new Uint8Array(readFileSync(join(seedsDir, name))),
});

/** Corpus 022: no findings at all. 007: two warnings, no error. Seed 000: one error. */
export const CLEAN = "022.txt";
export const WARNINGS = "007.txt";
export const SEED_WITH_ERROR = "000_f6eb8ece6d8b211d.txt";

const user = (
  id: number,
  name: string,
  role: Actor["roles"][number],
  scope: Actor["scope"],
): Actor => ({
  kind: "user",
  id,
  name,
  roles: [role],
  scope,
});

export async function makeWorld(store: Store) {
  const admin = systemActor("test");
  const hebei = await createRegion(store, admin, {
    name: "河北省",
    level: "province",
    code: "130000",
  });
  const cangzhou = await createRegion(store, admin, {
    name: "沧州市",
    level: "city",
    code: "130900",
    parentId: hebei.id,
  });
  const beijing = await createRegion(store, admin, {
    name: "北京市",
    level: "province",
    code: "110000",
  });
  const dept = await createDepartment(store, admin, {
    regionId: cangzhou.id,
    name: "沧州市审计局",
  });
  const otherDept = await createDepartment(store, admin, {
    regionId: beijing.id,
    name: "北京市司法局",
  });
  return {
    admin,
    hebei,
    cangzhou,
    beijing,
    dept,
    otherDept,
    officer: user(1001, "officer", "officer", { departmentId: dept.id }),
    otherOfficer: user(1002, "officer2", "officer", { departmentId: otherDept.id }),
    reviewer: user(1003, "reviewer", "reviewer", { regionId: hebei.id }),
    cityReviewer: user(1004, "reviewer-cz", "reviewer", { regionId: cangzhou.id }),
    beijingReviewer: user(1005, "reviewer-bj", "reviewer", { regionId: beijing.id }),
    financeAdmin: user(1006, "finance", "finance_admin", { regionId: hebei.id }),
    beijingFinanceAdmin: user(1007, "finance-bj", "finance_admin", { regionId: beijing.id }),
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;
