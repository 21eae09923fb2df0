/**
 * The service layer's refusals: a stable code (for programs, the HTTP layer
 * maps it to a status) and a Chinese message with the English in parentheses.
 */
export const ERROR_CODES = {
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  ILLEGAL_TRANSITION: 409,
  STATE_CHANGED: 409,
  CHECK_ERRORS: 422,
  UNANSWERED_WARNINGS: 422,
  SELF_REVIEW: 409,
  OPEN_VERSION_EXISTS: 409,
  CORRECTION_NOTE_REQUIRED: 422,
  COMMENT_REQUIRED: 422,
  REASON_REQUIRED: 422,
  UNREADABLE: 422,
  DUPLICATE: 409,
  WEAK_PASSWORD: 422,
  SIGNIN_FAILED: 401,
  SIGNIN_LOCKED: 429,
  TOKEN_INVALID: 401,
  STORE_NOT_EMPTY: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ServiceError";
  }

  /** The HTTP status this refusal suggests. */
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export const notFound = (what: string, id: number | string): ServiceError =>
  new ServiceError("NOT_FOUND", `找不到${what}：${id}（not found）`);

export const forbidden = (action: string): ServiceError =>
  new ServiceError("FORBIDDEN", `无权${action}（forbidden）`);
