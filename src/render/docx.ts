/**
 * The whole disclosure as a Word document (docx): the same outline as the
 * HTML, A4, wide tables in landscape sections, table headers repeated on
 * each page, CJK fonts set for East Asian text.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { Disclosure } from "../model/disclosure.ts";
import { buildDocument, type Block } from "./document.ts";
import type { Cell, TableModel } from "./tables/model.ts";

const SONG = "宋体";
const HEI = "黑体";
const A4 = { width: 11906, height: 16838 }; // twips
const MARGIN = 1134; // 2 cm
const TEXT_WIDTH = { portrait: A4.width - 2 * MARGIN, landscape: A4.height - 2 * MARGIN };

const run = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
  new TextRun({
    text,
    bold: opts.bold,
    size: opts.size,
    font: { eastAsia: opts.font ?? SONG, ascii: opts.font ?? SONG, hAnsi: opts.font ?? SONG },
  });

function lines(text: string, bold: boolean): TextRun[] {
  // A cell's line breaks become <w:br/> inside one paragraph, as Word prints them.
  // No per-run font or size: the cell's paragraph style carries them, which keeps big tables' XML small and fast to write.
  return text.split("\n").map(
    (part, i) =>
      new TextRun({
        text: part,
        ...(i > 0 ? { break: 1 } : {}),
        ...(bold ? { bold: true } : {}),
      }),
  );
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

/** Paragraph styles of table cells (10.5 pt… 10 pt, one per alignment): set once in styles.xml instead of on every run. */
const CELL_STYLE = {
  left: "CellLeft",
  center: "CellCenter",
  right: "CellRight",
  head: "CellHead",
} as const;
const cellStyles = [
  { id: CELL_STYLE.left, alignment: AlignmentType.LEFT },
  { id: CELL_STYLE.center, alignment: AlignmentType.CENTER },
  { id: CELL_STYLE.right, alignment: AlignmentType.RIGHT },
  { id: CELL_STYLE.head, alignment: AlignmentType.CENTER, bold: true },
].map(({ id, alignment, bold }) => ({
  id,
  name: id,
  basedOn: "Normal",
  quickFormat: false,
  run: { size: 20, ...(bold ? { bold } : {}) },
  paragraph: { alignment },
}));

function cellOf(c: Cell, header: boolean): TableCell {
  const style = header ? CELL_STYLE.head : CELL_STYLE[c.align ?? "left"];
  return new TableCell({
    children: [
      new Paragraph({ style, children: c.text ? lines(c.text, !header && !!c.bold) : [] }),
    ],
    ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    verticalAlign: VerticalAlign.CENTER,
    ...(header ? { shading: { fill: "F2F2F2" } } : {}),
  });
}

function tableBlocks(t: TableModel, newPage: boolean): (Paragraph | Table)[] {
  const width = t.landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const columnWidths = t.widths.map((w) => Math.floor((width * w) / sum));
  const out: (Paragraph | Table)[] = [
    // keepNext: a table's title and unit line stay on the page of its first rows.
    new Paragraph({
      pageBreakBefore: newPage,
      keepNext: true,
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 120 },
      children: [run(t.title, { bold: true, size: 30, font: HEI })],
    }),
  ];
  if (t.caption || t.unit) {
    out.push(
      new Paragraph({
        keepNext: true,
        tabStops: [{ type: "right", position: width }],
        children: [
          run(t.caption ?? "", { size: 20 }),
          run("\t", { size: 20 }),
          run(t.unit ?? "", { size: 20 }),
        ],
      }),
    );
  }
  const rows = [
    ...t.header.map(
      (r) =>
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: r.map((c) => cellOf(c, true)),
        }),
    ),
    ...t.body.map(
      (r) => new TableRow({ cantSplit: true, children: r.map((c) => cellOf(c, false)) }),
    ),
  ];
  if (rows.length) {
    out.push(
      new Table({
        rows,
        width: { size: width, type: WidthType.DXA },
        columnWidths,
        margins: { left: 60, right: 60, top: 20, bottom: 20 },
        borders: {
          top: BORDER,
          bottom: BORDER,
          left: BORDER,
          right: BORDER,
          insideHorizontal: BORDER,
          insideVertical: BORDER,
        },
      }),
    );
  }
  if (t.note)
    out.push(
      new Paragraph({
        indent: { firstLine: 420 },
        spacing: { before: 120 },
        children: [run(t.note, { size: 21 })],
      }),
    );
  return out;
}

function blockContent(b: Block, firstInSection: boolean): (Paragraph | Table)[] {
  switch (b.kind) {
    case "cover":
      return [
        new Paragraph({ spacing: { before: 3600 }, children: [] }),
        ...b.lines.map(
          (l) =>
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { after: 200 },
              children: [run(l, { bold: true, size: 44, font: HEI })],
            }),
        ),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 600 },
          children: [run(b.subtitle, { bold: true, size: 52, font: HEI })],
        }),
      ];
    case "toc":
      return b.entries.map(
        (e) =>
          new Paragraph({
            indent: { left: e.level === 2 ? 480 : 0 },
            spacing: { before: e.level === 1 ? 120 : 0 },
            children: [run(e.text, { bold: e.level === 1, size: 24 })],
          }),
      );
    case "heading": {
      const level = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][
        b.level - 1
      ]!;
      return [
        new Paragraph({
          heading: level,
          keepNext: true,
          alignment: b.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 240, after: 120 },
          children: [run(b.text, { bold: true, size: [32, 28, 24][b.level - 1], font: HEI })],
        }),
      ];
    }
    case "paragraph":
      return [
        new Paragraph({
          indent: { firstLine: 480 },
          spacing: { line: 400 },
          alignment: AlignmentType.JUSTIFIED,
          children: [run(b.text, { size: 24 })],
        }),
      ];
    case "table":
      return tableBlocks(b.table, !!b.newPage && !firstInSection);
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

const footer = new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          children: ["第 ", PageNumber.CURRENT, " 页 / 共 ", PageNumber.TOTAL_PAGES, " 页"],
          size: 18,
          font: { eastAsia: SONG },
        }),
      ],
    }),
  ],
});

/** Consecutive blocks of one orientation share a section; a section starts a page, so a page break just before one is dropped. */
function sections(blocks: Block[]): ISectionOptions[] {
  const out: { landscape: boolean; blocks: Block[] }[] = [];
  for (const b of blocks) {
    const landscape = b.kind === "table" && !!b.table.landscape;
    const last = out.at(-1);
    if (!last || last.landscape !== landscape) out.push({ landscape, blocks: [b] });
    else last.blocks.push(b);
  }
  return out.map((s, i) => {
    const next = out[i + 1];
    let blocks = s.blocks;
    while (next && blocks.at(-1)?.kind === "pageBreak") blocks = blocks.slice(0, -1);
    return {
      properties: {
        page: {
          size: {
            width: A4.width,
            height: A4.height,
            orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
        },
      },
      footers: { default: footer },
      children: blocks.flatMap((b, k) => blockContent(b, k === 0)),
    };
  });
}

export async function renderDocx(d: Disclosure): Promise<Uint8Array> {
  const doc = buildDocument(d);
  const document = new Document({
    title: doc.title,
    creator: "gongkai",
    styles: {
      default: {
        document: { run: { font: { ascii: SONG, eastAsia: SONG, hAnsi: SONG }, size: 24 } },
      },
      paragraphStyles: cellStyles,
    },
    sections: sections(doc.blocks),
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
