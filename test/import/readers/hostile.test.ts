/**
 * Bad and hostile files, each built here: every one is refused with a code
 * and a Chinese (English) message that says what it is, quickly and without
 * inflating or reading what it asks for; the CLI exits non-zero.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importDisclosure } from "../../../src/import/index.ts";
import { ImportError } from "../../../src/import/errors.ts";
import { limits } from "../../../src/import/readers/limits.ts";
import { cli, seedsDir } from "../../support/paths.ts";
import { buildPdf, type PdfText } from "./build-pdf.ts";
import { buildDocx, parseWordExport, zipEntries } from "./build-office.ts";
import { loadPdfJs } from "../../../src/import/readers/pdfjs.ts";

const tmp = mkdtempSync(join(tmpdir(), "gongkai-hostile-"));
const page: PdfText[] = [
  { x: 72, y: 760, size: 16, text: "某某局2026年部门预算公开" },
  { x: 72, y: 700, size: 10, text: "一般公共预算拨款收入" },
  { x: 300, y: 700, size: 10, text: "52.61" },
];

/**
 * Imports and expects a refusal with this code and a message matching `says`, within `ms`.
 * The bound is loose on purpose (the suite runs files in parallel on small CI machines):
 * it tells a refusal apart from inflating a bomb or reading every page, which take minutes.
 */
