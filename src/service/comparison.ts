/**
 * @module The disclosures a comparison reads: for each disclosure id its
 * version in force (state `published`), whoever asks, so a shared link shows
 * everyone the same numbers. A correction replaces the version in force, so
 * the comparison follows it; a withdrawn or never published disclosure is
 * refused by name.
 */
import type { Store } from "../store/index.ts";
import type { Disclosure } from "./engine.ts";
import { ServiceError } from "./errors.ts";

export interface ComparedDisclosure {
  id: number;
  departmentId: number;
  departmentName: string;
  regionId: number;
  regionName: string;
  year: number;
  kind: "budget" | "final";
  version: { id: number; number: number; publishedAt: Date | null };
  disclosure: Disclosure;
}

/** Distinct ids in the order given, within [min, max]; refused with a Chinese message otherwise. */
export function comparableIds(ids: number[], min: number, max: number): number[] {
  const distinct = [...new Set(ids)];
  if (distinct.length < min) {
    throw new ServiceError(
      "INVALID_INPUT",
      `请至少选择 ${min} 份公开文件进行比较（at least ${min} disclosures）`,
    );
  }
  if (distinct.length > max) {
    throw new ServiceError(
      "INVALID_INPUT",
      `一次最多比较 ${max} 份公开文件，您选择了 ${distinct.length} 份，请减少后再试（at most ${max} disclosures）`,
    );
  }
  return distinct;
}

/** The published version in force of each disclosure, in the order asked. */
export async function publishedForComparison(
  store: Store,
  ids: number[],
): Promise<ComparedDisclosure[]> {
  if (!ids.length) return [];
  const rows = await store.db
    .selectFrom("version as v")
    .innerJoin("disclosure as d", "d.id", "v.disclosure_id")
    .innerJoin("department as dep", "dep.id", "d.department_id")
    .innerJoin("region as r", "r.id", "dep.region_id")
    .select([
      "d.id",
      "d.department_id",
      "dep.name as dep_name",
      "dep.region_id",
      "r.name as region_name",
      "d.year",
      "d.kind",
      "v.id as version_id",
      "v.number",
      "v.published_at",
      "v.canonical",
    ])
    .where("v.state", "=", "published")
    .where("d.id", "in", ids)
    .execute();
  return ids.map((id) => {
    const r = rows.find((row) => row.id === id);
    if (!r) {
      throw new ServiceError(
        "NOT_FOUND",
        `找不到已公开的文件：${id}（未公开、已撤回或编号有误）（not found）`,
      );
    }
    return {
      id: r.id,
      departmentId: r.department_id,
      departmentName: r.dep_name,
      regionId: r.region_id,
      regionName: r.region_name,
      year: r.year,
      kind: r.kind,
      version: { id: r.version_id, number: r.number, publishedAt: r.published_at },
      disclosure: JSON.parse(r.canonical) as Disclosure,
    };
  });
}
