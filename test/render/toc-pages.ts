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

/** The page index (0-based) holding the 目录 heading, and the contents lines with a page number. */
export function readToc(pages: string[]): {
  tocPage: number;
  lastTocPage: number;
  lines: TocLine[];
} {
  const tocPage = pages.findIndex((p) => p.split("\n").some((l) => squash(l) === "目录"));
  const lines: TocLine[] = [];
  let lastTocPage = tocPage;
  // The contents may run over several pages: until the first page without a numbered entry.
  for (let i = tocPage; i >= 0 && i < pages.length; i++) {
    const found = pages[i]!.split("\n")
      .map((l) => /^\s*(\S.*?)[\s.·…]*?(\d+)\s*$/.exec(l.replace(/\.{3,}/g, " ")))
      .filter((m): m is RegExpExecArray => !!m && !/^第\d+页/.test(squash(m[1]!)))
      .filter((m) => !/共\d*$/.test(squash(m[1]!)))
      .map((m) => ({ text: squash(m[1]!), page: Number(m[2]) }));
    if (i > tocPage && !found.length) break;
    lines.push(...found);
    lastTocPage = i;
  }
  return { tocPage, lastTocPage, lines };
}

/**
 * Problems with the contents: an entry whose page does not print its heading, or whose
 * heading is printed on an earlier page after the contents.
 */
export function tocProblems(text: string, expected: string[]): string[] {
  const pages = pagesOf(text);
  const { tocPage, lastTocPage, lines } = readToc(pages);
  const problems: string[] = [];
  if (tocPage < 0) return ["no 目录 page"];
  const listed = lines.map((l) => l.text);
  for (const e of expected.map(squash))
    if (!listed.includes(e)) problems.push(`contents lack a numbered line for ${e}`);
  for (const l of lines) {
    const at = l.page - 1;
    if (!squash(pages[at] ?? "").includes(l.text)) {
      problems.push(`${l.text} listed on page ${l.page}, not printed there`);
      continue;
    }
    const first = pages.findIndex((p, i) => i > lastTocPage && squash(p).includes(l.text));
    if (first !== at)
      problems.push(`${l.text} listed on page ${l.page}, first printed on ${first + 1}`);
  }
  return problems;
}
