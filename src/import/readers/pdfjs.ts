/**
 * Loads pdf.js's legacy build (the modern one needs DOMMatrix, absent from
 * Node 20) together with its worker, which then runs in this thread.
 *
 * The legacy build bundles core-js polyfills that replace *native* builtins
 * process-wide with much slower JavaScript versions (Array.prototype.push,
 * JSON.parse, JSON.stringify, Function.prototype.toString) because Node 20
 * fails an edge-case feature test. That made a PDF import 2-3 times slower and
 * would slow every other part of the process, so the natives are put back
 * once both modules have loaded. New methods the polyfills add are left.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

const pdfjsDir = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
export const cMapUrl = join(pdfjsDir, "cmaps") + "/";
export const standardFontDataUrl = join(pdfjsDir, "standard_fonts") + "/";

let loading: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  return (loading ??= load());
}

async function load(): Promise<PdfJs> {
  const natives: [object, PropertyKey, unknown][] = [
    [Array.prototype, "push", Array.prototype.push],
    [JSON, "parse", JSON.parse],
    [JSON, "stringify", JSON.stringify],
    [Function.prototype, "toString", Function.prototype.toString],
  ];
  try {
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // Setting globalThis.pdfjsWorker (the worker module does) makes pdf.js run its worker in this thread.
    const worker: string = "pdfjs-dist/legacy/build/pdf.worker.mjs"; // untyped module: loaded for its side effect
    await import(worker);
    return lib;
  } finally {
    for (const [target, key, value] of natives) {
      if ((target as Record<PropertyKey, unknown>)[key] !== value) {
        Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
      }
    }
  }
}
