import { readFile, stat } from "node:fs/promises";
import { UserError } from "./user-error.ts";
import { ImportError } from "../import/errors.ts";
import { FORMAT_ID, validateDisclosure, type Disclosure } from "../model/disclosure.ts";
import { looksLikeJson } from "../check/input.ts";

/** Largest input accepted from the command line (bytes): larger files are refused, not read. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

export async function readInputFile(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UserError(`不是文件：${path}（not a file）`);
    size = s.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`找不到文件：${path}（file not found）`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new UserError(
      `文件过大（${(size / 1048576).toFixed(0)} MB，上限 ${MAX_INPUT_BYTES / 1048576} MB）：${path}（file too large）`,
    );
  }
  return new Uint8Array(await readFile(path));
}

/** Turns an import failure into a message for the terminal. */
export function importFailure(error: unknown, file: string): never {
  if (error instanceof ImportError) throw new UserError(`${file}：${error.message}`, 3);
  throw error;
}

/**
 * A canonical JSON disclosure given where a document is expected (extract,
 * render): validated and returned as it is. Undefined when the bytes are not
 * JSON, so the caller imports them as a document.
 */
export function canonicalJson(bytes: Uint8Array, file: string): Disclosure | undefined {
  if (!looksLikeJson(bytes)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UserError(`${file}：JSON 格式错误：${(e as Error).message}（invalid JSON）`);
  }
  if ((json as { format?: unknown })?.format !== FORMAT_ID) {
    throw new UserError(
      `${file}：不是 gongkai 公开数据 JSON（缺少 "format": "${FORMAT_ID}"）（not a canonical disclosure）`,
    );
  }
  const checked = validateDisclosure(json);
  if (!checked.ok) {
    const list = checked.problems
      .slice(0, 10)
      .map((p) => `  ${p.path}：${p.message}`)
      .join("\n");
    throw new UserError(
      `${file}：数据不符合公开数据格式（${checked.problems.length} 处）（invalid disclosure）：\n${list}`,
    );
  }
  return checked.disclosure;
}
