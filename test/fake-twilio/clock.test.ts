import { describe, expect, it } from "vitest";
import { TestkitError } from "../../src/errors.js";
import { FakeClock } from "../../src/fake-twilio/index.js";

const START = new Date("2030-01-01T00:00:00Z");
const manual = () => new FakeClock({ mode: "manual", start: START });
const elapsed = (clock: FakeClock) => clock.now().getTime() - START.getTime();

describe("FakeClock, manual", () => {
  it("stands still until advanced, then runs due work in time order, ties in scheduling order, each at its time", () => {
    const clock = manual();
    const ran: string[] = [];
    const note = (name: string) => () => ran.push(`${name}@${elapsed(clock)}`);
    clock.schedule(30, note("c"));
    clock.schedule(10, note("a"));
    clock.schedule(10, note("b"));
    clock.schedule(50, note("late"));
    expect(elapsed(clock)).toBe(0);
    expect(clock.advance(40)).toBe(3);
    expect(ran).toEqual(["a@10", "b@10", "c@30"]);
    expect([elapsed(clock), clock.pending]).toEqual([40, 1]);
  });

  it("runs work scheduled by work when it falls due within the same advance, and not before", () => {
    const clock = manual();
    const ran: number[] = [];
    const chain = () => {
      ran.push(elapsed(clock));
      clock.schedule(25, chain);
    };
    clock.schedule(25, chain);
    clock.advance(100);
    expect(ran).toEqual([25, 50, 75, 100]);
    expect(clock.pending).toBe(1);
  });

  it("cancelled work never runs; runAll runs everything left, moving the clock to the last one", () => {
    const clock = manual();
    const ran: number[] = [];
    clock.schedule(5, () => ran.push(5)).cancel();
    clock.schedule(7_000, () => ran.push(elapsed(clock)));
    expect(clock.runAll()).toBe(1);
    expect([ran, elapsed(clock), clock.pending]).toEqual([[7_000], 7_000, 0]);
  });

  it("refuses a negative or infinite step, and a step from inside scheduled work", () => {
    const clock = manual();
    expect(() => clock.advance(-1)).toThrow(TestkitError);
    expect(() => clock.schedule(Number.NaN, () => {})).toThrow(/not 0 or more/);
    clock.schedule(1, () => clock.advance(1));
    expect(() => clock.runAll()).toThrow(/cannot advance the clock itself/);
  });

  it("stops work that keeps scheduling work at the same time", () => {
    const clock = manual();
    const forever = () => {
      clock.schedule(0, forever);
    };
    clock.schedule(0, forever);
    expect(() => clock.runAll()).toThrow(/past 100010 runs/);
  });

  it("runs a world of many pieces of work, each scheduling more, in one call", () => {
    const clock = manual();
    let ran = 0;
    const step = (left: number) => () => {
      ran++;
      if (left > 0) clock.schedule(100, step(left - 1));
    };
    for (let i = 0; i < 50_000; i++) clock.schedule(i % 100, step(2)); // three steps each, as a participant's lifecycle
    expect(clock.advance(1_000)).toBe(150_000);
    expect(ran).toBe(150_000);
  });
});

describe("FakeClock, real", () => {
  it("runs work on its own when due, and advance jumps ahead of the system clock", async () => {
    const clock = new FakeClock();
    const before = Date.now();
    const ranAt = await new Promise<number>((resolve) => clock.schedule(30, () => resolve(Date.now())));
    expect(ranAt - before).toBeGreaterThanOrEqual(25);
    clock.advance(60_000);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThanOrEqual(59_000);
    clock.dispose();
  });

  it("dispose drops pending work", async () => {
    const clock = new FakeClock();
    let ran = false;
    clock.schedule(10, () => {
      ran = true;
    });
    clock.dispose();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect([ran, clock.pending]).toEqual([false, 0]);
  });
});
