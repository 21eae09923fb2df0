/**
 * The 预算整体情况 block of a 部门整体预算绩效目标申报表 (广州's performance-target
 * attachment, uploaded apart from the disclosure): two label / amount columns
 * under one header row, 部门预算支出 (基本支出, 项目支出) beside 收入来源
 * (财政拨款, 其他资金), in 万元:
 *
 *   部门预算支出  预算金额（万元）  收入来源  预算金额（万元）
 *   基本支出      12,634.14         财政拨款  98,880.78
 *   项目支出      86,246.64         其他资金  0.00
 *
 * A document without a 收支总表 or a stated total reads its expenditure and
 * income from here (the money extractors' fallback); a full disclosure's own
 * tables always win. Read from each line's words, so that a PDF's drawn row
 * and pdftotext's layout line read alike.
 */
import { fenToWan, formatWan, parseAmount, sumFen, type Fen } from "../../../model/amount.ts";
import type { Expenditure, Income } from "../../../model/disclosure.ts";
import { squash, type SourceDocument } from "../../source-document.ts";
import type { ExtractContext } from "../context.ts";
import { incomeSource } from "./summary-table.ts";

export interface BlockValue {
  label: string;
  fen: Fen;
  line: number;
  /** The amount as printed. */
  text: string;
}

export interface OverallBudget {
  /** The header row's line. */
  line: number;
  /** The 部门预算支出 side's rows, as printed. */
  expenditure: BlockValue[];
  /** The 收入来源 side's rows, as printed. */
  income: BlockValue[];
}

/** The header: both sides named on one row (the block's own title may share it). */
const HEADER = /部门预算支出.*预算金额.*收入来源.*预算金额/;
/** The block's title, printed in its own merged cell on any of its rows. */
const TITLE = "预算整体情况";
const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const BASIC = /^基本支出$/;
const PROJECT = /^项目支出$/;
const TOTAL = /^(?:合计|总计|小计)$|(?:合计|总计)$/;

const cache = new WeakMap<SourceDocument, OverallBudget | null>();

/** The document's first 预算整体情况 block whose rows read as label / amount pairs. */
export function readOverallBudget(doc: SourceDocument): OverallBudget | undefined {
  if (cache.has(doc)) return cache.get(doc) ?? undefined;
  let found: OverallBudget | undefined;
  for (let i = 0; i < doc.lines.length && !found; i++) {
    const line = doc.lines[i]!;
    if (line.furniture || !HEADER.test(squash(line.text))) continue;
    found = readBlock(doc, i);
  }
  cache.set(doc, found ?? null);
  return found;
}

function readBlock(doc: SourceDocument, header: number): OverallBudget | undefined {
  const block: OverallBudget = { line: doc.lines[header]!.no, expenditure: [], income: [] };
  for (let i = header + 1; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    if (line.furniture) continue;
    const words = line.text
      .split(/\s+/)
      .filter((w) => w && w !== TITLE)
      .map((w) => w.trim());
    if (!words.length) continue;
    const pairs = pairsOf(words);
    // The next header (事业发展性支出 / 按预算级次划分) or the goal's text ends the block.
    if (!pairs) break;
    const [left, right] = pairs;
    const value = (p: [string, string]): BlockValue => ({
      label: p[0],
      fen: parseAmount(p[1])!,
      line: line.no,
      text: p[1],
    });
    if (pairs.length === 2) {
      block.expenditure.push(value(left!));
      block.income.push(value(right!));
    } else if (/支出$/.test(left![0])) block.expenditure.push(value(left!));
    // One side's rows may run on below the other's: an income row alone.
    else if (!TOTAL.test(left![0])) block.income.push(value(left!));
    else break;
  }
  return block.expenditure.length ? block : undefined;
}

/** "基本支出 12,634.14 财政拨款 98,880.78": one or two label / amount pairs, else undefined. */
function pairsOf(words: string[]): [string, string][] | undefined {
  if (words.length !== 2 && words.length !== 4) return undefined;
  const pairs: [string, string][] = [];
  for (let k = 0; k < words.length; k += 2) {
    const label = words[k]!;
    const amount = words[k + 1]!;
    if (!/^[\u4e00-\u9fff]/.test(label) || !AMOUNT.test(amount)) return undefined;
    pairs.push([label, amount]);
  }
  return pairs;
}

