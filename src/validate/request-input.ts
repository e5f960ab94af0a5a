import { findOperation, type Operation, type OperationId } from "../catalogue/operations.js";
import type * as G from "../generated/schemas.js";
import { formPairs, groupedValues, type FormValue } from "./_form.js";
import { isDialable } from "./endpoint.js";
import type { ValidationIssue } from "./issues.js";
import { validateRequest as validateWireRequest, type WireValue } from "./request.js";
import type { ValidationResult } from "./validate.js";

/** A location an operation takes no parameters in. */
export type NoParams = Record<string, never>;

/** The typed parameters of each operation's request, by location (generated from `schemas/requests/`). */
export interface RequestTypes {
  CreateParticipant: { path: G.CreateParticipantPathParams; query: NoParams; body: G.CreateParticipantBody };
  ListParticipant: { path: G.ListParticipantPathParams; query: G.ListParticipantQuery; body: NoParams };
  FetchParticipant: { path: G.FetchParticipantPathParams; query: NoParams; body: NoParams };
  UpdateParticipant: { path: G.UpdateParticipantPathParams; query: NoParams; body: G.UpdateParticipantBody };
  DeleteParticipant: { path: G.DeleteParticipantPathParams; query: NoParams; body: NoParams };
  FetchConference: { path: G.FetchConferencePathParams; query: NoParams; body: NoParams };
  UpdateConference: { path: G.UpdateConferencePathParams; query: NoParams; body: G.UpdateConferenceBody };
  ListConference: { path: G.ListConferencePathParams; query: G.ListConferenceQuery; body: NoParams };
  CreateStream: { path: G.CreateStreamPathParams; query: NoParams; body: G.CreateStreamBody };
  UpdateStream: { path: G.UpdateStreamPathParams; query: NoParams; body: G.UpdateStreamBody };
}

/**
 * Form or query parameters in any of the shapes code holds them: the encoded text
 * (`From=%2B1501…&To=…`, a leading `?` allowed), `URLSearchParams`, or a record whose values are
 * text, numbers, booleans or lists (a list is a repeated key).
 */
export type ParamsInput = string | URLSearchParams | Readonly<Record<string, FormValue | undefined>>;

/** A request by location; a location left out is not checked (so a body can be checked without its path). */
export interface RequestParts {
  /** Path placeholders, e.g. `{ AccountSid: "AC…", ConferenceSid: "CF…" }` */
  readonly path?: Readonly<Record<string, string>>;
  readonly query?: ParamsInput;
  readonly body?: ParamsInput;
}

/**
 * A captured request, as an HTTP mock or a fake `httpClient` records it: the URL gives the path
 * parameters (matched against the operation's path) and the query. For a fetch `Request`, pass
 * `{ method: req.method, url: req.url, body: await req.text() }`.
 */
export interface RequestLike {
  /** Checked against the operation's method when given (case-insensitive) */
  readonly method?: string;
  /** Absolute (`https://api.twilio.com/2010-04-01/…`) or the path alone, with any query */
  readonly url: string | URL;
  readonly body?: ParamsInput | null;
}

/**
 * What {@link validateRequest} accepts: a form body alone (text, `URLSearchParams` or record; for an
 * operation without a body, such as ListParticipant, the query), the
 * parts by location ({@link RequestParts}: an object whose only keys are `path`, `query`, `body`), or a
 * captured request ({@link RequestLike}: an object with a `url`). No Twilio parameter is named
 * `path`, `query`, `body` or `url` (they are PascalCase), so the shapes cannot be confused.
 */
export type RequestInput = ParamsInput | RequestParts | RequestLike;

const PART_KEYS = new Set(["path", "query", "body"]);

function isRequestLike(input: object): input is RequestLike {
  const url = (input as { url?: unknown }).url;
  return typeof url === "string" || url instanceof URL;
}

function isParts(input: object): input is RequestParts {
  const keys = Object.keys(input);
  return keys.length > 0 && keys.every((key) => PART_KEYS.has(key));
}

/** Parameters in any {@link ParamsInput} shape as the wire has them: text, grouped by key. */
function wireParams(input: ParamsInput | null | undefined): Record<string, WireValue> {
  if (input === undefined || input === null) return {};
  if (typeof input === "string") return groupedValues(new URLSearchParams(input.replace(/^\?/, "")));
  if (input instanceof URLSearchParams) return groupedValues(input);
  return groupedValues(formPairs(input));
}

const pathPatterns = new Map<string, { readonly pattern: RegExp; readonly names: readonly string[] }>();

/** An operation's path template as a pattern that captures its placeholders; built once per operation. */
function pathPattern(op: Operation): { readonly pattern: RegExp; readonly names: readonly string[] } {
  let found = pathPatterns.get(op.operationId);
  if (!found) {
    const names: string[] = [];
    const source = op.path.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    found = { pattern: new RegExp(`^${source}$`), names };
    pathPatterns.set(op.operationId, found);
  }
  return found;
}

