/**
 * Reads a printed document's table of contents back from its text
 * (pdftotext -layout, pages separated by form feeds) and checks each entry's
 * page number against the page where the heading is actually printed.
 */
const squash = (s: string) => s.replace(/\s+/g, "");

export interface TocLine {
  text: string;
  page: number;
}

/** The pages of a pdftotext -layout output. */
export const pagesOf = (text: string): string[] => text.split("\f");

/** A contents line: an expected entry, a dot leader or spaces, and a page number. */
function tocLine(line: string, entries: string[]): TocLine | undefined {
  const m = /^(.*?)[.·…]*(\d+)$/.exec(squash(line));
  if (!m || !entries.includes(m[1]!)) return undefined;
  return { text: m[1]!, page: Number(m[2]) };
}

/** The contents pages (from the one titled 目录, while they list entries) and their lines. */
export function readToc(
  pages: string[],
  entries: string[],
): { tocPage: number; lastTocPage: number; lines: TocLine[] } {
  const tocPage = pages.findIndex((p) => p.split("\n").some((l) => squash(l) === "目录"));
  const lines: TocLine[] = [];
  let lastTocPage = tocPage;
  for (let i = tocPage; i >= 0 && i < pages.length; i++) {
    const found = pages[i]!.split("\n").flatMap((l) => tocLine(l, entries) ?? []);
    if (i > tocPage && !found.length) break;
    lines.push(...found);
    lastTocPage = i;
  }
  return { tocPage, lastTocPage, lines };
}

/**
 * Problems with the contents: an expected entry without a numbered line, or one whose page does
 * not print its heading, or whose heading is printed on an earlier page after the contents.
 */
export function tocProblems(text: string, expected: string[]): string[] {
  const pages = pagesOf(text);
  const entries = expected.map(squash);
  const { tocPage, lastTocPage, lines } = readToc(pages, entries);
  if (tocPage < 0) return ["no 目录 page"];
  const problems: string[] = [];
  const listed = lines.map((l) => l.text);
  for (const e of entries)
    if (!listed.includes(e)) problems.push(`no numbered contents line for ${e}`);
  for (const l of lines) {
    const first = pages.findIndex((p, i) => i > lastTocPage && squash(p).includes(l.text));
    if (first !== l.page - 1)
      problems.push(`${l.text} listed on page ${l.page}, first printed on page ${first + 1}`);
  }
  return problems;
}
