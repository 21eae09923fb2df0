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
 *
 * The worker only ever reads text here, so its source gets small edits before
 * it is loaded (see TEXT_ONLY_EDITS): it skips what only drawing needs, and
 * reports painted paths (table borders) with the text. If pdfjs-dist changes
 * and an edit no longer matches, the worker is loaded as shipped: slower, and
 * tables are read from their text alone (wrapped cells as separate lines).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

const pdfjsDir = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
export const cMapUrl = join(pdfjsDir, "cmaps") + "/";
export const standardFontDataUrl = join(pdfjsDir, "standard_fonts") + "/";

let loading: Promise<PdfJs> | undefined;

/** Points of drawn paths reported per page (or form): a page of tables has a few thousand. */
const MAX_PATH_POINTS = 200_000;

/**
 * Table borders are drawn paths, which getTextContent skips and which only
 * getOperatorList reports, at the cost of evaluating and copying every glyph
 * of the page again (about as long as reading the text). So the text-content
 * loop also records path construction and painting: each painted path becomes
 * an item `{type: "gongkaiPath", paint, subpaths}` among the text items, its
 * points already through the current transformation matrix (PDF user space,
 * as text items' transforms are). Curves only move the pen: borders are
 * straight. At most MAX_PATH_POINTS points are reported per content stream.
 */
const PATH_CASES =
  [
    "moveTo",
    "lineTo",
    "curveTo",
    "curveTo2",
    "curveTo3",
    "closePath",
    "rectangle",
    "stroke",
    "closeStroke",
    "fill",
    "eoFill",
    "fillStroke",
    "eoFillStroke",
    "closeFillStroke",
    "closeEOFillStroke",
    "endPath",
  ]
    .map((op) => `          case OPS.${op}:\n`)
    .join("") +
  "            gongkaiRecordPath(stateManager, fn, args, textContent.items);\n            break;\n";

const PATH_RECORDER = `function gongkaiRecordPath(stateManager, fn, args, items) {
  const rec = (stateManager.gongkaiPath ||= { subpaths: [], current: null, points: 0 });
  const m = stateManager.state.ctm;
  const move = (x, y) => { rec.current = [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]]; rec.subpaths.push(rec.current); rec.points++; };
  const line = (x, y) => { if (!rec.current) return move(x, y); rec.current.push(x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]); rec.points++; };
  switch (fn) {
    case OPS.moveTo: move(args[0], args[1]); return;
    case OPS.lineTo: line(args[0], args[1]); return;
    case OPS.curveTo: move(args[4], args[5]); return;
    case OPS.curveTo2: case OPS.curveTo3: move(args[2], args[3]); return;
    case OPS.closePath: if (rec.current && rec.current.length > 2) rec.current.push(rec.current[0], rec.current[1]); return;
    case OPS.rectangle: {
      const [x, y, w, h] = args;
      move(x, y); line(x + w, y); line(x + w, y + h); line(x, y + h); line(x, y);
      rec.current = null;
      return;
    }
  }
  const paint = fn === OPS.stroke || fn === OPS.closeStroke ? "stroke" : fn === OPS.fill || fn === OPS.eoFill ? "fill" : fn === OPS.endPath ? null : "fillStroke";
  if (paint && rec.subpaths.length && rec.points <= ${MAX_PATH_POINTS}) items.push({ type: "gongkaiPath", paint, subpaths: rec.subpaths });
  rec.subpaths = [];
  rec.current = null;
}
`;

/**
 * pdf.js inflates a Flate stream (every content stream, font and image) through
 * the web DecompressionStream, which Node builds on zlib streams: a promise, a
 * stream writer and chunk copies per stream, about a tenth of a page's reading.
 * The same zlib inflates it in one synchronous call here; it returns the
 * stream's readable/writable pair so the shipped code around it is unchanged,
 * and throws as DecompressionStream fails (pdf.js then inflates with its own
 * lenient decoder, which keeps what a damaged stream still holds).
 */
const INFLATER = `function gongkaiInflated(bytes) {
  const data = new Uint8Array(gongkaiInflateSync(bytes));
  return {
    readable: [data],
    writable: { getWriter: () => ({ ready: Promise.resolve(), write: () => Promise.resolve(), close: () => Promise.resolve() }) },
  };
}
`;

/**
 * [what, find, replace]: each `find` must occur exactly once in the worker.
 * Glyph outlines are for drawing: converting a font program for the canvas is
 * what pdf.js spends most of its time on (an embedded CJK CFF font took ~1 s
 * of a 1.5 s import), and text needs none of it when the PDF maps codes to
 * Unicode itself (composite font with a ToUnicode map, the norm for Chinese
 * PDFs; the code → CID → width path does not use the font program). Type 3
 * glyph procedures (Chromium prints CJK fonts as Type 3) are likewise only
 * drawn; their widths come from the font's /Widths.
 */
const TEXT_ONLY_EDITS: [string, string, string][] = [
  [
    "skip font programs of ToUnicode-mapped composite fonts",
    "    [type, subtype] = getFontFileType(file, properties);",
    "    if (properties.composite && properties.hasIncludedToUnicodeMap) {\n      this.fallbackToSystemFont(properties);\n      return;\n    }\n    [type, subtype] = getFontFileType(file, properties);",
  ],
  [
    "skip Type 3 glyph procedures",
    "      if (translatedFont.isType3Font) {\n        try {\n          await translated.loadType3Data(",
    "      if (translatedFont.isType3Font && false) {\n        try {\n          await translated.loadType3Data(",
  ],
  [
    "report drawn paths with the text content",
    "          case OPS.setTextRise:\n            textState.textRise = args[0];",
    PATH_CASES + "          case OPS.setTextRise:\n            textState.textRise = args[0];",
  ],
  [
    "inflate with zlib's synchronous call",
    "      } = new DecompressionStream(name);",
    '      } = name === "deflate" ? gongkaiInflated(bytes) : new DecompressionStream(name);',
  ],
  [
    "define the zlib inflater",
    "\nclass StateManager {",
    "\n" + INFLATER + "\nclass StateManager {",
  ],
  [
    "define the path recorder",
    "\nclass StateManager {",
    "\n" + PATH_RECORDER + "\nclass StateManager {",
  ],
];

/** The worker module to import: the shipped file, or its text-only edit as a data: URL. */
function workerModule(): string {
  const shipped = join(pdfjsDir, "legacy", "build", "pdf.worker.mjs");
  if (process.env.GONGKAI_PDFJS_AS_SHIPPED) return shipped;
  let source = readFileSync(shipped, "utf8");
  for (const [, find, replace] of TEXT_ONLY_EDITS) {
    const at = source.indexOf(find);
    if (at < 0 || source.indexOf(find, at + 1) >= 0) return shipped;
    source = source.slice(0, at) + replace + source.slice(at + find.length);
  }
  source = `import { inflateSync as gongkaiInflateSync } from "node:zlib";\n${source}`;
  // The source map sits beside the shipped file, not beside a data: URL.
  source = source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
  return "data:text/javascript;base64," + Buffer.from(source).toString("base64");
}

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
    await import(workerModule()); // untyped module: loaded for its side effect
    return lib;
  } finally {
    for (const [target, key, value] of natives) {
      if ((target as Record<PropertyKey, unknown>)[key] !== value) {
        Object.defineProperty(target, key, {
          value,
          writable: true,
          configurable: true,
          enumerable: false,
        });
      }
    }
  }
}
