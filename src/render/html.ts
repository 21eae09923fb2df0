/**
 * The document as one self-contained HTML page: the web version and the
 * source the PDF is printed from (A4, tables repeat their header on each
 * page, wide tables on landscape pages, a CJK serif font).
 */
import type { Disclosure } from "../model/disclosure.ts";
import { buildDocument, type Block, type RenderedDocument, type TocEntry } from "./document.ts";
import { escapeHtml as escape } from "./html-escape.ts";
import type { Cell, TableModel } from "./tables/model.ts";

const CSS = `
@page { size: A4 portrait; margin: 20mm 18mm 18mm 18mm; }
@page wide { size: A4 landscape; margin: 15mm 15mm 15mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", serif; font-size: 12pt; line-height: 1.75; color: #000; margin: 0 auto; max-width: 60em; padding: 1em; }
h1, h2, h3, .cover, .table-title { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "黑体", sans-serif; }
h1 { font-size: 16pt; text-align: center; margin: 1.2em 0 0.8em; }
h2 { font-size: 14pt; margin: 1em 0 0.4em; }
h3 { font-size: 12pt; margin: 0.8em 0 0.3em; }
p { text-indent: 2em; margin: 0.2em 0; text-align: justify; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; }
.cover .org { font-size: 22pt; font-weight: bold; margin: 0.2em 0; }
.cover .sub { font-size: 26pt; font-weight: bold; margin-top: 1.2em; letter-spacing: 0.1em; }
.toc { list-style: none; padding: 0; }
.toc li.l1 { font-weight: bold; margin-top: 0.4em; }
.toc li.l2 { padding-left: 2em; }
.toc a { display: flex; align-items: baseline; color: inherit; text-decoration: none; }
.toc .dots { flex: 1; border-bottom: 1px dotted #666; margin: 0 0.4em; }
.toc .page { min-width: 2.5em; text-align: right; font-weight: normal; }
h1, h2, h3, section.table { position: relative; }
.pdf-marker { position: absolute; left: 0; top: 0; width: 1px; height: 1px; }
.page-break { break-after: page; height: 0; }
section.table { margin: 0.8em 0 1.2em; }
section.table.wide { page: wide; }
section.table.new-page { break-before: page; }
section.table.short { break-inside: avoid; }
h1, h2, h3, .table-title, .table-meta { break-after: avoid; }
.table-title { text-align: center; font-size: 15pt; font-weight: bold; margin: 0.3em 0; }
.table-meta { display: flex; justify-content: space-between; font-size: 10.5pt; margin-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.4; }
thead { display: table-header-group; }
tr, tbody { break-inside: avoid; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; white-space: pre-wrap; }
td[rowspan] { vertical-align: top; }
th { font-weight: bold; text-align: center; background: #f2f2f2; }
td.left { text-align: left; } td.center { text-align: center; } td.right { text-align: right; font-variant-numeric: tabular-nums; }
td.bold { font-weight: bold; }
.table-note { font-size: 10.5pt; text-indent: 2em; margin-top: 0.3em; }
@media print { body { max-width: none; padding: 0; } th { background: #f2f2f2 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function cellHtml(tag: "th" | "td", c: Cell): string {
  const attrs = [
    c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : "",
    c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : "",
    tag === "td"
      ? ` class="${[c.align ?? "left", c.bold ? "bold" : ""].filter(Boolean).join(" ")}"`
      : "",
  ].join("");
  return `<${tag}${attrs}>${escape(c.text)}</${tag}>`;
}

/**
 * Rows held together by row-spanning cells (an activity and its indicators),
 * each printed as one <tbody> that is not broken over pages where it fits on
 * one: a merged cell cut by a page break loses its borders and its text is
 * split from its rows, for the reader as for the reader's eye.
 */
function rowGroups(rows: readonly (readonly Cell[])[]): (readonly Cell[])[][] {
  const groups: (readonly Cell[])[][] = [];
  let until = -1;
  rows.forEach((row, i) => {
    if (i > until) groups.push([]);
    groups[groups.length - 1]!.push(row);
    for (const c of row) until = Math.max(until, i + (c.rowSpan ?? 1) - 1);
  });
  return groups;
}

/** Tables of at most this many rows print on one page. */
const SHORT_TABLE_ROWS = 15;

/**
 * A marker the PDF's first pass finds its anchors by: a 1 px link out of the flow (the layout is
 * unchanged), which Chromium writes as a link annotation on the page it prints on.
 */
const marker = (id: string, markers: boolean) =>
  markers ? `<a class="pdf-marker" href="${PAGE_MARKER}${encodeURIComponent(id)}"></a>` : "";

/** The address of a marker's link; the anchor id follows it. */
export const PAGE_MARKER = "https://gongkai.invalid/anchor/";

export function tableHtml(t: TableModel, newPage = false, markers = false): string {
  const cols = t.widths.reduce((a, b) => a + b, 0);
  const colgroup = `<colgroup>${t.widths.map((w) => `<col style="width:${((100 * w) / cols).toFixed(2)}%">`).join("")}</colgroup>`;
  const thead = t.header.length
    ? `<thead>${t.header.map((r) => `<tr>${r.map((c) => cellHtml("th", c)).join("")}</tr>`).join("")}</thead>`
    : "";
  const tbody = rowGroups(t.body)
    .map(
      (g) =>
        `<tbody>${g.map((r) => `<tr>${r.map((c) => cellHtml("td", c)).join("")}</tr>`).join("")}</tbody>`,
    )
    .join("");
  const meta =
    t.caption || t.unit
      ? `<div class="table-meta"><span>${escape(t.caption ?? "")}</span><span>${escape(t.unit ?? "")}</span></div>`
      : "";
  const note = t.note ? `<p class="table-note">${escape(t.note)}</p>` : "";
  // A short table is not split over two pages: its rows stay under their header and title.
  const short = t.body.length + t.header.length <= SHORT_TABLE_ROWS ? " short" : "";
  return `<section class="table${t.landscape ? " wide" : ""}${newPage ? " new-page" : ""}${short}" id="${escape(t.id)}">${newPage ? marker(t.id, markers) : ""}<div class="table-title">${escape(t.title)}</div>${meta}<table>${colgroup}${thead}${tbody}</table>${note}</section>`;
}

/**
 * The contents, each entry a link to its anchor. The page column is there when pages are known
 * (the PDF's second pass) and when they are being found (its first pass, so both lay out alike).
 */
function tocHtml(entries: TocEntry[], markers: boolean): string {
  const paged = markers || entries.some((e) => e.page !== undefined);
  const items = entries.map((e) => {
    const page = paged ? `<span class="dots"></span><span class="page">${e.page ?? ""}</span>` : "";
    return `<li class="l${e.level}"><a href="#${escape(e.target)}"><span>${escape(e.text)}</span>${page}</a></li>`;
  });
  return `<ul class="toc">${items.join("")}</ul>`;
}

function blockHtml(b: Block, markers: boolean): string {
  switch (b.kind) {
    case "cover":
      return `<div class="cover">${b.lines.map((l) => `<div class="org">${escape(l)}</div>`).join("")}<div class="sub">${escape(b.subtitle)}</div></div>`;
    case "toc":
      return tocHtml(b.entries, markers);
    case "heading": {
      const id = b.id ? ` id="${escape(b.id)}"` : "";
      return `<h${b.level}${id}>${b.id ? marker(b.id, markers) : ""}${escape(b.text)}</h${b.level}>`;
    }
    case "paragraph":
      return `<p>${escape(b.text)}</p>`;
    case "table":
      return tableHtml(b.table, b.newPage, markers);
    case "pageBreak":
      return `<div class="page-break"></div>`;
  }
}

/** A CSS string literal (for `content:`): quotes, backslashes and line breaks escaped. */
const cssString = (s: string) =>
  `"${s
    .replace(/[\\"]/g, "\\$&")
    .replace(/[\r\n]+/g, " ")
    .replace(/</g, "\\3c ")}"`;

/**
 * The printed footer as CSS page-margin boxes (Chromium ≥ 131): the document's title and 第 N 页 / 共 M 页.
 * Chromium lays these out with the page itself; a footerTemplate is a second document laid out per page,
 * which cost ~20 % of a long PDF's print time.
 */
function pageFooterCss(title: string): string {
  const box = `@bottom-center { content: ${cssString(title ? `${title}　` : "")} "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-family: "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 8pt; color: #333; }`;
  return `@page { ${box} }\n@page wide { ${box} }`;
}

/** `markers`: the PDF's first pass, which finds the page of each contents entry by its marker. */
export function documentHtml(doc: RenderedDocument, options: { markers?: boolean } = {}): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gongkai">
<title>${escape(doc.title)}</title>
<style>${CSS}${pageFooterCss(doc.title)}</style>
</head>
<body>
${doc.blocks.map((b) => blockHtml(b, !!options.markers)).join("\n")}
</body>
</html>
`;
}

export function renderHtml(d: Disclosure): string {
  return documentHtml(buildDocument(d));
}
