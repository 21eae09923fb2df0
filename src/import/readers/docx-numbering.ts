/**
 * Word's automatic paragraph numbering ("一、", "（一）", "1.") is not in the
 * paragraph's text but in word/numbering.xml (and, for headings, in the
 * paragraph style). Disclosures number their sections that way, and Word's
 * text export prints the labels, so they are rebuilt here: counters per list
 * and level, reset below a level that advances, formatted as Word does.
 */
import { attr, xmlTokens } from "./xml-tokens.ts";

interface Level {
  format: string;
  text: string;
  start: number;
}

export interface NumberRef {
  numId: string;
  ilvl: number;
}

export class Numbering {
  /** numId → abstractNumId */
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  /** abstractNumId → levels */
  private readonly abstracts = new Map<string, Map<number, Level>>();
  /** styleId → numbering and basedOn */
  private readonly styles = new Map<string, { num?: Partial<NumberRef>; basedOn?: string }>();
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml?: string, stylesXml?: string) {
    if (numberingXml) this.parseNumbering(numberingXml);
    if (stylesXml) this.parseStyles(stylesXml);
  }

  private parseNumbering(xml: string): void {
    let abstract: Map<number, Level> | undefined;
    let level: Level | undefined;
    let levelNo = 0;
    let num: { abstract: string; starts: Map<number, number> } | undefined;
    let overrideLevel = -1;
    for (const t of xmlTokens(xml)) {
      if (t.kind === "open") {
        const val = attr(t.attrs, "w:val");
        switch (t.name) {
          case "w:abstractNum":
            abstract = new Map();
            this.abstracts.set(attr(t.attrs, "w:abstractNumId") ?? "", abstract);
            break;
          case "w:lvl":
            levelNo = Number(attr(t.attrs, "w:ilvl") ?? 0);
            level = { format: "decimal", text: "", start: 1 };
            if (abstract && !t.selfClosing) abstract.set(levelNo, level);
            break;
          case "w:numFmt":
            if (level && val) level.format = val;
            break;
          case "w:lvlText":
            if (level) level.text = val ?? "";
            break;
          case "w:start":
            if (level && val) level.start = Number(val);
            else if (num && overrideLevel >= 0 && val) num.starts.set(overrideLevel, Number(val));
            break;
          case "w:num":
            num = { abstract: "", starts: new Map() };
            this.nums.set(attr(t.attrs, "w:numId") ?? "", num);
            break;
          case "w:abstractNumId":
            if (num && val) num.abstract = val;
            break;
          case "w:lvlOverride":
            overrideLevel = Number(attr(t.attrs, "w:ilvl") ?? -1);
            break;
          case "w:startOverride":
            if (num && overrideLevel >= 0 && val) num.starts.set(overrideLevel, Number(val));
            break;
        }
      } else if (t.kind === "close") {
        if (t.name === "w:abstractNum") abstract = undefined;
        else if (t.name === "w:lvl") level = undefined;
        else if (t.name === "w:num") num = undefined;
        else if (t.name === "w:lvlOverride") overrideLevel = -1;
      }
    }
  }

  private parseStyles(xml: string): void {
    let style: { num?: Partial<NumberRef>; basedOn?: string } | undefined;
    for (const t of xmlTokens(xml)) {
      if (t.kind === "open") {
        if (t.name === "w:style") {
          style = {};
          this.styles.set(attr(t.attrs, "w:styleId") ?? "", style);
        } else if (style && t.name === "w:basedOn") style.basedOn = attr(t.attrs, "w:val");
        else if (style && t.name === "w:numId") (style.num ??= {}).numId = attr(t.attrs, "w:val");
        else if (style && t.name === "w:ilvl")
          (style.num ??= {}).ilvl = Number(attr(t.attrs, "w:val") ?? 0);
      } else if (t.kind === "close" && t.name === "w:style") style = undefined;
    }
  }

  /** The numbering a paragraph has: its own, else its style's (following basedOn). */
  resolve(own: Partial<NumberRef>, styleId: string | undefined): NumberRef | undefined {
    let numId = own.numId;
    let ilvl = own.ilvl;
    for (
      let id = styleId, depth = 0;
      id && depth < 10 && (numId === undefined || ilvl === undefined);
      depth++
    ) {
      const s = this.styles.get(id);
      if (!s) break;
      numId ??= s.num?.numId;
      if (ilvl === undefined && s.num?.ilvl !== undefined) ilvl = s.num.ilvl;
      id = s.basedOn;
    }
    if (!numId || numId === "0") return undefined;
    return { numId, ilvl: ilvl ?? 0 };
  }

  /** Advances the list's counter and returns the label, e.g. "一、" or "（二）". */
  next(ref: NumberRef): string {
    const num = this.nums.get(ref.numId);
    const levels = num && this.abstracts.get(num.abstract);
    if (!num || !levels) return "";
    const key = num.abstract;
    const counts = this.counters.get(key) ?? [];
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ref.ilvl] = counts[ref.ilvl] === undefined ? startOf(ref.ilvl) : counts[ref.ilvl]! + 1;
    counts.length = ref.ilvl + 1;
    this.counters.set(key, counts);
    const level = levels.get(ref.ilvl);
    if (!level || level.format === "bullet" || level.format === "none") return "";
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counts[l] ?? startOf(l), levels.get(l)?.format ?? "decimal");
    });
  }
}

const CN_DIGITS = "零一二三四五六七八九";

function chinese(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return "十" + (n % 10 ? CN_DIGITS[n % 10] : "");
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? CN_DIGITS[n % 10] : "");
  return String(n);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let s = "";
  for (const [v, r] of table) while (n >= v) (s += r), (n -= v);
  return s;
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "chineseLegalSimplified":
    case "ideographLegalTraditional":
      return chinese(n);
    case "ideographTraditional":
      return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10] ?? String(n);
    case "ideographZodiac":
      return "子丑寅卯辰巳午未申酉戌亥"[(n - 1) % 12] ?? String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case "upperLetter":
      return String.fromCharCode(64 + ((n - 1) % 26) + 1);
    case "lowerLetter":
      return String.fromCharCode(96 + ((n - 1) % 26) + 1);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "decimalZero":
      return String(n).padStart(2, "0");
    default:
      return String(n);
  }
}
