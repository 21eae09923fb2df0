/**
 * @module The JSON API under /api/v1: a Hono sub-app whose routes carry their
 * zod schemas, so requests are validated by the same schemas the OpenAPI
 * document is generated from. A request that fails validation is answered
 * `{error:{code:"INVALID_INPUT", message}}` naming the field, in Chinese.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import type { SessionOptions } from "../session.ts";
import { registerAccess } from "./access.ts";
import { registerApprovals } from "./approvals.ts";
import { registerCompare } from "./compare.ts";
import { type DownloadOptions, registerDownloads } from "./content.ts";
import { registerDocs } from "./docs.ts";
import { registerReads } from "./reads.ts";
import { registerSearch } from "./search.ts";
import { registerWrites } from "./writes.ts";

export type ApiOptions = SessionOptions & DownloadOptions;

export function createApi(options: ApiOptions): OpenAPIHono<ServerEnv> {
  const api = new OpenAPIHono<ServerEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const problems = result.error.issues.map((i) => {
        const where = i.path.length ? i.path.join(".") : "请求";
        return `${where}：${i.message}`;
      });
      return errorResponse(
        c,
        400,
        "INVALID_INPUT",
        `请求参数不正确（invalid input）：${problems.join("；")}`,
        {
          issues: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        },
      );
    },
  });
  registerReads(api);
  registerSearch(api);
  registerCompare(api);
  registerDownloads(api, options);
  registerWrites(api);
  registerApprovals(api);
  registerAccess(api, options);
  registerDocs(api);
  return api;
}
