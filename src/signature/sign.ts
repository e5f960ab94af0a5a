import { createHash, createHmac } from "node:crypto";
import { TestkitError } from "../errors.js";
import { paramEntries, paramString, type TwilioParams } from "./_params.js";
import { assertAbsoluteUrl, describe } from "./_url.js";

/** What {@link signTwilioRequest} signs: a form POST's or a GET's URL and parameters, or a JSON body's URL. */
export type SignInput =
  | {
      /** The account's auth token (or the API secret Twilio signs with); never printed. */
      readonly authToken: string;
      /** The exact absolute URL Twilio requests, query string included (a GET's parameters too). */
      readonly url: string;
      /** A POST's decoded form parameters; none for a GET, whose parameters are in `url`. */
      readonly params?: TwilioParams;
      readonly body?: never;
    }
  | {
      readonly authToken: string;
      /** The exact absolute URL Twilio requests, carrying `bodySHA256=<hex SHA-256 of body>`. */
      readonly url: string;
      /** The raw JSON body (its UTF-8 text, or its bytes). */
      readonly body: string | Uint8Array;
      readonly params?: never;
    };

/** Lowercase hex SHA-256 of a body, its text taken as UTF-8: the `bodySHA256` query parameter. */
export function bodySha256(body: string | Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

/** base64 HMAC-SHA1 of the UTF-8 string, keyed with the UTF-8 auth token. */
export function hmacSha1(authToken: string, data: string): string {
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** The signature of a form POST's or a GET's URL and its (checked) parameters, for a checked token and URL. */
export function signatureOf(
  authToken: string,
  url: string,
  entries: ReadonlyArray<readonly [string, readonly string[]]>,
): string {
  return hmacSha1(authToken, url + paramString(entries));
}

/** @throws TestkitError `USAGE` unless the token is a non-empty string (never printed) */
export function assertAuthToken(authToken: unknown, action: string): asserts authToken is string {
  if (typeof authToken !== "string")
    throw new TestkitError("USAGE", `Failed to ${action}: authToken must be a string, not ${describe(authToken)}`);
  if (authToken === "") throw new TestkitError("USAGE", `Failed to ${action}: authToken is empty`);
}

/** @throws TestkitError `USAGE` unless the body is a string or bytes */
export function assertBody(body: unknown, action: string): asserts body is string | Uint8Array {
  if (typeof body !== "string" && !(body instanceof Uint8Array))
    throw new TestkitError(
      "USAGE",
      `Failed to ${action}: body must be the raw JSON text or its bytes, not ${describe(body)}`,
    );
}

/**
 * The `X-Twilio-Signature` Twilio sends with a request: base64 HMAC-SHA1, keyed with the auth token,
 * of the URL followed by each parameter key and value in sorted order (repeated keys' values sorted
 * and de-duplicated, empty values kept as the key alone). For a JSON body, Twilio puts
 * `bodySHA256=<hex SHA-256 of the body>` in the URL and signs the URL alone. Algorithm and vectors:
 * WEBHOOKS.md §6.1 and §6.3 (twilio-node `getExpectedTwilioSignature`, twilio-python
 * `compute_signature`, which agree with this on every vector there and on generated cases).
 *
 * The URL is signed exactly as given: no port is added or removed, nothing is re-encoded. To get a
 * request whose URL every validator reads back the same, use {@link signedCallbackRequest}.
 *
 * @example
 * ```ts
 * signTwilioRequest({ authToken, url: "https://example.com/status", params: { CallSid: "CA…", CallStatus: "ringing" } });
 * ```
 * @returns the header value, e.g. `RSOYDt4T1cUTdK1PDd93/VVr8B8=`
 * @throws TestkitError `USAGE` for an empty token, a URL that is not absolute http(s), a parameter
 *   value that is not a string, both `params` and `body`, or a `body` whose SHA-256 the URL's
 *   `bodySHA256` does not carry
 */
export function signTwilioRequest(input: SignInput): string {
  const action = "sign X-Twilio-Signature";
  const { authToken, url, params, body } = input as {
    authToken: unknown;
    url: unknown;
    params?: TwilioParams;
    body?: unknown;
  };
  assertAuthToken(authToken, action);
  assertAbsoluteUrl(url, action);
  if (body === undefined) return signatureOf(authToken, url, paramEntries(params, action));
  if (params !== undefined)
    throw new TestkitError("USAGE", `Failed to ${action}: pass params (a form or GET) or body (JSON), not both`);
  assertBody(body, action);
  const carried = new URL(url).searchParams.get("bodySHA256");
  if (carried !== bodySha256(body))
    throw new TestkitError(
      "USAGE",
      `Failed to ${action}: ${carried === null ? "url has no bodySHA256 query parameter" : "url's bodySHA256 is not the SHA-256 of body"}; signedCallbackRequest({ body }) adds it`,
    );
  return hmacSha1(authToken, url);
}
