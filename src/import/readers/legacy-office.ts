/**
 * Legacy binary Office files (.doc, .xls: OLE compound files) are converted
 * to .docx/.xlsx by LibreOffice headless, in a private profile and temporary
 * folder, under a time limit, and then read like any .docx/.xlsx. An OOXML
 * file protected by a password is also an OLE file (EncryptionInfo +
 * EncryptedPackage streams): that is reported as encrypted, not converted.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ImportError } from "../errors.ts";
import { limits } from "./limits.ts";

export type OleKind = "doc" | "xls" | "encrypted-ooxml" | "unknown";

const utf16 = (s: string) => Buffer.from(s, "utf16le");

/** What an OLE compound file holds, told by the names of its streams. */
export function oleKind(bytes: Uint8Array): OleKind {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.includes(utf16("EncryptedPackage")) || buf.includes(utf16("EncryptionInfo")))
    return "encrypted-ooxml";
  if (buf.includes(utf16("WordDocument"))) return "doc";
  if (buf.includes(utf16("Workbook")) || buf.includes(utf16("Book"))) return "xls";
  return "unknown";
}

/** Converts .doc → .docx or .xls → .xlsx with LibreOffice; returns the new file's bytes. */
export async function convertLegacy(bytes: Uint8Array, kind: "doc" | "xls"): Promise<Uint8Array> {
  const target = kind === "doc" ? "docx" : "xlsx";
  const dir = await mkdtemp(join(tmpdir(), "gongkai-lo-"));
  try {
    const input = join(dir, `input.${kind}`);
    await writeFile(input, bytes);
    await new Promise<void>((resolve, reject) => {
      execFile(
        "soffice",
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
          "--headless",
          "--norestore",
          "--convert-to",
          target,
          "--outdir",
          join(dir, "out"),
          input,
        ],
        { timeout: limits.maxConvertMillis, killSignal: "SIGKILL", maxBuffer: 1024 * 1024 },
        (error) => (error ? reject(error) : resolve()),
      );
    }).catch((error: NodeJS.ErrnoException & { killed?: boolean }) => {
      if (error.code === "ENOENT") {
        throw new ImportError(
          `读取旧版 .${kind} 文件需要 LibreOffice（soffice），但未安装（LibreOffice is needed for .${kind}）`,
          "conversion-failed",
        );
      }
      if (error.killed) {
        throw new ImportError(
          `LibreOffice 转换 .${kind} 超时（${limits.maxConvertMillis / 1000} 秒）（conversion timed out）`,
          "conversion-failed",
        );
      }
      throw new ImportError(
        `LibreOffice 无法转换这个 .${kind} 文件，文件可能已损坏或加密（conversion failed）`,
        "conversion-failed",
      );
    });
    const produced = (await readdir(join(dir, "out")).catch(() => [] as string[])).find((f) =>
      f.endsWith(`.${target}`),
    );
    if (!produced) {
      throw new ImportError(
        `LibreOffice 无法转换这个 .${kind} 文件，文件可能已损坏或加密（conversion produced nothing）`,
        "conversion-failed",
      );
    }
    return new Uint8Array(await readFile(join(dir, "out", produced)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
