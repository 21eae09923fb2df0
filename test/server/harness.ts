/**
 * The server under test: an app over a fresh PGlite store holding the store
 * tests' small world (Hebei ⊃ Cangzhou with a department, Beijing with
 * another), a real user for every role, an API token, and clients that sign
 * in through the API and send what a browser sends (Origin, the session
 * cookie, X-CSRF-Token) or a Bearer token.
 */
import { createApp } from "../../src/server/app.ts";
import { type Actor, systemActor } from "../../src/service/actor.ts";
import { createToken } from "../../src/service/tokens.ts";
import { createUser } from "../../src/service/users.ts";
import type { Store } from "../../src/store/index.ts";
import { pgliteFactory } from "../store/engines.ts";
import { type World, makeWorld } from "../store/world.ts";

export const ORIGIN = "http://localhost";
export const PASSWORD = "Kai-9-lu-Xun-2026";

export const ROLE_NAMES = [
  "anonymous",
  "sysadmin",
  "finance",
  "reviewer",
  "reviewerOther",
  "officer",
  "officerOther",
  "token",
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface Client {
  role: RoleName;
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

export interface Call {
  method?: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

export type App = ReturnType<typeof createApp>;

/** A request as the client would send it. */
export function call(app: App, client: Client, path: string, init: Call = {}): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (client.bearer) headers.authorization = `Bearer ${client.bearer}`;
  else {
    headers.origin ??= ORIGIN;
    if (client.cookie) headers.cookie = client.cookie;
    if (client.csrf) headers["x-csrf-token"] = client.csrf;
  }
  let body: BodyInit | undefined;
  if (init.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  } else if (init.form) body = init.form;
  return Promise.resolve(app.request(path, { method: init.method ?? "GET", headers, body }));
}

/** The `name=value` of a Set-Cookie header (for sending it back). */
export function cookieOf(res: Response, name: string): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    if (pair?.startsWith(`${name}=`)) return pair;
  }
  return undefined;
}

export async function signInClient(app: App, role: RoleName, username: string): Promise<Client> {
  const res = await call(app, { role: "anonymous" }, "/api/v1/session", {
    method: "POST",
    json: { username, password: PASSWORD },
  });
  if (res.status !== 200)
    throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { role, cookie: cookieOf(res, "gk_session"), csrf: csrfToken };
}

const USERS: [
  RoleName,
  string,
  (w: World) => Parameters<typeof createUser>[2]["role"],
  (w: World) => object,
][] = [
  ["sysadmin", "admin", () => "sysadmin", () => ({})],
  ["finance", "finance", () => "finance_admin", (w) => ({ regionId: w.hebei.id })],
  ["reviewer", "reviewer", () => "reviewer", (w) => ({ regionId: w.hebei.id })],
  ["reviewerOther", "reviewer-bj", () => "reviewer", (w) => ({ regionId: w.beijing.id })],
  ["officer", "officer", () => "officer", (w) => ({ departmentId: w.dept.id })],
  ["officerOther", "officer-bj", () => "officer", (w) => ({ departmentId: w.otherDept.id })],
];

export interface Server {
  app: App;
  store: Store;
  world: World;
  clients: Record<RoleName, Client>;
  /** The actors behind the clients (for driving the service directly in fixtures). */
  actors: Partial<Record<RoleName, Actor>>;
  close(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  const factory = pgliteFactory();
  const store = await factory.fresh();
  const world = await makeWorld(store);
  const app = createApp({ store });
  const admin = systemActor("test");
  const actors: Partial<Record<RoleName, Actor>> = {};
  for (const [role, username, roleOf, scopeOf] of USERS) {
    const user = await createUser(store, admin, {
      username,
      password: PASSWORD,
      role: roleOf(world),
      ...scopeOf(world),
    });
    actors[role] = {
      kind: "user",
      id: user.id,
      name: username,
      roles: [roleOf(world)],
      scope: scopeOf(world),
    };
  }
  const { token } = await createToken(store, admin, {
    name: "一体化系统",
    role: "officer",
    departmentId: world.dept.id,
  });
  const clients = {
    anonymous: { role: "anonymous" },
    token: { role: "token", bearer: token },
  } as Record<RoleName, Client>;
  for (const [role, username] of USERS) clients[role] = await signInClient(app, role, username);
  return {
    app,
    store,
    world,
    clients,
    actors,
    close: () => factory.dispose(),
  };
}
