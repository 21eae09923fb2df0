/**
 * The importer's accuracy on the golden files, measured by the shared scoring
 * tool exactly as the issue states it: at least 98% of the facts on the five
 * seeds and 95% on the corpus.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import {
  corpusDir,
  corpusGoldenDir,
  goldenDir,
  goldenTool,
  repoRoot,
  seedsDir,
} from "./support/paths.ts";

const run = promisify(execFile);

async function score(
  golden: string,
  docs: string,
  extra: string[] = [],
): Promise<{ ratio: number; output: string }> {
  const { stdout } = await run(
    process.execPath,
    [goldenTool, "--golden", golden, "--docs", docs, "--min", "0", ...extra],
    {
      cwd: repoRoot,
      maxBuffer: 64 << 20,
    },
  );
  const m = /facts: (\d+) passed, (\d+) failed/.exec(stdout);
  assert.ok(m, `no score line in:\n${stdout}`);
  const passed = Number(m[1]);
  const failed = Number(m[2]);
  return { ratio: passed / (passed + failed), output: stdout };
}

/**
 * Golden facts known to contradict the other golden files, reported on issue 13 rather than
 * worked around: corpus 026 keeps the scope suffix （本级） in the department's name, while every
 * wild golden file of the same Shenzhen template (P157, P175, P063, P199) expects the bare name.
 */
const GOLDEN_CONFLICTS = [
  /^\s*\/department\/name: expected "深圳市统计局（本级）", got "深圳市统计局"$/,
];

/** Every fact passes but the known golden conflicts (each still has to be the only miss of its kind). */
function onlyKnownConflicts(output: string): boolean {
  const misses = output.split("\n").filter((l) => /^\s+\//.test(l));
  return misses.every((l) => GOLDEN_CONFLICTS.some((c) => c.test(l)));
}

// The bars are 98% (seeds) and 95% (corpus); the floors below are today's scores, so a
// change that loses facts fails here instead of passing quietly above the bar.
test("seeds: every golden fact (issue bar 98%)", async () => {
  const { ratio, output } = await score(goldenDir, seedsDir);
  assert.ok(ratio >= 1, `seed score ${(ratio * 100).toFixed(2)}% < 100%\n${output}`);
});

test("corpus text: every golden fact (issue bar 95%)", async () => {
  const { ratio, output } = await score(corpusGoldenDir, corpusDir, ["--verbose"]);
  assert.ok(ratio > 0.99, `corpus score ${(ratio * 100).toFixed(2)}%\n${output}`);
  assert.ok(onlyKnownConflicts(output), `corpus facts missed:\n${output}`);
});

test("corpus PDFs: every golden fact, read from the original PDFs (issue 4 bar 95%)", async () => {
  const { ratio, output } = await score(corpusGoldenDir, corpusDir, ["--ext", "pdf", "--verbose"]);
  assert.ok(ratio > 0.99, `corpus PDF score ${(ratio * 100).toFixed(2)}%\n${output}`);
  assert.ok(onlyKnownConflicts(output), `corpus PDF facts missed:\n${output}`);
});

/**
 * Documents the importer was never tuned on (issue 13): 2026 budgets of ~20 cities, read from
 * their PDFs. The bars: ≥ 97% of facts, ≤ 0.3% of them read as a wrong value.
 */
const WILD_FLOOR = { facts: 0.97, wrong: 0.003 };

/** Facts passed and wrong values of a wild score run ("wild": the PDFs, "wild-txt": their text). */
async function wildRatios(set: "wild" | "wild-txt") {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "scripts/score.ts", set, "--min", "0"],
    { cwd: repoRoot, maxBuffer: 64 << 20 },
  );
  const facts = /facts: (\d+) passed, (\d+) failed/.exec(stdout);
  const wrong = /wrong values: (\d+) of (\d+) facts/.exec(stdout);
  assert.ok(facts && wrong, `no score lines in:\n${stdout}`);
  const ratio = Number(facts[1]) / (Number(facts[1]) + Number(facts[2]));
  const wrongRatio = Number(wrong[1]) / Number(wrong[2]);
  assert.ok(ratio >= WILD_FLOOR.facts, `${set} score ${(ratio * 100).toFixed(2)}%\n${stdout}`);
  assert.ok(
    wrongRatio <= WILD_FLOOR.wrong,
    `${set} wrong ${(wrongRatio * 100).toFixed(2)}%\n${stdout}`,
  );
}

test(`wild PDFs: at least ${WILD_FLOOR.facts * 100}% of facts, at most ${WILD_FLOOR.wrong * 100}% wrong (issue 13)`, () =>
  wildRatios("wild"));

// The same documents as pdftotext -layout printed them: the steerers may score through text.
test(`wild text: at least ${WILD_FLOOR.facts * 100}% of facts, at most ${WILD_FLOOR.wrong * 100}% wrong (issue 13)`, () =>
  wildRatios("wild-txt"));
