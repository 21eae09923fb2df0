import type { Command } from "commander";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Disclosure } from "../../model/disclosure.ts";
import { importDisclosure } from "../../import/index.ts";
import {
  DEFAULT_EXTENSION,
  RENDER_FORMATS,
  renderDisclosure,
  type RenderFormat,
} from "../../render/index.ts";
import { dataPackage } from "../../render/fdp.ts";
import { RenderError } from "../../render/pdf.ts";
import { canonicalJson, importFailure, readInputFile } from "../input.ts";
import { UserError } from "../user-error.ts";

/** A canonical JSON disclosure is used as it is; anything else goes through the importer. */
async function loadDisclosure(file: string): Promise<Disclosure> {
  const bytes = await readInputFile(file);
  const json = canonicalJson(bytes, file);
  if (json) return json;
  const { disclosure } = await importDisclosure(bytes, { fileName: basename(file) }).catch(
    (e: unknown) => importFailure(e, file),
  );
  return disclosure;
}

export function registerRender(program: Command): void {
  program
    .command("render")
    .description(
      "由标准 JSON 或公开文件生成公开表格与文档（render tables, documents and open data）",
    )
    .argument("<file>", "标准 JSON（gongkai.disclosure/1）或 extract 可读取的公开文件")
    .requiredOption("--to <format>", `输出格式：${RENDER_FORMATS.join(" | ")}`)
    .option("-o, --output <path>", "输出文件（fdp 可为目录或 .zip；缺省为输入文件名加扩展名）")
    .action(async (file: string, options: { to: string; output?: string }) => {
      const format = options.to.toLowerCase() as RenderFormat;
      if (!RENDER_FORMATS.includes(format)) {
        throw new UserError(
          `不支持的输出格式：${options.to}；可选 ${RENDER_FORMATS.join("、")}（unknown format）`,
        );
      }
      const disclosure = await loadDisclosure(file);
      const out =
        options.output ?? basename(file).replace(/\.[^.]+$/, "") + DEFAULT_EXTENSION[format];
      try {
        if (format === "fdp" && !out.toLowerCase().endsWith(".zip")) {
          // A directory: datapackage.json beside its CSV files.
          const { descriptor, files } = dataPackage(disclosure);
          await mkdir(out, { recursive: true });
          await writeFile(
            join(out, "datapackage.json"),
            JSON.stringify(descriptor, null, 2) + "\n",
          );
          for (const [name, text] of Object.entries(files)) await writeFile(join(out, name), text);
        } else {
          await writeFile(out, await renderDisclosure(disclosure, format));
        }
      } catch (e) {
        if (e instanceof RenderError) throw new UserError(e.message);
        if (
          (e as NodeJS.ErrnoException).code &&
          /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!)
        ) {
          throw new UserError(`无法写入 ${out}：${(e as Error).message}（cannot write output）`);
        }
        throw e;
      }
      process.stderr.write(`已生成 ${out}（${format}）\n`);
    });
}
