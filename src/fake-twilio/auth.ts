import type { TwilioError } from "../generated/schemas.js";
import { unauthorized } from "./errors.js";
import type { FakeTwilioStore } from "./store.js";

/** User and password of an `Authorization: Basic …` header, or undefined when there is none or it is not Basic. */
function basicCredentials(header: string | undefined): Credentials | undefined {
  if (header !== undefined && header === last.header) return last.credentials;
  const credentials = decodeBasic(header);
  if (header !== undefined) last = { header, credentials };
  return credentials;
}

type Credentials = { readonly user: string; readonly password: string };

/** The last header decoded and what it held: a client sends the same header with every request. */
let last: { header: string | undefined; credentials: Credentials | undefined } = {
  header: undefined,
  credentials: undefined,
};

/** Decodes an `Authorization: Basic …` header. */
function decodeBasic(header: string | undefined): Credentials | undefined {
  const [, encoded] = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "") ?? [];
  if (encoded === undefined) return undefined;
  const text = Buffer.from(encoded, "base64").toString("utf8");
  const colon = text.indexOf(":");
  return colon < 0 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

/**
 * Checks HTTP Basic auth as Twilio does for the Voice API: the user must be the account SID in the
 * path and the password that account's auth token (OPERATIONS.md: security scheme
 * `accountSid_authToken` on every operation).
 *
 * @param store - holds each account's token
 * @param accountSid - the `{AccountSid}` of the request path
 * @param header - the request's `Authorization` header
 * @returns undefined when allowed; else the 401 error (code 20003), also for an account the store does not hold
 */
export function authenticate(
  store: FakeTwilioStore,
  accountSid: string,
  header: string | undefined,
): TwilioError | undefined {
  const expected = store.authTokenOf(accountSid);
  const given = basicCredentials(header);
  const allowed = expected !== undefined && given?.user === accountSid && given.password === expected;
  return allowed ? undefined : unauthorized();
}
