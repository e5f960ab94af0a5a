import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signedCallbackRequest, signTwilioRequest, validateTwilioSignature } from "../../src/index.js";
import { parsedForm, twilioAccepts, twilioSignature } from "./_oracle.js";
import { HAS_PUBLISHED, OWN, PUBLISHED, PUBLISHED_SKIPPED, type SignatureVector } from "./_vectors.js";

if (!HAS_PUBLISHED) console.log(PUBLISHED_SKIPPED);

const TOKEN = "kit-token-1";
const hmac = (token: string, data: string) => createHmac("sha1", token).update(data, "utf8").digest("base64");

function checkVector(v: SignatureVector) {
  const over = v.signedUrl ?? v.url;
  const signed = v.body === undefined ? { params: v.params ?? {} } : { body: v.body };
  expect(signTwilioRequest({ authToken: v.authToken, url: over, ...signed })).toBe(v.signature);
  if (v.signedString !== undefined) expect(hmac(v.authToken, v.signedString)).toBe(v.signature);
  const check = validateTwilioSignature({ authToken: v.authToken, signature: v.signature, url: v.url, ...signed });
  expect(check).toEqual({ ok: true, signedUrl: over });
  expect(twilioAccepts({ authToken: v.authToken, signature: v.signature, url: v.url, ...signed })).toBe(true);
}

describe.skipIf(!HAS_PUBLISHED)("the published vectors (WEBHOOKS.md §6.3, webhooks/signature.*.json)", () => {
  it("are all there", () => expect(PUBLISHED.map((v) => v.name)).toHaveLength(4));
  it.each(PUBLISHED.map((v) => [v.name, v] as const))(
    "%s: signed, and accepted by the kit and by twilio-node",
    (_, v) => checkVector(v),
  );
});

describe("the project's own vectors", () => {
  it.each(OWN.map((v) => [v.name, v] as const))("%s", (_, v) => checkVector(v));
});

describe("the URL forms a signature is accepted for (WEBHOOKS.md §6.2)", () => {
  const params = { CallSid: "CA1", CallStatus: "completed" };
  const cases: Array<[string, string, string]> = [
    ["signed without the port, received on the default port", "https://example.com/s", "https://example.com:443/s"],
    ["signed without the port, received on another port", "https://example.com/s", "https://example.com:8443/s"],
    ["signed with :443, received without a port", "https://example.com:443/s", "https://example.com/s"],
    ["signed with :80, received without a port (http)", "http://example.com:80/s", "http://example.com/s"],
    [
      "signed over ' as configured, received as configured",
      "https://example.com/s?q=it's",
      "https://example.com/s?q=it's",
    ],
    ["signed over %27 (re-encoded), received with '", "https://example.com/s?q=it%27s", "https://example.com/s?q=it's"],
    ["signed with the host's case, received lower-cased", "https://example.com/s", "https://EXAMPLE.com/s"],
  ];
  it.each(cases)("%s: accepted by both", (_, signedOver, received) => {
    const signature = signTwilioRequest({ authToken: TOKEN, url: signedOver, params });
    expect(validateTwilioSignature({ authToken: TOKEN, signature, url: received, params })).toMatchObject({ ok: true });
    expect(twilioAccepts({ authToken: TOKEN, signature, url: received, params })).toBe(true);
  });
});

describe("labelled invalid signatures: the kit and twilio-node both reject them", () => {
  const url = "https://hooks.example.org:8443/conference?tenant=7";
  const params = { ...OWN[0]!.params!, Muted: "false" } as Record<string, string>;
  const signature = signTwilioRequest({ authToken: TOKEN, url, params });
  const cases: Array<[string, { authToken?: string; url?: string; params?: Record<string, string | string[]> }]> = [
    ["tampered parameter", { params: { ...params, Muted: "true" } }],
    ["added parameter", { params: { ...params, Hold: "false" } }],
    ["added value of a repeated key", { params: { ...params, Muted: ["false", "true"] } }],
    ["dropped empty parameter", { params: Object.fromEntries(Object.entries(params).filter(([k]) => k !== "ToZip")) }],
    ["wrong URL (path)", { url: "https://hooks.example.org:8443/conference2?tenant=7" }],
    ["wrong URL (query)", { url: "https://hooks.example.org:8443/conference?tenant=8" }],
    ["wrong port", { url: "https://hooks.example.org:9443/conference?tenant=7" }],
    ["wrong scheme", { url: "http://hooks.example.org:8443/conference?tenant=7" }],
    ["wrong auth token", { authToken: "kit-token-2" }],
  ];
  it("the untouched request is accepted by both", () => {
    expect(validateTwilioSignature({ authToken: TOKEN, signature, url, params }).ok).toBe(true);
    expect(twilioAccepts({ authToken: TOKEN, signature, url, params })).toBe(true);
  });
  it.each(cases)("%s", (_, change) => {
    const received = { authToken: TOKEN, url, params, ...change };
    expect(validateTwilioSignature({ ...received, signature })).toMatchObject({ ok: false, code: "mismatch" });
    expect(twilioAccepts({ ...received, signature })).toBe(false);
  });
  it("a tampered JSON body: the URL still matches, its bodySHA256 does not", () => {
    const request = signedCallbackRequest({ authToken: TOKEN, url: "https://example.com/j", body: '{"a":1}' });
    const received = {
      authToken: TOKEN,
      url: request.url,
      signature: request.headers["x-twilio-signature"]!,
      body: '{"a":2}',
    };
    expect(validateTwilioSignature(received)).toMatchObject({ ok: false, code: "body-hash" });
    expect(twilioAccepts(received)).toBe(false);
  });
  it("a missing header", () => {
    expect(validateTwilioSignature({ authToken: TOKEN, signature: undefined, url, params })).toEqual({
      ok: false,
      code: "missing-signature",
      reason: "the request has no X-Twilio-Signature header",
    });
    expect(validateTwilioSignature({ authToken: TOKEN, signature: null, url, params })).toMatchObject({
      code: "missing-signature",
    });
    expect(validateTwilioSignature({ authToken: TOKEN, signature: "", url, params })).toMatchObject({
      code: "missing-signature",
    });
    expect(twilioAccepts({ authToken: TOKEN, signature: "", url, params })).toBe(false);
  });
  it("a failure's reason names the URL with its credentials masked, never the token or the signature", () => {
    const check = validateTwilioSignature({
      authToken: TOKEN,
      signature,
      url: "https://user:secret@example.com/s",
      params,
    });
    expect(check).toMatchObject({
      ok: false,
      reason: expect.stringContaining("https://***@example.com/s with its 7 parameters"),
    });
    const reason = (check as { reason: string }).reason;
    for (const secret of [TOKEN, "secret", signature]) expect(reason).not.toContain(secret);
  });
});

