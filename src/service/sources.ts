/**
 * A version's files as the department printed them, for the working pages:
 * each file's lines (read again from the stored bytes, so every line and not
 * only the narrative's paragraphs) with the page and printed line a reviewer
 * finds them at, and a PDF page as an image (poppler's pdftoppm) on which the
 * cited line is marked. Both are cached by the file's SHA-256: stored files
 * never change.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../store/index.ts";
import * as vq from "../store/queries/versions.ts";
import type { Actor } from "./actor.ts";
import { type SourceLine, fileKind, readLines } from "./engine.ts";
import { ServiceError, notFound } from "./errors.ts";
import { getVersionFile } from "./reads.ts";

export interface SourceText {
  position: number;
  fileName: string;
  /** The reader's format ("pdf", "docx", "txt" …); "json" for a canonical JSON file (no lines). */
  format: string;
  lines: SourceLine[];
}

/** A few recent results by key; a promise is kept so concurrent requests share one read. */
class Recent<T> {
  private readonly map = new Map<string, Promise<T>>();
  constructor(private readonly size: number) {}

  set(key: string, value: T): void {
    this.get(key, () => Promise.resolve(value));
  }

  get(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.map.get(key);
    if (value) this.map.delete(key);
    else value = make();
    this.map.set(key, value);
    // A failure is not remembered: the next request tries again.
    value.catch(() => this.map.get(key) === value && this.map.delete(key));
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
    return value;
  }
}

const texts = new Recent<{ format: string; lines: SourceLine[] }>(16);
const images = new Recent<Uint8Array>(48);

/** Keeps the lines an upload just read, so the version's first page view need not read it again. */
export function rememberLines(
  file: { bytes: Uint8Array },
  read: { format: string; lines: SourceLine[] },
): void {
  texts.set(vq.sha256Hex(file.bytes), read);
}

/** Every file of the version with its lines (the actor must be able to read the version's content). */
export async function getVersionSources(
  store: Store,
  actor: Actor,
  versionId: number,
): Promise<SourceText[]> {
  const files = await vq.filesOf(store.db, versionId);
  const out: SourceText[] = [];
  for (const f of files) {
    const { bytes, sha256, fileName } = await getVersionFile(store, actor, versionId, f.position);
    const read =
      fileKind(bytes) === "json"
        ? { format: "json", lines: [] }
        : // Read once at upload, so this succeeds; if it fails now the page shows no lines, not an error.
          await texts.get(sha256, () => readLines(bytes)).catch(() => ({ format: "?", lines: [] }));
    out.push({ position: f.position, fileName, ...read });
  }
  return out;
}

/** Resolution of the page images, dots per inch: an A4 page about 800 px wide. */
const DPI = 96;

/** One page of a stored PDF as a PNG. */
export async function getPageImage(
  store: Store,
  actor: Actor,
  versionId: number,
  position: number,
  page: number,
): Promise<Uint8Array> {
  const { bytes, sha256 } = await getVersionFile(store, actor, versionId, position);
  if (fileKind(bytes) !== "pdf") {
    throw new ServiceError("INVALID_INPUT", "该文件不是 PDF，没有页面图像（not a PDF）");
  }
  return images.get(`${sha256}:${page}`, () => renderPage(bytes, page));
}

async function renderPage(bytes: Uint8Array, page: number): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "gongkai-page-"));
  try {
    const root = join(dir, "page");
    await new Promise<void>((resolve, reject) => {
      const child = execFile(
        "pdftoppm",
        [
          "-png",
          "-r",
          String(DPI),
          "-f",
          String(page),
          "-l",
          String(page),
          "-singlefile",
          "-",
          root,
        ],
        { timeout: 30_000 },
        (error) => (error ? reject(error) : resolve()),
      );
      child.stdin?.on("error", () => undefined);
      child.stdin?.end(bytes);
    }).catch(() => undefined);
    // pdftoppm takes the PDF on stdin ("-") and writes root.png; a page beyond the end writes nothing.
    return new Uint8Array(await readFile(`${root}.png`));
  } catch {
    throw notFound("页面", page);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
