/**
 * Checker precision review (issue 3): every error-severity finding on the seeds and the
 * corpus (text and PDF) that the golden files do not list, so a reviewer can read each
 * against the document and call it a real defect or a false alarm. Also shows how each
 * golden finding is matched (same pointer, or only an ancestor/descendant pointer, the
 * way golden-check.mjs matches) and which warning rules fire on most documents.
 *
 * Run: node --import tsx scripts/precision.ts [--json] [--only NAME] [--no-pdf] [--golden] [--warnings] [--rule ID] [--severity warning] [--wild]
 *   --golden: how each golden finding is matched; --warnings: warning rules by the documents they fire on;
 *   --rule ID: that rule's status (and reason) and findings on every document, for reviewing one rule;
 *   --severity warning: list the unlisted findings of that severity instead of the errors;
 *   --wild: the PDFs of ../shared/wild (docs with their light golden findings, and pool) instead of
 *   seeds and corpus, each document's error findings listed so they can be read against it.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { loadDisclosure } from "../src/app/index.ts";
import { runChecks } from "../src/check/engine.ts";
import type { Finding } from "../src/check/types.ts";
import {
  seedsDir,
  goldenDir,
  corpusDir,
  corpusGoldenDir,
  sharedDir,
} from "../test/support/paths.ts";

interface GoldenFinding {
  rule: string;
  path: string;
}
interface Doc {
  name: string;
  file: string;
  golden: GoldenFinding[];
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const ruleId = args.includes("--rule") ? args[args.indexOf("--rule") + 1] : undefined;
const severity = args.includes("--severity") ? args[args.indexOf("--severity") + 1]! : "error";

function docsOf(golden: string, docs: string, ext?: string): Doc[] {
  return readdirSync(golden)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => {
      const g = JSON.parse(readFileSync(join(golden, f), "utf8")) as {
        source: string;
        findings?: GoldenFinding[];
      };
      const source = ext ? g.source.replace(/\.[^.]+$/, "." + ext) : g.source;
      const file = join(docs, source);
      return existsSync(file) ? [{ name: source, file, golden: g.findings ?? [] }] : [];
    });
}

const wildDir = join(sharedDir, "wild");

/** Every PDF of wild/docs (golden findings from wild/golden) and wild/pool (none). */
function wildDocs(): Doc[] {
  return ["docs", "pool"].flatMap((folder) =>
    readdirSync(join(wildDir, folder))
      .filter((f) => f.endsWith(".pdf"))
      .sort()
      .map((f) => {
        const golden = join(wildDir, "golden", f.replace(/\.pdf$/, ".json"));
        const findings = existsSync(golden)
          ? ((JSON.parse(readFileSync(golden, "utf8")) as { findings?: GoldenFinding[] })
              .findings ?? [])
          : [];
        return { name: `${folder}/${f}`, file: join(wildDir, folder, f), golden: findings };
      }),
  );
}

const docs = (
  flag("--wild")
    ? wildDocs()
    : [
        ...docsOf(goldenDir, seedsDir),
        ...docsOf(corpusGoldenDir, corpusDir),
        ...(flag("--no-pdf") ? [] : docsOf(corpusGoldenDir, corpusDir, "pdf")),
      ]
).filter((d) => !only || d.name.includes(only));

// golden-check.mjs: same pointer or an ancestor/descendant, never the root; errors and warnings.
const related = (a: string, b: string) => a === b || a.startsWith(b + "/") || b.startsWith(a + "/");
const serious = (f: Finding) =>
  f.severity !== "info" && typeof f.path === "string" && f.path !== "" && f.path !== "/";

interface DocResult {
  doc: string;
  unlisted: { rule: string; path?: string; line?: number; message: string }[];
  golden: { rule: string; path: string; exact: string[]; nearby: string[] }[];
  warnings: Record<string, number>;
  errors: number;
}

