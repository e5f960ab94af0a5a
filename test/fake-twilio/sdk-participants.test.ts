import { describe, expect, it } from "vitest";
import { conferenceFactory } from "../../src/factories/conference.js";
import { participantFactory } from "../../src/factories/participant.js";
import { parseRfc2822 } from "../../src/rfc2822.js";
import { bodyOf, useFakeTwilio } from "./_harness.js";
import { inTwilioOrder } from "./_order.js";

const h = useFakeTwilio();

/** The seeded `in-progress` conference with four participants. */
function busyConference() {
  const { fake } = h();
  const conference = fake.store
    .conferences(fake.accountSid)
    .find((c) => fake.store.participants(fake.accountSid, c.sid).length === 4);
  if (!conference) throw new Error("the seed has no conference with four participants");
  return conference;
}

/** A new in-progress conference of the seeded account with `count` participants, built by the factories. */
function conferenceWith(count: number, seed: number, fields: Parameters<typeof participantFactory.build>[0] = {}) {
  const { fake } = h();
  const conference = fake.store.putConference(
    conferenceFactory.seed(seed).forAccount(fake.accountSid).traits("in-progress").build(),
  );
  const participants = participantFactory
    .seed(seed)
    .forConference(conference)
    .traits("connected")
    .buildList(count, fields);
  for (const p of participants) fake.store.putParticipant(p);
  return { conference, participants: inTwilioOrder(participants) };
}

