/** Paginated lists: `{items, total, limit, offset}`, limit 1–500 (default 50). */
import { ServiceError } from "./errors.ts";

export interface PageRequest {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const MAX_PAGE = 500;

export function pageOf(req: PageRequest): { limit: number; offset: number } {
  const limit = req.limit ?? 50;
  const offset = req.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new ServiceError("INVALID_INPUT", `每页条数须为 1–${MAX_PAGE}（limit out of range）`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new ServiceError("INVALID_INPUT", "起始位置须为非负整数（offset out of range）");
  }
  return { limit, offset };
}
