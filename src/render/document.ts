/**
 * The whole disclosure as a format-neutral outline of blocks (cover,
 * contents, headings, paragraphs, tables). html.ts and docx.ts draw the same
 * outline, and the PDF is printed from the HTML, so the formats agree.
 * The outline follows the fullest real layout (cn-standards.md §1.5):
 * 部门概况 · 情况说明 · 绩效信息 · 名词解释 · 公开表格. A part or item the
 * disclosure lacks is left out, and the parts are numbered consecutively, as
 * real documents number them (no rule fixes a part's number: corpus 001 has
 * four parts, 026 nine, 034 two).
 */
import type { Disclosure } from "../model/disclosure.ts";
import {
  activitiesTable,
  assetsTable,
  functionalTable,
  procurementTable,
  projectTable,
  unitsTable,
} from "./document-tables.ts";
import {
  assetsText,
  expenditureText,
  incomeText,
  operatingCostsText,
  procurementText,
  threePublicText,
} from "./narrative.ts";
import { chineseNumber } from "./numbers.ts";
import type { TableModel } from "./tables/model.ts";
import { standardTables } from "./tables/standard.ts";

export interface TocEntry {
  level: 1 | 2;
  text: string;
  /** The anchor of the heading or table the entry points at. */
  target: string;
  /** The printed page, when the layout is known (the PDF's second pass). */
  page?: number;
}

export type Block =
  | { kind: "cover"; lines: string[]; subtitle: string }
  | { kind: "toc"; entries: TocEntry[] }
  | { kind: "heading"; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; table: TableModel; newPage?: boolean }
  | { kind: "pageBreak" };

export interface RenderedDocument {
  title: string;
  blocks: Block[];
}

export function documentTitle(d: Disclosure): string {
  const who = `${d.region?.name && !d.department?.name?.startsWith(d.region.name) ? d.region.name : ""}${d.department?.name ?? ""}`;
  return `${who}${d.year ? `${d.year}年` : ""}部门${d.kind === "final" ? "决算" : "预算"}`;
}

/**
 * The cover's name lines: the region on its own line above the department's
 * full name (a reader cannot always tell the region from the name:
 * "示范市高新区发展和改革局" names a city and a zone; "中共西安市委宣传部" does not start with it).
 */
function coverLines(d: Disclosure): string[] {
  const dept = d.department?.name ?? "";
  const region = d.region?.name ?? "";
  return region && dept && region !== dept ? [region, dept] : [dept || region].filter(Boolean);
}

/** One numbered item of a part: its heading text (without the number) and its blocks. */
interface Item {
  title: string;
  blocks: Block[];
}

const paragraphs = (...texts: (string | undefined)[]): Block[] =>
  texts
    // A text's own line breaks are its paragraphs (部门职责 lists its duties one per line).
    .flatMap((t) => (t ?? "").split(/\n+/))
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ kind: "paragraph" as const, text: t }));

const tableBlock = (table: TableModel): Block => ({ kind: "table", table });

/** Items numbered 一、二、…; an item without blocks is left out. */
function numbered(items: (Item | undefined)[]): Block[] {
  return items
    .filter((i): i is Item => !!i && i.blocks.length > 0)
    .flatMap((item, n) => [
      {
        kind: "heading" as const,
        level: 2 as const,
        text: `${chineseNumber(n + 1)}、${item.title}`,
      },
      ...item.blocks,
    ]);
}

function overview(d: Disclosure, kind: string): Block[] {
  return numbered([
    { title: "部门职责", blocks: paragraphs(d.duties) },
    {
      title: "机构设置",
      blocks: d.units?.length
        ? [
            ...paragraphs(`本部门${kind}由以下${d.units.length}个单位组成：`),
            tableBlock(unitsTable(d)),
          ]
        : [],
    },
  ]);
}

function explanation(d: Disclosure, kind: string): Block[] {
  return numbered([
    { title: `收支${kind}总体情况`, blocks: paragraphs(...incomeText(d), ...expenditureText(d)) },
    { title: "机关运行经费", blocks: paragraphs(...operatingCostsText(d)) },
    {
      title: `财政拨款“三公”经费${kind}情况及增减变化原因`,
      blocks: paragraphs(...threePublicText(d)),
    },
    {
      title: `政府采购${kind}情况`,
      blocks: [
        ...paragraphs(...procurementText(d)),
        ...(d.procurement?.items?.length ? [tableBlock(procurementTable(d))] : []),
      ],
    },
    {
      title: "国有资产信息",
      blocks: [
        ...paragraphs(...assetsText(d)),
        ...(d.assets?.items?.length ? [tableBlock(assetsTable(d))] : []),
      ],
    },
    { title: "其他需要说明的事项", blocks: paragraphs(d.otherNotes) },
  ]);
}

