/**
 * The page frame every portal page shares: head (one stylesheet served by the
 * portal itself, no other host), site header with navigation, breadcrumbs,
 * main content and footer.
 */
import { type Child, createContext, useContext } from "hono/jsx";
import { type Actor, ROLE_LABEL } from "../../service/actor.ts";
import { CSS_PATH, JS_PATH } from "./assets.ts";

/** Who is reading (set by sendPage): the header names a signed-in user and offers sign-out. */
export interface Viewer {
  actor: Actor;
  csrfToken: string;
}
export const ViewerContext = createContext<Viewer | undefined>(undefined);

export const SITE_NAME = "公开 · 部门预决算公开平台";

export interface Crumb {
  label: string;
  href?: string;
}

export function Layout(props: {
  title: string;
  description?: string;
  crumbs?: Crumb[];
  /** The search box's text (the search page shows what was searched). */
  query?: string;
  children?: Child;
}) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — ${SITE_NAME}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href={CSS_PATH} />
        <script src={JS_PATH} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          跳到正文
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href="/">
              <span class="seal" aria-hidden="true">
                公
              </span>
              {SITE_NAME}
            </a>
            <SearchBox query={props.query} />
            <nav aria-label="站点导航">
              <a href="/">首页</a>
              <a href="/regions">地区</a>
              <a href="/api/v1/docs">数据接口</a>
              <Account />
            </nav>
          </div>
        </header>
        {props.crumbs?.length ? <Breadcrumbs crumbs={props.crumbs} /> : null}
        <main id="main" class="wrap">
          {props.children}
        </main>
        <footer class="site">
          <div class="wrap">
            <p>
              本平台公开的部门预算、决算均为各部门发布的原文件及其结构化数据；金额单位为万元。
              已发布的版本不可修改，更正以新版本发布并附更正说明。
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** 登录, or the signed-in user's name and role, 工作台 and 退出 (a form: sign-out is a write). */
function Account() {
  const viewer = useContext(ViewerContext);
  const actor = viewer?.actor;
  if (!actor || actor.kind !== "user") {
    return <a href="/signin">登录</a>;
  }
  const role = actor.roles[0];
  return (
    <span class="account">
      <a href="/work">工作台</a>
      <span class="who">
        {actor.name}
        {role ? `（${ROLE_LABEL[role]}）` : ""}
      </span>
      <form method="post" action="/signout" class="inline">
        <input type="hidden" name="_csrf" value={viewer.csrfToken} />
        <button type="submit" class="link">
          退出
        </button>
      </form>
    </span>
  );
}

/** The one search box, on every page; a plain GET form (works without JavaScript). */
export function SearchBox(props: { query?: string | undefined; id?: string }) {
  const id = props.id ?? "site-search";
  return (
    <form class="search-box" action="/search" method="get" role="search">
      <label for={id} class="visually-hidden">
        搜索部门、公开文件、项目、科目和说明
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={props.query ?? ""}
        maxlength={100}
        placeholder="搜索部门、项目、科目（如 三公经费、2010401、sgjf）"
      />
      <button type="submit">搜索</button>
    </form>
  );
}

function Breadcrumbs(props: { crumbs: Crumb[] }) {
  return (
    <nav class="crumbs wrap" aria-label="当前位置">
      <ol>
        <li>
          <a href="/">首页</a>
        </li>
        {props.crumbs.map((c) => (
          <li>
            {c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
