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
  fromSdkShape,
  toSdkShape,
  type CamelCase,
  type SdkKind,
  type SdkShapeOf,
  type SdkTypes,
} from "./validate/sdk-shape.js";
export {
  assertResource,
  assertResponse,
  validateResource,
  validateResponse,
  ValidationError,
  type ValidateOptions,
  type ValidationResult,
} from "./validate/validate.js";
export {
  validateRequest,
  type NoParams,
  type ParamsInput,
  type RequestInput,
  type RequestLike,
  type RequestParts,
  type RequestTypes,
} from "./validate/request-input.js";
export {
  assertCallback,
  CALLBACK_KINDS,
  validateCallback,
  type CallbackKind,
  type CallbackParams,
  type CallbackTypes,
} from "./validate/callbacks.js";
export * from "./factories/index.js";
export * from "./signature/index.js";
export {
  requestFactory,
  type BuiltRequest,
  type FieldOverrides,
  type RequestFactory,
  type RequestOverrides,
} from "./factories/requests.js";
export type * from "./generated/schemas.js";
