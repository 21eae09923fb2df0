/**
 * The disclosure's own text as the renderer outlines it (src/render/document.ts):
 * 部门概况, 情况说明, 绩效信息 (部门整体, 职责—活动 with grades, 项目绩效目标表)
 * and 名词解释, with headings moved one level down under the page's h1.
 * The standard tables (第五部分) are shown by the page on their own.
 */
import type { Disclosure } from "../../model/disclosure.ts";
import { type Block, buildDocument } from "../../render/document.ts";
import { DataTable } from "./table.tsx";

/** The outline's blocks before 第五部分 公开表格, without cover, contents and page breaks. */
export function explanationBlocks(d: Disclosure): Block[] {
  const blocks = buildDocument(d).blocks;
  const start = blocks.findIndex(
    (b) => b.kind === "heading" && b.level === 1 && b.text.startsWith("第一部分"),
  );
  const end = blocks.findIndex(
    (b) => b.kind === "heading" && b.level === 1 && b.text.startsWith("第五部分"),
  );
  return blocks
    .slice(start < 0 ? 0 : start, end < 0 ? undefined : end)
    .filter((b) => b.kind !== "pageBreak");
}

function BlockView(props: { block: Block }) {
  const b = props.block;
  switch (b.kind) {
    case "heading":
      return b.level === 1 ? (
        <h3>{b.text}</h3>
      ) : b.level === 2 ? (
        <h4>{b.text}</h4>
      ) : (
        <h5>{b.text}</h5>
      );
    case "paragraph":
      return <p class="para">{b.text}</p>;
    case "table":
      return <DataTable table={b.table} />;
    default:
      return null;
  }
}

export function Explanation(props: { d: Disclosure }) {
  return (
    <div class="document">
      {explanationBlocks(props.d).map((b) => (
        <BlockView block={b} />
      ))}
    </div>
  );
}
