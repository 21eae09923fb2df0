/**
 * Precision on real documents (issue 3): what the seeds and corpus print must not be reported
 * as a defect when it is not one. Completeness rules ask the document's text before calling a
 * part missing (机构设置, 国有资产占有使用情况, 三公 change reasons written as prose); tables the
 * importer could not read are not reported fragment by fragment; the seeds' real defects
 * (golden findings) still are.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDisclosure } from "../../src/app/index.ts";
import { runChecks } from "../../src/check/engine.ts";
import { CheckContext } from "../../src/check/context.ts";
import { sectionInText } from "../../src/check/rules/completeness/text-sections.ts";
import type { CheckInput } from "../../src/check/types.ts";
import { corpusDir, seedsDir } from "../support/paths.ts";

const inputs = new Map<string, Promise<CheckInput>>();
const load = (file: string) => {
  let p = inputs.get(file);
  if (!p)
    inputs.set(file, (p = loadDisclosure(new Uint8Array(readFileSync(file)), { fileName: file })));
  return p;
};
const corpus = (n: string) => load(join(corpusDir, `${n}.txt`));
const seed = async (prefix: string) => {
  const { readdirSync } = await import("node:fs");
  return load(
    join(seedsDir, readdirSync(seedsDir).find((f) => f.startsWith(prefix) && f.endsWith(".txt"))!),
  );
};
const status = (input: CheckInput, rule: string) =>
  runChecks(input).results.find((r) => r.rule.id === rule)!.status;
/** The same input with the narrative lines matching `drop` removed. */
const without = (input: CheckInput, drop: RegExp): CheckInput => ({
  ...input,
  narrative: input.narrative!.filter((l) => !drop.test(l.text)),
});

test("assets written as a paragraph: CMP-008 passes on the text, fails once the section is gone", async () => {
  // 031 states its holdings in a sentence ("截至 2025 年 12 月…共有车辆 43 辆"); the rule must pass on
  // the section's text alone, as for a document whose sentence the importer cannot read.
  const imported = await corpus("031");
  assert.ok(imported.disclosure.assets, "the importer reads 031's vehicles");
  const { assets: _read, ...disclosure } = imported.disclosure;
  const input = { ...imported, disclosure };
  const section = sectionInText(new CheckContext(input), /国有资产(占有|占用)/);
  assert.ok(section, "（四）国有资产占有使用情况。截至 2025 年 12 月… is found");
  assert.equal(status(input, "CMP-008"), "passed");
  assert.equal(status(without(input, /国有资产占有使用情况/), "CMP-008"), "failed");
});

test("units listed in prose under 部门预算单位构成 / 机构设置: CMP-011 passes", async () => {
  for (const n of ["001", "017", "034", "036"]) {
    const input = await corpus(n);
    if (input.disclosure.units?.length) continue;
    assert.equal(status(input, "CMP-011"), "passed", n);
    assert.equal(status(without(input, /机构设置|单位构成/), "CMP-011"), "failed", n);
  }
});

test("a heading with nothing under it, a table of contents entry or a duty line is not a section", async () => {
  // Seed 001 prints "机构设置：" and goes straight on to 二、部门预算安排的总体情况 (a golden finding).
  const s001 = await seed("001_");
  assert.equal(status(s001, "CMP-011"), "failed");
  // Seed 000 has no asset section; its duties mention 国有资产管理 (a golden finding).
  assert.equal(status(await seed("000_"), "CMP-008"), "failed");
  // Corpus 017 has no asset section at all.
  assert.equal(status(await corpus("017"), "CMP-008"), "failed");
  // Corpus 036 lists 七、部门国有资产占有使用及资产购置情况说明 in its contents (line 13, next line a heading) and as a section (line 166).
  const s036 = sectionInText(new CheckContext(await corpus("036")), /国有资产占有使用/);
  assert.ok(
    s036 && s036.line > 100,
    `section found at its body, not the contents entry (line ${s036?.line})`,
  );
  // Corpus 007's duty "（五）拟订和组织实施本区行政事业单位国有资产管理规章制度" is not an asset section.
  const s007 = new CheckContext(await corpus("007"));
  assert.ok((sectionInText(s007, /国有资产(占有|占用)/)?.line ?? 0) > 400);
});

test("三公 change reasons stated in the text: YOY-013 passes, fails when the reasons are removed", async () => {
  for (const n of ["003", "034", "036"]) {
    const input = await corpus(n);
    assert.equal(status(input, "YOY-013"), "passed", n);
    // Without the sentences giving reasons (nor the explanation the importer read from them) the change is unexplained.
    const bare = without(input, /原因|主要/);
    const threePublic = { ...bare.disclosure.threePublic };
    delete threePublic.explanation;
    assert.equal(
      status({ ...bare, disclosure: { ...bare.disclosure, threePublic } }, "YOY-013"),
      "failed",
      n,
    );
  }
});

