/**
 * @module The authenticated write endpoints: upload (multipart, one or several
 * files forming one disclosure), correct a published disclosure, answer a
 * finding, and the workflow's transitions. Who may do what is the service
 * layer's decision; these routes only translate HTTP to its calls.
 */
import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env.ts";
import {
  approveVersion,
  getDisclosure,
  publishVersion,
  respondToFinding,
  returnVersion,
  submitVersion,
  uploadVersion,
  withdrawVersion,
} from "../../service/index.ts";
import type { SourceFile } from "../../service/engine.ts";
import {
  ApproveBody,
  CorrectionForm,
  FindingParam,
  IdParam,
  PublishBody,
  ResponseBody,
  ReturnBody,
  UploadForm,
  VersionRef,
  WithdrawBody,
} from "./schemas.ts";
import { AUTHENTICATED, WRITE_ERRORS, reply } from "./http.ts";

const created = (description: string) => ({
  201: { description, content: { "application/json": { schema: VersionRef } } },
  ...WRITE_ERRORS,
});
const ok = (description: string) => ({
  200: { description, content: { "application/json": { schema: VersionRef } } },
  ...WRITE_ERRORS,
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
const formBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "multipart/form-data": { schema } }, required: true },
});

async function sourceFiles(files: File[], roles: string[] | undefined): Promise<SourceFile[]> {
  return Promise.all(
    files.map(async (f, i) => ({
      name: f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
      ...(roles?.[i] ? { role: roles[i] } : {}),
    })),
  );
}

export function registerWrites(api: OpenAPIHono<ServerEnv>): void {
  api.openapi(
    createRoute({
      method: "post",
      path: "/versions",
      tags: ["提交与审核"],
      summary: "上传一版（部门经办人）；已发布的公开文件再上传即为更正，须附更正说明",
      security: AUTHENTICATED,
      request: formBody(UploadForm),
      responses: created("新版本（草稿），附审核结果计数"),
    }),
    async (c) => {
      const f = c.req.valid("form");
      const ref = await uploadVersion(c.var.store, c.var.actor, {
        departmentId: f.departmentId,
        year: f.year,
        kind: f.kind,
        files: await sourceFiles(f.files, f.roles),
        ...(f.correctionNote ? { correctionNote: f.correctionNote } : {}),
      });
      return reply(c, ref, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/disclosures/{id}/corrections",
      tags: ["提交与审核"],
      summary:
        "更正已发布的公开文件：上传新版本并填写更正说明（部门经办人；或本地区财政局审核员、管理员，其更正直接提交审核，须由另一人审核通过）",
      security: AUTHENTICATED,
      request: { params: IdParam, ...formBody(CorrectionForm) },
      responses: created("更正版本（部门的为草稿，财政局的为已提交），发布后取代原版本"),
    }),
    async (c) => {
      const { store, actor } = c.var;
      const d = await getDisclosure(store, actor, c.req.valid("param").id);
      const f = c.req.valid("form");
      const ref = await uploadVersion(store, actor, {
        departmentId: d.departmentId,
        year: d.year,
        kind: d.kind,
        files: await sourceFiles(f.files, f.roles),
        correctionNote: f.correctionNote,
      });
      return reply(c, ref, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "put",
      path: "/versions/{id}/findings/{index}/response",
      tags: ["提交与审核"],
      summary: "答复一条审核问题（说明）",
      security: AUTHENTICATED,
      request: { params: FindingParam, ...jsonBody(ResponseBody) },
      responses: { 204: { description: "已保存" }, ...WRITE_ERRORS },
    }),
    async (c) => {
      const { id, index } = c.req.valid("param");
      await respondToFinding(c.var.store, c.var.actor, id, index, c.req.valid("json").text);
      return c.body(null, 204) as never;
    },
  );
  registerTransitions(api);
}

function registerTransitions(api: OpenAPIHono<ServerEnv>): void {
  const transition = <P extends string>(path: P, summary: string) => ({
    method: "post" as const,
    path,
    tags: ["提交与审核"],
    summary,
    security: AUTHENTICATED,
  });
  api.openapi(
    createRoute({
      ...transition("/versions/{id}/submit", "提交审核（无错误、每个警告都已答复）"),
      request: { params: IdParam },
      responses: ok("已提交"),
    }),
    async (c) => reply(c, await submitVersion(c.var.store, c.var.actor, c.req.valid("param").id)),
  );
  api.openapi(
    createRoute({
      ...transition("/versions/{id}/return", "退回（须填写审核意见）"),
      request: { params: IdParam, ...jsonBody(ReturnBody) },
      responses: ok("已退回"),
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      return reply(
        c,
        await returnVersion(c.var.store, c.var.actor, id, c.req.valid("json").comment),
      );
    },
  );
  api.openapi(
    createRoute({
      ...transition("/versions/{id}/approve", "审核通过"),
      request: { params: IdParam, ...jsonBody(ApproveBody) },
      responses: ok("已通过"),
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const comment = c.req.valid("json").comment;
      return reply(c, await approveVersion(c.var.store, c.var.actor, id, comment));
    },
  );
  api.openapi(
    createRoute({
      ...transition("/versions/{id}/publish", "发布（立即，或在 at 指定的时间）"),
      request: { params: IdParam, ...jsonBody(PublishBody) },
      responses: ok("已发布或已定时"),
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const at = c.req.valid("json").at;
      const options = at ? { at: new Date(at) } : {};
      return reply(c, await publishVersion(c.var.store, c.var.actor, id, options));
    },
  );
  api.openapi(
    createRoute({
      ...transition("/versions/{id}/withdraw", "撤回已发布的版本（须说明理由）"),
      request: { params: IdParam, ...jsonBody(WithdrawBody) },
      responses: ok("已撤回"),
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      return reply(
        c,
        await withdrawVersion(c.var.store, c.var.actor, id, c.req.valid("json").reason),
      );
    },
  );
}
