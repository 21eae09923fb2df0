/**
 * @module The API's zod schemas: request parameters, queries and bodies are
 * validated with them, and the OpenAPI document is generated from them, so
 * the document cannot drift from what the server accepts. Response schemas
 * describe what the service layer returns (dates as ISO 8601 strings).
 */
import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "../../service/errors.ts";
import { ROLES } from "../../service/actor.ts";
import { VERSION_STATES } from "../../store/schema.ts";
import { RENDER_FORMATS } from "../../render/index.ts";

/** A positive integer in a path or query string. */
export const intText = (name: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name}须为正整数（${name} must be a positive integer）`)
    .transform(Number);

export const IdParam = z.object({
  id: intText("编号").openapi({ param: { name: "id", in: "path", required: true }, example: "1" }),
});

export const FileParam = z.object({
  id: intText("编号").openapi({ param: { name: "id", in: "path", required: true }, example: "1" }),
  position: intText("文件序号").openapi({
    param: { name: "position", in: "path", required: true },
    example: "0",
  }),
});

export const FormatParam = z.object({
  id: intText("编号").openapi({ param: { name: "id", in: "path", required: true }, example: "1" }),
  format: z
    .enum(RENDER_FORMATS)
    .openapi({ param: { name: "format", in: "path", required: true }, example: "xlsx" }),
});

export const FindingParam = z.object({
  id: intText("编号").openapi({ param: { name: "id", in: "path", required: true }, example: "1" }),
  index: intText("问题序号").openapi({
    param: { name: "index", in: "path", required: true },
    example: "0",
  }),
});

export const PageQuery = z.object({
  page: intText("页码").optional().openapi({ description: "页码，从 1 开始", example: "1" }),
  pageSize: intText("每页条数")
    .optional()
    .openapi({ description: "每页条数，1–500，默认 50", example: "50" }),
});

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

export const RegionQuery = PageQuery.extend({
  parentId: intText("上级地区").optional().openapi({ description: "上级地区；缺省为最上级" }),
});

export const DepartmentQuery = PageQuery.extend({
  regionId: intText("地区").optional(),
  subtree: flag.openapi({ description: "与 regionId 同用：含下级地区" }),
});

export const DisclosureQuery = DepartmentQuery.extend({
  departmentId: intText("部门").optional(),
  year: intText("年度").optional(),
  kind: z.enum(["budget", "final"]).optional().openapi({ description: "budget 预算 / final 决算" }),
});

const timestamp = z.string().openapi({ format: "date-time" });
const counts = z.object({
  error: z.number().int(),
  warning: z.number().int(),
  info: z.number().int(),
});

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum([...(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES]), "INTERNAL"]),
      message: z.string().openapi({ example: "找不到版本：9（not found）" }),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi("Error");

export const Region = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    name: z.string(),
    code: z.string().nullable(),
    level: z.string(),
  })
  .openapi("Region");

export const RegionDetail = Region.extend({
  ancestors: z.array(Region),
  children: z.array(Region),
}).openapi("RegionDetail");

export const Department = z
  .object({
    id: z.number().int(),
    regionId: z.number().int(),
    name: z.string(),
    code: z.string().nullable(),
    regionName: z.string().optional(),
  })
  .openapi("Department");

export const VersionSummary = z
  .object({
    id: z.number().int(),
    number: z.number().int(),
    state: z.enum(VERSION_STATES),
    counts,
    correctionNote: z.string().nullable(),
    correctsId: z.number().int().nullable(),
    publishAt: timestamp.nullable(),
    publishedAt: timestamp.nullable(),
    supersededAt: timestamp.nullable(),
    withdrawnAt: timestamp.nullable(),
    withdrawnReason: z.string().nullable(),
    createdAt: timestamp,
  })
  .openapi("VersionSummary");

export const disclosureBase = {
  id: z.number().int(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  regionId: z.number().int(),
  regionName: z.string(),
  year: z.number().int(),
  kind: z.enum(["budget", "final"]),
};

export const DisclosureItem = z
  .object({ ...disclosureBase, latest: VersionSummary.nullable() })
  .openapi("DisclosureItem");

export const DisclosureDetail = z
  .object({ ...disclosureBase, versions: z.array(VersionSummary) })
  .openapi("DisclosureDetail");

export const VersionDetail = VersionSummary.extend({
  disclosureId: z.number().int(),
  departmentId: z.number().int(),
  year: z.number().int(),
  kind: z.enum(["budget", "final"]),
  files: z.array(
    z.object({
      position: z.number().int(),
      fileName: z.string(),
      role: z.string().nullable(),
      sha256: z.string(),
      size: z.number().int(),
    }),
  ),
  diagnostics: z.array(z.unknown()),
  coverage: z.record(z.string(), z.unknown()),
  findings: z.array(
    z.object({
      index: z.number().int(),
      finding: z.record(z.string(), z.unknown()),
      response: z.object({ text: z.string(), actor: z.string(), at: timestamp }).nullable(),
    }),
  ),
  events: z.array(
    z.object({
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      actor: z.string().nullable(),
      comment: z.string().nullable(),
      at: timestamp,
    }),
  ),
}).openapi("VersionDetail");

export const VersionRef = z
  .object({
    id: z.number().int(),
    disclosureId: z.number().int(),
    number: z.number().int(),
    state: z.enum(VERSION_STATES),
    counts,
  })
  .openapi("VersionRef");

export const Report = z
  .object({ findings: z.array(z.record(z.string(), z.unknown())), coverage: z.unknown() })
  .passthrough()
  .openapi("CheckReport");

/** A page of a list: `{items, total, page, pageSize}`. */
export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    })
    .openapi(name);

const uploadedFile = z
  .custom<File>((v) => v instanceof File, "须为上传的文件（must be a file）")
  .openapi({ type: "string", format: "binary" });

/** One file or several (repeat the field) forming one disclosure. */
const files = z
  .union([uploadedFile, z.array(uploadedFile)])
  .transform((f) => (Array.isArray(f) ? f : [f]))
  .openapi({ description: "一个或多个文件（重复此字段），共同构成一份公开文件" });

const roles = z
  .union([z.string(), z.array(z.string())])
  .transform((r) => (Array.isArray(r) ? r : [r]))
  .optional()
  .openapi({ description: "与 files 一一对应的文件用途，如 说明、报表（可省略）" });

export const UploadForm = z
  .object({
    departmentId: intText("部门"),
    year: intText("年度"),
    kind: z.enum(["budget", "final"]),
    files,
    roles,
    correctionNote: z
      .string()
      .optional()
      .openapi({ description: "更正说明：已发布的公开文件再上传即为更正，必须填写" }),
  })
  .openapi("UploadForm");

export const CorrectionForm = z
  .object({
    files,
    roles,
    correctionNote: z.string().min(1, "更正须填写更正说明（a correction needs a note）"),
  })
  .openapi("CorrectionForm");

export const ResponseBody = z
  .object({ text: z.string().min(1, "说明不能为空（response required）") })
  .openapi("FindingResponse");
export const ReturnBody = z.object({ comment: z.string() }).openapi("ReturnBody");
export const ApproveBody = z.object({ comment: z.string().optional() }).openapi("ApproveBody");
export const PublishBody = z
  .object({
    at: z.iso
      .datetime({ offset: true, message: "发布时间须为 ISO 8601 时间（invalid time）" })
      .optional()
      .openapi({ description: "定时发布的时间；缺省立即发布" }),
  })
  .openapi("PublishBody");
export const WithdrawBody = z.object({ reason: z.string() }).openapi("WithdrawBody");

export const SignInBody = z
  .object({ username: z.string().max(64), password: z.string().max(1024) })
  .openapi("SignIn");

export const SessionInfo = z
  .object({
    actor: z.object({
      kind: z.enum(["user", "token", "anonymous", "system"]),
      id: z.number().int().optional(),
      name: z.string().optional(),
      roles: z.array(z.enum(ROLES)),
      scope: z.object({
        regionId: z.number().int().optional(),
        departmentId: z.number().int().optional(),
      }),
    }),
    csrfToken: z.string().openapi({ description: "浏览器提交写操作时放在 X-CSRF-Token 头中" }),
  })
  .openapi("Session");

export const TokenInfo = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    role: z.enum(ROLES),
    regionId: z.number().int().nullable(),
    departmentId: z.number().int().nullable(),
    createdBy: z.string(),
    createdAt: timestamp,
    revokedAt: timestamp.nullable(),
    lastUsedAt: timestamp.nullable(),
  })
  .openapi("TokenInfo");

export const TokenCreate = z
  .object({
    name: z.string().min(1, "令牌名称不能为空（name required）"),
    role: z.enum(ROLES),
    regionId: z.number().int().optional(),
    departmentId: z.number().int().optional(),
  })
  .openapi("TokenCreate");

export const TokenCreated = z
  .object({ token: z.string().openapi({ description: "仅此一次显示" }), info: TokenInfo })
  .openapi("TokenCreated");
