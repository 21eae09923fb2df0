/**
 * Where outputs go, checked before any work starts: never onto an input,
 * never over an existing file without `force`, never into a folder that
 * cannot be written. Files are written whole (a temporary name, then a
 * rename), so a failure leaves no half-written output behind.
 */
import { mkdir, readdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { UserError } from "./errors.ts";

export interface OutputCheck {
  /** Replace an existing output. */
  force?: boolean;
  /** Paths read by this run: an output may never be one of them, `force` or not. */
  inputs?: string[];
  /** The output is a folder of files (created if missing) rather than one file. */
  folder?: boolean;
}

/** The same file, even through another spelling of its path or a link. */
async function samePath(a: string, b: string): Promise<boolean> {
  const real = (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
}

const unwritable = (path: string, why: string) =>
  new UserError(`无法写入 ${path}：${why}（cannot write output）`, "output-unwritable");

/** Throws a UserError (exit 2) when `path` cannot or may not be written. */
export async function checkOutput(path: string, options: OutputCheck = {}): Promise<void> {
  for (const input of options.inputs ?? []) {
    if (await samePath(path, input)) {
      throw new UserError(
        `输出文件不能是输入文件：${path}（the output would overwrite an input）`,
        "output-is-input",
      );
    }
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing) {
    if (options.folder) {
      if (!existing.isDirectory()) throw unwritable(path, "已存在同名文件，不是目录");
      const entries = await readdir(path);
      if (entries.length && !options.force) {
        throw new UserError(
          `输出目录已存在且不为空：${path}；如需覆盖其中文件，请加 --force（output folder not empty）`,
          "output-exists",
        );
      }
      return checkWritableDir(path, path);
    }
    if (existing.isDirectory()) throw unwritable(path, "这是一个目录");
    if (!options.force) {
      throw new UserError(
        `输出文件已存在：${path}；如需覆盖，请加 --force 或用 -o 另指定文件名（output exists; use --force to replace it）`,
        "output-exists",
      );
    }
  }
  await checkWritableDir(dirname(resolve(path)), path);
}

async function checkWritableDir(dir: string, path: string): Promise<void> {
  const s = await stat(dir).catch(() => undefined);
  if (!s) throw unwritable(path, `目录不存在：${dir}`);
  if (!s.isDirectory()) throw unwritable(path, `${dir} 不是目录`);
  // A real file is created and removed: permission bits say nothing for root or on read-only mounts.
  const probe = join(dir, `.gongkai-probe-${process.pid}`);
  try {
    await writeFile(probe, "", { flag: "wx" });
  } catch (error) {
    throw unwritable(
      path,
      `无法在 ${dir} 中创建文件（${(error as NodeJS.ErrnoException).code ?? "error"}）`,
    );
  }
  await rm(probe, { force: true });
}

/**
 * The default name of an output beside its input: the input's stem with the
 * output's extension (003.txt → 003.pdf); when that is the input itself, a
 * marker goes before the extension (003.pdf → 003.rendered.pdf, x.json →
 * x.gongkai.json for the canonical data).
 */
export function besideInput(input: string, extension: string, marker = ".rendered"): string {
  const dir = dirname(input);
  const name = basename(input);
  const stem = name.slice(0, name.length - extname(name).length) || name;
  const plain = join(dir, stem + extension);
  return resolve(plain) === resolve(input) ? join(dir, stem + marker + extension) : plain;
}

/** Writes a file whole: to a temporary name beside it, then renamed over the target. */
export async function writeOutput(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw unwritable(path, (error as Error).message);
  }
}

/** Writes files into a folder (created when missing), each whole. */
export async function writeFolder(
  dir: string,
  files: Record<string, Uint8Array | string>,
): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw unwritable(dir, (error as Error).message);
  }
  const written: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    await writeOutput(join(dir, name), data);
    written.push(join(dir, name));
  }
  return written;
}
