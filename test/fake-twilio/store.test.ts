import { describe, expect, it } from "vitest";
import { TestkitError } from "../../src/errors.js";
import { conferenceFactory } from "../../src/factories/conference.js";
import { participantFactory } from "../../src/factories/participant.js";
import { streamFactory } from "../../src/factories/stream.js";
import { conferenceWith, participantWith } from "../../src/catalogue/resource-uris.js";
import type { Conference } from "../../src/generated/schemas.js";
import { FakeTwilioStore, startFakeTwilio } from "../../src/fake-twilio/index.js";
import { ValidationError, validateResource } from "../../src/validate/validate.js";

describe("FakeTwilioStore", () => {
  it("putParticipant creates its account (with the store's token) and an in-progress conference built by the factory", () => {
    const store = new FakeTwilioStore({ authToken: "tok", seed: 1 });
    const p = participantFactory.seed(2).build({ label: "agent" });
    store.putParticipant(p);
    expect(store.authTokenOf(p.account_sid)).toBe("tok");
    const conference = store.conference(p.account_sid, p.conference_sid);
    expect(conference).toMatchObject({ sid: p.conference_sid, account_sid: p.account_sid, status: "in-progress" });
    expect(validateResource("conference", conference, { profile: "strict" }).ok).toBe(true);
    expect(store.participant(p.account_sid, p.conference_sid, "agent")).toEqual(p);
    expect(store.participants(p.account_sid, p.conference_sid)).toEqual([p]);
  });

  it("stores copies: changing what was put changes nothing", () => {
    const store = new FakeTwilioStore();
    const c = conferenceFactory.seed(3).build();
    store.putConference(c);
    c.friendly_name = "changed";
    expect(store.conference(c.account_sid, c.sid)?.friendly_name).not.toBe("changed");
  });

  it("an update keeps an item's place; lists come newest date_created first, of one second the later added first", () => {
    const store = new FakeTwilioStore();
    const account = "AC0123456789abcdef0123456789abcdef";
    const days = [
      "Tue, 02 Jan 2024 10:00:00 +0000",
      "Wed, 03 Jan 2024 10:00:00 +0000",
      "Mon, 01 Jan 2024 10:00:00 +0000",
    ];
    const [a, b, c] = conferenceFactory
      .seed(4)
      .forAccount(account)
      .traits("init")
      .buildList(3)
      .map((x, i) => ({ ...x, date_created: days[i] as string, date_updated: days[i] as string }));
    for (const x of [a, b, c]) if (x) store.putConference(x);
    if (a) store.putConference({ ...a, friendly_name: "renamed" });
    expect(store.conferences(account).map((x) => x.friendly_name)).toEqual([
      b?.friendly_name,
      "renamed",
      c?.friendly_name,
    ]);
    const twins = ["CF00000000000000000000000000000002", "CF00000000000000000000000000000001"].map((sid) =>
      conferenceWith({ ...(c as Conference), friendly_name: "twin" }, { sid }),
    );
    for (const twin of twins) store.putConference(twin);
    expect(
      store
        .conferences(account)
        .filter((x) => x.friendly_name === "twin")
        .map((x) => x.sid),
    ).toEqual(twins.map((x) => x.sid).reverse());
  });

  it("finds a participant by label after others with it come and go", () => {
    const store = new FakeTwilioStore({ seed: 3 });
    const [first, second] = participantFactory.seed(8).buildList(2, { label: "agent" });
    const conferenceSid = first?.conference_sid ?? "";
    if (!first || !second) throw new Error("two participants");
    store.putParticipant(first);
    store.putParticipant(participantWith(second, { account_sid: first.account_sid, conference_sid: conferenceSid }));
    expect(store.participant(first.account_sid, conferenceSid, "agent")?.call_sid).toBe(second.call_sid);
    store.removeParticipant(first.account_sid, conferenceSid, second.call_sid);
    expect(store.participant(first.account_sid, conferenceSid, "agent")?.call_sid).toBe(first.call_sid);
    store.putParticipant({ ...first, label: "host" });
    expect(store.participant(first.account_sid, conferenceSid, "agent")).toBeUndefined();
    expect(store.participant(first.account_sid, conferenceSid, "host")?.call_sid).toBe(first.call_sid);
  });

  it("putStream puts its call in place; a stream is found by SID or name", () => {
    const store = new FakeTwilioStore();
    const s = streamFactory.seed(5).build({ name: "recorder" });
    store.putStream(s);
    expect(store.hasCall(s.account_sid, s.call_sid)).toBe(true);
    expect(store.stream(s.account_sid, s.call_sid, "recorder")).toEqual(s);
    expect(store.stream(s.account_sid, s.call_sid, s.sid)).toEqual(s);
    expect(store.removeCall(s.account_sid, s.call_sid)).toBe(true);
    expect(store.stream(s.account_sid, s.call_sid, s.sid)).toBeUndefined();
  });

  it("rejects resources that fail the strict profile, and malformed SIDs", () => {
    const store = new FakeTwilioStore();
    expect(() =>
      store.putParticipant({ ...participantFactory.seed(6).build(), coaching: true, call_sid_to_coach: null }),
    ).toThrow(ValidationError);
    expect(() => store.putAccount("AC123")).toThrow(TestkitError);
    expect(() => store.putCall("AC0123456789abcdef0123456789abcdef", "CF0123456789abcdef0123456789abcdef")).toThrow(
      /not a CallSid/,
    );
  });

  it("reset goes back to exactly the seeded world, and the fake answers as it did at the start", async () => {
    const fake = await startFakeTwilio({ seed: 2 });
    try {
      const path = `${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Conferences.json`;
      const headers = {
        authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}`,
      };
      const world = () => {
        const conferences = fake.store.conferences(fake.accountSid);
        return { conferences, participants: conferences.map((c) => fake.store.participants(fake.accountSid, c.sid)) };
      };
      const seeded = world();
      const listed = await (await fetch(path, { headers })).json();
      const [busy] = seeded.conferences.filter((c) => c.status === "in-progress");
      for (const c of seeded.conferences.slice(1)) fake.store.removeConference(fake.accountSid, c.sid);
      fake.store.putParticipant(
        participantFactory
          .seed(9)
          .forConference(busy as Conference)
          .build(),
      );
      fake.store.putAccount(fake.accountSid, "another-token");
      const drawnBefore = fake.store.draws.callSid();
      expect(world()).not.toEqual(seeded);

      fake.store.reset();
      expect(world()).toEqual(seeded);
      expect(await (await fetch(path, { headers })).json()).toEqual(listed);
      expect(fake.store.draws.callSid()).toBe(drawnBefore);
    } finally {
      await fake.close();
    }
  });

  it("reset keeps the order of conferences and participants created in the same second", () => {
    const store = new FakeTwilioStore({ seed: 1 });
    const date = "Mon, 30 Nov 2026 13:00:00 +0000";
    const accountSid = conferenceFactory.seed(4).build().account_sid;
    for (const seed of [4, 5, 6])
      store.putConference(
        conferenceFactory.seed(seed).forAccount(accountSid).build({ date_created: date, date_updated: date }),
      );
    const conference = store.putConference(
      conferenceFactory.seed(7).forAccount(accountSid).traits("in-progress").build(),
    );
    const people = participantFactory.seed(8).forConference(conference);
    for (let i = 0; i < 3; i++) store.putParticipant(people.build({ date_created: date, date_updated: date }));
    const before = {
      conferences: store.conferences(accountSid).map((c) => c.sid),
      participants: store.participants(accountSid, conference.sid).map((p) => p.call_sid),
    };
    store.keepAsSeeded();
    store.reset();
    expect(store.conferences(accountSid).map((c) => c.sid)).toEqual(before.conferences);
    expect(store.participants(accountSid, conference.sid).map((p) => p.call_sid)).toEqual(before.participants);
  });

  it("reset empties a store that was never seeded", () => {
    const store = new FakeTwilioStore();
    const c = conferenceFactory.seed(3).build();
    store.putConference(c);
    store.reset();
    expect(store.conference(c.account_sid, c.sid)).toBeUndefined();
    expect(store.authTokenOf(c.account_sid)).toBeUndefined();
  });
});

describe("startFakeTwilio", () => {
  it("is reproducible under a seed: the same account, conferences and participants", async () => {
    const snapshot = async (seed: number) => {
      const fake = await startFakeTwilio({ seed });
      await fake.close();
      const conferences = fake.store.conferences(fake.accountSid);
      return {
        accountSid: fake.accountSid,
        conferences,
        participants: conferences.map((c) => fake.store.participants(c.account_sid, c.sid)),
      };
    };
    const first = await snapshot(11);
    expect(await snapshot(11)).toEqual(first);
    expect((await snapshot(12)).accountSid).not.toBe(first.accountSid);
    expect(first.conferences.map((c) => c.status)).toEqual([
      "init",
      "in-progress",
      "in-progress",
      "completed",
      "completed",
    ]);
    expect(first.participants.map((list) => list.length)).toEqual([0, 2, 4, 0, 0]);
  });

  it.each([
    [{ port: 70_000 }, /port 70000 is not a whole number from 0 to 65535/],
    [{ port: 1.5 }, /port 1.5/],
    [{ seed: 0.5 }, /seed 0.5 is not a whole number/],
    [{ authToken: "" }, /the auth token is empty/],
  ])("refuses %j with a USAGE error", async (options, message) => {
    await expect(startFakeTwilio(options)).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringMatching(message),
    });
  });
});
