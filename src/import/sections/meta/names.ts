/**
 * Place and organ names at the head of a department's name: "上海市普陀区财政局"
 * starts with the province-level city 上海市 and the district 普陀区;
 * "秦皇岛经济技术开发区发展和改革委员会" with a development zone. A zone printed
 * after an administrative area ("三河市燕郊高新技术产业开发区", "丰润区经济开发区")
 * leaves the 地区 ambiguous: the zone or the area that holds it.
 */

export interface PlaceToken {
  text: string;
  kind: "admin" | "zone";
}

const PROVINCES = [
  "北京市",
  "天津市",
  "上海市",
  "重庆市",
  "河北省",
  "山西省",
  "辽宁省",
  "吉林省",
  "黑龙江省",
  "江苏省",
  "浙江省",
  "安徽省",
  "福建省",
  "江西省",
  "山东省",
  "河南省",
  "湖北省",
  "湖南省",
  "广东省",
  "海南省",
  "四川省",
  "贵州省",
  "云南省",
  "陕西省",
  "甘肃省",
  "青海省",
  "台湾省",
  "内蒙古自治区",
  "广西壮族自治区",
  "西藏自治区",
  "宁夏回族自治区",
  "新疆维吾尔自治区",
  "新疆生产建设兵团",
  "香港特别行政区",
  "澳门特别行政区",
];

/** Characters that belong to organ names, never to a place name. */
const NOT_PLACE = "局委会厅部办处科室所院站队和及与、（）()·\\s\\d";
const ZONE = new RegExp(
  `^([^${NOT_PLACE}市县省区]{0,8}?)(综合保税区|经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|工业园区|产业园区|开发区|保税区|新区|试验区)`,
);
const ADMIN = new RegExp(
  `^([^${NOT_PLACE}市县省区]{1,7}?)(自治州|自治县|自治旗|林区|地区|市|区|县|旗|盟)`,
);
/**
 * A place inside another: 普陀区, 浦东新区, 鄂尔多斯市 (at most four characters before
 * 市/区/县, so "珠海市政府投资交通市政…" holds no second place "政府投资交通市").
 */
const INNER_ADMIN = new RegExp(
  `^(?:[^${NOT_PLACE}市县省区]{1,7}?(?:自治州|自治县|自治旗)|[^${NOT_PLACE}市县省区]{1,4}?(?:林区|地区|市|区|县|旗|盟))`,
);
/**
 * Organs named with a municipality's short name ("上海钻石宝玉石交易联合管理办公室",
 * "北京城市副中心工程建设管理办公室") or as the capital ("首都绿化委员会办公室") belong to it.
 */
const SHORT_NAMES: [string, string][] = [
  ["北京", "北京市"],
  ["上海", "上海市"],
  ["天津", "天津市"],
  ["重庆", "重庆市"],
  ["首都", "北京市"],
];
/** Common words that end like a place but are not one. */
const FALSE_PLACES = new Set([
  "城市",
  "社区",
  "园区",
  "景区",
  "市区",
  "城区",
  "辖区",
  "地区",
  "校区",
  "矿区",
  "山区",
  "街区",
  "营区",
  "小区",
]);

/** Leading place tokens of a name ("中共" and similar prefixes skipped). */
export function placeTokens(name: string): { tokens: PlaceToken[]; rest: string } {
  let s = name.replace(/\s+/g, "").replace(/^(?:中共|中国共产党|共青团)/, "");
  const tokens: PlaceToken[] = [];
  for (;;) {
    const province = tokens.length === 0 ? PROVINCES.find((p) => s.startsWith(p)) : undefined;
    if (province) {
      tokens.push({ text: province, kind: "admin" });
      s = s.slice(province.length);
      continue;
    }
    const short = tokens.length === 0 ? SHORT_NAMES.find(([k]) => s.startsWith(k)) : undefined;
    if (short) {
      // The organ's name goes on after the short name: no further place is read from it.
      tokens.push({ text: short[1], kind: "admin" });
      return { tokens, rest: s.slice(short[0].length) };
    }
    const zone = ZONE.exec(s);
    if (zone && (zone[1]!.length > 0 || tokens.length > 0) && !FALSE_PLACES.has(zone[0])) {
      tokens.push({ text: zone[0], kind: "zone" });
      s = s.slice(zone[0].length);
      continue;
    }
    const admin = (tokens.length ? INNER_ADMIN : ADMIN).exec(s);
    if (admin && !FALSE_PLACES.has(admin[0])) {
      tokens.push({ text: admin[0], kind: "admin" });
      s = s.slice(admin[0].length);
      continue;
    }
    break;
  }
  return { tokens, rest: s };
}

export type RegionReading = { name: string } | { ambiguous: string[] } | undefined;

/**
 * The 地区 a name states: its leading administrative chain, or a zone that
 * starts the name. An administrative area followed by a zone is ambiguous.
 */
export function regionOf(name: string): RegionReading {
  const { tokens } = placeTokens(name);
  if (!tokens.length) return undefined;
  const firstZone = tokens.findIndex((t) => t.kind === "zone");
  if (firstZone > 0)
    return {
      ambiguous: [
        tokens
          .slice(0, firstZone)
          .map((t) => t.text)
          .join(""),
        tokens[firstZone]!.text,
      ],
    };
  if (firstZone === 0) return { name: tokens[0]!.text };
  return { name: tokens.map((t) => t.text).join("") };
}

/** A name that is only a place ("沧州经济开发区", "上海市普陀区"): a region, not an organ. */
export function isBarePlace(name: string): boolean {
  const { tokens, rest } = placeTokens(name);
  return tokens.length > 0 && rest.replace(/^(?:本级|区级|市级|县级|省级)$/, "") === "";
}