const results: DocResult[] = [];
for (const doc of docs) {
  let input: Awaited<ReturnType<typeof loadDisclosure>>;
  try {
    input = await loadDisclosure(new Uint8Array(readFileSync(doc.file)), { fileName: doc.name });
  } catch (e) {
    // Image-only scans and non-disclosures are refused by the importer: not the checker's concern.
    console.log(`${doc.name}: not imported (${(e as Error).message.split("\n")[0]})`);
    continue;
  }
  const { findings, results: outcomes } = runChecks(input);
  if (ruleId) {
    const r = outcomes.find((x) => x.rule.id === ruleId);
    console.log(`${doc.name}: ${r?.status ?? "no such rule"}${r?.reason ? ` (${r.reason})` : ""}`);
    for (const f of r?.findings ?? [])
      console.log(`  ${f.severity} ${f.path ?? "-"} line ${f.line ?? "-"}: ${f.message}`);
    continue;
  }
  const errors = findings.filter((f) => f.severity === severity);
  const listed = (f: Finding) =>
    f.path !== undefined &&
    f.path !== "" &&
    f.path !== "/" &&
    doc.golden.some((g) => related(f.path!, g.path));
  const warnings: Record<string, number> = {};
  for (const f of findings)
    if (f.severity === "warning") warnings[f.rule] = (warnings[f.rule] ?? 0) + 1;
  results.push({
    doc: doc.name,
    errors: errors.length,
    unlisted: errors
      .filter((f) => !listed(f))
      .map((f) => ({
        rule: f.rule,
        ...(f.path ? { path: f.path } : {}),
        ...(f.line ? { line: f.line } : {}),
        message: f.message,
      })),
    golden: doc.golden.map((g) => ({
      rule: g.rule,
      path: g.path,
      exact: findings.filter((f) => serious(f) && f.path === g.path).map((f) => f.rule),
      nearby: findings
        .filter((f) => serious(f) && f.path !== g.path && related(f.path!, g.path))
        .map((f) => `${f.rule}@${f.path}`),
    })),
    warnings,
  });
}

if (ruleId) {
  // Printed above, document by document.
} else if (flag("--json")) {
  console.log(JSON.stringify(results, null, 2));
} else {
  let errors = 0,
    unlisted = 0,
    goldenCount = 0,
    exact = 0,
    nearbyOnly = 0,
    missed = 0;
  for (const r of results) {
    errors += r.errors;
    unlisted += r.unlisted.length;
    console.log(
      `\n## ${r.doc}: ${r.errors} ${severity} findings, ${r.unlisted.length} not in the golden file`,
    );
    for (const u of r.unlisted)
      console.log(`  ${u.rule} ${u.path ?? "-"} line ${u.line ?? "-"}: ${u.message}`);
    for (const g of r.golden) {
      goldenCount++;
      const how = g.exact.length ? "exact" : g.nearby.length ? "nearby only" : "MISSED";
      if (g.exact.length) exact++;
      else if (g.nearby.length) nearbyOnly++;
      else missed++;
      if (flag("--golden"))
        console.log(
          `  golden ${g.path} (${g.rule}): ${how} ${[...g.exact, ...g.nearby].join(", ")}`,
        );
    }
  }
  console.log(`\n${severity} findings: ${errors}; not listed in golden files: ${unlisted}`);
  console.log(
    `golden findings: ${goldenCount}; matched on the exact pointer: ${exact}; only via an ancestor/descendant: ${nearbyOnly}; missed: ${missed}`,
  );
  if (flag("--warnings")) {
    const byRule: Record<string, { docs: number; findings: number }> = {};
    for (const r of results) {
      for (const [rule, n] of Object.entries(r.warnings)) {
        byRule[rule] ??= { docs: 0, findings: 0 };
        byRule[rule].docs++;
        byRule[rule].findings += n;
      }
    }
    const total = Object.values(byRule).reduce((a, c) => a + c.findings, 0);
    console.log(
      `\nwarning findings: ${total}; warning rules by documents fired on (of ${results.length}):`,
    );
    for (const [rule, c] of Object.entries(byRule).sort(
      (a, b) => b[1].docs - a[1].docs || b[1].findings - a[1].findings,
    )) {
      console.log(`  ${rule}: ${c.docs} documents, ${c.findings} findings`);
    }
  }
}
