/**
 * @module What the browser tests ask of every page: axe-core finds no serious
 * or critical violation, a phone-wide page does not scroll sideways (wide
 * tables scroll inside their own box), and table amounts are printed as
 * 1,234.56 with 万元 stated in the caption or a header.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
/** axe-core's source, evaluated in the page (not a <script>: the portal's CSP forbids inline scripts). */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? "",
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
  });
}

/** The little of axe's API the page-side function uses. */
interface AxeApi {
  run(
    context: Document,
    options: { resultTypes: string[] },
  ): Promise<{
    violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[];
  }>;
}

export async function assertAccessible(page: Page, what: string): Promise<void> {
  const problems = await axeProblems(page);
  assert.deepEqual(problems, [], `${what} (${page.url()}): axe-core serious/critical violations`);
}

/**
 * Elements wider than the viewport that are not inside a box scrolling on its
 * own; empty when the page does not scroll sideways.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  // No named functions inside: the code runs in the page, where tsx's __name helper does not exist.
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const wide: string[] = [];
    for (const e of document.body.querySelectorAll("*")) {
      if (e.getBoundingClientRect().right <= width + 1) continue;
      let scrolled = false;
      for (let p = e.parentElement; p && p !== document.body && !scrolled; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        scrolled = o === "auto" || o === "scroll";
      }
      if (scrolled) continue;
      wide.push(
        `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.className ? `.${String(e.className).split(" ")[0]}` : ""}`,
      );
      if (wide.length === 8) break;
    }
    return [`scrollWidth ${document.documentElement.scrollWidth} > ${width}`, ...wide];
  });
}

export async function assertFitsPhone(page: Page, what: string): Promise<void> {
  assert.deepEqual(await sidewaysOverflow(page), [], `${what} (${page.url()}) scrolls sideways`);
}

export interface TableAmounts {
  caption: string;
  /** The caption, the description (the unit line) or a header cell says 万元. */
  statesUnit: boolean;
  /** Cells that look like amounts. */
  amounts: string[];
}

/** The tables of the page, each with its amount-like cells (digits with a decimal point). */
export async function tableAmounts(page: Page): Promise<TableAmounts[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("table")].map((t) => {
      const described = (t.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "");
      const head = [
        t.caption?.textContent ?? "",
        ...described,
        ...[...t.querySelectorAll("th")].map((th) => th.textContent),
      ];
      const cells = [...t.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim());
      return {
        caption: (t.caption?.textContent ?? "").trim(),
        statesUnit: head.join(" ").includes("万元"),
        amounts: cells.filter((c) => /^-?[\d,]+\.\d+$/.test(c)),
      };
    }),
  );
}

/** 1,234,567.89: groups of three, exactly two decimals. */
export const AMOUNT = /^-?\d{1,3}(,\d{3})*\.\d{2}$/;
