// Recording status callbacks: the SDK creates participants with Record=true and a conference with
// ConferenceRecord=record-from-start on a manual clock; a local receiver gets exactly the recording
// callbacks Twilio would send, each signed (twilio's validateRequest) and passing the strict schema.
import twilio from "twilio";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeTwilio, type FakeTwilio } from "../../src/fake-twilio/index.js";
import { parseRfc2822 } from "../../src/rfc2822.js";
import { validateCallback } from "../../src/validate/callbacks.js";
import { paramsOf, type Receiver, startReceiver, twilioAccepts } from "./_receiver.js";

let fake: FakeTwilio | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await fake?.close();
  await receiver?.close();
  fake = receiver = undefined;
});

const START = Date.parse("2030-01-01T00:00:00Z");

describe("recording status callbacks on a manual clock", () => {
  it("a participant's call is recorded from its answer to its end, a conference from its start to its end", async () => {
    receiver = await startReceiver();
    const rx = receiver.url;
    fake = await startFakeTwilio({ seed: 3, clock: { mode: "manual", start: new Date(START) } });
    const client = twilio(fake.accountSid, fake.authToken);
    client.api.baseUrl = fake.url;
    const dialIn = client.conferences("recorded").participants; // a friendly name: a new `init` conference
    const step = (ms: number) => fake?.clock.advance(ms);

    // t = 0: the agent's call is recorded (both statuses subscribed, two channels, inbound track); its
    // ConferenceRecord sets the conference's recording (GET, Twilio's default events: completed only).
    const agent = await dialIn.create({
      from: "+15017122661",
      to: "+15558675310",
      label: "agent",
      record: true,
      recordingChannels: "dual",
      recordingTrack: "inbound",
      recordingStatusCallback: `${rx}/recordings`,
      recordingStatusCallbackEvent: ["in-progress", "completed"],
      conferenceRecord: "record-from-start",
      conferenceRecordingStatusCallback: `${rx}/conference-recordings`,
      conferenceRecordingStatusCallbackMethod: "GET",
    });
    step(1_000); // answered at 700 ms: its recording and the conference's start
    // t = 1 s: the customer's call is recorded with Twilio's defaults (completed only, mono, both
    // tracks); the conference's recording was set by the agent, so this do-not-record changes nothing.
    const customer = await dialIn.create({
      from: "+15017122661",
      to: "+15558675311",
      label: "customer",
      record: true,
      recordingStatusCallback: `${rx}/recordings`,
      conferenceRecord: "do-not-record",
      conferenceRecordingStatusCallback: `${rx}/ignored`,
    });
    // Never recorded: a busy call is never answered, and a URL without Record=true records nothing.
    await dialIn.create({
      from: "+15017122661",
      to: "+15005550002",
      record: true,
      recordingStatusCallback: `${rx}/recordings`,
      recordingStatusCallbackEvent: ["in-progress", "completed"],
    });
    await dialIn.create({
      from: "+15017122661",
      to: "+15558675312",
      recordingStatusCallback: `${rx}/recordings`,
      recordingStatusCallbackEvent: ["in-progress", "completed"],
    });
    step(10_000);
    await client.conferences(agent.conferenceSid).participants(customer.callSid).remove(); // t = 11 s
    step(20_000);
    await client.conferences(agent.conferenceSid).update({ status: "completed" }); // t = 31 s
    await fake.callbacks.settled();

    const { authToken } = fake;
    const name = (sid: string | undefined) =>
      sid === agent.callSid
        ? "agent"
        : sid === customer.callSid
          ? "customer"
          : sid === agent.conferenceSid
            ? "conf"
            : sid;
    const seconds = (rfc2822: string | undefined) =>
      ((parseRfc2822(rfc2822 ?? "")?.getTime() ?? Number.NaN) - START) / 1000;
    const got = receiver.received.map((request) => {
      const { method, path, body } = request;
      const route = path.split("?")[0] ?? "";
      const p = paramsOf(method, path, body);
      const signed = twilioAccepts(request, rx, authToken);
      const strict = validateCallback("recording-status", p, { profile: "strict" });
      return {
        line: [
          method,
          route,
          p.RecordingStatus,
          p.RecordingSource,
          name(p.CallSid ?? p.ConferenceSid),
          `channels=${p.RecordingChannels}`,
          `track=${p.RecordingTrack ?? "-"}`,
          `start=${seconds(p.RecordingStartTime)}s`,
          `duration=${p.RecordingDuration ?? "-"}`,
        ].join(" "),
        signed,
        strict: strict.ok ? "ok" : JSON.stringify(strict.issues),
        params: p,
      };
    });
    // Whole seconds: answered at 0.7 s and 1.7 s, the conference started at 0.7 s.
    expect(got.map((g) => g.line)).toEqual([
      "POST /recordings in-progress OutboundAPI agent channels=2 track=inbound start=0s duration=-",
      "POST /recordings completed OutboundAPI customer channels=1 track=both start=1s duration=9",
      "POST /recordings completed OutboundAPI agent channels=2 track=inbound start=0s duration=30",
      "GET /conference-recordings completed Conference conf channels=1 track=- start=0s duration=30",
    ]);
    expect(got.filter((g) => !g.signed || g.strict !== "ok")).toEqual([]);

    // One SID per recording, the same on each of its callbacks, and the URL of that recording.
    const [agentStarted, customerDone, agentDone, conferenceDone] = got.map((g) => g.params);
    expect(agentDone?.RecordingSid).toBe(agentStarted?.RecordingSid);
    expect(new Set([agentDone?.RecordingSid, customerDone?.RecordingSid, conferenceDone?.RecordingSid]).size).toBe(3);
    for (const p of [agentDone, customerDone, conferenceDone])
      expect(p?.RecordingUrl).toBe(
        `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Recordings/${p?.RecordingSid}`,
      );
    // The fake's events say the same, whether a URL subscribed or not (the customer's and the conference's in-progress).
    const events = fake.events.list().flatMap((e) => (e.type === "recording-status" ? [e] : []));
    expect(events.map((e) => [e.status, e.recording.sid, e.time.getTime() - START])).toEqual([
      ["in-progress", agentStarted?.RecordingSid, 700],
      ["in-progress", conferenceDone?.RecordingSid, 700],
      ["in-progress", customerDone?.RecordingSid, 1_700],
      ["completed", customerDone?.RecordingSid, 11_000],
      ["completed", agentStarted?.RecordingSid, 31_000],
      ["completed", conferenceDone?.RecordingSid, 31_000],
    ]);
    expect(fake.callbacks.list().map((d) => [d.kind, d.event, d.state, d.sequenceNumber])).toEqual(
      got.map((g) => ["recording-status", g.params.RecordingStatus, "delivered", undefined]),
    );
  });

  it("records no conference that had started before ConferenceRecord was sent, nor one set to do-not-record", async () => {
    receiver = await startReceiver();
    fake = await startFakeTwilio({ seed: 3, clock: "manual" });
    const client = twilio(fake.accountSid, fake.authToken);
    client.api.baseUrl = fake.url;
    const recordConference = (conference: string, conferenceRecord: string) =>
      client.conferences(conference).participants.create({
        from: "+15017122661",
        to: "+15558675310",
        conferenceRecord,
        conferenceRecordingStatusCallback: `${receiver?.url}/conference-recordings`,
        conferenceRecordingStatusCallbackEvent: ["in-progress", "completed"],
      });
    const seeded = fake.store.conferences(fake.accountSid).find((c) => c.status === "in-progress");
    await recordConference(seeded?.sid ?? "", "record-from-start");
    const quiet = await recordConference("quiet", "do-not-record");
    const recorded = await recordConference("recorded", "true");
    fake.clock.advance(1_000);
    for (const sid of [seeded?.sid, quiet.conferenceSid, recorded.conferenceSid])
      await client.conferences(sid ?? "").update({ status: "completed" });
    await fake.callbacks.settled();
    const recordings = fake.events.list().flatMap((e) => (e.type === "recording-status" ? [e] : []));
    expect(recordings.map((e) => [e.status, e.conferenceSid, e.recording.source])).toEqual([
      ["in-progress", recorded.conferenceSid, "Conference"],
      ["completed", recorded.conferenceSid, "Conference"],
    ]);
    expect(receiver.received.map((r) => new URLSearchParams(r.body).get("RecordingStatus"))).toEqual([
      "in-progress",
      "completed",
    ]);
  });
});
