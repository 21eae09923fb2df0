/**
 * @module Small HTTP helpers of the API: pages as `{items, total, page,
 * pageSize}`, JSON replies, caching headers, and the common error responses
 * every route documents.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { MAX_PAGE, type Page } from "../../service/page.ts";
import { ServiceError } from "../../service/errors.ts";
import { ErrorBody } from "./schemas.ts";

export interface PageParams {
  page?: number;
  pageSize?: number;
}

/** The service's limit/offset for a page number and size. */
export function limitOffset(q: PageParams): { limit: number; offset: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  if (page < 1) throw new ServiceError("INVALID_INPUT", "页码须从 1 开始（page starts at 1）");
  if (pageSize < 1 || pageSize > MAX_PAGE) {
    throw new ServiceError("INVALID_INPUT", `每页条数须为 1–${MAX_PAGE}（pageSize out of range）`);
  }
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

export function toPage<T>(p: Page<T>) {
  return { items: p.items, total: p.total, page: p.offset / p.limit + 1, pageSize: p.limit };
}

/** A whole list cut into one page (for the lists the service returns unpaged). */
export function pageOfArray<T>(all: T[], q: PageParams) {
  const { limit, offset } = limitOffset(q);
  return toPage({ items: all.slice(offset, offset + limit), total: all.length, limit, offset });
}

/**
 * A JSON reply. The service returns Dates where the document says ISO
 * strings (JSON.stringify makes them so), hence the cast to the route's type.
 */
export function reply(c: Context, body: unknown, status: ContentfulStatusCode = 200): never {
  return c.json(body as object, status) as never;
}

/** Public, never-changing content (a published version's files): cache for a year. */
export function cacheImmutable(c: Context): void {
  c.header("Cache-Control", "public, max-age=31536000, immutable");
}

/** Anything that may change or is not public: revalidate every time (the ETag makes it cheap). */
export function cacheRevalidate(c: Context, isPublic: boolean): void {
  c.header("Cache-Control", `${isPublic ? "public" : "private"}, no-cache`);
}

const err = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

/** The refusals every route may answer, documented once. */
export const ERRORS = {
  400: err("请求参数不正确（INVALID_INPUT）"),
  401: err("未登录或令牌无效（UNAUTHENTICATED, TOKEN_INVALID）"),
  403: err("无权操作，或防跨站检查未通过（FORBIDDEN, CSRF）"),
  404: err("找不到（NOT_FOUND）"),
} as const;

export const WRITE_ERRORS = {
  ...ERRORS,
  409: err("状态不允许此操作（ILLEGAL_TRANSITION, STATE_CHANGED, OPEN_VERSION_EXISTS）"),
  422: err("内容不符合要求（CHECK_ERRORS, UNANSWERED_WARNINGS, UNREADABLE…）"),
} as const;

/** Bearer token or session cookie: the security requirement of authenticated routes. */
export const AUTHENTICATED: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
