/**
 * .docx → SourceDocument. word/document.xml is walked in order and written
 * out as Word's own "save as text" layout (the "cells" layout of
 * readers/text.ts): each paragraph a line; each table row one tab-prefixed
 * line per cell, a cell's further paragraphs on untabbed lines, and a blank
 * line after the row. A horizontally merged cell (gridSpan) is written once
 * and keeps its span; the lower parts of a vertically merged cell (vMerge)
 * are empty, so the table reads as printed. Automatic numbering ("一、")
 * is printed before the paragraph, as Word's export does.
 */
import { ImportError } from "../errors.ts";
import type { SourceLocation } from "../../model/disclosure.ts";
import type { Block, Cell, SourceDocument, TableBlock } from "../source-document.ts";
import type { OfficeZip } from "./office-zip.ts";
import { readText } from "./text.ts";
import { attr, type XmlToken, xmlTokens } from "./xml-tokens.ts";
import { Numbering, type NumberRef } from "./docx-numbering.ts";

interface DocCell {
  paras: string[];
  span: number;
  /** The lower part of a vertical merge: printed as part of the cell above. */
  continued: boolean;
}

type DocItem = { kind: "para"; text: string } | { kind: "table"; rows: DocCell[][] };

interface TableState {
  rows: DocCell[][];
  row?: DocCell[];
  cell?: DocCell;
}

/** Elements whose content is not printed text (deleted text, field codes, duplicate fallbacks). */
const SKIP = new Set([
  "w:delText",
  "w:instrText",
  "mc:Fallback",
  "w:rPr",
  "w:pPrChange",
  "w:sectPr",
  "w:footnoteReference",
]);

type OpenToken = Extract<XmlToken, { kind: "open" }>;

/** Paragraphs and tables of word/document.xml, in reading order. */
export function docxItems(xml: string, numbering = new Numbering()): DocItem[] {
  const walk = new DocumentWalk(numbering);
  for (const t of xmlTokens(xml)) walk.take(t);
  return walk.items;
}

/**
 * One pass over word/document.xml's tokens: the paragraph being read (a text
 * box's paragraphs join the one they sit in), its style and numbering, and
 * the tables open around it.
 */
class DocumentWalk {
  readonly items: DocItem[] = [];
  private readonly tables = new OpenTables();
  private para: string | undefined;
  private paraDepth = 0;
  private inText = false;
  /** Depth inside elements whose content is skipped (SKIP). */
  private skip = 0;
  private style: string | undefined;
  private own: Partial<NumberRef> = {};

  constructor(private readonly numbering: Numbering) {}

  take(t: XmlToken): void {
    if (this.skip) {
      // A cell's merge and span live in w:tcPr, which is not skipped.
      if (t.kind === "open" && !t.selfClosing && SKIP.has(t.name)) this.skip++;
      else if (t.kind === "close" && SKIP.has(t.name)) this.skip--;
    } else if (t.kind === "text") {
      if (this.inText && this.para !== undefined) this.para += t.text;
    } else if (t.kind === "close") this.close(t.name);
    else if (SKIP.has(t.name)) {
      if (!t.selfClosing) this.skip = 1;
    } else this.open(t);
  }

  private open(t: OpenToken): void {
    switch (t.name) {
      case "w:p":
        this.openParagraph(t.selfClosing);
        break;
      case "w:t":
        this.inText = !t.selfClosing;
        break;
      case "w:pStyle":
      case "w:numId":
      case "w:ilvl":
        this.paragraphProperty(t);
        break;
      case "w:tab":
      case "w:ptab":
        this.append(" ");
        break;
      case "w:br":
        if (attr(t.attrs, "w:type") !== "page") this.append("\n");
        break;
      case "w:cr":
        this.append("\n");
        break;
      case "w:noBreakHyphen":
        this.append("-");
        break;
      default:
        this.tables.open(t);
    }
  }

  private close(name: string): void {
    switch (name) {
      case "w:t":
        this.inText = false;
        break;
      case "w:p":
        if (this.paraDepth > 0 && --this.paraDepth === 0) {
          this.endParagraph(this.para ?? "");
          this.para = undefined;
        }
        break;
      default: {
        const rows = this.tables.close(name);
        if (rows) this.items.push({ kind: "table", rows });
      }
    }
  }

  private openParagraph(selfClosing: boolean): void {
    if (this.paraDepth === 0) {
      this.style = undefined;
      this.own = {};
    }
    if (selfClosing) this.endParagraph("");
    else if (this.paraDepth++ === 0) this.para = "";
    else this.para = (this.para ?? "") + " "; // a text box's paragraph inside this one
  }

  /** The paragraph's style and numbering (a text box's paragraphs have their own: ignored). */
  private paragraphProperty(t: OpenToken): void {
    if (this.paraDepth !== 1) return;
    const value = attr(t.attrs, "w:val");
    if (t.name === "w:pStyle") this.style = value;
    else if (t.name === "w:numId") this.own.numId = value;
    else this.own.ilvl = Number(value ?? 0);
  }

  private append(text: string): void {
    if (this.para !== undefined) this.para += text;
  }

  private endParagraph(body: string): void {
    const ref = this.numbering.resolve(this.own, this.style);
    const label = ref ? this.numbering.next(ref) : "";
    const text = label && body.trim() ? label + body.replace(/^\s+/, "") : body;
    const table = this.tables.top;
    if (table?.cell) table.cell.paras.push(text);
    else if (!table) this.items.push({ kind: "para", text });
  }
}

/** The tables open at a point of the walk, innermost last, with their row and cell being read. */
class OpenTables {
  private readonly stack: TableState[] = [];

  get top(): TableState | undefined {
    return this.stack[this.stack.length - 1];
  }

