import { describe, expect, it } from "vitest";
import { TestkitError } from "../../src/errors.js";
import { conferenceFactory } from "../../src/factories/conference.js";
import { participantFactory } from "../../src/factories/participant.js";
import { streamFactory } from "../../src/factories/stream.js";
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

  it("an update keeps an item's place; lists keep insertion order", () => {
    const store = new FakeTwilioStore();
    const [a, b, c] = conferenceFactory.seed(4).forAccount("AC0123456789abcdef0123456789abcdef").buildList(3);
    for (const x of [a, b, c]) if (x) store.putConference(x);
    if (a) store.putConference({ ...a, friendly_name: "renamed" });
    expect(store.conferences("AC0123456789abcdef0123456789abcdef").map((x) => x.friendly_name)).toEqual([
      "renamed",
      b?.friendly_name,
      c?.friendly_name,
    ]);
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

  it("reset empties everything, so the fake answers 401 until something is put again", async () => {
    const fake = await startFakeTwilio({ seed: 2 });
    try {
      const path = `${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Conferences.json`;
      const headers = {
        authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}`,
      };
      fake.store.reset();
      expect(fake.store.conferences(fake.accountSid)).toEqual([]);
      expect((await fetch(path, { headers })).status).toBe(401);
      fake.store.putAccount(fake.accountSid);
      expect(await (await fetch(path, { headers })).json()).toMatchObject({ conferences: [], page: 0 });
    } finally {
      await fake.close();
    }
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
      "in-progress",
      "in-progress",
      "init",
      "completed",
      "completed",
    ]);
    expect(first.participants.map((list) => list.length)).toEqual([4, 2, 0, 0, 0]);
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
