/**
 * @module Every refusal and failure as JSON `{error:{code,message}}` with a
 * Chinese message: the service layer's ServiceError keeps its stable code and
 * status; anything unexpected is logged here and answered with a generic
 * message, never a stack trace.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ServiceError } from "../service/errors.ts";

export interface ErrorJson {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** An error answer; `details` only carries what the service chose to expose. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): Response {
  const body: ErrorJson = { error: { code, message, ...(details ? { details } : {}) } };
  return c.json(body, status);
}

const HTTP_CODES: Partial<Record<number, [string, string]>> = {
  400: ["INVALID_INPUT", "请求格式不正确（bad request）"],
  401: ["UNAUTHENTICATED", "请先登录（sign-in required）"],
  403: ["FORBIDDEN", "无权进行此操作（forbidden）"],
  404: ["NOT_FOUND", "找不到该地址（not found）"],
  413: ["TOO_LARGE", "上传内容过大（payload too large）"],
};

export function onError(error: Error, c: Context): Response {
  if (error instanceof ServiceError) {
    if (error.code === "SIGNIN_LOCKED" && error.details?.lockedUntil) {
      const until = Date.parse(String(error.details.lockedUntil));
      c.header("Retry-After", String(Math.max(1, Math.ceil((until - Date.now()) / 1000))));
    }
    return errorResponse(
      c,
      error.status as ContentfulStatusCode,
      error.code,
      error.message,
      error.details,
    );
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const [code, message] = HTTP_CODES[status] ?? ["HTTP_ERROR", "请求无法处理（request failed）"];
    return errorResponse(c, status, code, message);
  }
  // Unexpected: the operator gets the trace on stderr, the client a generic answer.
  console.error(`[gongkai] ${c.req.method} ${c.req.path}:`, error);
  return errorResponse(c, 500, "INTERNAL", "服务器内部错误，请稍后再试（internal error）");
}

export function onNotFound(c: Context): Response {
  return errorResponse(c, 404, "NOT_FOUND", `找不到该地址：${c.req.path}（no such route）`);
}
