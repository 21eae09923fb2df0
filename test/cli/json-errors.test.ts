/**
 * `check --json` answers in JSON whatever happens: findings when the check
 * ran (exit 1 on an error finding, as in every mode), `{"error": {code,
 * message}}` when it could not run, with the same exit status as without
 * --json (3 for a file that is not a readable disclosure, 2 for usage).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { gongkai, STACK } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-json-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface ErrorAnswer {
  error: { code: string; message: string; problems?: { path: string; message: string }[] };
}

test("check --json on files it cannot check: JSON with a stable code on stdout, the reason on stderr", async () => {
  const cases: [string[], string, number][] = [
    [
      ["check", "--json", file("story.txt", "从前有座山，山里有座庙。".repeat(30))],
      "not-disclosure",
      3,
    ],
    [["check", "--json", file("empty.txt", "")], "empty", 3],
    [["check", "--json", file("fake.pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")], "damaged", 3],
    [["check", "--json", join(dir, "missing.txt")], "file-not-found", 2],
    [["check", "--json", file("bad.json", "{ not json")], "invalid-json", 2],
    [["check", "--json", file("other.json", '{"hello":"world"}')], "not-canonical", 2],
    [["check", "--json", "--nope", join(dir, "x.txt")], "usage", 2],
  ];
  const runs = await Promise.all(cases.map(([args]) => gongkai(args)));
  runs.forEach((r, i) => {
    const [args, code, exit] = cases[i]!;
    const label = `${args.join(" ")}: ${r.stdout} ${r.stderr}`;
    assert.equal(r.code, exit, label);
    const answer = JSON.parse(r.stdout) as ErrorAnswer;
    assert.equal(answer.error.code, code, label);
    assert.match(answer.error.message, /[\u4e00-\u9fa5].*（[^）]*[a-z]{3,}[^）]*）/, label);
    assert.match(r.stderr, /^gongkai: /, label);
    assert.doesNotMatch(r.stderr, STACK, label);
  });
});

test("check --json on a disclosure JSON that breaks the schema: each problem with its path", async () => {
  const broken = file(
    "broken.json",
    JSON.stringify({
      format: "gongkai.disclosure/1",
      amountUnit: "元",
      expenditure: { total: "many" },
    }),
  );
  const r = await gongkai(["check", "--json", broken]);
  assert.equal(r.code, 2);
  const answer = JSON.parse(r.stdout) as ErrorAnswer;
  assert.equal(answer.error.code, "invalid-disclosure");
  const paths = answer.error.problems!.map((p) => p.path);
  assert.ok(paths.includes("/amountUnit") && paths.includes("/expenditure/total"), paths.join());
});

test("without --json the same failures print no JSON", async () => {
  const r = await gongkai(["check", file("story2.txt", "从前有座山，山里有座庙。".repeat(30))]);
  assert.equal(r.code, 3);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /story2\.txt：这不是部门预算或决算公开文件/);
});
