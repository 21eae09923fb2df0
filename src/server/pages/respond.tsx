/**
 * Sending a page: the doctype, the caching policy (public pages may be kept a
 * minute by anyone; what a signed-in user sees is private), and the Chinese
 * "not found" page for unknown addresses and ids.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSX } from "hono/jsx/jsx-runtime";
import { ServiceError } from "../../service/errors.ts";
import type { ServerEnv } from "../env.ts";
import { Layout, ViewerContext } from "../views/layout.tsx";

export async function sendPage(
  c: Context<ServerEnv>,
  node: JSX.Element,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const viewer = { actor: c.var.actor, csrfToken: c.var.csrfToken };
  const page = <ViewerContext.Provider value={viewer}>{node}</ViewerContext.Provider>;
  const body = `<!DOCTYPE html>${await page.toString()}`;
  const anonymous = c.var.actor.kind === "anonymous";
  c.header(
    "Cache-Control",
    anonymous && status === 200 ? "public, max-age=60" : "private, no-cache",
  );
  return c.html(body, status);
}

export function NotFound(props: { message?: string }) {
  return (
    <Layout title="页面不存在">
      <h1>页面不存在</h1>
      <p>{props.message ?? "您访问的地址没有对应的页面，可能已被移动，或链接有误。"}</p>
      <p>
        <a href="/">返回首页</a>，按地区查找部门预决算。
      </p>
    </Layout>
  );
}

/** The 404 page (also for the server's app.notFound). */
export const notFoundPage = (c: Context<ServerEnv>, message?: string) =>
  sendPage(c, <NotFound message={message} />, 404);

/** A path parameter as a positive integer id, or undefined. */
export function idParam(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** Runs a page handler, turning the service layer's 不存在 into the Chinese 404 page. */
export async function orNotFound(
  c: Context<ServerEnv>,
  render: () => Promise<Response>,
): Promise<Response> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof ServiceError && error.code === "NOT_FOUND") {
      return notFoundPage(c, error.message.replace(/（not found）$/, "。"));
    }
    throw error;
  }
}
