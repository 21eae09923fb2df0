/**
 * @module Downloads: a version rendered in every format the renderer makes
 * (xlsx, docx, pdf, html, csv zip, json, fdp zip), named after its
 * department, year and version; and whether a version's content may be
 * cached as immutable (public and published: its bytes never change).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ServerEnv } from "../env.ts";
import type { Actor } from "../../service/actor.ts";
import { isPublicContent } from "../../service/reads.ts";
import { getCheckInput, getDepartment, getVersion } from "../../service/index.ts";
import type { Store } from "../../store/index.ts";
import {
  DEFAULT_EXTENSION,
  type PdfPrinter,
  type RenderFormat,
  renderDisclosure,
} from "../../render/index.ts";
import { RenderError } from "../../render/pdf.ts";
import { ErrorBody, FormatParam } from "./schemas.ts";
import { ERRORS, cacheImmutable, cacheRevalidate } from "./http.ts";

export const CONTENT_TYPE: Record<RenderFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  csv: "application/zip",
  json: "application/json; charset=utf-8",
  fdp: "application/zip",
};

/** `attachment` with the UTF-8 name (RFC 6266) and an ASCII fallback. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Published (or superseded) versions are public and their content never changes. */
export function isImmutable(store: Store, _actor: Actor, id: number): Promise<boolean> {
  return isPublicContent(store, id);
}

export interface DownloadOptions {
  /** A shared PDF printer (the server keeps one browser); default: one launch per PDF. */
  printer?: () => Promise<PdfPrinter>;
}

export function registerDownloads(api: OpenAPIHono<ServerEnv>, options: DownloadOptions): void {
  const binary = z.string().openapi({ format: "binary" });
  api.openapi(
    createRoute({
      method: "get",
      path: "/versions/{id}/download/{format}",
      tags: ["下载"],
      summary: "按格式下载：xlsx、docx、pdf、html、csv（zip）、json、fdp（数据包 zip）",
      request: { params: FormatParam },
      responses: {
        200: {
          description: "生成的文件",
          content: Object.fromEntries(
            [...new Set(Object.values(CONTENT_TYPE))].map((t) => [t, { schema: binary }]),
          ),
        },
        ...ERRORS,
        503: {
          description: "无法生成（如未安装 Chromium 时的 PDF：RENDER_FAILED）",
          content: { "application/json": { schema: ErrorBody } },
        },
      },
    }),
    async (c) => download(c, c.req.valid("param"), options) as never,
  );
}

async function download(
  c: Context<ServerEnv>,
  p: { id: number; format: RenderFormat },
  options: DownloadOptions,
): Promise<Response> {
  const { store, actor } = c.var;
  const input = await getCheckInput(store, actor, p.id);
  const version = await getVersion(store, actor, p.id);
  const department = await getDepartment(store, version.departmentId);
  let bytes: Uint8Array;
  try {
    const printer = p.format === "pdf" && options.printer ? await options.printer() : undefined;
    bytes = await renderDisclosure(input.disclosure, p.format, printer ? { printer } : {});
  } catch (error) {
    if (error instanceof RenderError) {
      return c.json({ error: { code: "RENDER_FAILED", message: error.message } }, 503);
    }
    throw error;
  }
  const kind = version.kind === "budget" ? "预算" : "决算";
  const name = `${department.name}${version.year}年${kind}-第${version.number}版${DEFAULT_EXTENSION[p.format]}`;
  if (version.state === "published" || version.state === "superseded") cacheImmutable(c);
  else cacheRevalidate(c, false);
  c.header("Content-Disposition", contentDisposition(name));
  return c.body(new Uint8Array(bytes), 200, { "Content-Type": CONTENT_TYPE[p.format] });
}
