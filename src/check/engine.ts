/**
 * Runs the whole catalogue over one disclosure. Every rule ends in exactly one
 * status (passed, failed, not applicable, could not be evaluated, crashed);
 * one rule's crash never stops the others.
 */
import type { Disclosure } from "../model/disclosure.ts";
import { withPlaces } from "../model/location.ts";
import { catalogue } from "./catalogue.ts";
import { CheckContext } from "./context.ts";
import { Locator } from "./locations.ts";
import type {
  CheckInput,
  CheckReport,
  Coverage,
  Draft,
  Finding,
  Place,
  Rule,
  RuleMeta,
  RuleResult,
} from "./types.ts";

export function runChecks(input: CheckInput, rules: readonly Rule[] = catalogue): CheckReport {
  const ctx = new CheckContext(input);
  const lines = new SourceLines(input.disclosure);
  const locator = new Locator(input.disclosure, input.narrative, input.outline);
  const results: RuleResult[] = [];
  for (const rule of rules) {
    const meta = metaOf(rule);
    try {
      const out = rule.check(ctx);
      if (out.status === "failed") {
        results.push({
          rule: meta,
          status: "failed",
          findings: once(out.drafts.map((d) => toFinding(rule, d, lines, locator))),
        });
      } else if (out.status === "passed") {
        results.push({ rule: meta, status: "passed", findings: [] });
      } else {
        results.push({ rule: meta, status: out.status, reason: out.reason, findings: [] });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({
        rule: meta,
        status: "crashed",
        reason: `规则运行出错：${message}`,
        findings: [],
      });
    }
  }
  const findings = results.flatMap((r) => r.findings);
  return { findings, coverage: coverageOf(results, findings), results };
}

export function metaOf(rule: Rule): RuleMeta {
  const { check: _check, ...meta } = rule;
  return meta;
}

function coverageOf(results: RuleResult[], findings: Finding[]): Coverage {
  const count = (s: RuleResult["status"]) => results.filter((r) => r.status === s).length;
  return {
    rules: results.length,
    passed: count("passed"),
    failed: count("failed"),
    notApplicable: count("notApplicable"),
    notEvaluable: count("notEvaluable"),
    crashed: count("crashed"),
    findings: {
      error: findings.filter((f) => f.severity === "error").length,
      warning: findings.filter((f) => f.severity === "warning").length,
      info: findings.filter((f) => f.severity === "info").length,
    },
  };
}

/** A rule that reaches the same finding twice (the same text read by two routes) reports it once. */
function once(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toFinding(rule: Rule, draft: Draft, lines: SourceLines, locator: Locator): Finding {
  const finding: Finding = {
    rule: rule.id,
    severity: draft.severity ?? rule.severity,
    // Lines named in the message as the reviewer finds them in the file (第 23 页第 9 行).
    message: withPlaces(draft.message, (n) => locator.placeOf(n)),
  };
  if (draft.path !== undefined) finding.path = draft.path;
  if (draft.expected !== undefined) finding.expected = draft.expected;
  if (draft.actual !== undefined) finding.actual = draft.actual;
  if (draft.difference !== undefined) finding.difference = draft.difference;
  if (draft.unit !== undefined) finding.unit = draft.unit;
  const places: Place[] = [];
  for (const path of [draft.path, ...(draft.related ?? [])]) {
    if (path === undefined) continue;
    const ref = lines.find(path);
    const location = ref && locator.ofRef(ref);
    places.push(
      ref
        ? {
            path,
            line: ref.line,
            ...(ref.text ? { text: ref.text } : {}),
            ...(location ? { location } : {}),
          }
        : { path },
    );
  }
  const line = draft.line ?? places[0]?.line;
  if (line !== undefined) finding.line = line;
  const location = draft.location
    ? { ...draft.location }
    : draft.line
      ? locator.ofLine(draft.line, locator.textOf(draft.line))
      : places.find((p) => p.location)?.location;
  if (location) finding.location = location;
  const all = [
    ...new Set([
      ...(draft.line ? [draft.line] : []),
      ...places.flatMap((p) => (p.line ? [p.line] : [])),
    ]),
  ].sort((a, b) => a - b);
  if (all.length > 1 || (all.length === 1 && all[0] !== line)) finding.lines = all;
  if (places.length > 1) finding.places = places;
  return finding;
}

type SourceRef = NonNullable<Disclosure["sourceMap"]>[string];

/** Source lines by JSON Pointer: the value's own citation, else its name's, else its first cited descendant, else its nearest cited ancestor or that ancestor's name. */
class SourceLines {
  private keys?: string[];
  constructor(private readonly disclosure: Disclosure) {}

  find(path: string): SourceRef | undefined {
    const map = this.disclosure.sourceMap;
    if (!map) return undefined;
    const own = map[path];
    if (own) return own;
    // An object's own label row before the shared rows it sits under (an activity's duty is cited on the duty's line).
    const label = map[`${path}/name`] ?? map[`${path}/activity`];
    if (label) return label;
    // Descendants share the prefix "path/": a contiguous range of the sorted keys.
    this.keys ??= Object.keys(map).sort();
    const prefix = path + "/";
    let lo = 0,
      hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    let best: SourceRef | undefined;
    for (let i = lo; i < this.keys.length && this.keys[i]!.startsWith(prefix); i++) {
      const ref = map[this.keys[i]!]!;
      if (!best || ref.line < best.line) best = ref;
    }
    if (best) return best;
    // The nearest cited ancestor, or its label (a project without indicators is found by its name).
    for (let p = path; p.lastIndexOf("/") > 0; ) {
      p = p.slice(0, p.lastIndexOf("/"));
      const hit = map[p] ?? map[`${p}/name`] ?? map[`${p}/activity`];
      if (hit) return hit;
    }
    return undefined;
  }
}
