/**
 * The disclosure's identity: title, year, kind (预算/决算), department and its code and region (names.ts).
 */
import type { ExtractContext, PartExtractor } from "../context.ts";
import { contentLines } from "../../toolkit/find.ts";
import { cleanText, parseNumbering } from "../../toolkit/outline.ts";
import { isBarePlace, regionOf } from "./names.ts";
import { cleanDepartmentName, labelledCode, labelledName, type NameFound } from "./department.ts";
import { squash, type SourceLine } from "../../source-document.ts";

const SECTION = "基本信息（类型、年度、地区、部门）";

export interface TitleReading {
  /** The organ or place the title names ("北京市司法局", "沧州经济开发区"). */
  name?: string;
  year?: number;
  kind?: "budget" | "final";
  /** A place printed alone on the line above the title ("上海市普陀区" over "上海市普陀区财政局 2024年部门预算"): the 地区 as stated. */
  place?: { name: string; line: number };
  /** The squashed title text and its first line. */
  text: string;
  line: number;
}

/**
 * The cover title: "北京市司法局 2026 年度部门预算信息公开", "2026 年度苏州市审计局部门预算公开",
 * "上海市普陀区财政局 / 2024年度部门决算" (split over lines), "发改局部门预算情况说明".
 */
const TITLE =
  /^(?:(\d{4})年度?)?(.{0,40}?)(?:(\d{4})年(?:年度|度)?)?(?:区级|市级|省级|县级|本级)?(?:部门|单位)(?:综合)?(?:财务)?(预算|决算)/;

/** The first lines of the document, before its table of contents or its first numbered heading. */
export function headLines(lines: SourceLine[], max = 5): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines) {
    const text = cleanText(line.text);
    if (!text) continue;
    if (/^目\s*录$/.test(text) || (parseNumbering(text) && out.length)) break;
    if (parseNumbering(text)?.style === "part") break;
    out.push(line);
    if (out.length >= max) break;
  }
  return out;
}

export function readTitle(lines: SourceLine[]): TitleReading | undefined {
  const head = headLines(lines);
  const first = head[0] ? squash(cleanText(head[0].text)) : "";
  if (head.length > 1 && isBarePlace(first)) {
    // The place line above an organ's title states the region; the title names the organ.
    const rest = readTitleFrom(head, 1);
    if (rest?.name && !isBarePlace(rest.name))
      return { ...rest, place: { name: first, line: head[0]!.no } };
  }
  return readTitleFrom(head, 0);
}

function readTitleFrom(head: SourceLine[], from: number): TitleReading | undefined {
  for (let s = from; s < Math.min(from + 3, head.length); s++) {
    const text = head
      .slice(s)
      .map((l) => squash(cleanText(l.text)))
      .join("");
    const m = TITLE.exec(text);
    if (!m) continue;
    const name = m[2]!.replace(/^(?:附件\d*|关于)/, "");
    // A sentence or a table caption run into the next line is not a title ("预算01表 收支总表 / 本部门2021年部门预算…").
    if (/[，。,；;：:\d]|总表|本部门|本单位/.test(name)) continue;
    const yearText = m[1] ?? m[3];
    return {
      ...(name ? { name } : {}),
      ...(yearText ? { year: Number(yearText) } : {}),
      kind: m[4] === "决算" ? "final" : "budget",
      text: m[0],
      line: head[s]!.no,
    };
  }
  return undefined;
}

interface Found {
  value: string;
  line: number;
}

/**
 * Whether a cell can hold the department's code: its last non-space character
 * is the name's last (code and name in one cell), or it is three digits alone.
 */
function mayHoldCode(text: string, nameEnd: number): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (i < 0) return false;
  if (text.charCodeAt(i) === nameEnd) return true;
  let digits = 0;
  for (; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return false;
    } else if (!isSpace(c)) return false;
  }
  return digits === 3;
}

const isSpace = (c: number) =>
  c === 32 ||
  c === 9 ||
  c === 10 ||
  c === 13 ||
  c === 0x3000 ||
  c === 0xa0 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 11 ||
  c === 12 ||
  c === 0x1680 ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0xfeff;

