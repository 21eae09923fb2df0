/**
 * What a rule is given: the disclosure, the document's running text when
 * known, and small helpers for exact money and outcomes, so that each rule
 * module stays a few lines of intent.
 */
import { fenToDecimal, wanToFen, type Fen } from "../model/amount.ts";
import type { Disclosure } from "../model/disclosure.ts";
import { toleranceOf } from "./tolerance.ts";
import type { CheckInput, Draft, NarrativeLine, Outcome, Severity } from "./types.ts";

/** One side of an equation: a value, the pointer it sits at, and a short name for messages. */
export interface Term {
  path: string;
  value: number;
  label: string;
}

export interface Equation {
  /** What the equation says, e.g. "支出合计 = 基本支出 + 项目支出". */
  title: string;
  total: Term;
  parts: Term[];
  /** Where the finding sits (defaults to the total's pointer). */
  path?: string;
  /** Severity when the difference exceeds rounding; differences within rounding are warnings. */
  severity?: Severity;
  /**
   * The parts listed may be incomplete (a "其中" list, funding columns the format has no field for,
   * rows an import may miss): a total above the sum is then only a warning; a total below it stays certain.
   */
  partsMayBeIncomplete?: boolean;
}

export const fmt = (fen: Fen): string => fenToDecimal(fen, 6);

export class CheckContext {
  readonly d: Disclosure;
  readonly narrative?: NarrativeLine[];
  readonly outline?: CheckInput["outline"];

  constructor(input: CheckInput) {
    this.d = input.disclosure;
    this.narrative = input.narrative;
    this.outline = input.outline;
  }

  fen(value: number): Fen {
    return wanToFen(value);
  }

  private tolerances = new Map<string, Fen>();

  tolerance(term: Term): Fen {
    const key = `${term.path}|${term.value}`;
    let t = this.tolerances.get(key);
    if (t === undefined) {
      t = toleranceOf(this.d, term.path, term.value);
      this.tolerances.set(key, t);
    }
    return t;
  }

  private sharedTokens?: Set<string>;
  private tails?: boolean;

  /** The document says its figures may not add up in the last digit ("可能存在尾数误差"). */
  tailsNoted(): boolean {
    this.tails ??= (this.narrative ?? []).some((l) =>
      /尾数误差|尾差|尾数差异|四舍五入[^。]{0,12}(误差|差异|不等)/.test(l.text.replace(/\s+/g, "")),
    );
    return this.tails;
  }

  /**
   * A value read from a printed token of a line that was also read for another field: a
   * misaligned read, not the document. Checked against the whole sourceMap, so that every
   * equation the misread value takes part in says so (never an error in one rule and a
   * "可能读取错位" warning in another).
   */
  sameSource(terms: Term[]): boolean {
    const map = this.d.sourceMap;
    if (!map) return false;
    if (!this.sharedTokens) {
      const count = new Map<string, number>();
      for (const ref of Object.values(map)) {
        if (!ref.text || !/^[-+]?[\d,，]+(\.\d+)?$/.test(ref.text.trim())) continue;
        const key = `${ref.line}|${ref.text.trim()}`;
        count.set(key, (count.get(key) ?? 0) + 1);
      }
      this.sharedTokens = new Set([...count].filter(([, n]) => n > 1).map(([k]) => k));
    }
    return terms.some((t) => {
      const ref = map[t.path];
      return !!ref?.text && this.sharedTokens!.has(`${ref.line}|${ref.text.trim()}`);
    });
  }

  /**
   * total = Σ parts, exactly in 分. Beyond the rounding tolerance (half a unit
   * of the last printed digit of each value) the finding has the rule's
   * severity; a non-zero difference within it is a warning (a 尾差 to verify).
   */
  equation(eq: Equation, ruleSeverity: Severity): Draft | undefined {
    const total = this.fen(eq.total.value);
    let sum = 0n;
    let tol = this.tolerance(eq.total);
    for (const p of eq.parts) {
      sum += this.fen(p.value);
      tol += this.tolerance(p);
    }
    const diff = total - sum;
    if (diff === 0n) return undefined;
    const abs = diff < 0n ? -diff : diff;
    // The document warns of tails (尾数误差): one more unit of the total's last digit is its own.
    if (this.tailsNoted() && abs <= tol + 2n * this.tolerance(eq.total)) return undefined;
    const within = abs <= tol;
    const suspect = !within && this.sameSource([eq.total, ...eq.parts]);
    const severity: Severity =
      within || suspect || (eq.partsMayBeIncomplete && diff > 0n)
        ? ruleSeverity === "info"
          ? "info"
          : "warning"
        : (eq.severity ?? ruleSeverity);
    const partsText = eq.parts.map((p) => `${p.label} ${fmt(this.fen(p.value))}`).join(" + ");
    return {
      severity,
      path: eq.path ?? eq.total.path,
      message:
        `${eq.title}不成立：填报${eq.total.label} ${fmt(total)} 万元，分项之和 ${fmt(sum)} 万元（${partsText}），差额 ${fmt(diff)} 万元` +
        (within
          ? `（在四舍五入允许误差 ${fmt(tol)} 万元以内，请核对尾差）`
          : `（超出四舍五入允许误差 ${fmt(tol)} 万元）`) +
        (!within && eq.partsMayBeIncomplete && diff > 0n ? "；可能另有未列出的分项，请核对" : "") +
        (suspect ? "；其中有数字与另一栏目引自同一行的同一数字，可能是读取错位，请核对原表" : ""),
      actual: eq.total.value,
      expected: Number(fmt(sum)),
      difference: Number(fmt(diff)),
      unit: "万元",
      related: [eq.total.path, ...eq.parts.map((p) => p.path)].filter(
        (p) => p !== (eq.path ?? eq.total.path),
      ),
    };
  }
}

export const passed = (): Outcome => ({ status: "passed" });
export const notApplicable = (reason: string): Outcome => ({ status: "notApplicable", reason });
export const notEvaluable = (reason: string): Outcome => ({ status: "notEvaluable", reason });
/** Failed when there is anything to report, passed otherwise. */
export const outcome = (drafts: (Draft | undefined)[]): Outcome => {
  const list = drafts.filter((d): d is Draft => d !== undefined);
  return list.length ? { status: "failed", drafts: list } : { status: "passed" };
};

/** Present and a number. */
export const has = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
