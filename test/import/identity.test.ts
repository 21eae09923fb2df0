/**
 * The disclosure's identity in the layouts and wordings of unseen documents:
 * the department named only in a label or a table header, with scope suffixes
 * (本级 / 汇总 / 部门), numbering or stray punctuation; sentences and table cells
 * a label catches refused; the region from the name; the year from one table
 * title. Excerpts are real lines of ../shared/wild documents; the last test reads
 * every wild golden document's text and compares with its golden identity.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runExtractor } from "../support/run-extractor.ts";
import { extractMeta } from "../../src/import/sections/meta/extract.ts";
import { cleanDepartmentName, looksLikeOrgan } from "../../src/import/sections/meta/department.ts";
import { regionOf } from "../../src/import/sections/meta/names.ts";
import { sharedDir } from "../support/paths.ts";

const meta = (text: string) => runExtractor(extractMeta, text);
const wild = join(sharedDir, "wild");

test("names cleaned: scope suffixes, Beijing's trailing 部门, codes, numbering, punctuation", () => {
  assert.deepEqual(cleanDepartmentName("西安市人民政府办公厅（汇总）"), {
    name: "西安市人民政府办公厅",
    scope: "汇总",
  });
  assert.deepEqual(cleanDepartmentName("深圳市公安局交通管理局（本级）"), {
    name: "深圳市公安局交通管理局",
    scope: "本级",
  });
  assert.deepEqual(cleanDepartmentName("丰润区经济开发区管理委员会本级"), {
    name: "丰润区经济开发区管理委员会",
    scope: "本级",
  });
  assert.deepEqual(cleanDepartmentName("北京市信访办公室部门"), { name: "北京市信访办公室" });
  assert.deepEqual(cleanDepartmentName("106_长沙市公安局"), { name: "长沙市公安局" });
  assert.deepEqual(cleanDepartmentName("附件1：北京市水务局"), { name: "北京市水务局" });
  assert.deepEqual(cleanDepartmentName("一、苏州市审计局："), { name: "苏州市审计局" });
  // An alias in brackets is part of the name (上海市统计和大数据研究院（上海市统计数据管理中心）).
  assert.deepEqual(cleanDepartmentName("上海市统计和大数据研究院（上海市统计数据管理中心）"), {
    name: "上海市统计和大数据研究院（上海市统计数据管理中心）",
  });
});

test("sentences and table cells that labels catch are not names", () => {
  for (const caught of [
    "及所属预算单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府",
    "交办的其他事项。",
    "用户满意度",
    "满意度≥",
    "和司法行政机关反映民间纠",
    "每半年开展不少于1次消防安",
    "应急预案体系ꎮ",
    "合计",
    "万元",
    "部门整体预算绩效目标申报表部门名称广州市政务服务和数据管理局预算整体情况",
  ])
    assert.equal(cleanDepartmentName(caught), undefined, caught);
  for (const organ of [
    "发改局",
    "本溪市财政局",
    "和田地区教育局",
    "上海水产老干部活动室",
    "上海市花卉良种试验场",
    "上海科技大学",
    "北京市监狱",
    "广州海关",
    "重庆市政协",
    "北京市侨联",
  ])
    assert.ok(looksLikeOrgan(organ), organ);
});

test("Shanghai 单位预算: the unit from 预算单位/编制单位, never from the glossary's 主管部门 sentence", () => {
  const text = [
    "上海市2026年市级单位预算",
    "  预算单位：上海市刑事科学技术研究院",
    "                          目   录",
    "一、单位主要职能",
    "                           名词解释",
    "  （一）财政拨款收入：是市级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府",
    "     12.承办上级行政主管部门交办的其他事项。",
    "                         2026年预算单位财务收支预算总表",
    "编制单位：上海市刑事科学技术研究院                                        单位:万元",
  ].join("\n");
  const { disclosure: d, cites } = meta(text);
  assert.deepEqual(d.department, { name: "上海市刑事科学技术研究院" });
  assert.deepEqual(d.region, { name: "上海市" });
  assert.equal(d.year, 2026);
  assert.equal(cites.get("/department/name"), 2);
});

test("Beijing 报表: name in the 预算13表 header cell, year only under its title", () => {
  const text = [
    "                               预算01表 收支总表",
    "                                                                        金额单位：万元",
    "一、一般公共预算拨款收入                  9,142.554971 一、一般公共服务支出                    6,770.499100",
    "满意度指标          服务对象满意度指标      平台业务主管部门用户满意度      ≥       95        %",
    "                                   预算13表 部门整体支出绩效目标表",
    "                                           2026（年度）",
    "",
    "     部门名称             中共北京市委军民融合发展委员会办公室",
  ].join("\n");
  const { disclosure: d, cites } = meta(text);
  assert.deepEqual(d.department, { name: "中共北京市委军民融合发展委员会办公室" });
  assert.equal(d.year, 2026);
  assert.equal(cites.get("/year"), 6);
  assert.deepEqual(d.region, { name: "北京市" });
});

test("scope suffix in the title: bare name kept, scope diagnosed; code from 部门预算编码", () => {
  const { disclosure: d, diagnostics } = meta(
    [
      "2026 年深圳市公安局交通管理局（本级）部门预算",
      "一、部门职责",
      "   部门名称       泉州市公安局                 部门预算编码                                  301",
    ].join("\n"),
  );
  assert.equal(d.department?.name, "深圳市公安局交通管理局");
  assert.equal(
    d.department?.code,
    undefined,
    "a code labelled beside another name is not this one's",
  );
  assert.ok(diagnostics.some((x) => x.level === "info" && /本级/.test(x.message)));
  const quanzhou = meta(
    [
      "2026年度泉州市公安局部门预算",
      "一、部门职责",
      "   部门名称       泉州市公安局                 部门预算编码                                  301",
      "  单位编码   单位名称",
    ].join("\n"),
  );
  assert.deepEqual(quanzhou.disclosure.department, { name: "泉州市公安局", code: "301" });
});

test("a unit code (单位编码 015001) is never read as the department code", () => {
  const { disclosure: d } = meta(
    ["单位编码   015001  单位名称   北京市某某办公室", "2026年部门预算", "收支总表"].join("\n"),
  );
  assert.equal(d.department?.code, undefined);
});

test("region from the name when no heading states it", () => {
  assert.deepEqual(regionOf("江苏省人大常委会办公厅"), { name: "江苏省" });
  assert.deepEqual(regionOf("北京市信访办公室"), { name: "北京市" });
  assert.deepEqual(regionOf("珠海市政府投资交通市政项目工务中心"), { name: "珠海市" });
  assert.deepEqual(regionOf("北京城市副中心工程建设管理办公室"), { name: "北京市" });
  assert.deepEqual(regionOf("上海钻石宝玉石交易联合管理办公室"), { name: "上海市" });
  assert.deepEqual(regionOf("首都绿化委员会办公室"), { name: "北京市" });
  assert.deepEqual(regionOf("上海市普陀区财政局"), { name: "上海市普陀区" });
  assert.deepEqual(regionOf("中国共产党北京市委员会宣传部"), { name: "北京市" });
});

interface Golden {
  source: string;
  expect: {
    year?: number;
    kind?: string;
    region?: { name: string };
    department?: { name: string; code?: string };
  };
}

test("every wild golden document: kind, year, region and department from its text", () => {
  const dir = join(wild, "golden");
  const misses: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const golden = JSON.parse(readFileSync(join(dir, name), "utf8")) as Golden;
    const text = readFileSync(join(wild, "docs", golden.source), "utf8");
    const { disclosure: d } = meta(text);
    const e = golden.expect;
    const got = { kind: d.kind, year: d.year, region: d.region?.name, department: d.department };
    const want = { kind: e.kind, year: e.year, region: e.region?.name, department: e.department };
    for (const key of Object.keys(want) as (keyof typeof want)[]) {
      if (JSON.stringify(got[key]) !== JSON.stringify(want[key]))
        misses.push(
          `${golden.source} ${key}: ${JSON.stringify(got[key])} ≠ ${JSON.stringify(want[key])}`,
        );
    }
  }
  assert.deepEqual(misses, []);
});
