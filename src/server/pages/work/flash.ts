/**
 * POST/redirect/GET for the working pages: a form's handler answers 303 to
 * the page to show next and leaves a one-time message (done, or why it was
 * refused) in a short-lived cookie that the next page shows and clears.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ServerEnv } from "../../env.ts";

const FLASH_COOKIE = "gk_flash";

export interface Flash {
  kind: "ok" | "error";
  text: string;
}

/** Redirects (303) to `to`, with a message for the page there. */
export function redirectWith(c: Context<ServerEnv>, to: string, flash?: Flash): Response {
  if (flash) {
    setCookie(c, FLASH_COOKIE, Buffer.from(JSON.stringify(flash)).toString("base64url"), {
      path: "/",
      httpOnly: true,
      sameSite: "Strict",
      maxAge: 120,
    });
  }
  return c.redirect(to, 303);
}

/** The message left for this page, once. */
export function takeFlash(c: Context<ServerEnv>): Flash | undefined {
  const raw = getCookie(c, FLASH_COOKIE);
  if (!raw) return undefined;
  deleteCookie(c, FLASH_COOKIE, { path: "/" });
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString()) as Flash;
    return value.kind === "ok" || value.kind === "error" ? value : undefined;
  } catch {
    return undefined;
  }
}
