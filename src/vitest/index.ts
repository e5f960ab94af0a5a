/**
 * Vitest matchers for Twilio responses. Import once, e.g. in a setup file:
 *
 * ```ts
 * import "twilio-testkit/vitest";
 * expect(body).toMatchTwilioSchema("ListParticipant");
 * expect(body).toMatchTwilioSchema("listParticipant", { profile: "strict" });
 * expect(participant).toBeTwilioResource("participant");
 * expect(request).toBeSignedByTwilio(authToken, "https://example.com/status");
 * expect(capturedForm).toBeValidTwilioRequest("CreateParticipant");
 * expect(request.body).toMatchTwilioCallback("conference-status", { profile: "strict" });
 * ```
 *
 * A failure message lists every issue with its path and rule.
 */
import { importPeer } from "../_optional-peer.js";
import type { OperationId } from "../catalogue/operations.js";
import { formatIssues } from "../validate/issues.js";
import { TestkitError } from "../errors.js";
import { checkReceived } from "../signature/_received.js";
import { assertAuthToken } from "../signature/sign.js";
import { assertAbsoluteUrl, printableUrl } from "../signature/_url.js";
import { validateRequest, type RequestInput } from "../validate/request-input.js";
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
  toBeSignedByTwilio(received: unknown, authToken: string, url?: string) {
    const action = "check X-Twilio-Signature";
    assertAuthToken(authToken, action);
    if (url !== undefined) assertAbsoluteUrl(url, action);
    let check: ReturnType<typeof checkReceived>;
    try {
      check = checkReceived(received, authToken, url);
    } catch (error) {
      // A received value whose parameters are not strings: a value that is not a signed request.
      if (!(error instanceof TestkitError)) throw error;
      check = { problem: error.message.replace(/^Failed to [^:]*: /, "") };
    }
    if ("problem" in check)
      return { pass: false, message: () => `expected a request signed by Twilio, but ${check.problem}` };
    return {
      pass: check.ok,
      message: () =>
        check.ok
          ? `expected the request not to be signed by Twilio, but its X-Twilio-Signature matches ${printableUrl(check.signedUrl)}`
          : `expected the request to be signed by Twilio, but ${check.reason}`,
    };
  },
  toBeValidTwilioRequest(received: unknown, operation: string) {
    const result = validateRequest(operation, received as RequestInput);
    return {
      pass: result.ok,
      message: () =>
        result.ok
          ? `expected request not to be a valid ${operation} request, but it is`
          : `expected request to be a valid ${operation} request, but it has ${formatIssues(result.issues)}`,
    };
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
   * Passes when the received request carries a valid `X-Twilio-Signature` for the auth token, checked
   * as `validateTwilioSignature` does (WEBHOOKS.md §6). Accepted values: `{ headers, url, method?,
   * body? }`, such as `signedCallbackRequest`'s result or fastify `inject` options (`body` or
   * `payload`); a fastify request in a handler (its parsed form body; for a JSON body, with
   * `bodySHA256` in the URL, the raw text, e.g. from a content-type parser with `parseAs: "string"`);
   * a Node `IncomingMessage` with its raw body assigned to `body`. Header names in any case, or a
   * fetch `Headers`. A form body may be the raw text, bytes, `URLSearchParams` or the parsed object
   * (repeated keys as arrays); a GET has none. Fails (never throws) on a value it cannot read as a
   * request, saying why; the message never holds the token.
   *
   * @param authToken - the account's auth token
   * @param url - the absolute URL Twilio requested, query string included; default: the value's own
   *   `url` when absolute, else its protocol (fastify `protocol`, or the socket's encryption) and
   *   `Host` header before its path. Pass it behind a proxy or with fastify `inject`, whose requests
   *   carry `http` and the `Host` of the injected URL.
   * @throws TestkitError `USAGE` for an empty token or a `url` that is not absolute http(s)
   */
  toBeSignedByTwilio(authToken: string, url?: string): R;
  /**
   * Passes when the value is a request Twilio accepts for the operation, as `validateRequest` checks
   * it: a form body (text, `URLSearchParams` or record; the query for a list), `{ path, query, body }`, or a captured
   * `{ method, url, body }` request.
   *
   * @param operation - Twilio operationId (`CreateParticipant`) or seed-page tool name
   * @throws TestkitError `UNKNOWN_OPERATION` for an unknown operation
   */
  toBeValidTwilioRequest(operation: OperationId | (string & {})): R;
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
