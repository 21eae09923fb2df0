/**
 * What `check` accepts: a canonical JSON disclosure (recognised by content:
 * it starts with "{" and parses) or anything the importer reads. An import
 * also yields the document's running text, which the narrative rules read.
 */
import { validateDisclosure, type SchemaProblem } from "../model/disclosure.ts";
import { importDisclosure } from "../import/index.ts";
import type { CheckInput, NarrativeLine } from "./types.ts";
import type { SourceDocument } from "../import/source-document.ts";

export class InvalidDisclosure extends Error {
  constructor(readonly problems: SchemaProblem[]) {
    super(`JSON 不符合公开文件格式（${problems.length} 处问题）`);
  }
}

export function looksLikeJson(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (
      b === 0xef ||
      b === 0xbb ||
      b === 0xbf ||
      b === 0x20 ||
      b === 0x0a ||
      b === 0x0d ||
      b === 0x09
    )
      continue;
    return b === 0x7b; // "{"
  }
  return false;
}

export async function loadCheckInput(bytes: Uint8Array, fileName?: string): Promise<CheckInput> {
  if (looksLikeJson(bytes)) {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
    } catch {
      value = undefined;
    }
    if (value !== undefined) {
      const result = validateDisclosure(value);
      if (!result.ok) throw new InvalidDisclosure(result.problems);
      return { disclosure: result.disclosure };
    }
  }
  const { disclosure, document } = await importDisclosure(bytes, fileName ? { fileName } : {});
  return { disclosure, narrative: narrativeOf(document) };
}

/** The paragraphs of the document (tables left out), each with its first source line and its place in the file. */
export function narrativeOf(document: SourceDocument): NarrativeLine[] {
  return document.blocks.flatMap((b) => {
    if (b.kind !== "text") return [];
    const location = document.lines[b.line - 1]?.at;
    return [location ? { line: b.line, text: b.text, location } : { line: b.line, text: b.text }];
  });
}
