import { describe, expect, it } from "vitest";
import { TestkitError } from "../../src/errors.js";
import {
  CALLBACK_INVALID_RULES,
  type CallbackInvalidRule,
  type CallbackInvalidRuleName,
  callbackInvalidRulesFor,
  callbackTimeline,
  callProgressFactory,
  conferenceEventFactory,
  conferenceFactory,
  participantFactory,
  recordingStatusFactory,
  streamFactory,
  streamStatusFactory,
} from "../../src/factories/index.js";
import { CALLBACK_KINDS, type CallbackKind, validateCallback } from "../../src/validate/callbacks.js";
import { CALLBACK_RULES } from "../../src/validate/rules/callbacks.js";

const FACTORIES = {
  "conference-status": conferenceEventFactory,
  "call-progress": callProgressFactory,
  "recording-status": recordingStatusFactory,
  "stream-status": streamStatusFactory,
} as const;

const issuesOf = (kind: CallbackKind, data: unknown, profile: "strict" | "tolerant") => {
  const result = validateCallback(kind, data as never, { profile });
  return result.ok ? [] : result.issues.map(({ path, rule }) => ({ path, rule }));
};

const CASES = CALLBACK_KINDS.flatMap((kind) => callbackInvalidRulesFor(kind).map((rule) => [kind, rule] as const));

describe("callback factory.invalid(rule): each fixture breaks exactly its rule", () => {
  it.each(CASES)("%s %s", (kind, rule) => {
    const spec: CallbackInvalidRule = CALLBACK_INVALID_RULES[rule];
    const expected = spec.cases[kind]!.issue;
    const factory = FACTORIES[kind].seed(7);
    for (let i = 0; i < 25; i++) {
      const broken = factory.invalid(rule);
      expect(issuesOf(kind, broken, "strict")).toEqual([expected]);
      expect(issuesOf(kind, broken, "tolerant")).toEqual(spec.profiles.includes("tolerant") ? [expected] : []);
    }
  });

  it("is reproducible under a seed", () => {
    expect(conferenceEventFactory.seed(3).invalid("event-matches-state")).toEqual(
      conferenceEventFactory.seed(3).invalid("event-matches-state"),
    );
  });

  it("covers every cross-field rule of the callback schemas, under the validator's name", () => {
    for (const name of Object.keys(CALLBACK_RULES)) expect(Object.keys(CALLBACK_INVALID_RULES)).toContain(name);
  });

  it("throws USAGE for a rule that does not apply to the kind, listing those that do", () => {
    let error: unknown;
    try {
      streamStatusFactory.invalid("terminal-fields");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TestkitError);
    expect(error).toMatchObject({
      code: "USAGE",
      message: `Failed to break stream-status callback with rule "terminal-fields": rules for stream-status are ${callbackInvalidRulesFor("stream-status").join(", ")}`,
    });
    expect(() => callProgressFactory.invalid("toString" as CallbackInvalidRuleName)).toThrow(/rules for call-progress/);
  });
});

describe("callback factories for the resources a test builds", () => {
  const conference = conferenceFactory.seed(1).build();
  const participant = participantFactory
    .seed(1)
    .forConference(conference)
    .build({ label: "customer", muted: false, hold: true, coaching: false });

  it("forParticipant carries the participant's SIDs, label and state; a mute event sets Muted", () => {
    const events = conferenceEventFactory.seed(2).forParticipant(participant);
    const join = events.traits("participant-join").build();
    expect(join).toMatchObject({
      AccountSid: participant.account_sid,
      ConferenceSid: participant.conference_sid,
      CallSid: participant.call_sid,
      ParticipantLabel: "customer",
      Muted: "false",
      Hold: "true",
      Coaching: "false",
    });
    expect(events.traits("participant-mute").build()).toMatchObject({ Muted: "true", Hold: "true" });
    expect(events.traits("participant-unhold").build()).toMatchObject({ Hold: "false" });
    const start = events.traits("conference-start").build();
    expect(start).not.toHaveProperty("CallSid");
    expect(start).not.toHaveProperty("ParticipantLabel");
  });

  it("an override that contradicts the event throws INVALID_OVERRIDE naming the rule", () => {
    expect(() => conferenceEventFactory.seed(1).traits("participant-mute").build({ Muted: "false" })).toThrow(
      expect.objectContaining({ code: "INVALID_OVERRIDE", message: expect.stringContaining("[event-matches-state]") }),
    );
  });

  it("call progress: the answered event sends in-progress; completed has both durations", () => {
    const calls = callProgressFactory.seed(4).forParticipant(participant);
    expect(calls.traits("answered").build()).toMatchObject({
      CallSid: participant.call_sid,
      CallStatus: "in-progress",
    });
    const done = calls.traits("completed").build();
    expect(Number(done.Duration)).toBe(Math.ceil(Number(done.CallDuration) / 60));
    expect(calls.traits("ringing").build()).not.toHaveProperty("CallDuration");
  });

  it("recordings of a participant's call or of a conference; streams follow their stream", () => {
    expect(recordingStatusFactory.seed(1).forParticipant(participant).build()).toMatchObject({
      CallSid: participant.call_sid,
      RecordingSource: "OutboundAPI",
    });
    const conferenceRecording = recordingStatusFactory.seed(1).forConference(conference).traits("completed").build();
    expect(conferenceRecording).toMatchObject({ ConferenceSid: conference.sid, RecordingChannels: "1" });
    expect(conferenceRecording).not.toHaveProperty("CallSid");
    const stream = streamFactory.seed(1).traits("stopped").build({ name: null });
    expect(streamStatusFactory.seed(1).forStream(stream).build()).toMatchObject({
      StreamSid: stream.sid,
      CallSid: stream.call_sid,
      StreamName: stream.sid,
      StreamEvent: "stream-stopped",
    });
  });
});