/** A path's placeholders, read against an operation's path template; undefined when the path is not the operation's. */
function pathParams(op: Operation, path: string): Record<string, string> | undefined {
  const { pattern, names } = pathPattern(op);
  const match = pattern.exec(path);
  if (!match) return undefined;
  try {
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
  } catch {
    return undefined;
  }
}

const issue = (path: string, rule: string, message: string): ValidationIssue => ({
  path,
  rule,
  message,
  keyword: rule,
  schemaPath: "",
  params: {},
});

interface Normalized {
  readonly path: Readonly<Record<string, string>> | undefined;
  readonly query: Record<string, WireValue>;
  readonly body: Record<string, WireValue>;
  readonly issues: ValidationIssue[];
}

function normalize(op: Operation, input: RequestInput): Normalized {
  if (typeof input !== "object" || input === null || input instanceof URLSearchParams) return alone(op, input);
  if (isRequestLike(input)) {
    const url = new URL(String(input.url), "https://api.twilio.com");
    const issues: ValidationIssue[] = [];
    if (input.method !== undefined && input.method.toUpperCase() !== op.method)
      issues.push(issue("/method", "method", `must be ${op.method} for ${op.operationId}, not ${input.method}`));
    const path = pathParams(op, url.pathname);
    if (!path) issues.push(issue("/path", "path", `must be ${op.method} ${op.path} for ${op.operationId}`));
    return { path, query: wireParams(url.searchParams), body: wireParams(input.body), issues };
  }
  if (isParts(input))
    return { path: input.path, query: wireParams(input.query), body: wireParams(input.body), issues: [] };
  return alone(op, input as ParamsInput);
}

/** Parameters given alone: the form body, or the query of an operation without a body (the lists). */
function alone(op: Operation, input: ParamsInput): Normalized {
  const params = wireParams(input);
  return op.request.body || !op.request.query
    ? { path: undefined, query: {}, body: params, issues: [] }
    : { path: undefined, query: params, body: {}, issues: [] };
}

/**
 * Rules Twilio enforces beyond the request schemas, as the fake Twilio enforces them: CreateParticipant's
 * `To` must be an endpoint Twilio can dial (else 400, code 21211), and `Coaching=true` needs `CallSidToCoach`.
 */
function twilioRuleIssues(operationId: OperationId, body: Readonly<Record<string, unknown>>): ValidationIssue[] {
  if (operationId !== "CreateParticipant") return [];
  const issues: ValidationIssue[] = [];
  if (typeof body.To === "string" && body.To !== "" && !isDialable(body.To))
    issues.push(
      issue(
        "/body/To",
        "endpoint",
        "must be an endpoint Twilio can dial: an E.164 number, client:<identity>, sip:<user>@<host> or app:AP… (Twilio answers 400, code 21211)",
      ),
    );
  if (body.Coaching === true && body.CallSidToCoach === undefined)
    issues.push(issue("/body/CallSidToCoach", "coach-target", "is required when Coaching is true"));
  return issues;
}

/**
 * Checks a request your code sends (or would send) to Twilio against the operation's request
 * schemas and the rules Twilio enforces beyond them (CreateParticipant's `To` must be dialable;
 * `Coaching=true` needs `CallSidToCoach`), without HTTP. Each wire value is read as its schema type
 * first (`"true"` → true, `"20"` → 20, a repeated key → a list), as Twilio reads a form.
 *
 * @param operation - Twilio operationId (`CreateParticipant`, autocompleted) or seed-page tool name
 * @param request - a form body (text, `URLSearchParams` or record; the query for an operation without
 *   a body), the parts by location, or a
 *   captured `{ method, url, body }` request; see {@link RequestInput}. Path parameters are checked
 *   only when given (`path`, or a `url`)
 * @returns the typed parameters by location, or the issues, with paths such as `/body/To` or
 *   `/query/PageSize`; never throws for any request
 * @throws TestkitError `UNKNOWN_OPERATION` for an operation the catalogue does not know
 * @example
 * ```ts
 * validateRequest("CreateParticipant", "From=%2B15017122661&To=nope").ok; // false: /body/To must be an endpoint…
 * validateRequest("ListParticipant", { method: "GET", url: "/2010-04-01/Accounts/AC…/Conferences/CF…/Participants.json?Muted=true" });
 * ```
 */
export function validateRequest<O extends OperationId>(
  operation: O | (string & {}),
  request: RequestInput,
): ValidationResult<RequestTypes[O]> {
  const op = findOperation(operation);
  const given = normalize(op, request);
  const checked = validateWireRequest(op.operationId, {
    ...(given.path ? { path: given.path } : {}),
    query: given.query,
    body: given.body,
  });
  const schemaIssues = checked.ok ? [] : checked.issues;
  const ruleIssues = twilioRuleIssues(op.operationId, checked.ok ? checked.value.body : given.body).filter(
    (rule) => !schemaIssues.some((i) => i.path === rule.path),
  );
  const issues = [...given.issues, ...schemaIssues, ...ruleIssues];
  if (!checked.ok || issues.length > 0) return { ok: false, issues };
  return { ok: true, value: checked.value as unknown as RequestTypes[O] };
}
