/**
 * The portal's public pages, server-rendered (Hono JSX) with one stylesheet
 * and no client JavaScript. Mounted by the server with `app.route("/", pages)`.
 * Stable addresses: /, /regions, /regions/:id, /departments/:id,
 * /disclosures/:id, /disclosures/:id/versions/:n, /compare?d=…&d=… (and .csv),
 * /regions/:id/scoreboard (and its approval-date form, POST …/scoreboard/approval);
 * /search?q=…; the working pages (/signin, /work …) are in pages/work/.
 */
import { Hono } from "hono";
import { etag } from "hono/etag";
import type { ServerEnv } from "../env.ts";
import { CSS_PATH, CSS_TEXT, JS_PATH, JS_TEXT } from "../views/assets.ts";
import { compareCsv, comparePage } from "./compare.tsx";
import { departmentPage } from "./department.tsx";
import { disclosurePage } from "./disclosure.tsx";
import { homePage } from "./home.tsx";
import { regionPage, regionsPage } from "./region.tsx";
import { approvalPost, scoreboardPage } from "./scoreboard.tsx";
import { work } from "./work/index.ts";
import { searchPage } from "./search.tsx";

export { notFoundPage } from "./respond.tsx";
export { DOWNLOAD_URLS, DOWNLOAD_FORMATS } from "../views/downloads.ts";

export const pages = new Hono<ServerEnv>();

// A reader coming back gets 304 Not Modified while the page is unchanged.
pages.use(etag());

// The stylesheet's name carries its hash: it never changes under that name.
pages.get(CSS_PATH, (c) => {
  c.header("Cache-Control", "public, max-age=31536000, immutable");
  c.header("Content-Type", "text/css; charset=utf-8");
  return c.body(CSS_TEXT);
});
pages.get(JS_PATH, (c) => {
  c.header("Cache-Control", "public, max-age=31536000, immutable");
  c.header("Content-Type", "text/javascript; charset=utf-8");
  return c.body(JS_TEXT);
});
pages.get("/", homePage);
pages.get("/regions", regionsPage);
pages.get("/regions/:id", regionPage);
pages.get("/regions/:id/scoreboard", scoreboardPage);
pages.post("/regions/:id/scoreboard/approval", approvalPost);
pages.get("/departments/:id", departmentPage);
pages.get("/disclosures/:id", disclosurePage);
pages.get("/disclosures/:id/versions/:n", disclosurePage);
pages.get("/compare", comparePage);
pages.get("/compare.csv", compareCsv);

// The signed-in working pages (sign-in, dashboard, upload, review): pages/work/.
pages.route("/", work);
pages.get("/search", searchPage);
