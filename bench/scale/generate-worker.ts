/**
 * A generation worker: perturbs its share of the planned disclosures and
 * writes each one's canonical JSON and its rendered document (the file stored
 * as the version's original).
 */
import { existsSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import type { Disclosure } from "../../src/model/disclosure.ts";
import {
  DEFAULT_EXTENSION,
  type RenderFormat,
  renderDisclosure,
  renderJson,
} from "../../src/render/index.ts";
import { type Identity, perturb } from "./perturb.ts";

export interface GenerateTask {
  out: string;
  format: RenderFormat;
  bases: Disclosure[];
  items: (Identity & { stem: string; base: number })[];
  resume?: boolean;
}

async function run(task: GenerateTask): Promise<void> {
  for (const item of task.items) {
    const file = join(task.out, `${item.stem}${DEFAULT_EXTENSION[task.format]}`);
    // --resume: a pair already written is kept (the document is written last).
    if (task.resume && existsSync(file) && statSync(file).size > 0) {
      parentPort!.postMessage(1);
      continue;
    }
    const d = perturb(task.bases[item.base]!, item);
    const rendered = await renderDisclosure(d, task.format);
    await writeFile(join(task.out, `${item.stem}.json`), renderJson(d));
    await writeFile(file, rendered);
    parentPort!.postMessage(1);
  }
}

await run(workerData as GenerateTask);
