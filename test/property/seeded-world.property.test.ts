// Property: every seed gives a coherent world. Whatever the seed, the seeded account's conferences
// and participants agree in time (participants joined within their conference's life, every
// date_updated ≥ its date_created), completed conferences carry every end field, lists come newest
// date_created first, and every resource passes the strict profile. PROPERTY_RUNS sets the runs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedStore } from "../../src/fake-twilio/seed.js";
import { FakeTwilioStore } from "../../src/fake-twilio/store.js";
import { validateResource } from "../../src/validate/validate.js";
import { PROPERTY_RUNS, propertyTimeout } from "./_runs.js";

const time = (date: string | null): number => (date === null ? Number.NaN : Date.parse(date));

/** Whether a list's dates never rise: newest first. */
const newestFirst = (items: readonly { date_created: string | null }[]): boolean =>
  items.every((item, i) => i === 0 || time(items[i - 1]?.date_created ?? null) >= time(item.date_created));

describe("the seeded world", () => {
  it(
    "is coherent in time and complete for every seed",
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
          const store = new FakeTwilioStore({ seed });
          const accountSid = seedStore(store);
          const conferences = store.conferences(accountSid);
          expect(conferences).toHaveLength(5);
          expect(newestFirst(conferences)).toBe(true);
          for (const c of conferences) {
            expect(validateResource("conference", c, { profile: "strict" }).ok).toBe(true);
            expect(time(c.date_updated)).toBeGreaterThanOrEqual(time(c.date_created));
            if (c.status === "completed") {
              expect(c.reason_conference_ended).not.toBeNull();
              const byCall = c.reason_conference_ended !== "conference-ended-via-api";
              expect(c.call_sid_ending_conference === null).toBe(!byCall);
            }
            const participants = store.participants(accountSid, c.sid);
            expect(newestFirst(participants)).toBe(true);
            if (c.status !== "in-progress") expect(participants).toEqual([]);
            for (const p of participants) {
              expect(validateResource("participant", p, { profile: "strict" }).ok).toBe(true);
              expect(time(p.date_created)).toBeGreaterThan(time(c.date_created));
              expect(time(p.date_updated)).toBeGreaterThanOrEqual(time(p.date_created));
              expect(time(p.date_updated)).toBeLessThanOrEqual(time(c.date_updated));
            }
          }
          expect(conferences.flatMap((c) => store.participants(accountSid, c.sid))).toHaveLength(6);
        }),
        { numRuns: PROPERTY_RUNS, seed: 20_261_130 },
      );
    },
    propertyTimeout(20),
  );
});
