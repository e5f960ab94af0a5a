import { CALLBACK_VALIDATORS } from "../generated/callback-validators.js";
import type * as T from "../generated/schemas.js";
import { TestkitError } from "../errors.js";
import { groupedValues } from "./_form.js";
import { validatorIn } from "./ajv.js";
import { toIssues } from "./issues.js";
import type { Profile } from "./resources.js";
import { ValidationError, type ValidateOptions, type ValidationResult } from "./validate.js";

/**
 * The status callbacks twilio-testkit has schemas and factories for, named after their schema files
 * in `schemas/callbacks/` (WEBHOOKS.md sections 2 to 5):
 * - `conference-status`: ConferenceStatusCallback events (`conference-start`, `participant-join`, …), section 2
 * - `call-progress`: a participant's call StatusCallback events (initiated, ringing, answered, completed), section 3
 * - `recording-status`: RecordingStatusCallback and ConferenceRecordingStatusCallback, section 4
 * - `stream-status`: a media stream's StatusCallback events (`stream-started`, …), section 5
 */
export const CALLBACK_KINDS = ["conference-status", "call-progress", "recording-status", "stream-status"] as const;

/** One of {@link CALLBACK_KINDS}. */
export type CallbackKind = (typeof CALLBACK_KINDS)[number];

/** The TypeScript type of each callback's decoded parameters under each profile (generated from `schemas/callbacks/`). */
export interface CallbackTypes {
  tolerant: {
    "conference-status": T.TolerantConferenceStatusCallback;
    "call-progress": T.TolerantCallProgressCallback;
    "recording-status": T.TolerantRecordingStatusCallback;
    "stream-status": T.TolerantStreamStatusCallback;
  };
  strict: {
    "conference-status": T.ConferenceStatusCallback;
    "call-progress": T.CallProgressCallback;
    "recording-status": T.RecordingStatusCallback;
    "stream-status": T.StreamStatusCallback;
  };
}

/**
 * A callback's parameters as a receiver has them: an object of decoded values (what a framework's form
 * parser gives, e.g. fastify with @fastify/formbody or express.urlencoded, or a callback factory's
 * build), `URLSearchParams`, or the raw form-encoded body or query string
 * (`CallSid=CA…&CallStatus=ringing`, a leading `?` allowed). Every value is text on the wire
 * (WEBHOOKS.md section 1); a key sent twice arrives as an array.
 */
export type CallbackParams = object | string;

/** Reads a form-encoded text or URLSearchParams as a record; a key sent more than once keeps every value, in order. */
function decoded(params: CallbackParams): unknown {
  if (typeof params === "string") return groupedValues(new URLSearchParams(params));
  return params instanceof URLSearchParams ? groupedValues(params) : params;
}

function schemaOf(kind: CallbackKind, profile: Profile): string {
  return profile === "strict" ? `callbacks/strict/${kind}.json` : `callbacks/${kind}.json`;
}

/**
 * Validates the parameters of a status callback your handler received against its schema. Every
 * value stays text, as it arrived; the schema says which texts are booleans (`true`/`false`), whole
 * numbers, SIDs of which kind, RFC 2822 or ISO 8601 dates. Issues have paths such as `/CallSid`.
 * A key sent twice is an issue (`type`: must be string), as Twilio sends each parameter once.
 *
 * @param kind - `conference-status`, `call-progress`, `recording-status` or `stream-status`
 * @param params - a record, URLSearchParams or form-encoded text (see {@link CallbackParams}); never mutated
 * @param options - `profile`: `tolerant` (default: what Twilio has been seen to send, unknown keys
 *   allowed) or `strict` (today's documented parameters only, and the cross-field rules: which event
 *   carries which parameter)
 * @returns `{ ok: true, value }` with the parameters as a record, or `{ ok: false, issues }`; never throws for any `params`
 * @throws TestkitError `UNKNOWN_OPERATION` for a kind that is not a callback kind
 * @example
 * ```ts
 * const result = validateCallback("conference-status", request.body, { profile: "strict" });
 * if (!result.ok) console.log(formatIssues(result.issues));
 * ```
 * @see WEBHOOKS.md sections 2 (conference), 3 (call progress), 4 (recordings), 5 (streams)
 */
export function validateCallback<K extends CallbackKind, P extends Profile = "tolerant">(
  kind: K,
  params: CallbackParams,
  options: ValidateOptions<P> = {},
): ValidationResult<CallbackTypes[P][K]> {
  if (!(CALLBACK_KINDS as readonly string[]).includes(kind))
    throw new TestkitError(
      "UNKNOWN_OPERATION",
      `Failed to validate callback: unknown kind ${JSON.stringify(kind)}; kinds are ${CALLBACK_KINDS.join(", ")}`,
    );
  const validate = validatorIn(CALLBACK_VALIDATORS, schemaOf(kind, options.profile ?? "tolerant"));
  const data = decoded(params);
  return validate(data)
    ? { ok: true, value: data as CallbackTypes[P][K] }
    : { ok: false, issues: toIssues(validate.errors ?? []) };
}

/**
 * Like {@link validateCallback}, but returns the parameters, typed, or throws.
 *
 * @throws ValidationError (code `INVALID_BODY`) listing every issue; TestkitError `UNKNOWN_OPERATION` for an unknown kind
 */
export function assertCallback<K extends CallbackKind, P extends Profile = "tolerant">(
  kind: K,
  params: CallbackParams,
  options: ValidateOptions<P> = {},
): CallbackTypes[P][K] {
  const result = validateCallback(kind, params, options);
  if (!result.ok)
    throw new ValidationError(`${kind} callback (${options.profile ?? "tolerant"} profile)`, result.issues);
  return result.value;
}
