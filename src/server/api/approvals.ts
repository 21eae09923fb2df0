/**
 * @module Approval dates: PUT records the date a finance bureau approved a
 * year's budgets or final accounts (its reviewers and administrators only;
 * audited). The portal's /regions/:id/scoreboard counts the 20 days from it.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { recordApprovalDate } from "../../service/approvals.ts";
import type { ServerEnv } from "../env.ts";
import { AUTHENTICATED, WRITE_ERRORS, reply } from "./http.ts";
import { IdParam } from "./schemas.ts";

export const ApprovalBody = z
  .object({
    year: z.number().int().min(1990).max(2100),
    kind: z.enum(["budget", "final"]).openapi({ description: "budget 预算 / final 决算" }),
    date: z
      .string()
      .openapi({ description: "批复日期 YYYY-MM-DD（北京时间的日期）", example: "2026-02-15" }),
    disclosureId: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: "只为本地区的这一份公开文件登记（单独批复）；缺省为本级全部部门" }),
  })
  .openapi("ApprovalBody");

export const ApprovalRecord = z
  .object({
    regionId: z.number().int(),
    year: z.number().int(),
    kind: z.enum(["budget", "final"]),
    date: z.string(),
    disclosureId: z.number().int().nullable(),
    previous: z.string().nullable().openapi({ description: "此前登记的日期" }),
  })
  .openapi("ApprovalRecord");

export function registerApprovals(api: OpenAPIHono<ServerEnv>): void {
  api.openapi(
    createRoute({
      method: "put",
      path: "/regions/{id}/approval-dates",
      tags: ["公开考核"],
      summary: "登记批复日期（本地区或上级地区的财政局审核员、管理员）；公开期限从此日起算 20 日",
      security: AUTHENTICATED,
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: ApprovalBody } }, required: true },
      },
      responses: {
        200: {
          description: "已登记",
          content: { "application/json": { schema: ApprovalRecord } },
        },
        ...WRITE_ERRORS,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const record = await recordApprovalDate(c.var.store, c.var.actor, {
        regionId: c.req.valid("param").id,
        year: body.year,
        kind: body.kind,
        date: body.date,
        ...(body.disclosureId ? { disclosureId: body.disclosureId } : {}),
      });
      return reply(c, record);
    },
  );
}
