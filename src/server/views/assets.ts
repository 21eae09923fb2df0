/**
 * The portal's stylesheet and its one script, read once at start-up and served
 * under paths that carry their content hash, so browsers may keep them for a
 * year and a changed file is fetched under a new name.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

export const CSS_TEXT = readFileSync(resolve(import.meta.dirname, "../public/portal.css"), "utf8");
export const CSS_HASH = hashOf(CSS_TEXT);
export const CSS_PATH = `/static/portal.${CSS_HASH}.css`;

/**
 * Chart interaction where JavaScript runs: ECharts' own SSR client (3.6 KB, served by us like
 * everything else) and the few lines that show a mark's amount (public/charts.js).
 */
const ssrClient = readFileSync(
  createRequire(import.meta.url).resolve("echarts/ssr/client/dist/index.js"),
  "utf8",
);
export const JS_TEXT = `${ssrClient}\n${readFileSync(resolve(import.meta.dirname, "../public/charts.js"), "utf8")}`;
export const JS_PATH = `/static/charts.${hashOf(JS_TEXT)}.js`;
