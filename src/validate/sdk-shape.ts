import type { Conference, Participant, Stream } from "../generated/schemas.js";
import { TestkitError } from "../errors.js";
import { formatRfc2822 } from "../rfc2822.js";
import type { ValidationIssue } from "./issues.js";
import type { ResourceTypes } from "./resources.js";

/** The resource kinds the twilio SDK turns into instances: `ParticipantInstance`, `ConferenceInstance`, `StreamInstance`. */
export type SdkKind = "participant" | "conference" | "stream";

/** A snake_case wire key in the twilio SDK's camelCase: `call_sid_to_coach` → `callSidToCoach`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/**
 * A wire object in the twilio SDK's instance shape: each top-level key in camelCase, `date_created`
 * and `date_updated` as `Date`s; nested objects (a conference's `subresource_uris`) keep their
 * snake_case keys, as the SDK keeps them.
 */
export type SdkShapeOf<W> = {
  [K in keyof W & string as CamelCase<K>]: K extends "date_created" | "date_updated"
    ? Date | Exclude<W[K], string>
    : W[K];
};

/** The SDK shape of each kind, as `instance.toJSON()` gives it (strict wire types: every field present). */
export interface SdkTypes {
  participant: SdkShapeOf<Participant>;
  conference: SdkShapeOf<Conference>;
  stream: SdkShapeOf<Stream>;
}

/**
 * The wire keys each SDK instance carries, in the SDK's order. Source: twilio-node 6.x,
 * lib/rest/api/v2010/account/conference/participant.js, …/conference.js and …/call/stream.js
 * (constructor and `toJSON()`); test/validate/sdk-shape.test.ts checks this table against the installed SDK.
 */
const WIRE_KEYS: Readonly<Record<SdkKind, readonly string[]>> = {
  participant: [
    "account_sid",
    "call_sid",
    "label",
    "call_sid_to_coach",
    "coaching",
    "conference_sid",
    "date_created",
    "date_updated",
    "end_conference_on_exit",
    "muted",
    "hold",
    "start_conference_on_enter",
    "status",
    "queue_time",
    "uri",
  ],
  conference: [
    "account_sid",
    "date_created",
    "date_updated",
    "api_version",
    "friendly_name",
    "region",
    "sid",
    "status",
    "uri",
    "subresource_uris",
    "reason_conference_ended",
    "call_sid_ending_conference",
  ],
  stream: ["sid", "account_sid", "call_sid", "name", "status", "date_updated", "uri"],
};

/** The fields the SDK reads as dates (`deserialize.rfc2822DateTime`). */
const DATE_KEYS = new Set(["date_created", "date_updated"]);

const camel = (key: string): string => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const SNAKE_OF = new Map(Object.values(WIRE_KEYS).flatMap((keys) => keys.map((k): [string, string] => [camel(k), k])));
const CAMEL_OF = new Map([...SNAKE_OF].map(([c, s]): [string, string] => [s, c]));

/** An ISO 8601 instant as `JSON.stringify` writes a `Date`: `2023-12-21T17:49:18.000Z`. */
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

function assertKind(kind: string, verb: string): asserts kind is SdkKind {
  if (!Object.hasOwn(WIRE_KEYS, kind))
    throw new TestkitError(
      "USAGE",
      `Failed to ${verb}: "${kind}" has no SDK shape; kinds with one are ${Object.keys(WIRE_KEYS).join(", ")}`,
    );
}

/**
 * Whether a value is in the twilio SDK's shape rather than the wire's: an SDK instance (it has the
 * `_version` and `_solution` properties every twilio-node instance constructor sets), or a plain object
 * with an `accountSid` and no `account_sid` (an instance's `toJSON()`, or that through `JSON.stringify`).
 * Every participant, conference and stream carries an account SID, so the test cannot mistake one shape for the other.
 *
 * @param value - any value
 */
