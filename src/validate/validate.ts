import { findOperation, type OperationId } from "../catalogue/operations.js";
import { TestkitError } from "../errors.js";
import { RESPONSE_VALIDATORS } from "../generated/validators.js";
import type { PrecompiledValidator } from "./_validator-runtime.js";
import { validatorIn } from "./ajv.js";
import { formatIssues, toIssues, type ValidationIssue } from "./issues.js";
import { schemaFile, type Profile, type ResourceKind, type ResourceTypes } from "./resources.js";
import { isSdkShape, sdkIssuePaths, sdkToWire } from "./sdk-shape.js";

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
  if (isSdkShape(data)) return checkSdk(validate, data as object);
  return validate(data) ? { ok: true, value: data as T } : { ok: false, issues: toIssues(validate.errors ?? []) };
}

/** Checks an SDK instance (or its `toJSON()`) in its wire shape; issue paths name the SDK's keys. */
function checkSdk<T>(validate: PrecompiledValidator, sdk: object): ValidationResult<T> {
  const wire = sdkToWire(sdk);
  return validate(wire)
    ? { ok: true, value: wire as T }
    : { ok: false, issues: sdkIssuePaths(toIssues(validate.errors ?? [])) };
}

/** The item kind of a page response file, whose `list()` the SDK answers with an array of instances. */
const PAGE_ITEMS: Readonly<Record<string, string>> = {
  "participant-page.json": "participant.json",
  "conference-page.json": "conference.json",
};

/**
 * Checks what the SDK's `list()` gives, an array of instances, item by item; issue paths start with
 * the item's index. An item that is not SDK-shaped is an issue: a response body is a page, never an array.
 * The value is the items in their wire shape (an empty array is its own).
 */
function checkSdkList(
  validate: PrecompiledValidator,
  items: readonly unknown[],
  operationId: string,
): ValidationResult<unknown> {
  const issues: ValidationIssue[] = [];
  const wire = items.map((item, i) => {
    if (!isSdkShape(item)) {
      issues.push({
        path: `/${i}`,
        rule: "sdk-instance",
        message: `must be a twilio SDK instance: an array is what the SDK's list() gives; a ${operationId} body is a page object`,
        keyword: "sdk-instance",
        schemaPath: "",
        params: {},
      });
      return item;
    }
    const result = checkSdk(validate, item as object);
    if (!result.ok) issues.push(...result.issues.map((issue) => ({ ...issue, path: `/${i}${issue.path}` })));
    return result.ok ? result.value : item;
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: items.length === 0 ? items : wire };
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
 * @param data - any value, e.g. a parsed response body; never mutated. A twilio SDK instance (a
 *   `ParticipantInstance`, its `toJSON()`; see {@link isSdkShape}) is checked in its wire shape
 *   (see {@link fromSdkShape}), and its issue paths name the SDK's keys (`/callSid`, `/dateCreated`)
 * @param options - `profile`, `tolerant` by default
 * @returns `{ ok: true, value }` (for an SDK instance, `value` is its wire shape) or `{ ok: false, issues }`; never throws for any `data`
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
 * @param body - the parsed response body; or a twilio SDK instance, checked as {@link validateResource}
 *   checks one; or, for ListParticipant and ListConference, the array of instances the SDK's `list()`
 *   gives, each item checked against the item schema (issue paths `/0/callSid`)
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
  const items = Array.isArray(body) ? PAGE_ITEMS[op.response] : undefined;
  if (items) return checkSdkList(validatorOf(items, options.profile ?? "tolerant"), body as unknown[], op.operationId);
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
