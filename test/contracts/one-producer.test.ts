// One callback producer (issue 10): what the fake Twilio sends for a happening and what `contracts verify`
// produces for a callback contract written from it are the same callback, parameter for parameter, in
// the same order, signed the same way.
import { describe, expect, it } from "vitest";
import { produceCallback } from "../../src/contracts/_callback-producer.js";
import { callbackMessage } from "../../src/contracts/interactions/index.js";
import { CallbackProducer } from "../../src/factories/index.js";
import { paramPairsOf as decoded } from "../fake-twilio/_receiver.js";
import { useCallbackRig } from "../fake-twilio/_callback-rig.js";

const rig = useCallbackRig();

describe("the fake Twilio and contracts verify", () => {
  it("produce the same callback for the same happening: call progress, conference events (GET too), a stream and recordings", async () => {
    const { fake, client, receiver } = await rig({
      seed: 1,
      clock: { mode: "manual", start: new Date("2030-01-01T00:00:00Z") },
    });
    const rx = receiver.url;
    const agent = await client.conferences("standup").participants.create({
      from: "+15017122661",
      to: "+15558675310",
      label: "agent",
      statusCallback: `${rx}/calls`,
      statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
      conferenceStatusCallback: `${rx}/conference`,
      conferenceStatusCallbackMethod: "GET",
      conferenceStatusCallbackEvent: ["start", "end", "join", "leave", "mute"],
      record: true,
      recordingStatusCallback: `${rx}/recordings`,
      recordingStatusCallbackEvent: ["in-progress", "completed"],
      conferenceRecord: "record-from-start",
      conferenceRecordingStatusCallback: `${rx}/conference-recordings`,
    });
    fake.clock.advance(1_000);
    const participant = client.conferences(agent.conferenceSid).participants(agent.callSid);
    await participant.update({ muted: true });
    const stream = await client
      .calls(agent.callSid)
      .streams.create({ url: "wss://example.com/audio", statusCallback: `${rx}/streams` });
    fake.clock.advance(1_000);
    await client.calls(agent.callSid).streams(stream.sid).update({ status: "stopped" });
    fake.clock.advance(61_000);
    await participant.remove();
    fake.clock.advance(1_000);
    await fake.callbacks.settled();

    const deliveries = fake.callbacks.list();
    const received = receiver.received;
    expect(new Set(deliveries.map((d) => d.kind))).toEqual(
      new Set(["call-progress", "conference-status", "stream-status", "recording-status"]),
    );
    expect(deliveries.map((d) => d.event)).toEqual(
      expect.arrayContaining(["initiated", "answered", "completed", "participant-mute", "conference-end"]),
    );
    expect(received).toHaveLength(deliveries.length);
    const verifier = new CallbackProducer();
    for (const [i, delivery] of deliveries.entries()) {
      const request = received[i];
      if (!request) throw new Error(`Failed to find request ${i}`);
      const sent = decoded(request.method, request.path, request.body);
      // contracts verify, on a contract whose example is what the fake sent
      const message = callbackMessage(delivery.kind, { example: delivery.params, method: delivery.method });
      const produced = produceCallback([{ name: message.state.name, params: message.state.params }]);
      expect(Object.entries(produced.contents), `${delivery.event}`).toEqual(sent);
      expect(produced.metadata).toEqual({
        kind: delivery.kind,
        method: request.method,
        ...(request.method === "POST" ? { wireContentType: request.headers["content-type"] } : {}),
      });
      // and the request itself, signed for the receiver's URL with the account's token: byte for byte
      const configured = `${rx}${request.path.replace(/\?.*$/, "")}`;
      const callback = verifier.callbackOf(delivery.kind, delivery.params, {
        url: configured,
        method: delivery.method,
      });
      expect(callback.event).toBe(delivery.event);
      const signed = verifier.requestFor(callback, fake.authToken);
      expect(signed.url).toBe(`${rx}${request.path}`);
      expect(signed.body ?? "").toBe(request.body);
      expect(signed.headers["x-twilio-signature"]).toBe(request.headers["x-twilio-signature"]);
      expect(signed.headers["user-agent"]).toBe(request.headers["user-agent"]);
    }
  });

  it("verify produces only the example's parameters, in its order: nothing drawn beside them", () => {
    const example = {
      AccountSid: `AC${"1".repeat(32)}`,
      CallSid: `CA${"2".repeat(32)}`,
      CallStatus: "ringing",
      Timestamp: "Tue, 10 Dec 2019 12:48:12 +0000",
      SequenceNumber: "1",
      From: "+15017122661",
      To: "+15558675310",
      Caller: "+15017122661",
      Called: "+15558675310",
      ApiVersion: "2010-04-01",
      Direction: "outbound-api",
      CallbackSource: "call-progress-events",
    };
    const message = callbackMessage("call-progress", { example });
    const produced = produceCallback([{ name: message.state.name, params: message.state.params }]);
    expect(Object.entries(produced.contents)).toEqual(Object.entries(example));
    const callback = new CallbackProducer().callbackOf("call-progress", example, {
      url: "https://example.com/calls",
      method: "POST",
    });
    expect(callback).toMatchObject({ kind: "call-progress", event: "ringing", method: "POST" });
    const { Caller: _, ...withoutCaller } = example;
    expect(() =>
      new CallbackProducer().callbackOf("call-progress", withoutCaller, {
        url: "https://example.com/calls",
        method: "POST",
      }),
    ).toThrow(/Failed to produce a call-progress callback: .*Caller/);
  });
});