function departmentGoals(d: Disclosure): Block[] {
  const perf = d.performance;
  const out: Block[] = [];
  const h3 = (text: string) => out.push({ kind: "heading", level: 3, text });
  if (perf?.overallGoal) {
    h3("（一）总体绩效目标");
    out.push(...paragraphs(perf.overallGoal));
  }
  if (perf?.goals?.length) {
    h3(`（${perf.overallGoal ? "二" : "一"}）分项绩效目标`);
    perf.goals.forEach((g, i) => {
      out.push(...paragraphs(`${i + 1}．${g.title}`));
      if (g.goal) out.push(...paragraphs(`绩效目标：${g.goal}`));
      if (g.indicatorText) out.push(...paragraphs(`绩效指标：${g.indicatorText}`));
    });
  }
  return out;
}

function performance(d: Disclosure): Block[] {
  const perf = d.performance;
  return numbered([
    { title: "部门整体绩效目标", blocks: departmentGoals(d) },
    {
      title: "部门职责—工作活动绩效目标",
      blocks: perf?.activities?.length ? [tableBlock(activitiesTable(d))] : [],
    },
    {
      title: "项目绩效目标",
      blocks: (perf?.projects ?? []).map((p) => tableBlock(projectTable(p))),
    },
  ]);
}

function glossary(d: Disclosure): Block[] {
  return [
    ...paragraphs(...(d.glossary ?? []).map((g, i) => `${i + 1}．${g.term}：${g.definition}`)),
    ...(d.functionalClassification?.length ? [tableBlock(functionalTable(d))] : []),
  ];
}

/** The nine standard tables, each on a new page, numbered 1–9. */
function publicTables(d: Disclosure): Block[] {
  return standardTables(d).map((t, i) => ({
    kind: "table",
    table: { ...t, title: `${i + 1}．${t.title}` },
    newPage: true,
  }));
}

/** The parts in order, numbered 第一部分, 第二部分 … over the parts present. */
function parts(d: Disclosure): Block[] {
  const kind = d.kind === "final" ? "决算" : "预算";
  const all = [
    { title: "部门概况", blocks: overview(d, kind) },
    { title: `部门${kind}情况说明`, blocks: explanation(d, kind) },
    { title: `${kind}绩效信息`, blocks: performance(d) },
    { title: "名词解释", blocks: glossary(d) },
    { title: `部门${kind}公开表格`, blocks: publicTables(d) },
  ].filter((p) => p.blocks.length);
  return all.flatMap((p, n) => [
    {
      kind: "heading" as const,
      level: 1 as const,
      text: `第${chineseNumber(n + 1)}部分 ${p.title}`,
    },
    ...p.blocks,
  ]);
}

/** Anchors for the contents: parts and items (not the （一） sub-items), and the nine tables. */
function contents(body: Block[]): TocEntry[] {
  const entries: TocEntry[] = [];
  body.forEach((b, i) => {
    if (b.kind === "heading" && b.level <= 2 && !b.text.startsWith("（")) {
      b.id = `h${i}`;
      entries.push({ level: b.level as 1 | 2, text: b.text, target: b.id });
    } else if (b.kind === "table" && b.newPage) {
      entries.push({ level: 2, text: b.table.title, target: b.table.id });
    }
  });
  return entries;
}

export function buildDocument(d: Disclosure): RenderedDocument {
  const kind = d.kind === "final" ? "决算" : "预算";
  const body = parts(d);
  return {
    title: documentTitle(d),
    blocks: [
      {
        kind: "cover",
        lines: coverLines(d),
        subtitle: `${d.year ? `${d.year}年` : ""}部门${kind}公开`,
      },
      { kind: "pageBreak" },
      { kind: "heading", level: 1, text: "目录" },
      { kind: "toc", entries: contents(body) },
      { kind: "pageBreak" },
      ...body,
    ],
  };
}
