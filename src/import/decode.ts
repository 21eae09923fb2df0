/**
 * Bytes → text, detecting the encoding: UTF-8 (with or without BOM), UTF-16
 * with BOM, and GB18030 (a superset of GBK and GB2312), the encodings Chinese
 * government text files come in.
 */
import { ImportError } from "./errors.ts";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  return classify(bytes).encoding;
}

/** The encoding, and the text too when the strict UTF-8 check already decoded it. */
function classify(bytes: Uint8Array): { encoding: TextEncoding; utf8?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be" };
  try {
    return { encoding: "utf-8", utf8: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: "gb18030" };
  }
}

/** Decodes text; refuses binary data with a message that says so. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw new ImportError("文件为空（the file is empty）", "empty");
  const { encoding, utf8 } = classify(bytes);
  if (encoding === "utf-8" || encoding === "gb18030") {
    // NUL bytes and many control characters mean this is not text in any of our encodings.
    const sample = bytes.subarray(0, 65536);
    let control = 0;
    for (let i = 0; i < sample.length; i++) {
      const b = sample[i]!;
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
    }
    if (control > 0 && control / sample.length > 0.001) {
      throw new ImportError(
        "文件不是文本，也不是可识别的 .docx/.xlsx/.pdf 文件（binary data that is not a recognised document）",
        "binary",
      );
    }
  }
  let text = utf8 ?? new TextDecoder(encoding).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (encoding === "gb18030" && (text.match(/\uFFFD/g)?.length ?? 0) > text.length / 100) {
    throw new ImportError(
      "无法识别文件编码：既不是 UTF-8 也不是 GB18030/GBK（unknown text encoding）",
      "binary",
    );
  }
  return { text: text.replace(/\r\n?/g, "\n"), encoding };
}
