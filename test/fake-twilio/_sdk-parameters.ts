// Every form and query key the installed twilio SDK can send for the catalogued operations, read from its source.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { OperationId } from "../../src/catalogue/operations.js";

const require = createRequire(import.meta.url);
const sdkFile = (name: string): string =>
  readFileSync(require.resolve(`twilio/lib/rest/api/v2010/account/${name}.js`), "utf8");

/** The keys `data["…"] = …` sets between `start` and the next `end` in an SDK file. */
function keysIn(source: string, start: string, end: string): string[] {
  const from = source.indexOf(start);
  if (from < 0) throw new Error(`Failed to read the twilio SDK: no ${JSON.stringify(start)}`);
  const body = source.slice(from, source.indexOf(end, from + start.length));
  return [...new Set([...body.matchAll(/data\["([^"]+)"\]\s*=/g)].map((m) => m[1] as string))];
}

/** Where each operation's parameters are set in the SDK, and whether they travel in the query or a form body. */
const SOURCES: readonly [OperationId, string, "query" | "body", string, string][] = [
  [
    "CreateParticipant",
    "conference/participant",
    "body",
    "instance.create = function create(",
    "instance.createWithHttpInfo",
  ],
  ["UpdateParticipant", "conference/participant", "body", "update(params, callback) {", "updateWithHttpInfo"],
  ["ListParticipant", "conference/participant", "query", "instance.page = function page(", "instance.getPage"],
  ["UpdateConference", "conference", "body", "update(params, callback) {", "updateWithHttpInfo"],
  ["ListConference", "conference", "query", "instance.page = function page(", "instance.getPage"],
  ["CreateStream", "call/stream", "body", "instance.create = function create(", "instance.createWithHttpInfo"],
  ["UpdateStream", "call/stream", "body", "update(params, callback) {", "updateWithHttpInfo"],
];

/** Each operation that takes parameters, where they go, and every key the SDK may send for it. */
export function sdkParameters(): { operationId: OperationId; location: "query" | "body"; keys: string[] }[] {
  return SOURCES.map(([operationId, file, location, start, end]) => ({
    operationId,
    location,
    keys: keysIn(sdkFile(file), start, end),
  }));
}
