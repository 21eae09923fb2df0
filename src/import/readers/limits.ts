/**
 * Bounds on what a reader will take in, so a hostile or broken file is refused
 * quickly instead of exhausting time or memory. Real disclosures are far
 * below each bound (the largest seen: 3.7 MB, 50 pages, 140 KB of text).
 */
export const limits = {
  /** Largest file accepted by any reader (bytes). */
  maxFileBytes: 100 * 1024 * 1024,
  /** Most pages read from a PDF; the count is checked before any page is read. */
  maxPdfPages: 2000,
  /** Longest a PDF may take to read, in milliseconds, checked between pages. */
  maxPdfMillis: 120_000,
  /** Most entries in a .docx/.xlsx zip. */
  maxZipEntries: 5000,
  /** Largest declared uncompressed size of one zip entry that we inflate (bytes). */
  maxZipEntryBytes: 64 * 1024 * 1024,
  /** Largest declared uncompressed size of all entries together (bytes). */
  maxZipTotalBytes: 256 * 1024 * 1024,
  /** Highest compression ratio of an entry larger than 1 MB (real XML rarely exceeds 30:1). */
  maxZipRatio: 200,
  /**
   * Most cells read from a workbook. exceljs holds a workbook in memory: 400,000 cells peak at
   * ~460 MiB and 1,000,000 at ~1.06 GiB (measured), so this keeps any workbook under 1 GiB.
   */
  maxSheetCells: 500_000,
  /** Longest a LibreOffice conversion of a legacy .doc/.xls may take (ms). */
  maxConvertMillis: 60_000,
};
