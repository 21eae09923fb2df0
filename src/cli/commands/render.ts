/**
 * `gongkai render FILE --to FORMAT`: a canonical JSON or any importable file
 * in, tables, documents or open data out. The output never replaces an input
 * and replaces an existing file only with --force; it is checked before work.
 */
import type { Command } from "commander";
import {
  RENDER_FORMATS,
  STDIN,
  checkRenderTarget,
  loadDisclosure,
  readInput,
  renderFormat,
  renderTarget,
  writeRendering,
} from "../../app/index.ts";
import { about } from "../failure.ts";

interface RenderOptions {
  to: string;
  output?: string;
  force?: boolean;
}

export function registerRender(program: Command): void {
  program
    .command("render")
    .description(
      "由标准 JSON 或公开文件生成公开表格与文档（render tables, documents and open data）",
    )
    .argument(
      "<file>",
      "标准 JSON（gongkai.disclosure/1）或 extract 可读取的公开文件，- 为标准输入",
    )
    .requiredOption("--to <format>", `输出格式：${RENDER_FORMATS.join(" | ")}`)
    .option(
      "-o, --output <path>",
      "输出文件，- 为标准输出；fdp 可为目录或 .zip，csv 多表时为 .zip 或目录；缺省写在输入文件旁（output path）",
    )
    .option("-f, --force", "覆盖已存在的输出 (replace an existing output)")
    .action(async (file: string, options: RenderOptions) => {
      const format = renderFormat(options.to);
      const inputs = file === STDIN ? [] : [file];
      const target = renderTarget(format, { input: inputs[0], output: options.output });
      await checkRenderTarget(target, { force: options.force, inputs });
      const input = await readInput(file);
      const { disclosure } = await about(input.label, () =>
        loadDisclosure(input.bytes, { fileName: input.fileName }),
      );
      const written = await writeRendering(disclosure, format, target, {
        force: options.force,
        inputs,
      });
      const where = written[0] === "-" ? "标准输出（stdout）" : written.join("、");
      process.stderr.write(
        `已生成 ${target.kind === "folder" ? target.path : where}（${format}）\n`,
      );
    });
}
