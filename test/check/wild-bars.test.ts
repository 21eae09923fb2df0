/**
 * Issue 13's precision bars on the wild golden documents (shared/wild/docs): every error finding
 * is one read against the document and recorded as real in docs/precision.md (so none is the
 * importer's misreading), and warnings stay at most 5 per document on average. The pool's bars
 * are measured by `node --import tsx scripts/precision.ts --wild --bars` (too slow for the suite).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadDisclosure } from "../../src/app/index.ts";
import { runChecks } from "../../src/check/engine.ts";
import { REVIEWED_REAL, reviewedReal } from "../support/wild-reviewed.ts";
import { sharedDir } from "../support/paths.ts";

const docsDir = join(sharedDir, "wild", "docs");

test("wild golden documents: every error finding is a reviewed real defect; ≤ 5 warnings per document", async () => {
  const files = readdirSync(docsDir)
    .filter((f) => f.endsWith(".pdf"))
    .sort();
  const unreviewed: string[] = [];
  const fired = new Set<string>();
  let warnings = 0;
  let checked = 0;
  for (const f of files) {
    const input = await loadDisclosure(new Uint8Array(readFileSync(join(docsDir, f))), {
      fileName: f,
    });
    checked++;
    const { findings } = runChecks(input);
    warnings += findings.filter((x) => x.severity === "warning").length;
    for (const x of findings) {
      if (x.severity !== "error") continue;
      fired.add(`docs/${f} ${x.rule} ${x.path}`);
      if (!reviewedReal(`docs/${f}`, x))
        unreviewed.push(`${f} ${x.rule} ${x.path ?? "-"}: ${x.message}`);
    }
  }
  assert.equal(checked, files.length);
  // The issue allows 5% of documents with a misread error; reviewed, there are none today.
  assert.deepEqual(unreviewed, [], "error findings not read against the document as real");
  const perDoc = warnings / checked;
  assert.ok(perDoc <= 5, `${perDoc.toFixed(2)} warnings per document`);
  // The real defects read there are still found.
  const real = Object.entries(REVIEWED_REAL)
    .filter(([doc]) => doc.startsWith("docs/"))
    .flatMap(([doc, list]) => list.map((r) => `${doc} ${r.rule} ${r.path}`));
  assert.deepEqual(
    real.filter((r) => !fired.has(r)),
    [],
    "reviewed real defects no longer reported",
  );
});
