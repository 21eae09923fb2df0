/**
 * One disclosure published as several files (情况说明 + 预算报表, or one file per
 * table), each imported on its own, merged into one Disclosure. Where two files
 * state the same fact they must agree: amounts agree when they are equal at the
 * coarser of the two precisions (9,151.31 in the text, 9,151.309668 in a table),
 * and the more precise is kept. Where they disagree the fact is left absent and a
 * diagnostic names the field, each file and its value: a wrong number is worse
 * than a missing one. Each file's own diagnostics are kept, prefixed by its name;
 * a kept value keeps the citation (source line) of the file it was kept from.
 */
import type { Diagnostic, Disclosure } from "../model/disclosure.ts";
import { lineName } from "../model/location.ts";
import { KIND_SECTION } from "./document-kind.ts";

export interface DisclosurePart {
  disclosure: Disclosure;
  /** The file's name, used in diagnostics (defaults to "文件1", "文件2" …). */
  file?: string;
}

/** The diagnostics section of what the merge itself says (the files merged, where they disagree). */
export const MERGE_SECTION = "合并（merge）";
/** Fields that are the document's identity: a disagreement there means the files are not one disclosure. */
const IDENTITY = new Set(["/kind", "/year", "/department/name"]);
/** Fields merged by their own rules, not value by value. */
const SKIP = new Set(["format", "amountUnit", "source", "sourceMap", "diagnostics"]);
/** A string this long is prose (职责, 说明): the longest reading is kept, never a disagreement. */
const PROSE_LENGTH = 40;

type Json = unknown;
/** What a merge collects besides the values: its diagnostics, and the file each kept value came from. */
interface MergeState {
  diagnostics: Diagnostic[];
  origins: Map<string, string>;
  /** Each file's citations, to name where each file printed a value the files disagree on. */
  sourceMaps: Map<string, NonNullable<Disclosure["sourceMap"]>>;
}
interface Named {
  file: string;
  value: Json;
}

