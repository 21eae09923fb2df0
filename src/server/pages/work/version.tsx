/**
 * One version at work (/work/versions/:id): its state and files, the
 * reviewer's comments, the import result (parts read, diagnostics), each
 * finding beside the document's printed lines (and the PDF page with the
 * place marked) with the department's response, and the forms the actor may
 * use in this state: respond, submit and upload again (officer); return or
 * approve (reviewer); publish now or at a time, withdraw (finance
 * administrator); a correction with its 更正说明 once published (the
 * officer, or the finance bureau of the region: policy.ts requireUpload).
 */
import type { Context } from "hono";
import type { Diagnostic, Disclosure } from "../../../model/disclosure.ts";
import { type Actor, actorLabel } from "../../../service/actor.ts";
import { ServiceError } from "../../../service/errors.ts";
import { type Action, coversDepartment } from "../../../service/policy.ts";
import {
  type VersionDetail,
  getCanonical,
  getDisclosure,
  getVersion,
} from "../../../service/reads.ts";
import { type SourceText, getVersionSources } from "../../../service/sources.ts";
import type { Store } from "../../../store/index.ts";
import type { ServerEnv } from "../../env.ts";
import { CitedPlace, citedIn } from "../../views/cited.tsx";
import { SECTION_LABEL } from "../../views/diff.ts";
import { KIND_LABEL, SEVERITY_LABEL, dateTime } from "../../views/format.ts";
import { Layout } from "../../views/layout.tsx";
import { idParam, sendPage } from "../respond.tsx";
import { type Flash, takeFlash } from "./flash.ts";
import { Csrf, FlashNote, StateBadge } from "./parts.tsx";
import { CorrectionForms, OfficerForms, ReviewForms } from "./version-forms.tsx";

type Info = Awaited<ReturnType<typeof getDisclosure>>;

export interface Can {
  respond: boolean;
  submit: boolean;
  upload: boolean;
  correct: boolean;
  /** False on a version the actor uploaded (four eyes: workflow.ts). */
  approve: boolean;
  publish: boolean;
  withdraw: boolean;
  /** A reviewer or administrator who uploaded this version (the bureau's own correction). */
  own: boolean;
}

const ACTIONS = [
  "respond",
  "submit",
  "upload",
  "correct",
  "approve",
  "publish",
  "withdraw",
] as const;

async function permissions(store: Store, actor: Actor, v: VersionDetail): Promise<Can> {
  const covers = (a: Action) => coversDepartment(store, actor, a, v.departmentId);
  const allowed = await Promise.all(ACTIONS.map(covers));
  const can = Object.fromEntries(ACTIONS.map((a, i) => [a, allowed[i] === true])) as Record<
    (typeof ACTIONS)[number],
    boolean
  >;
  const own =
    can.approve && v.events.some((e) => e.action === "upload" && e.actor === actorLabel(actor));
  return { ...can, approve: can.approve && !own, own };
}

export interface VersionView {
  v: VersionDetail;
  info: Info;
  d: Disclosure | undefined;
  sources: SourceText[];
  can: Can;
  csrf: string;
}

