/**
 * Import: file bytes → SourceDocument (a reader chosen by content) → the
 * canonical Disclosure, filled part by part. One extractor's failure becomes
 * a diagnostic; it never loses the parts the others read. A file that is no
 * disclosure is refused first; one that holds only a disclosure's tables, its
 * explanation or its performance targets says so (document-kind.ts).
 */
import { createHash } from "node:crypto";
import { FORMAT_ID, type Diagnostic, type Disclosure } from "../model/disclosure.ts";
import { withPlaces } from "../model/location.ts";
import type { ExtractContext } from "./sections/context.ts";
import { extractors } from "./sections/registry.ts";
import { readSource } from "./read.ts";
import { documentKind, KIND_SECTION, PARTIAL_NOTES } from "./document-kind.ts";
import { forgetMemos } from "./memo.ts";
import { checkPlausibility } from "./plausibility.ts";
import { locationOf, type SourceDocument } from "./source-document.ts";

export interface ImportResult {
  disclosure: Disclosure;
  document: SourceDocument;
}

export interface ImportOptions {
  /** The file's name, kept in `source.file` (never used to pick the reader). */
  fileName?: string;
}

export async function importDisclosure(
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  forgetMemos();
  const document = await readSource(bytes);
  const disclosure = extractDisclosure(document);
  disclosure.source = {
    ...(options.fileName ? { file: options.fileName } : {}),
    sha256: createHash("sha256").update(bytes).digest("hex"),
    format: document.format,
  };
  return { disclosure, document };
}

/** Runs every part extractor over a document that is already read. */
export function extractDisclosure(document: SourceDocument): Disclosure {
  const kind = documentKind(document);
  const diagnostics: Diagnostic[] =
    kind === "full" ? [] : [{ level: "info", message: PARTIAL_NOTES[kind], section: KIND_SECTION }];
  const sourceMap: NonNullable<Disclosure["sourceMap"]> = {};
  const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
  const ctx: ExtractContext = {
    doc: document,
    disclosure,
    diagnose(level, message, section, line) {
      const location = line ? locationOf(document, line) : undefined;
      diagnostics.push({
        level,
        message: withPlaces(message, (n) => locationOf(document, n)),
        ...(section ? { section } : {}),
        ...(line ? { line } : {}),
        ...(location ? { location } : {}),
      });
    },
    cite(pointer, line, text) {
      const location = locationOf(document, line, text);
      sourceMap[pointer] = {
        line,
        ...(text === undefined ? {} : { text }),
        ...(location ? { location } : {}),
      };
    },
  };
  for (const extractor of extractors) {
    try {
      extractor.run(ctx);
    } catch (error) {
      ctx.diagnose(
        "error",
        `读取「${extractor.name}」时出错，该部分未导入：${(error as Error).message}`,
        extractor.name,
      );
    }
  }
  checkPlausibility(disclosure, ctx.diagnose, sourceMap);
  if (Object.keys(sourceMap).length) disclosure.sourceMap = sourceMap;
  if (diagnostics.length) disclosure.diagnostics = diagnostics;
  return disclosure;
}