export function isSdkShape(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (Object.hasOwn(value, "_version") && Object.hasOwn(value, "_solution")) return true;
  return Object.hasOwn(value, "accountSid") && !Object.hasOwn(value, "account_sid");
}

/**
 * Converts a wire object (snake_case, as Twilio sends it and the schemas describe it) to the shape of
 * the twilio SDK's instance of that kind, as its `toJSON()` gives it: camelCase keys, `date_created` and
 * `date_updated` as `Date`s (a date that does not read as RFC 2822 stays as it is, as the SDK leaves
 * it), every other value as it is. Only the keys the SDK keeps are kept: it drops undocumented fields.
 *
 * @param kind - `participant`, `conference` or `stream`
 * @param wire - e.g. `participantFactory.build()`; never mutated
 * @returns a plain object; compare it with `instance.toJSON()`
 * @throws TestkitError `USAGE` for another kind
 * @example
 * ```ts
 * toSdkShape("participant", participantFactory.build()).callSid; // "CA…"
 * ```
 */
export function toSdkShape<K extends SdkKind>(kind: K, wire: object): SdkTypes[K] {
  assertKind(kind, "convert to the SDK shape");
  const source = wire as Record<string, unknown>;
  const shaped: Record<string, unknown> = {};
  for (const key of WIRE_KEYS[kind]) {
    if (!Object.hasOwn(source, key)) continue;
    const value = source[key];
    shaped[CAMEL_OF.get(key) ?? key] = DATE_KEYS.has(key) && typeof value === "string" ? sdkDate(value) : value;
  }
  return shaped as SdkTypes[K];
}

/** The SDK's reading of a wire date: a `Date`, or the text when it is not a valid date. */
function sdkDate(text: string): Date | string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date;
}

/**
 * Converts an SDK instance (or its `toJSON()`, or that through `JSON.stringify`) back to the wire
 * shape the schemas describe: camelCase keys the SDK uses in snake_case, `Date`s (and ISO 8601
 * instants, as `JSON.stringify` writes them) as RFC 2822 dates in UTC, as Twilio writes them. Keys the
 * SDK does not use stay as they are (so that the strict profile reports them), and the instance's own
 * `_`-prefixed internals (`_version`, `_solution`, `_context`) are left out.
 *
 * @param kind - `participant`, `conference` or `stream`
 * @param sdk - e.g. the `ParticipantInstance` of `client.conferences(sid).participants(callSid).fetch()`; never mutated
 * @throws TestkitError `USAGE` for another kind
 * @example
 * ```ts
 * fromSdkShape("participant", await client.conferences(sid).participants(callSid).fetch()).call_sid; // "CA…"
 * ```
 */
export function fromSdkShape<K extends SdkKind>(kind: K, sdk: object): ResourceTypes["strict"][K] {
  assertKind(kind, "convert from the SDK shape");
  return sdkToWire(sdk) as unknown as ResourceTypes["strict"][K];
}

/** An SDK-shaped object (see {@link isSdkShape}) in the wire shape, whatever its kind; see {@link fromSdkShape}. */
export function sdkToWire(sdk: object): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(sdk)) {
    if (key.startsWith("_")) continue;
    const wireKey = SNAKE_OF.get(key) ?? key;
    wire[wireKey] = DATE_KEYS.has(wireKey) ? wireDate(value) : value;
  }
  return wire;
}

function wireDate(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : formatRfc2822(value);
  if (typeof value === "string" && ISO_INSTANT.test(value)) return formatRfc2822(new Date(value));
  return value;
}

/**
 * Renames the wire keys in issue paths to the SDK's (`/date_created` → `/dateCreated`,
 * `/3/call_sid` → `/3/callSid`), so that an issue names the key the SDK object has.
 */
export function sdkIssuePaths(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({
    ...issue,
    path: issue.path.replace(/^((?:\/\d+)?\/)([a-z_]+)(?=\/|$)/, (all, head: string, key: string) =>
      CAMEL_OF.has(key) ? `${head}${CAMEL_OF.get(key)}` : all,
    ),
  }));
}
