/**
 * CJK radicals → the ideographs they stand for in running text.
 *
 * A CJK font maps a radical code point and its ideograph to one glyph (⼀ and
 * 一 share a glyph in Noto CJK). A PDF writer that builds the ToUnicode map
 * from the font's cmap picks the lowest code point for a glyph, the radical,
 * so Chromium-printed PDFs (and some government PDFs) read 部⻔ for 部门 and
 * ⼀ for 一. Kangxi radicals (U+2F00–U+2FD5) have NFKC mappings; the CJK
 * Radicals Supplement (U+2E80–U+2EFF) has none, so its table below lists the
 * glyph equivalences of Noto Sans/Serif CJK (all faces), which are those of
 * Unicode's EquivalentUnifiedIdeograph.txt. Only these characters change:
 * full NFKC of the text would also turn full-width punctuation and digits
 * into ASCII, which the extractors read as printed.
 *
 * The same happens to a few ideographs and brackets whose glyph the font
 * shares with a lower code point (measured by printing every GB2312
 * character with Chromium and reading it back): 户 comes out as ⼾ (NFKC 戶), 胶 as
 * 㬵, 〈〉 (U+3008/U+3009) as U+2329/U+232A. The dashes and tildes
 * that also change (— as ―, ～ as 〜) are left: documents use both forms.
 * Two em dashes in a row, the Chinese dash, are drawn as one two-em-dash
 * glyph (⸺, U+2E3A; three as ⸻) and read back as the dashes typed.
 */

const SUPPLEMENT: Record<string, string> = {
  "⺂": "乛",
  "⺃": "乚",
  "⺅": "亻",
  "⺇": "𠘨",
  "⺉": "刂",
  "⺋": "㔾",
  "⺍": "𭕄",
  "⺎": "兀",
  "⺏": "尣",
  "⺐": "尢",
  "⺒": "巳",
  "⺓": "幺",
  "⺔": "彑",
  "⺕": "彐",
  "⺖": "忄",
  "⺘": "扌",
  "⺙": "攵",
  "⺛": "旡",
  "⺞": "歺",
  "⺟": "母",
  "⺠": "民",
  "⺡": "氵",
  "⺣": "灬",
  "⺤": "爫",
  "⺦": "丬",
  "⺨": "犭",
  "⺩": "𤣩",
  "⺫": "罒",
  "⺭": "礻",
  "⺮": "𥫗",
  "⺯": "糹",
  "⺰": "纟",
  "⺱": "罓",
  "⺲": "罒",
  "⺳": "㓁",
  "⺹": "耂",
  "⺺": "肀",
  "⺽": "𦥑",
  "⺾": "艹",
  "⺿": "艹",
  "⻀": "艹",
  "⻁": "虎",
  "⻂": "衤",
  "⻃": "覀",
  "⻄": "西",
  "⻅": "见",
  "⻆": "角",
  "⻇": "𧢲",
  "⻈": "讠",
  "⻉": "贝",
  "⻊": "𧾷",
  "⻋": "车",
  "⻌": "辶",
  "⻍": "辶",
  "⻎": "辶",
  "⻐": "钅",
  "⻑": "長",
  "⻒": "镸",
  "⻓": "长",
  "⻔": "门",
  "⻕": "𨸏",
  "⻖": "阝",
  "⻘": "青",
  "⻙": "韦",
  "⻚": "页",
  "⻛": "风",
  "⻜": "飞",
  "⻝": "食",
  "⻞": "𩙿",
  "⻟": "飠",
  "⻠": "饣",
  "⻡": "𩠐",
  "⻢": "马",
  "⻣": "骨",
  "⻤": "鬼",
  "⻥": "鱼",
  "⻦": "鸟",
  "⻧": "卤",
  "⻨": "麦",
  "⻩": "黄",
  "⻪": "黾",
  "⻫": "斉",
  "⻬": "齐",
  "⻭": "歯",
  "⻮": "齿",
  "⻯": "竜",
  "⻰": "龙",
  "⻱": "龜",
  "⻲": "亀",
  "⻳": "龟",
};

/** Characters GB2312 text never holds, read for the GB2312 character drawn with the same glyph. */
const TWINS: Record<string, string> = {
  戶: "户",
  㬵: "胶",
  "\u2329": "〈",
  "\u232a": "〉",
  "\u2e3a": "——",
  "\u2e3b": "———",
};

const RADICAL = /[\u2e3a\u2e3b\u2e80-\u2eff\u2f00-\u2fd5\u2329\u232a\u3b35\u6236]/u;
const RADICALS = /[\u2e3a\u2e3b\u2e80-\u2eff\u2f00-\u2fd5\u2329\u232a\u3b35\u6236]/gu;

function fold(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0x2f00 && code <= 0x2fd5) {
    // ⼾ (door) is NFKC 戶, but the SC glyph it names is 户.
    const ideograph = ch.normalize("NFKC");
    return TWINS[ideograph] ?? ideograph;
  }
  return SUPPLEMENT[ch] ?? TWINS[ch] ?? ch;
}

/** The text with CJK radicals (and the twins above) replaced by their characters; others as they are. */
export function foldRadicals(text: string): string {
  return RADICAL.test(text) ? text.replace(RADICALS, fold) : text;
}
