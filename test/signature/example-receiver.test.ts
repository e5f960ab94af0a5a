// The example receiver (node:http) tested with the kit's signed callbacks, over real HTTP on 127.0.0.1.
import { afterAll, describe, expect, it } from "vitest";
import "../../src/vitest/index.js";
import { signedCallbackRequest, type SignedTwilioRequest } from "../../src/index.js";
import { startReceiver } from "./_example-receiver.js";

const TOKEN = "receiver-token";
const receiver = await startReceiver(TOKEN);
afterAll(() => receiver.close());

const send = (request: SignedTwilioRequest) => fetch(request.url, request);
const params = {
  StatusCallbackEvent: "participant-join",
  ConferenceSid: "CFbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
  CalledCity: "São Paulo",
  ToZip: "",
  ConferenceStatusCallbackEvent: ["start", "join"],
};

describe("an example receiver, checking signatures with the kit", () => {
  it.each([
    ["a form POST", signedCallbackRequest({ authToken: TOKEN, url: `${receiver.url}/conference?tenant=7`, params })],
    ["a GET", signedCallbackRequest({ authToken: TOKEN, url: `${receiver.url}/conference`, method: "GET", params })],
    [
      "a JSON body",
      signedCallbackRequest({
        authToken: TOKEN,
        url: `${receiver.url}/stream`,
        body: '{"StreamEvent":"stream-started"}',
      }),
    ],
  ])("accepts %s signed by the kit", async (_, request) => {
    const response = await send(request);
    expect(response.status).toBe(204);
    expect(receiver.received.at(-1)).toBeSignedByTwilio(TOKEN); // the IncomingMessage, its URL from Host and socket
  });

  it("refuses a tampered parameter, a request signed with another token, and one without the header", async () => {
    const request = signedCallbackRequest({ authToken: TOKEN, url: `${receiver.url}/conference`, params });
    const tampered = { ...request, body: (request.body ?? "").replace("participant-join", "participant-leave") };
    const otherToken = signedCallbackRequest({ authToken: "other-token", url: `${receiver.url}/conference`, params });
    const unsigned = { ...request, headers: { "content-type": "application/x-www-form-urlencoded" } };
    for (const bad of [tampered, otherToken, unsigned]) {
      const response = await send(bad);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain(TOKEN);
      expect(receiver.received.at(-1)).not.toBeSignedByTwilio(TOKEN);
    }
  });
});
