// "Done when" (issue 10): the official SDK drives a whole conference on a manual clock, and a local
// receiver gets exactly the callbacks Twilio would send, in order, each signed (twilio's own
// validateRequest) and each passing the strict callback schema.
import { describe, expect, it } from "vitest";
import { type CallbackKind, validateCallback } from "../../src/validate/callbacks.js";
import { paramsOf, twilioAccepts } from "./_receiver.js";
import { useCallbackRig } from "./_callback-rig.js";

const rig = useCallbackRig();

const KIND_OF: Readonly<Record<string, CallbackKind>> = {
  "/calls": "call-progress",
  "/conference": "conference-status",
  "/streams": "stream-status",
};

describe("status callbacks: the SDK drives a whole conference on a manual clock", () => {
  it("a receiver gets every subscribed callback, in order, signed and strict", async () => {
    const { fake, client, receiver } = await rig({
      seed: 1,
      clock: { mode: "manual", start: new Date("2030-01-01T00:00:00Z") },
    });
    const rx = receiver.url;
    const dialIn = client.conferences("standup").participants; // a friendly name: a new conference
    const callEvents = ["initiated", "ringing", "answered", "completed"];
    const conferenceEvents = ["start", "end", "join", "leave", "mute", "hold", "modify"];
    const create = (label: string, to: string, extra: object = {}) =>
      dialIn.create({
        from: "+15017122661",
        to,
        label,
        statusCallback: `${rx}/calls`,
        statusCallbackEvent: callEvents,
        conferenceStatusCallback: `${rx}/conference`,
        conferenceStatusCallbackEvent: conferenceEvents,
        ...extra,
      });
    const step = (ms = 5_000) => fake.clock.advance(ms);
    // A second apart (each has a date_created of its own); at the end they leave in the order they
    // joined. Each is initiated at 100 ms,
    // rings at 300 ms and is answered at 700 ms; the agent's answer starts the conference.
    const agent = await create("agent", "+15558675310");
    step(1_000);
    // Only the first participant's conference settings count (TW-CONF): this URL never hears from the fake.
    const customer = await create("customer", "+15558675311", { conferenceStatusCallback: `${rx}/ignored` });
    step(1_000);
    const supervisor = await create("supervisor", "+15558675312", { statusCallbackMethod: "GET" });
    const conferenceSid = agent.conferenceSid;
    const participants = client.conferences(conferenceSid).participants;
    step();
    await participants(customer.callSid).update({ muted: true });
    step();
    await participants(supervisor.callSid).update({ hold: true });
    step();
    await participants(supervisor.callSid).update({ coaching: true, callSidToCoach: agent.callSid });
    step();
    const stream = await client
      .calls(agent.callSid)
      .streams.create({ url: "wss://example.com/audio", statusCallback: `${rx}/streams` });
    step();
    await client.calls(agent.callSid).streams(stream.sid).update({ status: "stopped" });
    step();
    await participants(customer.callSid).remove(); // kicked
    step();
    await client.conferences(conferenceSid).update({ status: "completed" });
    await fake.callbacks.settled();

    const { authToken } = fake;
    const got = receiver.received.map((request) => {
      const { method, path, body } = request;
      const route = path.split("?")[0] ?? "";
      const params = paramsOf(method, path, body);
      const signed = twilioAccepts(request, rx, authToken);
      const kind = KIND_OF[route];
      const strict = kind ? validateCallback(kind, params, { profile: "strict" }) : undefined;
      return {
        line: [
          method,
          route,
          params.StatusCallbackEvent ?? params.StreamEvent ?? params.CallStatus,
          params.SequenceNumber ?? "-",
          params.CallSid ?? "-",
          params.Timestamp,
        ].join(" "),
        signed,
        strict: strict?.ok ? "ok" : JSON.stringify(strict?.issues),
        form: method === "POST" ? request.headers["content-type"] : "-",
      };
    });
    const name = (line: string) =>
      line
        .replace(agent.callSid, "agent")
        .replace(customer.callSid, "customer")
        .replace(supervisor.callSid, "supervisor")
        .replace(/ (Tue, 01 Jan 2030 |2030-01-01T)/, " ");
    expect(got.map((g) => name(g.line))).toEqual([
      "POST /calls initiated 0 agent 00:00:00 +0000",
      "POST /calls ringing 1 agent 00:00:00 +0000",
      "POST /calls in-progress 2 agent 00:00:00 +0000",
      "POST /conference participant-join 1 agent 00:00:00 +0000",
      "POST /conference conference-start 2 - 00:00:00 +0000",
      "POST /calls initiated 0 customer 00:00:01 +0000",
      "POST /calls ringing 1 customer 00:00:01 +0000",
      "POST /calls in-progress 2 customer 00:00:01 +0000",
      "POST /conference participant-join 3 customer 00:00:01 +0000",
      "GET /calls initiated 0 supervisor 00:00:02 +0000",
      "GET /calls ringing 1 supervisor 00:00:02 +0000",
      "GET /calls in-progress 2 supervisor 00:00:02 +0000",
      "POST /conference participant-join 4 supervisor 00:00:02 +0000",
      "POST /conference participant-mute 5 customer 00:00:07 +0000",
      "POST /conference participant-hold 6 supervisor 00:00:12 +0000",
      "POST /conference participant-modify 7 supervisor 00:00:17 +0000",
      "POST /streams stream-started - agent 00:00:22.000Z",
      "POST /streams stream-stopped - agent 00:00:27.000Z",
      "POST /calls completed 3 customer 00:00:32 +0000",
      "POST /conference participant-leave 8 customer 00:00:32 +0000",
      "POST /calls completed 3 agent 00:00:37 +0000",
      "POST /conference participant-leave 9 agent 00:00:37 +0000",
      "GET /calls completed 3 supervisor 00:00:37 +0000",
      "POST /conference participant-leave 10 supervisor 00:00:37 +0000",
      "POST /conference conference-end 11 - 00:00:37 +0000",
    ]);
    expect(got.filter((g) => !g.signed || g.strict !== "ok")).toEqual([]);
    expect(new Set(got.map((g) => g.form))).toEqual(new Set(["application/x-www-form-urlencoded", "-"]));

    // What the callbacks say, beyond their order.
    const params = receiver.received.map((r) => paramsOf(r.method, r.path, r.body));
    const find = (event: string, callSid?: string) =>
      params.find(
        (p) => (p.StatusCallbackEvent ?? p.CallStatus) === event && (callSid === undefined || p.CallSid === callSid),
      );
    expect(find("participant-modify")).toMatchObject({
      Coaching: "true",
      Hold: "true",
      ParticipantLabel: "supervisor",
    });
    expect(find("participant-leave", customer.callSid)).toMatchObject({
      ParticipantCallStatus: "completed",
      ReasonParticipantLeft: "participant_updated_via_api",
      Muted: "true",
    });
    expect(find("completed", agent.callSid)).toMatchObject({ CallDuration: "36", Duration: "1", From: "+15017122661" });
    expect(find("conference-end")).toMatchObject({
      ConferenceSid: conferenceSid,
      FriendlyName: "standup",
      ReasonConferenceEnded: "conference-ended-via-api",
    });
    expect(find("conference-end")).not.toHaveProperty("CallSidEndingConference");
    expect(fake.callbacks.list().map((d) => d.state)).toEqual(got.map(() => "delivered"));
  });
});
