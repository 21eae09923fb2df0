/**
 * 工作台: what the signed-in user has to do. An officer sees the
 * department's versions and their states and can upload; a reviewer or
 * finance administrator sees the review queue (submitted versions of their
 * region, oldest first) and what awaits publication or is scheduled.
 */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { ROLE_LABEL } from "../../../service/actor.ts";
import { ServiceError } from "../../../service/errors.ts";
import { hasRole } from "../../../service/policy.ts";
import { type WorkItem, listWork } from "../../../service/queue.ts";
import type { ServerEnv } from "../../env.ts";
import { KIND_LABEL, dateTime } from "../../views/format.ts";
import { Layout } from "../../views/layout.tsx";
import { sendPage } from "../respond.tsx";
import { type Flash, takeFlash } from "./flash.ts";
import { FlashNote, StateBadge } from "./parts.tsx";
import { scrollBox } from "../../views/table.tsx";

function WorkTable(props: { id: string; caption: string; items: WorkItem[]; when: string }) {
  if (!props.items.length) {
    return (
      <p class="muted" id={props.id}>
        {props.caption}：暂无。
      </p>
    );
  }
  return (
    <div {...scrollBox(props.caption)}>
      <table class="list" id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">部门</th>
            <th scope="col">年度与类型</th>
            <th scope="col">版本</th>
            <th scope="col">状态</th>
            <th scope="col">审核结果</th>
            <th scope="col">{props.when}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((v) => (
            <tr data-version={v.versionId}>
              <td class="left">
                {v.departmentName}
                <div class="muted small">{v.regionName}</div>
              </td>
              <td class="left">
                {v.year} 年{KIND_LABEL[v.kind]}
                {v.correctionNote ? <div class="muted small">更正</div> : null}
              </td>
              <td>
                <a href={`/work/versions/${v.versionId}`}>第 {v.number} 版</a>
              </td>
              <td>
                <StateBadge state={v.state} />
              </td>
              <td>
                {v.counts.error} 错误 · {v.counts.warning} 警告
              </td>
              <td>{dateTime(v.state === "scheduled" ? v.publishAt : v.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function officerView(c: Context<ServerEnv>) {
  const items = await listWork(
    c.var.store,
    c.var.actor,
    [
      "draft",
      "returned",
      "submitted",
      "approved",
      "scheduled",
      "published",
      "superseded",
      "withdrawn",
    ],
    "newest",
  );
  return (
    <>
      <p>
        <a class="button" href="/work/upload" id="upload-link">
          上传公开文件
        </a>
      </p>
      <WorkTable id="my-versions" caption="本部门的公开文件与版本" items={items} when="最近变更" />
    </>
  );
}

async function reviewerView(c: Context<ServerEnv>) {
  const { store, actor } = c.var;
  const [queue, approved, scheduled, published] = await Promise.all([
    listWork(store, actor, ["submitted"]),
    listWork(store, actor, ["approved"]),
    listWork(store, actor, ["scheduled"]),
    listWork(store, actor, ["published"], "newest"),
  ]);
  return (
    <>
      <h2>待审核</h2>
      <WorkTable id="queue" caption="待审核（先提交的在前）" items={queue} when="提交时间" />
      <h2>审核通过待发布</h2>
      <WorkTable id="approved" caption="审核通过待发布" items={approved} when="通过时间" />
      <h2>已定时发布</h2>
      <WorkTable id="scheduled" caption="已定时发布" items={scheduled} when="发布时间" />
      <h2>已发布</h2>
      <WorkTable id="published" caption="已发布（可撤回）" items={published} when="发布时间" />
    </>
  );
}

function Dashboard(props: { title: string; flash?: Flash; children?: Child }) {
  return (
    <Layout title="工作台" crumbs={[{ label: "工作台" }]}>
      <h1>工作台</h1>
      <p class="lead">{props.title}</p>
      <FlashNote flash={props.flash} />
      {props.children}
    </Layout>
  );
}

export async function dashboardPage(c: Context<ServerEnv>): Promise<Response> {
  const { actor } = c.var;
  if (actor.kind !== "user") {
    throw new ServiceError("UNAUTHENTICATED", "请先登录（sign-in required）");
  }
  const role = actor.roles[0];
  const flash = takeFlash(c);
  const body = hasRole(actor, "upload") ? (
    await officerView(c)
  ) : hasRole(actor, "approve") ? (
    await reviewerView(c)
  ) : (
    <p>您的角色没有需要在工作台处理的事项。</p>
  );
  const title = `${actor.name}（${role ? ROLE_LABEL[role] : ""}）`;
  return sendPage(
    c,
    <Dashboard title={title} flash={flash}>
      {body}
    </Dashboard>,
  );
}
