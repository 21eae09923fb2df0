/**
 * What a disclosure offers the search: the disclosure itself, its projects
 * (项目绩效目标), its classification lines (功能分类 and 经济分类, with the
 * 名词解释's descriptions) and the sections of its explanation as the portal
 * prints them (src/render/document.ts), each with the words it is found by
 * at three weights: A its name, B its context, C its running text.
 */
import type { Disclosure, Project } from "../model/disclosure.ts";
import { projectAnchor } from "../render/document-tables.ts";
import { buildDocument, documentTitle } from "../render/document.ts";
import type { SearchRow } from "../store/queries/search.ts";
import type { SearchKind } from "../store/schema.ts";
import { displaySegments, indexWords, tidyText } from "./segment.ts";
import { nameInitials, termLexemes } from "./terms.ts";

/** A findable thing as the store writes it (title and text cut into words, lexemes by weight). */
export type SearchEntry = SearchRow;

export interface EntryOwner {
  departmentName: string;
  /** The region and those above it, from the top. */
  regionNames: string[];
  year: number;
  kind: "budget" | "final";
}

/** A snippet is cut from the start of long text: ts_headline's cost grows with the text. */
const MAX_BODY_CHARS = 4000;

const words = (...texts: (string | null | undefined)[]) =>
  indexWords(texts.filter(Boolean).join(" ")).join(" ");

/** The words a name is found by: its own, its initials, its synonym groups. */
const nameLexemes = (name: string) =>
  [words(name), ...nameInitials(name), ...termLexemes(name)].join(" ");

const textLexemes = (text: string) => [words(text), ...termLexemes(text)].join(" ");

function entry(
  kind: SearchKind,
  fields: { title: string; context?: string | null; body?: string; anchor?: string | null },
  extra: { amount?: number; position?: number; a?: string; b?: string } = {},
): SearchEntry {
  const title = tidyText(fields.title);
  const body = tidyText(fields.body ?? "");
  return {
    kind,
    title,
    titleSeg: displaySegments(title),
    context: fields.context ?? null,
    bodySeg: body ? displaySegments(body.slice(0, MAX_BODY_CHARS)) : "",
    anchor: fields.anchor ?? null,
    amount: extra.amount ?? null,
    position: extra.position ?? 0,
    lexemes: {
      a: extra.a ?? nameLexemes(title),
      b: [extra.b ?? "", words(fields.context)].join(" "),
      c: body ? textLexemes(body) : "",
    },
  };
}

export function departmentEntry(name: string, regionNames: string[]): SearchEntry {
  return entry("department", { title: name, context: regionNames.join(" · ") });
}

/**
 * A disclosure's entries: itself (named after its owner as stored) and its
 * content. `content` may come computed already: the batch loader's workers
 * segment it, the costly part, off the thread that writes.
 */
export function disclosureEntries(
  d: Disclosure,
  owner: EntryOwner,
  content: SearchEntry[] = contentEntries(d),
): SearchEntry[] {
  return [disclosureEntry(d, owner), ...content].map((e, position) => ({ ...e, position }));
}

/** The entries that depend on the document alone: projects, classification lines, sections. */
export function contentEntries(d: Disclosure): SearchEntry[] {
  return [
    ...(d.performance?.projects ?? []).map(projectEntry),
    ...lineEntries(d),
    ...sectionEntries(d),
  ];
}

function disclosureEntry(d: Disclosure, owner: EntryOwner): SearchEntry {
  const title = documentTitle({
    ...d,
    department: { ...d.department, name: owner.departmentName },
    year: owner.year,
    kind: owner.kind,
  });
  const units = (d.units ?? []).map((u) => u.name).join("、");
  return entry(
    "disclosure",
    { title, context: owner.regionNames.join(" · "), body: units ? `所属单位：${units}` : "" },
    { a: `${nameLexemes(title)} ${nameLexemes(owner.departmentName)}`, b: String(owner.year) },
  );
}

function projectEntry(p: Project): SearchEntry {
  const body = [p.purpose, ...(p.goals ?? [])].filter(Boolean).join(" ");
  return entry(
    "project",
    { title: p.name, context: p.unit?.name ?? null, body, anchor: projectAnchor(p) },
    {
      ...(p.budget === undefined ? {} : { amount: p.budget }),
      a: `${nameLexemes(p.name)} ${p.code ? words(p.code) : ""}`,
    },
  );
}

interface Line {
  /** Absent on a 功能分类 line printed without its code. */
  code?: string;
  name: string;
  total?: number;
  description?: string;
}

/** A classification line, found by its code (and the code as typed, a prefix) and its name. */
function lineEntry(line: Line, context: string, anchor: string): SearchEntry {
  return entry(
    "line",
    {
      title: line.code ? `${line.code} ${line.name}` : line.name,
      context,
      body: line.description ?? "",
      anchor,
    },
    {
      ...(line.total === undefined ? {} : { amount: line.total }),
      a: line.code ? `${line.code} ${nameLexemes(line.name)}` : nameLexemes(line.name),
    },
  );
}

/** Each code once (several units' rows repeat it); a description joins its expenditure line. */
function lineEntries(d: Disclosure): SearchEntry[] {
  const described = new Map((d.functionalClassification ?? []).map((f) => [f.code, f]));
  const seen = new Set<string>();
  const once = <L extends { code?: string; name: string }>(lines: L[] | undefined) =>
    (lines ?? []).filter(
      (l) => !seen.has(`${l.code ?? ""} ${l.name}`) && seen.add(`${l.code ?? ""} ${l.name}`),
    );
  const fn = once(d.expenditureByFunction).map((l) =>
    lineEntry(
      {
        ...l,
        ...(l.code && described.get(l.code)?.description
          ? { description: described.get(l.code)!.description }
          : {}),
      },
      "支出功能分类科目",
      "t3-expenditure",
    ),
  );
  const listed = new Set((d.expenditureByFunction ?? []).map((l) => l.code));
  const glossary = once((d.functionalClassification ?? []).filter((f) => !listed.has(f.code))).map(
    (f) => lineEntry(f, "支出功能分类科目说明", "functional-classification"),
  );
  const eco = once(d.basicByEconomic).map((l) =>
    lineEntry(l, "部门预算支出经济分类科目", "t6-general-budget-basic"),
  );
  return [...fn, ...glossary, ...eco];
}

/**
 * The explanation's sections (一、部门职责, 三、“三公”经费 …) as the page prints
 * them: each numbered item's paragraphs, under its part (第一部分 部门概况 …).
 * Tables are found through their own rows (projects, lines), not here.
 */
function sectionEntries(d: Disclosure): SearchEntry[] {
  const out: SearchEntry[] = [];
  let part = "";
  let current: { title: string; part: string; paragraphs: string[] } | undefined;
  const flush = () => {
    if (current?.paragraphs.length) {
      out.push(
        entry("paragraph", {
          title: current.title.replace(/^[一二三四五六七八九十]+、/, ""),
          context: current.part,
          body: current.paragraphs.join(" "),
          anchor: "explanation",
        }),
      );
    }
    current = undefined;
  };
  for (const b of buildDocument(d).blocks) {
    if (b.kind === "heading" && b.level === 1) {
      flush();
      part = b.text.replace(/^第[一二三四五六七八九十]+部分\s*/, "");
    } else if (b.kind === "heading" && b.level === 2 && part) {
      flush();
      current = { title: b.text, part, paragraphs: [] };
    } else if (b.kind === "paragraph" && current) current.paragraphs.push(b.text);
  }
  flush();
  return out;
}
