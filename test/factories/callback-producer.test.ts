// The one callback producer (the fake's and contracts verify's): which events become callbacks,
// Twilio's defaults, SequenceNumber counters, and every callback strict.
import { describe, expect, it } from "vitest";
import {
  CallbackProducer,
  type CallbackEventInput,
  conferenceFactory,
  participantFactory,
  type RecordingInput,
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

  it("names a recorded call's recording on its completed callback (TW-CALL), as the recording's own callbacks do; no other ending carries it", () => {
    const producer = new CallbackProducer();
    const callbacks = { StatusCallback: "https://example.com/calls", StatusCallbackEvent: ["answered", "completed"] };
    const at = (seconds: number) => new Date(Date.parse("2030-01-01T00:00:00Z") + seconds * 1000);
    const recording: RecordingInput = {
      sid: `RE${"0123456789abcdef".repeat(2)}`,
      source: "OutboundAPI",
      callSid: participant.call_sid,
      conferenceSid: participant.conference_sid,
      channels: 1,
      track: "both",
      startTime: at(2),
      durationSeconds: null,
    };
    const recordingEvent = (
      status: "in-progress" | "completed",
      r: RecordingInput,
      when: Date,
    ): CallbackEventInput => ({
      type: "recording-status",
      time: when,
      accountSid: participant.account_sid,
      status,
      recording: r,
      callbacks: { RecordingStatusCallback: "https://example.com/recordings" },
    });
    const fieldsOf = (event: CallbackEventInput) => {
      const params = producer.callbackFor(event)?.params as Record<string, string> | undefined;
      const strict = validateCallback("call-progress", params ?? {}, { profile: "strict" });
      expect(strict.ok ? "strict" : strict.issues).toBe("strict");
      const { RecordingUrl, RecordingSid, RecordingDuration, CallDuration } = params ?? {};
      return { RecordingUrl, RecordingSid, RecordingDuration, CallDuration };
    };
    const none = { RecordingUrl: undefined, RecordingSid: undefined, RecordingDuration: undefined };

    expect(fieldsOf(callEvent("answered", callbacks, at(2)))).toEqual({ ...none, CallDuration: undefined });
    expect(producer.callbackFor(recordingEvent("in-progress", recording, at(2)))).toBeUndefined(); // completed only
    // Ended 40.6 s after its answer: 41 whole seconds, the call's and the recording's.
    expect(fieldsOf(callEvent("completed", callbacks, at(42.6)))).toEqual({
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${participant.account_sid}/Recordings/${recording.sid}`,
      RecordingSid: recording.sid,
      RecordingDuration: "41",
      CallDuration: "41",
    });
    const done = producer.callbackFor(recordingEvent("completed", { ...recording, durationSeconds: 41 }, at(42.6)));
    expect(done?.params).toMatchObject({
      RecordingSid: recording.sid,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${participant.account_sid}/Recordings/${recording.sid}`,
      RecordingDuration: "41",
    });

    // A recording that ended first gives its own duration; a call that ends otherwise than completed names none.
    const again = callEvent("answered", callbacks, at(100));
    producer.callbackFor(again);
    producer.callbackFor(
      recordingEvent("completed", { ...recording, startTime: at(100), durationSeconds: 9 }, at(109)),
    );
    expect(fieldsOf(callEvent("completed", callbacks, at(110))).RecordingDuration).toBe("9");
    for (const callStatus of ["busy", "failed", "no-answer", "canceled"] as const) {
      producer.callbackFor(callEvent("answered", callbacks, at(200)));
      producer.callbackFor(recordingEvent("in-progress", { ...recording, startTime: at(200) }, at(200)));
      const ended = { ...callEvent("completed", callbacks, at(230)), callStatus } as CallbackEventInput;
      expect(fieldsOf(ended)).toEqual({ ...none, CallDuration: "30" });
    }
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
