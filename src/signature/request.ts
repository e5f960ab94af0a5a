import { TestkitError } from "../errors.js";
import { paramEntries, type TwilioParams } from "./_params.js";
import { assertAbsoluteUrl } from "./_url.js";
import { assertAuthToken, assertBody, bodySha256, signatureOf, signTwilioRequest } from "./sign.js";

/** What {@link signedCallbackRequest} builds: a form POST or a GET with parameters, or a JSON POST. */
export type CallbackRequestInput =
  | {
      /** The account's auth token; never printed. */
      readonly authToken: string;
      /** The callback URL as configured (absolute http or https); it may have a query of its own. */
      readonly url: string;
      /** `POST` (default): the parameters form-encoded in the body; `GET`: appended to the URL's query. */
      readonly method?: "POST" | "GET";
      /** The callback's parameters; a repeated key's values as an array. */
      readonly params: TwilioParams;
      readonly body?: never;
    }
  | {
      readonly authToken: string;
      readonly url: string;
      readonly method?: "POST";
      /** A raw JSON body (text), sent as `application/json` and signed through `bodySHA256` in the URL. */
      readonly body: string;
      readonly params?: never;
    };

/**
 * A signed request as Twilio would send it, ready for the receiver's handler: pass it to fastify's
 * `app.inject(request)`, to `fetch(request.url, request)`, or to supertest
 * (`.post(new URL(request.url).pathname).set(request.headers).send(request.body)`).
 */
export interface SignedTwilioRequest {
  readonly method: "POST" | "GET";
  /** The absolute URL requested: WHATWG-serialised, without a fragment; a GET's parameters and a JSON body's `bodySHA256` in its query. */
  readonly url: string;
  /**
   * Lower-case header names: `x-twilio-signature`, and on a POST `content-type`
   * (`application/x-www-form-urlencoded`, or `application/json` for a JSON body).
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The form-encoded parameters (UTF-8, spaces as `+`, repeated keys repeated) or the JSON text; absent on a GET. */
  readonly body?: string;
}

/** A callback URL as requested: WHATWG-serialised without its fragment, and whether it has a query of its own. */
interface RequestedUrl {
  readonly base: string;
  readonly hasQuery: boolean;
}

/** Requested URLs by the URL given: a receiver's URL is signed for callback after callback (bounded). */
const requestedUrls = new Map<string, RequestedUrl>();
const MAX_REQUESTED_URLS = 1_000;

/** @throws TestkitError `USAGE` for a URL that is not absolute http(s) */
function requestedUrl(url: unknown, action: string): RequestedUrl {
  const known = typeof url === "string" ? requestedUrls.get(url) : undefined;
  if (known !== undefined) return known;
  assertAbsoluteUrl(url, action);
  const requested = new URL(url);
  requested.hash = "";
  const found = { base: requested.href, hasQuery: requested.search !== "" };
  if (requestedUrls.size >= MAX_REQUESTED_URLS) requestedUrls.clear();
  requestedUrls.set(url, found);
  return found;
}

/**
 * Builds the request Twilio sends to a callback URL, signed with `X-Twilio-Signature`
 * (WEBHOOKS.md §1 transport, §6.1 algorithm). A POST carries the parameters form-encoded, in the
 * order given; a GET appends them after the URL's own query, as Twilio does (§1); a JSON body gets
 * `bodySHA256=<hex SHA-256>` appended to the query (§6.1).
 *
 * The URL is first written as WHATWG `new URL()` writes it (host lower-cased, a default port
 * dropped, `'` in the query as `%27`…) and its fragment (a connection override such as `#rc=2`) is
 * left out, since HTTP never sends it: the signed string is then exactly the URL the receiver gets,
 * so every validator, twilio-node's and twilio-python's included, reads it back the same
 * (WEBHOOKS.md §10, "Signing in the fake"). A non-default port stays, and is signed.
 *
 * @example
 * ```ts
 * const request = signedCallbackRequest({ authToken, url: "https://example.com/status", params: { CallSid: "CA…", CallStatus: "completed" } });
 * const response = await app.inject(request); // fastify
 * ```
 * @throws TestkitError `USAGE` for an empty token, a URL that is not absolute http(s), a parameter
 *   value that is not a string, both `params` and `body`, or a JSON body with `GET`
 */
export function signedCallbackRequest(input: CallbackRequestInput): SignedTwilioRequest {
  const action = "build a signed callback request";
  const {
    authToken,
    url,
    method = "POST",
    params,
    body,
  } = input as {
    authToken: unknown;
    url: unknown;
    method?: unknown;
    params?: TwilioParams;
    body?: unknown;
  };
  assertAuthToken(authToken, action);
  const { base, hasQuery } = requestedUrl(url, action);
  if (method !== "POST" && method !== "GET")
    throw new TestkitError("USAGE", `Failed to ${action}: method must be POST or GET`);
  const join = (query: string) =>
    query === "" ? base : `${base}${hasQuery ? "&" : base.endsWith("?") ? "" : "?"}${query}`;

  if (body !== undefined) {
    if (params !== undefined) throw new TestkitError("USAGE", `Failed to ${action}: pass params or body, not both`);
    if (method !== "POST") throw new TestkitError("USAGE", `Failed to ${action}: a JSON body needs POST`);
    assertBody(body, action);
    if (typeof body !== "string") throw new TestkitError("USAGE", `Failed to ${action}: body must be the JSON text`);
    const signedUrl = join(`bodySHA256=${bodySha256(body)}`);
    return {
      method,
      url: signedUrl,
      headers: {
        "content-type": "application/json",
        "x-twilio-signature": signTwilioRequest({ authToken, url: signedUrl, body }),
      },
      body,
    };
  }
  const entries = paramEntries(params, action);
  const form = new URLSearchParams();
  for (const [key, values] of entries) for (const value of values) form.append(key, value);
  if (method === "GET") {
    // A GET's parameters are in its URL, which is signed alone
    const signedUrl = join(form.toString());
    return { method, url: signedUrl, headers: { "x-twilio-signature": signatureOf(authToken, signedUrl, []) } };
  }
  return {
    method,
    url: base,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signatureOf(authToken, base, entries),
    },
    body: form.toString(),
  };
}
