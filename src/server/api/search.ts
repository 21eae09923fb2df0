/**
 * @module GET /api/v1/search: the portal's search as JSON — the same service
 * call as the /search page, with each title and snippet both as runs
 * (`{text, mark}`) and as HTML (escaped, matched words in <mark>).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { escapeHtml } from "../../render/html-escape.ts";
import {
  MAX_SEARCH_PAGE,
  MAX_SEARCH_PAGE_SIZE,
  SEARCH_KINDS,
  markedHtml,
  search,
} from "../../service/search.ts";
import type { ServerEnv } from "../env.ts";
import { ERRORS, cacheRevalidate, reply } from "./http.ts";

const bounded = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name}须为正整数（${name} must be a positive integer）`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `${name}须为 1–${max}（${name} out of range）`);

export const SearchQuery = z.object({
  q: z
    .string()
    .max(1000, "关键词过长（query too long）")
    .openapi({ description: "关键词：中文、拼音首字母或科目编码", example: "三公经费" }),
  region: bounded("地区", 999_999_999).optional().openapi({ description: "地区（含下级）" }),
  year: bounded("年度", 2100).optional(),
  kind: z.enum(["budget", "final"]).optional().openapi({ description: "budget 预算 / final 决算" }),
  type: z.enum(SEARCH_KINDS).optional().openapi({
    description:
      "department 部门 / disclosure 公开文件 / project 项目 / line 科目 / paragraph 说明",
  }),
  page: bounded("页码", MAX_SEARCH_PAGE).optional(),
  pageSize: bounded("每页条数", MAX_SEARCH_PAGE_SIZE).optional(),
});

const runs = z.array(z.object({ text: z.string(), mark: z.literal(true).optional() }));
const facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

const SearchHit = z
  .object({
    type: z.enum(SEARCH_KINDS),
    title: runs,
    titleHtml: z.string(),
    snippet: runs.nullable(),
    snippetHtml: z.string().nullable(),
    href: z.string().openapi({ example: "/disclosures/3#t3-expenditure" }),
    context: z.string().nullable(),
    departmentId: z.number().int(),
    departmentName: z.string(),
    regionId: z.number().int(),
    regionName: z.string(),
    disclosureId: z.number().int().nullable(),
    year: z.number().int().nullable(),
    kind: z.enum(["budget", "final"]).nullable(),
    amount: z.string().nullable().openapi({ description: "万元，精确值" }),
    rank: z.number(),
  })
  .openapi("SearchHit");

const SearchResponse = z
  .object({
    query: z.object({ text: z.string(), terms: z.array(z.string()) }),
    items: z.array(SearchHit),
    total: z.number().int(),
    capped: z.boolean().openapi({ description: "匹配过多：只在前 total 条中排序和计数" }),
    page: z.number().int(),
    pageSize: z.number().int(),
    facets: z.object({ type: facet, region: facet, year: facet, kind: facet }),
  })
  .openapi("SearchResult");

export function registerSearch(api: OpenAPIHono<ServerEnv>): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["检索"],
      summary: "检索已发布的部门、公开文件、项目、科目和情况说明",
      request: { query: SearchQuery },
      responses: {
        200: {
          description: "按相关度排序的一页结果与分面计数",
          content: { "application/json": { schema: SearchResponse } },
        },
        ...ERRORS,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const result = await search(c.var.store, c.var.actor, {
        q: q.q,
        ...(q.region ? { regionId: q.region } : {}),
        ...(q.year ? { year: q.year } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.type ? { type: q.type } : {}),
        ...(q.page ? { page: q.page } : {}),
        ...(q.pageSize ? { pageSize: q.pageSize } : {}),
      });
      cacheRevalidate(c, true);
      return reply(c, {
        query: { text: result.query.text, terms: result.query.terms },
        items: result.items.map((i) => ({
          ...i,
          titleHtml: markedHtml(i.title, escapeHtml),
          snippetHtml: i.snippet ? markedHtml(i.snippet, escapeHtml) : null,
        })),
        total: result.total,
        capped: result.capped,
        page: result.page,
        pageSize: result.pageSize,
        facets: result.facets,
      });
    },
  );
}
