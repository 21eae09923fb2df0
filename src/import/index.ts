/**
 * Import: file bytes → SourceDocument (a reader chosen by content) → the
 * canonical Disclosure, filled part by part. One extractor's failure becomes
 * a diagnostic; it never loses the parts the others read.
 */
import { createHash } from "node:crypto";
import { FORMAT_ID, type Diagnostic, type Disclosure } from "../model/disclosure.ts";
import type { ExtractContext } from "./sections/context.ts";
import { extractors } from "./sections/registry.ts";
import { readSource } from "./read.ts";
import { ImportError } from "./errors.ts";
import { forgetMemos } from "./memo.ts";
import { checkPlausibility } from "./plausibility.ts";
import { squash, type SourceDocument } from "./source-document.ts";

export interface ImportResult {
  disclosure: Disclosure;
  document: SourceDocument;
}

export interface ImportOptions {
  /** The file's name, kept in `source.file` (never used to pick the reader). */
  fileName?: string;
}

export async function importDisclosure(
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  forgetMemos();
  const document = await readSource(bytes);
  const disclosure = extractDisclosure(document);
  disclosure.source = {
    ...(options.fileName ? { file: options.fileName } : {}),
    sha256: createHash("sha256").update(bytes).digest("hex"),
    format: document.format,
  };
  return { disclosure, document };
}

/** Runs every part extractor over a document that is already read. */
export function extractDisclosure(document: SourceDocument): Disclosure {
  assertLooksLikeDisclosure(document);
  const diagnostics: Diagnostic[] = [];
  const sourceMap: NonNullable<Disclosure["sourceMap"]> = {};
  const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
  const ctx: ExtractContext = {
    doc: document,
    disclosure,
    diagnose(level, message, section, line) {
      diagnostics.push({
        level,
        message,
        ...(section ? { section } : {}),
        ...(line ? { line } : {}),
      });
    },
    cite(pointer, line, text) {
      sourceMap[pointer] = text === undefined ? { line } : { line, text };
    },
  };
  for (const extractor of extractors) {
    try {
      extractor.run(ctx);
    } catch (error) {
      ctx.diagnose(
        "error",
        `读取「${extractor.name}」时出错，该部分未导入：${(error as Error).message}`,
        extractor.name,
      );
    }
  }
  checkPlausibility(disclosure, ctx.diagnose, sourceMap);
  if (Object.keys(sourceMap).length) disclosure.sourceMap = sourceMap;
  if (diagnostics.length) disclosure.diagnostics = diagnostics;
  return disclosure;
}

/** Text that names no budget or final accounts and no income or expenditure is not a disclosure. */
function assertLooksLikeDisclosure(document: SourceDocument): void {
  const text = squash(document.lines.map((l) => l.text).join(""));
  if (!text) throw new ImportError("文件中没有可读的文字（no readable text in the file）", "empty");
  const budgetWords = /预算|决算/.test(text);
  const moneyWords = /(收入|支出|经费|绩效)/.test(text);
  if (!budgetWords || !moneyWords || text.length < 40) {
    throw new ImportError(
      "这不是部门预算或决算公开文件：未找到“预算/决算”和“收入/支出/绩效”等内容（not a budget disclosure）",
      "not-disclosure",
    );
  }
}
