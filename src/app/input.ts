/**
 * Reading an input from a path or from standard input ("-"), bounded before
 * it is read: a text (or JSON) larger than MAX_TEXT_BYTES and any file larger
 * than the readers' own limit are refused with their size, so no input can
 * drive the process towards a gigabyte of memory.
 */
import { open, stat } from "node:fs/promises";
import { limits } from "../import/readers/limits.ts";
import { UserError } from "./errors.ts";

/**
 * Largest text or JSON input (bytes): 4 MiB, 25 times the longest real
 * disclosure (~150 KB of text). Import time and memory grow faster than the
 * size on budget-dense text (every line a budget word and an amount: 2 MB
 * took 10 s CPU and 337 MiB, 4 MB 28 s and 449 MiB), while ordinary text is
 * cheap (20 MB of prose salted with budget words: 2 s, 190 MiB); this bound
 * keeps the worst case well below 1 GiB and under a minute.
 */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/** Largest input of any kind (bytes): the readers' own bound for PDF and office files. */
export const MAX_FILE_BYTES = limits.maxFileBytes;

/** The argument that means standard input. */
export const STDIN = "-";

export interface Input {
  bytes: Uint8Array;
  /** The file's base name, kept in the disclosure's `source.file`; absent for standard input. */
  fileName?: string;
  /** How messages name the input: its path, or 标准输入（stdin）. */
  label: string;
}

const MB = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** A size beside its limit: in bytes when megabytes would print the same figure for both. */
const sizeBeside = (size: number, limit: number) =>
  MB(size) === MB(limit) ? `${size} 字节` : MB(size);

/** PDF, zip (docx/xlsx) and OLE (doc/xls) files start with these; anything else is read as text. */
function isBinaryContainer(head: Uint8Array): boolean {
  const latin1 = Buffer.from(head).toString("latin1");
  if (latin1.includes("%PDF-")) return true;
  if (head[0] === 0x50 && head[1] === 0x4b) return true;
  return head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
}

/** `partial`: the size is what was read before stopping, so the input is at least that large. */
function tooLarge(label: string, size: number, text: boolean, partial = false): UserError {
  const limit = text ? MAX_TEXT_BYTES : MAX_FILE_BYTES;
  const kind = text ? "文本" : "文件";
  return new UserError(
    `${kind}过大（${partial ? "超过 " : ""}${sizeBeside(size, limit)}，上限 ${MB(limit)}），不予读取：${label}（input too large）`,
    "too-large",
  );
}

/** The size limit that applies to bytes starting with `head`. */
function limitFor(head: Uint8Array): { limit: number; text: boolean } {
  const text = !isBinaryContainer(head);
  return { limit: text ? MAX_TEXT_BYTES : MAX_FILE_BYTES, text };
}

/** Reads a file, refusing a missing path, a folder, or a file over its limit before reading it. */
export async function readInputFile(path: string): Promise<Input> {
  const label = path;
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UserError(`不是文件：${path}（not a file）`, "not-a-file");
    size = s.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`找不到文件：${path}（file not found）`, "file-not-found");
  }
  const handle = await open(path, "r").catch(() => {
    throw new UserError(`无法读取文件：${path}（permission denied）`, "file-not-found");
  });
  try {
    const head = new Uint8Array(Math.min(size, 1024));
    await handle.read(head, 0, head.length, 0);
    const { limit, text } = limitFor(head);
    if (size > limit) throw tooLarge(label, size, text);
    const bytes = new Uint8Array(await handle.readFile());
    return { bytes, fileName: path.split(/[\\/]/).pop() ?? path, label };
  } finally {
    await handle.close();
  }
}

/** Reads standard input to its end, stopping as soon as it passes the limit for its kind. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<Input> {
  const label = "标准输入（stdin）";
  const chunks: Buffer[] = [];
  let size = 0;
  let bound: { limit: number; text: boolean } | undefined;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    size += buffer.length;
    if (!bound && size >= 1024) bound = limitFor(Buffer.concat(chunks));
    if (bound && size > bound.limit) {
      (stream as NodeJS.ReadStream).destroy?.();
      throw tooLarge(label, size, bound.text, true);
    }
  }
  const bytes = new Uint8Array(Buffer.concat(chunks));
  return { bytes, label };
}

/** A path, or "-" for standard input. */
export function readInput(path: string): Promise<Input> {
  return path === STDIN ? readStdin() : readInputFile(path);
}