test("an activity table the importer flagged row by row is not evaluable, not reported fragment by fragment (corpus 004)", async () => {
  const input = await corpus("004");
  const acts = input.disclosure.performance?.activities ?? [];
  assert.ok(acts.length, "corpus 004's 部门整体 table is read");
  // Read row by row now (9 activities, one target per indicator, no grades): checked as it is.
  assert.equal(status(input, "PRF-006"), "notApplicable");
  for (const id of ["PRF-008", "PRF-010"]) assert.equal(status(input, id), "passed", id);
  // As the importer read it before (a warning on every row of the table), the rules step aside.
  const lines = Object.entries(input.disclosure.sourceMap ?? {}).flatMap(([path, ref]) =>
    path.startsWith("/performance/activities/") ? [ref.line] : [],
  );
  const flagged: CheckInput = {
    ...input,
    disclosure: {
      ...input.disclosure,
      diagnostics: lines.map((line) => ({
        level: "warning" as const,
        message: "活动之前没有职责名称",
        section: "职责—活动绩效目标",
        line,
      })),
    },
  };
  for (const id of ["PRF-008", "PRF-010"]) assert.equal(status(flagged, id), "notEvaluable", id);
});

test("seed activity tables without import diagnostics are still checked", async () => {
  for (const prefix of ["000_", "001_", "002_"])
    assert.notEqual(status(await seed(prefix), "PRF-009"), "notEvaluable", prefix);
});

test("a project without indicators names the importer's note on its table (seed 004: cut-off table, line 565)", async () => {
  const input = await seed("004_");
  const f = runChecks(input).findings.filter((x) => x.rule === "PRF-024");
  const cut = f.find((x) => x.path === "/performance/projects/5/indicators");
  assert.ok(cut, "the truncated table is still reported (golden finding)");
  assert.match(cut.message, /导入提示，第 \d+ 行：.*指标表在此处中断/);
  assert.equal(cut.line, Number(/第 (\d+) 行/.exec(cut.message)![1]));
  // Without the importer's diagnostics the plain finding remains.
  const plain = runChecks({
    ...input,
    disclosure: { ...input.disclosure, diagnostics: [] },
  }).findings.find((x) => x.path === "/performance/projects/5/indicators")!;
  assert.doesNotMatch(plain.message, /导入提示/);
});

test("spending plans: 100% reached by 6月底/10月底 with 12月底 blank is complete (seed 003), below 100% is reported (golden)", async () => {
  const input = await seed("003_");
  const projects = input.disclosure.performance!.projects!;
  const paths = new Set(
    runChecks(input)
      .findings.filter((f) => f.rule === "PRF-013")
      .map((f) => f.path),
  );
  let complete = 0,
    short = 0;
  projects.forEach((p, i) => {
    const plan = p.spendingPlan ?? {};
    if (plan.dec !== undefined || !Object.keys(plan).length) return;
    const values = Object.values(plan) as number[];
    const reported = paths.has(`/performance/projects/${i}/spendingPlan`);
    if (values.includes(100)) {
      complete++;
      assert.ok(!reported, `${p.name}: ${JSON.stringify(plan)} reaches 100%`);
    } else {
      short++;
      assert.ok(reported, `${p.name}: ${JSON.stringify(plan)} never reaches 100%`);
    }
  });
  assert.ok(complete > 0 && short > 0, `${complete} complete and ${short} short plans in seed 003`);
});

test("TXT-008: a text figure cut to its decimals (表 78.2164, 文 78.21) is not a contradiction; 887.36 for 87.3617 is (corpus 007, golden)", async () => {
  const input = await corpus("007");
  const f = runChecks(input).findings.filter((x) => x.rule === "TXT-008");
  assert.ok(f.length > 0);
  assert.deepEqual([...new Set(f.map((x) => x.path))], ["/expenditureByFunction/10"]);
  assert.match(f[0]!.message, /887\.36/);
});

test("PRF-025: a project from a table kind without a 资金用途 column is not missing its purpose (corpus 031 表十二); seed 003's blank one is (golden)", async () => {
  const s003 = runChecks(await seed("003_"))
    .findings.filter((x) => x.rule === "PRF-025")
    .map((x) => x.path);
  assert.deepEqual(s003, ["/performance/projects/22/purpose"]);
  const input = await corpus("031");
  const projects = input.disclosure.performance?.projects ?? [];
  const bare = projects.findIndex((p) => !p.purpose);
  if (bare < 0) return; // every project read with a purpose: nothing to test
  assert.ok(
    !runChecks(input).findings.some(
      (x) => x.rule === "PRF-025" && x.path === `/performance/projects/${bare}/purpose`,
    ),
  );
  // The same project with the fields of its neighbours is of the same kind: its blank purpose is reported.
  const same = structuredClone(input);
  const model = projects.find((p) => p.purpose)!;
  Object.assign(same.disclosure.performance!.projects![bare]!, {
    ...structuredClone(model),
    name: projects[bare]!.name,
    purpose: undefined,
  });
  delete same.disclosure.performance!.projects![bare]!.purpose;
  assert.ok(
    runChecks(same).findings.some(
      (x) => x.rule === "PRF-025" && x.path === `/performance/projects/${bare}/purpose`,
    ),
  );
});

test("a finding on an activity points at the activity's own row, not the duty row it shares (seed 001)", async () => {
  const input = await seed("001_");
  const map = input.disclosure.sourceMap!;
  const f = runChecks(input).findings.filter((x) => x.rule === "PRF-010");
  assert.ok(f.length > 0);
  for (const x of f) assert.equal(x.line, map[`${x.path}/activity`]!.line, x.path);
});
