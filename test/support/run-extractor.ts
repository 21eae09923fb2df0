/** Runs one part extractor over text, collecting what it sets, diagnoses and cites. */
import { readText } from "../../src/import/readers/text.ts";
import type { PartExtractor } from "../../src/import/sections/context.ts";
import { FORMAT_ID, type Diagnostic, type Disclosure } from "../../src/model/disclosure.ts";
import type { Layout } from "../../src/import/source-document.ts";

export function runExtractor(
  extractor: PartExtractor,
  text: string,
  /** Forces a layout: a short snippet has too few lines for the reader to tell its layout. */
  layout?: Layout,
): { disclosure: Disclosure; diagnostics: Diagnostic[]; cites: Map<string, number> } {
  const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
  const diagnostics: Diagnostic[] = [];
  const cites = new Map<string, number>();
  extractor.run({
    doc: readText(text, "txt", layout),
    disclosure,
    diagnose: (level, message, section, line) =>
      diagnostics.push({
        level,
        message,
        ...(section ? { section } : {}),
        ...(line ? { line } : {}),
      }),
    cite: (pointer, line) => cites.set(pointer, line),
  });
  return { disclosure, diagnostics, cites };
}
