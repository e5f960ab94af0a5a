import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import "../../src/vitest/index.js";
import { conferenceFactory, participantFactory, streamFactory } from "../../src/factories/index.js";
import { formatIssues } from "../../src/validate/issues.js";
import { fromSdkShape, isSdkShape, toSdkShape, type SdkKind } from "../../src/validate/sdk-shape.js";
import { validateResource, validateResponse } from "../../src/validate/validate.js";
import { useFakeTwilio } from "../fake-twilio/_harness.js";

// The SDK's own instance classes, built from wire payloads as the SDK builds them from a response.
const require = createRequire(import.meta.url);
const api = "twilio/lib/rest/api/v2010/account";
const INSTANCES = {
  participant: (wire: object) =>
    new (require(`${api}/conference/participant.js`).ParticipantInstance)({}, wire, "AC", "CF", "CA"),
  conference: (wire: object) => new (require(`${api}/conference.js`).ConferenceInstance)({}, wire, "AC", "CF"),
  stream: (wire: object) => new (require(`${api}/call/stream.js`).StreamInstance)({}, wire, "AC", "CA", "MZ"),
} satisfies Record<SdkKind, (wire: object) => { toJSON(): object }>;

const WIRE = {
  participant: () => participantFactory.seed(7).build(),
  conference: () => conferenceFactory.seed(7).build(),
  stream: () => streamFactory.seed(7).build(),
};

describe("SDK shapes", () => {
  for (const kind of ["participant", "conference", "stream"] as const) {
    it(`${kind}: toSdkShape is the SDK's toJSON(), and fromSdkShape gives the wire object back`, () => {
      const wire = WIRE[kind]();
      const instance = INSTANCES[kind](wire);
      expect(toSdkShape(kind, wire)).toEqual(instance.toJSON());
      expect(fromSdkShape(kind, instance)).toEqual(wire);
      expect(fromSdkShape(kind, JSON.parse(JSON.stringify(instance)))).toEqual(wire);
      expect(isSdkShape(instance) && isSdkShape(instance.toJSON()) && !isSdkShape(wire)).toBe(true);
    });
  }

  it("toSdkShape drops the fields the SDK drops, and refuses a kind without an SDK shape", () => {
    const shaped = toSdkShape("stream", { ...streamFactory.seed(1).build(), extra: 1 });
    expect(Object.keys(shaped)).not.toContain("extra");
    expect(() => toSdkShape("error" as SdkKind, {})).toThrow(
      /^Failed to convert to the SDK shape: "error" has no SDK shape/,
    );
  });

  it("validators check an SDK object in its wire shape and name the SDK's keys in issues", () => {
    const instance = INSTANCES.participant(participantFactory.seed(3).build());
    expect(validateResource("participant", instance, { profile: "strict" }).ok).toBe(true);
    instance.muted = "yes";
    instance.callSid = "nope";
    instance.extraField = 1;
    const result = validateResponse("FetchParticipant", instance, { profile: "strict" });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["/muted", "/callSid", "/extraField"]));
    expect(paths.filter((p) => p.includes("_"))).toEqual([]);
  });

  it("an array of SDK instances (what list() gives) is checked item by item", () => {
    const items = participantFactory.seed(4).buildList(2).map(INSTANCES.participant);
    expect(validateResponse("ListParticipant", items).ok).toBe(true);
    expect(validateResponse("ListParticipant", []).ok).toBe(true);
    items[1].conferenceSid = 5;
    const result = validateResponse("ListParticipant", items);
    expect(result.ok ? "" : formatIssues(result.issues)).toMatch(/\/1\/conferenceSid/);
  });
});

describe("SDK instances fetched from the fake Twilio", () => {
  const h = useFakeTwilio();

  it("pass toMatchTwilioSchema, and a tampered one fails with readable issues", async () => {
    const { client, fake } = h();
    const conference = fake.store.conferences(fake.accountSid).find((c) => c.status === "in-progress");
    if (!conference) throw new Error("the seed has no in-progress conference");
    const [first] = fake.store.participants(fake.accountSid, conference.sid);
    if (!first) throw new Error("the seeded conference has no participant");

    const participant = await client.conferences(conference.sid).participants(first.call_sid).fetch();
    expect(participant).toMatchTwilioSchema("FetchParticipant", { profile: "strict" });
    expect(participant.toJSON()).toBeTwilioResource("participant", { profile: "strict" });
    expect(fromSdkShape("participant", participant)).toEqual(first);
    expect(await client.conferences(conference.sid).fetch()).toMatchTwilioSchema("FetchConference", {
      profile: "strict",
    });
    expect(await client.conferences.list({ limit: 5 })).toMatchTwilioSchema("ListConference", { profile: "strict" });

    participant.status = "dancing" as never;
    participant.dateCreated = "yesterday" as never;
    expect(() => expect(participant).toMatchTwilioSchema("FetchParticipant")).toThrow(
      /2 issues:\n {2}\/dateCreated {2}must match format .*\n {2}\/status {2}must be one of /,
    );
  });
});

describe("arrays as responses", () => {
  it("only SDK instances make a list: an array of wire objects is not a page", () => {
    const result = validateResponse("ListParticipant", participantFactory.seed(4).buildList(1));
    expect(result.ok ? "" : formatIssues(result.issues)).toMatch(/\/0 {2}must be a twilio SDK instance/);
    expect(validateResponse("FetchParticipant", []).ok).toBe(false);
  });
});
