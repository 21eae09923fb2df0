/**
 * The store suite on PostgreSQL at DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test), one fresh database per store.
 * No server: the run fails saying so, unless GONGKAI_SKIP_POSTGRES=1.
 */
import { after, before, describe, test } from "node:test";
import { type StoreFactory, postgresFactory, postgresUnavailable } from "./engines.ts";
import { storeSuite } from "./suite.ts";

const reason = await postgresUnavailable();

if (reason && process.env.GONGKAI_SKIP_POSTGRES === "1") {
  test("store on PostgreSQL", { skip: `GONGKAI_SKIP_POSTGRES=1: ${reason}` }, () => {});
} else if (reason) {
  test("store on PostgreSQL", () => {
    throw new Error(reason);
  });
} else {
  let factory: StoreFactory | undefined;
  describe("store on PostgreSQL", () => {
    before(async () => {
      factory = await postgresFactory();
    });
    after(() => factory?.dispose());
    storeSuite(() => factory!);
  });
}
