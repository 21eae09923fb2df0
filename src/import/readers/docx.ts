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
import { attr, xmlTokens } from "./xml-tokens.ts";
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

export function docxItems(xml: string, numbering = new Numbering()): DocItem[] {
  const items: DocItem[] = [];
  const tables: TableState[] = [];
  let para: string | undefined;
  let paraDepth = 0;
  let inText = false;
  let skip = 0;
  let style: string | undefined;
  let own: Partial<NumberRef> = {};

  const endParagraph = (body: string) => {
    const ref = numbering.resolve(own, style);
    const label = ref ? numbering.next(ref) : "";
    const text = label && body.trim() ? label + body.replace(/^\s+/, "") : body;
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.paras.push(text);
    else if (!table) items.push({ kind: "para", text });
  };

  for (const t of xmlTokens(xml)) {
    if (skip) {
      if (t.kind === "open" && !t.selfClosing && SKIP.has(t.name)) skip++;
      else if (t.kind === "close" && SKIP.has(t.name)) skip--;
      // A cell's merge and span live in w:tcPr, which is not skipped.
      continue;
    }
    if (t.kind === "text") {
      if (inText && para !== undefined) para += t.text;
      continue;
    }
    if (t.kind === "open") {
      if (SKIP.has(t.name)) {
        if (!t.selfClosing) skip = 1;
        continue;
      }
      switch (t.name) {
        case "w:p":
          if (paraDepth === 0) {
            style = undefined;
            own = {};
          }
          if (t.selfClosing) endParagraph("");
          else if (paraDepth++ === 0) para = "";
          else para = (para ?? "") + " "; // a text box's paragraph inside this one
          break;
        case "w:t":
          inText = !t.selfClosing;
          break;
        case "w:pStyle":
          if (paraDepth === 1) style = attr(t.attrs, "w:val");
          break;
        case "w:numId":
          if (paraDepth === 1) own.numId = attr(t.attrs, "w:val");
          break;
        case "w:ilvl":
          if (paraDepth === 1) own.ilvl = Number(attr(t.attrs, "w:val") ?? 0);
          break;
        case "w:tab":
        case "w:ptab":
          if (para !== undefined) para += " ";
          break;
        case "w:br":
          if (para !== undefined && attr(t.attrs, "w:type") !== "page") para += "\n";
          break;
        case "w:cr":
          if (para !== undefined) para += "\n";
          break;
        case "w:noBreakHyphen":
          if (para !== undefined) para += "-";
          break;
        case "w:tbl":
          if (!t.selfClosing) tables.push({ rows: [] });
          break;
        case "w:tr": {
          const table = tables[tables.length - 1];
          if (table && !t.selfClosing) table.row = [];
          break;
        }
        case "w:tc": {
          const table = tables[tables.length - 1];
          if (table && !t.selfClosing) table.cell = { paras: [], span: 1, continued: false };
          break;
        }
        case "w:gridSpan": {
          const cell = tables[tables.length - 1]?.cell;
          const n = Number(attr(t.attrs, "w:val"));
          if (cell && Number.isInteger(n) && n > 1) cell.span = Math.min(n, 64);
          break;
        }
        case "w:vMerge": {
          const cell = tables[tables.length - 1]?.cell;
          if (cell) cell.continued = (attr(t.attrs, "w:val") ?? "continue") === "continue";
          break;
        }
      }
      continue;
    }
    // close
    switch (t.name) {
      case "w:t":
        inText = false;
        break;
      case "w:p":
        if (paraDepth > 0 && --paraDepth === 0) {
          endParagraph(para ?? "");
          para = undefined;
        }
        break;
      case "w:tc": {
        const table = tables[tables.length - 1];
        if (table?.cell) table.row?.push(table.cell);
        if (table) table.cell = undefined;
        break;
      }
      case "w:tr": {
        const table = tables[tables.length - 1];
        if (table?.row) table.rows.push(table.row);
        if (table) table.row = undefined;
        break;
      }
      case "w:tbl": {
        const table = tables.pop();
        if (!table) break;
        const outer = tables[tables.length - 1];
        if (outer?.cell) {
          // A table nested in a cell: its text joins the cell, row by row.
          for (const row of table.rows)
            outer.cell.paras.push(
              row
                .map((c) => c.paras.join(" ").trim())
                .filter(Boolean)
                .join("  "),
            );
        } else if (!outer) items.push({ kind: "table", rows: table.rows });
        break;
      }
    }
  }
  return items;
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
