/**
 * gongkai as a library: the one face that the command line, the tests, the
 * benchmarks and the portal use. Load (bytes or canonical JSON → disclosure,
 * document, narrative), check, render, summarise, and the outputs' rules.
 * Importing this module is cheap: each step loads its heavy parts (readers,
 * renderers, report writers) when it first runs.
 */
export {
  describeError,
  ImportError,
  IMPORT_FAILURE_EXIT,
  InvalidDisclosure,
  UserError,
  type ErrorCode,
  type ErrorReport,
  type UserErrorCode,
} from "./errors.ts";
export {
  MAX_FILE_BYTES,
  MAX_TEXT_BYTES,
  STDIN,
  readInput,
  readInputFile,
  readStdin,
  type Input,
} from "./input.ts";
export {
  loadDisclosure,
  loadFile,
  looksLikeJson,
  mergeLoaded,
  narrativeOf,
  parseDisclosureJson,
  type LoadOptions,
  type Loaded,
  type LoadedPart,
} from "./load.ts";
export {
  checkDisclosure,
  hasErrors,
  renderReport,
  reportFormatOf,
  type ReportFormat,
} from "./check.ts";
export {
  RENDER_FORMATS,
  checkRenderTarget,
  renderBytes,
  renderFormat,
  renderTarget,
  writeRendering,
  type RenderFormat,
  type RenderTarget,
} from "./render.ts";
export { diagnosticLines, reportTitle, summaryLines } from "./summarise.ts";
export { besideInput, checkOutput, writeFolder, writeOutput, type OutputCheck } from "./output.ts";
