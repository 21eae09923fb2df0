/**
 * Storing an already public document as a published version, for the batch
 * loader and the bundled samples: the department and region come from the
 * disclosure's own meta (created under the given region when missing), and
 * the whole file is stored in one transaction, so an interrupted load leaves
 * either the complete version or nothing.
 */
import type { Transaction } from "kysely";
import type { Store } from "../store/index.ts";
import type { Database, RegionRow } from "../store/schema.ts";
import { appendAudit } from "../store/audit.ts";
import * as cq from "../store/queries/catalogue.ts";
import * as vq from "../store/queries/versions.ts";
import { type Actor, actorLabel } from "./actor.ts";
import type { Analysis, SourceFile } from "./engine.ts";
import { ServiceError } from "./errors.ts";
import { requireRole } from "./policy.ts";
import { indexPublishedVersion } from "./search-index.ts";
import { codeOfName, levelOfName } from "./region-names.ts";
import { type VersionRef, contentOf, versionRef } from "./upload.ts";

export interface IngestInput {
  /** The region the documents belong to; a region the document names is placed under it. */
  regionId: number;
  /** Year when the document states none. */
  year?: number;
  files: SourceFile[];
  analysis: Analysis;
  /** Place the document under the region its meta names (default true); false: the given region. */
  regionFromDocument?: boolean;
}

export interface Ingested extends VersionRef {
  departmentId: number;
  regionId: number;
  /** The version it superseded (the disclosure had a published one already). */
  supersededId: number | null;
}

export async function ingestPublished(
  store: Store,
  actor: Actor,
  input: IngestInput,
): Promise<Ingested> {
  requireRole(actor, "loadPublished");
  const d = input.analysis.disclosure;
  const departmentName = d.department?.name?.trim();
  if (!departmentName)
    throw new ServiceError("UNREADABLE", "文件中未注明部门名称（no department named）");
  const year = d.year ?? input.year;
  if (!year) throw new ServiceError("UNREADABLE", "文件中未注明年度，且未指定年度（no year）");
  const label = actorLabel(actor);
  return store.db.transaction().execute(async (trx) => {
    const named = input.regionFromDocument === false ? undefined : d.region?.name;
    const region = await regionFor(trx, input.regionId, named);
    const dept = await cq.ensureDepartment(trx, {
      regionId: region.id,
      name: departmentName,
      code: d.department?.code ?? null,
    });
    await cq.ensureUnits(trx, dept.id, d.units ?? []);
    const disclosure = await cq.ensureDisclosureLocked(trx, {
      departmentId: dept.id,
      year,
      kind: d.kind ?? "budget",
    });
    const earlier = (await vq.versionsOf(trx, disclosure.id, ["published"])).at(-1);
    const now = new Date();
    const names = input.files.map((f) => f.name).join("、");
    const row = await vq.insertVersion(trx, {
      disclosureId: disclosure.id,
      state: "published",
      content: contentOf(input.analysis),
      files: input.files,
      createdBy: label,
      publishedAt: now,
      correctsId: earlier?.id ?? null,
      correctionNote: earlier
        ? `批量导入的新文件：${names}（a newer file of the same disclosure）`
        : null,
    });
    if (earlier) {
      await trx
        .updateTable("version")
        .set({ state: "superseded", superseded_at: now, updated_at: now })
        .where("id", "=", earlier.id)
        .execute();
      await vq.recordEvent(trx, {
        versionId: earlier.id,
        action: "supersede",
        from: "published",
        to: "superseded",
        actor: label,
      });
    }
    await indexPublishedVersion(trx, row.id);
    await vq.recordEvent(trx, {
      versionId: row.id,
      action: "load",
      from: null,
      to: "published",
      actor: label,
      comment: names,
    });
    await appendAudit(trx, {
      actor: label,
      action: "version.load",
      subject: `version:${row.id}`,
      detail: {
        disclosureId: disclosure.id,
        files: input.files.map((f) => ({ name: f.name, sha256: vq.sha256Hex(f.bytes) })),
        findings: input.analysis.report.coverage.findings,
        ...(earlier ? { supersedes: earlier.id } : {}),
      },
    });
    return {
      ...versionRef(row),
      departmentId: dept.id,
      regionId: region.id,
      supersededId: earlier?.id ?? null,
    };
  });
}

/** The given region, or the region the document names placed under it (created when missing). */
async function regionFor(
  trx: Transaction<Database>,
  regionId: number,
  named: string | undefined,
): Promise<RegionRow> {
  const base = await cq.regionById(trx, regionId);
  if (!base) throw new ServiceError("NOT_FOUND", `找不到地区：${regionId}（region not found）`);
  const name = named?.trim();
  if (!name || name === base.name) return base;
  // A region already known anywhere under the base (e.g. 苏州市 under 江苏省) is reused.
  const under = await trx
    .selectFrom("region")
    .selectAll()
    .where("name", "=", name)
    .where("path", "like", `${base.path}%`)
    .orderBy("path")
    .executeTakeFirst();
  if (under) return under;
  const code = codeOfName(name);
  return cq.ensureRegion(trx, {
    name,
    level: levelOfName(name, code),
    code: code ?? null,
    parentId: base.id,
  });
}

/** The region with this 行政区划代码, or a top-level province/中央 created from the known codes. */
export async function regionByCodeOrProvince(
  store: Store,
  actor: Actor,
  code: string,
): Promise<RegionRow> {
  const found = await cq.regionByCode(store.db, code);
  if (found) return found;
  const { PROVINCES } = await import("./region-names.ts");
  const name = PROVINCES[code];
  if (!name) {
    throw new ServiceError(
      "NOT_FOUND",
      `找不到行政区划代码为 ${code} 的地区，请先创建（region not found）`,
    );
  }
  requireRole(actor, "loadPublished");
  return store.db.transaction().execute(async (trx) => {
    const row = await cq.ensureRegion(trx, {
      name,
      code,
      level: levelOfName(name, code),
      parentId: null,
    });
    await appendAudit(trx, {
      actor: actorLabel(actor),
      action: "region.create",
      subject: `region:${row.id}`,
      detail: { name, code },
    });
    return row;
  });
}
