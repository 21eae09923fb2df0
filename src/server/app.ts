/**
 * @module The web application: security headers, the actor and CSRF
 * middleware, ETags, the JSON API under /api/v1 and the portal's pages at /.
 * `createApp` takes an open store and returns a Hono app; `bin/gongkai serve`
 * puts it on a port, the tests call `app.request()` in-process.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { etag } from "hono/etag";
import { secureHeaders } from "hono/secure-headers";
import type { Store } from "../store/index.ts";
import { createApi, type ApiOptions } from "./api/index.ts";
import { type CacheOptions, responseCache } from "./cache.ts";
import type { ServerEnv } from "./env.ts";
import { errorResponse, onError, onNotFound } from "./errors.ts";
import { sessionMiddleware } from "./session.ts";
import { notFoundPage, pages } from "./pages/index.ts";

export interface AppOptions extends ApiOptions, CacheOptions {
  store: Store;
  /** Largest request body accepted (uploads), bytes; default 50 MB. */
  maxBodyBytes?: number;
}

/** No outside host anywhere: scripts, styles, fonts and images come from us. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Swagger UI and charts set style attributes.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function createApp(options: AppOptions): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();
  app.onError(onError);
  // The API answers JSON; a person following a bad link gets the portal's Chinese page.
  app.notFound((c) => (c.req.path.startsWith("/api/") ? onNotFound(c) : notFoundPage(c)));
  app.use(
    secureHeaders({
      contentSecurityPolicy: CSP,
      crossOriginEmbedderPolicy: false,
      // Not "no-referrer": under it a browser sends `Origin: null` even with a form posted to
      // its own site, and the CSRF origin check (session.ts) refused every real form.
      referrerPolicy: "same-origin",
    }),
  );
  app.use(
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 50 * 1024 * 1024,
      onError: (c) => errorResponse(c, 413, "TOO_LARGE", "上传内容过大（payload too large）"),
    }),
  );
  app.use(sessionMiddleware(options.store, options));
  // What the public reads, kept in memory until a write changes it (server/cache.ts).
  app.use(responseCache(options.store, options));
  app.use("/api/*", etag());
  app.route("/api/v1", createApi(options));
  app.route("/", pages);
  return app;
}
