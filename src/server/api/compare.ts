/**
 * @module GET /api/v1/compare?d=ID&d=ID…: the comparison the portal's
 * /compare page shows, as JSON — each disclosure's version in force, and the
 * totals, 功能分类 and 经济分类 lines aligned by code with differences and
 * rates against the first. Public: only published versions are compared.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { MAX_COMPARED, MIN_COMPARED } from "../compare/align.ts";
import { loadComparison } from "../compare/load.ts";
import type { ServerEnv } from "../env.ts";
import { ERRORS, cacheRevalidate, reply } from "./http.ts";
import { disclosureBase, intText } from "./schemas.ts";

const id = intText("编号");

export const CompareQuery = z.object({
  d: z.union([id, z.array(id)]).openapi({
    description: `公开文件编号（disclosure id），重复 ${MIN_COMPARED}–${MAX_COMPARED} 次；第一个为比较基数`,
    example: ["1", "2"],
    param: { style: "form", explode: true },
  }),
});

const amount = z.number().nullable().openapi({ description: "万元；null 为该文件未列示此行" });
const Line = z
  .object({
    key: z.string(),
    code: z.string().optional(),
    level: z.enum(["类", "款", "项"]).optional(),
    name: z.string(),
    amounts: z.array(amount),
    changes: z.array(
      z
        .object({
          difference: z.number(),
          rate: z.number().optional().openapi({ description: "百分比；基数为零时缺省" }),
        })
        .nullable()
        .openapi({ description: "相对第一列；第一列及任一方未列示时为 null" }),
    ),
  })
  .openapi("ComparedLine");

export const ComparisonBody = z
  .object({
    columns: z.array(
      z.object({
        ...disclosureBase,
        label: z.string().openapi({ description: "列名：年度、部门或二者" }),
        versionId: z.number().int(),
        versionNumber: z.number().int(),
        publishedAt: z.string().nullable().openapi({ format: "date-time" }),
      }),
    ),
    totals: z.array(Line),
    functional: z.array(Line),
    economic: z.array(Line),
  })
  .openapi("Comparison");

export function registerCompare(api: OpenAPIHono<ServerEnv>): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/compare",
      tags: ["比较"],
      summary: "并排比较 2–8 份已公开的部门预算、决算（按科目编码对齐，含增减额和增减率）",
      request: { query: CompareQuery },
      responses: {
        200: {
          description: "比较结果",
          content: { "application/json": { schema: ComparisonBody } },
        },
        ...ERRORS,
      },
    }),
    async (c) => {
      const { d } = c.req.valid("query");
      const loaded = await loadComparison(c.var.store, Array.isArray(d) ? d : [d]);
      cacheRevalidate(c, true);
      return reply(c, {
        columns: loaded.columns.map(({ version, disclosure: _, ...col }, i) => ({
          ...col,
          label: loaded.labels[i],
          versionId: version.id,
          versionNumber: version.number,
          publishedAt: version.publishedAt,
        })),
        ...loaded.comparison,
      });
    },
  );
}
