/**
 * @module Sign-in, sign-out and the current session; API tokens for machine
 * clients (created, listed and revoked by administrators).
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServerEnv } from "../env.ts";
import { createToken, listTokens, revokeToken, signIn } from "../../service/index.ts";
import { type SessionOptions, startSession, stopSession } from "../session.ts";
import {
  IdParam,
  PageQuery,
  SessionInfo,
  SignInBody,
  TokenCreate,
  TokenCreated,
  TokenInfo,
  pageOf,
} from "./schemas.ts";
import { AUTHENTICATED, ERRORS, pageOfArray, reply } from "./http.ts";

const session = {
  200: {
    description: "当前身份与防跨站令牌",
    content: { "application/json": { schema: SessionInfo } },
  },
};

export function registerAccess(api: OpenAPIHono<ServerEnv>, options: SessionOptions): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/session",
      tags: ["登录"],
      summary: "当前身份（未登录为 anonymous）及浏览器写操作所需的 X-CSRF-Token",
      responses: { ...session, 401: ERRORS[401] },
    }),
    (c) => {
      c.header("Cache-Control", "no-store");
      return reply(c, { actor: c.var.actor, csrfToken: c.var.csrfToken });
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/session",
      tags: ["登录"],
      summary: "登录：设置 HttpOnly、SameSite=Strict 的会话 Cookie；失败过多即锁定",
      request: {
        body: { content: { "application/json": { schema: SignInBody } }, required: true },
      },
      responses: {
        ...session,
        ...ERRORS,
        429: {
          description: "失败次数过多，暂时锁定（SIGNIN_LOCKED；Retry-After）",
          content: ERRORS[401].content,
        },
      },
    }),
    async (c) => {
      const from = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
      const { actor } = await signIn(c.var.store, c.req.valid("json"), from ? { from } : {});
      const csrfToken = await startSession(c, actor, options);
      c.header("Cache-Control", "no-store");
      return reply(c, { actor, csrfToken });
    },
  );
  api.openapi(
    createRoute({
      method: "delete",
      path: "/session",
      tags: ["登录"],
      summary: "退出登录",
      responses: { 204: { description: "已退出" }, ...ERRORS },
    }),
    async (c) => {
      await stopSession(c);
      return c.body(null, 204) as never;
    },
  );
  registerTokens(api);
}

function registerTokens(api: OpenAPIHono<ServerEnv>): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/tokens",
      tags: ["接口令牌"],
      summary: "接口令牌列表（系统管理员、财政局管理员）",
      security: AUTHENTICATED,
      request: { query: PageQuery },
      responses: {
        200: {
          description: "令牌（不含密钥）",
          content: { "application/json": { schema: pageOf(TokenInfo, "TokenPage") } },
        },
        ...ERRORS,
      },
    }),
    async (c) => {
      c.header("Cache-Control", "private, no-cache");
      return reply(
        c,
        pageOfArray(await listTokens(c.var.store, c.var.actor), c.req.valid("query")),
      );
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/tokens",
      tags: ["接口令牌"],
      summary: "新建接口令牌（密钥只在此显示一次）",
      security: AUTHENTICATED,
      request: {
        body: { content: { "application/json": { schema: TokenCreate } }, required: true },
      },
      responses: {
        201: { description: "新令牌", content: { "application/json": { schema: TokenCreated } } },
        ...ERRORS,
        422: ERRORS[400],
      },
    }),
    async (c) => {
      c.header("Cache-Control", "no-store");
      return reply(c, await createToken(c.var.store, c.var.actor, c.req.valid("json")), 201);
    },
  );
  api.openapi(
    createRoute({
      method: "delete",
      path: "/tokens/{id}",
      tags: ["接口令牌"],
      summary: "撤销接口令牌",
      security: AUTHENTICATED,
      request: { params: IdParam },
      responses: { 204: { description: "已撤销" }, ...ERRORS },
    }),
    async (c) => {
      await revokeToken(c.var.store, c.var.actor, c.req.valid("param").id);
      return c.body(null, 204) as never;
    },
  );
}
