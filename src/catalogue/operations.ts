import { TestkitError } from "../errors.js";
import type { OperationId } from "../generated/schemas.js";
import { readSchemaDocument } from "./schema-files.js";

export type { OperationId };

/** HTTP methods the catalogued operations use. */
export type HttpMethod = "GET" | "POST" | "DELETE";

/** Where a request parameter travels. */
export type ParameterLocation = "path" | "query" | "body";

/**
 * One operation of the Twilio Voice API 2010-04-01, as `schemas/operations.json` records it.
 * Source: OPERATIONS.md (twilio-oai spec/json/twilio_api_v2010.json, d50069b).
 */
export interface Operation {
  /** Twilio's operationId, e.g. `ListParticipant` */
  readonly operationId: OperationId;
  /** The seed page's tool name, e.g. `listParticipant` */
  readonly toolName: string;
  /** Whether one of the five seed pages documents it */
  readonly seedPage: boolean;
  readonly method: HttpMethod;
  /** Path template, e.g. `/2010-04-01/Accounts/{AccountSid}/Conferences.json` */
  readonly path: string;
  /** HTTP status of success: 201 for CreateParticipant, 204 for DeleteParticipant, else 200 */
  readonly successStatus: number;
  /** `$id`-relative refs of the request parameter schemas, by location */
  readonly request: Partial<Record<ParameterLocation, string>>;
  /** Response schema file (tolerant in `schemas/`, strict in `schemas/strict/`), or null for no body */
  readonly response: string | null;
}

type CatalogueFile = { operations: Record<OperationId, Omit<Operation, "operationId">> };

/** Every catalogued operation, in catalogue order. */
export const OPERATIONS: readonly Operation[] = Object.entries(
  (readSchemaDocument("operations.json") as CatalogueFile).operations,
).map(([operationId, entry]) => ({ operationId: operationId as OperationId, ...entry }));

/** Each operation by operationId and by tool name; the first operation wins a name two share, as a search in catalogue order would. */
const BY_NAME = new Map<string, Operation>();
for (const op of OPERATIONS)
  for (const name of [op.operationId, op.toolName]) if (!BY_NAME.has(name)) BY_NAME.set(name, op);

/**
 * Finds an operation by Twilio operationId (`ListParticipant`) or seed-page tool name (`listParticipant`).
 *
 * @param name - operationId or tool name, exact case
 * @throws TestkitError `UNKNOWN_OPERATION`, listing the known operationIds
 */
export function findOperation(name: string): Operation {
  const found = BY_NAME.get(name);
  if (found) return found;
  const known = OPERATIONS.map((op) => op.operationId).join(", ");
  throw new TestkitError("UNKNOWN_OPERATION", `Failed to find operation "${name}": known operations are ${known}`);
}

/**
 * Fills a path template's `{Name}` placeholders.
 *
 * @param template - e.g. `/2010-04-01/Accounts/{AccountSid}/Conferences/{Sid}.json`
 * @param params - a value for every placeholder; values are percent-encoded
 * @returns e.g. `/2010-04-01/Accounts/AC…/Conferences/CF….json`
 * @throws TestkitError `USAGE` when a placeholder has no value, or a value with a lone surrogate
 */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  const parts = templateParts(template);
  let path = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = params[parts[i]!];
    if (value === undefined)
      throw new TestkitError("USAGE", `Failed to build path ${template}: no value for {${parts[i]}}`);
    if (!isUnreserved(value) && /\p{Cs}/u.test(value))
      throw new TestkitError(
        "USAGE",
        `Failed to build path ${template}: the value for {${parts[i]}} has a lone surrogate, which no URI can carry`,
      );
    path += (isUnreserved(value) ? value : encodeURIComponent(value)) + parts[i + 1]!;
  }
  return path;
}

/** 1 at the ASCII codes `encodeURIComponent` leaves as they are: `A-Z a-z 0-9 - _ . ! ~ * ' ( )`. */
const UNRESERVED = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()")
  UNRESERVED[c.charCodeAt(0)] = 1;

/** Whether `encodeURIComponent` would return `text` unchanged (as for every SID), so that it need not be called. */
function isUnreserved(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (UNRESERVED[text.charCodeAt(i)] !== 1) return false;
  return true;
}

const TEMPLATE_PARTS = new Map<string, readonly string[]>();

/** A template split at its placeholders: text, name, text, …, text (`/A/{X}.json` → `["/A/", "X", ".json"]`); the catalogue's are kept. */
function templateParts(template: string): readonly string[] {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (TEMPLATE_PARTS.size < 64) TEMPLATE_PARTS.set(template, parts);
  }
  return parts;
}

/**
 * The path of an operation with its placeholders filled.
 *
 * @example `operationPath("FetchConference", { AccountSid: "AC…", Sid: "CF…" })`
 * @throws TestkitError `UNKNOWN_OPERATION` or `USAGE`, as {@link findOperation} and {@link fillPath}
 */
export function operationPath(operationId: OperationId, params: Readonly<Record<string, string>>): string {
  return fillPath(findOperation(operationId).path, params);
}

/** An operation recognised from a request line, with its path placeholders' values. */
export interface MatchedOperation {
  readonly operation: Operation;
  /** Placeholder values, percent-decoded, e.g. `{ AccountSid: "AC…", Sid: "CF…" }` */
  readonly params: Readonly<Record<string, string>>;
}

const PATH_MATCHERS = OPERATIONS.map((operation) => {
  const names: string[] = [];
  const source = operation.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { operation, names, regex: new RegExp(`^${source}$`) };
});

/**
 * Recognises the catalogued operation a request is for, from its method and path.
 *
 * @param method - HTTP method, any case, e.g. `GET`
 * @param path - the request path without query, e.g. `/2010-04-01/Accounts/AC…/Conferences.json`
 * @returns the operation and its path parameters, or undefined when no catalogued operation has that method and path
 */
export function matchOperation(method: string, path: string): MatchedOperation | undefined {
  const upper = method.toUpperCase();
  for (const { operation, names, regex } of PATH_MATCHERS) {
    const found = operation.method === upper ? regex.exec(path) : null;
    if (!found) continue;
    try {
      return {
        operation,
        params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] as string)])),
      };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
