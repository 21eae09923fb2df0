/**
 * @module The public read endpoints: regions, departments, disclosures,
 * versions, the canonical JSON, the checker report, the original files and
 * every rendered format. Staff see what their scope covers besides; the
 * service layer decides what each actor may see.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env.ts";
import {
  getDepartment,
  getDisclosure,
  getRegion,
  getReport,
  getVersion,
  getCanonical,
  getVersionFile,
  listDepartments,
  listDisclosures,
  listRegions,
} from "../../service/index.ts";
import {
  Department,
  DepartmentQuery,
  DisclosureDetail,
  DisclosureItem,
  DisclosureQuery,
  FileParam,
  IdParam,
  Region,
  RegionDetail,
  RegionQuery,
  Report,
  VersionDetail,
  pageOf,
} from "./schemas.ts";
import {
  ERRORS,
  cacheImmutable,
  cacheRevalidate,
  limitOffset,
  pageOfArray,
  reply,
  toPage,
} from "./http.ts";
import { contentDisposition, isImmutable } from "./content.ts";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
  ...ERRORS,
});

const get = <P extends string>(path: P, tag: string, summary: string) => ({
  method: "get" as const,
  path,
  tags: [tag],
  summary,
});

export function registerReads(api: OpenAPIHono<ServerEnv>): void {
  api.openapi(
    createRoute({
      ...get("/regions", "目录", "地区列表（某地区的下级，缺省为最上级）"),
      request: { query: RegionQuery },
      responses: json(pageOf(Region, "RegionPage"), "地区"),
    }),
    async (c) => {
      const q = c.req.valid("query");
      cacheRevalidate(c, true);
      return reply(c, pageOfArray(await listRegions(c.var.store, q.parentId ?? null), q));
    },
  );
  api.openapi(
    createRoute({
      ...get("/regions/{id}", "目录", "一个地区及其上级和下级"),
      request: { params: IdParam },
      responses: json(RegionDetail, "地区"),
    }),
    async (c) => {
      cacheRevalidate(c, true);
      return reply(c, await getRegion(c.var.store, c.req.valid("param").id));
    },
  );
  api.openapi(
    createRoute({
      ...get("/departments", "目录", "部门列表"),
      request: { query: DepartmentQuery },
      responses: json(pageOf(Department, "DepartmentPage"), "部门"),
    }),
    async (c) => {
      const { page, pageSize, ...filter } = c.req.valid("query");
      cacheRevalidate(c, true);
      const p = await listDepartments(c.var.store, {
        ...filter,
        ...limitOffset({ page, pageSize }),
      });
      return reply(c, toPage(p));
    },
  );
  api.openapi(
    createRoute({
      ...get("/departments/{id}", "目录", "一个部门"),
      request: { params: IdParam },
      responses: json(Department, "部门"),
    }),
    async (c) => {
      cacheRevalidate(c, true);
      return reply(c, await getDepartment(c.var.store, c.req.valid("param").id));
    },
  );
  registerDisclosureReads(api);
  registerVersionReads(api);
}

function registerDisclosureReads(api: OpenAPIHono<ServerEnv>): void {
  api.openapi(
    createRoute({
      ...get("/disclosures", "公开文件", "公开文件列表（按地区、部门、年度、类型筛选）"),
      request: { query: DisclosureQuery },
      responses: json(pageOf(DisclosureItem, "DisclosurePage"), "公开文件，各附最新可见版本"),
    }),
    async (c) => {
      const { page, pageSize, ...filter } = c.req.valid("query");
      const { actor, store } = c.var;
      cacheRevalidate(c, actor.kind === "anonymous");
      const p = await listDisclosures(store, actor, {
        ...filter,
        ...limitOffset({ page, pageSize }),
      });
      return reply(c, toPage(p));
    },
  );
  api.openapi(
    createRoute({
      ...get("/disclosures/{id}", "公开文件", "一份公开文件及其全部可见版本"),
      request: { params: IdParam },
      responses: json(DisclosureDetail, "公开文件"),
    }),
    async (c) => {
      const { actor, store } = c.var;
      cacheRevalidate(c, actor.kind === "anonymous");
      return reply(c, await getDisclosure(store, actor, c.req.valid("param").id));
    },
  );
}

function registerVersionReads(api: OpenAPIHono<ServerEnv>): void {
  api.openapi(
    createRoute({
      ...get("/versions/{id}", "版本", "一个版本：文件、审核问题及答复、历史"),
      request: { params: IdParam },
      responses: json(VersionDetail, "版本"),
    }),
    async (c) => {
      const { actor, store } = c.var;
      cacheRevalidate(c, actor.kind === "anonymous");
      return reply(c, await getVersion(store, actor, c.req.valid("param").id));
    },
  );
  api.openapi(
    createRoute({
      ...get(
        "/versions/{id}/canonical",
        "版本",
        "标准 JSON（gongkai.disclosure/1），与存储的字节相同",
      ),
      request: { params: IdParam },
      responses: json(z.record(z.string(), z.unknown()), "标准 JSON"),
    }),
    async (c) => {
      const { actor, store } = c.var;
      const id = c.req.valid("param").id;
      const text = await getCanonical(store, actor, id);
      await cacheFor(c, id);
      return c.body(text, 200, { "Content-Type": "application/json; charset=utf-8" }) as never;
    },
  );
  api.openapi(
    createRoute({
      ...get("/versions/{id}/report", "版本", "存储时的审核报告"),
      request: { params: IdParam },
      responses: json(Report, "审核报告"),
    }),
    async (c) => {
      const { actor, store } = c.var;
      const id = c.req.valid("param").id;
      const report = await getReport(store, actor, id);
      await cacheFor(c, id);
      return reply(c, report);
    },
  );
  api.openapi(
    createRoute({
      ...get("/versions/{id}/files/{position}", "下载", "原始文件（按上传顺序，从 0 开始）"),
      request: { params: FileParam },
      responses: {
        200: {
          description: "原始文件的字节",
          content: {
            "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
          },
        },
        ...ERRORS,
      },
    }),
    async (c) => {
      const { actor, store } = c.var;
      const { id, position } = c.req.valid("param");
      const f = await getVersionFile(store, actor, id, position);
      await cacheFor(c, id);
      c.header("Content-Disposition", contentDisposition(f.fileName));
      c.header("X-Content-SHA256", f.sha256);
      return c.body(new Uint8Array(f.bytes), 200, {
        "Content-Type": "application/octet-stream",
      }) as never;
    },
  );
}

/** Immutable caching for public published content, revalidation otherwise. */
async function cacheFor(c: import("hono").Context<ServerEnv>, id: number): Promise<void> {
  if (await isImmutable(c.var.store, c.var.actor, id)) cacheImmutable(c);
  else cacheRevalidate(c, false);
}
