/**
 * Where batch `extract` writes: NAME.json in the output folder, one name per
 * input decided before any work starts. Names that would collide get the
 * source extension (x.pdf.json), then a number (x-2.json); an input is never
 * a target, and an existing file is replaced only when the user forces it.
 */
import { access, constants, mkdir, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { BatchUsageError } from "./errors.ts";
import type { InputFile } from "./inputs.ts";

export async function planOutputs(
  inputs: readonly InputFile[],
  outDir: string,
  force = false,
): Promise<string[]> {
  await ensureWritableDir(outDir);
  const dir = resolve(outDir);
  // Keys are lower-cased: on a case-insensitive disk X.json and x.json are one file.
  const taken = new Set(inputs.map((i) => i.path.toLowerCase()));
  const stems = new Map<string, number>();
  for (const i of inputs)
    stems.set(stemOf(i).toLowerCase(), (stems.get(stemOf(i).toLowerCase()) ?? 0) + 1);
  const plan = inputs.map((i) => {
    const stem = stems.get(stemOf(i).toLowerCase())! > 1 ? basename(i.path) : stemOf(i);
    let path = join(dir, `${stem}.json`);
    for (let n = 2; taken.has(path.toLowerCase()); n++) path = join(dir, `${stem}-${n}.json`);
    taken.add(path.toLowerCase());
    return path;
  });
  if (!force) await refuseExisting(plan);
  return plan;
}

function stemOf(input: InputFile): string {
  const name = basename(input.path);
  return name.slice(0, name.length - extname(name).length) || name;
}

export async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new BatchUsageError(
      "output-unwritable",
      `无法写入输出文件夹：${dir}（${code}）（output folder not writable）`,
    );
  }
}

async function refuseExisting(plan: readonly string[]): Promise<void> {
  const existing: string[] = [];
  for (const path of plan) if (await stat(path).catch(() => undefined)) existing.push(path);
  if (!existing.length) return;
  const shown =
    existing.slice(0, 5).join("、") + (existing.length > 5 ? ` 等 ${existing.length} 个` : "");
  throw new BatchUsageError(
    "output-exists",
    `输出文件已存在：${shown}；如需覆盖请加 --force（output exists, use --force to replace）`,
  );
}
