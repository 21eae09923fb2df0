/**
 * @module The disclosures a comparison reads: for each disclosure id its
 * version in force (state `published`), whoever asks, so a shared link shows
 * everyone the same numbers. A correction replaces the version in force, so
 * the comparison follows it; a withdrawn or never published disclosure is
 * refused by name.
 */
import type { Store } from "../store/index.ts";
import { OWNER_COLUMNS, disclosureOwners } from "../store/queries/catalogue.ts";
import type { Disclosure } from "./engine.ts";
import { ServiceError } from "./errors.ts";
import { type DisclosureItem, ownerOf } from "./reads.ts";

export interface ComparedDisclosure extends Omit<DisclosureItem, "latest"> {
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
  const rows = await disclosureOwners(store.db)
    .innerJoin("version as v", "v.disclosure_id", "d.id")
    .select([...OWNER_COLUMNS, "v.id as version_id", "v.number", "v.published_at", "v.canonical"])
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
      ...ownerOf(r),
      version: { id: r.version_id, number: r.number, publishedAt: r.published_at },
      disclosure: JSON.parse(r.canonical) as Disclosure,
    };
  });
}
