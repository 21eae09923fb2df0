/**
 * @module The OpenAPI 3.1 document (generated from the routes' zod schemas)
 * at /api/v1/openapi.json; the reference in Chinese drawn from it at
 * /api/v1/docs (reference.tsx); and Swagger UI for trying requests at
 * /api/v1/docs/swagger, its files served from our own node_modules, no
 * outside host involved (the CSP allows none).
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { type OpenApiDoc, sendReference } from "./reference.tsx";

const UI_DIR = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

export const API_INFO = {
  title: "gongkai 公开 API",
  version: "1",
  description:
    "部门预算/决算公开文件的目录、版本、下载与发布流程。公开读取无需登录；写操作需登录（会话 Cookie，浏览器须带 X-CSRF-Token）或接口令牌（Authorization: Bearer）。错误为 {error:{code,message}}，message 为中文。",
};

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>gongkai 公开 API 文档</title>
<link rel="icon" href="assets/favicon-32x32.png">
<link rel="stylesheet" href="assets/swagger-ui.css">
<link rel="stylesheet" href="contrast.css">
</head>
<body>
<div id="api"></div>
<script src="assets/swagger-ui-bundle.js"></script>
<script src="init.js"></script>
</body>
</html>
`;

// An external script, not inline: the CSP allows scripts from our origin only.
// No deep links: Swagger UI puts them as links inside the operations' buttons (axe:
// nested-interactive), which screen readers cannot reach.
const INIT = `window.ui = SwaggerUIBundle({ url: "../openapi.json", dom_id: "#api", deepLinking: false });\n`;

/**
 * Swagger UI's colours that fail WCAG AA contrast (white on its light method
 * badges, light blue links), darkened; the one-server picker is hidden (it has
 * no label, and there is nothing to choose).
 */
const CONTRAST_CSS = `.swagger-ui .opblock .opblock-summary-method { color: #111; text-shadow: none; }
.swagger-ui .info .title small { background: #4a5260; }
.swagger-ui .info .title small.version-stamp { background: #3b6800; }
.swagger-ui .info a, .swagger-ui .info .url, .swagger-ui a.nostyle { color: #1b5fa8; }
.swagger-ui .btn.authorize { color: #1d6b45; border-color: #1d6b45; }
.swagger-ui .btn.authorize svg { fill: #1d6b45; }
.swagger-ui .scheme-container .servers-title, .swagger-ui .scheme-container .servers { display: none; }
`;

export function registerDocs(api: OpenAPIHono<ServerEnv>): void {
  api.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: API_INFO,
    servers: [{ url: `${new URL(c.req.url).origin}/api/v1` }],
  }));
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "接口令牌（gk_…），由管理员创建",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "gk_session",
    description: "登录后的会话 Cookie；写操作另须 X-CSRF-Token 头",
  });
  let doc: OpenApiDoc | undefined;
  api.get("/docs", (c) => {
    // The routes are all registered by the first request: the document is made once.
    doc ??= api.getOpenAPI31Document({ openapi: "3.1.0", info: API_INFO }) as unknown as OpenApiDoc;
    return sendReference(c, doc);
  });
  // Swagger UI's relative links resolve against /api/v1/docs/.
  api.get("/docs/swagger", (c) => c.html(PAGE));
  api.get("/docs/init.js", (c) =>
    c.body(INIT, 200, { "Content-Type": "text/javascript; charset=utf-8" }),
  );
  api.get("/docs/contrast.css", (c) =>
    c.body(CONTRAST_CSS, 200, { "Content-Type": "text/css; charset=utf-8" }),
  );
  api.get("/docs/assets/:file", async (c) => {
    const file = c.req.param("file");
    const type = ASSETS[file];
    if (!type) return errorResponse(c, 404, "NOT_FOUND", `找不到文件：${file}（not found）`);
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(await readFile(join(UI_DIR, file)), 200, { "Content-Type": type });
  });
}
