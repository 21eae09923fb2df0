/**
 * @module The API reference in Chinese, drawn on the server from the same
 * OpenAPI document the routes generate (/api/v1/openapi.json): every
 * operation by tag with its method and path, what it does, who may call it,
 * its parameters, request body and responses, and the data shapes. A portal
 * page like any other (its frame, its stylesheet, no script); Swagger UI,
 * whose own labels are English, stays at /api/v1/docs/swagger for trying
 * requests out.
 */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ServerEnv } from "../env.ts";
import { sendPage } from "../pages/respond.tsx";
import { Layout } from "../views/layout.tsx";

/** The parts of an OpenAPI 3.1 document the page reads. */
export interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, Schema>;
    securitySchemes?: Record<string, { description?: string }>;
  };
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Schema }> }
  >;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  example?: unknown;
  description?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
}

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];
const WHERE: Record<string, string> = {
  path: "路径",
  query: "查询",
  header: "请求头",
  cookie: "Cookie",
};
const TYPE_LABEL: Record<string, string> = {
  string: "文本",
  integer: "整数",
  number: "数值",
  boolean: "是/否",
  array: "列表",
  object: "对象",
  null: "空",
};

/** A schema's name in components, from its $ref. */
const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);
/** An anchor for a name: letters, digits and CJK kept. */
const anchor = (prefix: string, name: string) =>
  `${prefix}-${name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "")}`;

/** A schema as a short phrase with links to named shapes: 文本（格式 date）, 列表，每项为 Region. */
function TypeOf(props: { schema?: Schema }): Child {
  const s = props.schema;
  if (!s) return "—";
  if (s.$ref) {
    const name = refName(s.$ref);
    return <a href={`#${anchor("schema", name)}`}>{name}</a>;
  }
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives)
    return (
      <>
        {alternatives.map((a, i) => (
          <>
            {i ? "，或 " : ""}
            <TypeOf schema={a} />
          </>
        ))}
      </>
    );
  if (s.allOf?.length === 1) return <TypeOf schema={s.allOf[0]} />;
  const types = (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []).filter(
    (t) => t !== "null",
  );
  if (types.includes("array"))
    return (
      <>
        列表，每项为 <TypeOf schema={s.items} />
      </>
    );
  const label = types.map((t) => TYPE_LABEL[t] ?? t).join(" 或 ") || "任意";
  const notes = [
    s.format ? `格式 ${s.format}` : "",
    s.enum ? `取值 ${s.enum.map((v) => JSON.stringify(v)).join(" / ")}` : "",
    s.pattern ? `形如 ${s.pattern}` : "",
    s.minimum !== undefined ? `最小 ${s.minimum}` : "",
    s.maximum !== undefined ? `最大 ${s.maximum}` : "",
    (Array.isArray(s.type) && s.type.includes("null")) || s.nullable ? "可为空" : "",
  ].filter(Boolean);
  return notes.length ? `${label}（${notes.join("；")}）` : label;
}

/** Who may call an operation, from its security requirements. */
function access(op: Operation): string {
  if (!op.security?.length) return "公开，无需登录";
  const ways = op.security.flatMap((s) => Object.keys(s));
  const named = ways.map((w) => (w === "bearer" ? "接口令牌" : w === "session" ? "登录会话" : w));
  return `需要身份（${[...new Set(named)].join("或")}）；具体角色见说明`;
}

