import { describe, expect, it } from "vitest";
import { TestkitError } from "../../src/errors.js";
import {
  conferenceFactory,
  defineFactory,
  participantFactory,
  participantPageFactory,
} from "../../src/factories/index.js";
import type { Participant } from "../../src/generated/schemas.js";
import { validateResource } from "../../src/validate/validate.js";

describe("sequences", () => {
  it("count builds from 1 across factories derived from one definition, and rewind to 1", () => {
    const labelled = participantFactory.afterBuild((p, { sequence }) => ({ ...p, label: `agent-${sequence}` }));
    labelled.rewindSequence();
    expect(labelled.buildList(2).map((p) => p.label)).toEqual(["agent-1", "agent-2"]);
    expect(labelled.seed(5).build().label).toBe("agent-3");
    labelled.rewindSequence();
    expect(labelled.build().label).toBe("agent-1");
  });

  it("are not advanced by the items a page builds", () => {
    participantFactory.rewindSequence();
    participantPageFactory.seed(1).ofTotal(5).build();
    expect(participantFactory.afterBuild((p, { sequence }) => ({ ...p, label: String(sequence) })).build().label).toBe(
      "1",
    );
  });

  it("do not feed the random streams: a seeded build is the same whatever the sequence", () => {
    const before = participantFactory.seed(8).build();
    participantFactory.buildList(3);
    expect(participantFactory.seed(8).build()).toEqual(before);
  });
});

describe("transient parameters", () => {
  const calls = defineFactory<{ sid: string; to: string }, { country: string }>({
    name: "call",
    schema: {
      type: "object",
      required: ["sid", "to"],
      properties: { sid: { type: "string", pattern: "^CA[0-9a-f]{32}$" }, to: { type: "string" } },
      additionalProperties: false,
    },
    params: { country: "+1" },
    generate: ({ draw, fixed, params }) => ({
      sid: fixed.sid ?? `CA${draw("sid").string.hexadecimal({ length: 32, casing: "lower", prefix: "" })}`,
      to: fixed.to ?? `${params.country}${draw("to").string.numeric(10)}`,
    }),
  });

  it("shape the build without becoming fields, from withParams or from build", () => {
    expect(calls.seed(1).build().to).toMatch(/^\+1\d{10}$/);
    expect(calls.seed(1).withParams({ country: "+44" }).build().to).toMatch(/^\+44\d{10}$/);
    const built = calls.seed(1).build({}, { country: "+33" });
    expect(built.to).toMatch(/^\+33\d{10}$/);
    expect(Object.keys(built).sort()).toEqual(["sid", "to"]);
  });
});

describe("after-build hooks", () => {
  it("run in order before the strict check, and may change the object in place", () => {
    const built = participantFactory
      .seed(2)
      .afterBuild((p) => {
        p.label = "first";
      })
      .afterBuild((p) => ({ ...p, label: `${p.label}+second` }))
      .build();
    expect(built.label).toBe("first+second");
  });

  it("cannot make an invalid object: the check follows them", () => {
    const bad = participantFactory.seed(2).afterBuild((p) => ({ ...p, call_sid: "CF1" }));
    expect(() => bad.build()).toThrow(/Failed to build participant: .*\/call_sid/s);
  });
});

describe("deep-merged overrides", () => {
  it("a nested override keeps the generated fields it does not set", () => {
    const plain = conferenceFactory.seed(4).build();
    const participants = plain.subresource_uris.participants;
    const built = conferenceFactory.seed(4).build({ subresource_uris: { participants } });
    expect(built).toEqual(plain);
  });

  it("a nested override that breaks a rule names the field and the rule", () => {
    expect(() => conferenceFactory.seed(4).build({ subresource_uris: { participants: "/nope.json" } })).toThrow(
      /1 issue:\n\s+\/subresource_uris\/participants .*\[conference-uris\]/,
    );
  });

  it("arrays replace, as in fishery", () => {
    const items = participantFactory.seed(1).forConference(conferenceFactory.seed(1).build()).buildList(2);
    expect(participantPageFactory.seed(1).build({ participants: items }).participants).toEqual(items);
  });
});

describe("stability and digits", () => {
  it("overriding conference_sid changes only conference_sid and uri", () => {
    const plain = participantFactory.seed(1).build();
    const other = conferenceFactory.seed(99).build().sid;
    const built = participantFactory.seed(1).build({ conference_sid: other });
    const changed = Object.keys(plain).filter(
      (k) => JSON.stringify(plain[k as keyof typeof plain]) !== JSON.stringify(built[k as keyof typeof built]),
    );
    expect(changed.sort()).toEqual(["conference_sid", "uri"]);
  });

  it("a participant's call_sid and account_sid do not share digits", () => {
    const p = participantFactory.seed(1).build();
    expect(p.call_sid.slice(2)).not.toBe(p.account_sid.slice(2));
  });
});

describe("defineFactory", () => {
  const schema = {
    type: "object",
    required: ["sid", "status", "date_created"],
    properties: {
      sid: { type: "string", pattern: "^CA[0-9a-f]{32}$" },
      status: { enum: ["queued", "busy"] },
      date_created: { type: "string", format: "date-time-rfc-2822" },
    },
    additionalProperties: false,
  };
  interface Call {
    sid: string;
    status: "queued" | "busy";
    date_created: string;
  }
  const callFactory = defineFactory<Call>({
    name: "call",
    schema,
    generate: ({ draw, fixed }) => ({
      sid: fixed.sid ?? `CA${draw("sid").string.hexadecimal({ length: 32, casing: "lower", prefix: "" })}`,
      status: fixed.status ?? draw("status").helpers.arrayElement(["queued", "busy"] as const),
      date_created: fixed.date_created ?? "Fri, 18 Feb 2011 21:07:19 +0000",
    }),
    traits: { busy: () => ({ status: "busy" }) },
  });

  it("builds reproducible objects that pass the schema, with traits", () => {
    expect(callFactory.seed(3).build()).toEqual(callFactory.seed(3).build());
    expect(callFactory.seed(3).traits("busy").build().status).toBe("busy");
  });

  it("checks every build against the schema, with the kit's formats", () => {
    expect(() => callFactory.build({ sid: "nope" })).toThrow(/Failed to build call: 1 issue:\n\s+\/sid .*\[pattern\]/);
    expect(() => callFactory.build({ date_created: "2011-02-18T21:07:19Z" })).toThrow(/\/date_created .*\[format\]/);
    const broken = defineFactory<Call>({ name: "broken", schema, generate: () => ({ sid: "CA1" }) as Call });
    expect(() => broken.seed(1).build()).toThrow(/Failed to build broken: .*\/sid/s);
  });

  it("reaches the kit's schemas by $ref", () => {
    const wrapped = defineFactory<Participant>({
      name: "wrapped",
      schema: { $ref: "https://twilio-testkit.dev/schemas/strict/participant.json" },
      generate: ({ fixed }) => participantFactory.seed(1).build(fixed),
    });
    expect(validateResource("participant", wrapped.build(), { profile: "strict" }).ok).toBe(true);
    expect(() => wrapped.build({ coaching: true, call_sid_to_coach: null })).toThrow(/coaching-has-target/);
  });

  it("refuses a schema that does not compile, in one line", () => {
    const define = () =>
      defineFactory({ name: "odd", schema: { type: "object", oddKeyword: 1 }, generate: () => ({}) });
    expect(define).toThrow(TestkitError);
    expect(define).toThrow(/^Failed to define factory odd: the schema does not compile: .*oddKeyword/);
  });
});
