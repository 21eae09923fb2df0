/**
 * Errors a person or a UI can act on: each carries a stable `code` (a web page
 * can branch on it), a message in Chinese with the English in parentheses, and
 * the exit status the command line ends with. Import failures keep their own
 * class (ImportError, from the importer) with the same shape of code.
 */
import { ImportError } from "../import/errors.ts";
import type { SchemaProblem } from "../model/disclosure.ts";

/** Codes of problems with how gongkai was asked to work, or with its input or output paths. */
export type UserErrorCode =
  | "usage"
  | "file-not-found"
  | "not-a-file"
  | "too-large"
  | "invalid-json"
  | "not-canonical"
  | "invalid-disclosure"
  | "unsupported-format"
  | "output-exists"
  | "output-is-input"
  | "output-unwritable"
  | "render-failed"
  | "store-unavailable"
  | "refused";

/** Every code an error reported by gongkai can carry. */
export type ErrorCode = UserErrorCode | ImportError["code"] | "internal";

export class UserError extends Error {
  constructor(
    message: string,
    readonly code: UserErrorCode = "usage",
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** A JSON document that names the canonical format but breaks its schema: every problem is kept. */
export class InvalidDisclosure extends UserError {
  constructor(
    readonly problems: SchemaProblem[],
    shown = 50,
  ) {
    const list = problems
      .slice(0, shown)
      .map((p) => `  ${p.path || "/"}：${p.message}`)
      .join("\n");
    super(
      `数据不符合公开数据格式（${problems.length} 处）（invalid disclosure）：\n${list}`,
      "invalid-disclosure",
    );
    this.name = "InvalidDisclosure";
  }
}

/** Exit status of a file that is not a readable disclosure (empty, binary, damaged …). */
export const IMPORT_FAILURE_EXIT = 3;

/** Problems found in a file's content (its name is put in front); others name their path. */
const CONTENT_CODES = new Set<UserErrorCode>([
  "invalid-json",
  "not-canonical",
  "invalid-disclosure",
]);

/** What any error looks like to a person or a program: code, message, exit status, details. */
export interface ErrorReport {
  code: ErrorCode;
  message: string;
  exitCode: number;
  problems?: SchemaProblem[];
}

/**
 * Describes an error for printing or for a JSON answer. `where` (a file name)
 * prefixes input problems; anything unexpected is an internal error (exit 70).
 */
export function describeError(error: unknown, where?: string): ErrorReport {
  const at = (message: string) => (where ? `${where}：${message}` : message);
  if (error instanceof InvalidDisclosure) {
    return { code: error.code, message: at(error.message), exitCode: 2, problems: error.problems };
  }
  if (error instanceof UserError) {
    const message = CONTENT_CODES.has(error.code) ? at(error.message) : error.message;
    return { code: error.code, message, exitCode: error.exitCode };
  }
  if (error instanceof ImportError) {
    return { code: error.code, message: at(error.message), exitCode: IMPORT_FAILURE_EXIT };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal", message: `内部错误（internal error）：${message}`, exitCode: 70 };
}

export { ImportError };
