/**
 * extract → render → extract (issue 4, item 5) over every seed and corpus
 * document and the hand-built fixture. The parts listed as ROUND_TRIPS must
 * come back as they went in (golden-file rule: every stated field the same);
 * the other parts are measured and reported with t.diagnostic, so the
 * figures show what the importer and the renderers still disagree on.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { importDisclosure } from "../../src/import/index.ts";
import { PdfPrinter, renderDisclosure } from "../../src/render/index.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";
import { fixture } from "./fixture.ts";
import { DOCUMENT_PARTS, printable, tableFacts, within } from "./roundtrip.ts";

/** Parts that round-trip on every document today; a regression here fails the test. */
const ROUND_TRIPS = {
  docx: [
    "kind",
    "year",
    "region",
    "department",
    "units",
    "duties",
    "income",
    "expenditure",
    "procurement",
    "assets",
    "otherNotes",
    "functionalClassification",
    "glossary",
    "performance",
    "threePublic",
    "expenditureByFunction",
    "basicByEconomic",
    "operatingCosts",
  ],
  xlsx: ["income", "expenditure", "threePublic", "expenditureByFunction", "basicByEconomic"],
  pdf: [
    "kind",
    "year",
    "region",
    "department",
    "units",
    "duties",
    "income",
    "expenditure",
    "procurement",
    "assets",
    "otherNotes",
    "functionalClassification",
    "glossary",
    "performance",
    "threePublic",
    "expenditureByFunction",
    "basicByEconomic",
    "operatingCosts",
  ],
} as const;

/**
 * Known importer losses, by format, document and part. Seed 002's duties print one per paragraph
 * since issue 10; in the PDF the first line of "十一、负责推进…" wraps 36 characters after its
 * number, which the importer's outline (sections/outline.ts isHeading) takes for a heading, so the
 * duties read back end at 十、. Reported with t.diagnostic; the other parts of 002 must still come back.
 */
const KNOWN_LOSSES: Partial<Record<string, Record<string, string[]>>> = {
  pdf: { "seeds/002_30620b3058080950.txt": ["duties"] },
};

// One browser prints every PDF (a launch per document would cost seconds each).
let printing: Promise<PdfPrinter> | undefined;
const printer = () => (printing ??= PdfPrinter.open());
after(async () => (await printing)?.close());

const inputs: { name: string; disclosure: () => Promise<Disclosure> }[] = [
  { name: "fixture", disclosure: async () => fixture() },
  ...[
    ...readdirSync(seedsDir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(seedsDir, f)),
    ...readdirSync(corpusDir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(corpusDir, f)),
  ].map((path) => ({
    name: path.split("/").slice(-2).join("/"),
    disclosure: async () => (await importDisclosure(new Uint8Array(readFileSync(path)))).disclosure,
  })),
];

for (const format of ["docx", "xlsx", "pdf"] as const) {
  test(`round trip through ${format}`, async (t) => {
    const tally = new Map<string, { ok: number; of: number; lost: string[] }>();
    const failures: string[] = [];
    for (const input of inputs) {
      const a = await input.disclosure();
      const { disclosure: b } = await importDisclosure(
        await renderDisclosure(a, format, {
          printer: format === "pdf" ? await printer() : undefined,
        }),
      );
      const [A, B] = format === "xlsx" ? [tableFacts(a), tableFacts(b)] : [printable(a), b];
      for (const part of DOCUMENT_PARTS) {
        const stated = (A as Record<string, unknown>)[part];
        if (stated === undefined) continue;
        const same = within(stated, (B as Record<string, unknown>)[part]);
        const entry = tally.get(part) ?? { ok: 0, of: 0, lost: [] };
        entry.of++;
        if (same) entry.ok++;
        else entry.lost.push(input.name);
        tally.set(part, entry);
        const known = KNOWN_LOSSES[format]?.[input.name]?.includes(part);
        if (!same && known) t.diagnostic(`${format} ${input.name} ${part}: known importer loss`);
        if (!same && !known && (ROUND_TRIPS[format] as readonly string[]).includes(part)) {
          failures.push(
            `${input.name} ${part}:\n  rendered ${JSON.stringify(stated).slice(0, 400)}\n  read back ${String(JSON.stringify((B as Record<string, unknown>)[part])).slice(0, 400)}`,
          );
        }
      }
    }
    for (const [part, e] of tally)
      t.diagnostic(
        `${format} ${part}: ${e.ok}/${e.of}${e.lost.length ? `（未还原：${e.lost.join(", ")}）` : ""}`,
      );
    assert.ok(tally.size > 0);
    for (const part of ROUND_TRIPS[format])
      assert.ok(tally.get(part)?.of, `${part} was never rendered`);
    assert.deepEqual(failures, [], failures.join("\n"));
  });
}
