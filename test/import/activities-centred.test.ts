/**
 * Performance tables without duties and with vertically centred cells, as PDF
 * text prints them (corpus 004's 部门整体支出绩效目标表: 活动 | 绩效指标 |
 * 指标性质 | 指标值 | 度量单位): the one-line cells of a row sit on one line,
 * the wrapped 绩效指标 spreads above and below it, and each page is laid out
 * with its own column positions.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runExtractor } from "../support/run-extractor.ts";
import { extractActivities } from "../../src/import/sections/performance/activities.ts";

const shared = resolve(
  process.env.GONGKAI_SHARED ?? join(dirname(fileURLToPath(import.meta.url)), "../../../shared"),
);
const run = (text: string) => runExtractor(extractActivities, text, "columns");

test("corpus 004: the 部门整体 table reads as 9 activities with 50 indicators and their targets", () => {
  const text = readFileSync(join(shared, "corpus", "004.txt"), "utf8");
  const { disclosure, diagnostics, cites } = run(text);
  const acts = disclosure.performance!.activities!;
  assert.deepEqual(
    acts.map((a) => [a.activity, a.indicators!.length]),
    [
      ["法制建设", 8],
      ["普法宣传", 6],
      ["基层司法业务", 4],
      ["社区矫正", 3],
      ["公共法律服务", 6],
      ["律师公证管理", 6],
      ["法律职业资格考试", 5],
      ["信息化建设", 6],
      ["司法综合事务", 6],
    ],
  );
  assert.ok(acts.every((a) => a.duty === ""));
  // A cell wrapped over the lines above and below its row's line.
  assert.deepEqual(acts[0]!.indicators![0], {
    name: "产出指标数量指标北京市行政执法资格考试人数",
    description: "指标值：≤4500人次",
    grades: {},
  });
  // Four lines around a row line holding only the other cells; a qualitative target.
  assert.deepEqual(acts[0]!.indicators![5], {
    name: "效益指标社会效益指标统一行政执法人员资格管理，确保执法人员工作水平，做好行政规范性文件备案监督，促进行政机关依法行政",
    description: "指标值：效果显著（定性）",
    grades: {},
  });
  // A one-line row that fills its column, followed by the next indicator's first line.
  assert.deepEqual(
    acts[6]!.indicators!.slice(1, 3).map((i) => [i.name, i.description]),
    [
      ["产出指标质量指标4008咨询电话接通率", "指标值：≥80%"],
      ["产出指标质量指标法律职业资格申请应审尽审率", "指标值：≥99%"],
    ],
  );
  // An activity whose rows run over a page break (columns laid out anew) stays one activity.
  assert.equal(acts[4]!.indicators![0]!.name, "产出指标数量指标开展法律援助案件质量同行评估");
  assert.equal(acts[4]!.indicators![1]!.name, "产出指标数量指标选拔形成法律援助优秀案例汇编");
  // The last page starts its columns 9 characters further left.
  assert.deepEqual(acts[8]!.indicators![5], {
    name: "效益指标社会效益指标群众来信来访来电及时得到响应",
    description: "指标值：＝100%",
    grades: {},
  });

  // No per-row complaints; one note for the missing duty column, one per label beside the table.
  assert.deepEqual(
    diagnostics.filter((d) => d.level !== "info"),
    [],
  );
  assert.equal(diagnostics.filter((d) => /没有职责列/.test(d.message)).length, 1);
  assert.deepEqual(
    diagnostics.filter((d) => /不在任何列内/.test(d.message)).map((d) => d.line),
    [1703, 1708],
  );
  // Cited where printed: the indicator's first line, the target's line.
  assert.equal(cites.get("/performance/activities/0/indicators/0/name"), 1643);
  assert.equal(cites.get("/performance/activities/0/indicators/0/description"), 1644);
});

/** Rows of a 部门整体 table: activity, indicator, 指标性质, 指标值, 度量单位. */
type Row = [string, string, string, string, string];

const ROWS: Row[] = [
  ["业务管理", "产出指标数量指标组织开展全市业务培训班次数", "≥", "12", "期"],
  ["业务管理", "产出指标质量指标培训合格率", "≥", "95", "%"],
  [
    "业务管理",
    "效益指标社会效益指标提高业务人员依法履职能力，规范执法行为，提升服务质量",
    "定性",
    "效果显著",
    "",
  ],
  ["信息化运维", "产出指标数量指标运维系统数量", "＝", "17", "个"],
  ["信息化运维", "产出指标时效指标故障响应时间", "≤", "2", "小时"],
  ["信息化运维", "满意度指标服务对象满意度指标系统使用人员满意度", "≥", "90", "%"],
  ["综合保障", "成本指标经济成本指标物业服务单价", "≤", "30", "元/平方米"],
  ["综合保障", "产出指标数量指标保障办公场所面积", "≥", "5000", "平方米"],
];

