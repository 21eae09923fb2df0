import { test } from "node:test";
import assert from "node:assert/strict";
import {
  fenToWan,
  formatWan,
  parseAmount,
  roundingTolerance,
  wanToFen,
  declaredUnit,
} from "../src/model/amount.ts";

test("amounts parse exactly from every printed form", () => {
  assert.equal(parseAmount("72899"), 72_899_000_000n);
  assert.equal(parseAmount("52.606911"), 52_606_911n);
  assert.equal(parseAmount("1,234.56"), 1_234_560_000n);
  assert.equal(parseAmount("１２３．４５"), 123_450_000n);
  assert.equal(parseAmount("(12.30)"), -12_300_000n);
  assert.equal(parseAmount("（12.30）"), -12_300_000n);
  assert.equal(parseAmount("−3590"), -3_590_000_000n);
  assert.equal(parseAmount("-3590"), -3_590_000_000n);
  assert.equal(parseAmount("12.3万元"), 12_300_000n);
  assert.equal(parseAmount("-"), undefined);
  assert.equal(parseAmount(""), undefined);
  assert.equal(parseAmount("合计"), undefined);
});

test("a table in 元 converts to 万元 exactly", () => {
  const fen = parseAmount("31,214,205.80", "元")!;
  assert.equal(fen, 3_121_420_580n);
  assert.equal(fenToWan(fen), 3121.42058);
  assert.equal(parseAmount("873,617.00", "元"), 87_361_700n);
});

test("fen and 万元 numbers round-trip without float error", () => {
  for (const n of [0.1, 0.2, 52.606911, 3121.42058, 72899, -3590, 1e-6, 123456789.123456]) {
    assert.equal(fenToWan(wanToFen(n)), n);
  }
  // 0.1 + 0.2 in fen is exact.
  assert.equal(fenToWan(wanToFen(0.1) + wanToFen(0.2)), 0.3);
});

test("formatting rounds half up (四舍五入)", () => {
  assert.equal(formatWan(wanToFen(1.005)), "1.01");
  assert.equal(formatWan(wanToFen(2.675)), "2.68");
  assert.equal(formatWan(wanToFen(-2.675)), "-2.68");
  assert.equal(formatWan(wanToFen(72899), 0), "72899");
});

test("rounding tolerance is half a unit of the last printed digit", () => {
  assert.equal(roundingTolerance("12.30"), 5_000n);
  assert.equal(roundingTolerance("72899"), 500_000n);
  assert.equal(roundingTolerance("52.606911"), 0n);
});

test("declared units are read from table captions", () => {
  assert.equal(declaredUnit("单位：元"), "元");
  assert.equal(declaredUnit("（单位：万元）"), "万元");
  assert.equal(declaredUnit("金额单位: 万元"), "万元");
  assert.equal(declaredUnit("项目支出表"), undefined);
});
