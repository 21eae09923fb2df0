/**
 * Re-checking a stored version gives exactly the findings of checking its
 * original files: the stored form carries the narrative text the rules read.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readdirSync } from "node:fs";
import { loadDisclosure } from "../../../src/app/load.ts";
import { runChecks } from "../../../src/check/engine.ts";
import { uploadVersion } from "../../../src/service/upload.ts";
import { getReport, recheckVersion } from "../../../src/service/reads.ts";
import type { SourceFile } from "../../../src/service/engine.ts";
import { corpusDir, seedsDir } from "../../support/paths.ts";
import { corpusFile, makeWorld, seedFile } from "../world.ts";
import type { FactoryRef } from "./helpers.ts";

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

export function recheckTests(factory: FactoryRef, options: { pdfs: string[] }): void {
  const files: SourceFile[] = [
    ...readdirSync(seedsDir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map(seedFile),
    ...readdirSync(corpusDir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map(corpusFile),
    ...options.pdfs.map(corpusFile),
  ];
  test(`re-checking a stored version equals checking its original file (${files.length} seeds and corpus files)`, async () => {
    const store = await factory().fresh();
    const w = await makeWorld(store);
    let withNarrativeFindings = 0;
    for (const [i, file] of files.entries()) {
      const original = runChecks(await loadDisclosure(file.bytes, { fileName: file.name }));
      const v = await uploadVersion(store, w.officer, {
        departmentId: w.dept.id,
        year: 2000 + i,
        kind: "budget",
        files: [file],
      });
      const again = await recheckVersion(store, w.officer, v.id);
      assert.deepEqual(plain(again.findings), plain(original.findings), `${file.name}: re-check`);
      assert.deepEqual(
        (await getReport(store, w.officer, v.id)).findings,
        plain(original.findings),
        `${file.name}: stored report`,
      );
      if (original.findings.some((f) => /^TXT-/.test(f.rule))) withNarrativeFindings++;
    }
    assert.ok(
      withNarrativeFindings >= 3,
      "the narrative rules fire on several files, so the narrative is really used",
    );
  });
}
