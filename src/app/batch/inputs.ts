/**
 * The files a batch reads: each argument a file (taken as named, whatever its
 * extension: the importer reads by content) or a folder walked recursively for
 * disclosure files. Hidden entries are skipped in folders, and so are the
 * paths in `skip` (the batch's own output folder and report, so that a
 * second run does not read the first one's output); a file named twice is
 * read once. Arguments keep their order; a folder's files are sorted by path.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { BatchUsageError } from "./errors.ts";

/** What a folder walk picks up (the importer also reads legacy .doc). */
export const DISCLOSURE_EXTENSIONS = [".txt", ".docx", ".doc", ".xlsx", ".xls", ".pdf", ".json"];

export interface InputFile {
  /** Absolute, for reading. */
  path: string;
  /** As the user named it: the argument, or the folder argument joined with the relative path. */
  file: string;
}

export async function expandInputs(
  args: readonly string[],
  skip: readonly string[] = [],
): Promise<InputFile[]> {
  const seen = new Set<string>();
  const skipReal = new Set(await Promise.all(skip.map((s) => realpath(s).catch(() => resolve(s)))));
  const out: InputFile[] = [];
  const add = async (file: string) => {
    const real = await realpath(file).catch(() => resolve(file));
    if (seen.has(real)) return;
    seen.add(real);
    out.push({ path: resolve(file), file });
  };
  for (const arg of args) {
    const kind = await kindOf(arg);
    if (kind === "file") await add(arg);
    else for (const file of await walk(arg, skipReal, new Set())) await add(file);
  }
  if (!out.length) {
    throw new BatchUsageError(
      "no-inputs",
      `没有找到可读取的公开文件（${DISCLOSURE_EXTENSIONS.join(" ")}）：${args.join("、")}（no disclosure files found）`,
    );
  }
  return out;
}

async function kindOf(path: string): Promise<"file" | "dir"> {
  let s: Awaited<ReturnType<typeof stat>>;
  try {
    s = await stat(path);
  } catch {
    throw new BatchUsageError("input-not-found", `找不到文件或文件夹：${path}（file not found）`);
  }
  if (s.isFile()) return "file";
  if (s.isDirectory()) return "dir";
  throw new BatchUsageError("input-not-file", `不是文件或文件夹：${path}（not a file or folder）`);
}

/** Disclosure files under dir, sorted by path; `visited` guards against symbolic-link loops. */
async function walk(dir: string, skip: Set<string>, visited: Set<string>): Promise<string[]> {
  const real = await realpath(dir);
  if (visited.has(real) || skip.has(real)) return [];
  visited.add(real);
  const names = (await readdir(dir)).filter((n) => !n.startsWith(".")).sort();
  const files: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    // A dangling link is kept when its name says disclosure: its worker reports it unreadable.
    const s = await stat(path).catch(() => undefined);
    if (skip.has(await realpath(path).catch(() => path))) continue;
    if (s?.isDirectory()) files.push(...(await walk(path, skip, visited)));
    else if (s?.isFile() !== false && DISCLOSURE_EXTENSIONS.includes(extname(name).toLowerCase()))
      files.push(path);
  }
  return files;
}