function Operation(props: { method: string; path: string; op: Operation }) {
  const { method, path, op } = props;
  const params = op.parameters ?? [];
  const body = op.requestBody?.content ?? {};
  return (
    <section class="api-op" id={anchor("op", `${method}-${path}`)}>
      <h3>
        <code class="api-method">{method.toUpperCase()}</code> <code>{path}</code>
      </h3>
      <p>{op.summary}</p>
      {op.description ? <p class="muted">{op.description}</p> : null}
      <p class="small">权限：{access(op)}</p>
      {params.length ? (
        <div class="table-wrap">
          <table>
            <caption>参数</caption>
            <thead>
              <tr>
                <th scope="col">名称</th>
                <th scope="col">位置</th>
                <th scope="col">必填</th>
                <th scope="col">类型</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {params.map((p) => (
                <tr>
                  <th scope="row">
                    <code>{p.name}</code>
                  </th>
                  <td>{WHERE[p.in] ?? p.in}</td>
                  <td>{p.required ? "是" : "否"}</td>
                  <td>
                    <TypeOf schema={p.schema} />
                  </td>
                  <td>
                    {p.description ?? p.schema?.description ?? ""}
                    {p.schema?.example !== undefined ? `（例：${String(p.schema.example)}）` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {Object.keys(body).length ? (
        <p>
          请求体（{op.requestBody?.required ? "必填" : "可选"}）：
          {Object.entries(body).map(([type, c], i) => (
            <>
              {i ? "；" : ""}
              <code>{type}</code>，<TypeOf schema={c.schema} />
            </>
          ))}
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <caption>响应</caption>
          <thead>
            <tr>
              <th scope="col">状态码</th>
              <th scope="col">说明</th>
              <th scope="col">内容</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(op.responses ?? {}).map(([code, r]) => (
              <tr>
                <th scope="row">{code}</th>
                <td>{r.description ?? ""}</td>
                <td>
                  {Object.entries(r.content ?? {}).map(([type, c], i) => (
                    <>
                      {i ? "；" : ""}
                      <code>{type}</code> <TypeOf schema={c.schema} />
                    </>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Shape(props: { name: string; schema: Schema }) {
  const { name, schema } = props;
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  return (
    <section class="api-schema" id={anchor("schema", name)}>
      <h3>
        <code>{name}</code>
      </h3>
      {schema.description ? <p>{schema.description}</p> : null}
      {properties.length ? (
        <div class="table-wrap">
          <table>
            <caption>{name} 的字段</caption>
            <thead>
              <tr>
                <th scope="col">字段</th>
                <th scope="col">必有</th>
                <th scope="col">类型</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {properties.map(([field, s]) => (
                <tr>
                  <th scope="row">
                    <code>{field}</code>
                  </th>
                  <td>{required.has(field) ? "是" : "否"}</td>
                  <td>
                    <TypeOf schema={s} />
                  </td>
                  <td>{s.description ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>
          类型：
          <TypeOf schema={schema} />
        </p>
      )}
    </section>
  );
}

/** The reference page of the document. */
export function ApiReference(props: { doc: OpenApiDoc; base: string }) {
  const { doc, base } = props;
  const groups = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, ops] of Object.entries(doc.paths))
    for (const method of METHOD_ORDER) {
      const op = ops[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "其他";
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push({ method, path, op });
    }
  const schemas = Object.entries(doc.components?.schemas ?? {});
  const security = Object.entries(doc.components?.securitySchemes ?? {});
  return (
    <Layout
      title="数据接口说明"
      description="公开平台 JSON 数据接口的中文说明：每个接口的地址、参数、权限和返回内容"
      crumbs={[{ label: "首页", href: "/" }, { label: "数据接口说明" }]}
    >
      <h1>数据接口说明</h1>
      <p class="lead">{doc.info.description}</p>
      <ul class="api-base">
        <li>
          接口地址：<code>{base}</code>（版本 {doc.info.version}）；返回 JSON，金额单位为万元。
        </li>
        <li>
          机器可读的接口描述（OpenAPI 3.1）：<a href="/api/v1/openapi.json">openapi.json</a>
        </li>
        <li>
          在浏览器中试发请求：<a href="/api/v1/docs/swagger">交互式调试页</a>
          （Swagger UI，其按钮等界面文字为英文）
        </li>
      </ul>
      {security.length ? (
        <>
          <h2 id="auth">身份验证</h2>
          <ul>
            {security.map(([name, s]) => (
              <li>
                {name === "bearer" ? "接口令牌" : name === "session" ? "登录会话" : name}：
                {s.description ?? ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <nav aria-label="接口目录">
        <h2 id="contents">目录</h2>
        <ul class="table-index">
          {[...groups.keys()].map((tag) => (
            <li>
              <a href={`#${anchor("tag", tag)}`}>{tag}</a>（{groups.get(tag)!.length} 个接口）
            </li>
          ))}
          {schemas.length ? (
            <li>
              <a href="#schemas">数据结构</a>（{schemas.length} 种）
            </li>
          ) : null}
        </ul>
      </nav>
      {[...groups.entries()].map(([tag, ops]) => (
        <section id={anchor("tag", tag)}>
          <h2>{tag}</h2>
          {ops.map((o) => (
            <Operation method={o.method} path={o.path} op={o.op} />
          ))}
        </section>
      ))}
      {schemas.length ? (
        <section id="schemas">
          <h2>数据结构</h2>
          {schemas.map(([name, schema]) => (
            <Shape name={name} schema={schema} />
          ))}
        </section>
      ) : null}
    </Layout>
  );
}

/** The reference page as a response (the portal's page headers and caching). */
export function sendReference(c: Context<ServerEnv>, doc: OpenApiDoc): Promise<Response> {
  return sendPage(c, <ApiReference doc={doc} base={`${new URL(c.req.url).origin}/api/v1`} />);
}
