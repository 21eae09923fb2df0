/**
 * Usage errors as a user meets them: Chinese with commander's English in
 * parentheses, exit status 2, also for the parser's own complaints; --version
 * and --help answer with status 0.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot, seedsDir } from "../support/paths.ts";
import { gongkai, STACK } from "./run.ts";

const seed = join(seedsDir, "004_51b2d206ba941185.txt");

test("the parser's complaints are Chinese with the English in parentheses, exit 2", async () => {
  const cases: [string[], RegExp][] = [
    [["extract"], /缺少参数 files.*（missing required argument 'files'）/],
    [["check", "--bogus", seed], /未知选项 --bogus.*（unknown option '--bogus'）/],
    [["frobnicate"], /未知命令 frobnicate.*（unknown command 'frobnicate'）/],
    [
      ["render", seed],
      /缺少必需的选项 --to <format>.*（required option '--to <format>' not specified）/,
    ],
    [
      ["render", seed, "--to"],
      /选项 --to <format> 缺少取值.*（option '--to <format>' argument missing）/,
    ],
    [["render", seed, seed, "--to", "json"], /参数过多.*（too many arguments/],
  ];
  const runs = await Promise.all(cases.map(([args]) => gongkai(args)));
  runs.forEach((r, i) => {
    const [args, message] = cases[i]!;
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(" "));
    assert.match(r.stderr, /^gongkai: /);
    assert.doesNotMatch(r.stderr, /^error:/m, "commander's own English line is not printed");
    assert.doesNotMatch(r.stderr, STACK);
    assert.equal(r.stdout, "");
  });
});

test("our own usage errors are exit 2 too: an unknown --to format", async () => {
  const r = await gongkai(["render", seed, "--to", "odt"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /不支持的输出格式：odt.*（unknown format）/);
});

test("--version prints package.json's version; --help lists every command; both exit 0", async () => {
  const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
  const [v, h, sub] = await Promise.all([
    gongkai(["--version"]),
    gongkai(["--help"]),
    gongkai(["help", "render"]),
  ]);
  assert.equal(v.code, 0);
  assert.equal(v.stdout.trim(), version);
  assert.equal(h.code, 0);
  for (const command of ["extract", "check", "rules", "render", "demo"]) {
    assert.match(h.stdout, new RegExp(`\\n  ${command} `));
  }
  assert.equal(sub.code, 0);
  assert.match(sub.stdout, /--force/);
});
