/**
 * Running headers and footers of a PDF, found from its pages: the first or
 * last line of a page that carries a page number ("第 6 页 / 共 18 页",
 * "6/18", "- 6 -") and, with its digits set aside, recurs on several pages
 * ("国家信访局2026年部门预算　第 6 页 / 共 18 页"). The text reader knows lone
 * page numbers; a footer with a title beside its number it would read as
 * content, and a paragraph running over the page end would swallow it.
 */

// Not a bare number at the end: a table's last row ("小计  12.00") would pass for a footer.
const PAGE_NUMBER =
  /(?:第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4}|[-—–－]\s*\d{1,4}\s*[-—–－])\s*(?:[/／,，]?\s*共\s*\d{1,4}\s*页)?\s*$/;
const PAGE_NUMBER_START = /^\s*(?:第\s*\d{1,4}\s*页|[-—–－]\s*\d{1,4}\s*[-—–－])/;

/** At most this long (characters without spaces): a footer is a title and a number, not a paragraph. */
const MAX_LENGTH = 60;

/**
 * 1-based numbers, in the text the pages make when joined with one extra
 * line after each page (the form feed), of the lines that are page furniture.
 */
export function runningLines(pages: readonly (readonly string[])[]): Set<number> {
  const candidates = new Map<string, { no: number; text: string }[]>();
  let first = 1;
  for (const lines of pages) {
    const edges = new Set<number>();
    for (let i = 0; i < lines.length; i++)
      if (lines[i]!.trim()) {
        edges.add(i);
        break;
      }
    for (let i = lines.length - 1; i >= 0; i--)
      if (lines[i]!.trim()) {
        edges.add(i);
        break;
      }
    for (const i of edges) {
      const text = lines[i]!.replace(/\s+/g, "");
      if (
        text.length > MAX_LENGTH ||
        !(PAGE_NUMBER.test(lines[i]!) || PAGE_NUMBER_START.test(lines[i]!))
      )
        continue;
      const key = text.replace(/\d+/g, "#");
      const list = candidates.get(key) ?? [];
      list.push({ no: first + i, text });
      candidates.set(key, list);
    }
    // An empty page is still one (empty) line before its form feed.
    first += Math.max(lines.length, 1) + 1;
  }
  const out = new Set<number>();
  // The same words on three pages (or every page of a shorter file) with a number that changes.
  const needed = Math.min(3, pages.length);
  for (const list of candidates.values()) {
    if (list.length < Math.max(2, needed)) continue;
    if (new Set(list.map((l) => l.text)).size < 2) continue;
    for (const l of list) out.add(l.no);
  }
  return out;
}
