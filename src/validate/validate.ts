import { findOperation, type OperationId } from "../catalogue/operations.js";
import { TestkitError } from "../errors.js";
import { RESPONSE_VALIDATORS } from "../generated/validators.js";
import type { PrecompiledValidator } from "./_validator-runtime.js";
import { validatorIn } from "./ajv.js";
import { formatIssues, toIssues, type ValidationIssue } from "./issues.js";
import { schemaFile, type Profile, type ResourceKind, type ResourceTypes } from "./resources.js";

/** The outcome of a validation: the value, typed, or the issues that make it invalid. Never thrown. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Options of every validate function. */
export interface ValidateOptions<P extends Profile = Profile> {
  /** `tolerant` (default): what Twilio really sends; `strict`: today's documented shape and cross-field rules */
  readonly profile?: P;
}

/** Thrown by the `assert…` functions: a body that does not match its schema, with every issue. */
export class ValidationError extends TestkitError {
  override name = "ValidationError";
  /** Every issue found, as {@link validateResource} returns them */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param subject - what was checked, e.g. `ListParticipant response` or `participant`
   * @param issues - at least one issue
   */
  constructor(subject: string, issues: readonly ValidationIssue[]) {
    super("INVALID_BODY", `Failed to validate ${subject}: ${formatIssues(issues)}`);
    this.issues = issues;
  }
}

function check<T>(validate: PrecompiledValidator, data: unknown): ValidationResult<T> {
  return validate(data) ? { ok: true, value: data as T } : { ok: false, issues: toIssues(validate.errors ?? []) };
}

// Validators by profile and then kind (or response schema file), so that a validation looks its
// validator up without building the schema's file name.
const validators = {
  tolerant: new Map<string, PrecompiledValidator>(),
  strict: new Map<string, PrecompiledValidator>(),
};

function validatorOf(kind: string, profile: Profile): PrecompiledValidator {
  const byKind = profile === "strict" ? validators.strict : validators.tolerant;
  let validate = byKind.get(kind);
  if (!validate) {
    validate = validatorIn(RESPONSE_VALIDATORS, schemaFile(kind, profile));
    byKind.set(kind, validate);
  }
  return validate;
}

/**
 * Validates a Twilio object against its schema.
 *
 * @param kind - `participant`, `conference`, `stream`, `participant-page`, `conference-page` or `error`
 * @param data - any value, e.g. a parsed response body; never mutated
 * @param options - `profile`, `tolerant` by default
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`; never throws for any `data`
 * @example
 * ```ts
 * const result = validateResource("participant", body, { profile: "strict" });
 * if (!result.ok) console.log(formatIssues(result.issues));
 * ```
 */
export function validateResource<K extends ResourceKind, P extends Profile = "tolerant">(
  kind: K,
  data: unknown,
  options: ValidateOptions<P> = {},
): ValidationResult<ResourceTypes[P][K]> {
  return check(validatorOf(kind, options.profile ?? "tolerant"), data);
}

/**
 * Validates the success response body of a catalogued operation. DeleteParticipant answers 204 with
 * no body, so only `undefined` or `null` pass for it.
 *
 * @param operation - Twilio operationId (`ListParticipant`) or seed-page tool name (`listParticipant`)
 * @param body - the parsed response body
 * @param options - `profile`, `tolerant` by default
 * @throws TestkitError `UNKNOWN_OPERATION` for an operation the catalogue does not know
 */
export function validateResponse(
  operation: OperationId | (string & {}),
  body: unknown,
  options: ValidateOptions = {},
): ValidationResult<unknown> {
  const op = findOperation(operation);
  if (op.response === null) {
    if (body === undefined || body === null) return { ok: true, value: body };
    const issue: ValidationIssue = {
      path: "",
      rule: "no-body",
      message: `must be empty: ${op.operationId} answers ${op.successStatus} with no body`,
      keyword: "no-body",
      schemaPath: "",
      params: {},
    };
    return { ok: false, issues: [issue] };
  }
  return check(validatorOf(op.response, options.profile ?? "tolerant"), body);
}

/**
 * Like {@link validateResource}, but returns the typed value or throws.
 *
 * @throws ValidationError (code `INVALID_BODY`) listing every issue
 */
export function assertResource<K extends ResourceKind, P extends Profile = "tolerant">(
  kind: K,
  data: unknown,
  options: ValidateOptions<P> = {},
): ResourceTypes[P][K] {
  const result = validateResource(kind, data, options);
  if (!result.ok) throw new ValidationError(`${kind} (${options.profile ?? "tolerant"} profile)`, result.issues);
  return result.value;
}

/**
 * Like {@link validateResponse}, but returns the body or throws.
 *
 * @throws ValidationError (code `INVALID_BODY`) listing every issue; TestkitError `UNKNOWN_OPERATION`
 */
export function assertResponse(
  operation: OperationId | (string & {}),
  body: unknown,
  options: ValidateOptions = {},
): unknown {
  const result = validateResponse(operation, body, options);
  if (!result.ok)
    throw new ValidationError(`${operation} response (${options.profile ?? "tolerant"} profile)`, result.issues);
  return result.value;
}
