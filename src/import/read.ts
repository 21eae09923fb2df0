/**
 * Chooses the reader by the file's content, never by its name: PDF by its
 * header, .docx/.xlsx by the parts inside the zip (word/document.xml vs
 * xl/workbook.xml), legacy .doc/.xls by the streams inside the OLE file, and
 * everything else as text.
 */
import { ImportError } from "./errors.ts";
import { decodeText } from "./decode.ts";
import { readText } from "./readers/text.ts";
import { readPdf } from "./readers/pdf.ts";
import { readDocx } from "./readers/docx.ts";
import { OfficeZip } from "./readers/office-zip.ts";
import { convertLegacy, oleKind } from "./readers/legacy-office.ts";
import { limits } from "./readers/limits.ts";
import type { SourceDocument } from "./source-document.ts";
import { screenOpening } from "./document-kind.ts";

export type SniffedFormat = "pdf" | "zip" | "ole" | "text";

export function sniff(bytes: Uint8Array): SniffedFormat {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.includes("%PDF-")) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05))
    return "zip";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return "ole";
  return "text";
}

export async function readSource(bytes: Uint8Array): Promise<SourceDocument> {
  if (bytes.length > limits.maxFileBytes) {
    throw new ImportError(
      `文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 ${limits.maxFileBytes / 1048576} MB），不予读取（file too large）`,
      "too-large",
    );
  }
  switch (sniff(bytes)) {
    case "pdf":
      return readPdf(bytes, { screen: screenOpening });
    case "zip":
      return readOfficeZip(bytes);
    case "ole":
      return readOle(bytes);
    case "text":
      return readText(decodeText(bytes).text);
  }
}

async function readOfficeZip(bytes: Uint8Array): Promise<SourceDocument> {
  const zip = new OfficeZip(bytes);
  if (
    zip.has("word/document.xml") ||
    hasContentType(zip, "wordprocessingml.document.main") ||
    hasContentType(zip, "ms-word.document")
  ) {
    return readDocx(zip);
  }
  if (zip.has("xl/workbook.xml") || hasContentType(zip, "spreadsheetml.sheet.main"))
    return (await readXlsxLazily())(bytes, zip);
  throw new ImportError(
    "这是一个 ZIP 压缩包，但不是 .docx 或 .xlsx 文件（其中没有 word/document.xml 或 xl/workbook.xml）（a zip that is neither .docx nor .xlsx）",
    "unsupported-format",
  );
}

/** The workbook reader loads exceljs (~0.4 s of start-up): only when a workbook is read. */
async function readXlsxLazily() {
  return (await import("./readers/xlsx.ts")).readXlsx;
}

function hasContentType(zip: OfficeZip, type: string): boolean {
  return zip.has("[Content_Types].xml") && zip.readXml("[Content_Types].xml").includes(type);
}

async function readOle(bytes: Uint8Array): Promise<SourceDocument> {
  const kind = oleKind(bytes);
  switch (kind) {
    case "encrypted-ooxml":
      throw new ImportError(
        "文件已加密（设置了打开密码），请提供未加密的文件（the document is password-protected）",
        "encrypted",
      );
    case "doc":
      return { ...readDocx(new OfficeZip(await convertLegacy(bytes, "doc"))), format: "doc" };
    case "xls": {
      const xlsx = await convertLegacy(bytes, "xls");
      return { ...(await (await readXlsxLazily())(xlsx, new OfficeZip(xlsx))), format: "xls" };
    }
    case "unknown":
      throw new ImportError(
        "这是一个旧版 Office（OLE）文件，但既不是 .doc 也不是 .xls（unrecognised OLE file）",
        "unsupported-format",
      );
  }
}
