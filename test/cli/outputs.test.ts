/**
 * Outputs a user can trust: nothing is written onto an input, an existing
 * file is replaced only with --force, an output path that cannot be written
 * is refused before any work (exit 2, Chinese message), and `--to csv`
 * writes what its name says.
 */
import assert from "node:assert/strict";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { unzipSync } from "fflate";
import { corpusDir, seedsDir } from "../support/paths.ts";
import { gongkai, STACK } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "gongkai-outputs-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const seed = join(seedsDir, "004_51b2d206ba941185.txt");

/** A fresh folder holding a copy of the seed as 004.txt and its canonical JSON as 004.json. */
async function workspace(name: string): Promise<string> {
  const here = join(dir, name);
  rmSync(here, { recursive: true, force: true });
  await import("node:fs/promises").then((fs) => fs.mkdir(here));
  copyFileSync(seed, join(here, "004.txt"));
  const r = await gongkai(["extract", join(here, "004.txt")]);
  assert.equal(r.code, 0, r.stderr);
  writeFileSync(join(here, "004.json"), r.stdout);
  return here;
}

test("without -o an output goes beside the input under a new name, never onto the input", async () => {
  const here = await workspace("beside");
  const json = readFileSync(join(here, "004.json"));
  const toJson = await gongkai(["render", join(here, "004.json"), "--to", "json"]);
  assert.equal(toJson.code, 0, toJson.stderr);
  assert.deepEqual(readFileSync(join(here, "004.json")), json, "the input is unchanged");
  assert.ok(existsSync(join(here, "004.gongkai.json")));
  assert.match(toJson.stderr, /已生成 .*004\.gongkai\.json/);

  const toHtml = await gongkai(["render", join(here, "004.txt"), "--to", "html"]);
  assert.equal(toHtml.code, 0, toHtml.stderr);
  assert.match(readFileSync(join(here, "004.html"), "utf8"), /<html lang="zh-CN">/);

  // An input whose extension is the output's (a page the importer reads as text): a new name.
  const page = readFileSync(join(here, "004.html"));
  const again = await gongkai(["render", join(here, "004.html"), "--to", "html"]);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(readFileSync(join(here, "004.html")), page);
  assert.match(readFileSync(join(here, "004.rendered.html"), "utf8"), /<html lang="zh-CN">/);
});

test("a PDF rendered to PDF goes to NAME.rendered.pdf; the original is untouched", async (t) => {
  if (!existsSync("/usr/bin/chromium") && !process.env.GONGKAI_CHROMIUM) {
    t.skip("Chromium is not installed (scripts/setup.sh installs it)");
    return;
  }
  const here = join(dir, "pdf");
  await import("node:fs/promises").then((fs) => fs.mkdir(here, { recursive: true }));
  const original = join(here, "003.pdf");
  copyFileSync(join(corpusDir, "017.pdf"), original);
  const before = readFileSync(original);
  const r = await gongkai(["render", original, "--to", "pdf"]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readFileSync(original), before);
  assert.equal(readFileSync(join(here, "003.rendered.pdf")).subarray(0, 5).toString(), "%PDF-");
});

