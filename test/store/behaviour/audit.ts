/** The audit chain detects an entry changed or removed behind the application's back. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { verifyAudit } from "../../../src/service/audit.ts";
import { createDepartment } from "../../../src/service/catalogue.ts";
import type { Store } from "../../../src/store/index.ts";
import { makeWorld } from "../world.ts";
import type { FactoryRef } from "./helpers.ts";

/** Tampering as the table owner would: the append-only trigger switched off for the statement. */
async function tamper(store: Store, statement: ReturnType<typeof sql>): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_guard`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger audit_guard`.execute(trx);
  });
}

export function auditTests(factory: FactoryRef): void {
  test("audit verify: intact chain passes; a changed, a removed middle and a removed last entry are each found", async () => {
    const store = await factory().fresh();
    const w = await makeWorld(store);
    for (const name of ["甲局", "乙局", "丙局"])
      await createDepartment(store, w.admin, { regionId: w.hebei.id, name });
    const intact = await verifyAudit(store);
    assert.deepEqual([intact.ok, intact.entries], [true, 8]);

    await tamper(
      store,
      sql`update audit_log set detail = jsonb_set(detail, '{name}', '"丁局"') where seq = 6`,
    );
    const changed = await verifyAudit(store);
    assert.equal(changed.ok, false);
    assert.deepEqual(
      changed.problems.map((p) => p.seq),
      [6],
    );
    assert.match(changed.problems[0]!.problem, /修改/);
    await tamper(
      store,
      sql`update audit_log set detail = jsonb_set(detail, '{name}', '"甲局"') where seq = 6`,
    );
    assert.ok((await verifyAudit(store)).ok, "restoring the content restores the chain");

    await tamper(store, sql`delete from audit_log where seq = 4`);
    const removed = await verifyAudit(store);
    assert.equal(removed.ok, false);
    assert.equal(removed.problems[0]!.seq, 5);
    assert.match(removed.problems[0]!.problem, /缺少/);

    const store2 = await factory().fresh();
    await makeWorld(store2);
    await tamper(store2, sql`delete from audit_log where seq = (select max(seq) from audit_log)`);
    const tail = await verifyAudit(store2);
    assert.equal(tail.ok, false);
    assert.match(tail.problems[0]!.problem, /链头/);
  });
}
