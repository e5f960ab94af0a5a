// Property: whatever valid form CreateParticipant gets (any To Twilio dials, any Label, the flags in Twilio's spellings,
// coaching with its coached call), the participant it creates passes the strict profile, now and at every step of its
// lifecycle, and the text of its 201 is JSON.stringify's. The store holds a created participant without checking it
// again (addCreatedParticipant), and the 201's text is written field by field (createdParticipantText): this is the
// check of both. PROPERTY_RUNS sets the runs.
import fc from "fast-check";
import { stringify } from "node:querystring";
import { describe, expect, it } from "vitest";
import { findOperation, operationPath } from "../../src/catalogue/operations.js";
import { FakeClock } from "../../src/fake-twilio/clock.js";
import { answer } from "../../src/fake-twilio/operation.js";
import { seedStore } from "../../src/fake-twilio/seed.js";
import { FakeTwilioStore } from "../../src/fake-twilio/store.js";
import { validateResource } from "../../src/validate/validate.js";
import { PROPERTY_RUNS, propertyTimeout } from "./_runs.js";

const hex = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });
const flag = fc.option(fc.constantFrom("true", "True", "false", "False"), { nil: undefined });
const to = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 3, maxLength: 15 }).map((digits) => `+${digits}`),
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 3, maxLength: 15 }),
  fc
    .string({ minLength: 1 })
    .filter((s) => !/\s/.test(s))
    .map((name) => `client:${name}`),
  hex(32).map((h) => `app:AP${h}`),
  fc.constantFrom("sip:alice@example.com", "+15005550001", "+15005550002", "+15005550003"),
);

/** A CreateParticipant form with only defined fields, as a client would send it. */
const form = fc
  .record({
    From: fc.constantFrom("+15017122661", "client:support", "+4915735983768"),
    To: to,
    Label: fc.option(fc.oneof(fc.string(), fc.string({ unit: "binary" })), { nil: undefined }),
    Muted: flag,
    Coaching: flag,
    CallSidToCoach: fc.option(
      hex(32).map((h) => `CA${h}`),
      { nil: undefined },
    ),
    StartConferenceOnEnter: flag,
    EndConferenceOnExit: flag,
  })
  .map((fields) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));

describe("a participant CreateParticipant creates", () => {
  it(
    "passes the strict profile, created and at each step of its lifecycle, and its 201's text is JSON.stringify's",
    () => {
      const store = new FakeTwilioStore({ seed: 1, clock: new FakeClock({ mode: "manual" }) });
      const accountSid = seedStore(store);
      const conference = store.conferences(accountSid).find((c) => c.status === "in-progress");
      if (!conference) throw new Error("the seeded world has no in-progress conference");
      const params = { AccountSid: accountSid, ConferenceSid: conference.sid };
      const authorization = `Basic ${Buffer.from(`${accountSid}:${store.authToken}`).toString("base64")}`;
      const operation = findOperation("CreateParticipant");
      let created = 0;
      fc.assert(
        fc.property(form, (body) => {
          const reply = answer(store, operation, {
            params,
            query: {},
            body: Object.assign(Object.create(null), body),
            authorization,
            path: operationPath("CreateParticipant", params),
            contentType: "application/x-www-form-urlencoded",
          });
          const coachWithoutTarget = /^true$/i.test(body.Coaching ?? "") && body.CallSidToCoach === undefined;
          expect(reply.status, stringify(body)).toBe(coachWithoutTarget ? 400 : 201);
          if (reply.status !== 201) return;
          created++;
          expect(reply.text, stringify(body)).toBe(JSON.stringify(reply.body));
          const participant = reply.body as { call_sid: string };
          const steps = [participant];
          for (let i = 0; i < 4; i++) {
            store.clock.advance(250);
            const now = store.participant(accountSid, conference.sid, participant.call_sid);
            if (now) steps.push(now);
          }
          for (const step of steps) {
            const checked = validateResource("participant", step, { profile: "strict" });
            expect(checked.ok ? [] : checked.issues, stringify(body)).toEqual([]);
          }
        }),
        { numRuns: PROPERTY_RUNS, seed: 20_261_130 },
      );
      expect(created).toBeGreaterThan(PROPERTY_RUNS / 2);
    },
    propertyTimeout(5),
  );
});
