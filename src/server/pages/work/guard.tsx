/**
 * Errors on the working pages as Chinese pages, never JSON or a trace: a
 * signed-out visitor is sent to the sign-in page (and back afterwards), a
 * refusal of the workflow after a form goes back to the form's page with the
 * reason, a refusal of access is a 403/404 page.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ServiceError } from "../../../service/errors.ts";
import type { ServerEnv } from "../../env.ts";
import { Layout } from "../../views/layout.tsx";
import { sendPage } from "../respond.tsx";
import { redirectWith } from "./flash.ts";

export function ErrorPage(props: { title: string; message: string }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <p class="notice error" role="alert">
        {props.message}
      </p>
      <p>
        <a href="/work">返回工作台</a> · <a href="/">返回首页</a>
      </p>
    </Layout>
  );
}

const TITLE: Partial<Record<number, string>> = {
  400: "请求不正确",
  403: "无权访问",
  404: "页面不存在",
  413: "上传内容过大",
};

/**
 * Signed out: a page is answered by the sign-in page (coming back afterwards);
 * a form post by a 401 page (its content is not kept, so there is nothing to come back to).
 */
export function toSignIn(c: Context<ServerEnv>): Response | Promise<Response> {
  if (c.req.method !== "GET") {
    return sendPage(
      c,
      <ErrorPage title="请先登录" message="登录已失效或尚未登录，请登录后重新操作。" />,
      401,
    );
  }
  return c.redirect(`/signin?next=${encodeURIComponent(c.req.path)}`, 303);
}

/** A form refused before it reached its handler (the CSRF check of session.ts). */
export const refusalPage = (c: Context<ServerEnv>, message: string) =>
  sendPage(c, <ErrorPage title="操作被拒绝" message={message} />, 403);

/**
 * Where a refused form goes back to: the page it was posted from (our own), else the dashboard.
 * A correction posted from a version's page says so (`?back=`): a reviewer has no upload page.
 */
function formPage(c: Context<ServerEnv>): string {
  const path = c.req.path.match(/^\/work\/versions\/\d+/)?.[0];
  if (path) return path;
  if (!c.req.path.startsWith("/work/upload")) return "/work";
  const back = c.req.query("back");
  return back && /^\/work\/versions\/\d+$/.test(back) ? back : "/work/upload";
}

export async function workError(error: Error, c: Context<ServerEnv>): Promise<Response> {
  if (!(error instanceof ServiceError)) {
    console.error(`[gongkai] ${c.req.method} ${c.req.path}:`, error);
    return sendPage(c, <ErrorPage title="出错了" message="服务器内部错误，请稍后再试。" />, 500);
  }
  if (error.code === "UNAUTHENTICATED") return toSignIn(c);
  const status = error.status as ContentfulStatusCode;
  // A refusal of the workflow (state, checker gate, missing text): back to the form, with the reason.
  if (c.req.method === "POST" && status !== 403 && status !== 404) {
    return redirectWith(c, formPage(c), { kind: "error", text: error.message });
  }
  return sendPage(
    c,
    <ErrorPage title={TITLE[status] ?? "无法完成"} message={error.message} />,
    status,
  );
}
