import { describe, expect, it } from "vitest";
import {
  addTwilioInteraction,
  answeredWithError,
  createParticipant,
  createStream,
  deleteParticipant,
  PROVIDER_STATES,
  updateConference,
  updateParticipant,
  updateStream,
} from "../../../src/contracts/interactions/index.js";
import { conferenceFactory, errorFactory, participantFactory, streamFactory } from "../../../src/factories/index.js";
import { consumerPact, PACT_RACE_RETRIES, twilioClient } from "../_consumer.js";

// A call orchestrator: it dials a supervisor in to coach an agent, mutes and holds participants,
// hangs them up, ends the conference, and streams a call's audio to a transcriber.
const pact = consumerPact("call-orchestrator");

const ACCOUNT = "AC7d2c8e0b1f3a4956a8b7c6d5e4f30211";
const conference = conferenceFactory.seed(31).forAccount(ACCOUNT).traits("in-progress").build();
const agent = participantFactory
  .seed(32)
  .forConference(conference)
  .traits("connected")
  .build({ label: "agent", muted: false, hold: false, coaching: false, call_sid_to_coach: null });
const supervisor = participantFactory
  .seed(33)
  .forConference(conference)
  .traits("coaching", "queued")
  .build({ call_sid_to_coach: agent.call_sid, label: "supervisor", queue_time: "1000" });

const client = (mockServer: Parameters<typeof twilioClient>[1]) =>
  twilioClient(ACCOUNT, mockServer).api.v2010.accounts(ACCOUNT);

describe("call-orchestrator → twilio-voice-api", { retry: PACT_RACE_RETRIES }, () => {
  it("CreateParticipant: dials a supervisor in to coach the agent", async () => {
    const body = {
      From: "+15017122661",
      To: "client:supervisor",
      Label: "supervisor",
      Coaching: true,
      CallSidToCoach: agent.call_sid,
      StatusCallbackEvent: ["ringing", "answered"],
    };
    const interaction = createParticipant({
      example: supervisor,
      body,
      fields: ["call_sid", "conference_sid", "label", "coaching", "call_sid_to_coach", "status"],
    });
    await addTwilioInteraction(pact(), interaction).executeTest(async (mockServer) => {
      const created = await client(mockServer).conferences(conference.sid).participants.create({
        from: body.From,
        to: body.To,
        label: body.Label,
        coaching: true,
        callSidToCoach: agent.call_sid,
        statusCallbackEvent: body.StatusCallbackEvent,
      });
      expect(created).toMatchObject({
        callSid: supervisor.call_sid,
        coaching: true,
        callSidToCoach: agent.call_sid,
        status: "queued",
      });
    });
  });

  it("CreateParticipant: a bad To number is 400 with code 21211", async () => {
    const invalid = errorFactory.traits("invalid-parameter").build();
    const interaction = answeredWithError(
      createParticipant({ example: agent, body: { From: "+15017122661", To: "not-a-number" } }),
      invalid,
      PROVIDER_STATES.conferenceExists,
      "a request to dial an invalid number",
    );
    await addTwilioInteraction(pact(), interaction).executeTest(async (mockServer) => {
      await expect(
        client(mockServer)
          .conferences(conference.sid)
          .participants.create({ from: "+15017122661", to: "not-a-number" }),
      ).rejects.toMatchObject({ status: 400, code: 21211 });
    });
  });

  it("UpdateParticipant: mutes the agent", async () => {
    const muted = { ...agent, muted: true };
    await addTwilioInteraction(
      pact(),
      updateParticipant({
        example: muted,
        body: { Muted: true },
        fields: ["call_sid", "muted"],
        description: "a request to mute a participant",
      }),
    ).executeTest(async (mockServer) => {
      const updated = await client(mockServer)
        .conferences(conference.sid)
        .participants(agent.call_sid)
        .update({ muted: true });
      expect(updated).toMatchObject({ callSid: agent.call_sid, muted: true });
    });
  });

  it("UpdateParticipant: puts the agent on hold with music", async () => {
    const held = { ...agent, hold: true };
    const body = { Hold: true, HoldUrl: "https://example.com/hold-music.xml", HoldMethod: "GET" as const };
    await addTwilioInteraction(
      pact(),
      updateParticipant({
        example: held,
        body,
        by: "label",
        fields: ["call_sid", "hold"],
        description: "a request to hold a participant, by label",
      }),
    ).executeTest(async (mockServer) => {
      const updated = await client(mockServer)
        .conferences(conference.sid)
        .participants("agent")
        .update({ hold: true, holdUrl: body.HoldUrl, holdMethod: "GET" });
      expect(updated).toMatchObject({ callSid: agent.call_sid, hold: true });
    });
  });

  it("DeleteParticipant: hangs up the supervisor", async () => {
    await addTwilioInteraction(pact(), deleteParticipant({ example: supervisor })).executeTest(async (mockServer) => {
      expect(await client(mockServer).conferences(conference.sid).participants(supervisor.call_sid).remove()).toBe(
        true,
      );
    });
  });

  it("UpdateConference: ends the conference", async () => {
    const ended = conferenceFactory
      .seed(34)
      .traits("conference-ended-via-api")
      .build({ account_sid: ACCOUNT, sid: conference.sid, date_created: conference.date_created });
    await addTwilioInteraction(
      pact(),
      updateConference({
        example: ended,
        body: { Status: "completed" },
        fields: ["sid", "status", "reason_conference_ended", "call_sid_ending_conference"],
      }),
    ).executeTest(async (mockServer) => {
      const updated = await client(mockServer).conferences(conference.sid).update({ status: "completed" });
      expect(updated).toMatchObject({
        sid: conference.sid,
        status: "completed",
        reasonConferenceEnded: "conference-ended-via-api",
        callSidEndingConference: null,
      });
    });
  });

  it("CreateStream: streams both tracks of the agent's call with custom parameters", async () => {
    const stream = streamFactory.seed(35).forCall(agent).build({ name: "transcriber", status: "in-progress" });
    const interaction = createStream({
      example: stream,
      body: { Url: "wss://transcriber.example.com/audio", Track: "both_tracks", Name: "transcriber" },
      parameters: { conference: conference.sid, role: "agent" },
    });
    await addTwilioInteraction(pact(), interaction).executeTest(async (mockServer) => {
      const created = await client(mockServer).calls(agent.call_sid).streams.create({
        url: "wss://transcriber.example.com/audio",
        track: "both_tracks",
        name: "transcriber",
        "parameter1.name": "conference",
        "parameter1.value": conference.sid,
        "parameter2.name": "role",
        "parameter2.value": "agent",
      });
      expect(created).toMatchObject({
        sid: stream.sid,
        callSid: agent.call_sid,
        name: "transcriber",
        status: "in-progress",
      });
    });
  });

  it("UpdateStream: stops the stream, by name", async () => {
    const stopped = streamFactory.seed(35).forCall(agent).traits("stopped").build({ name: "transcriber" });
    await addTwilioInteraction(
      pact(),
      updateStream({ example: stopped, body: { Status: "stopped" }, by: "name", fields: ["sid", "name", "status"] }),
    ).executeTest(async (mockServer) => {
      const updated = await client(mockServer)
        .calls(agent.call_sid)
        .streams("transcriber")
        .update({ status: "stopped" });
      expect(updated).toMatchObject({ sid: stopped.sid, status: "stopped" });
    });
  });
});
