/**
 * The 收入 part: this year's income and its sources, from the 收支总表 or 收入总表 and the text.
 */
import { fenToWan, formatWan, type Fen } from "../../../model/amount.ts";
import type { Income, IncomeSource } from "../../../model/disclosure.ts";
import type { ExtractContext, PartExtractor } from "../context.ts";
import { witness } from "../../plausibility.ts";
import { stripNumbering } from "../../toolkit/find.ts";
import {
  incomeSource,
  readFiscalSummaryTable,
  readSummaryTable,
  type SummaryItem,
} from "./summary-table.ts";
import { overallIncome } from "./overall-budget.ts";

export { incomeSource };
import {
  AMT,
  amountOf,
  changeEvents,
  firstEvent,
  lineAt,
  narrativeStream,
  sameWithinPrinting,
  sentenceEnd,
  statedItems,
  type Stream,
} from "./narrative.ts";

const SECTION = "收入";

interface NarrativeIncome {
  total?: { fen: Fen; line: number; raw: string };
  items: { label: string; fen: Fen; line: number; raw: string }[];
}

/** Characters before "收入" that make it one source's income, not the total. */
const SOURCE_PREFIX =
  /(?:拨款|事业|经营|其他|补助|上缴|基金|资本|公共预算|专户|资金|财政|非税|本年|当年|服务|统筹|税收)$/;

/** "2020年全年预计收入72899万元,其中：财政拨款收入72899万元" and the like. */
export function readNarrativeIncome(stream: Stream): NarrativeIncome {
  const text = stream.text;
  const re = new RegExp(
    String.raw`(收入预算(?:总计|总额|合计)?|预算收入(?:总计|总额|合计)?|预计收入|收入总计|收入总额|收入合计|收入)(?:为|是|共计|共|总计)?[：:]?(?:\d{4}年度?(?:年初)?预算数)?${AMT}`,
    "g",
  );
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (SOURCE_PREFIX.test(before)) continue;
    if (m[1] === "收入" && !/(?:\d{4}年度?|部门|单位|本级|[）)：:])$/.test(before)) continue;
    const fen = amountOf(m[2]!, m[3]!);
    if (fen === undefined) continue;
    const result: NarrativeIncome = {
      total: { fen, line: lineAt(stream, m.index), raw: m[0] },
      items: [],
    };
    const end = sentenceEnd(text, m.index + m[0].length);
    const rest = text.slice(m.index + m[0].length, end);
    const listAt = rest.search(/其中|包括|分别为/);
    if (listAt >= 0) {
      const offset = m.index + m[0].length + listAt;
      for (const it of statedItems(rest.slice(listAt), offset)) {
        result.items.push({
          label: stripNumbering(it.label),
          fen: it.fen,
          line: lineAt(stream, it.index),
          raw: it.raw,
        });
      }
    }
    if (!result.items.length) {
      // A numbered list after the total: "1.一般公共预算拨款收入29569.52万元。2.…"
      const stop = text
        .slice(end)
        .search(/支出(?:预算)?(?:情况)?说明|支出预算[：:]|[二三四五六七]、/);
      const window = text.slice(end, end + (stop < 0 ? 800 : Math.min(stop, 800)));
      const li = new RegExp(String.raw`\d+[.．、]([^，,。；\d（）()]{2,30}?)${AMT}`, "g");
      let n: RegExpExecArray | null;
      while ((n = li.exec(window))) {
        const f = amountOf(n[2]!, n[3]!);
        if (f !== undefined)
          result.items.push({
            label: n[1]!,
            fen: f,
            line: lineAt(stream, end + n.index),
            raw: n[0],
          });
      }
    }
    return result;
  }
  return { items: [] };
}

const FUNDS = new Set<IncomeSource>(["generalBudget", "governmentFund", "stateCapital"]);

/**
 * A 收支总表 printing one 财政拨款 row ("一、预算拨款", 广州 / 珠海 表1) while the
 * 财政拨款收支总表 splits it by fund: the fund rows (those not zero) replace it
 * when they add up to it exactly.
 */
