/**
 * Input that cannot be imported at all (not a disclosure, unreadable, hostile).
 * The message is for people: Chinese first, then English, saying what and where.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly code:
      | "empty"
      | "binary"
      | "not-disclosure"
      | "unsupported-format"
      | "encrypted"
      | "damaged"
      | "needs-ocr"
      | "too-large"
      /** Built to harm the reader: a zip bomb, XML entity expansion. */
      | "hostile"
      /** A conversion tool (LibreOffice, for legacy .doc/.xls) is missing or failed. */
      | "conversion-failed"
      | "invalid-json",
  ) {
    super(message);
    this.name = "ImportError";
  }
}