function Comments(props: { v: VersionDetail }) {
  const comments = props.v.events.filter((e) => e.comment && e.action !== "supersede");
  if (!comments.length) return null;
  return (
    <section id="review-comments" class="panel">
      <h2>审核意见与说明</h2>
      <ul class="comments">
        {comments.map((e) => (
          <li data-action={e.action}>
            <strong>{ACTION_NAME[e.action] ?? e.action}</strong>
            <span class="muted small">
              {" "}
              {dateTime(e.at)}
              {e.actor ? ` · ${e.actor.split(":")[2] || e.actor}` : ""}
            </span>
            <p>{e.comment}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

const ACTION_NAME: Record<string, string> = {
  upload: "上传",
  submit: "提交审核",
  return: "退回",
  approve: "审核通过",
  publish: "发布",
  withdraw: "撤回",
  replace: "被重新上传替换",
  supersede: "被更正版本取代",
};

function ImportResult(props: { v: VersionDetail; d: Disclosure | undefined }) {
  const parts = props.d
    ? Object.keys(props.d).filter((k) => SECTION_LABEL[k] && !["year", "kind"].includes(k))
    : [];
  const diagnostics = props.v.diagnostics as Diagnostic[];
  return (
    <section id="import-result">
      <h2>导入结果</h2>
      <p>
        已读取 {props.v.files.length} 个文件：{props.v.files.map((f) => f.fileName).join("、")}。
      </p>
      <p id="parts-read">
        读出的部分：{parts.length ? parts.map((k) => SECTION_LABEL[k]).join("、") : "无"}。
      </p>
      {diagnostics.length ? (
        <ul class="diagnostics" id="diagnostics">
          {diagnostics.map((g) => (
            <li class={`d-${g.level}`}>
              <span class={`status s-${g.level}`}>{SEVERITY_LABEL[g.level]}</span>{" "}
              {g.section ? `【${g.section}】` : ""}
              {g.message}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">读取时没有需要说明的情况。</p>
      )}
    </section>
  );
}

function FindingItem(props: { view: VersionView; item: VersionDetail["findings"][number] }) {
  const { view, item } = props;
  const f = item.finding;
  const editable = view.can.respond && (view.v.state === "draft" || view.v.state === "returned");
  const cited = citedIn(view.sources, f);
  return (
    <article class={`finding f-${f.severity}`} id={`finding-${item.index}`}>
      <header>
        <span class={`status s-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>{" "}
        <span class="mono small">{f.rule}</span> {f.message}
      </header>
      <CitedPlace cited={cited} versionId={view.v.id} many={view.sources.length > 1} />
      {f.severity === "warning" && editable ? (
        <form
          method="post"
          action={`/work/versions/${view.v.id}/findings/${item.index}/response`}
          class="form response-form"
        >
          <Csrf token={view.csrf} />
          <label>
            部门说明
            <textarea name="text" rows={2} required>
              {item.response?.text ?? ""}
            </textarea>
          </label>
          <button type="submit">{item.response ? "修改说明" : "保存说明"}</button>
        </form>
      ) : item.response ? (
        <p class="response">
          <strong>部门说明：</strong>
          {item.response.text}
        </p>
      ) : f.severity === "warning" ? (
        <p class="response missing">部门尚未填写说明。</p>
      ) : null}
    </article>
  );
}

function FindingList(props: { view: VersionView }) {
  const { v } = props.view;
  const answered = v.findings.filter((x) => x.finding.severity === "warning" && x.response).length;
  return (
    <section id="findings">
      <h2>审核发现</h2>
      <p>
        共检查 {v.coverage.rules} 条规则，发现 {v.counts.error} 个错误、{v.counts.warning}{" "}
        个警告（已说明 {answered} 个）、{v.counts.info}{" "}
        个提示。错误须改正后重新上传；每个警告须填写说明才能提交。
      </p>
      {v.findings.map((item) => (
        <FindingItem view={props.view} item={item} />
      ))}
    </section>
  );
}

function VersionPage(props: { view: VersionView; flash?: Flash }) {
  const { v, info } = props.view;
  const title = `${info.departmentName} ${info.year} 年${KIND_LABEL[info.kind]} 第 ${v.number} 版`;
  return (
    <Layout
      title={title}
      crumbs={[{ label: "工作台", href: "/work" }, { label: `第 ${v.number} 版` }]}
    >
      <h1>{title}</h1>
      <p>
        <StateBadge state={v.state} />{" "}
        <span class="muted small">上传于 {dateTime(v.createdAt)}</span>
        {v.publishAt && v.state === "scheduled" ? ` · 定于 ${dateTime(v.publishAt)} 发布` : ""}
        {v.publishedAt ? ` · 发布于 ${dateTime(v.publishedAt)}` : ""}
      </p>
      {v.correctionNote ? <p class="notice">更正说明：{v.correctionNote}</p> : null}
      <FlashNote flash={props.flash} />
      <Comments v={v} />
      <OfficerForms view={props.view} />
      <CorrectionForms view={props.view} />
      <ReviewForms view={props.view} />
      <ImportResult v={v} d={props.view.d} />
      <FindingList view={props.view} />
    </Layout>
  );
}

export async function workVersionPage(c: Context<ServerEnv>): Promise<Response> {
  const { store, actor } = c.var;
  if (actor.kind !== "user") throw new ServiceError("UNAUTHENTICATED", "请先登录");
  const id = idParam(c.req.param("id"));
  if (!id) throw new ServiceError("NOT_FOUND", "找不到该版本。");
  const v = await getVersion(store, actor, id);
  const can = await permissions(store, actor, v);
  const withdrawn = v.state === "withdrawn";
  const [info, canonical, sources] = await Promise.all([
    getDisclosure(store, actor, v.disclosureId),
    withdrawn ? undefined : getCanonical(store, actor, id),
    withdrawn ? [] : getVersionSources(store, actor, id),
  ]);
  const d = canonical ? (JSON.parse(canonical) as Disclosure) : undefined;
  const view: VersionView = { v, info, d, sources, can, csrf: c.var.csrfToken };
  return sendPage(c, <VersionPage view={view} flash={takeFlash(c)} />);
}
