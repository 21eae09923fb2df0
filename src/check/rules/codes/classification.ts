/**
 * 支出功能分类 类 names by year. Only the 类 level is listed: it is the level
 * the research could corroborate (cn-standards §4); 款/项 names are checked
 * for the known 2019 renames only.
 */
export const CLASS_NAMES_2019: Record<string, string> = {
  "201": "一般公共服务支出",
  "202": "外交支出",
  "203": "国防支出",
  "204": "公共安全支出",
  "205": "教育支出",
  "206": "科学技术支出",
  "207": "文化旅游体育与传媒支出",
  "208": "社会保障和就业支出",
  "209": "社会保险基金支出",
  "210": "卫生健康支出",
  "211": "节能环保支出",
  "212": "城乡社区支出",
  "213": "农林水支出",
  "214": "交通运输支出",
  "215": "资源勘探工业信息等支出",
  "216": "商业服务业等支出",
  "217": "金融支出",
  "219": "援助其他地区支出",
  "220": "自然资源海洋气象等支出",
  "221": "住房保障支出",
  "222": "粮油物资储备支出",
  "223": "国有资本经营预算支出",
  "224": "灾害防治及应急管理支出",
  "227": "预备费",
  "229": "其他支出",
  "230": "转移性支出",
  "231": "债务还本支出",
  "232": "债务付息支出",
  "233": "债务发行费用支出",
  "234": "抗疫特别国债安排的支出",
};

/**
 * Renamed subjects: code → the old name, the new one and the first year of the new one. The
 * 2019 classification renamed the 类 207, 210, 215 and 220; 20805 kept 行政事业单位离退休
 * through 2019 (every 2019 document prints it) and is 行政事业单位养老支出 from 2020 on.
 */
export const RENAMED: Record<string, { old: string; current: string; since: number }> = {
  "207": { old: "文化体育与传媒支出", current: "文化旅游体育与传媒支出", since: 2019 },
  "210": { old: "医疗卫生与计划生育支出", current: "卫生健康支出", since: 2019 },
  "215": { old: "资源勘探信息等支出", current: "资源勘探工业信息等支出", since: 2019 },
  "220": { old: "国土海洋气象等支出", current: "自然资源海洋气象等支出", since: 2019 },
  "20805": { old: "行政事业单位离退休", current: "行政事业单位养老支出", since: 2020 },
};