describe("callbackTimeline", () => {
  const conference = conferenceFactory
    .seed(5)
    .traits("completed", "last-participant-left")
    .build({ friendly_name: "standup" });
  const [first, second] = participantFactory.seed(5).forConference(conference).buildList(2);
  const participants = [
    { ...first!, muted: false, hold: false, label: "agent" },
    { ...second!, muted: true, hold: false, label: null, call_sid: conference.call_sid_ending_conference! },
  ];
  const timeline = callbackTimeline({ conference, participants, seed: 9 });
  const what = timeline.map(({ kind, params }) =>
    kind === "conference-status"
      ? `${params.StatusCallbackEvent} ${params.CallSid ?? ""}`.trim()
      : `${params.CallStatus} ${params.CallSid}`,
  );

  it("plays dial-in, ring, answer, join, start, mute, leave and end in order", () => {
    const [a, b] = participants.map((p) => p.call_sid);
    expect(what).toEqual([
      `initiated ${a}`,
      `ringing ${a}`,
      `in-progress ${a}`,
      `participant-join ${a}`,
      `initiated ${b}`,
      `ringing ${b}`,
      `in-progress ${b}`,
      `participant-join ${b}`,
      "conference-start",
      `participant-mute ${b}`,
      `participant-leave ${a}`,
      `completed ${a}`,
      `participant-leave ${b}`,
      `completed ${b}`,
      "conference-end",
    ]);
  });

  it("agrees with the resources: SIDs, name, label, state and how the conference ended", () => {
    for (const { params } of timeline) expect(params.AccountSid).toBe(conference.account_sid);
    const events = timeline.flatMap((c) => (c.kind === "conference-status" ? [c.params] : []));
    for (const e of events) expect(e).toMatchObject({ ConferenceSid: conference.sid, FriendlyName: "standup" });
    expect(events[0]).toMatchObject({ ParticipantLabel: "agent", Muted: "false" });
    expect(events[1]).not.toHaveProperty("ParticipantLabel");
    expect(events.at(-1)).toMatchObject({
      ReasonConferenceEnded: "last-participant-left",
      CallSidEndingConference: conference.call_sid_ending_conference,
    });
    expect(events.at(-2)).toMatchObject({ Muted: "true", ParticipantCallStatus: "completed" });
  });

  it("numbers conference events from 1 and each call's progress from 0; time only moves on", () => {
    const conferenceNumbers = timeline.flatMap((c) =>
      c.kind === "conference-status" ? [c.params.SequenceNumber] : [],
    );
    expect(conferenceNumbers).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    const callNumbers = timeline.flatMap((c) =>
      c.kind === "call-progress" && c.params.CallSid === participants[0]!.call_sid ? [c.params.SequenceNumber] : [],
    );
    expect(callNumbers).toEqual(["0", "1", "2", "3"]);
    for (let i = 1; i < timeline.length; i++) expect(timeline[i]!.at).toBeGreaterThan(timeline[i - 1]!.at);
  });

  it("is reproducible under a seed; an in-progress conference does not end", () => {
    expect(callbackTimeline({ conference, participants, seed: 9 })).toEqual(timeline);
    const live = callbackTimeline({ conference: { ...conference, status: "in-progress" }, participants, seed: 9 });
    expect(live.map((c) => c.kind === "conference-status" && c.params.StatusCallbackEvent)).not.toContain(
      "participant-leave",
    );
  });

  it("refuses a participant of another conference in one line", () => {
    const stranger = participantFactory.seed(8).build();
    expect(() => callbackTimeline({ conference, participants: [stranger] })).toThrow(
      expect.objectContaining({
        code: "INVALID_OVERRIDE",
        message: expect.stringMatching(/^Failed to build callback timeline: participant CA\w+ belongs to conference/),
      }),
    );
  });
});
