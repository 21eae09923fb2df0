/**
 * CJK radicals read for ideographs: the folding itself, and a real PDF
 * printed by Chromium with Noto CJK (whose text layer names 一 and 门 by
 * their radical code points ⼀ and ⻔), read back with the normal ideographs.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { importDisclosure } from "../../../src/import/index.ts";
import { pdfToText } from "../../../src/import/readers/pdf.ts";
import { foldRadicals } from "../../../src/import/readers/pdf-radicals.ts";
import { PdfPrinter } from "../../../src/render/index.ts";
import { seedsDir } from "../../support/paths.ts";

const RADICALS = /[\u2e80-\u2fdf]/u;

test("Kangxi radicals and simplified radicals fold to the ideographs; punctuation and digits stay full-width", () => {
  assert.equal(foldRadicals("第⼀部分 部⻔概况"), "第一部分 部门概况");
  assert.equal(foldRadicals("⼆、收⽀预算总体情况"), "二、收支预算总体情况");
  assert.equal(foldRadicals("第 1 ⻚ / 共 38 ⻚"), "第 1 页 / 共 38 页");
  assert.equal(
    foldRadicals("⻓⻅⻛⻋⻉⻜⻢⻥⻝⻄⻩⻬⻮⻰⻳⻨⻘⻙⻈⺠"),
    "长见风车贝飞马鱼食西黄齐齿龙龟麦青韦讠民",
  );
  // Every Kangxi radical becomes a unified ideograph (U+4E00–U+9FFF).
  for (let c = 0x2f00; c <= 0x2fd5; c++)
    assert.match(foldRadicals(String.fromCodePoint(c)), /^[\u4e00-\u9fff]$/u, c.toString(16));
  // Full NFKC would make these ASCII; the extractors read them as printed.
  const kept = "（一）１２３，：；“三公”　％－";
  assert.equal(foldRadicals(kept), kept);
  assert.equal(foldRadicals("⺀"), "⺀", "a radical with no ideograph of its own stays");
  assert.equal(foldRadicals("财政专戶管理资金 \u2329一\u232a"), "财政专户管理资金 〈一〉");
  assert.equal(foldRadicals("良 \u2e3a 中"), "良 —— 中");
});

let opened: Promise<PdfPrinter> | undefined;
const printer = () => (opened ??= PdfPrinter.open());
after(async () => (await opened)?.close());

/** Every GB2312 character (no spaces, no private-use codes), in order. */
function gb2312(): string[] {
  const dec = new TextDecoder("gbk");
  const out: string[] = [];
  for (let a = 0xa1; a <= 0xf7; a++) {
    for (let b = 0xa1; b <= 0xfe; b++) {
      const s = dec.decode(new Uint8Array([a, b]));
      if (
        s.length === 1 &&
        s !== "\ufffd" &&
        s > "\u2000" &&
        !/\s/.test(s) &&
        !(s >= "\ue000" && s <= "\uf8ff")
      )
        out.push(s);
    }
  }
  return out;
}

test("every GB2312 character printed by Chromium in Noto Serif and Sans CJK SC reads back as itself", async () => {
  const chars = gb2312();
  assert.ok(chars.length > 7000, `${chars.length} characters`);
  // Forms both in use in documents, so left as the PDF names them.
  const ambiguous = new Set(["—", "～", "／", "｀"]);
  for (const [family, weight] of [
    ["Noto Serif CJK SC", 400],
    ["Noto Sans CJK SC", 700],
  ] as const) {
    const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{font:${weight} 10pt "${family}";word-break:break-all}</style></head><body>${chars.join(" ")}</body></html>`;
    const { text } = await pdfToText(await (await printer()).print(html));
    const back = [...text.replace(/\s+/g, "")];
    assert.equal(back.length, chars.length, family);
    const changed = chars.flatMap((c, i) =>
      c !== back[i] && !ambiguous.has(c) ? [`${c}→${back[i]}`] : [],
    );
    assert.deepEqual(changed, [], `${family} ${weight}`);
  }
});

test("a seed printed to PDF by Chromium reads back with normal ideographs", async () => {
  const seed = readdirSync(seedsDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()[0]!;
  const { disclosure } = await importDisclosure(new Uint8Array(readFileSync(join(seedsDir, seed))));
  const pdf = await (await printer()).render(disclosure);
  const { disclosure: back, document } = await importDisclosure(pdf);
  const text = document.lines.map((l) => l.text).join("\n");
  assert.ok(
    !RADICALS.test(text),
    `radicals left: ${[...new Set(text.match(/[\u2e80-\u2fdf]/gu))].join(" ")}`,
  );
  const flat = text.replace(/\s+/g, "");
  const name = disclosure.department!.name!;
  assert.ok(flat.includes(name), `department ${name}`);
  for (const heading of ["部门预算公开", "第一部分", "部门收支总表", "一般公共预算支出表"]) {
    assert.ok(flat.includes(heading), heading);
  }
  assert.equal(back.department?.name, name);
  assert.equal(back.year, disclosure.year);
});
