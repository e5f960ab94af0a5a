import { findOperation, type OperationId, type ParameterLocation } from "../catalogue/operations.js";
import { schemaNode } from "../catalogue/schema-nodes.js";
import { REQUEST_VALIDATORS } from "../generated/request-validators.js";
import { validatorIn } from "./ajv.js";
import { toIssues, type ValidationIssue } from "./issues.js";
import type { ValidationResult } from "./validate.js";
import { toPointerToken } from "../catalogue/_json-pointer.js";

/** A parameter value as it travels: text, or repeated text for a repeated form or query key. */
export type WireValue = string | readonly string[];

/** A request's parameters as they arrive on the wire, by location; every value is text. */
export interface WireRequest {
  /** Path placeholders, e.g. `{ AccountSid: "AC…", ConferenceSid: "CF…" }`; when left out, the path is not checked */
  readonly path?: Readonly<Record<string, string>>;
  /** Query parameters, decoded, e.g. `{ "DateCreated<": "2024-01-31", PageSize: "20" }` */
  readonly query?: Readonly<Record<string, WireValue>>;
  /** Form body fields, decoded, e.g. `{ From: "+15017122661", StatusCallbackEvent: ["start", "end"] }` */
  readonly body?: Readonly<Record<string, WireValue>>;
}

/** A request's parameters with values of their schema types (booleans, integers, arrays), by location. */
export interface TypedRequest {
  readonly path: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: Readonly<Record<string, unknown>>;
}

interface PropertySchema {
  readonly type?: string;
}

/** The boolean spellings Twilio reads: its SDKs send `true` / `false`; `True` appears in its own page URIs (`participant.list.2`). */
const BOOLEAN_SPELLINGS = new Map([
  ["true", true],
  ["True", true],
  ["false", false],
  ["False", false],
]);

/**
 * Reads a wire value as its schema type: `"true"` / `"false"` (or Twilio's `"True"` / `"False"`, which
 * its real page URIs echo: `Hold=True`) as booleans, digit strings as
 * integers, a lone value as a one-item array where the schema wants an array (Twilio's clients repeat
 * the key per value: `StatusCallbackEvent=start&StatusCallbackEvent=end`), the last of repeated
 * values where it wants one. Text that does not read as the type stays text, for the schema to reject.
 */
function coerce(value: WireValue, schema: PropertySchema | undefined): unknown {
  // Callers outside TypeScript may pass anything; what is not text is left for the schema to reject.
  if (typeof value !== "string" && !Array.isArray(value)) return value;
  const type = schema?.type;
  if (type === "array") return typeof value === "string" ? [value] : [...value];
  const one = typeof value === "string" ? value : value.at(-1);
  if (type === "boolean" && one !== undefined && BOOLEAN_SPELLINGS.has(one)) return BOOLEAN_SPELLINGS.get(one);
  if (type === "integer" && typeof one === "string" && /^-?\d+$/.test(one)) return Number(one);
  return typeof value === "string" || value.length !== 1 ? value : one;
}

const propertiesByRef = new Map<string, Readonly<Record<string, PropertySchema>>>();

/** The `properties` of a request schema, e.g. of `requests/ListParticipant.json#/$defs/query`; looked up once. */
function propertiesOf(ref: string): Readonly<Record<string, PropertySchema>> {
  let properties = propertiesByRef.get(ref);
  if (!properties) {
    properties = (schemaNode(ref).node.properties ?? {}) as Readonly<Record<string, PropertySchema>>;
    propertiesByRef.set(ref, properties);
  }
  return properties;
}

function coerceAll(values: Readonly<Record<string, WireValue>>, ref: string | undefined): Record<string, unknown> {
  const properties = ref ? propertiesOf(ref) : {};
  // Own properties only: a key such as `constructor` or `__proto__` names no parameter, and is left for the schema to refuse.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(values)) {
    const value = coerce(values[key] as WireValue, Object.hasOwn(properties, key) ? properties[key] : undefined);
    // A `__proto__` key is a field like any other here (as with Object.fromEntries), not the prototype.
    if (key === "__proto__")
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

const LOCATIONS = ["path", "query", "body"] as const;

/**
 * Validates a request's path, query and form-body parameters against its operation's request
 * schemas, after reading each wire value as its schema type. Unknown keys, missing required ones
 * (`From`, `To` for CreateParticipant) and bad values are issues with paths such as `/body/Muted`
 * or `/query/PageSize`. A location the operation does not take must be empty.
 *
 * @param operation - Twilio operationId or seed-page tool name
 * @param request - the parameters as they arrived, all text
 * @returns the typed parameters, or the issues; never throws for any request
 * @throws TestkitError `UNKNOWN_OPERATION` for an operation the catalogue does not know
 * @example
 * ```ts
 * validateRequest("ListParticipant", { path: { AccountSid, ConferenceSid }, query: { Muted: "true", PageSize: "20" } });
 * // { ok: true, value: { path: {…}, query: { Muted: true, PageSize: 20 }, body: {} } }
 * ```
 */
export function validateRequest(
  operation: OperationId | (string & {}),
  request: WireRequest,
): ValidationResult<TypedRequest> {
  const op = findOperation(operation);
  const typed = {} as Record<ParameterLocation, Record<string, unknown>>;
  const issues: ValidationIssue[] = [];
  typed.path = {};
  for (const location of request.path === undefined ? (["query", "body"] as const) : LOCATIONS) {
    const ref = op.request[location];
    const values = coerceAll(request[location] ?? {}, ref);
    typed[location] = values;
    if (!ref) {
      for (const key of Object.keys(values))
        issues.push({
          path: `/${location}/${toPointerToken(key)}`,
          rule: "additionalProperties",
          message: `is not a ${location} parameter of ${op.operationId}`,
          keyword: "additionalProperties",
          schemaPath: "",
          params: { additionalProperty: key },
        });
      continue;
    }
    const validate = validatorIn(REQUEST_VALIDATORS, ref);
    if (!validate(values))
      issues.push(...toIssues(validate.errors ?? []).map((i) => ({ ...i, path: `/${location}${i.path}` })));
  }
  return issues.length === 0 ? { ok: true, value: typed } : { ok: false, issues };
}
