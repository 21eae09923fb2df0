/**
 * A synthetic province for the scale benchmark: 15 cities of 10 counties each
 * (names unique in the province, so a document naming its county finds it),
 * 行政区划代码 under the unused province code 90, and the departments of each
 * level. Deterministic: the same sizes always give the same province.
 */

export interface PlannedRegion {
  name: string;
  code: string;
  level: "province" | "city" | "county";
  /** Index of the parent in the region list; -1 for the province. */
  parent: number;
}

export interface PlannedDisclosure {
  /** Stable file stem, e.g. "900101-07-2024-budget". */
  stem: string;
  region: number;
  department: string;
  year: number;
  kind: "budget" | "final";
}

export const PROVINCE = { name: "江南省", code: "900000" };

const CITY_STEMS =
  "东阳 西江 南湖 北川 安平 永宁 清河 临川 云溪 石桥 青田 长乐 白沙 金华 丰城".split(" ");
const COUNTY_STEMS = "城关 新安 太平 双峰 柳溪 龙泉 凤鸣 高桥 松岭 桃源".split(" ");

/** Departments a city or county discloses (the common 部门 of a local government). */
export const DEPARTMENTS = [
  "教育局",
  "财政局",
  "公安局",
  "民政局",
  "司法局",
  "人力资源和社会保障局",
  "自然资源和规划局",
  "生态环境局",
  "住房和城乡建设局",
  "交通运输局",
  "水利局",
  "农业农村局",
  "商务局",
  "文化广电和旅游局",
  "卫生健康委员会",
  "退役军人事务局",
  "应急管理局",
  "审计局",
  "市场监督管理局",
  "统计局",
  "医疗保障局",
  "林业局",
  "信访局",
  "发展和改革委员会",
  "科学技术局",
  "工业和信息化局",
  "体育局",
  "机关事务管理局",
  "档案馆",
  "融媒体中心",
  "总工会",
  "妇女联合会",
  "共青团委员会",
  "残疾人联合会",
  "科学技术协会",
  "供销合作社联合社",
  "住房公积金管理中心",
  "城市管理局",
  "粮食和物资储备局",
  "行政审批局",
];

/** The province, its cities and their counties, each city followed by its counties. */
export function planRegions(cities = 15, countiesPerCity = 10): PlannedRegion[] {
  const regions: PlannedRegion[] = [{ ...PROVINCE, level: "province", parent: -1 }];
  for (let c = 0; c < cities; c++) {
    const cityCode = `90${String(c + 1).padStart(2, "0")}00`;
    const cityStem = CITY_STEMS[c % CITY_STEMS.length]! + (c >= CITY_STEMS.length ? c : "");
    const city = regions.push({ name: `${cityStem}市`, code: cityCode, level: "city", parent: 0 });
    for (let k = 0; k < countiesPerCity; k++) {
      // The county's stem joins the city's first character: unique across the province.
      const stem = cityStem.slice(0, 1) + COUNTY_STEMS[k % COUNTY_STEMS.length]!;
      regions.push({
        name: k % 4 === 3 ? `${stem}区` : `${stem}县`,
        code: cityCode.slice(0, 4) + String(k + 1).padStart(2, "0"),
        level: "county",
        parent: city - 1,
      });
    }
  }
  return regions;
}

/** A department's full name as printed: the region's name (a province's 厅 for 局), then the office. */
export function departmentName(region: PlannedRegion, office: string): string {
  const name = region.level === "province" ? office.replace(/局$/, "厅") : office;
  return `${region.name}${name}`;
}

/**
 * `count` disclosures over `years` years ending with `lastYear`, budget and
 * final for each department and year: departments are spread over every
 * region first (each region's first office, then each region's second …).
 */
export function planDisclosures(
  regions: PlannedRegion[],
  count: number,
  years: number,
  lastYear = 2025,
): PlannedDisclosure[] {
  const perDepartment = years * 2;
  const departments = Math.ceil(count / perDepartment);
  const out: PlannedDisclosure[] = [];
  for (let i = 0; i < departments; i++) {
    const r = i % regions.length;
    const office = Math.floor(i / regions.length);
    const region = regions[r]!;
    const department = departmentName(
      region,
      DEPARTMENTS[office % DEPARTMENTS.length]! +
        (office >= DEPARTMENTS.length
          ? `第${Math.floor(office / DEPARTMENTS.length) + 1}分局`
          : ""),
    );
    for (let y = lastYear - years + 1; y <= lastYear; y++) {
      for (const kind of ["budget", "final"] as const) {
        if (out.length === count) return out;
        const stem = `${region.code}-${String(office + 1).padStart(2, "0")}-${y}-${kind}`;
        out.push({ stem, region: r, department, year: y, kind });
      }
    }
  }
  return out;
}