function splitFiscal(ctx: ExtractContext, items: SummaryItem[]): SummaryItem[] {
  const at = items.findIndex(
    (i) =>
      incomeSource(i.label) === "fiscalUnsplit" &&
      !items.some((j) => FUNDS.has(incomeSource(j.label))),
  );
  if (at < 0) return items;
  const funds = (readFiscalSummaryTable(ctx.doc)?.items ?? []).filter(
    (i) => FUNDS.has(incomeSource(i.label)) && i.fen !== 0n,
  );
  const sum = funds.reduce((a, i) => a + i.fen, 0n);
  if (!funds.length || sum !== items[at]!.fen) return items;
  // "财政拨款收入" all from one fund is the format's fiscalUnsplit row, kept as printed;
  // "预算拨款" names no source of its own.
  if (funds.length === 1 && /财政拨款/.test(items[at]!.label)) return items;
  ctx.diagnose(
    "info",
    `收支总表的「${items[at]!.label}」${formatWan(sum)}万元按财政拨款收支总表分为${funds.map((f) => `「${f.label}」${formatWan(f.fen)}万元`).join("、")}（the fiscal income row is split by fund as the 财政拨款收支总表 prints it）`,
    SECTION,
    items[at]!.line,
  );
  return [...items.slice(0, at), ...funds, ...items.slice(at + 1)];
}

export const extractIncome: PartExtractor = {
  name: SECTION,
  run(ctx: ExtractContext) {
    const income: Income = {};
    const table = readSummaryTable(ctx.doc);
    const stream = narrativeStream(ctx.doc);
    const narrative = readNarrativeIncome(stream);

    if (table?.cutOff) {
      ctx.diagnose(
        "warning",
        "收支总表不完整：有收入分项但未见收入总计（summary table cut off: income rows without a total）",
        SECTION,
        table.region.titleLine,
      );
    }
    const tableTotal = table?.incomeTotal;
    if (tableTotal) {
      income.total = fenToWan(tableTotal.fen);
      ctx.cite("/income/total", tableTotal.line, tableTotal.text);
    } else if (narrative.total) {
      income.total = fenToWan(narrative.total.fen);
      ctx.cite("/income/total", narrative.total.line, narrative.total.raw);
    }
    // The text rounds to its printed places: equal there is equal.
    const same =
      tableTotal &&
      narrative.total &&
      sameWithinPrinting({ fen: narrative.total.fen, raw: narrative.total.raw }, tableTotal.fen);
    if (tableTotal && narrative.total)
      witness(
        ctx.disclosure,
        "/income/total",
        same ? tableTotal.fen : narrative.total.fen,
        narrative.total.line,
      );
    if (tableTotal && narrative.total && !same) {
      ctx.diagnose(
        "warning",
        `收入总计：表格为${formatWan(tableTotal.fen)}万元，文字说明为${formatWan(narrative.total.fen)}万元，采用表格数（income total: table and text disagree; the table's figure is kept）`,
        SECTION,
        narrative.total.line,
      );
    }

    const items = table?.items.length
      ? splitFiscal(ctx, table.items.filter(isIncomeRow)).map((i) => ({
          label: i.label,
          fen: i.fen,
          line: i.line,
          raw: i.text,
        }))
      : narrative.items;
    if (items.length) {
      income.items = items.map((i) => ({
        source: incomeSource(i.label),
        label: i.label,
        amount: fenToWan(i.fen),
      }));
      items.forEach((i, n) => ctx.cite(`/income/items/${n}/amount`, i.line, i.raw));
    } else if (table && tableTotal) {
      ctx.diagnose(
        "info",
        "收支总表中未读到收入分项（no income rows with amounts found in the summary table）",
        SECTION,
        table.region.titleLine,
      );
    }

    const events = changeEvents(stream);
    const change = firstEvent(events, "income", "both");
    if (change) {
      if (change.amount !== undefined) income.change = fenToWan(change.amount);
      if (change.rate !== undefined) income.changeRate = change.rate;
      if (change.previous !== undefined) income.previousTotal = fenToWan(change.previous);
      const line = lineAt(stream, change.index);
      if (income.change !== undefined) ctx.cite("/income/change", line, change.raw);
      if (income.changeRate !== undefined) ctx.cite("/income/changeRate", line, change.raw);
      if (income.previousTotal !== undefined) ctx.cite("/income/previousTotal", line);
    }

    if (!table && !narrative.total && !change) {
      withoutStatement(ctx);
      return;
    }
    if (Object.keys(income).length) ctx.disclosure.income = income;
  },
};

/**
 * No table, no text: a performance-target form's 预算整体情况 block is the only
 * statement of income left, else there is none.
 */
function withoutStatement(ctx: ExtractContext): void {
  const overall = overallIncome(ctx);
  if (overall) ctx.disclosure.income = overall;
  else
    ctx.diagnose(
      "info",
      "未找到收入总表或收入说明（no income table or income statement found）",
      SECTION,
    );
}

/**
 * An income row, not an expenditure label that a longer 支出 side printed in the 收入 column
 * ("国有资本经营预算支出" beside an empty income cell): no income item is named …支出.
 */
function isIncomeRow(item: { label: string }): boolean {
  return !/支出$/.test(item.label.replace(/\s+/g, ""));
}
