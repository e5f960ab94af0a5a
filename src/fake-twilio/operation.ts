import type { Operation } from "../catalogue/operations.js";
import { validateRequest, type WireValue } from "../validate/request.js";
import { authenticate } from "./auth.js";
import { errorReply, invalidParameter, rejectedRequest, type Reply } from "./errors.js";
import { pagingProblem } from "./paging.js";
import { OPERATION_HANDLERS } from "./routes/index.js";
import type { FakeTwilioStore } from "./store.js";

/** A request to one of the catalogued operations, as the HTTP layer hands it over (parsed, not yet trusted). */
export interface IncomingRequest {
  /** Path placeholders by name, e.g. `{ AccountSid, ConferenceSid }` */
  readonly params: unknown;
  /** Decoded query; repeated keys as arrays */
  readonly query: unknown;
  /** Decoded form body; repeated keys as arrays; undefined without a body */
  readonly body: unknown;
  /** The `Authorization` header */
  readonly authorization: string | undefined;
  /** The request path without its query, e.g. `/2010-04-01/Accounts/AC…/Conferences.json` */
  readonly path: string;
  /** The `Content-Type` header; a body must be a form (`application/x-www-form-urlencoded`) */
  readonly contentType?: string | undefined;
  /** Whether the request carried a body the HTTP layer did not read (Fastify reads none on GET) */
  readonly unreadBody?: boolean | undefined;
}

const FORM = "application/x-www-form-urlencoded";

/** Whether a `Content-Type` names a form, whatever its parameters (`; charset=utf-8`) or case. */
const isForm = (contentType: string | undefined): boolean => contentType?.split(";")[0]?.trim().toLowerCase() === FORM;

/** Parameters as text (`WireValue`s), or undefined when they are not, e.g. a JSON body with numbers; the object itself, not a copy. */
function wireValues(value: unknown): Readonly<Record<string, WireValue>> | undefined {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) return undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const v = (value as Record<string, unknown>)[key];
    if (typeof v !== "string" && !(Array.isArray(v) && v.every((item) => typeof item === "string"))) return undefined;
  }
  return value as Readonly<Record<string, WireValue>>;
}

/**
 * Answers one catalogued operation as Twilio does, in Twilio's order: Basic auth against the
 * account in the path (401, 20003); a body must be a form (400, 20001); the path, query and form body
 * against the operation's request schemas (404, 20404 for a malformed path segment; 400, 20001 for a
 * bad, missing or unknown parameter, or a `Page` too large to answer); then the operation's handler, whose success goes out with the catalogued status
 * (201 CreateParticipant, 204 DeleteParticipant, else 200).
 *
 * @param store - the fake's state
 * @param operation - from the catalogue
 * @param request - the parsed request
 * @returns the reply; Twilio errors are replies, not exceptions
 * @throws whatever a handler throws unexpectedly (the HTTP layer answers 500)
 */
export function answer(store: FakeTwilioStore, operation: Operation, request: IncomingRequest): Reply {
  const path = (wireValues(request.params) ?? {}) as Record<string, string>;
  const denied = authenticate(store, path.AccountSid ?? "", request.authorization);
  if (denied) return errorReply(denied);
  // Twilio reads parameters from a form only; a JSON body, or any body on a GET, it would ignore, so the fake refuses it.
  if (request.unreadBody)
    return errorReply(
      invalidParameter(`Invalid parameter: ${operation.operationId} takes no body; send its parameters in the query`),
    );
  if (request.body !== undefined && !isForm(request.contentType))
    return errorReply(
      invalidParameter(
        `Invalid parameter: parameters must be the fields of a form (${FORM}), not ${request.contentType ?? "a body without a Content-Type"}`,
      ),
    );
  const query = wireValues(request.query);
  const body = wireValues(request.body);
  if (!query || !body)
    return errorReply(invalidParameter(`Invalid parameter: parameters must be text fields of a form (${FORM})`));
  const checked = validateRequest(operation.operationId, { path, query, body });
  if (!checked.ok) return errorReply(rejectedRequest(checked.issues, request.path));
  const paging = pagingProblem(checked.value.query);
  if (paging) return errorReply(invalidParameter(paging));
  const outcome = OPERATION_HANDLERS[operation.operationId]({
    store,
    path,
    query: checked.value.query,
    sentQuery: query,
    body: checked.value.body,
    resourcePath: request.path,
  });
  return "error" in outcome
    ? errorReply(outcome.error)
    : { status: operation.successStatus, body: outcome.body, text: outcome.text };
}
