/**
 * Region names and codes: the province-level 行政区划代码 (GB/T 2260), the
 * central government, a few cities and districts the bundled documents name,
 * and a guess at a region's level from its name's ending.
 */
import type { RegionLevel } from "../store/schema.ts";

export const PROVINCES: Record<string, string> = {
  "100000": "中央",
  "110000": "北京市",
  "120000": "天津市",
  "130000": "河北省",
  "140000": "山西省",
  "150000": "内蒙古自治区",
  "210000": "辽宁省",
  "220000": "吉林省",
  "230000": "黑龙江省",
  "310000": "上海市",
  "320000": "江苏省",
  "330000": "浙江省",
  "340000": "安徽省",
  "350000": "福建省",
  "360000": "江西省",
  "370000": "山东省",
  "410000": "河南省",
  "420000": "湖北省",
  "430000": "湖南省",
  "440000": "广东省",
  "450000": "广西壮族自治区",
  "460000": "海南省",
  "500000": "重庆市",
  "510000": "四川省",
  "520000": "贵州省",
  "530000": "云南省",
  "540000": "西藏自治区",
  "610000": "陕西省",
  "620000": "甘肃省",
  "630000": "青海省",
  "640000": "宁夏回族自治区",
  "650000": "新疆维吾尔自治区",
};

/** Codes of lower-level regions named by the bundled samples and corpus. */
export const KNOWN_CODES: Record<string, string> = {
  沧州市: "130900",
  秦皇岛市: "130300",
  唐山市: "130200",
  丰润区: "130208",
  廊坊市: "131000",
  三河市: "131082",
  普陀区: "310107",
  上海市普陀区: "310107",
  苏州市: "320500",
  深圳市: "440300",
  长沙市: "430100",
  西安市: "610100",
};

export function codeOfName(name: string): string | undefined {
  return KNOWN_CODES[name] ?? Object.entries(PROVINCES).find(([, n]) => n === name)?.[0];
}

export function levelOfName(name: string, code?: string): RegionLevel {
  if (code === "100000") return "country";
  if (code && /^\d{2}0000$/.test(code)) return "province";
  if (/(开发区|高新区|新区|园区|示范区|试验区)$/.test(name)) return "zone";
  if (/(省|自治区)$/.test(name)) return "province";
  if (/(区|县|旗)$/.test(name)) return "county";
  if (/(市|州|盟)$/.test(name)) return "city";
  return "other";
}
