/**
 * The portal's stylesheet, read once at start-up and served under a path that
 * carries its content hash, so browsers may keep it for a year and a changed
 * file is fetched under a new name.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export const CSS_TEXT = readFileSync(resolve(import.meta.dirname, "../public/portal.css"), "utf8");
export const CSS_HASH = createHash("sha256").update(CSS_TEXT).digest("hex").slice(0, 12);
export const CSS_PATH = `/static/portal.${CSS_HASH}.css`;
