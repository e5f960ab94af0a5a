// internal: the URL forms a received X-Twilio-Signature may have been computed over (WEBHOOKS.md §6.2).
import { parse, stringify } from "node:querystring";
import { printable } from "../_printable.js";
import { TestkitError } from "../errors.js";

/** `scheme://` and the authority after it (up to the first `/`, `?` or `#`), read from the raw string. */
const SCHEME_AND_AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i;

/** The raw parts of a URL, split without normalising anything (WHATWG `new URL()` would re-encode). */
interface RawUrl {
  readonly scheme: string;
  readonly userInfo: string;
  readonly host: string;
  /** `:1234`, or empty */
  readonly port: string;
  /** path, query and fragment, as given */
  readonly rest: string;
}

function splitRaw(url: string): RawUrl | undefined {
  const match = SCHEME_AND_AUTHORITY.exec(url);
  if (!match) return undefined;
  const [prefix, scheme = "", authority = ""] = match;
  const hostStart = authority.lastIndexOf("@") + 1;
  const hostAndPort = authority.slice(hostStart);
  // An IPv6 literal's colons sit inside its brackets; the port's colon comes after them.
  const colon = hostAndPort.indexOf(":", hostAndPort.lastIndexOf("]") + 1);
  return {
    scheme,
    userInfo: authority.slice(0, hostStart),
    host: colon === -1 ? hostAndPort : hostAndPort.slice(0, colon),
    port: colon === -1 ? "" : hostAndPort.slice(colon),
    rest: url.slice(prefix.length),
  };
}

/** The URL without its port, whichever port it is. */
function withoutPort(url: string): string {
  const raw = splitRaw(url);
  return raw ? raw.scheme + raw.userInfo + raw.host + raw.rest : url;
}

/** The URL with its scheme's default port (`:443` for https, else `:80`) when it names none. */
function withDefaultPort(url: string): string {
  const raw = splitRaw(url);
  if (!raw || raw.port) return url;
  const port = raw.scheme.toLowerCase() === "https://" ? ":443" : ":80";
  return raw.scheme + raw.userInfo + raw.host + port + raw.rest;
}

/** The URL with everything after its first `?` re-serialised by Node's legacy `querystring`. */
function withLegacyQuery(url: string): string {
  const start = url.indexOf("?");
  if (start === -1 || start === url.length - 1) return url;
  return `${url.slice(0, start + 1)}${stringify(parse(url.slice(start + 1)))}`;
}

/**
 * Every URL string a signature for a request to `url` is checked against, in order, without repeats,
 * each made only when the ones before it did not match: as received without and with the port, then
 * as WHATWG `new URL()` serialises it without and with the port, each also with its query re-encoded
 * by Node's legacy `querystring`. This is the set twilio-node 6.2's `validateRequest` tries: its
 * comment says Twilio's signing "back end is inconsistent" about ports and query encoding
 * (twilio-node#411, #1059, #1183; WEBHOOKS.md §6.2).
 */
export function* candidateUrls(url: string): Generator<string> {
  const seen = new Set<string>();
  const fresh = (candidate: string) => !seen.has(candidate) && seen.add(candidate);
  for (const candidate of [withoutPort(url), withDefaultPort(url)]) if (fresh(candidate)) yield candidate;
  const normalised = new URL(url).href;
  const stripped = withoutPort(normalised);
  const ported = withDefaultPort(normalised);
  for (const candidate of [stripped, ported, withLegacyQuery(stripped), withLegacyQuery(ported)])
    if (fresh(candidate)) yield candidate;
}

/**
 * Throws unless `url` is an absolute http or https URL. The message never repeats the value, which
 * may be a secret passed in the wrong place.
 *
 * @param action - what failed, e.g. `sign X-Twilio-Signature`
 * @throws TestkitError `USAGE`
 */
export function assertAbsoluteUrl(url: unknown, action: string): asserts url is string {
  if (typeof url !== "string")
    throw new TestkitError("USAGE", `Failed to ${action}: url must be a string, not ${describe(url)}`);
  if (!URL.canParse(url) || !/^https?:\/\//i.test(url)) {
    const what = url.startsWith("/") ? "a path" : url === "" ? "empty" : "not an absolute http(s) URL";
    throw new TestkitError(
      "USAGE",
      `Failed to ${action}: url is ${what}; pass the full URL Twilio requests, e.g. https://example.com/status`,
    );
  }
}

/** The URL made safe to print: credentials (`user:pass@`) replaced by `***@`, controls escaped. */
export function printableUrl(url: string): string {
  const raw = splitRaw(url);
  const safe = raw?.userInfo ? `${raw.scheme}***@${raw.host}${raw.port}${raw.rest}` : url;
  return printable(safe);
}

/** `a number`, `an object`, `undefined`: what a value is, without its content. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}
