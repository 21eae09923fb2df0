/** The store suite on the embedded engine (PGlite). */
import { after, describe } from "node:test";
import { pgliteFactory } from "./engines.ts";
import { storeSuite } from "./suite.ts";

const factory = pgliteFactory();

describe("store on PGlite", () => {
  after(() => factory.dispose());
  storeSuite(() => factory, { pdfs: ["003.pdf", "026.pdf"] });
});
