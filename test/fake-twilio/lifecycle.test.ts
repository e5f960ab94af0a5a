import { describe, expect, it } from "vitest";
import type { FakeTwilioEvent } from "../../src/fake-twilio/index.js";
import { LIFECYCLE_DELAYS_MS, startFakeTwilio } from "../../src/fake-twilio/index.js";
import { conferenceWith, participantWith } from "../../src/catalogue/resource-uris.js";
import { useFakeTwilio } from "./_harness.js";

const START = new Date("2030-01-01T00:00:00Z");
const h = useFakeTwilio({ seed: 7, clock: { mode: "manual", start: START } });

/** An event as one line: milliseconds since START, type, whose (label or stream name), what. */
function line(event: FakeTwilioEvent): string {
  const ms = event.time.getTime() - START.getTime();
  switch (event.type) {
    case "participant-status":
      return `${ms} ${event.type} ${event.participant.label} ${event.status}/${event.callEvent}/${event.callStatus}`;
    case "participant-leave":
      return `${ms} ${event.type} ${event.participant.label} ${event.participantCallStatus}/${event.reasonParticipantLeft}`;
    case "conference-start":
      return `${ms} ${event.type} ${event.conference.status}`;
    case "conference-end":
      return `${ms} ${event.type} ${event.reasonConferenceEnded}/${event.participantLabelEndingConference}`;
    case "stream-started":
    case "stream-stopped":
      return `${ms} ${event.type} ${event.stream.name} ${event.stream.status}`;
    case "recording-status":
      return `${ms} ${event.type} ${event.recording.source} ${event.status}`;
    default:
      return `${ms} ${event.type} ${event.participant.label}`;
  }
}

const lines = (): string[] => h().fake.events.list().map(line);

/** Creates a participant in a conference (SID or friendly name) through the SDK. */
const join = (conference: string, label: string, extra: Record<string, unknown> = {}) =>
  h()
    .client.conferences(conference)
    .participants.create({ from: "+15017122661", to: "+15558675310", label, ...extra });

const STATUS = {
  statusCallback: "https://example.com/call",
  statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
  conferenceStatusCallback: "https://example.com/conference",
  conferenceStatusCallbackEvent: ["start", "end", "join", "leave", "mute", "hold", "modify"],
};

