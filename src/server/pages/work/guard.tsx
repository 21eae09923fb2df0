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

/** The sign-in page, coming back to this page afterwards (a GET) or to the dashboard. */
export function toSignIn(c: Context<ServerEnv>): Response {
  const next = c.req.method === "GET" ? c.req.path : "/work";
  return c.redirect(`/signin?next=${encodeURIComponent(next)}`, 303);
}

/** Where a refused form goes back to: the page it was posted from (our own), else the dashboard. */
function formPage(c: Context<ServerEnv>): string {
  const path = c.req.path.match(/^\/work\/versions\/\d+/)?.[0];
  return path ?? (c.req.path.startsWith("/work/upload") ? "/work/upload" : "/work");
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
