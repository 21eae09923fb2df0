/** Runs one part extractor over text, collecting what it sets, diagnoses and cites. */
import { readText } from "../../src/import/readers/text.ts";
import type { PartExtractor } from "../../src/import/sections/context.ts";
import { FORMAT_ID, type Diagnostic, type Disclosure } from "../../src/model/disclosure.ts";

export function runExtractor(
  extractor: PartExtractor,
  text: string,
): { disclosure: Disclosure; diagnostics: Diagnostic[]; cites: Map<string, number> } {
  const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
  const diagnostics: Diagnostic[] = [];
  const cites = new Map<string, number>();
  extractor.run({
    doc: readText(text),
    disclosure,
    diagnose: (level, message, section, line) => diagnostics.push({ level, message, ...(section ? { section } : {}), ...(line ? { line } : {}) }),
    cite: (pointer, line) => cites.set(pointer, line),
  });
  return { disclosure, diagnostics, cites };
}
