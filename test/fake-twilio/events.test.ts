import { describe, expect, it, vi } from "vitest";
import type { FakeTwilioEvent } from "../../src/fake-twilio/index.js";
import { FakeTwilioEvents } from "../../src/fake-twilio/events.js";

const streamEvent = (name: string) =>
  ({ type: "stream-started", accountSid: "AC1", time: new Date(0), stream: { name }, callbacks: {} }) as never;

describe("FakeTwilioEvents", () => {
  it("numbers events in order, tells listeners until they unsubscribe, and a throwing listener stops nobody", () => {
    const events = new FakeTwilioEvents();
    const seen: number[] = [];
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      events.subscribe(() => {
        throw new Error("boom");
      });
      const stop = events.subscribe((e: FakeTwilioEvent) => seen.push(e.seq));
      events.emit(streamEvent("a"));
      events.emit(streamEvent("b"));
      stop();
      events.emit(streamEvent("c"));
      expect(seen).toEqual([0, 1]);
      expect(events.list().map((e) => e.seq)).toEqual([0, 1, 2]);
      expect(warn).toHaveBeenCalledWith("Failed to tell a listener of the fake Twilio's events: boom");
    } finally {
      warn.mockRestore();
    }
  });

  it("keeps the newest 10,000 events", () => {
    const events = new FakeTwilioEvents();
    for (let i = 0; i < 25_000; i++) events.emit(streamEvent(String(i)));
    const kept = events.list();
    expect([kept.length, kept[0]?.seq, kept.at(-1)?.seq]).toEqual([10_000, 15_000, 24_999]);
    events.clear();
    expect(events.list()).toEqual([]);
  });
});
