/**
 * Machine-readable reasons a twilio-testkit call can fail. The CLI maps them to exit codes:
 * `INVALID_BODY` and `VERIFICATION` → 1, every other code → 2.
 */
export type TestkitErrorCode =
  /** A body, resource or contract does not match its schema. */
  | "INVALID_BODY"
  /** A factory override, trait or option breaks the schema or names nothing known. */
  | "INVALID_OVERRIDE"
  /** An operationId, tool name or resource kind that the catalogue does not know. */
  | "UNKNOWN_OPERATION"
  /**
   * Bad usage of the command line or the API: a missing argument, a bad flag or option value, an
   * argument of the wrong shape, an invalid rule a kind does not have.
   */
  | "USAGE"
  /** A file or stream that cannot be read or written, or holds no JSON. */
  | "IO"
  /** Missing configuration, such as PACT_BROKER_BASE_URL, or a missing optional peer dependency such as @pact-foundation/pact. */
  | "CONFIG"
  /** An external tool (the Pact CLI, git) failed. */
  | "EXTERNAL"
  /** The provider does not honour a contract: an interaction failed Pact verification. */
  | "VERIFICATION";

/**
 * The one error class twilio-testkit throws. Messages read "Failed to <verb> <thing>: <reason>".
 *
 * @example
 * ```ts
 * try { assertResponse("ListParticipant", body) } catch (e) {
 *   if (e instanceof TestkitError && e.code === "INVALID_BODY") console.error(e.message);
 * }
 * ```
 */
export class TestkitError extends Error {
  override name = "TestkitError";
  /** Why it failed; stable across versions, unlike the message. */
  readonly code: TestkitErrorCode;

  /**
   * @param code - why it failed
   * @param message - one line for people, "Failed to <verb> <thing>: <reason>"
   * @param options - `cause`: the underlying error, kept for debugging
   */
  constructor(code: TestkitErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