const SECTION_INCOME = "收入";
const SECTION_EXPENDITURE = "支出";

/**
 * Expenditure from the block: 基本支出 and 项目支出 as printed, and the total when
 * the block prints it or when the two are the whole of its 部门预算支出 side.
 */
export function overallExpenditure(ctx: ExtractContext): Expenditure | undefined {
  const block = readOverallBudget(ctx.doc);
  if (!block) return undefined;
  const e: Expenditure = {};
  const basic = block.expenditure.find((v) => BASIC.test(v.label));
  const project = block.expenditure.find((v) => PROJECT.test(v.label));
  const total = block.expenditure.find((v) => TOTAL.test(v.label));
  if (basic) {
    e.basic = fenToWan(basic.fen);
    ctx.cite("/expenditure/basic", basic.line, basic.text);
  }
  if (project) {
    e.project = fenToWan(project.fen);
    ctx.cite("/expenditure/project", project.line, project.text);
  }
  const parts = block.expenditure.filter((v) => v !== total);
  if (total) {
    e.total = fenToWan(total.fen);
    ctx.cite("/expenditure/total", total.line, total.text);
  } else if (basic && project && parts.length === 2) {
    const sum = basic.fen + project.fen;
    e.total = fenToWan(sum);
    ctx.cite("/expenditure/total", basic.line);
    ctx.diagnose(
      "info",
      `预算整体情况的部门预算支出只列基本支出和项目支出两项，支出合计按两项之和计为${formatWan(sum)}万元（the block's expenditure side is 基本支出 + 项目支出: its total is their sum）`,
      SECTION_EXPENDITURE,
      block.line,
    );
  } else
    ctx.diagnose(
      "info",
      "预算整体情况未印支出合计，且所列支出不止基本支出和项目支出两项，支出合计未导入（no expenditure total in the block）",
      SECTION_EXPENDITURE,
      block.line,
    );
  ctx.diagnose(
    "info",
    "支出取自部门整体绩效目标表的“预算整体情况”（expenditure read from the 预算整体情况 block of the performance-target form）",
    SECTION_EXPENDITURE,
    block.line,
  );
  return Object.keys(e).length ? e : undefined;
}

/**
 * Income from the block: its 收入来源 rows as printed (财政拨款 is the format's
 * fiscalUnsplit), and the total when printed, or when the rows add up to the
 * expenditure side's whole (the two sides of one budget balance).
 */
export function overallIncome(ctx: ExtractContext): Income | undefined {
  const block = readOverallBudget(ctx.doc);
  if (!block?.income.length) return undefined;
  const total = block.income.find((v) => TOTAL.test(v.label));
  const items = block.income.filter((v) => v !== total);
  const income: Income = {};
  if (items.length) {
    income.items = items.map((v) => ({
      source: incomeSource(v.label),
      label: v.label,
      amount: fenToWan(v.fen),
    }));
    items.forEach((v, n) => ctx.cite(`/income/items/${n}/amount`, v.line, v.text));
  }
  const sum = sumFen(items.map((v) => v.fen));
  const spent = block.expenditure.filter((v) => BASIC.test(v.label) || PROJECT.test(v.label));
  const whole =
    spent.length === 2 && block.expenditure.length === 2
      ? sumFen(spent.map((v) => v.fen))
      : undefined;
  if (total) {
    income.total = fenToWan(total.fen);
    ctx.cite("/income/total", total.line, total.text);
  } else if (items.length && whole !== undefined && sum === whole) {
    income.total = fenToWan(sum);
    ctx.cite("/income/total", items[0]!.line);
    ctx.diagnose(
      "info",
      `预算整体情况未印收入合计，收入来源各项之和${formatWan(sum)}万元等于基本支出与项目支出之和，作为收入合计（income total = the sources' sum, equal to the expenditure side's）`,
      SECTION_INCOME,
      block.line,
    );
  }
  ctx.diagnose(
    "info",
    "收入取自部门整体绩效目标表的“预算整体情况”（income read from the 预算整体情况 block of the performance-target form）",
    SECTION_INCOME,
    block.line,
  );
  return income;
}
