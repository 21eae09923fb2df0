/**
 * What every part extractor is given: the source document, the disclosure
 * being built, and ways to report what it could not read and where each
 * value came from.
 */
import type { Diagnostic, Disclosure } from "../../model/disclosure.ts";
import type { SourceDocument } from "../source-document.ts";

export interface ExtractContext {
  readonly doc: SourceDocument;
  /** The disclosure being built. Extractors set only their own parts. */
  readonly disclosure: Disclosure;
  /** Reports something found but not read, cut off, or inferred. */
  diagnose(level: Diagnostic["level"], message: string, section?: string, line?: number): void;
  /** Records the printed wording and source line of the value at a JSON Pointer. */
  cite(pointer: string, line: number, text?: string): void;
}

export interface PartExtractor {
  /** The part's name in messages, e.g. "三公经费". */
  readonly name: string;
  run(ctx: ExtractContext): void;
}
