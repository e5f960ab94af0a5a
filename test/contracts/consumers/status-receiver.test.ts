// The example receiver's callback contract: a webhook receiver is a consumer of Twilio's callbacks.
// Each test hands the receiver a callback signed as Twilio signs it (signedCallbackRequest + the
// callback factories) and writes the message it relied on to contracts/status-receiver-twilio-callbacks.json.
import { afterAll, describe, expect, it } from "vitest";
import {
  addTwilioCallback,
  CALLBACK_PROVIDER_NAME,
  callbackMessage,
  type TwilioCallbackMessage,
} from "../../../src/contracts/interactions/index.js";
import { setupContract } from "../../../src/contracts/vitest.js";
import {
  callProgressFactory,
  conferenceEventFactory,
  conferenceFactory,
  participantFactory,
} from "../../../src/factories/index.js";
import { signedCallbackRequest } from "../../../src/signature/index.js";
import { CONTRACTS_DIR } from "../_consumer.js";
import { statusReceiver } from "./_status-receiver.js";

const contract = setupContract({ consumer: "status-receiver", provider: CALLBACK_PROVIDER_NAME, dir: CONTRACTS_DIR });

const AUTH_TOKEN = "receiver-test-token";
const PUBLIC_URL = "https://hooks.example.com:8443";
const { app, state } = await statusReceiver(AUTH_TOKEN, PUBLIC_URL);
afterAll(() => app.close());

const conference = conferenceFactory.seed(31).traits("in-progress").build();
const participant = participantFactory.seed(31).forConference(conference).build({ muted: false, label: "customer" });
const events = conferenceEventFactory.seed(31).forParticipant(participant);

/** Adds the message to the contract and hands its contents to the receiver, signed, at `path`. */
async function deliver(message: TwilioCallbackMessage, path: string): Promise<number> {
  let status = 0;
  await addTwilioCallback(contract.pact(), message).executeTest(async ({ contents }) => {
    const params = contents.content as Record<string, string>;
    const request = signedCallbackRequest({ authToken: AUTH_TOKEN, url: `${PUBLIC_URL}${path}`, params });
    status = (await app.inject(request)).statusCode;
  });
  return status;
}

describe("status-receiver → twilio-callbacks", () => {
  it("keeps a participant's mute state from its conference events, until it leaves", async () => {
    const pinned = ["StatusCallbackEvent", "ConferenceSid", "CallSid", "Muted", "SequenceNumber", "Timestamp"];
    const join = callbackMessage("conference-status", {
      example: events.traits("participant-join").build(),
      fields: pinned,
    });
    expect(await deliver(join, "/conference-events")).toBe(204);
    expect(state.muted.get(participant.call_sid)).toBe(false);
    const mute = callbackMessage("conference-status", {
      example: events.traits("participant-mute").build(),
      fields: pinned,
    });
    expect(await deliver(mute, "/conference-events")).toBe(204);
    expect(state.muted.get(participant.call_sid)).toBe(true);
    const leave = callbackMessage("conference-status", {
      example: events.traits("participant-leave").build(),
      fields: ["StatusCallbackEvent", "CallSid", "ReasonParticipantLeft"],
    });
    expect(await deliver(leave, "/conference-events")).toBe(204);
    expect(state.muted.has(participant.call_sid)).toBe(false);
  });

  it("keeps each call's last status from its progress callbacks", async () => {
    const completed = callbackMessage("call-progress", {
      example: callProgressFactory.seed(32).traits("completed").build({ CallSid: participant.call_sid }),
      fields: ["CallSid", "CallStatus", "CallDuration", "Timestamp", "SequenceNumber"],
    });
    expect(await deliver(completed, "/call-status")).toBe(204);
    expect(state.calls.get(participant.call_sid)).toBe("completed");
  });

  it("refuses a callback whose signature is not Twilio's", async () => {
    const params = events.traits("participant-mute").build() as unknown as Record<string, string>;
    const request = signedCallbackRequest({
      authToken: "another-token",
      url: `${PUBLIC_URL}/conference-events`,
      params,
    });
    expect((await app.inject(request)).statusCode).toBe(403);
    const forged = signedCallbackRequest({ authToken: AUTH_TOKEN, url: `${PUBLIC_URL}/conference-events`, params });
    expect(
      (await app.inject({ ...forged, body: (forged.body ?? "").replace("Muted=true", "Muted=false") })).statusCode,
    ).toBe(403);
  });
});
