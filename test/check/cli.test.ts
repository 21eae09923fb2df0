/** The commands as a user runs them: check (terminal, --json, --out) and rules. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { cli, repoRoot, seedsDir } from "../support/paths.ts";
import { consistentInput } from "./support/generate.ts";
import { catalogue } from "../../src/check/catalogue.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "gongkai-check-"));

async function gongkai(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(cli, args, { cwd: repoRoot, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const [sample] = fc.sample(consistentInput, { seed: 7, numRuns: 1 });
const good = join(dir, "good.json");
writeFileSync(good, JSON.stringify(sample!.disclosure));

test("check --json on a consistent JSON disclosure: no errors, coverage of every rule, exit 0", async () => {
  const r = await gongkai(["check", "--json", good]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.coverage.rules, catalogue.length);
  assert.equal(out.coverage.findings.error, 0);
  assert.equal(out.rules.length, catalogue.length);
});

test("check on a JSON with a broken total: exit 1 and a Chinese report naming the rule and the numbers", async () => {
  const d = structuredClone(sample!.disclosure);
  d.expenditure!.project = d.expenditure!.project! + 100;
  const bad = join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify(d));
  const r = await gongkai(["check", bad]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /ARI-002/);
  assert.match(r.stdout, /差额 -100 万元/);
  assert.match(r.stdout, /审核报告/);
  // Exit 1 on an error finding in every output mode, --json included (as linters do).
  const json = await gongkai(["check", "--json", bad]);
  assert.equal(json.code, 1);
  assert.ok(JSON.parse(json.stdout).coverage.findings.error > 0);
});

test("a JSON that breaks the schema is refused with field paths and exit code 2", async () => {
  const broken = join(dir, "broken.json");
  writeFileSync(
    broken,
    JSON.stringify({
      format: "gongkai.disclosure/1",
      amountUnit: "元",
      expenditure: { total: "many" },
    }),
  );
  const r = await gongkai(["check", "--json", broken]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\/amountUnit/);
  assert.match(r.stderr, /\/expenditure\/total/);
  assert.doesNotMatch(r.stderr, /at .*\.ts:/);
});

test("--out writes an xlsx and an html report a reviewer can open", async () => {
  const d = structuredClone(sample!.disclosure);
  d.threePublic!.reception = d.threePublic!.reception! + 3;
  const bad = join(dir, "bad3.json");
  writeFileSync(bad, JSON.stringify(d));
  const xlsx = join(dir, "report.xlsx");
  const html = join(dir, "report.html");
  assert.equal((await gongkai(["check", bad, "--out", xlsx])).code, 1);
  assert.equal((await gongkai(["check", bad, "--out", html])).code, 1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const sheet = wb.getWorksheet("问题清单")!;
  const rules = (sheet.getColumn(3).values as unknown[]).map(String);
  assert.ok(rules.includes("ARI-010"), rules.join(","));
  assert.equal(wb.getWorksheet("规则结果")!.rowCount, catalogue.length + 1);
  const page = readFileSync(html, "utf8");
  assert.match(page, /<html lang="zh-CN">/);
  assert.match(page, /ARI-010/);
});

test("check reads a real seed through the importer and ties findings to source lines", async () => {
  const seed = readdirSync(seedsDir).find((f) => f.startsWith("000_"))!;
  const r = await gongkai(["check", "--json", join(seedsDir, seed)]);
  const out = JSON.parse(r.stdout);
  assert.equal(r.code, out.coverage.findings.error > 0 ? 1 : 0, r.stderr);
  assert.equal(out.coverage.crashed, 0);
  assert.ok(out.findings.length > 0);
  for (const f of out.findings.filter((x: { path?: string }) =>
    x.path?.startsWith("/performance/activities/"),
  )) {
    assert.ok(Number.isInteger(f.line) && f.line > 0, JSON.stringify(f));
  }
});

test("rules lists the catalogue, also as JSON", async () => {
  const text = await gongkai(["rules"]);
  assert.match(text.stdout, new RegExp(`审核规则 ${catalogue.length} 条`));
  const json = JSON.parse((await gongkai(["rules", "--json"])).stdout);
  assert.equal(json.length, catalogue.length);
  assert.ok(
    json.every(
      (r: { id: string; title: string; check?: unknown }) =>
        r.id && r.title && r.check === undefined,
    ),
  );
});

test("docs/rules.md is the generated catalogue", async () => {
  const md = (await gongkai(["rules", "--markdown"])).stdout;
  assert.equal(readFileSync(join(repoRoot, "docs", "rules.md"), "utf8"), md);
});
