/**
 * Chooses the reader by the file's content, never by its name: PDF by its
 * header, .docx/.xlsx by the parts inside the zip, legacy .doc/.xls by the
 * OLE signature, and everything else as text.
 */
import { ImportError } from "./errors.ts";
import { decodeText } from "./decode.ts";
import { readText } from "./readers/text.ts";
import type { SourceDocument } from "./source-document.ts";

export type SniffedFormat = "pdf" | "zip" | "ole" | "text";

export function sniff(bytes: Uint8Array): SniffedFormat {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.includes("%PDF-")) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) return "zip";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "ole";
  return "text";
}

export async function readSource(bytes: Uint8Array): Promise<SourceDocument> {
  switch (sniff(bytes)) {
    case "pdf":
    case "zip":
    case "ole":
      throw new ImportError("暂不支持该文件格式（.pdf/.docx/.xlsx 读取尚未实现；format not supported yet）", "unsupported-format");
    case "text":
      return readText(decodeText(bytes).text);
  }
}
