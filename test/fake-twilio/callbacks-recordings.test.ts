// Recording status callbacks: the SDK creates participants with Record=true and a conference with
// ConferenceRecord=record-from-start on a manual clock; a local receiver gets exactly the recording
// callbacks Twilio would send, each signed (twilio's validateRequest) and passing the strict schema.
import { describe, expect, it } from "vitest";
import { formatRfc2822, parseRfc2822 } from "../../src/rfc2822.js";
import { validateCallback } from "../../src/validate/callbacks.js";
import { paramsOf, twilioAccepts } from "./_receiver.js";
import { useCallbackRig } from "./_callback-rig.js";

const rig = useCallbackRig();

const START = Date.parse("2030-01-01T00:00:00Z");

describe("recording status callbacks on a manual clock", () => {
  it("a participant's call is recorded from its answer to its end, a conference from its start to its end", async () => {
    const { fake, client, receiver } = await rig({ seed: 3, clock: { mode: "manual", start: new Date(START) } });
    const rx = receiver.url;
    const dialIn = client.conferences("recorded").participants; // a friendly name: a new `init` conference
    const step = (ms: number) => fake.clock.advance(ms);

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

  it("a recorded call's completed call progress callback names its recording (TW-CALL); no other call's or ending's does", async () => {
    const { fake, client, receiver } = await rig({ seed: 5, clock: { mode: "manual", start: new Date(START) } });
    const rx = receiver.url;
    const dialIn = client.conferences("recorded-calls").participants;
    const call = (to: string, options: { record?: boolean; recordingStatusCallback?: string } = {}) =>
      dialIn.create({
        from: "+15017122661",
        to,
        statusCallback: `${rx}/calls`,
        statusCallbackEvent: ["answered", "completed"],
        ...options,
      });
    // t = 0: answered at 0.7 s, or never: busy, failed, not answered (TEST_NUMBERS), all recorded.
    const agent = await call("+15558675310", { record: true, recordingStatusCallback: `${rx}/recordings` });
    const silent = await call("+15558675311", { record: true }); // recorded, no recording callback
    const plain = await call("+15558675312"); // not recorded
    const busy = await call("+15005550002", { record: true });
    const failed = await call("+15005550001", { record: true });
    const unanswered = await call("+15005550003", { record: true });
    fake.clock.advance(12_300);
    const canceled = await call("+15558675313", { record: true }); // kicked before its answer
    const conference = client.conferences(agent.conferenceSid);
    for (const p of [silent, plain, canceled]) await conference.participants(p.callSid).remove(); // t = 12.3 s
    fake.clock.advance(5_000);
    await conference.update({ status: "completed" }); // t = 17.3 s: the agent's call ends
    await fake.callbacks.settled();

    const { accountSid, authToken } = fake;
    const names = new Map(
      Object.entries({ agent, silent, plain, busy, failed, unanswered, canceled }).map(([n, p]) => [p.callSid, n]),
    );
    const received = receiver.received.map((request) => ({
      route: request.path.split("?")[0],
      params: paramsOf(request.method, request.path, request.body),
      signed: twilioAccepts(request, rx, authToken),
    }));
    const calls = received.filter((r) => r.route === "/calls");
    for (const { params, signed } of calls) {
      const strict = validateCallback("call-progress", params, { profile: "strict" });
      expect([params.CallSid, signed, strict.ok ? "strict" : strict.issues]).toEqual([params.CallSid, true, "strict"]);
    }
    const recordingKeys = ["RecordingUrl", "RecordingSid", "RecordingDuration"];
    const endings = calls
      .filter((r) => r.params.CallStatus !== "in-progress")
      .map(({ params: p }) => [names.get(p.CallSid ?? ""), p.CallStatus, recordingKeys.filter((k) => k in p)]);
    expect(endings.sort()).toEqual(
      [
        ["agent", "completed", recordingKeys],
        ["busy", "busy", []],
        ["canceled", "canceled", []],
        ["failed", "failed", []],
        ["plain", "completed", []],
        ["silent", "completed", recordingKeys],
        ["unanswered", "no-answer", []],
      ].sort(),
    );

    // The agent's: exactly Twilio's completed fields, its recording as the recording's own callback names it.
    const recording = received.find((r) => r.route === "/recordings")?.params;
    const agentLine = calls.find((r) => r.params.CallSid === agent.callSid && r.params.CallStatus === "completed");
    expect(recording?.RecordingStatus).toBe("completed");
    expect(agentLine?.params).toEqual({
      CallSid: agent.callSid,
      AccountSid: accountSid,
      From: "+15017122661",
      To: "+15558675310",
      CallStatus: "completed",
      ApiVersion: "2010-04-01",
      Direction: "outbound-api",
      Caller: "+15017122661",
      Called: "+15558675310",
      Timestamp: formatRfc2822(new Date(START + 17_300)),
      CallbackSource: "call-progress-events",
      SequenceNumber: "1",
      CallDuration: "17",
      Duration: "1",
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${recording?.RecordingSid}`,
      RecordingSid: recording?.RecordingSid,
      RecordingDuration: "17", // answered at 0.7 s, ended at 17.3 s: 16.6 s
    });
    expect(recording?.RecordingUrl).toBe(agentLine?.params.RecordingUrl);
    expect(recording?.RecordingDuration).toBe("17");

    // The silent call's recording sent no callback: its completed names the recording its events give.
    const silentRecording = fake.events
      .list()
      .flatMap((e) => (e.type === "recording-status" && e.status === "completed" ? [e.recording] : []))
      .find((r) => r.callSid === silent.callSid);
    const silentLine = calls.find(
      (r) => r.params.CallSid === silent.callSid && r.params.CallStatus === "completed",
    )?.params;
    expect(silentRecording?.durationSeconds).toBe(12); // 0.7 s to 12.3 s
    expect([silentLine?.RecordingSid, silentLine?.RecordingDuration, silentLine?.CallDuration]).toEqual([
      silentRecording?.sid,
      "12",
      "12",
    ]);
    expect(silentLine?.RecordingUrl).toBe(
      `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${silentRecording?.sid}`,
    );
    expect(silentRecording?.sid).not.toBe(recording?.RecordingSid);
  });

  it("records no conference that had started before ConferenceRecord was sent, nor one set to do-not-record", async () => {
    const { fake, client, receiver } = await rig({ seed: 3, clock: "manual" });
    const recordConference = (conference: string, conferenceRecord: string) =>
      client.conferences(conference).participants.create({
        from: "+15017122661",
        to: "+15558675310",
        conferenceRecord,
        conferenceRecordingStatusCallback: `${receiver.url}/conference-recordings`,
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
