/** The portal's number formatting: 万元 with thousands separators and two decimals, exact. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { change, exactWan, wan, wanUnit } from "../../src/server/views/format.ts";

test("amounts print with thousands separators and at least two decimals", () => {
  assert.equal(wan(72899), "72,899.00");
  assert.equal(wan(1234567.5), "1,234,567.50");
  assert.equal(wan(999.99), "999.99");
  assert.equal(wan(0), "0.00");
  assert.equal(wan(-5), "-5.00");
  assert.equal(wan(-1234.1), "-1,234.10");
  // Values stated to the 元 or 分 are rounded half away from zero on their exact digits.
  assert.equal(wan(3121.42058), "3,121.42");
  assert.equal(wan(2512.1091), "2,512.11");
  assert.equal(wan(0.005), "0.01");
  assert.equal(wan(-1234.105), "-1,234.11");
  assert.equal(wan(-0.004), "0.00");
  assert.equal(wan(999.995), "1,000.00");
  assert.equal(exactWan(3121.42058), "3121.42058 万元（精确值）");
  assert.equal(exactWan(72899), undefined);
  assert.equal(wan(undefined), "—");
  assert.equal(wanUnit(1935.36), "1,935.36 万元");
});

test("changes name their direction, size and rate", () => {
  assert.equal(change(110, 100), "增加 10.00 万元（+10.00%）");
  assert.equal(change(1000, 1250), "减少 250.00 万元（-20.00%）");
  assert.equal(change(5, 5), "持平");
  assert.equal(change(5, undefined), "—");
});
