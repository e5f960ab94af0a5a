// store.reset() goes back to the seeded world, and the callbacks with it: the same requests after a
// reset send the same callbacks as after the start (SequenceNumbers, SIDs, drawn values), only later.
import type twilio from "twilio";
import { describe, expect, it } from "vitest";
import type { FakeTwilio } from "../../src/fake-twilio/index.js";
import { parseRfc2822 } from "../../src/rfc2822.js";
import { useCallbackRig } from "./_callback-rig.js";

const rig = useCallbackRig();

/** Joins the seeded in-progress conference with every callback subscribed, is muted, and stays: the deliveries it made, times relative to its start. */
async function joinAndMute(current: FakeTwilio, client: twilio.Twilio, rx: string): Promise<string[]> {
  const from = current.callbacks.list().length;
  const startedAt = current.clock.now().getTime();
  const conference = current.store.conferences(current.accountSid).find((c) => c.status === "in-progress");
  const participants = client.conferences(conference?.sid ?? "").participants;
  const created = await participants.create({
    from: "+15017122661",
    to: "+15558675310",
    statusCallback: `${rx}/calls`,
    statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
    conferenceStatusCallback: `${rx}/conference`,
    conferenceStatusCallbackEvent: ["join", "mute", "leave"],
    record: true,
    recordingStatusCallback: `${rx}/recordings`,
    recordingStatusCallbackEvent: ["in-progress", "completed"],
  });
  current.clock.advance(1_000);
  await participants(created.callSid).update({ muted: true });
  current.clock.advance(1_000);
  await current.callbacks.settled();
  const relative = (text: string) => String(((parseRfc2822(text)?.getTime() ?? Number.NaN) - startedAt) / 1000);
  return current.callbacks
    .list()
    .slice(from)
    .map((d) => {
      const { Timestamp, RecordingStartTime, ...params } = d.params;
      const times = [Timestamp, RecordingStartTime].map((t) => (t === undefined ? "-" : `+${relative(t)}s`));
      return `${d.kind} ${d.event} ${new URL(d.url).pathname} ${times.join(" ")} ${JSON.stringify(params)}`;
    });
}

describe("store.reset() and status callbacks", () => {
  it("the callbacks after a reset equal those after the start: SequenceNumbers start over", async () => {
    const { fake, client, receiver } = await rig({
      seed: 8,
      clock: { mode: "manual", start: new Date("2030-01-01T00:00:00Z") },
    });
    const afterStart = await joinAndMute(fake, client, receiver.url);
    fake.store.reset(); // the participant is still connected, its conference in progress: both forgotten
    const afterReset = await joinAndMute(fake, client, receiver.url);

    expect(afterStart.map((line) => line.split(" ").slice(0, 3).join(" "))).toEqual([
      "call-progress initiated /calls",
      "call-progress ringing /calls",
      "call-progress answered /calls",
      "recording-status in-progress /recordings",
      "conference-status participant-join /conference",
      "conference-status participant-mute /conference",
    ]);
    expect(afterReset).toEqual(afterStart);
    expect(fake.callbacks.list().map((d) => d.sequenceNumber)).toEqual([
      0,
      1,
      2,
      undefined,
      1,
      2,
      0,
      1,
      2,
      undefined,
      1,
      2,
    ]);
  });
});
