/**
 * The library face (src/app/) on real inputs: one load for files and
 * canonical JSON, checks with the document's narrative, errors with stable
 * codes and exit statuses, and check/ independent of the importer.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  checkDisclosure,
  describeError,
  diagnosticLines,
  hasErrors,
  ImportError,
  InvalidDisclosure,
  loadDisclosure,
  loadFile,
  parseDisclosureJson,
  reportTitle,
  summaryLines,
  UserError,
} from "../../src/app/index.ts";
import { goldenDir, repoRoot, seedsDir } from "../support/paths.ts";

const seedName = "000_f6eb8ece6d8b211d.txt";
const seedBytes = new Uint8Array(readFileSync(join(seedsDir, seedName)));
const golden = JSON.parse(readFileSync(join(goldenDir, seedName.replace(".txt", ".json")), "utf8"));

test("a file is imported with its document and narrative; its canonical JSON loads back equal", async () => {
  const imported = await loadDisclosure(seedBytes, { fileName: seedName });
  assert.equal(imported.origin, "document");
  assert.equal(imported.disclosure.source?.file, seedName);
  assert.equal(imported.disclosure.department?.name, golden.expect.department.name);
  assert.ok(imported.document && imported.document.lines.length > 100);
  assert.ok(imported.narrative!.length > 10);
  const source = readFileSync(join(seedsDir, seedName), "utf8").split("\n");
  for (const line of imported.narrative!) {
    // Each paragraph starts on the source line it names.
    const first = source[line.line - 1]!.replace(/\s+/g, "");
    assert.ok(
      first && line.text.replace(/\s+/g, "").startsWith(first.slice(0, 4)),
      `${line.line}: ${line.text}`,
    );
  }

  const json = new TextEncoder().encode(JSON.stringify(imported.disclosure));
  const again = await loadDisclosure(json);
  assert.equal(again.origin, "json");
  assert.equal(again.narrative, undefined);
  assert.deepEqual(again.disclosure, JSON.parse(JSON.stringify(imported.disclosure)));
});

test("narrative rules see the text: a check from the file runs what a check from its JSON cannot", async () => {
  const imported = await loadDisclosure(seedBytes, { fileName: seedName });
  const fromJson = await loadDisclosure(
    new TextEncoder().encode(JSON.stringify(imported.disclosure)),
  );
  const [a, b] = await Promise.all([checkDisclosure(imported), checkDisclosure(fromJson)]);
  // TXT-004 reads the running text itself: it runs on the imported file only.
  const status = (r: typeof a) => r.results.find((x) => x.rule.id === "TXT-004")?.status;
  assert.equal(status(a), "passed");
  assert.equal(status(b), "notApplicable");
  assert.equal(hasErrors(a), a.coverage.findings.error > 0);
});

test("JSON problems carry stable codes and exit 2; import failures keep theirs and exit 3", async () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const codeOf = async (s: string) =>
    describeError(await parseDisclosureJson(bytes(s)).catch((e) => e));
  assert.deepEqual(
    [(await codeOf("{ nope")).code, (await codeOf('{"a":1}')).code],
    ["invalid-json", "not-canonical"],
  );
  const invalid = await parseDisclosureJson(
    bytes('{"format":"gongkai.disclosure/1","amountUnit":"元"}'),
  ).catch((e) => e);
  assert.ok(invalid instanceof InvalidDisclosure && invalid instanceof UserError);
  const report = describeError(invalid, "x.json");
  assert.equal(report.exitCode, 2);
  assert.ok(report.message.startsWith("x.json："));
  assert.ok(report.problems!.some((p) => p.path === "/amountUnit"));

  const failure = await loadDisclosure(bytes("今天天气很好。".repeat(20))).catch((e) => e);
  assert.ok(failure instanceof ImportError);
  assert.deepEqual(
    { ...describeError(failure, "a.txt"), message: "" },
    { code: "not-disclosure", exitCode: 3, message: "" },
  );
  assert.equal(describeError(new Error("boom")).exitCode, 70);
});

test("the report title and the summary name the department, year and kind", async () => {
  const { disclosure } = await loadDisclosure(seedBytes, { fileName: seedName });
  const title = reportTitle(disclosure, seedName);
  assert.ok(title.includes(golden.expect.department.name), title);
  assert.ok(title.endsWith(`（${seedName}）`), title);
  const summary = summaryLines(disclosure).join("\n");
  assert.match(summary, new RegExp(`部门：${golden.expect.department.name}`));
});

test("src/check/ imports nothing from src/import/ (it receives a disclosure and narrative lines)", () => {
  const checkDir = join(repoRoot, "src", "check");
  const files = readdirSync(checkDir, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".ts"),
  );
  assert.ok(files.length > 20);
  for (const file of files) {
    const text = readFileSync(join(checkDir, file), "utf8");
    assert.doesNotMatch(text, /from\s+["'](\.\.\/)+import\//, file);
    assert.doesNotMatch(text, /import\(["'](\.\.\/)+import\//, file);
  }
});

test("the importer's diagnostics read as Chinese lines: no JSON keys for the parts", async () => {
  // Seeds 004 and others lack parts whose diagnostics the importer names by their JSON keys.
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith(".txt"));
  let lines = 0;
  for (const seed of seeds) {
    const { disclosure } = await loadDisclosure(new Uint8Array(readFileSync(join(seedsDir, seed))));
    for (const line of diagnosticLines(disclosure)) {
      lines++;
      assert.match(line, /^(错误|警告|提示)/, line);
      assert.doesNotMatch(line.split("：")[0]!, /[a-z][A-Z]/, line);
    }
  }
  assert.ok(lines > 0);
});

test("loadFile reads a path within the limits and loads it; its failures describe with the path", async () => {
  const loaded = await loadFile(join(seedsDir, seedName));
  assert.equal(loaded.input.fileName, seedName);
  assert.equal(loaded.disclosure.department?.name, golden.expect.department.name);
  const missing = await loadFile(join(seedsDir, "nope.txt")).catch((e) => e);
  assert.deepEqual(
    { ...describeError(missing), message: "" },
    { code: "file-not-found", exitCode: 2, message: "" },
  );
});