/**
 * Writes rows as PDF text: the indicator wrapped at `wrap` characters and centred
 * on the row's line (a cell of n lines has n/2 lines above it, rounded down, and
 * the rest below, the middle one on the row's line when n is odd), one page per
 * entry of `pages`, each page with its own column positions, a label of the
 * enclosing table left of the first column on each page.
 */
function centredText(rows: Row[], pages: { xs: number[]; rows: number }[], wrap: number): string {
  const out = ["部门整体支出绩效目标表", ""];
  const place = (xs: number[], parts: string[]) =>
    parts.reduce((line, p, k) => (p ? line.padEnd(xs[k]!, " ") + p : line), "");
  out.push(
    place(
      pages[0]!.xs.map((x) => x + 2),
      ["活动", "绩效指标", "指标性质", "指标值", "度量单位"],
    ),
  );
  let r = 0;
  for (const page of pages) {
    for (const row of rows.slice(r, r + page.rows)) {
      const lines: string[] = [];
      for (let i = 0; i < row[1].length; i += wrap) lines.push(row[1].slice(i, i + wrap));
      const odd = lines.length % 2 === 1;
      const above = Math.floor(lines.length / 2);
      for (const l of lines.slice(0, above)) out.push(place(page.xs, ["", l]));
      out.push(place(page.xs, [row[0], odd ? lines[above]! : "", row[2], row[3], row[4]]));
      for (const l of lines.slice(odd ? above + 1 : above)) out.push(place(page.xs, ["", l]));
    }
    r += page.rows;
    out.push(place([0], ["整体绩效目标"]), "");
  }
  out.push("", "", "", "", "三、其他说明");
  return out.join("\n");
}

test("centred cells on pages laid out apart read back row by row", () => {
  const text = centredText(
    ROWS,
    [
      { xs: [8, 24, 52, 62, 70], rows: 3 },
      { xs: [14, 26, 44, 50, 56], rows: 3 },
      { xs: [8, 18, 40, 46, 54], rows: 2 },
    ],
    14,
  );
  const { disclosure, diagnostics } = run(text);
  const acts = disclosure.performance!.activities!;
  assert.deepEqual(
    acts.map((a) => [a.duty, a.activity, a.indicators!.map((i) => [i.name, i.description])]),
    [
      [
        "",
        "业务管理",
        ROWS.slice(0, 3).map((r) => [
          r[1],
          r[2] === "定性" ? `指标值：${r[3]}（定性）` : `指标值：${r[2]}${r[3]}${r[4]}`,
        ]),
      ],
      ["", "信息化运维", ROWS.slice(3, 6).map((r) => [r[1], `指标值：${r[2]}${r[3]}${r[4]}`])],
      ["", "综合保障", ROWS.slice(6).map((r) => [r[1], `指标值：${r[2]}${r[3]}${r[4]}`])],
    ],
  );
  assert.deepEqual(
    diagnostics.filter((d) => d.level !== "info"),
    [],
  );
});

test("the same rows one line each (a reader that joins wrapped cells): each line is a row", () => {
  const xs = [4, 20, 84, 92, 102];
  const place = (parts: string[]) =>
    parts.reduce((line, p, k) => (p ? line.padEnd(xs[k]!, " ") + p : line), "");
  const text = [
    "部门整体支出绩效目标表",
    "",
    place(["活动", "绩效指标", "指标性质", "指标值", "度量单位"]),
    ...ROWS.map((r) => place(r)),
    "",
    "",
    "",
    "",
    "三、其他说明",
  ].join("\n");
  const acts = run(text).disclosure.performance!.activities!;
  assert.deepEqual(
    acts.map((a) => [a.activity, a.indicators!.map((i) => i.name)]),
    [
      ["业务管理", ROWS.slice(0, 3).map((r) => r[1])],
      ["信息化运维", ROWS.slice(3, 6).map((r) => r[1])],
      ["综合保障", ROWS.slice(6).map((r) => r[1])],
    ],
  );
});

test("the same table as tab-separated rows: targets and merged activities do not depend on the layout", () => {
  const text = [
    "部门整体支出绩效目标表",
    "",
    ["活动", "绩效指标", "指标性质", "指标值", "度量单位"].join("\t"),
    ...ROWS.map((r) => r.join("\t")),
    "",
    "三、其他说明",
  ].join("\n");
  const { disclosure, diagnostics } = runExtractor(extractActivities, text, "tabs");
  const acts = disclosure.performance!.activities!;
  assert.deepEqual(
    acts.map((a) => [a.activity, a.indicators!.map((i) => i.description)]),
    [
      ["业务管理", ["指标值：≥12期", "指标值：≥95%", "指标值：效果显著（定性）"]],
      ["信息化运维", ["指标值：＝17个", "指标值：≤2小时", "指标值：≥90%"]],
      ["综合保障", ["指标值：≤30元/平方米", "指标值：≥5000平方米"]],
    ],
  );
  assert.deepEqual(
    diagnostics.map((d) => [d.level, d.line]),
    [["info", 3]],
  );
});
