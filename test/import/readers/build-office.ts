/**
 * Builds real .docx and .xlsx files from a disclosure's text (a seed), with
 * the `docx` and `exceljs` packages, as an office would have typed it: from a
 * Word text export ("cells" layout: "\t" cell lines, a blank line after each
 * row) paragraphs and tables with the same cells, empty cells included; from
 * tab-separated text, a sheet with one row per line.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import ExcelJS from "exceljs";
import { crc32, deflateRawSync } from "node:zlib";

/** Rows of a Word text export: cells, each a list of paragraphs. */
type WordRow = string[][];
type WordBlock = { kind: "para"; text: string } | { kind: "table"; rows: WordRow[] };

export function parseWordExport(text: string): WordBlock[] {
  const blocks: WordBlock[] = [];
  let row: WordRow | undefined;
  let table: WordRow[] | undefined;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.startsWith("\t")) {
      row ??= [];
      for (const part of line.slice(1).split("\t")) row.push([part.trim()]);
    } else if (line.trim() === "") {
      if (row) {
        if (!table) blocks.push({ kind: "table", rows: (table = []) });
        table.push(row);
        row = undefined;
      }
    } else if (row) {
      row[row.length - 1]!.push(line.trim());
    } else {
      table = undefined;
      blocks.push({ kind: "para", text: line });
    }
  }
  if (row) blocks.push({ kind: "table", rows: [row] });
  return blocks;
}

/** A .docx with the blocks; `span` widens the first cell of rows whose first cell matches. */
export async function buildDocx(
  blocks: WordBlock[],
  span?: { firstCell: RegExp; columns: number },
): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    if (block.kind === "para") {
      children.push(new Paragraph({ text: block.text }));
      continue;
    }
    const rows = block.rows.map(
      (row) =>
        new TableRow({
          children: row.map(
            (paras, i) =>
              new TableCell({
                children: paras.map((t) => new Paragraph({ text: t })),
                ...(span && i === 0 && span.firstCell.test(paras.join(""))
                  ? { columnSpan: span.columns }
                  : {}),
              }),
          ),
        }),
    );
    children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    // Word keeps two tables apart only with a paragraph between them.
    children.push(new Paragraph({ text: "" }));
  }
  const file = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(file));
}

/** A workbook with one row per line of tab-separated text (a blank line: an empty row). */
export async function buildXlsx(text: string, sheetName = "Sheet1"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  let r = 0;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    r++;
    if (line.trim() === "") continue;
    line.split("\t").forEach((cell, c) => {
      if (cell.trim() !== "") sheet.getCell(r, c + 1).value = numberOrText(cell.trim());
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Amounts typed as numbers, as a spreadsheet holds them. */
function numberOrText(text: string): string | number {
  return /^-?\d{1,12}(\.\d{1,6})?$/.test(text) && !/^-?0\d/.test(text) ? Number(text) : text;
}

/** A zip of deflated entries, by node's native zlib (fast enough to build a real zip bomb in a test). */
export function zipEntries(entries: Record<string, Uint8Array | string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === "string" ? Buffer.from(content) : content;
    const packed = deflateRawSync(data, { level: 1 });
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
