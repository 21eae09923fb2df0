/** `gongkai rules`: lists the rule catalogue (table, --json, or --markdown for docs/rules.md). */
import type { Command } from "commander";

export function registerRules(program: Command): void {
  program
    .command("rules")
    .description("列出审核规则目录 (list the rule catalogue)")
    .option("--json", "输出 JSON (print JSON)")
    .option("--markdown", "输出 Markdown，即 docs/rules.md (print Markdown)")
    .action(async (opts: { json?: boolean; markdown?: boolean }) => {
      const [{ catalogue }, { metaOf }, { catalogueMarkdown }, { FAMILIES }, { SEVERITY_LABEL }] =
        await Promise.all([
          import("../../check/catalogue.ts"),
          import("../../check/engine.ts"),
          import("../../check/docs.ts"),
          import("../../check/types.ts"),
          import("../../check/report/labels.ts"),
        ]);
      const metas = catalogue.map(metaOf);
      if (opts.json) process.stdout.write(`${JSON.stringify(metas, null, 2)}\n`);
      else if (opts.markdown) process.stdout.write(`${catalogueMarkdown(metas)}\n`);
      else {
        const lines = [`审核规则 ${metas.length} 条`];
        for (const [family, label] of Object.entries(FAMILIES)) {
          const rs = metas.filter((m) => m.family === family);
          lines.push("", `${label}（${rs.length} 条）`);
          for (const m of rs) lines.push(`  ${m.id}  [${SEVERITY_LABEL[m.severity]}]  ${m.title}`);
        }
        process.stdout.write(`${lines.join("\n")}\n`);
      }
    });
}
