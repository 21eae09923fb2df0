/**
 * @module Who is asking, and whether a browser's write is genuine.
 *
 * Actor: `Authorization: Bearer gk_…` is an API token (an invalid one is
 * refused, not downgraded); else the session cookie names a signed-in user
 * (an ended or expired session is dropped and the request is anonymous);
 * else the anonymous public.
 *
 * CSRF: every POST/PUT/PATCH/DELETE not authenticated by a token must come
 * from our own origin (Origin header, or Sec-Fetch-Site when Origin is
 * absent or "null"; a request with neither is refused), and a signed-in request must
 * also carry the session's CSRF token (header X-CSRF-Token or form field
 * `_csrf`). The token is an HMAC of the session secret, so it needs no
 * storage and dies with the session. Token-authenticated calls carry no
 * ambient credential and are exempt.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { ANONYMOUS, type Actor } from "../service/actor.ts";
import { ServiceError } from "../service/errors.ts";
import { createSession, endSession, sessionActor } from "../service/sessions.ts";
import { authenticateToken } from "../service/tokens.ts";
import type { Store } from "../store/index.ts";
import type { ServerEnv } from "./env.ts";
import { errorResponse } from "./errors.ts";
import { refusalPage } from "./pages/work/guard.tsx";

export const SESSION_COOKIE = "gk_session";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface SessionOptions {
  /** Secure cookies: always, never, or "auto" (when the request came over https). */
  secureCookies?: boolean | "auto";
  /** Trust X-Forwarded-Proto/-Host from a reverse proxy (for "auto" and the origin check). */
  trustProxy?: boolean;
  /** Further origins allowed to post (e.g. the public address behind a proxy). */
  allowedOrigins?: string[];
}

/** The CSRF token of a session secret (anonymous requests get a fixed, useless one). */
export function csrfTokenOf(secret: string | undefined): string {
  return createHmac("sha256", secret ?? "anonymous")
    .update("gongkai-csrf")
    .digest("base64url");
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function requestOrigin(c: Context, options: SessionOptions): string {
  const url = new URL(c.req.url);
  if (options.trustProxy) {
    const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
    const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim();
    return `${proto ?? url.protocol.slice(0, -1)}://${host ?? url.host}`;
  }
  return url.origin;
}

function isSecure(c: Context, options: SessionOptions): boolean {
  const s = options.secureCookies ?? "auto";
  return s === "auto" ? requestOrigin(c, options).startsWith("https:") : s;
}

/** The options of the app serving each request (so pages can start sessions without them). */
const optionsOf = new WeakMap<Context, SessionOptions>();

/** Resolves the actor and the CSRF token, and guards browser writes. */
export function sessionMiddleware(
  store: Store,
  options: SessionOptions,
): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    c.set("store", store);
    optionsOf.set(c, options);
    const bearer = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      c.set("actor", await authenticateToken(store, bearer));
      c.set("csrfToken", "");
      return next();
    }
    const secret = getCookie(c, SESSION_COOKIE);
    let actor: Actor = ANONYMOUS;
    if (secret) {
      try {
        actor = await sessionActor(store, secret);
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        deleteCookie(c, SESSION_COOKIE, { path: "/" });
      }
    }
    const signedIn = actor !== ANONYMOUS;
    c.set("actor", actor);
    c.set("csrfToken", csrfTokenOf(signedIn ? secret : undefined));
    if (UNSAFE.has(c.req.method)) {
      const refusal = await csrfRefusal(c, options, signedIn);
      if (refusal) {
        // A browser's form gets the reason as a Chinese page; the API answers JSON.
        if (c.req.path.startsWith("/api/")) return errorResponse(c, 403, "CSRF", refusal);
        return refusalPage(c, refusal);
      }
    }
    return next();
  };
}

async function csrfRefusal(
  c: Context<ServerEnv>,
  options: SessionOptions,
  signedIn: boolean,
): Promise<string | undefined> {
  // A browser sends "Origin: null" with a form posted under Referrer-Policy no-referrer (which
  // secureHeaders sets): that says nothing, so Sec-Fetch-Site decides as when Origin is absent.
  const header = c.req.header("origin");
  const origin = header === "null" ? undefined : header;
  const allowed = [requestOrigin(c, options), ...(options.allowedOrigins ?? [])];
  if (origin !== undefined) {
    if (!allowed.includes(origin))
      return `请求来源 ${origin} 不是本站，已拒绝（cross-origin request refused）`;
  } else {
    const site = c.req.header("sec-fetch-site");
    if (site !== "same-origin" && site !== "none")
      return "无法确认请求来自本站（missing Origin），已拒绝（origin unverifiable）";
  }
  if (!signedIn) return undefined;
  let sent = c.req.header("x-csrf-token");
  if (
    !sent &&
    /^(multipart\/form-data|application\/x-www-form-urlencoded)/.test(
      c.req.header("content-type") ?? "",
    )
  ) {
    const field = (await c.req.parseBody())._csrf;
    sent = typeof field === "string" ? field : undefined;
  }
  if (!sent || !sameText(sent, c.var.csrfToken)) {
    return "缺少或错误的防跨站令牌，请刷新页面后重试（CSRF token missing or wrong）";
  }
  return undefined;
}

/** After a successful signIn: starts the session and sets its cookie; returns the new CSRF token. */
export async function startSession(
  c: Context<ServerEnv>,
  actor: Actor,
  options: SessionOptions = optionsOf.get(c) ?? {},
): Promise<string> {
  const { secret, expiresAt } = await createSession(c.var.store, actor);
  setCookie(c, SESSION_COOKIE, secret, {
    path: "/",
    httpOnly: true,
    // Strict: a link from another site opens the portal signed out; staff work inside it.
    sameSite: "Strict",
    secure: isSecure(c, options),
    expires: expiresAt,
  });
  c.set("actor", actor);
  c.set("csrfToken", csrfTokenOf(secret));
  return c.var.csrfToken;
}

/** Sign-out: ends the session in the store and clears the cookie. */
export async function stopSession(c: Context<ServerEnv>): Promise<void> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret) await endSession(c.var.store, secret);
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
  c.set("actor", ANONYMOUS);
  c.set("csrfToken", csrfTokenOf(undefined));
}
