/**
 * The part extractors, in the order they run: the header facts (kind, year,
 * department) first, because later parts use them.
 */
import type { PartExtractor } from "./context.ts";
import { extractMeta } from "./meta.ts";
import { extractUnits } from "./units.ts";
import { extractIncome } from "./income.ts";
import { extractExpenditure } from "./expenditure.ts";
import { extractOperatingCosts } from "./operating-costs.ts";
import { extractThreePublic } from "./three-public.ts";
import { extractProcurement } from "./procurement.ts";
import { extractAssets } from "./assets.ts";
import { extractFunctionLines } from "./function-lines.ts";
import { extractEconomicLines } from "./economic-lines.ts";
import { extractFunctionalClassification } from "./functional-classification.ts";
import { extractPerformanceGoals } from "./performance-goals.ts";
import { extractActivities } from "./activities.ts";
import { extractProjects } from "./projects.ts";
import { extractGlossary } from "./glossary.ts";
import { extractOtherNotes } from "./other-notes.ts";

export const extractors: PartExtractor[] = [
  extractMeta,
  extractUnits,
  extractIncome,
  extractExpenditure,
  extractOperatingCosts,
  extractThreePublic,
  extractProcurement,
  extractAssets,
  extractFunctionLines,
  extractEconomicLines,
  extractFunctionalClassification,
  extractPerformanceGoals,
  extractActivities,
  extractProjects,
  extractGlossary,
  extractOtherNotes,
];
