/**
 * `gongkai user add|list|passwd|role|disable|enable`: user administration at
 * the command line (the operator acts as system administrator). Passwords are
 * read from a hidden prompt or the first line of stdin, never from arguments,
 * so they stay out of shell history and process lists.
 */
import type { Command } from "commander";
import { ROLES, ROLE_LABEL, type Role, systemActor } from "../../service/actor.ts";
import type { Store } from "../../store/index.ts";
import { UserError } from "../../app/errors.ts";
import { withStore } from "./store-session.ts";

/** The service layer loads when a command runs, not when the command line starts. */
const users = () => import("../../service/users.ts");

interface RoleOptions {
  role: string;
  region?: string;
  department?: string;
}

export function registerUser(program: Command): void {
  const user = program.command("user").description("管理用户（manage users）");
  user
    .command("add")
    .argument("<username>", "用户名")
    .requiredOption("--role <role>", `角色：${ROLES.join("|")}`)
    .option("--region <code>", "财政局角色的地区（行政区划代码）")
    .option("--department <id>", "部门经办人的部门编号")
    .option("--name <displayName>", "显示名")
    .description(
      "创建用户，密码从提示或标准输入读取（create a user; password from a prompt or stdin）",
    )
    .action(async (username: string, opts: RoleOptions & { name?: string }) => {
      const password = await readNewPassword();
      await withStore(async (store) => {
        const scope = await scopeOf(store, opts);
        const { createUser } = await users();
        const u = await createUser(store, systemActor(), {
          username,
          password,
          ...scope,
          ...(opts.name ? { displayName: opts.name } : {}),
        });
        process.stdout.write(`已创建用户 ${u.username}（${ROLE_LABEL[u.role]}，编号 ${u.id}）\n`);
      });
    });
  user
    .command("list")
    .description("列出用户（list users）")
    .action(() =>
      withStore(async (store) => {
        const { listUsers } = await users();
        for (const u of await listUsers(store, systemActor())) {
          const scope = u.regionId
            ? `地区 ${u.regionId}`
            : u.departmentId
              ? `部门 ${u.departmentId}`
              : "全部";
          process.stdout.write(
            `${u.id}\t${u.username}\t${ROLE_LABEL[u.role]}\t${scope}${u.disabled ? "\t已停用" : ""}\n`,
          );
        }
      }),
    );
  user
    .command("passwd")
    .argument("<username>")
    .description("重设密码（reset a password）")
    .action(async (username: string) => {
      const password = await readNewPassword();
      await withStore(async (store) => {
        const { setUserPassword } = await users();
        await setUserPassword(store, systemActor(), await userId(store, username), password);
        process.stdout.write(`已重设 ${username} 的密码\n`);
      });
    });
  registerRoleCommands(user);
}

/** `user role`, `user disable`, `user enable`: what a user may do, and whether at all. */
function registerRoleCommands(user: Command): void {
  user
    .command("role")
    .argument("<username>")
    .requiredOption("--role <role>", `角色：${ROLES.join("|")}`)
    .option("--region <code>", "地区（行政区划代码）")
    .option("--department <id>", "部门编号")
    .description("更改角色和范围（change role and scope）")
    .action((username: string, opts: RoleOptions) =>
      withStore(async (store) => {
        const { setUserRole } = await users();
        const u = await setUserRole(
          store,
          systemActor(),
          await userId(store, username),
          await scopeOf(store, opts),
        );
        process.stdout.write(`${u.username} 现为${ROLE_LABEL[u.role]}\n`);
      }),
    );
  for (const [name, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    user
      .command(name)
      .argument("<username>")
      .description(disabled ? "停用用户（disable）" : "启用用户（enable）")
      .action((username: string) =>
        withStore(async (store) => {
          const { setUserDisabled } = await users();
          await setUserDisabled(store, systemActor(), await userId(store, username), disabled);
          process.stdout.write(`${username} 已${disabled ? "停用" : "启用"}\n`);
        }),
      );
  }
}

async function userId(store: Store, username: string): Promise<number> {
  const row = await store.db
    .selectFrom("app_user")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirst();
  if (!row) throw new UserError(`找不到用户：${username}（no such user）`);
  return row.id;
}

async function scopeOf(store: Store, opts: RoleOptions) {
  if (!(ROLES as readonly string[]).includes(opts.role)) {
    throw new UserError(`未知角色：${opts.role}，可用：${ROLES.join("、")}（unknown role）`);
  }
  let regionId: number | undefined;
  if (opts.region) {
    const { regionByCode } = await import("../../store/queries/catalogue.ts");
    const region = await regionByCode(store.db, opts.region);
    if (!region)
      throw new UserError(`找不到行政区划代码为 ${opts.region} 的地区（region not found）`);
    regionId = region.id;
  }
  const departmentId = opts.department ? Number(opts.department) : undefined;
  if (departmentId !== undefined && !Number.isInteger(departmentId)) {
    throw new UserError(`部门编号须为整数：${opts.department}（invalid department id）`);
  }
  return {
    role: opts.role as Role,
    regionId: regionId ?? null,
    departmentId: departmentId ?? null,
  };
}

/** A new password: typed twice at a hidden prompt, or the first line of stdin when piped. */
async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
    if (!line) throw new UserError("标准输入中没有密码（no password on stdin）");
    return line;
  }
  const first = await hiddenPrompt("新密码（new password）：");
  const second = await hiddenPrompt("再输入一次（again）：");
  if (first !== second) throw new UserError("两次输入的密码不一致（passwords differ）");
  return first;
}

function hiddenPrompt(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let value = "";
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new UserError("已取消（cancelled）", "usage", 130));
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}
