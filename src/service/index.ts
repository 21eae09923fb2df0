/**
 * The service layer: every operation of the publishing system as a plain
 * function over the store, taking the acting `Actor`. The HTTP server and the
 * CLI call these and nothing below them. Refusals are ServiceError with a
 * stable `code` and a Chinese message.
 */
export {
  openStore,
  storeOptionsFromEnv,
  migrateStore,
  type Store,
  type StoreOptions,
} from "../store/index.ts";
export * from "./actor.ts";
export * from "./errors.ts";
export * from "./page.ts";
export * from "./states.ts";
export {
  PERMISSIONS,
  ACTION_LABEL,
  hasRole,
  coversDepartment,
  coversRegion,
  type Action,
} from "./policy.ts";
export {
  createRegion,
  createDepartment,
  listRegions,
  getRegion,
  listDepartments,
  getDepartment,
  type Region,
  type Department,
} from "./catalogue.ts";
export { uploadVersion, respondToFinding, type UploadInput, type VersionRef } from "./upload.ts";
export {
  submitVersion,
  returnVersion,
  approveVersion,
  publishVersion,
  publishDue,
  withdrawVersion,
} from "./workflow.ts";
export {
  listDisclosures,
  getDisclosure,
  getVersion,
  getCanonical,
  getReport,
  getVersionFile,
  getCheckInput,
  recheckVersion,
  type DisclosureFilter,
  type DisclosureItem,
  type VersionSummary,
  type VersionDetail,
  type FindingWithResponse,
} from "./reads.ts";
export {
  createUser,
  setUserRole,
  setUserPassword,
  setUserDisabled,
  listUsers,
  countUsers,
  actorForUser,
  actorOfUser,
  type User,
  type RoleAssignment,
} from "./users.ts";
export { createSession, sessionActor, endSession, SESSION_HOURS } from "./sessions.ts";
export { signIn, signInThrottle, THROTTLE, type SignInContext } from "./signin.ts";
export {
  createToken,
  listTokens,
  revokeToken,
  authenticateToken,
  type TokenInfo,
} from "./tokens.ts";
export { verifyAudit, listAudit, type AuditItem, type AuditVerification } from "./audit.ts";
export type { SourceFile, StoredReport } from "./engine.ts";