async function refused(
  bytes: Uint8Array,
  code: ImportError["code"],
  says: RegExp,
  ms = 10_000,
): Promise<ImportError> {
  const started = performance.now();
  const rssBefore = process.memoryUsage().rss;
  let caught: unknown;
  try {
    await importDisclosure(bytes);
  } catch (error) {
    caught = error;
  }
  const elapsed = performance.now() - started;
  assert.ok(caught instanceof ImportError, `expected an ImportError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.match(caught.message, says);
  // Chinese first, English in parentheses.
  assert.match(caught.message, /^[\u4e00-\u9fff\w]/);
  assert.match(caught.message, /（[^）]*[a-z][^）]*）$/);
  assert.ok(elapsed < ms, `took ${elapsed.toFixed(0)} ms`);
  assert.ok(
    process.memoryUsage().rss - rssBefore < 400 * 1048576,
    "memory grew by more than 400 MB",
  );
  return caught;
}

/** A zip whose first entry's sizes are rewritten in both headers: a liar. */
function lieAboutSizes(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const name = Buffer.from(entry);
  for (let p = 0; p + 4 <= out.length; p++) {
    const sig = view.getUint32(p, true);
    if (sig === 0x04034b50 && Buffer.from(out.subarray(p + 30, p + 30 + name.length)).equals(name))
      view.setUint32(p + 22, size, true);
    if (sig === 0x02014b50 && Buffer.from(out.subarray(p + 46, p + 46 + name.length)).equals(name))
      view.setUint32(p + 24, size, true);
  }
  return out;
}

// pdf.js loads once per process (about a second): not part of any refusal's time.
before(() => loadPdfJs());

const seedDocx = () =>
  buildDocx(parseWordExport(readFileSync(join(seedsDir, "000_f6eb8ece6d8b211d.txt"), "utf8")));

test("an encrypted PDF says it is encrypted", async () => {
  await refused(buildPdf({ pages: [page], encrypt: true }), "encrypted", /加密.*encrypted/);
});

test("an image-only (scanned) PDF says it needs OCR", async () => {
  await refused(buildPdf({ pages: [[], [], []], image: true }), "needs-ocr", /扫描件.*OCR/);
});

test("a PDF of ten thousand pages is refused before its pages are read", async () => {
  const bytes = buildPdf({ pages: Array.from({ length: 10_000 }, () => page) });
  const e = await refused(bytes, "too-large", /10000 页.*2000/, 20_000);
  assert.match(e.message, /too many pages/);
});

test("damaged PDFs and zips say they are damaged", async () => {
  const good = buildPdf({ pages: [page] });
  const garbage = new Uint8Array(4000).map((_, i) => (i * 7919 + 13) % 251);
  await refused(
    new Uint8Array([...Buffer.from("%PDF-1.7\n"), ...garbage]),
    "damaged",
    /PDF 文件已损坏/,
  );
  await refused(good.subarray(0, 60), "damaged", /PDF 文件已损坏/);
  const several = buildPdf({ pages: [page, page, page] });
  await refused(several.subarray(0, Math.floor(several.length * 0.8)), "damaged", /PDF 文件已损坏/);
  const docx = await seedDocx();
  await refused(docx.subarray(0, Math.floor(docx.length / 2)), "damaged", /已损坏.*damaged zip/);
  // Central directory intact, entry data corrupted.
  const corrupt = new Uint8Array(docx);
  for (let i = 100; i < 2000; i++) corrupt[i] = corrupt[i]! ^ 0x5a;
  await refused(corrupt, "damaged", /已损坏/);
});

test("a zip bomb inside a .docx or .xlsx is refused from its declared sizes, before inflating", async () => {
  // 65 MB of zeros deflates to about 65 KB: refused by its declared size, never inflated.
  const zeros = new Uint8Array(limits.maxZipEntryBytes + 1024);
  const bomb = zipEntries({ "[Content_Types].xml": "<Types/>", "word/document.xml": zeros });
  await refused(bomb, "hostile", /ZIP 炸弹.*word\/document\.xml/);
  const ratio = zipEntries({ "xl/workbook.xml": new Uint8Array(8 * 1048576) });
  await refused(ratio, "hostile", /压缩比/);
});

test("a zip that lies about its sizes is stopped at the declared size while inflating", async () => {
  const docx = zipEntries({ "word/document.xml": new Uint8Array(4 * 1048576).fill(0x20) });
  await refused(lieAboutSizes(docx, "word/document.xml", 1000), "hostile", /超过其声明的大小/);
});

test("XML entity declarations in a .docx or .xlsx are refused before parsing", async () => {
  const lol =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>';
  await refused(zipEntries({ "word/document.xml": lol }), "hostile", /DOCTYPE\/ENTITY/);
  const workbook = zipEntries({
    "xl/workbook.xml":
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    "xl/sharedStrings.xml":
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><sst><si><t>&e;</t></si></sst>',
  });
  await refused(workbook, "hostile", /sharedStrings\.xml.*DOCTYPE\/ENTITY/);
});

test("a password-protected Office file and an unrelated zip are named for what they are", async () => {
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ole.set(Buffer.from("EncryptedPackage", "utf16le"), 1024);
  await refused(ole, "encrypted", /加密/);
  await refused(
    zipEntries({ "photo.txt": "not office" }),
    "unsupported-format",
    /不是 \.docx 或 \.xlsx/,
  );
});

test("a file above the size limit is refused without being read", async () => {
  const big = new Uint8Array(limits.maxFileBytes + 1);
  big.set(Buffer.from("%PDF-1.7\n"));
  await refused(big, "too-large", /文件过大/);
});

test("the CLI prints the reason and exits non-zero for hostile and unreadable files", async () => {
  const files: Record<string, Uint8Array> = {
    // The names say nothing true: the reader goes by content.
    "encrypted.txt": buildPdf({ pages: [page], encrypt: true }),
    "bomb.docx": zipEntries({ "word/document.xml": new Uint8Array(limits.maxZipEntryBytes + 1) }),
    "broken.docx": (await seedDocx()).subarray(0, 3000),
  };
  const expected: Record<string, RegExp> = {
    "encrypted.txt": /已加密/,
    "bomb.docx": /ZIP 炸弹/,
    "broken.docx": /已损坏/,
  };
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(tmp, name);
    writeFileSync(path, bytes);
    const r = spawnSync(cli, ["extract", path], { encoding: "utf8", timeout: 60_000 });
    assert.notEqual(r.status, 0, name);
    assert.match(r.stderr, expected[name]!, name);
    assert.doesNotMatch(r.stderr, /\n\s+at /, `${name}: no stack trace`);
    assert.equal(r.stdout, "", name);
  }
});
