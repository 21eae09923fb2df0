import type { SourceDocument } from "../source-document.ts";
import type { ParsedProject } from "./projects-table.ts";

export function findProjectLists(_doc: SourceDocument): { line: number; parsed: ParsedProject }[] {
  return [];
}
