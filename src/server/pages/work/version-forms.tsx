/**
 * The forms of a version's working page, each shown only to whom the
 * service would allow it in the version's current state (the service checks
 * again on every post). All post with the session's `_csrf` and work
 * without JavaScript.
 */
import type { Child } from "hono/jsx";
import { KIND_LABEL, dateTime } from "../../views/format.ts";
import { UploadForm } from "./upload.tsx";
import { Csrf } from "./parts.tsx";
import type { VersionView } from "./version.tsx";

function Post(props: { id: string; action: string; csrf: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class="form" id={props.id}>
      <Csrf token={props.csrf} />
      {props.children}
    </form>
  );
}

export function OfficerForms(props: { view: VersionView }) {
  const { v, info, can, csrf } = props.view;
  const base = `/work/versions/${v.id}`;
  const defaults = {
    departmentId: info.departmentId,
    departmentName: info.departmentName,
    year: info.year,
    kind: info.kind,
  };
  if (can.submit && (v.state === "draft" || v.state === "returned")) {
    const open = v.findings.filter((x) => x.finding.severity === "warning" && !x.response).length;
    return (
      <section class="panel actions" id="officer-actions">
        <h2>提交审核</h2>
        <p>
          {v.counts.error
            ? `审核发现 ${v.counts.error} 个错误，须改正原文件后重新上传。`
            : open
              ? `还有 ${open} 个警告未填写说明。`
              : "所有警告均已说明，可以提交。"}
        </p>
        <Post id="submit-form" action={`${base}/submit`} csrf={csrf}>
          <button type="submit">提交审核</button>
        </Post>
        <details>
          <summary>重新上传（替换本版草稿）</summary>
          <UploadForm d={defaults} csrf={csrf} />
        </details>
      </section>
    );
  }
  return null;
}

/**
 * A published version's correction: the department's officer, or the finance
 * bureau of the region (whose correction goes straight to review by a second person).
 */
export function CorrectionForms(props: { view: VersionView }) {
  const { v, info, can, csrf } = props.view;
  if (!can.correct || v.state !== "published") return null;
  const defaults = {
    departmentId: info.departmentId,
    departmentName: info.departmentName,
    year: info.year,
    kind: info.kind,
    correction: true,
    back: `/work/versions/${v.id}`,
  };
  return (
    <section class="panel actions" id="correction-actions">
      <h2>更正</h2>
      <p>
        已发布的版本不可修改。上传更正后的文件并填写更正说明，
        {can.upload
          ? "审核通过并发布后，"
          : "更正直接提交审核（不得有错误），须由财政局另一位审核员或管理员审核通过，再由财政局管理员发布；发布后，"}
        更正版本取代本版，公众页面显示更正说明。
      </p>
      <UploadForm d={defaults} csrf={csrf} />
    </section>
  );
}

/** What the version waits for, said to whoever cannot act on it now. */
function waitingFor(v: VersionView["v"], own: boolean): string | undefined {
  if (v.state === "submitted" && own)
    return "您上传的更正已提交，须由财政局另一位审核员或管理员审核。";
  if (v.state === "submitted") return "已提交，等待财政局审核。";
  if (v.state === "approved") return "审核已通过，等待财政局管理员发布。";
  if (v.state === "scheduled")
    return `已定于 ${dateTime(v.publishAt)}（北京时间）发布，到时自动发布。`;
  return undefined;
}

/** datetime-local wants "YYYY-MM-DDTHH:MM" in Beijing time; suggested: tomorrow 09:00. */
function tomorrowNine(): string {
  const beijing = new Date(Date.now() + 8 * 3_600_000 + 86_400_000);
  return `${beijing.toISOString().slice(0, 10)}T09:00`;
}

function PublishForms(props: { view: VersionView }) {
  const { v, csrf } = props.view;
  const base = `/work/versions/${v.id}`;
  return (
    <section class="panel actions" id="publish-actions">
      <h2>发布</h2>
      {v.state === "scheduled" ? <p>已定于 {dateTime(v.publishAt)}（北京时间）发布。</p> : null}
      <Post id="publish-now-form" action={`${base}/publish`} csrf={csrf}>
        <button type="submit">立即发布</button>
      </Post>
      {v.state === "approved" ? (
        <Post id="schedule-form" action={`${base}/publish`} csrf={csrf}>
          <label>
            定时发布（北京时间）
            <input type="datetime-local" name="at" required value={tomorrowNine()} />
          </label>
          <button type="submit">定时发布</button>
        </Post>
      ) : null}
    </section>
  );
}

export function ReviewForms(props: { view: VersionView }) {
  const { v, info, can, csrf } = props.view;
  const base = `/work/versions/${v.id}`;
  if (can.approve && v.state === "submitted") {
    return (
      <section class="panel actions" id="review-actions">
        <h2>审核</h2>
        <p>
          {info.departmentName} {info.year} 年{KIND_LABEL[info.kind]}
          ：请核对下列审核发现与部门说明。
        </p>
        <Post id="return-form" action={`${base}/return`} csrf={csrf}>
          <label>
            退回意见（必填）
            <textarea name="comment" rows={3} required></textarea>
          </label>
          <button type="submit">退回修改</button>
        </Post>
        <Post id="approve-form" action={`${base}/approve`} csrf={csrf}>
          <label>
            审核意见（可选）
            <textarea name="comment" rows={2}></textarea>
          </label>
          <button type="submit">审核通过</button>
        </Post>
      </section>
    );
  }
  if (can.publish && (v.state === "approved" || v.state === "scheduled")) {
    return <PublishForms view={props.view} />;
  }
  const waiting = waitingFor(v, can.own);
  if (waiting) {
    return (
      <p class="notice" id="state-note">
        {waiting}
      </p>
    );
  }
  if (v.state === "published") {
    return (
      <section class="panel actions" id="published-actions">
        <p>
          已发布：<a href={`/disclosures/${v.disclosureId}`}>查看公众页面</a>
          。更正由部门经办人或财政局上传更正文件并填写更正说明，经审核后发布。
        </p>
        {can.withdraw ? (
          <Post id="withdraw-form" action={`${base}/withdraw`} csrf={csrf}>
            <label>
              撤回理由（必填，公众可见）
              <textarea name="reason" rows={2} required></textarea>
            </label>
            <button type="submit" class="danger">
              撤回
            </button>
          </Post>
        ) : null}
      </section>
    );
  }
  return null;
}
