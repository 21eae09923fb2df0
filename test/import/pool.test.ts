/**
 * Robustness over ../shared/wild/pool (issue 13, item 6): the 84 PDFs of an upload
 * season, never tuned on. Every file either imports, with year, department and a
 * total read for at least 98% of the real disclosures, or is refused with the right
 * reason; nothing crashes. The class of each file below was established by reading
 * it (the reason for a refusal is test data; what the importer reads is not).
 * One process, every file imported once: about 30 s CPU. A file cut short (an
 * interrupted download) is refused as damaged.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { importDisclosure } from "../../src/import/index.ts";
import { ImportError } from "../../src/import/errors.ts";
import { KIND_SECTION, PARTIAL_NOTES, type DocumentKind } from "../../src/import/document-kind.ts";
import { sharedDir } from "../support/paths.ts";

type Refusal = "image-only" | "not-disclosure";
type Expected = DocumentKind | Refusal;

/** Files whose class is not a whole disclosure ("full"), by what reading them showed. */
const EXPECTED: Record<string, Expected> = {
  // Scans without a text layer: budgets (P032, P041, P126) and notices alike.
  P032: "image-only",
  P041: "image-only",
  P126: "image-only",
  P178: "image-only",
  P179: "image-only",
  P180: "image-only",
  P181: "image-only",
  P195: "image-only",
  // Not disclosures: notices (通知, 公报), reports, a standard, price and drug lists, forms.
  P042: "not-disclosure", // 泉州气象局 双随机一公开抽查工作计划
  P169: "not-disclosure", // SF/T 0083—2020 全国人民调解工作规范
  P174: "not-disclosure", // 杭州 消防安全工作实施办法的通知
  P187: "not-disclosure", // 福州 中药饮片最高付费标准目录
  P188: "not-disclosure", // 福州 物流业运行情况报告
  P207: "not-disclosure", // 政府网站工作年度报表
  P208: "not-disclosure", // 巡视整改进展情况的通报
  P211: "not-disclosure", // 咨询热线 notice
  P212: "not-disclosure", // 职业学校质量年度报告
  P214: "not-disclosure", // 法治政府建设报告
  P216: "not-disclosure", // 养老机构预收费存管协议
  P219: "not-disclosure", // 惠州 政府公报: 民生实事实施方案
  P220: "not-disclosure", // 惠州 政府公报: 民政局通知
  P221: "not-disclosure", // 惠州 政府公报: 优抚对象医疗保障实施细则
  P224: "not-disclosure", // 政府网站工作年度报表
  P225: "not-disclosure", // 政府网站工作年度报表
  P227: "not-disclosure", // 遵义水务局 工作岗位规范 (2016)
  P230: "not-disclosure", // 四川 突发事件应急预案管理实施办法
  P231: "not-disclosure", // 集采药品供应清单 (328 pages)
  // Performance-target attachments: 部门整体预算绩效目标申报表, 项目支出绩效目标表.
  P170: "performance-only",
  P172: "performance-only",
  // Beijing 附件2 预算报表 (tables, no explanation).
  P096: "tables-only",
  P105: "tables-only",
  P109: "tables-only",
  P111: "tables-only",
  P121: "tables-only",
  P127: "tables-only",
  P141: "tables-only",
  P145: "tables-only",
  P149: "tables-only",
  P151: "tables-only",
  // Beijing 附件1 情况说明, and Xi'an's 2019 说明 (explanation, no tables).
  P058: "explanation-only",
  P100: "explanation-only",
  P106: "explanation-only",
  P112: "explanation-only",
  P116: "explanation-only",
  P118: "explanation-only",
  P120: "explanation-only",
  P122: "explanation-only",
  P124: "explanation-only",
  P129: "explanation-only",
  P132: "explanation-only",
  P142: "explanation-only",
  P148: "explanation-only",
  P150: "explanation-only",
  P153: "explanation-only",
  P155: "explanation-only",
};

const REFUSAL_CODE: Record<Refusal, ImportError["code"]> = {
  "image-only": "needs-ocr",
  "not-disclosure": "not-disclosure",
};

const poolDir = join(sharedDir, "wild", "pool");

test("every pool file imports with its identity and totals, or is refused for the right reason", {
  skip: !existsSync(poolDir) && "no ../shared/wild/pool",
}, async () => {
  const files = readdirSync(poolDir)
    .filter((f) => f.endsWith(".pdf"))
    .sort();
  assert.ok(files.length >= 80, `the pool holds ${files.length} PDFs`);
  const wrong: string[] = [];
  const disclosures: string[] = [];
  const incomplete: string[] = [];
  for (const file of files) {
    const id = file.replace(/\.pdf$/, "");
    const expected = EXPECTED[id] ?? "full";
    let result: Awaited<ReturnType<typeof importDisclosure>> | undefined;
    try {
      result = await importDisclosure(new Uint8Array(readFileSync(join(poolDir, file))), {
        fileName: file,
      });
    } catch (error) {
      // Anything but an ImportError is a crash, whatever the file.
      if (!(error instanceof ImportError)) throw new Error(`${file}: crashed: ${error}`);
      if (!(expected in REFUSAL_CODE) || REFUSAL_CODE[expected as Refusal] !== error.code)
        wrong.push(`${file}: refused (${error.code}: ${error.message}), expected ${expected}`);
      continue;
    }
    if (expected in REFUSAL_CODE) {
      wrong.push(`${file}: imported, expected refusal as ${expected}`);
      continue;
    }
    const d = result.disclosure;
    const note = d.diagnostics?.find((x) => x.section === KIND_SECTION)?.message;
    const kind = note
      ? (Object.entries(PARTIAL_NOTES).find(([, m]) => m === note)?.[0] ?? "?")
      : "full";
    if (kind !== expected) wrong.push(`${file}: read as ${kind}, expected ${expected}`);
    if (!d.department?.name) wrong.push(`${file}: no department`);
    if (expected === "performance-only") continue;
    disclosures.push(file);
    const total = d.income?.total ?? d.expenditure?.total;
    if (!d.year || !d.department?.name || total === undefined)
      incomplete.push(`${file}: year ${d.year}, department ${d.department?.name}, total ${total}`);
  }
  assert.deepEqual(wrong, []);
  const share = 1 - incomplete.length / disclosures.length;
  assert.ok(
    share >= 0.98,
    `year, department and a total read for ${(share * 100).toFixed(1)}% of ${disclosures.length} disclosures:\n${incomplete.join("\n")}`,
  );
});

test("a pool file cut short is refused as damaged, never a crash", {
  skip: !existsSync(poolDir) && "no ../shared/wild/pool",
}, async () => {
  // Every eighth file, cut at half its bytes (an interrupted download): ~10 files, a few seconds.
  const files = readdirSync(poolDir)
    .filter((f) => f.endsWith(".pdf"))
    .sort()
    .filter((_, i) => i % 8 === 0);
  const wrong: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(join(poolDir, file));
    try {
      await importDisclosure(new Uint8Array(bytes.subarray(0, Math.floor(bytes.length / 2))));
      wrong.push(`${file}: half of it imported`);
    } catch (error) {
      if (!(error instanceof ImportError)) throw new Error(`${file}: crashed: ${error}`);
      if (error.code !== "damaged") wrong.push(`${file}: refused as ${error.code}`);
    }
  }
  assert.deepEqual(wrong, []);
});