describe("signedCallbackRequest", () => {
  const params = { CallSid: "CA1", CalledCity: "São Paulo", ToZip: "", Digits: ["5678", "1234"], Note: "a b+c&d=e" };

  it("a form POST: the parameters form-encoded in order, repeated keys repeated, signed over the URL", () => {
    const request = signedCallbackRequest({ authToken: TOKEN, url: "https://example.com/status?x=1", params });
    expect(request).toEqual({
      method: "POST",
      url: "https://example.com/status?x=1",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": expect.any(String) },
      body: "CallSid=CA1&CalledCity=S%C3%A3o+Paulo&ToZip=&Digits=5678&Digits=1234&Note=a+b%2Bc%26d%3De",
    });
    expect(parsedForm(request.body!)).toEqual(params);
    const signature = request.headers["x-twilio-signature"]!;
    expect(signature).toBe(twilioSignature(TOKEN, request.url, params));
    expect(twilioAccepts({ authToken: TOKEN, signature, url: request.url, params: parsedForm(request.body!) })).toBe(
      true,
    );
  });

  it("a GET: the parameters appended after the URL's own query, signed with the URL alone", () => {
    const request = signedCallbackRequest({
      authToken: TOKEN,
      url: "https://example.com/status?x=1",
      method: "GET",
      params,
    });
    expect(request.method).toBe("GET");
    expect(request.body).toBeUndefined();
    expect(request.headers).toEqual({ "x-twilio-signature": expect.any(String) });
    expect(request.url).toBe(
      "https://example.com/status?x=1&CallSid=CA1&CalledCity=S%C3%A3o+Paulo&ToZip=&Digits=5678&Digits=1234&Note=a+b%2Bc%26d%3De",
    );
    expect(
      twilioAccepts({ authToken: TOKEN, signature: request.headers["x-twilio-signature"]!, url: request.url }),
    ).toBe(true);
    const bare = signedCallbackRequest({
      authToken: TOKEN,
      url: "https://example.com/status",
      method: "GET",
      params: { A: "1" },
    });
    expect(bare.url).toBe("https://example.com/status?A=1");
  });

  it("a JSON body: bodySHA256 in the query, application/json, accepted by validateRequestWithBody", () => {
    const body = JSON.stringify({ StreamEvent: "stream-started", note: "São Paulo" });
    const request = signedCallbackRequest({ authToken: TOKEN, url: "https://example.com/j?x=1", body });
    expect(request.url).toMatch(/^https:\/\/example\.com\/j\?x=1&bodySHA256=[0-9a-f]{64}$/);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.body).toBe(body);
    expect(
      twilioAccepts({ authToken: TOKEN, signature: request.headers["x-twilio-signature"]!, url: request.url, body }),
    ).toBe(true);
  });

  it("signs the URL as WHATWG writes it, without its fragment, so the receiver gets exactly the signed string", () => {
    const request = signedCallbackRequest({
      authToken: TOKEN,
      url: "https://Example.com:443/a b?q=it's#rc=2",
      params: {},
    });
    expect(request.url).toBe("https://example.com/a%20b?q=it%27s");
    expect(new URL(request.url).href).toBe(request.url);
    expect(request.headers["x-twilio-signature"]).toBe(hmac(TOKEN, request.url));
    const other = signedCallbackRequest({ authToken: TOKEN, url: "https://example.com:8443/s", params: {} });
    expect(other.url).toBe("https://example.com:8443/s");
  });
});
