import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTarget } from "../src/model/target.ts";

const cases: [string, object][] = [
  ["≥95%", { op: ">=", value: 95, unit: "%" }],
  ["≥98%按计划完成", { op: ">=", value: 98, unit: "%" }],
  ["≥98%及时 全面贯彻", { op: ">=", value: 98, unit: "%" }],
  ["95%以上", { op: ">=", value: 95, unit: "%" }],
  ["＜70%", { op: "<", value: 70, unit: "%" }],
  ["≤20天（工作日）", { op: "<=", value: 20, unit: "天" }],
  ["≤0.1万元/次", { op: "<=", value: 0.1, unit: "万元/次" }],
  ["≤950元/月", { op: "<=", value: 950, unit: "元/月" }],
  ["≥98百分比", { op: ">=", value: 98, unit: "%" }],
  ["1 项", { op: "=", value: 1, unit: "项" }],
  ["1辆", { op: "=", value: 1, unit: "辆" }],
  ["100%", { op: "=", value: 100, unit: "%" }],
  ["≧90%", { op: ">=", value: 90, unit: "%" }],
  ["≥200MB", { op: ">=", value: 200, unit: "MB" }],
  ["≥8次及以上", { op: ">=", value: 8, unit: "次" }],
  ["<5%", { op: "<", value: 5, unit: "%" }],
  ["≥2 万张", { op: ">=", value: 2 }],
];

test("quantitative targets parse into op, value and unit", () => {
  for (const [raw, want] of cases) {
    const got = parseTarget(raw);
    assert.equal(got.raw, raw);
    for (const [k, v] of Object.entries(want))
      assert.deepEqual((got as unknown as Record<string, unknown>)[k], v, `${raw}: ${k}`);
    assert.equal(got.qualitative, undefined, raw);
  }
});

test("qualitative targets keep only the printed text", () => {
  for (const raw of [
    "优",
    "是",
    "效果显著",
    "12 月底前完成",
    "2021 年底之前",
    "按时发放",
    "提高",
    "达到预算考核标准",
    "全区范围宣传",
  ]) {
    assert.deepEqual(parseTarget(raw), { raw, qualitative: true }, raw);
  }
});
