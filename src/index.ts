export { TestkitError, type TestkitErrorCode } from "./errors.js";
export { formatRfc2822, parseRfc2822, RFC_2822_PATTERN } from "./rfc2822.js";
export {
  findOperation,
  OPERATIONS,
  operationPath,
  type HttpMethod,
  type Operation,
  type OperationId,
  type ParameterLocation,
} from "./catalogue/operations.js";
export { SCHEMA_DIR } from "./catalogue/schema-files.js";
export { formatIssues, type ValidationIssue } from "./validate/issues.js";
export { RESOURCE_KINDS, type Profile, type ResourceKind, type ResourceTypes } from "./validate/resources.js";
export {
  assertResource,
  assertResponse,
  validateResource,
  validateResponse,
  ValidationError,
  type ValidateOptions,
  type ValidationResult,
} from "./validate/validate.js";
export * from "./factories/index.js";
export type * from "./generated/schemas.js";
