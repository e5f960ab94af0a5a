// toBeSignedByTwilio on each accepted shape: the kit's request, fastify inject options, a fastify
// request in a handler (form and raw JSON), and what it says when it fails.
import formbody from "@fastify/formbody";
import Fastify, { type FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import "../../src/vitest/index.js";
import { signedCallbackRequest, TestkitError } from "../../src/index.js";

const TOKEN = "matcher-token";
const URL_ = "https://hooks.example.org/conference?tenant=7";
const params = { CallSid: "CA1", ConferenceStatusCallbackEvent: ["start", "join"], ToZip: "" };

/** A fastify app that keeps the requests its handler got: form bodies parsed, JSON kept as text. */
async function appKeepingRequests() {
  const seen: FastifyRequest[] = [];
  const app = Fastify();
  await app.register(formbody);
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => done(null, body));
  app.all("/*", async (request, reply) => {
    seen.push(request);
    return reply.code(204).send();
  });
  return { app, seen };
}

describe("toBeSignedByTwilio", () => {
  it("passes the kit's signed requests (form, GET, JSON) and fails them under another token", () => {
    for (const request of [
      signedCallbackRequest({ authToken: TOKEN, url: URL_, params }),
      signedCallbackRequest({ authToken: TOKEN, url: URL_, method: "GET", params }),
      signedCallbackRequest({ authToken: TOKEN, url: URL_, body: '{"a":1}' }),
    ]) {
      expect(request).toBeSignedByTwilio(TOKEN);
      expect(request).toBeSignedByTwilio(TOKEN, request.url);
      expect(request).not.toBeSignedByTwilio("other-token");
    }
  });

  it("reads fastify inject options (payload, headers in any case) and a fastify request in its handler", async () => {
    const signed = signedCallbackRequest({ authToken: TOKEN, url: URL_, params });
    const inject = {
      method: "POST",
      url: signed.url,
      headers: { "X-Twilio-Signature": signed.headers["x-twilio-signature"] },
      payload: signed.body,
    };
    expect(inject).toBeSignedByTwilio(TOKEN);

    const { app, seen } = await appKeepingRequests();
    const json = signedCallbackRequest({ authToken: TOKEN, url: URL_, body: '{"StreamEvent":"stream-started"}' });
    for (const request of [signed, json]) expect((await app.inject(request)).statusCode).toBe(204);
    await app.close();
    // inject sends http with the Host of the URL: the URL Twilio requested is passed, as behind a proxy.
    expect(seen[0]).not.toBeSignedByTwilio(TOKEN);
    expect(seen[0]).toBeSignedByTwilio(TOKEN, signed.url);
    expect(seen[1]).toBeSignedByTwilio(TOKEN, json.url);
    expect(seen[1]).not.toBeSignedByTwilio(TOKEN, signed.url);
  });

  it("says why it fails, without the token", () => {
    const signed = signedCallbackRequest({ authToken: TOKEN, url: URL_, params });
    const failure = (value: unknown, url?: string) => {
      try {
        expect(value).toBeSignedByTwilio(TOKEN, url);
      } catch (error) {
        expect((error as Error).message).not.toContain(TOKEN);
        return (error as Error).message;
      }
      throw new Error("expected a failure");
    };
    expect(failure({ ...signed, headers: {} })).toBe(
      "expected the request to be signed by Twilio, but the request has no X-Twilio-Signature header",
    );
    expect(failure({ ...signed, body: "CallSid=CA2" })).toMatch(
      /^expected the request to be signed by Twilio, but X-Twilio-Signature does not match https:\/\/hooks\.example\.org\/conference\?tenant=7 with its 1 parameter under this auth token/,
    );
    expect(failure(42)).toBe("expected a request signed by Twilio, but it is a number, not a request");
    expect(failure({ headers: signed.headers, url: "/conference", body: signed.body })).toBe(
      "expected a request signed by Twilio, but its url is the path /conference, with no Host header to complete it",
    );
    expect(failure({ ...signed, body: { CallSid: 1 } })).toMatch(/params\["CallSid"\] holds a number/);
    expect(failure({ ...signed, url: `${URL_}&bodySHA256=00`, body: { a: 1 } })).toMatch(/keep the raw JSON text/);
    expect(() => expect(signed).not.toBeSignedByTwilio(TOKEN)).toThrow(
      "expected the request not to be signed by Twilio, but its X-Twilio-Signature matches https://hooks.example.org/conference?tenant=7",
    );
  });

  it("throws a TestkitError for an empty token or a relative URL", () => {
    const signed = signedCallbackRequest({ authToken: TOKEN, url: URL_, params });
    expect(() => expect(signed).toBeSignedByTwilio("")).toThrow(TestkitError);
    expect(() => expect(signed).toBeSignedByTwilio(TOKEN, "/conference")).toThrow(
      "Failed to check X-Twilio-Signature: url is a path; pass the full URL Twilio requests, e.g. https://example.com/status",
    );
  });
});
