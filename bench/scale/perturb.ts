/**
 * Turns a real disclosure into another department's: every amount multiplied
 * by the same whole number (amounts are found by walking the canonical schema,
 * so counts, percentages and years are left alone; an integer factor keeps
 * every sum, difference and share exactly as it was), the names and years in
 * the text replaced, and the source map dropped (its lines refer to the real
 * file, not to the rendered one stored in its place).
 */
import type { z } from "zod";
import { fenToWan, wanToFen } from "../../src/model/amount.ts";
import { AmountSchema, type Disclosure, DisclosureSchema } from "../../src/model/disclosure.ts";

export interface Identity {
  year: number;
  kind: "budget" | "final";
  region: { name: string; code: string };
  department: string;
  /** Every amount is multiplied by this whole number. */
  factor: number;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The value with every amount the schema marks multiplied by `factor`, exactly (in 分). */
export function scaleAmounts(schema: z.ZodType, value: unknown, factor: bigint): unknown {
  if (value === undefined || value === null) return value;
  if (schema === AmountSchema && typeof value === "number") {
    return fenToWan(wanToFen(value) * factor);
  }
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
      return scaleAmounts(def.innerType!, value, factor);
    case "array":
      return (value as unknown[]).map((v) => scaleAmounts(def.element!, v, factor));
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const field = def.shape![k];
        out[k] = field ? scaleAmounts(field, v, factor) : v;
      }
      return out;
    }
    default:
      return value;
  }
}

/** Every string in the value passed through `replace` (keys kept). */
function mapStrings(value: unknown, replace: (s: string) => string): unknown {
  if (typeof value === "string") return replace(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, replace));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, replace)]));
  }
  return value;
}

/** Replaces the base's department and region names and its years (2023年 → 2025年, 2022年 → 2024年). */
function renamer(base: Disclosure, id: Identity): (s: string) => string {
  const pairs: [string, string][] = [];
  const baseDept = base.department?.name?.trim();
  if (baseDept) pairs.push([baseDept, id.department]);
  const baseRegion = base.region?.name?.trim();
  if (baseRegion) pairs.push([baseRegion, id.region.name]);
  const shift = base.year ? id.year - base.year : 0;
  return (s) => {
    let out = s;
    for (const [from, to] of pairs) out = out.replaceAll(from, to);
    if (shift === 0) return out;
    return out.replace(/(?<!\d)((?:19|20)\d\d)(?=年)/g, (y) => String(Number(y) + shift));
  };
}

export function perturb(base: Disclosure, id: Identity): Disclosure {
  const { sourceMap: _map, source: _source, diagnostics, ...rest } = base;
  const scaled = scaleAmounts(DisclosureSchema, rest, BigInt(id.factor)) as Disclosure;
  const renamed = mapStrings(scaled, renamer(base, id)) as Disclosure;
  return {
    ...renamed,
    year: id.year,
    kind: id.kind,
    region: { name: id.region.name, code: id.region.code },
    department: { name: id.department },
    // The importer's notes stay (a stored version carries its diagnostics); their lines do not.
    ...(diagnostics?.length
      ? {
          diagnostics: diagnostics.map(({ level, message, section }) => ({
            level,
            message,
            section,
          })),
        }
      : {}),
  };
}