/** Merges the parts in the order given; the first part's arrays win where two parts hold different ones. */
export function mergeDisclosures(parts: readonly DisclosurePart[]): Disclosure {
  if (!parts.length) throw new Error("没有可合并的文件（nothing to merge）");
  const named = parts.map((p, i) => ({
    ...p,
    file: p.file ?? p.disclosure.source?.file ?? `文件${i + 1}`,
  }));
  const state: MergeState = {
    diagnostics: [],
    origins: new Map(),
    sourceMaps: new Map(named.map((p) => [p.file, p.disclosure.sourceMap ?? {}])),
  };
  const merged = mergeObject(
    "",
    named.map((p) => ({ file: p.file, value: p.disclosure })),
    state,
  ) as Disclosure;
  // A code without its name (the files named different departments) identifies nothing.
  if (!merged.department?.name) delete merged.department;
  if (!merged.region?.name) delete merged.region;
  merged.format = parts[0]!.disclosure.format;
  merged.amountUnit = "万元";
  const sourceMap = mergeSourceMaps(named, merged, state.origins);
  if (Object.keys(sourceMap).length) merged.sourceMap = sourceMap;
  merged.source = mergedSource(named);
  const own = named.flatMap((p) =>
    (p.disclosure.diagnostics ?? [])
      // A part's "this file holds only the tables" note no longer holds for the whole.
      .filter((d) => parts.length === 1 || d.section !== KIND_SECTION)
      .map((d) => ({ ...d, message: `〔${p.file}〕${d.message}` })),
  );
  const all = [...state.diagnostics, ...own];
  if (parts.length > 1)
    all.unshift({
      level: "info",
      message: `由 ${parts.length} 个文件合并：${named.map((p) => p.file).join("、")}（merged from ${parts.length} files）`,
      section: MERGE_SECTION,
    });
  if (all.length) merged.diagnostics = all;
  return merged;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function mergeObject(path: string, values: Named[], out: MergeState): Record<string, Json> {
  const result: Record<string, Json> = {};
  const keys = new Set(values.flatMap((v) => (isObject(v.value) ? Object.keys(v.value) : [])));
  for (const key of keys) {
    if (path === "" && SKIP.has(key)) continue;
    const present = values
      .map((v) => ({ file: v.file, value: (v.value as Record<string, Json>)[key] }))
      .filter((v) => v.value !== undefined);
    const value = mergeValue(`${path}/${key}`, present, out);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function mergeValue(path: string, values: Named[], out: MergeState): Json {
  if (values.length === 1) {
    out.origins.set(path, values[0]!.file);
    return values[0]!.value;
  }
  if (values.every((v) => isObject(v.value))) return mergeObject(path, values, out);
  if (values.every((v) => Array.isArray(v.value))) return mergeArray(path, values, out);
  if (values.every((v) => typeof v.value === "number"))
    return agreeing(path, values, out, sameAmount, morePrecise);
  if (values.every((v) => typeof v.value === "string")) {
    const texts = values.map((v) => v.value as string);
    if (texts.some((t) => t.length >= PROSE_LENGTH))
      return texts.reduce((a, b) => (b.length > a.length ? b : a));
    return agreeing<string>(
      path,
      values,
      out,
      (a, b) => squashed(a) === squashed(b),
      (a) => a,
    );
  }
  return agreeing(
    path,
    values,
    out,
    (a, b) => JSON.stringify(a) === JSON.stringify(b),
    (a) => a,
  );
}

/** Arrays (功能分类 lines, projects, units) are read whole from one file: the first that holds one. */
function mergeArray(path: string, values: Named[], out: MergeState): Json {
  const nonEmpty = values.filter((v) => (v.value as Json[]).length);
  if (!nonEmpty.length) return values[0]!.value;
  const first = nonEmpty[0]!;
  out.origins.set(path, first.file);
  const differing = nonEmpty.filter((v) => JSON.stringify(v.value) !== JSON.stringify(first.value));
  if (differing.length)
    out.diagnostics.push({
      level: "warning",
      message: `${path}：各文件所列不同（${nonEmpty.map((v) => `${v.file}${citedIn(out, v.file, path)} ${(v.value as Json[]).length} 项`).join("，")}），采用 ${first.file} 所列（parts list different items; the first is kept）`,
      section: MERGE_SECTION,
    });
  return first.value;
}

/** The value when every file agrees (the best reading of it), else nothing and a diagnostic. */
function agreeing<T>(
  path: string,
  values: Named[],
  out: MergeState,
  same: (a: T, b: T) => boolean,
  best: (a: T, b: T) => T,
): T | undefined {
  const first = values[0]!.value as T;
  if (values.every((v) => same(first, v.value as T))) {
    const kept = values.reduce((a, b) => (best(a.value as T, b.value as T) === b.value ? b : a));
    out.origins.set(path, kept.file);
    return kept.value as T;
  }
  const identity = IDENTITY.has(path);
  out.diagnostics.push({
    level: identity ? "error" : "warning",
    message: `${path}：各文件不一致（${values.map((v) => `${v.file}${citedIn(out, v.file, path)} 为 ${JSON.stringify(v.value)}`).join("，")}），${identity ? "这些文件可能不属于同一份公开文件，" : ""}该项未设置（parts disagree; left unset）`,
    section: MERGE_SECTION,
  });
  return undefined;
}

/**
 * Where a file printed the value at a pointer (an array: its first cited item),
 * as " 第 3 页第 12 行", when it cited it.
 */
function citedIn(out: MergeState, file: string, pointer: string): string {
  const map = out.sourceMaps.get(file) ?? {};
  const ref = map[pointer] ?? Object.entries(map).find(([p]) => p.startsWith(`${pointer}/`))?.[1];
  return ref ? ` ${lineName(ref.line, ref.location)}` : "";
}

const squashed = (s: string) => s.replace(/\s+/g, "");

function decimals(n: number): number {
  const s = String(n);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Equal at the coarser of the two precisions: 9151.31 and 9151.309668 agree, 9151.3 and 9151.31 do not. */
export function sameAmount(a: number, b: number): boolean {
  const d = Math.min(decimals(a), decimals(b));
  return a.toFixed(d) === b.toFixed(d);
}

const morePrecise = (a: number, b: number): number => (decimals(b) > decimals(a) ? b : a);

/**
 * Each kept value's citation, from the file the value was kept from (a line number means
 * nothing in another file); values the merge left unset lose theirs.
 */
function mergeSourceMaps(
  parts: readonly (DisclosurePart & { file: string })[],
  merged: Disclosure,
  origins: ReadonlyMap<string, string>,
): NonNullable<Disclosure["sourceMap"]> {
  const map: NonNullable<Disclosure["sourceMap"]> = {};
  for (const part of parts) {
    for (const [pointer, ref] of Object.entries(part.disclosure.sourceMap ?? {})) {
      if (map[pointer] || valueAt(merged, pointer) === undefined) continue;
      if (originOf(origins, pointer) !== part.file) continue;
      // The whole citation: line, wording and the place in its own file (page and line …).
      map[pointer] = { ...ref };
    }
  }
  return map;
}

/** The file a pointer's value came from: its own, or the nearest enclosing value's (an array read whole). */
function originOf(origins: ReadonlyMap<string, string>, pointer: string): string | undefined {
  for (let p = pointer; p; p = p.slice(0, p.lastIndexOf("/"))) {
    const file = origins.get(p);
    if (file) return file;
  }
  return undefined;
}

function valueAt(root: Json, pointer: string): Json {
  let node: Json = root;
  for (const key of pointer.split("/").slice(1)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, Json>)[key.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

function mergedSource(parts: readonly (DisclosurePart & { file: string })[]): Disclosure["source"] {
  const formats = new Set(parts.map((p) => p.disclosure.source?.format).filter(Boolean));
  return {
    file: parts.map((p) => p.file).join(" + "),
    ...(formats.size === 1 ? { format: [...formats][0]! } : {}),
  };
}
