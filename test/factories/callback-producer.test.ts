// The one callback producer (the fake's and contracts verify's): which events become callbacks,
// Twilio's defaults, SequenceNumber counters, and every callback strict.
import { describe, expect, it } from "vitest";
import {
  CallbackProducer,
  type CallbackEventInput,
  conferenceFactory,
  participantFactory,
  streamFactory,
} from "../../src/factories/index.js";
import { CALLBACK_EVENT_FIELDS, CALLBACK_FACTORIES_BY_KIND } from "../../src/factories/callbacks/_by-kind.js";
import { CALLBACK_KINDS, validateCallback } from "../../src/validate/callbacks.js";

const conference = conferenceFactory.seed(3).traits("in-progress").build({ friendly_name: "standup" });
const participant = participantFactory.seed(3).forConference(conference).build({ label: "agent", muted: false });
const time = new Date("2030-01-01T00:00:01Z");

const callEvent = (
  callEvent: "initiated" | "ringing" | "answered" | "completed",
  callbacks: Record<string, unknown>,
  at = time,
): CallbackEventInput => ({
  type: "participant-status",
  time: at,
  accountSid: participant.account_sid,
  callSid: participant.call_sid,
  callEvent,
  callStatus: callEvent === "answered" ? "in-progress" : callEvent,
  from: null,
  to: "+15558675310",
  callbacks,
});

const conferenceEvent = (type: "conference-start" | "participant-join" | "participant-mute", callbacks: object) =>
  ({
    type,
    time,
    conference,
    participant: { ...participant, muted: type === "participant-mute" },
    callbacks,
  }) as CallbackEventInput;

describe("CallbackProducer", () => {
  it("sends a call's completed event only, by POST, when StatusCallbackEvent and the method are not given (Twilio's defaults)", () => {
    const producer = new CallbackProducer();
    const callbacks = { StatusCallback: "https://example.com/calls" };
    expect(producer.callbackFor(callEvent("initiated", callbacks))).toBeUndefined();
    expect(producer.callbackFor(callEvent("answered", callbacks, new Date("2030-01-01T00:00:02Z")))).toBeUndefined();
    const completed = producer.callbackFor(callEvent("completed", callbacks, new Date("2030-01-01T00:01:03Z")));
    expect(completed).toMatchObject({
      kind: "call-progress",
      event: "completed",
      method: "POST",
      url: "https://example.com/calls",
      params: { SequenceNumber: "0", CallDuration: "61", Duration: "2", To: "+15558675310", Called: "+15558675310" },
    });
    // From was unknown: drawn from the producer's seed, and Caller repeats it.
    const sent = completed?.params as { From?: string; Caller?: string } | undefined;
    expect(sent?.Caller).toMatch(/^\+1\d{10}$/);
    expect(sent?.Caller).toBe(sent?.From);
    expect(validateCallback("call-progress", completed?.params as never, { profile: "strict" }).ok).toBe(true);
  });

  it("counts a call's SequenceNumber from 0 over the callbacks it sends, with the method asked for", () => {
    const producer = new CallbackProducer();
    const callbacks = {
      StatusCallback: "https://example.com/calls",
      StatusCallbackMethod: "GET",
      StatusCallbackEvent: ["ringing answered"],
    };
    const sent = (["initiated", "ringing", "answered"] as const).map((e) =>
      producer.callbackFor(callEvent(e, callbacks)),
    );
    expect(
      sent.map((c) => c && [c.event, c.method, (c.params as unknown as Record<string, string>).SequenceNumber]),
    ).toEqual([undefined, ["ringing", "GET", "0"], ["answered", "GET", "1"]]);
  });

  it("sends conference events to the conference's URL, start and end by default, counting from 1 per conference", () => {
    const producer = new CallbackProducer();
    const byDefault = { ConferenceStatusCallback: "https://example.com/conference" };
    expect(producer.callbackFor(conferenceEvent("participant-join", byDefault))).toBeUndefined();
    expect(producer.callbackFor(conferenceEvent("conference-start", byDefault))?.params).toEqual({
      ConferenceSid: conference.sid,
      FriendlyName: conference.friendly_name,
      AccountSid: conference.account_sid,
      SequenceNumber: "1",
      Timestamp: "Tue, 01 Jan 2030 00:00:01 +0000",
      StatusCallbackEvent: "conference-start",
    });
    const muting = { ...byDefault, ConferenceStatusCallbackEvent: ["join", "mute"] };
    expect(producer.callbackFor(conferenceEvent("participant-mute", muting))?.params).toMatchObject({
      SequenceNumber: "2",
      CallSid: participant.call_sid,
      Muted: "true",
      ParticipantLabel: "agent",
    });
    expect(producer.callbackFor(conferenceEvent("participant-join", {}))).toBeUndefined(); // no URL
  });

  it("sends a stream's start and stop with an ISO 8601 Timestamp and its name, else its SID", () => {
    const stream = streamFactory.seed(3).build({ name: null });
    const callback = new CallbackProducer().callbackFor({
      type: "stream-started",
      time,
      stream,
      callbacks: { StatusCallback: "https://example.com/streams" },
    });
    expect(callback?.params).toEqual({
      AccountSid: stream.account_sid,
      CallSid: stream.call_sid,
      StreamSid: stream.sid,
      StreamName: stream.sid,
      StreamEvent: "stream-started",
      Timestamp: "2030-01-01T00:00:01.000Z",
    });
  });

  it("keeps a given callback's parameters as they are, for every kind, and reads its event from them (callbackOf)", () => {
    const producer = new CallbackProducer();
    const target = { url: "https://example.com/callbacks", method: "GET" } as const;
    const callEventOf: Record<string, string> = {
      initiated: "initiated",
      ringing: "ringing",
      "in-progress": "answered",
    };
    for (const kind of CALLBACK_KINDS) {
      for (let seed = 0; seed < 50; seed++) {
        const example = CALLBACK_FACTORIES_BY_KIND[kind].seed(seed).build();
        const callback = producer.callbackOf(kind, example, target);
        expect(Object.entries(callback.params)).toEqual(Object.entries(example));
        const named = example[CALLBACK_EVENT_FIELDS[kind]] as string;
        expect(callback).toMatchObject({
          kind,
          ...target,
          event: kind === "call-progress" ? (callEventOf[named] ?? "completed") : named,
        });
      }
    }
    expect(() => producer.callbackOf("stream-status", { StreamEvent: "stream-started" }, target)).toThrow(
      expect.objectContaining({ code: "INVALID_BODY" }),
    );
  });
});
