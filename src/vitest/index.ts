/**
 * Vitest matchers for Twilio responses. Import once, e.g. in a setup file:
 *
 * ```ts
 * import "twilio-testkit/vitest";
 * expect(body).toMatchTwilioSchema("ListParticipant");
 * expect(body).toMatchTwilioSchema("listParticipant", { profile: "strict" });
 * expect(participant).toBeTwilioResource("participant");
 * expect(request.body).toMatchTwilioCallback("conference-status", { profile: "strict" });
 * ```
 *
 * A failure message lists every issue with its path and rule.
 */
import { importPeer } from "../_optional-peer.js";
import type { OperationId } from "../catalogue/operations.js";
import { formatIssues } from "../validate/issues.js";
import { type CallbackKind, type CallbackParams, validateCallback } from "../validate/callbacks.js";
import type { ResourceKind } from "../validate/resources.js";
import {
  validateResource,
  validateResponse,
  type ValidateOptions,
  type ValidationResult,
} from "../validate/validate.js";

// vitest is an optional peer dependency: without it, this import fails with one line naming it.
const { expect } = await importPeer("vitest", () => import("vitest"));

function outcome(result: ValidationResult<unknown>, subject: string, profile: string) {
  return {
    pass: result.ok,
    message: () =>
      result.ok
        ? `expected value not to be ${subject} (${profile} profile), but it is`
        : `expected value to be ${subject} (${profile} profile), but it has ${formatIssues(result.issues)}`,
  };
}

expect.extend({
  toMatchTwilioSchema(received: unknown, operation: string, options: ValidateOptions = {}) {
    const profile = options.profile ?? "tolerant";
    return outcome(validateResponse(operation, received, options), `a ${operation} response`, profile);
  },
  toBeTwilioResource(received: unknown, kind: ResourceKind, options: ValidateOptions = {}) {
    const profile = options.profile ?? "tolerant";
    return outcome(validateResource(kind, received, options), `a Twilio ${kind}`, profile);
  },
  toMatchTwilioCallback(received: unknown, kind: CallbackKind, options: ValidateOptions = {}) {
    const profile = options.profile ?? "tolerant";
    return outcome(
      validateCallback(kind, received as CallbackParams, options),
      `the parameters of a ${kind} callback`,
      profile,
    );
  },
});

/** Matchers added to Vitest's `expect` by `import "twilio-testkit/vitest"`. */
export interface TwilioMatchers<R = unknown> {
  /**
   * Passes when the value is a valid success response body of the operation.
   *
   * @param operation - Twilio operationId (`ListParticipant`) or seed-page tool name (`listParticipant`)
   * @param options - `profile`: `tolerant` (default) or `strict`
   * @throws TestkitError `UNKNOWN_OPERATION` for an unknown operation
   */
  toMatchTwilioSchema(operation: OperationId | (string & {}), options?: ValidateOptions): R;
  /**
   * Passes when the value is a valid Twilio resource of the kind.
   *
   * @param kind - `participant`, `conference`, `stream`, `participant-page`, `conference-page` or `error`
   * @param options - `profile`: `tolerant` (default) or `strict`
   */
  toBeTwilioResource(kind: ResourceKind, options?: ValidateOptions): R;
  /**
   * Passes when the value holds valid parameters of a Twilio status callback: a record of decoded
   * form values, URLSearchParams or the form-encoded body (see `validateCallback`). Source of the
   * parameters: WEBHOOKS.md sections 2 to 5.
   *
   * @param kind - `conference-status`, `call-progress`, `recording-status` or `stream-status`
   * @param options - `profile`: `tolerant` (default) or `strict` (documented parameters only, and which event carries which)
   * @throws TestkitError `UNKNOWN_OPERATION` for an unknown kind
   */
  toMatchTwilioCallback(kind: CallbackKind, options?: ValidateOptions): R;
}

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: mirrors Vitest's own declaration
  interface Matchers<T = any> extends TwilioMatchers<T> {}
}