test("an existing output is replaced only with --force; an input never, --force or not", async () => {
  const here = await workspace("force");
  const out = join(here, "t.xlsx");
  writeFileSync(out, "mine");
  const refused = await gongkai(["render", join(here, "004.json"), "--to", "xlsx", "-o", out]);
  assert.equal(refused.code, 2);
  assert.match(
    refused.stderr,
    /输出文件已存在：.*--force.*（output exists; use --force to replace it）/,
  );
  assert.equal(readFileSync(out, "utf8"), "mine");

  const forced = await gongkai([
    "render",
    join(here, "004.json"),
    "--to",
    "xlsx",
    "-o",
    out,
    "--force",
  ]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.deepEqual([...readFileSync(out).subarray(0, 2)], [0x50, 0x4b]);

  const json = readFileSync(join(here, "004.json"));
  const ontoInput = await gongkai([
    "render",
    join(here, "004.json"),
    "--to",
    "json",
    "-o",
    join(here, ".", "004.json"),
    "--force",
  ]);
  assert.equal(ontoInput.code, 2);
  assert.match(ontoInput.stderr, /输出文件不能是输入文件/);
  assert.deepEqual(readFileSync(join(here, "004.json")), json);

  const report = join(here, "report.html");
  writeFileSync(report, "mine");
  const check = await gongkai(["check", join(here, "004.json"), "--out", report]);
  assert.equal(check.code, 2);
  assert.equal(readFileSync(report, "utf8"), "mine");
  const checkForced = await gongkai(["check", join(here, "004.json"), "--out", report, "-f"]);
  assert.ok([0, 1].includes(checkForced.code), checkForced.stderr);
  assert.match(readFileSync(report, "utf8"), /<html/);
});

test("an output path that cannot be written is refused before the work, exit 2, no 内部错误", async () => {
  const here = await workspace("unwritable");
  // Not a disclosure: were it read before the output path is checked, the exit status would be 3.
  const input = join(here, "story.txt");
  writeFileSync(input, "从前有座山，山里有座庙。".repeat(30));
  const cases: string[][] = [
    ["check", input, "--out", join(here, "no-such-folder", "r.xlsx")],
    ["check", input, "--out", join(here, "004.txt", "r.html")], // a file used as a folder
    ["check", input, "--out", "/proc/r.html"], // not writable, even by root
    ["render", input, "--to", "xlsx", "-o", join(here, "no-such-folder", "t.xlsx")],
    ["render", input, "--to", "xlsx", "-o", here], // a folder where a file is asked for
    ["check", input, "--out", join(here, "r.pdf")], // not a report format
  ];
  for (const args of cases) {
    const r = await gongkai(args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, /无法写入|不支持的报告格式/, args.join(" "));
    assert.match(r.stderr, /（cannot write output）|（unsupported report format）/);
    assert.doesNotMatch(r.stderr, /内部错误/);
    assert.doesNotMatch(r.stderr, STACK);
  }
  assert.deepEqual(readdirSync(here).sort(), ["004.json", "004.txt", "story.txt"]);
});

test("--to csv: one file per table in a .zip or a folder; a .csv name is refused for several tables", async () => {
  const here = await workspace("csv");
  const input = join(here, "004.json");
  const single = await gongkai(["render", input, "--to", "csv", "-o", join(here, "x.csv")]);
  assert.equal(single.code, 2);
  assert.match(single.stderr, /有 \d+ 张表，无法写成一个 \.csv.*\.zip.*目录/);
  assert.ok(!existsSync(join(here, "x.csv")));

  const other = await gongkai(["render", input, "--to", "csv", "-o", join(here, "x.txt")]);
  assert.equal(other.code, 2);
  assert.match(other.stderr, /\.csv.*\.zip.*目录/);

  const zip = await gongkai(["render", input, "--to", "csv", "-o", join(here, "x.zip")]);
  assert.equal(zip.code, 0, zip.stderr);
  const entries = unzipSync(readFileSync(join(here, "x.zip")));
  const names = Object.keys(entries).sort();
  assert.ok(names.length > 1 && names.every((n) => n.endsWith(".csv")), names.join());

  const folder = await gongkai(["render", input, "--to", "csv", "-o", join(here, "tables")]);
  assert.equal(folder.code, 0, folder.stderr);
  assert.deepEqual(readdirSync(join(here, "tables")).sort(), names);
  for (const name of names) {
    assert.deepEqual(readFileSync(join(here, "tables", name)), Buffer.from(entries[name]!));
  }
  // A second run into the same folder needs --force.
  const again = await gongkai(["render", input, "--to", "csv", "-o", join(here, "tables")]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /输出目录已存在且不为空/);
  assert.ok(statSync(join(here, "tables")).isDirectory());
});
