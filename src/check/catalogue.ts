/**
 * The rule catalogue, in report order. IDs are stable and never reused: a
 * retired rule keeps its ID out of circulation (list it in RETIRED).
 */
import type { Rule } from "./types.ts";
import * as incomeExpenditure from "./rules/arithmetic/income-expenditure.ts";
import * as threePublic from "./rules/arithmetic/three-public.ts";
import * as operatingProcurement from "./rules/arithmetic/operating-procurement.ts";
import * as assets from "./rules/arithmetic/assets.ts";
import * as projectsFunctions from "./rules/arithmetic/projects-functions.ts";
import * as economic from "./rules/arithmetic/economic.ts";
import * as cross from "./rules/cross/cross.ts";
import * as changes from "./rules/change/changes.ts";
import * as narrativeChanges from "./rules/narrative/changes.ts";
import * as narrativeAmounts from "./rules/narrative/amounts.ts";
import * as narrativeStatements from "./rules/narrative/statements.ts";
import * as narrativeWording from "./rules/narrative/wording.ts";
import * as narrativeFigures from "./rules/narrative/figures.ts";
import * as narrativeFinal from "./rules/narrative/final-accounts.ts";
import * as narrativeChangeSums from "./rules/narrative/change-sums.ts";
import * as narrativeStatedParts from "./rules/narrative/stated-parts.ts";
import * as sections from "./rules/completeness/sections.ts";
import * as contents from "./rules/completeness/contents.ts";
import * as emptyTables from "./rules/completeness/empty-tables.ts";
import * as activities from "./rules/performance/activities.ts";
import * as projects from "./rules/performance/projects.ts";
import * as targets from "./rules/performance/targets.ts";
import * as codes from "./rules/codes/codes.ts";

/** IDs once used and withdrawn; never assign them again. */
export const RETIRED: readonly string[] = [];

const rulesOf = (mod: Record<string, unknown>): Rule[] =>
  Object.values(mod).filter(
    (v): v is Rule => typeof v === "object" && v !== null && "id" in v && "check" in v,
  );

const FAMILY_ORDER = [
  "arithmetic",
  "cross",
  "narrative",
  "change",
  "completeness",
  "performance",
  "codes",
];

export const catalogue: readonly Rule[] = [
  incomeExpenditure,
  threePublic,
  operatingProcurement,
  assets,
  projectsFunctions,
  economic,
  cross,
  changes,
  narrativeChanges,
  narrativeAmounts,
  narrativeStatements,
  narrativeWording,
  narrativeFigures,
  narrativeFinal,
  narrativeChangeSums,
  narrativeStatedParts,
  sections,
  contents,
  emptyTables,
  activities,
  projects,
  targets,
  codes,
]
  .flatMap(rulesOf)
  .sort(
    (a, b) =>
      FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family) || a.id.localeCompare(b.id),
  );

export function findRule(id: string): Rule | undefined {
  return catalogue.find((r) => r.id === id);
}