/** The department code printed beside its name: "979燕郊…管理委员会", "[292]国家信访局", a row "024 | 苏州市审计局". */
function codedName(
  ctx: ExtractContext,
  name: string,
): { code: string; name: string; line: number } | undefined {
  const fits = (candidate: string) =>
    candidate.length >= 2 && (candidate === name || name.endsWith(candidate));
  const nameEnd = name.charCodeAt(name.length - 1);
  for (const block of ctx.doc.blocks) {
    const rows =
      block.kind === "table"
        ? block.rows
        : [{ cells: [{ text: block.text, line: block.line }], line: block.line }];
    for (const row of rows) {
      // Most rows (amounts, sentences) cannot hold the code: skip them before squashing their cells.
      if (!row.cells.some((c) => mayHoldCode(c.text, nameEnd))) continue;
      const cells = row.cells.map((c) => squash(c.text));
      for (const [i, cell] of cells.entries()) {
        const m = /^[[【]?(\d{3})[\]】]?(\D.*)$/.exec(cell);
        if (m && fits(m[2]!)) return { code: m[1]!, name: m[2]!, line: row.cells[i]!.line };
        if (/^\d{3}$/.test(cell) && cells[i + 1] && fits(cells[i + 1]!))
          return { code: cell, name: cells[i + 1]!, line: row.cells[i]!.line };
      }
    }
  }
  return undefined;
}

/** A unit-code cell "439001丰润区经济开发区管理委员会本级": the department is the unit without 本级. */
function unitCodedDepartment(ctx: ExtractContext): Found | undefined {
  for (const block of ctx.doc.blocks) {
    if (block.kind !== "table") continue;
    for (const row of block.rows) {
      for (const c of row.cells) {
        if (!c.text.includes("级")) continue;
        const m = /^\d{6}(\D{2,40}?)本级$/.exec(squash(c.text));
        if (m) return { value: m[1]!, line: c.line };
      }
    }
  }
  return undefined;
}

