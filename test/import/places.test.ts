/**
 * Messages name places as a reviewer finds them in the original file: an
 * import diagnostic or a finding on a PDF says "第 32 页第 1 行", never the line
 * number of the text the reader made (which nobody outside gongkai can see);
 * a plain text file's line numbers are its places and stay.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDisclosure, loadDisclosure } from "../../src/app/index.ts";
import { withPlaces } from "../../src/model/location.ts";
import { sharedDir } from "../support/paths.ts";

test("withPlaces names a line by its page, paragraph or sheet where it is known", () => {
  const at = (n: number) =>
    n === 473 ? { page: 23, line: 9 } : n === 12 ? { paragraph: 4 } : undefined;
  assert.equal(
    withPlaces("第 473 行的项目跨多行；文字说明（第12行）为 5 万元；第 7 行次", at),
    "第 23 页第 9 行的项目跨多行；文字说明（第 4 段）为 5 万元；第 7 行次",
  );
  assert.equal(withPlaces("第 99 行未能读取", at), "第 99 行未能读取");
});

/** Every "第 N 行" of the messages is a page's line ("第 P 页第 N 行"). */
const internalLines = (messages: string[]) =>
  messages.filter((m) => /(?<!页)第\s?\d+\s?行(?!次)/.test(m));

test("a PDF's diagnostics and findings name pages, not the reader's lines", async () => {
  let named = 0;
  for (const name of ["docs/P030.pdf", "docs/P055.pdf", "pool/P105.pdf"]) {
    const loaded = await loadDisclosure(readFileSync(join(sharedDir, "wild", name)), {
      fileName: name,
    });
    const diagnostics = (loaded.disclosure.diagnostics ?? []).map((d) => d.message);
    const findings = (await checkDisclosure(loaded)).findings.map((f) => f.message);
    const messages = [...diagnostics, ...findings];
    assert.deepEqual(internalLines(messages), [], name);
    named += messages.filter((m) => /第 \d+ 页第 \d+ 行/.test(m)).length;
  }
  // The documents do name places (a table with no rows read, rows that could not be assigned …).
  assert.ok(named > 0);
});
