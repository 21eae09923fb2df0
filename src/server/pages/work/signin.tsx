/**
 * 登录 and 退出 for staff. The form posts to itself (the origin check of
 * session.ts guards an anonymous post; a signed-in one also sends `_csrf`);
 * wrong credentials and the throttle's lock are told in Chinese, with how
 * many attempts remain before the lock.
 */
import type { Context } from "hono";
import { ServiceError } from "../../../service/errors.ts";
import { THROTTLE, signIn, signInThrottle } from "../../../service/signin.ts";
import type { ServerEnv } from "../../env.ts";
import { startSession, stopSession } from "../../session.ts";
import { dateTime } from "../../views/format.ts";
import { Layout } from "../../views/layout.tsx";
import { sendPage } from "../respond.tsx";
import { type Flash, redirectWith, takeFlash } from "./flash.ts";
import { FlashNote } from "./parts.tsx";

/** Only a path of this site: never an open redirect to another host. */
export function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/work";
}

function SignInPage(props: { next: string; username?: string; csrf: string; flash?: Flash }) {
  return (
    <Layout title="登录" crumbs={[{ label: "登录" }]}>
      <h1>工作人员登录</h1>
      <p class="lead">部门经办人上传公开文件；财政局审核员审核、发布。公众查阅无需登录。</p>
      <FlashNote flash={props.flash} />
      <form method="post" action="/signin" class="panel form" id="signin-form">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label>
          用户名
          <input
            name="username"
            id="username"
            autocomplete="username"
            required
            value={props.username ?? ""}
          />
        </label>
        <label>
          密码
          <input
            name="password"
            id="password"
            type="password"
            autocomplete="current-password"
            required
          />
        </label>
        <button type="submit">登录</button>
      </form>
    </Layout>
  );
}

export function signInPage(c: Context<ServerEnv>): Promise<Response> {
  return sendPage(
    c,
    <SignInPage next={safeNext(c.req.query("next"))} csrf={c.var.csrfToken} flash={takeFlash(c)} />,
  );
}

/** The Chinese answer to a refused sign-in: locked until when, or how many tries remain. */
async function refusal(c: Context<ServerEnv>, error: ServiceError, username: string) {
  if (error.code === "SIGNIN_LOCKED") {
    const until = dateTime(String(error.details?.lockedUntil ?? ""));
    return `登录失败次数过多，该用户名已暂时锁定，请于 ${until}（北京时间）后再试。`;
  }
  const { failures } = await signInThrottle(c.var.store, username);
  const left = THROTTLE.maxFailures - failures;
  return left > 0
    ? `用户名或密码不正确。再失败 ${left} 次，该用户名将暂时锁定 ${THROTTLE.lockMinutes} 分钟。`
    : "用户名或密码不正确。";
}

export async function signInPost(c: Context<ServerEnv>): Promise<Response> {
  const form = await c.req.parseBody();
  const username = typeof form.username === "string" ? form.username : "";
  const password = typeof form.password === "string" ? form.password : "";
  const next = safeNext(form.next);
  try {
    const from = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    const { actor } = await signIn(c.var.store, { username, password }, from ? { from } : {});
    await startSession(c, actor);
    return redirectWith(c, next, { kind: "ok", text: `已登录：${actor.name}` });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const text = await refusal(c, error, username);
    return sendPage(
      c,
      <SignInPage
        next={next}
        username={username}
        csrf={c.var.csrfToken}
        flash={{ kind: "error", text }}
      />,
      error.code === "SIGNIN_LOCKED" ? 429 : 401,
    );
  }
}

export async function signOutPost(c: Context<ServerEnv>): Promise<Response> {
  await stopSession(c);
  return redirectWith(c, "/", { kind: "ok", text: "已退出登录。" });
}
