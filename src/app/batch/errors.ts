/**
 * A batch refused before any work starts (a missing input, an output that
 * would overwrite something): a stable code and a message for the person at
 * the terminal, Chinese first with the English in parentheses. Exit status 2.
 */
export type BatchUsageCode =
  | "input-not-found"
  | "input-not-file"
  | "no-inputs"
  | "out-dir-required"
  | "output-unwritable"
  | "output-exists"
  | "output-is-input"
  | "report-format";

export class BatchUsageError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly code: BatchUsageCode,
    message: string,
  ) {
    super(message);
    this.name = "BatchUsageError";
  }
}
