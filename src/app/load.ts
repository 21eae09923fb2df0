/**
 * The one way from bytes to what the rest of gongkai works on: a canonical
 * JSON disclosure (recognised by content: it starts with "{") is parsed and
 * validated as it is; anything else goes through the importer, which also
 * yields the document as read and its running text for the narrative rules.
 * Heavy modules (the importer and its readers) are loaded only when needed.
 */
import type { NarrativeLine } from "../check/types.ts";
import type { SourceDocument } from "../import/source-document.ts";
import type { Diagnostic, Disclosure } from "../model/disclosure.ts";
import type { DocumentOutline } from "../model/outline.ts";
import { InvalidDisclosure, UserError } from "./errors.ts";
import { readInput, type Input } from "./input.ts";

export interface Loaded {
  disclosure: Disclosure;
  /** The document's paragraphs with their source lines (imported files only). */
  narrative?: NarrativeLine[];
  /** The document as the reader saw it: lines, tables, cells (imported files only). */
  document?: SourceDocument;
  /** The tables its 目录 lists and the titles its body prints (imported files only). */
  outline?: DocumentOutline;
  /** Where the disclosure came from: a canonical JSON given as it is, or an imported document. */
  origin: "json" | "document";
}

export interface LoadOptions {
  /** The file's name, kept in `source.file` of an imported disclosure. */
  fileName?: string;
  /** False: always import, even bytes that look like JSON (extract --text). Default true. */
  acceptJson?: boolean;
}

/** True when the first non-blank byte (after a BOM) is "{". */
export function looksLikeJson(bytes: Uint8Array): boolean {
  for (const b of bytes) {
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
    return b === 0x7b;
  }
  return false;
}

/**
 * A canonical JSON disclosure, validated. Throws UserError `invalid-json`,
 * `not-canonical` (no `"format": "gongkai.disclosure/1"`) or InvalidDisclosure.
 */
export async function parseDisclosureJson(bytes: Uint8Array): Promise<Disclosure> {
  const { FORMAT_ID, validateDisclosure } = await import("../model/disclosure.ts");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UserError(`JSON 格式错误：${(e as Error).message}（invalid JSON）`, "invalid-json");
  }
  if ((json as { format?: unknown } | null)?.format !== FORMAT_ID) {
    throw new UserError(
      `不是 gongkai 公开数据 JSON（缺少 "format": "${FORMAT_ID}"）（not a canonical disclosure）`,
      "not-canonical",
    );
  }
  const checked = validateDisclosure(json);
  if (!checked.ok) throw new InvalidDisclosure(checked.problems);
  return checked.disclosure;
}

/** The paragraphs of a document (tables left out), each with its first source line and its place in the file. */
export function narrativeOf(document: SourceDocument): NarrativeLine[] {
  return document.blocks.flatMap((b) => {
    if (b.kind !== "text") return [];
    const location = document.lines[b.line - 1]?.at;
    return [location ? { line: b.line, text: b.text, location } : { line: b.line, text: b.text }];
  });
}

/** Bytes → disclosure (+ document and narrative when imported). Import failures are ImportError. */
export async function loadDisclosure(
  bytes: Uint8Array,
  options: LoadOptions = {},
): Promise<Loaded> {
  if (options.acceptJson !== false && looksLikeJson(bytes)) {
    return { disclosure: await parseDisclosureJson(bytes), origin: "json" };
  }
  const { importDisclosure } = await import("../import/index.ts");
  const { outlineOf } = await import("../import/outline.ts");
  const { disclosure, document } = await importDisclosure(
    bytes,
    options.fileName ? { fileName: options.fileName } : {},
  );
  return {
    disclosure,
    document,
    narrative: narrativeOf(document),
    outline: outlineOf(document),
    origin: "document",
  };
}

/**
 * A path (or "-") read within the input limits and loaded: what one file of a
 * batch needs. Errors are thrown as they are (UserError, ImportError); pass
 * them to describeError(error, path) for code, message and exit status.
 */
export async function loadFile(
  path: string,
  options: Omit<LoadOptions, "fileName"> = {},
): Promise<Loaded & { input: Input }> {
  const input = await readInput(path);
  const loaded = await loadDisclosure(input.bytes, { ...options, fileName: input.fileName });
  return { ...loaded, input };
}

/** One file of a disclosure published as several, loaded on its own, and the name it goes by. */
export interface LoadedPart {
  loaded: Loaded;
  file: string;
}

/**
 * One disclosure published as several files (情况说明 + 预算报表, or one file
 * per table), each loaded on its own, read as one (import/merge.ts): facts
 * the files share must agree, and where they do not the merged disclosure
 * leaves the fact unset and a diagnostic names each file's value and place.
 * The narrative is every file's, in the order given (a line number then
 * names a line of its own file; a PDF's page and line say which).
 */
export async function mergeLoaded(
  parts: readonly LoadedPart[],
): Promise<Loaded & { mergeNotes: Diagnostic[] }> {
  const { mergeDisclosures, MERGE_SECTION } = await import("../import/merge.ts");
  const disclosure = mergeDisclosures(
    parts.map((p) => ({ disclosure: p.loaded.disclosure, file: p.file })),
  );
  const narrative = parts.flatMap((p) => p.loaded.narrative ?? []);
  // One file's 目录 may list the tables another file prints.
  const outlines = parts.flatMap((p) => (p.loaded.outline ? [p.loaded.outline] : []));
  const outline = outlines.length
    ? {
        contents: outlines.flatMap((o) => o.contents),
        headings: outlines.flatMap((o) => o.headings),
        tables: outlines.flatMap((o) => o.tables ?? []),
      }
    : undefined;
  const origin = parts.some((p) => p.loaded.origin === "document") ? "document" : "json";
  // What the merge itself says (which files, where they disagree), apart from each file's own notes.
  const mergeNotes = (disclosure.diagnostics ?? []).filter((d) => d.section === MERGE_SECTION);
  return {
    disclosure,
    ...(narrative.length ? { narrative } : {}),
    ...(outline ? { outline } : {}),
    origin,
    mergeNotes,
  };
}