describe("the fake's lifecycle on a manual clock", () => {
  it("a scripted conference emits exactly this ordered list of events, each at its clock time", async () => {
    const { client, fake } = h();
    const agent = await join("standup", "agent", STATUS);
    expect(agent.status).toBe("queued");
    const conferenceSid = agent.conferenceSid;
    const customer = await join(conferenceSid, "customer");
    const coach = await join(conferenceSid, "coach", { startConferenceOnEnter: false });
    expect((await client.conferences(conferenceSid).fetch()).status).toBe("init");
    fake.clock.advance(1_000);
    expect((await client.conferences(conferenceSid).participants.list()).map((p) => p.status)).toEqual([
      "connected",
      "connected",
      "connected",
    ]);
    const participant = (label: string) => client.conferences(conferenceSid).participants(label);
    await participant("customer").update({ muted: true });
    await participant("customer").update({ hold: true });
    await participant("coach").update({ coaching: true, callSidToCoach: agent.callSid });
    const listening = await client.calls(customer.callSid).streams.create({ url: "wss://example.com/a", name: "ear" });
    await client.calls(customer.callSid).streams(listening.sid).update({ status: "stopped" });
    await client.calls(agent.callSid).streams.create({ url: "wss://example.com/b", name: "recorder" });
    await participant(coach.callSid).remove();
    fake.clock.advance(500);
    const ended = await client.conferences(conferenceSid).update({ status: "completed" });
    expect(ended).toMatchObject({ status: "completed", reasonConferenceEnded: "conference-ended-via-api" });
    expect(ended.dateUpdated.toISOString()).toBe("2030-01-01T00:00:01.000Z");

    expect(lines()).toEqual([
      "100 participant-status agent connecting/initiated/initiated",
      "100 participant-status customer connecting/initiated/initiated",
      "100 participant-status coach connecting/initiated/initiated",
      "300 participant-status agent ringing/ringing/ringing",
      "300 participant-status customer ringing/ringing/ringing",
      "300 participant-status coach ringing/ringing/ringing",
      "700 participant-status agent connected/answered/in-progress",
      "700 participant-join agent",
      "700 conference-start in-progress",
      "700 participant-status customer connected/answered/in-progress",
      "700 participant-join customer",
      "700 participant-status coach connected/answered/in-progress",
      "700 participant-join coach",
      "1000 participant-mute customer",
      "1000 participant-hold customer",
      "1000 participant-modify coach",
      "1000 stream-started ear in-progress",
      "1000 stream-stopped ear stopped",
      "1000 stream-started recorder in-progress",
      "1000 participant-status coach complete/completed/completed",
      "1000 participant-leave coach completed/participant_updated_via_api",
      "1500 participant-status agent complete/completed/completed",
      "1500 stream-stopped recorder stopped",
      "1500 participant-leave agent completed/conference_ended_via_api",
      "1500 participant-status customer complete/completed/completed",
      "1500 participant-leave customer completed/conference_ended_via_api",
      "1500 conference-end conference-ended-via-api/null",
    ]);
    const events = fake.events.list();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    // Each event carries the callback settings of its source: the participant's, or the conference's (set by the agent).
    const agentStatus = events.find((e) => e.type === "participant-status" && e.participant.label === "agent");
    expect(agentStatus).toMatchObject({
      from: "+15017122661",
      to: "+15558675310",
      callbacks: {
        StatusCallback: "https://example.com/call",
        StatusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
      },
    });
    const customerStatus = events.find((e) => e.type === "participant-status" && e.participant.label === "customer");
    expect(customerStatus).toMatchObject({ callbacks: {} });
    for (const event of events.filter((e) => e.type.startsWith("conference-") || e.type.startsWith("participant-")))
      if (event.type !== "participant-status")
        expect(event.callbacks).toEqual({
          ConferenceStatusCallback: "https://example.com/conference",
          ConferenceStatusCallbackEvent: ["start", "end", "join", "leave", "mute", "hold", "modify"],
        });
    // The callback settings are kept on the fake, not in the resources Twilio returns.
    expect(JSON.stringify(h().exchanges.map((e) => e.body))).not.toContain("example.com/conference");
  });

  it("date_created and date_updated follow the clock", async () => {
    const { client, fake } = h();
    fake.clock.advance(60_000);
    const created = await join("timed", "agent");
    expect(created.dateCreated.toISOString()).toBe("2030-01-01T00:01:00.000Z");
    fake.clock.advance(LIFECYCLE_DELAYS_MS.connected);
    const connected = await client.conferences(created.conferenceSid).participants(created.callSid).fetch();
    expect([connected.status, connected.dateUpdated.toISOString()]).toEqual(["connected", "2030-01-01T00:01:00.000Z"]);
    const conference = await client.conferences(created.conferenceSid).fetch();
    expect([conference.status, conference.dateCreated.toISOString()]).toEqual([
      "in-progress",
      "2030-01-01T00:01:00.000Z",
    ]);
  });

  it.each([
    ["+15005550001", "failed", 300, ["connecting/initiated/initiated", "failed/completed/failed"]],
    ["+15005550002", "busy", 300, ["connecting/initiated/initiated", "failed/completed/busy"]],
    [
      "+15005550003",
      "no-answer",
      700,
      ["connecting/initiated/initiated", "ringing/ringing/ringing", "failed/completed/no-answer"],
    ],
  ])("To %s ends %s at %i ms, leaves the conference and never joins it", async (to, outcome, at, statuses) => {
    const { client, fake } = h();
    const host = await join("calls", "host");
    const dialled = await join(host.conferenceSid, "dialled", { to });
    fake.clock.runAll();
    const mine = fake.events.list().filter((e) => "participant" in e && e.participant.label === "dialled");
    expect(mine.map(line)).toEqual([
      ...statuses.map((s, i) => `${i === statuses.length - 1 ? at : [100, 300][i]} participant-status dialled ${s}`),
      `${at} participant-leave dialled ${outcome}/participant_add_failed`,
    ]);
    await expect(client.conferences(host.conferenceSid).participants(dialled.callSid).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
    expect((await client.conferences(host.conferenceSid).fetch()).status).toBe("in-progress");
  });

  it("a conference waits for a StartConferenceOnEnter participant, and ends when the last one hangs up", async () => {
    const { client, fake } = h();
    const listener = await join("lobby", "listener", { startConferenceOnEnter: false });
    fake.clock.runAll();
    expect((await client.conferences(listener.conferenceSid).fetch()).status).toBe("init");
    const host = await join(listener.conferenceSid, "host");
    fake.clock.runAll();
    expect((await client.conferences(listener.conferenceSid).fetch()).status).toBe("in-progress");
    expect(fake.hangUp(listener.conferenceSid, "listener")).toBe(true);
    expect(fake.hangUp(listener.conferenceSid, "host")).toBe(true);
    expect(fake.hangUp(listener.conferenceSid, "host")).toBe(false);
    const ended = await client.conferences(listener.conferenceSid).fetch();
    expect([ended.status, ended.reasonConferenceEnded, ended.callSidEndingConference]).toEqual([
      "completed",
      "last-participant-left",
      host.callSid,
    ]);
    expect(lines().slice(-5)).toEqual([
      "1400 participant-status listener complete/completed/completed",
      "1400 participant-leave listener completed/participant_hung_up",
      "1400 participant-status host complete/completed/completed",
      "1400 participant-leave host completed/participant_hung_up",
      "1400 conference-end last-participant-left/host",
    ]);
  });

  it("an EndConferenceOnExit participant ends the conference when kicked or when it hangs up", async () => {
    const { client, fake } = h();
    const moderator = await join("kicked", "moderator", { endConferenceOnExit: true });
    await join(moderator.conferenceSid, "guest");
    fake.clock.runAll();
    await client.conferences(moderator.conferenceSid).participants("moderator").remove();
    expect(await client.conferences(moderator.conferenceSid).fetch()).toMatchObject({
      status: "completed",
      reasonConferenceEnded: "participant-with-end-conference-on-exit-kicked",
      callSidEndingConference: moderator.callSid,
    });
    expect(lines().slice(-3)).toEqual([
      "700 participant-status guest complete/completed/completed",
      "700 participant-leave guest completed/moderator_ended_conference",
      "700 conference-end participant-with-end-conference-on-exit-kicked/moderator",
    ]);
    const other = await join("left", "moderator", { endConferenceOnExit: true });
    fake.clock.runAll();
    fake.hangUp(other.conferenceSid, other.callSid);
    expect((await client.conferences(other.conferenceSid).fetch()).reasonConferenceEnded).toBe(
      "participant-with-end-conference-on-exit-left",
    );
  });

  it("a completed conference refuses new participants with Twilio's 16022, and kicking a ringing participant cancels its call", async () => {
    const { client, fake } = h();
    const first = await join("short", "first");
    fake.clock.advance(LIFECYCLE_DELAYS_MS.ringing);
    await client.conferences(first.conferenceSid).update({ status: "completed" });
    expect(lines().slice(-3)).toEqual([
      "300 participant-status first complete/completed/canceled",
      "300 participant-leave first canceled/conference_ended_via_api",
      "300 conference-end conference-ended-via-api/null",
    ]);
    await expect(join(first.conferenceSid, "late")).rejects.toMatchObject({ status: 400, code: 16022 });
    expect(fake.clock.runAll()).toBe(0);
    expect(await client.conferences(first.conferenceSid).participants.list()).toEqual([]);
  });

  it("a participant moves on as the store holds it: changed or put again by a test, and not once its conference is removed", async () => {
    const { fake } = h();
    const [changed, moved, gone] = [
      await join("held", "changed"),
      await join("held", "moved"),
      await join("away", "gone"),
    ];
    const stored = (callSid: string, conferenceSid = changed.conferenceSid) =>
      fake.store.participant(fake.accountSid, conferenceSid, callSid);
    fake.clock.advance(LIFECYCLE_DELAYS_MS.connecting);
    // Put again in its place (same date_created), muted; put again at another place in the list's order.
    fake.store.putParticipant({ ...stored(changed.callSid)!, muted: true });
    fake.store.putParticipant({ ...stored(moved.callSid)! }, Date.parse("2031-01-01T00:00:00Z"));
    fake.store.removeConference(fake.accountSid, gone.conferenceSid);
    fake.clock.runAll();
    expect(stored(changed.callSid)).toMatchObject({ status: "connected", muted: true });
    expect(stored(moved.callSid)?.status).toBe("connected");
    expect(stored(gone.callSid, gone.conferenceSid)).toBeUndefined();
    expect(lines().filter((l) => l.includes(" gone "))).toEqual([
      "100 participant-status gone connecting/initiated/initiated",
    ]);
  });

  it("a created call's SID put in another conference and hung up there leaves the created participant as it is", async () => {
    const { fake } = h();
    const twin = await join("first", "twin");
    const home = () => fake.store.participant(fake.accountSid, twin.conferenceSid, twin.callSid);
    const other = fake.store.putConference(
      conferenceWith(
        {
          ...fake.store.conference(fake.accountSid, twin.conferenceSid)!,
          friendly_name: "other",
          status: "in-progress",
        },
        { sid: "CF00000000000000000000000000000001" },
      ),
    );
    fake.store.putParticipant(participantWith({ ...home()!, status: "connected" }, { conference_sid: other.sid }));
    expect(fake.hangUp(other.sid, twin.callSid)).toBe(true); // the call's end calls off its steps
    fake.clock.runAll();
    expect(home()).toMatchObject({ conference_sid: twin.conferenceSid, status: "queued" });
  });

  it("a stream starts on any connected participant's call, and stops when its call ends", async () => {
    const { client, fake } = h();
    const seeded = fake.store
      .conferences(fake.accountSid)
      .flatMap((c) => fake.store.participants(c.account_sid, c.sid))
      .filter((p) => p.status === "connected" && !fake.store.hasCall(p.account_sid, p.call_sid));
    expect(seeded.length).toBeGreaterThan(0);
    for (const p of seeded)
      expect(await client.calls(p.call_sid).streams.create({ url: "wss://example.com/s" })).toMatchObject({
        status: "in-progress",
      });
    const queued = await join("streams", "queued");
    await expect(client.calls(queued.callSid).streams.create({ url: "wss://example.com/s" })).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
    const live = () => fake.store.hasCall(fake.accountSid, queued.callSid);
    fake.clock.advance(LIFECYCLE_DELAYS_MS.ringing);
    expect(live()).toBe(false); // ringing
    fake.clock.runAll();
    expect(live()).toBe(true); // answered
    const stream = await client.calls(queued.callSid).streams.create({ url: "wss://example.com/s", name: "tap" });
    await client.conferences(queued.conferenceSid).participants(queued.callSid).remove();
    expect(lines().slice(-4)).toEqual([
      "700 participant-status queued complete/completed/completed",
      "700 stream-stopped tap stopped",
      "700 participant-leave queued completed/participant_updated_via_api",
      "700 conference-end last-participant-kicked/queued",
    ]);
    await expect(client.calls(queued.callSid).streams(stream.sid).update({ status: "stopped" })).rejects.toMatchObject({
      status: 404,
    });
    expect(live()).toBe(false); // ended
  });
});

describe("the fake's lifecycle on a real clock (the default)", () => {
  it("a new participant is initiated, rings and is answered within a second, with no further request", async () => {
    const fake = await startFakeTwilio({ seed: 5 });
    try {
      const statuses: string[] = [];
      const answered = new Promise<void>((resolve) =>
        fake.events.subscribe((e) => {
          if (e.type !== "participant-status") return;
          statuses.push(e.callEvent);
          if (e.callEvent === "answered") resolve();
        }),
      );
      const started = Date.now();
      const response = await fetch(
        `${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Conferences/rt/Participants.json`,
        {
          method: "POST",
          headers: {
            authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ From: "+15017122661", To: "+15558675310" }),
        },
      );
      expect(response.status).toBe(201);
      await answered;
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(statuses).toEqual(["initiated", "ringing", "answered"]);
    } finally {
      await fake.close();
    }
  });
});

describe("store.reset()", () => {
  it("calls off the lifecycle's pending steps", async () => {
    const fake = await startFakeTwilio({ seed: 5, clock: "manual" });
    try {
      const conference = fake.store.conferences(fake.accountSid).find((c) => c.status === "in-progress");
      const response = await fetch(
        `${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Conferences/${conference?.sid}/Participants.json`,
        {
          method: "POST",
          headers: {
            authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ From: "+15017122661", To: "+15558675310" }),
        },
      );
      expect(response.status).toBe(201);
      fake.store.reset();
      expect(fake.clock.runAll()).toBe(0);
      expect(fake.events.list()).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it("called by an event's listener in the middle of a step, leaves the step's participant without further events", async () => {
    const { client, fake } = h();
    const created = await join("reset", "resetting");
    const stop = fake.events.subscribe((event) => {
      if (event.type === "participant-status" && event.status === "connecting") fake.store.reset();
    });
    fake.clock.runAll();
    stop();
    expect(lines().filter((l) => l.includes(" resetting "))).toEqual([
      "100 participant-status resetting connecting/initiated/initiated",
    ]);
    await expect(client.conferences(created.conferenceSid).fetch()).rejects.toMatchObject({ status: 404 });
  });
});
