/** A document of ../shared/wild (docs, else pool) read as text through the 收入 and 支出 extractors. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readText } from "../../src/import/readers/text.ts";
import { decodeText } from "../../src/import/decode.ts";
import { extractIncome } from "../../src/import/sections/money/income.ts";
import { extractExpenditure } from "../../src/import/sections/money/expenditure.ts";
import { FORMAT_ID, type Diagnostic, type Disclosure } from "../../src/model/disclosure.ts";
import { sharedDir } from "./paths.ts";

type Money = { disclosure: Disclosure; diagnostics: Diagnostic[] };

/** A wild document's text (docs, else pool) through the income and expenditure extractors. */
export function wildMoney(name: string): Money {
  const docs = join(sharedDir, "wild", "docs", `${name}.txt`);
  const file = existsSync(docs) ? docs : join(sharedDir, "wild", "pool", `${name}.txt`);
  return moneyOf(decodeText(readFileSync(file)).text);
}

/** A text through the 收入 and 支出 extractors. */
export function moneyOf(text: string): Money {
  const doc = readText(text);
  const disclosure: Disclosure = { format: FORMAT_ID, amountUnit: "万元" };
  const diagnostics: Diagnostic[] = [];
  for (const x of [extractIncome, extractExpenditure])
    x.run({
      doc,
      disclosure,
      diagnose: (level, message, section) =>
        diagnostics.push({ level, message, ...(section ? { section } : {}) }),
      cite: () => {},
    });
  return { disclosure, diagnostics };
}
