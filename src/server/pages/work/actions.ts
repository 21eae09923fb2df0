/**
 * The working pages' form posts: each calls one service operation and
 * answers 303 to the version's page with what happened (a refusal of the
 * workflow comes back there too, with its Chinese reason: guard.tsx).
 */
import type { Context } from "hono";
import { ServiceError } from "../../../service/errors.ts";
import { getPageImage } from "../../../service/sources.ts";
import { respondToFinding } from "../../../service/upload.ts";
import {
  approveVersion,
  publishVersion,
  returnVersion,
  submitVersion,
  withdrawVersion,
} from "../../../service/workflow.ts";
import type { ServerEnv } from "../../env.ts";
import { dateTime } from "../../views/format.ts";
import { idParam } from "../respond.tsx";
import { redirectWith } from "./flash.ts";

function versionId(c: Context<ServerEnv>): number {
  const id = idParam(c.req.param("id"));
  if (!id) throw new ServiceError("NOT_FOUND", "找不到该版本（not found）");
  return id;
}

async function field(c: Context<ServerEnv>, name: string): Promise<string> {
  const value = (await c.req.parseBody())[name];
  return typeof value === "string" ? value : "";
}

const done = (c: Context<ServerEnv>, id: number, text: string, hash = "") =>
  redirectWith(c, `/work/versions/${id}${hash}`, { kind: "ok", text });

export async function respondPost(c: Context<ServerEnv>): Promise<Response> {
  const id = versionId(c);
  const index = Number(c.req.param("index"));
  if (!Number.isInteger(index) || index < 0) throw new ServiceError("NOT_FOUND", "找不到该问题");
  await respondToFinding(c.var.store, c.var.actor, id, index, await field(c, "text"));
  return done(c, id, "说明已保存。", `#finding-${index}`);
}

export async function submitPost(c: Context<ServerEnv>): Promise<Response> {
  const id = versionId(c);
  const ref = await submitVersion(c.var.store, c.var.actor, id);
  return done(c, id, `第 ${ref.number} 版已提交审核。`);
}

export async function returnPost(c: Context<ServerEnv>): Promise<Response> {
  const id = versionId(c);
  const ref = await returnVersion(c.var.store, c.var.actor, id, await field(c, "comment"));
  return done(c, id, `第 ${ref.number} 版已退回部门修改。`);
}

export async function approvePost(c: Context<ServerEnv>): Promise<Response> {
  const id = versionId(c);
  const ref = await approveVersion(c.var.store, c.var.actor, id, await field(c, "comment"));
  return done(c, id, `第 ${ref.number} 版审核通过，待发布。`);
}

/** A datetime-local value ("2026-12-08T09:00") read as Beijing time. */
export function beijingTime(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) {
    throw new ServiceError("INVALID_INPUT", `发布时间格式不正确：${value}（invalid time）`);
  }
  return new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`);
}

export async function publishPost(c: Context<ServerEnv>): Promise<Response> {
  const id = versionId(c);
  const at = await field(c, "at");
  const ref = await publishVersion(c.var.store, c.var.actor, id, at ? { at: beijingTime(at) } : {});
  return done(
    c,
    id,
    ref.state === "scheduled"
      ? `第 ${ref.number} 版已定于 ${dateTime(beijingTime(at))} 发布。`
      : `第 ${ref.number} 版已发布。`,
  );
}

export async function withdrawPost(c: Context<ServerEnv>): Promise<Response> {
  const id = versionId(c);
  const ref = await withdrawVersion(c.var.store, c.var.actor, id, await field(c, "reason"));
  return done(c, id, `第 ${ref.number} 版已撤回。`);
}

/** A PDF page of the version as a PNG (private: drafts are not public). */
export async function pageImage(c: Context<ServerEnv>): Promise<Response> {
  const id = versionId(c);
  const position = Number(c.req.param("position"));
  const page = idParam(c.req.param("page"));
  if (!Number.isInteger(position) || position < 0 || !page || page > 2000) {
    throw new ServiceError("NOT_FOUND", "找不到该页（not found）");
  }
  const png = await getPageImage(c.var.store, c.var.actor, id, position, page);
  c.header("Content-Type", "image/png");
  c.header("Cache-Control", "private, max-age=3600");
  return c.body(png as Uint8Array<ArrayBuffer>);
}