  open(t: OpenToken): void {
    const table = this.top;
    switch (t.name) {
      case "w:tbl":
        if (!t.selfClosing) this.stack.push({ rows: [] });
        break;
      case "w:tr":
        if (table && !t.selfClosing) table.row = [];
        break;
      case "w:tc":
        if (table && !t.selfClosing) table.cell = { paras: [], span: 1, continued: false };
        break;
      case "w:gridSpan": {
        const n = Number(attr(t.attrs, "w:val"));
        if (table?.cell && Number.isInteger(n) && n > 1) table.cell.span = Math.min(n, 64);
        break;
      }
      case "w:vMerge":
        if (table?.cell)
          table.cell.continued = (attr(t.attrs, "w:val") ?? "continue") === "continue";
        break;
    }
  }

  /** Ends a cell, row or table; an outermost table's rows are returned when it ends. */
  close(name: string): DocCell[][] | undefined {
    const table = this.top;
    switch (name) {
      case "w:tc":
        if (table?.cell) table.row?.push(table.cell);
        if (table) table.cell = undefined;
        break;
      case "w:tr":
        if (table?.row) table.rows.push(table.row);
        if (table) table.row = undefined;
        break;
      case "w:tbl":
        return this.closeTable();
    }
    return undefined;
  }

  private closeTable(): DocCell[][] | undefined {
    const table = this.stack.pop();
    if (!table) return undefined;
    const outer = this.top;
    if (!outer) return table.rows;
    // A table nested in a cell: its text joins the cell, row by row.
    if (outer.cell)
      for (const row of table.rows)
        outer.cell.paras.push(
          row
            .map((c) => c.paras.join(" ").trim())
            .filter(Boolean)
            .join("  "),
        );
    return undefined;
  }
}

/**
 * Word's text export of the items, and the blocks it stands for. The blocks
 * are built here rather than re-parsed from the text because an empty cell's
 * line ("\t") cannot be told from a row's end once trimmed; here the rows are
 * known exactly. `at` holds, line by line, the paragraph or table cell the
 * line was written from (paragraphs and tables counted from 1 as a reader
 * sees them: empty paragraphs are not counted; a cell's column is its grid
 * column, so a merged cell is counted by where it starts).
 */
export function docxText(items: DocItem[]): {
  text: string;
  blocks: Block[];
  at: (SourceLocation | undefined)[];
} {
  const out: string[] = [];
  const at: (SourceLocation | undefined)[] = [];
  const blocks: Block[] = [];
  const clean = (s: string) => s.replace(/\t/g, " ").trimEnd();
  const push = (where: SourceLocation | undefined, ...lines: string[]) => {
    for (const line of lines) at[out.push(line) - 1] = where;
  };
  let paragraphs = 0;
  let tables = 0;
  for (const item of items) {
    if (item.kind === "para") {
      const where = item.text.trim() ? { paragraph: ++paragraphs } : undefined;
      for (const line of item.text.split("\n")) {
        push(line.trim() ? where : undefined, clean(line));
        if (line.trim()) blocks.push({ kind: "text", text: line.trim(), line: out.length });
      }
      continue;
    }
    const table: TableBlock = { kind: "table", rows: [], line: out.length + 1 };
    const number = ++tables;
    for (const [r, row] of item.rows.entries()) {
      if (row.length === 0) continue;
      const cells: Cell[] = [];
      let column = 1;
      for (const cell of row) {
        const where = { table: number, row: r + 1, column };
        column += cell.span;
        const lines = cell.continued
          ? []
          : cell.paras
              .flatMap((p) => p.split("\n"))
              .map(clean)
              .map((s) => s.trim());
        while (lines.length && !lines[0]) lines.shift();
        push(where, "\t" + (lines[0] ?? ""));
        const first = out.length;
        const rest = lines.slice(1).filter(Boolean);
        push(where, ...rest);
        cells.push({
          text: [lines[0] ?? "", ...rest].join("\n"),
          line: first,
          ...(cell.span > 1 ? { span: cell.span } : {}),
        });
      }
      table.rows.push({ cells, line: cells[0]!.line });
      push(undefined, "");
    }
    if (table.rows.length) {
      table.line = table.rows[0]!.line;
      blocks.push(table);
    }
  }
  return { text: out.join("\n") + "\n", blocks, at };
}

export function readDocx(zip: OfficeZip): SourceDocument {
  const main = mainDocumentPart(zip);
  const part = (name: string) => (zip.has(name) ? zip.readXml(name) : undefined);
  const numbering = new Numbering(part("word/numbering.xml"), part("word/styles.xml"));
  const { text, blocks, at } = docxText(docxItems(zip.readXml(main), numbering));
  const doc = readText(text, "docx", "cells");
  // Text with a stray line break (\r, \f) would shift the lines: then no places rather than wrong ones.
  if (doc.lines.length === at.length + 1)
    for (const [i, where] of at.entries()) if (where) doc.lines[i]!.at = where;
  return { ...doc, blocks };
}

/** The main document part, named by the package's content types (usually word/document.xml). */
function mainDocumentPart(zip: OfficeZip): string {
  if (zip.has("[Content_Types].xml")) {
    const types = zip.readXml("[Content_Types].xml");
    const m =
      /PartName="\/([^"]+)"\s+ContentType="application\/vnd\.ms-word\.document\.macroEnabled\.main\+xml"|PartName="\/([^"]+)"\s+ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.(?:document|template)\.main\+xml"/.exec(
        types,
      );
    const name = m?.[1] ?? m?.[2];
    if (name && zip.has(name)) return name;
  }
  if (zip.has("word/document.xml")) return "word/document.xml";
  throw new ImportError(
    "这个 .docx 文件中找不到正文部分（word/document.xml）（no main document part）",
    "damaged",
  );
}
