/**
 * Uploading a version (a department's draft, or a correction of a published
 * disclosure) and answering its checker findings. A version's files are read
 * and checked once, here; what is stored is what the reviewer and the public
 * later see.
 */
import type { Transaction } from "kysely";
import type { Store } from "../store/index.ts";
import type { Database, VersionRow, VersionState } from "../store/schema.ts";
import { appendAudit } from "../store/audit.ts";
import { ensureDisclosureLocked, ensureUnits } from "../store/queries/catalogue.ts";
import * as vq from "../store/queries/versions.ts";
import { type Actor, actorLabel } from "./actor.ts";
import {
  type Analysis,
  type SourceFile,
  UnreadableFile,
  analyseFiles,
  storedReport,
} from "./engine.ts";
import { ServiceError, notFound } from "./errors.ts";
import { type Issuer, requireDepartment, requireUpload } from "./policy.ts";
import { rememberLines } from "./sources.ts";
import { STATE_LABEL } from "./states.ts";

export interface UploadInput {
  departmentId: number;
  year: number;
  kind: "budget" | "final";
  files: SourceFile[];
  /** 更正说明: required when the disclosure already has a published version. */
  correctionNote?: string;
}

export interface VersionRef {
  id: number;
  disclosureId: number;
  number: number;
  state: VersionState;
  counts: { error: number; warning: number; info: number };
}

export const versionRef = (v: VersionRow): VersionRef => ({
  id: v.id,
  disclosureId: v.disclosure_id,
  number: v.number,
  state: v.state,
  counts: { error: v.error_count, warning: v.warning_count, info: v.info_count },
});

export function validateUpload(input: UploadInput): void {
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) {
    throw new ServiceError("INVALID_INPUT", `年度不正确：${input.year}（invalid year）`);
  }
  if (input.kind !== "budget" && input.kind !== "final") {
    throw new ServiceError("INVALID_INPUT", `类型须为预算或决算：${input.kind}（invalid kind）`);
  }
  if (input.files.length === 0 || input.files.length > 20) {
    throw new ServiceError("INVALID_INPUT", "须上传 1–20 个文件（1 to 20 files）");
  }
}

/** Reads and checks files, turning an unreadable file into a refusal that names it. */
export async function analyse(files: SourceFile[]): Promise<Analysis> {
  try {
    return await analyseFiles(files, rememberLines);
  } catch (error) {
    if (error instanceof UnreadableFile) {
      throw new ServiceError("UNREADABLE", error.message, { file: error.file });
    }
    throw error;
  }
}

export function contentOf(a: Analysis): vq.VersionContent {
  return {
    canonical: JSON.stringify(a.disclosure),
    diagnostics: a.disclosure.diagnostics ?? [],
    report: storedReport(a.report),
    narrative: a.narrative,
    counts: a.report.coverage.findings,
  };
}

/**
 * Stores an upload as a new version. The department's own upload is a draft
 * (answered and submitted by the officer); a correction issued by the finance
 * bureau enters review directly (submitted), and only without error findings:
 * no department answers for it, a second person of the bureau approves it.
 */
export async function uploadVersion(
  store: Store,
  actor: Actor,
  input: UploadInput,
): Promise<VersionRef> {
  validateUpload(input);
  const correcting = await vq.hasPublished(store.db, input);
  const issuer = await requireUpload(store, actor, input.departmentId, correcting);
  const analysis = await analyse(input.files);
  if (issuer === "bureau") refuseErrors(analysis);
  const label = actorLabel(actor);
  return store.db.transaction().execute(async (trx) => {
    const disclosure = await ensureDisclosureLocked(trx, input);
    const versions = await vq.versionsOf(trx, disclosure.id);
    const published = versions.find((v) => v.state === "published");
    const note = correctionNote(published, input, issuer);
    const open = versions.find((v) => vq.OPEN_STATES.includes(v.state));
    if (open && !["draft", "returned"].includes(open.state)) {
      throw new ServiceError(
        "OPEN_VERSION_EXISTS",
        `第 ${open.number} 版${STATE_LABEL[open.state]}，审核结束前不能再上传（a version is under review）`,
        { versionId: open.id },
      );
    }
    if (open) await replace(trx, open.id, open.state, label);
    const state: VersionState = issuer === "bureau" ? "submitted" : "draft";
    const row = await vq.insertVersion(trx, {
      disclosureId: disclosure.id,
      state,
      content: contentOf(analysis),
      files: input.files,
      createdBy: label,
      correctionNote: published ? note : null,
      correctsId: published?.id ?? null,
    });
    await ensureUnits(trx, input.departmentId, analysis.disclosure.units ?? []);
    await vq.recordEvent(trx, {
      versionId: row.id,
      action: "upload",
      from: null,
      to: state,
      actor: label,
    });
    await appendAudit(trx, {
      actor: label,
      action: published ? "version.correct" : "version.upload",
      subject: `version:${row.id}`,
      detail: {
        disclosureId: disclosure.id,
        number: row.number,
        files: input.files.map((f) => ({ name: f.name, sha256: vq.sha256Hex(f.bytes) })),
        findings: analysis.report.coverage.findings,
        ...(published ? { corrects: published.id, correctionNote: note } : {}),
        ...(issuer === "bureau" ? { issuedBy: "bureau", state } : {}),
      },
    });
    return versionRef(row);
  });
}

