import { readFile, stat } from "node:fs/promises";
import { UserError } from "./user-error.ts";
import { ImportError } from "../import/errors.ts";

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
    throw new UserError(`文件过大（${(size / 1048576).toFixed(0)} MB，上限 ${MAX_INPUT_BYTES / 1048576} MB）：${path}（file too large）`);
  }
  return new Uint8Array(await readFile(path));
}

/** Turns an import failure into a message for the terminal. */
export function importFailure(error: unknown, file: string): never {
  if (error instanceof ImportError) throw new UserError(`${file}：${error.message}`, 3);
  throw error;
}
