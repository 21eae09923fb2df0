/**
 * Open data as CSV: one file per part of the disclosure, UTF-8 with a BOM
 * (so Excel on Chinese Windows opens it as UTF-8), zipped with fflate.
 * Amounts are exact decimal strings of 万元, never floats printed by JS.
 */
import { strToU8, zipSync } from "fflate";
import type { Disclosure } from "../model/disclosure.ts";
import { csvParts, type CsvValue } from "./csv-parts.ts";

export { csvParts, type CsvFile, type CsvValue } from "./csv-parts.ts";

function field(v: CsvValue): string {
  const s = v === undefined ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}

const BOM = "\uFEFF";

export function renderCsvZip(d: Disclosure): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of csvParts(d)) entries[f.name] = strToU8(BOM + csvText(f.header, f.rows));
  return zipSync(entries, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") });
}
