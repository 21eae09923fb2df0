/**
 * The store and workflow behaviour tests, written once and run on each engine
 * (pglite.test.ts, postgres.test.ts). `factory` is read when the tests run,
 * after the engine's before() hook has built it.
 */
import { migrationTests } from "./behaviour/migrations.ts";
import { immutabilityTests } from "./behaviour/immutability.ts";
import { workflowTests } from "./behaviour/workflow.ts";
import { recheckTests } from "./behaviour/recheck.ts";
import { userTests } from "./behaviour/users.ts";
import { auditTests } from "./behaviour/audit.ts";
import { backupTests } from "./behaviour/backup.ts";
import { searchTests } from "./behaviour/search.ts";
import { approvalTests } from "./behaviour/approvals.ts";
import type { FactoryRef } from "./behaviour/helpers.ts";

export interface SuiteOptions {
  /** Corpus PDFs to include in the re-check equality test (slow to import). */
  pdfs?: string[];
}

export function storeSuite(factory: FactoryRef, options: SuiteOptions = {}): void {
  migrationTests(factory);
  immutabilityTests(factory);
  workflowTests(factory);
  recheckTests(factory, { pdfs: options.pdfs ?? [] });
  userTests(factory);
  auditTests(factory);
  backupTests(factory);
  searchTests(factory);
  approvalTests(factory);
}
