// Bad input to signTwilioRequest, validateTwilioSignature and signedCallbackRequest: each row throws
// TestkitError USAGE with one line "Failed to <verb> X-Twilio-Signature…: <reason>", and no message
// ever holds the auth token, even when it is passed where the URL belongs.
import { describe, expect, it } from "vitest";
import { signedCallbackRequest, signTwilioRequest, TestkitError, validateTwilioSignature } from "../../src/index.js";

const TOKEN = "s3cret-auth-token";
const URL_ = "https://example.com/status";
type Call = () => unknown;
const sign =
  (input: object): Call =>
  () =>
    signTwilioRequest(input as never);
const check =
  (input: object): Call =>
  () =>
    validateTwilioSignature({ signature: "x", ...input } as never);
const build =
  (input: object): Call =>
  () =>
    signedCallbackRequest(input as never);

const ROWS: ReadonlyArray<readonly [string, Call, string]> = [
  ["an empty token", sign({ authToken: "", url: URL_ }), "Failed to sign X-Twilio-Signature: authToken is empty"],
  ["no token", check({ url: URL_ }), "Failed to check X-Twilio-Signature: authToken must be a string, not undefined"],
  [
    "a relative URL",
    sign({ authToken: TOKEN, url: "/status" }),
    "Failed to sign X-Twilio-Signature: url is a path; pass the full URL Twilio requests, e.g. https://example.com/status",
  ],
  [
    "the token passed as the URL",
    build({ authToken: TOKEN, url: TOKEN, params: {} }),
    "Failed to build a signed callback request: url is not an absolute http(s) URL; pass the full URL Twilio requests, e.g. https://example.com/status",
  ],
  ["an empty URL", check({ authToken: TOKEN, url: "" }), "Failed to check X-Twilio-Signature: url is empty;"],
  [
    "a URL that is not http(s)",
    sign({ authToken: TOKEN, url: "ftp://example.com/x" }),
    "url is not an absolute http(s) URL",
  ],
  ["a URL that is a number", sign({ authToken: TOKEN, url: 42 }), "url must be a string, not a number"],
  [
    "a parameter that is not a string",
    sign({ authToken: TOKEN, url: URL_, params: { Muted: true } }),
    'Failed to sign X-Twilio-Signature: params["Muted"] holds a boolean; every value is a string on the wire',
  ],
  [
    "params that are an array",
    check({ authToken: TOKEN, url: URL_, params: ["a"] }),
    "params must be an object or URLSearchParams, not an array",
  ],
  [
    "both params and body",
    check({ authToken: TOKEN, url: URL_, params: {}, body: "{}" }),
    "pass params (a form or GET) or body (JSON), not both",
  ],
  [
    "a body that is an object",
    check({ authToken: TOKEN, url: URL_, body: { a: 1 } }),
    "body must be the raw JSON text or its bytes, not an object",
  ],
  [
    "a signature that is not a string",
    check({ authToken: TOKEN, url: URL_, signature: ["a"] }),
    "signature must be a string, not an array",
  ],
  [
    "a JSON body whose URL has no bodySHA256",
    sign({ authToken: TOKEN, url: URL_, body: "{}" }),
    "Failed to sign X-Twilio-Signature: url has no bodySHA256 query parameter; signedCallbackRequest({ body }) adds it",
  ],
  [
    "a JSON body whose URL carries another hash",
    sign({ authToken: TOKEN, url: `${URL_}?bodySHA256=00`, body: "{}" }),
    "url's bodySHA256 is not the SHA-256 of body",
  ],
  [
    "a GET with a JSON body",
    build({ authToken: TOKEN, url: URL_, method: "GET", body: "{}" }),
    "a JSON body needs POST",
  ],
  [
    "a method Twilio does not use",
    build({ authToken: TOKEN, url: URL_, method: "PUT", params: {} }),
    "method must be POST or GET",
  ],
];

describe("bad input to the X-Twilio-Signature functions", () => {
  it.each(ROWS)("%s", (_, call, message) => {
    let error: unknown;
    try {
      call();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TestkitError);
    expect((error as TestkitError).code).toBe("USAGE");
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toMatch(/^Failed to [^\n]+$/);
    expect((error as Error).message).not.toContain(TOKEN);
  });
});
