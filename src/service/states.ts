/** The workflow's states and their Chinese names. */
import type { VersionState } from "../store/schema.ts";

export type { VersionState } from "../store/schema.ts";

export const STATE_LABEL: Record<VersionState, string> = {
  draft: "草稿",
  submitted: "已提交待审核",
  returned: "已退回",
  approved: "审核通过待发布",
  scheduled: "已定时待发布",
  published: "已发布",
  superseded: "已被更正版本取代",
  withdrawn: "已撤回",
  replaced: "已被重新上传的版本替换",
};
