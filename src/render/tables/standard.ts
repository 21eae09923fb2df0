/**
 * The nine standard public tables (cn-standards.md §2) built from a
 * disclosure, in their standard order (and, after them, 功能分类 lines no
 * standard table can take, as the document printed them). Each table takes only figures of its
 * own scope (scope.ts); a table without data is still published, empty,
 * with the standard explanation (R7).
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { tableContext } from "./cells.ts";
import {
  fiscalAppropriationSummary,
  functionLinesAsPrinted,
  fundExpenditure,
  generalBudgetBasicExpenditure,
  generalBudgetExpenditure,
} from "./fiscal.ts";
import type { TableModel } from "./model.ts";
import { expenditureSummary, incomeExpenditureSummary, incomeSummary } from "./summary.ts";
import { threePublicExpenditure } from "./three-public.ts";

export { SOURCE_LABELS, tableContext, type TableContext } from "./cells.ts";
export { threePublicChange } from "./three-public.ts";

export function standardTables(d: Disclosure): TableModel[] {
  const ctx = tableContext(d);
  const asPrinted = functionLinesAsPrinted(ctx);
  return [
    incomeExpenditureSummary(ctx),
    incomeSummary(ctx),
    expenditureSummary(ctx),
    fiscalAppropriationSummary(ctx),
    generalBudgetExpenditure(ctx),
    generalBudgetBasicExpenditure(ctx),
    fundExpenditure(ctx, "governmentFund"),
    fundExpenditure(ctx, "stateCapital"),
    threePublicExpenditure(ctx),
    // Published 功能分类 lines no standard table can take (their scope is another): shown apart.
    ...(asPrinted ? [asPrinted] : []),
  ];
}