/** The organ named after a place that the text mentions most ("沧州经济开发区管理委员会"). */
function organOfPlace(lines: SourceLine[], place: string): Found | undefined {
  const counts = new Map<string, Found & { n: number }>();
  const re = new RegExp(
    `${place}[\\u4e00-\\u9fa5]{0,12}?(?:管理委员会|委员会|人民政府|办公室|办公厅|管委会|局|厅|委|办|院|中心)`,
    "g",
  );
  for (const line of lines) {
    if (!line.text.includes(place[0]!)) continue;
    for (const m of squash(line.text).matchAll(re)) {
      const hit = counts.get(m[0]) ?? { value: m[0], line: line.no, n: 0 };
      hit.n++;
      counts.set(m[0], hit);
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0];
}

/** The budget year when the title does not print it: "2021年部门预算…", "（2026年度）", "2021年收入预算", "2026（年度）". */
function statedYear(lines: SourceLine[]): Found | undefined {
  const tiers = [
    /(\d{4})年度?(?:部门|单位)(?:综合)?(?:预算|决算)/g,
    /^[（(](\d{4})年度?[）)]$/g,
    /(\d{4})年度?(?:收入|支出|收支)(?:预算|决算)/g,
    // A performance-target attachment's title: "广州市生态环境局2026年项目支出绩效目标表".
    /(\d{4})年度?(?:部门整体|项目支出|部门)?(?:支出)?(?:预算)?绩效目标(?:表|申报表)/g,
    // A year alone on its line under a table title: "2026（年度）" (Beijing 预算13表), "2026年度".
    /^(\d{4})(?:[（(]年度[）)]|年度)$/g,
  ];
  // Every tier needs "年": the other lines are left unread, the rest squashed once for all tiers.
  const candidates = lines
    .filter((l) => l.text.includes("年"))
    .map((l) => ({ no: l.no, text: squash(cleanText(l.text)) }));
  for (const re of tiers) {
    const counts = new Map<string, Found & { n: number }>();
    for (const line of candidates) {
      for (const m of line.text.matchAll(re)) {
        const hit = counts.get(m[1]!) ?? { value: m[1]!, line: line.no, n: 0 };
        hit.n++;
        counts.set(m[1]!, hit);
      }
    }
    const best = [...counts.values()].sort((a, b) => b.n - a.n);
    if (best.length) return best[0];
  }
  return undefined;
}

function countOf(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/** kind: the title's word, else which of 预算/决算 the document says more. */
function readKind(ctx: ExtractContext, lines: SourceLine[], title: TitleReading | undefined): void {
  const d = ctx.disclosure;
  if (title?.kind) {
    d.kind = title.kind;
    ctx.cite("/kind", title.line, title.text);
    return;
  }
  // Squashing line by line gives the same text as squashing it joined, and reuses the memo.
  const all = lines.map((l) => squash(l.text)).join("");
  const budget = countOf(all, "预算");
  const final = countOf(all, "决算");
  if (budget || final) {
    d.kind = final > budget ? "final" : "budget";
    ctx.diagnose(
      "info",
      `未找到标题，按全文“预算”“决算”出现次数推断为${d.kind === "final" ? "决算" : "预算"}（kind inferred from word counts）`,
      SECTION,
    );
  }
}

/** year: printed in the title, else a cover, running header, table title or sentence that names it. */
function readYear(ctx: ExtractContext, title: TitleReading | undefined): void {
  if (title?.year) {
    ctx.disclosure.year = title.year;
    ctx.cite("/year", title.line, title.text);
    return;
  }
  // Running headers are furniture, left out of the content lines: the year may be printed only there.
  const y = statedYear(ctx.doc.lines);
  if (y) {
    ctx.disclosure.year = Number(y.value);
    ctx.cite("/year", y.line, `${y.value}年`);
  } else {
    ctx.diagnose("warning", "未找到预算年度（no budget year stated）", SECTION);
  }
}

/**
 * department: the 预算主管部门 label, the organ in the title, the department's labels
 * (部门名称, 部门：, 编制部门), a budget unit's labels (单位名称, 预算单位, 编制单位), a
 * unit-code cell, or the organ named after the title's place. Each candidate is cleaned
 * and must read as an organ's name (department.ts); its scope (本级/汇总) is diagnosed.
 */
function readDepartment(
  ctx: ExtractContext,
  lines: SourceLine[],
  title: TitleReading | undefined,
  place: string | undefined,
): NameFound | undefined {
  const fromTitle = title?.name && !place ? cleanDepartmentName(title.name) : undefined;
  let dept: NameFound | undefined = labelledName(lines, ["预算主管部门"]);
  if (!dept && fromTitle) dept = { ...fromTitle, line: title!.line, raw: title!.name! };
  dept ??= labelledName(lines, ["部门名称", "编制部门", "主管部门", "部门"]);
  dept ??= labelledName(lines, ["单位名称", "预算单位", "编制单位", "单位"]);
  dept ??= found(unitCodedDepartment(ctx));
  if (!dept && place) dept = found(organOfPlace(lines, place));
  if (!dept) {
    ctx.diagnose("warning", "未找到部门名称（department name not found）", SECTION);
    return undefined;
  }
  const coded = codedName(ctx, dept.name);
  const code = coded ? undefined : labelledCode(lines, dept.name);
  const d = ctx.disclosure;
  d.department = { name: coded?.name ?? dept.name };
  ctx.cite(
    "/department/name",
    coded?.line ?? dept.line,
    coded ? `${coded.code}${coded.name}` : dept.raw,
  );
  if (coded) {
    d.department.code = coded.code;
    ctx.cite("/department/code", coded.line, coded.code);
  } else if (code) {
    d.department.code = code.code;
    ctx.cite("/department/code", code.line, code.code);
  }
  if (dept.scope)
    ctx.diagnose(
      "info",
      `部门名称印作“${dept.raw.trim()}”：${dept.scope === "本级" ? "本文件是部门本级预算（不含下属单位）" : "本文件是部门汇总预算（含下属单位）"}，部门名称记为“${dept.name}”（department scope: ${dept.scope === "本级" ? "own budget only" : "consolidated"}）`,
      SECTION,
      dept.line,
    );
  return dept;
}

/** A finder's plain value as a cleaned name, or nothing when it is not an organ's name. */
function found(value: Found | undefined): NameFound | undefined {
  const clean = value ? cleanDepartmentName(value.value) : undefined;
  return clean && value ? { ...clean, line: value.line, raw: value.value } : undefined;
}

/** region: a place printed alone above the title, else the place the title or the department is named after, unless two places compete. */
function readRegion(
  ctx: ExtractContext,
  title: TitleReading | undefined,
  place: string | undefined,
  dept: NameFound | undefined,
): void {
  const d = ctx.disclosure;
  if (title?.place) {
    d.region = { name: title.place.name };
    ctx.cite("/region/name", title.place.line, title.place.name);
    return;
  }
  const source = place ? { name: place, line: title!.line } : dept;
  const region = source ? regionOf(source.name) : undefined;
  if (region && "name" in region) {
    d.region = { name: region.name };
    ctx.cite("/region/name", source!.line, region.name);
  } else if (region && "ambiguous" in region) {
    ctx.diagnose(
      "info",
      `地区不明确：“${source!.name}”同时含有${region.ambiguous.map((r) => `“${r}”`).join("和")}，未设置地区（region ambiguous, not set）`,
      SECTION,
      source!.line,
    );
  }
}

/** Reads 基本信息（类型、年度、地区、部门）. */
export const extractMeta: PartExtractor = {
  name: SECTION,
  run(ctx) {
    const lines = contentLines(ctx.doc);
    const title = readTitle(lines);
    readKind(ctx, lines, title);
    readYear(ctx, title);
    const place = title?.name && isBarePlace(title.name) ? title.name : undefined;
    const dept = readDepartment(ctx, lines, title, place);
    readRegion(ctx, title, place, dept);
  },
};