describe("participants through the official twilio SDK", () => {
  it("create → fetch (by call SID and by label) → list → update → delete round trip", async () => {
    const { client } = h();
    const conference = busyConference();
    const participants = client.conferences(conference.sid).participants;

    const created = await participants.create({
      from: "+15017122661",
      to: "+15558675310",
      label: "customer",
      earlyMedia: true,
      statusCallbackEvent: ["ringing", "answered"],
    });
    expect(created).toMatchObject({
      accountSid: conference.account_sid,
      conferenceSid: conference.sid,
      label: "customer",
      status: "queued",
      muted: false,
      hold: false,
      coaching: false,
      callSidToCoach: null,
      queueTime: "0",
    });
    expect(created.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(created.dateCreated.getTime()).toBe(created.dateUpdated.getTime());

    expect((await participants(created.callSid).fetch()).toJSON()).toEqual(created.toJSON());
    expect((await participants("customer").fetch()).callSid).toBe(created.callSid);

    const listed = await participants.list();
    expect(listed.map((p) => p.callSid)).toHaveLength(5);
    expect(listed[0]?.callSid).toBe(created.callSid); // the newest comes first

    const updated = await participants("customer").update({
      muted: true,
      hold: true,
      holdUrl: "https://example.com/hold.xml",
    });
    expect(updated).toMatchObject({ callSid: created.callSid, muted: true, hold: true });
    expect(updated.dateUpdated.getTime()).toBeGreaterThanOrEqual(updated.dateCreated.getTime());
    expect((await participants(created.callSid).fetch()).muted).toBe(true);

    await expect(participants(created.callSid).remove()).resolves.toBe(true);
    await expect(participants(created.callSid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    expect(await participants.list()).toHaveLength(4);
  });

  it("DeleteParticipant answers 204 with no body", async () => {
    const { client, exchanges } = h();
    const conference = busyConference();
    const [first] = h().fake.store.participants(conference.account_sid, conference.sid);
    await client
      .conferences(conference.sid)
      .participants(first?.call_sid ?? "")
      .remove();
    expect(exchanges.at(-1)).toMatchObject({ method: "delete", statusCode: 204 });
    expect(exchanges.at(-1)?.body ?? "").toBe("");
  });

  it("create honours Muted, Coaching with CallSidToCoach, StartConferenceOnEnter and EndConferenceOnExit", async () => {
    const { client } = h();
    const conference = busyConference();
    const [agent] = h().fake.store.participants(conference.account_sid, conference.sid);
    const coach = await client.conferences(conference.sid).participants.create({
      from: "+15017122661",
      to: "client:supervisor",
      muted: true,
      coaching: true,
      callSidToCoach: agent?.call_sid ?? "",
      startConferenceOnEnter: false,
      endConferenceOnExit: true,
    });
    expect(coach).toMatchObject({
      muted: true,
      coaching: true,
      callSidToCoach: agent?.call_sid,
      startConferenceOnEnter: false,
      endConferenceOnExit: true,
      label: null,
    });
  });

  it("create by friendly name starts a conference of that name, and the next create joins it", async () => {
    const { client, fake } = h();
    const first = await client
      .conferences("my-room")
      .participants.create({ from: "+15017122661", to: "sip:bob@example.com" });
    const second = await client.conferences("my-room").participants.create({ from: "+15017122661", to: "4157663747" });
    expect(second.conferenceSid).toBe(first.conferenceSid);
    expect(fake.store.conference(fake.accountSid, first.conferenceSid)).toMatchObject({
      friendly_name: "my-room",
      status: "init",
    });
  });

  it("update honours Coaching (and clears the coached call when it ends) and EndConferenceOnExit", async () => {
    const { client } = h();
    const conference = busyConference();
    const [a, b] = h().fake.store.participants(conference.account_sid, conference.sid);
    const participant = client.conferences(conference.sid).participants(a?.call_sid ?? "");
    expect(
      await participant.update({ coaching: true, callSidToCoach: b?.call_sid ?? "", endConferenceOnExit: true }),
    ).toMatchObject({ coaching: true, callSidToCoach: b?.call_sid, endConferenceOnExit: true });
    expect(await participant.update({ coaching: false })).toMatchObject({ coaching: false, callSidToCoach: null });
  });

  it("coaching without a call to coach is a 400 naming CallSidToCoach", async () => {
    const { client } = h();
    const conference = busyConference();
    const [a] = h().fake.store.participants(conference.account_sid, conference.sid);
    const error = { status: 400, code: 20001, message: expect.stringContaining("CallSidToCoach") };
    await expect(
      client
        .conferences(conference.sid)
        .participants(a?.call_sid ?? "")
        .update({ coaching: true }),
    ).rejects.toMatchObject(error);
    await expect(
      client
        .conferences(conference.sid)
        .participants.create({ from: "+15017122661", to: "+15558675310", coaching: true }),
    ).rejects.toMatchObject(error);
  });

  it("an undialable To is Twilio's 400 with code 21211", async () => {
    const { client } = h();
    await expect(
      client.conferences(busyConference().sid).participants.create({ from: "+15017122661", to: "not-a-number" }),
    ).rejects.toMatchObject({
      status: 400,
      code: 21211,
      message: "Invalid 'To' Phone Number",
      moreInfo: "https://www.twilio.com/docs/errors/21211",
    });
  });

  it("list() and each() walk every page: 7 participants, 3 per page, in a stable order", async () => {
    const { client, exchanges } = h();
    const { conference, participants } = conferenceWith(7, 5);
    const expected = participants.map((p) => p.call_sid);

    const listed = await client.conferences(conference.sid).participants.list({ pageSize: 3 });
    expect(listed.map((p) => p.callSid)).toEqual(expected);
    const pages = exchanges.filter((e) => e.method === "get");
    expect(pages).toHaveLength(3);
    expect(pages.map((e) => (bodyOf(e) as { participants: unknown[] }).participants.length)).toEqual([3, 3, 1]);
    expect(pages.slice(1).map((e) => new URL(e.uri).searchParams.get("PageToken"))).toEqual([
      `PA${expected[2]}`,
      `PA${expected[5]}`,
    ]);

    const seen: string[] = [];
    await client.conferences(conference.sid).participants.each({ pageSize: 3 }, (p) => void seen.push(p.callSid));
    expect(seen).toEqual(expected);
  });

  it("ListParticipant filters on Muted, Hold and Coaching", async () => {
    const { client, fake } = h();
    const { conference, participants } = conferenceWith(6, 9, { muted: false, hold: false });
    const [p0, p1, p2, p3] = participants;
    for (const [p, fields] of [
      [p0, { muted: true }],
      [p1, { muted: true, hold: true }],
      [p2, { hold: true }],
      [p3, { coaching: true, call_sid_to_coach: p0?.call_sid ?? null }],
    ] as const)
      if (p) fake.store.putParticipant({ ...p, ...fields });
    const sids = async (query: { muted?: boolean; hold?: boolean; coaching?: boolean }) =>
      (await client.conferences(conference.sid).participants.list(query)).map((p) => p.callSid);
    expect(await sids({ muted: true })).toEqual([p0?.call_sid, p1?.call_sid]);
    expect(await sids({ muted: true, hold: false })).toEqual([p0?.call_sid]);
    expect(await sids({ hold: true })).toEqual([p1?.call_sid, p2?.call_sid]);
    expect(await sids({ coaching: true })).toEqual([p3?.call_sid]);
    expect(await sids({ coaching: false })).toHaveLength(5);
  });

  it("removing the last participant ends an in-progress conference with last-participant-kicked", async () => {
    const { client, fake } = h();
    const { conference, participants } = conferenceWith(2, 11, { end_conference_on_exit: false });
    for (const p of participants) await client.conferences(conference.sid).participants(p.call_sid).remove();
    const ended = await client.conferences(conference.sid).fetch();
    expect(ended).toMatchObject({
      status: "completed",
      reasonConferenceEnded: "last-participant-kicked",
      callSidEndingConference: participants[1]?.call_sid,
    });
    expect(
      parseRfc2822(fake.store.conference(fake.accountSid, conference.sid)?.date_updated ?? "")?.getTime(),
    ).toBeGreaterThanOrEqual(ended.dateCreated.getTime());
  });

  it("removing a participant with EndConferenceOnExit ends the conference and disconnects the others", async () => {
    const { client } = h();
    const { conference, participants } = conferenceWith(3, 12, { end_conference_on_exit: false });
    const host = participants[0];
    await client
      .conferences(conference.sid)
      .participants(host?.call_sid ?? "")
      .update({ endConferenceOnExit: true });
    await client
      .conferences(conference.sid)
      .participants(host?.call_sid ?? "")
      .remove();
    expect(await client.conferences(conference.sid).fetch()).toMatchObject({
      status: "completed",
      reasonConferenceEnded: "participant-with-end-conference-on-exit-kicked",
      callSidEndingConference: host?.call_sid,
    });
    expect(await client.conferences(conference.sid).participants.list()).toEqual([]);
  });
});
