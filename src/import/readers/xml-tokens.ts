/**
 * A minimal XML tokenizer for OOXML parts, which are machine-written, have no
 * DOCTYPE (office-zip.ts refuses one) and use only the five predefined
 * entities and character references. Enough to walk a document in order
 * without building a DOM of a large part.
 */
export type XmlToken =
  | { kind: "open"; name: string; attrs: string; selfClosing: boolean }
  | { kind: "close"; name: string }
  | { kind: "text"; text: string };

const TOKEN =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g;

export function* xmlTokens(xml: string): Generator<XmlToken> {
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(xml))) {
    if (m[2]) {
      if (m[1]) yield { kind: "close", name: m[2] };
      else yield { kind: "open", name: m[2], attrs: m[3] ?? "", selfClosing: m[4] === "/" };
    } else if (m[5] !== undefined) yield { kind: "text", text: m[5] };
    else if (m[6] !== undefined) yield { kind: "text", text: decodeEntities(m[6]) };
  }
}

export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(
    `(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`,
  ).exec(attrs);
  return m ? decodeEntities(m[2] ?? m[3] ?? "") : undefined;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[e] ?? whole;
  });
}
