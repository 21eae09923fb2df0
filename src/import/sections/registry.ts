/**
 * The part extractors, in the order they run: the header facts (kind, year,
 * department) first, because later parts use them.
 */
import type { PartExtractor } from "./context.ts";
import { extractMeta } from "./meta/extract.ts";
import { extractUnits } from "./units.ts";
import { extractIncome } from "./money/income.ts";
import { extractExpenditure } from "./money/expenditure.ts";
import { extractOperatingCosts } from "./money/operating-costs.ts";
import { extractThreePublic } from "./three-public/extract.ts";
import { extractProcurement } from "./procurement.ts";
import { extractAssets } from "./assets.ts";
import { extractFunctionLines } from "./classification/function-lines.ts";
import { extractEconomicLines } from "./classification/economic-lines.ts";
import { extractFunctionalClassification } from "./classification/functional.ts";
import { extractPerformanceGoals } from "./performance/goals.ts";
import { extractActivities } from "./performance/activities.ts";
import { extractProjects } from "./projects/extract.ts";
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