/** The 更正说明 a correction needs (read under the disclosure's lock); none for a first upload. */
function correctionNote(
  published: { number: number } | undefined,
  input: UploadInput,
  issuer: Issuer,
): string | undefined {
  if (!published && issuer === "bureau") {
    throw new ServiceError(
      "STATE_CHANGED",
      "该公开文件刚被撤回或更正，已没有可更正的发布版本，请刷新后重试（no published version any more）",
    );
  }
  const note = input.correctionNote?.trim();
  if (published && !note) {
    throw new ServiceError(
      "CORRECTION_NOTE_REQUIRED",
      `该公开文件已发布第 ${published.number} 版，更正须填写更正说明（a correction needs a note）`,
    );
  }
  return note;
}

/** The bureau's correction goes to review as read: an error finding refuses it, each one named. */
function refuseErrors(a: Analysis): void {
  const errors = a.report.findings.filter((f) => f.severity === "error");
  if (!errors.length) return;
  const named = errors.slice(0, 3).map((f) => f.message);
  throw new ServiceError(
    "CHECK_ERRORS",
    `更正文件审核发现 ${errors.length} 个错误，须改正后重新上传：${named.join("；")}${errors.length > 3 ? "……" : ""}（errors must be fixed first）`,
    { errors: errors.length },
  );
}

async function replace(
  trx: Transaction<Database>,
  id: number,
  from: VersionState,
  actor: string,
): Promise<void> {
  const row = await vq.transitionVersion(trx, id, [from], { state: "replaced" });
  if (!row)
    throw new ServiceError(
      "STATE_CHANGED",
      "该版本的状态刚被他人改变，请刷新后重试（state changed）",
    );
  await vq.recordEvent(trx, { versionId: id, action: "replace", from, to: "replaced", actor });
}

/** The department's written answer (说明) to one finding of a draft or returned version. */
export async function respondToFinding(
  store: Store,
  actor: Actor,
  versionId: number,
  findingIndex: number,
  text: string,
): Promise<void> {
  const v = await vq.versionWithOwner(store.db, versionId);
  if (!v) throw notFound("版本", versionId);
  await requireDepartment(store, actor, "respond", v.department_id);
  if (v.state !== "draft" && v.state !== "returned") {
    throw new ServiceError(
      "ILLEGAL_TRANSITION",
      `第 ${v.number} 版${STATE_LABEL[v.state]}，不能再答复审核问题（cannot respond in this state）`,
    );
  }
  const findings = (v.report as { findings: { rule: string }[] }).findings;
  const finding = findings[findingIndex];
  if (!finding) {
    throw new ServiceError("INVALID_INPUT", `没有第 ${findingIndex} 条审核问题（no such finding）`);
  }
  const response = text?.trim();
  if (!response) throw new ServiceError("INVALID_INPUT", "说明不能为空（response required）");
  const label = actorLabel(actor);
  await store.db.transaction().execute(async (trx) => {
    await vq.upsertResponse(trx, {
      versionId,
      index: findingIndex,
      rule: finding.rule,
      response,
      actor: label,
    });
    await appendAudit(trx, {
      actor: label,
      action: "finding.respond",
      subject: `version:${versionId}`,
      detail: { findingIndex, rule: finding.rule, response },
    });
  });
}
