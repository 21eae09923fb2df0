/**
 * One disclosure published as two files (Beijing's 附件1 情况说明 + 附件2 预算报表)
 * merged into one (src/import/merge.ts): facts both files state agree at the
 * coarser precision and keep the finer one; disagreeing facts are left unset and
 * named in a diagnostic; files of different departments are said not to belong
 * together. Real PDFs from ../shared/wild.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importDisclosure } from "../../src/import/index.ts";
import { mergeDisclosures, sameAmount } from "../../src/import/merge.ts";
import { KIND_SECTION } from "../../src/import/document-kind.ts";
import type { Disclosure } from "../../src/model/disclosure.ts";
import { sharedDir } from "../support/paths.ts";

const wild = join(sharedDir, "wild");
const load = async (path: string) =>
  (
    await importDisclosure(new Uint8Array(readFileSync(join(wild, path))), {
      fileName: path.split("/").pop(),
    })
  ).disclosure;

/** Every number in a disclosure's parts (not its source map or diagnostics), by JSON Pointer. */
function numbers(d: Disclosure): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === "number") out.set(path, node);
    else if (Array.isArray(node)) return;
    else if (node && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
  };
  const { sourceMap: _s, diagnostics: _d, source: _src, ...parts } = d;
  walk(parts, "");
  return out;
}

test("amounts agree at the coarser precision; a factor of 10,000 is no agreement", () => {
  assert.ok(sameAmount(9151.31, 9151.309668));
  assert.ok(sameAmount(97851.51, 97851.50651));
  assert.ok(!sameAmount(9151.32, 9151.31));
  // 9151.3 may be 9151.31 rounded to one decimal: no disagreement at that precision.
  assert.ok(sameAmount(9151.3, 9151.31));
  assert.ok(!sameAmount(9151.31, 91513100));
  assert.ok(sameAmount(2026, 2026));
});

test("Beijing 情况说明 + 预算报表 merge into one disclosure, disagreements named", async () => {
  const text = await load("docs/P110.pdf");
  const tables = await load("pool/P111.pdf");
  const merged = mergeDisclosures([
    { disclosure: text, file: "P110.pdf" },
    { disclosure: tables, file: "P111.pdf" },
  ]);
  assert.equal(merged.department?.name, "北京市发展和改革委员会");
  assert.equal(merged.year, 2026);
  assert.equal(merged.kind, "budget");
  assert.deepEqual(merged.region, { name: "北京市" });
  // Each file said it held only one half; the whole no longer does.
  assert.ok(!merged.diagnostics?.some((x) => x.section === KIND_SECTION));
  assert.match(merged.diagnostics?.[0]?.message ?? "", /由 2 个文件合并/);
  assert.equal(merged.source?.file, "P110.pdf + P111.pdf");

  const a = numbers(text);
  const b = numbers(tables);
  const m = numbers(merged);
  let shared = 0;
  for (const [path, x] of a) {
    const y = b.get(path);
    if (y === undefined) {
      assert.equal(m.get(path), x, `${path} from P110 alone`);
      continue;
    }
    shared++;
    if (sameAmount(x, y)) {
      assert.equal(m.get(path), String(y).length > String(x).length ? y : x, path);
    } else {
      assert.equal(m.get(path), undefined, `${path}: ${x} vs ${y} must be left unset`);
      assert.ok(
        merged.diagnostics?.some((d) => d.message.startsWith(`${path}：各文件不一致`)),
        `${path}: disagreement diagnosed`,
      );
    }
  }
  for (const [path, y] of b) {
    if (a.has(path)) continue;
    assert.equal(m.get(path), y, `${path} from P111`);
    // Its citation is P111's line, never a line of P110 that happens to cite the same pointer.
    assert.deepEqual(merged.sourceMap?.[path], tables.sourceMap?.[path], `${path} cited in P111`);
  }
  for (const [path, ref] of Object.entries(merged.sourceMap ?? {}))
    assert.ok(
      [text, tables].some((d) => JSON.stringify(d.sourceMap?.[path]) === JSON.stringify(ref)),
      `${path}: a citation one of the files made`,
    );
  assert.ok(shared >= 3, `the two files share ${shared} facts`);
  // Both halves' own diagnostics are kept, each naming its file.
  assert.ok(merged.diagnostics?.some((d) => d.message.startsWith("〔P111.pdf〕")));
});

test("files of two departments are not one disclosure: the identity is left unset, as an error", async () => {
  const merged = mergeDisclosures([
    { disclosure: await load("docs/P101.pdf"), file: "P101.pdf" },
    { disclosure: await load("docs/P104.pdf"), file: "P104.pdf" },
  ]);
  assert.equal(merged.department, undefined);
  const error = merged.diagnostics?.find(
    (d) => d.level === "error" && d.message.startsWith("/department/name"),
  );
  assert.ok(error);
  assert.match(error.message, /北京市信访办公室/);
  assert.match(error.message, /北京市公安局交通管理局/);
  assert.equal(merged.year, 2026, "the year they share is kept");
});
