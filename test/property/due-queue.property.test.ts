// Property: the clock's due queue gives out work in (due time, scheduling order), as one sorted list would, whatever
// the delays (more than it has lanes for), whatever the time does between pushes (it may step back, as a real clock's
// system time can), and however pushes and takes interleave. PROPERTY_RUNS sets the runs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Due, DueQueue } from "../../src/fake-twilio/_due-queue.js";
import { PROPERTY_RUNS, propertyTimeout } from "./_runs.js";

type Step = { push: { delay: number; timeStep: number } } | { take: { until: number } };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      push: fc.record({
        delay: fc.constantFrom(0, 5, 10, 20, 40, 70, 100, 300, 700, 1000, 1500),
        timeStep: fc.integer({ min: -30, max: 50 }),
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ take: fc.record({ until: fc.integer({ min: 0, max: 3000 }) }) }) },
);

const before = (a: Due, b: Due): boolean => a.at < b.at || (a.at === b.at && a.order < b.order);

describe("the clock's due queue", () => {
  it(
    "gives out work in due order, ties in scheduling order, like a sorted list",
    () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
          const queue = new DueQueue<Due>();
          let model: Due[] = [];
          let time = 0;
          let order = 0;
          for (const s of steps) {
            if ("push" in s) {
              time = Math.max(0, time + s.push.timeStep);
              const item = { at: time + s.push.delay, order: order++ };
              queue.push(item, s.push.delay);
              model.push(item);
              model.sort((a, b) => (before(a, b) ? -1 : 1));
            } else {
              const taken: Due[] = [];
              for (let next = queue.shiftDue(s.take.until); next; next = queue.shiftDue(s.take.until)) taken.push(next);
              const due = model.filter((item) => item.at <= s.take.until);
              model = model.filter((item) => item.at > s.take.until);
              expect(taken).toEqual(due);
            }
            expect(queue.size).toBe(model.length);
            expect(queue.peek()).toEqual(model[0]);
          }
        }),
        { numRuns: PROPERTY_RUNS, seed: 20_261_130 },
      );
    },
    propertyTimeout(20),
  );

  it("keeps a long lane in order while it is read in parts (the lane compacts as it is read)", () => {
    const queue = new DueQueue<Due>();
    const taken: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      queue.push({ at: i + 100, order: i }, 100);
      if (i % 3 === 2) taken.push(queue.shiftDue(i + 100)?.order ?? -1);
    }
    for (let next = queue.shiftDue(Number.POSITIVE_INFINITY); next; next = queue.shiftDue(Number.POSITIVE_INFINITY))
      taken.push(next.order);
    expect(taken).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
    expect(queue.size).toBe(0);
  });
});
