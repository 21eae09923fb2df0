/**
 * 上传公开文件 (officers): the department, year and kind, and one file or
 * several that form one disclosure (an explanation and its 报表 attachment).
 * Uploading again while a draft or returned version is open replaces it; a
 * disclosure already published is corrected by the same form with its
 * 更正说明 (the service refuses a correction without one); the finance
 * bureau corrects through this form too, from the published version's page.
 */
import type { Context } from "hono";
import type { Actor } from "../../../service/actor.ts";
import { getDepartment } from "../../../service/catalogue.ts";
import type { SourceFile } from "../../../service/engine.ts";
import { ServiceError } from "../../../service/errors.ts";
import { requireRole } from "../../../service/policy.ts";
import { uploadVersion } from "../../../service/upload.ts";
import type { ServerEnv } from "../../env.ts";
import { KIND_LABEL } from "../../views/format.ts";
import { Layout } from "../../views/layout.tsx";
import { sendPage } from "../respond.tsx";
import { type Flash, redirectWith, takeFlash } from "./flash.ts";
import { Csrf, FlashNote } from "./parts.tsx";

export interface UploadDefaults {
  departmentId: number;
  departmentName: string;
  year: number;
  kind: "budget" | "final";
  /** A correction of a published disclosure: the 更正说明 is asked for first. */
  correction?: boolean;
  /** The working page a refusal returns to (a version's page; guard.tsx), else the upload page. */
  back?: string;
}

/** The upload form (also the correction form on a published version's page). */
export function UploadForm(props: { d: UploadDefaults; csrf: string }) {
  const { d } = props;
  return (
    <form
      method="post"
      action={d.back ? `/work/upload?back=${encodeURIComponent(d.back)}` : "/work/upload"}
      enctype="multipart/form-data"
      class="panel form"
      id={d.correction ? "correction-form" : "upload-form"}
    >
      <Csrf token={props.csrf} />
      <input type="hidden" name="departmentId" value={String(d.departmentId)} />
      <p>部门：{d.departmentName}</p>
      <label>
        年度
        <input name="year" type="number" min="1990" max="2100" required value={String(d.year)} />
      </label>
      <label>
        类型
        <select name="kind">
          {(["budget", "final"] as const).map((k) => (
            <option value={k} selected={k === d.kind}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        文件（可多选：情况说明与报表附件等同属一份公开文件的文件）
        <input name="files" type="file" multiple required />
      </label>
      <label>
        更正说明{d.correction ? "（必填）" : "（仅更正已发布的公开文件时填写）"}
        <textarea name="correctionNote" rows={3} required={d.correction}></textarea>
      </label>
      <button type="submit">{d.correction ? "上传更正版本" : "上传并审核"}</button>
    </form>
  );
}

function UploadPage(props: { d: UploadDefaults; csrf: string; flash?: Flash }) {
  return (
    <Layout title="上传公开文件" crumbs={[{ label: "工作台", href: "/work" }, { label: "上传" }]}>
      <h1>上传公开文件</h1>
      <p class="lead">
        支持 PDF、Word（.docx/.doc）、Excel（.xlsx/.xls）、文本文件和 gongkai
        JSON。上传后立即读取并审核，审核结果在下一页显示。
      </p>
      <FlashNote flash={props.flash} />
      <UploadForm d={props.d} csrf={props.csrf} />
    </Layout>
  );
}

export async function officerDepartment(
  c: Context<ServerEnv>,
  actor: Actor,
): Promise<{ id: number; name: string }> {
  requireRole(actor, "upload");
  const id = actor.scope.departmentId;
  if (id === undefined)
    throw new ServiceError("FORBIDDEN", "您的账号没有所属部门（no department）");
  const dep = await getDepartment(c.var.store, id);
  return { id: dep.id, name: dep.name };
}

export async function uploadPage(c: Context<ServerEnv>): Promise<Response> {
  const dep = await officerDepartment(c, c.var.actor);
  const d: UploadDefaults = {
    departmentId: dep.id,
    departmentName: dep.name,
    year: new Date().getFullYear() + 1,
    kind: "budget",
  };
  return sendPage(c, <UploadPage d={d} csrf={c.var.csrfToken} flash={takeFlash(c)} />);
}

async function filesOf(value: unknown): Promise<SourceFile[]> {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const files = list.filter((f): f is File => f instanceof File && f.size > 0);
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

export async function uploadPost(c: Context<ServerEnv>): Promise<Response> {
  const form = await c.req.parseBody({ all: true });
  const text = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
  const kind = text("kind");
  const note = text("correctionNote").trim();
  const ref = await uploadVersion(c.var.store, c.var.actor, {
    departmentId: Number(text("departmentId")),
    year: Number(text("year")),
    kind: kind === "final" ? "final" : kind === "budget" ? "budget" : (kind as "budget"),
    files: await filesOf(form.files),
    ...(note ? { correctionNote: note } : {}),
  });
  const { error, warning } = ref.counts;
  const done =
    ref.state === "submitted"
      ? `已上传更正第 ${ref.number} 版（${warning} 个警告）并提交审核，须由财政局另一位审核员或管理员审核通过。`
      : `已上传第 ${ref.number} 版并完成审核：${error} 个错误、${warning} 个警告。`;
  return redirectWith(c, `/work/versions/${ref.id}`, { kind: "ok", text: done });
}
