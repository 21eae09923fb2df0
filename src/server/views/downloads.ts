/**
 * Where the portal links for downloads: the JSON API's URLs (src/server/api/).
 * Named here once so the API and the pages can be aligned in one place.
 */
import type { RenderFormat } from "../../render/index.ts";

export const DOWNLOAD_URLS = {
  /** A rendered format of a version. */
  rendered: (versionId: number, format: RenderFormat) =>
    `/api/v1/versions/${versionId}/download/${format}`,
  /** One of the version's original files, by its position (0-based). */
  original: (versionId: number, position: number) =>
    `/api/v1/versions/${versionId}/files/${position}`,
} as const;

/** The rendered formats offered, in the order shown, with what each one is. */
export const DOWNLOAD_FORMATS: { format: RenderFormat; label: string; note: string }[] = [
  { format: "pdf", label: "PDF", note: "排版好的公开文件，适合打印" },
  { format: "docx", label: "Word（docx）", note: "可编辑的文档" },
  { format: "xlsx", label: "Excel（xlsx）", note: "九张公开表格，金额为数值" },
  { format: "csv", label: "CSV（zip）", note: "每张表一个 CSV 文件" },
  { format: "json", label: "JSON", note: "结构化数据（gongkai.disclosure/1）" },
  { format: "fdp", label: "财政数据包（FDP）", note: "Fiscal Data Package，便于跨部门比较" },
];
