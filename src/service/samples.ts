/**
 * The bundled samples as published disclosures of their regions, for
 * `gongkai serve --samples`: the five Hebei seeds (samples/) and, when the
 * shared corpus is present beside the repository, its documents (corpus 003
 * and 004 are one disclosure: 说明 and 报表 published as two files).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Store } from "../store/index.ts";
import type { RegionLevel } from "../store/schema.ts";
import { ensureRegion, findRegion } from "../store/queries/catalogue.ts";
import { appendAudit } from "../store/audit.ts";
import { type Actor, actorLabel, systemActor } from "./actor.ts";
import { analyseFiles, type SourceFile } from "./engine.ts";
import { ServiceError } from "./errors.ts";
import { ingestPublished } from "./ingest.ts";

type RegionStep = [name: string, code: string | null, level: RegionLevel];

interface SampleEntry {
  files: { name: string; role?: string }[];
  region: RegionStep[];
  /** Year for a document that prints none. */
  year?: number;
}

const HEBEI: RegionStep = ["河北省", "130000", "province"];

/** Hebei seeds: the region each names (or, for 002, only the province is known). */
const SEEDS: SampleEntry[] = [
  {
    files: [{ name: "000_f6eb8ece6d8b211d.txt" }],
    region: [HEBEI, ["沧州市", "130900", "city"], ["沧州经济开发区", null, "zone"]],
  },
  {
    files: [{ name: "001_aa68b1c0ad40feab.txt" }],
    region: [
      HEBEI,
      ["廊坊市", "131000", "city"],
      ["三河市", "131082", "county"],
      ["燕郊高新技术产业开发区", null, "zone"],
    ],
  },
  { files: [{ name: "002_30620b3058080950.txt" }], region: [HEBEI] },
  {
    files: [{ name: "003_728ba56877c78465.txt" }],
    region: [HEBEI, ["秦皇岛市", "130300", "city"], ["秦皇岛经济技术开发区", null, "zone"]],
  },
  // Prints no year; filed with the other Hebei seeds of 2021.
  {
    files: [{ name: "004_51b2d206ba941185.txt" }],
    region: [
      HEBEI,
      ["唐山市", "130200", "city"],
      ["丰润区", "130208", "county"],
      ["丰润区经济开发区", null, "zone"],
    ],
    year: 2021,
  },
];

/** Corpus documents (their text form) and the regions their meta and SOURCES.md name. */
const CORPUS: SampleEntry[] = [
  { files: [{ name: "001.txt" }], region: [["中央", "100000", "country"]] },
  {
    files: [
      { name: "003.txt", role: "说明" },
      { name: "004.txt", role: "报表" },
    ],
    region: [["北京市", "110000", "province"]],
  },
  {
    files: [{ name: "007.txt" }],
    region: [
      ["上海市", "310000", "province"],
      ["普陀区", "310107", "county"],
    ],
  },
  {
    files: [{ name: "012.txt" }],
    region: [
      ["上海市", "310000", "province"],
      ["普陀区", "310107", "county"],
    ],
  },
  { files: [{ name: "017.txt" }], region: [["江苏省", "320000", "province"]] },
  {
    files: [{ name: "022.txt" }],
    region: [
      ["江苏省", "320000", "province"],
      ["苏州市", "320500", "city"],
    ],
  },
  {
    files: [{ name: "026.txt" }],
    region: [
      ["广东省", "440000", "province"],
      ["深圳市", "440300", "city"],
    ],
  },
  { files: [{ name: "031.txt" }], region: [["重庆市", "500000", "province"]] },
  {
    files: [{ name: "034.txt" }],
    region: [
      ["湖南省", "430000", "province"],
      ["长沙市", "430100", "city"],
    ],
  },
  {
    files: [{ name: "036.txt" }],
    region: [
      ["陕西省", "610000", "province"],
      ["西安市", "610100", "city"],
    ],
  },
];

export const SAMPLES_DIR = resolve(import.meta.dirname, "../../samples");

function defaultCorpusDir(): string | undefined {
  const shared = process.env.GONGKAI_SHARED ?? resolve(import.meta.dirname, "../../../shared");
  const dir = join(shared, "corpus");
  return existsSync(dir) ? dir : undefined;
}

export interface SamplesSummary {
  disclosures: number;
  versions: number;
  files: number;
}

/** Loads the samples into an empty store (refused when it already holds disclosures). */
export async function loadSamples(
  store: Store,
  options: {
    samplesDir?: string;
    corpusDir?: string | null;
    actor?: Actor;
    /** Sample files left out (a test uploads one of them through the workflow instead). */
    except?: string[];
  } = {},
): Promise<SamplesSummary> {
  const actor = options.actor ?? systemActor("samples");
  const existing = await store.db.selectFrom("disclosure").select("id").limit(1).execute();
  if (existing.length) {
    throw new ServiceError(
      "STORE_NOT_EMPTY",
      "数据库中已有公开文件，样例只载入空库（store not empty）",
    );
  }
  const corpusDir =
    options.corpusDir === null ? undefined : (options.corpusDir ?? defaultCorpusDir());
  const groups: [string, SampleEntry[]][] = [[options.samplesDir ?? SAMPLES_DIR, SEEDS]];
  if (corpusDir) groups.push([corpusDir, CORPUS]);
  const summary: SamplesSummary = { disclosures: 0, versions: 0, files: 0 };
  for (const [dir, entries] of groups) {
    for (const entry of entries) {
      if (entry.files.some((f) => options.except?.includes(f.name))) continue;
      const files: SourceFile[] = [];
      for (const f of entry.files) {
        files.push({
          name: f.name,
          bytes: new Uint8Array(await readFile(join(dir, f.name))),
          ...(f.role ? { role: f.role } : {}),
        });
      }
      const regionId = await regionChain(store, actor, entry.region);
      await ingestPublished(store, actor, {
        regionId,
        ...(entry.year ? { year: entry.year } : {}),
        files,
        analysis: await analyseFiles(files),
        regionFromDocument: false,
      });
      summary.versions++;
      summary.files += files.length;
    }
  }
  const n = await store.db
    .selectFrom("disclosure")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  summary.disclosures = Number(n.n);
  return summary;
}

/** The chain of regions, each created (and audited) when missing; returns the last one's id. */
async function regionChain(store: Store, actor: Actor, chain: RegionStep[]): Promise<number> {
  let parentId: number | null = null;
  for (const [name, code, level] of chain) {
    const found = await findRegion(store.db, name, parentId);
    if (found) {
      parentId = found.id;
      continue;
    }
    const parent: number | null = parentId;
    parentId = await store.db.transaction().execute(async (trx) => {
      const row = await ensureRegion(trx, { name, code, level, parentId: parent });
      await appendAudit(trx, {
        actor: actorLabel(actor),
        action: "region.create",
        subject: `region:${row.id}`,
        detail: { name, code, level, parentId: parent },
      });
      return row.id;
    });
  }
  return parentId!;
}
